"""Terms a document marks by how it writes them, with no quotation or book-title marks.

A policy text glosses its abbreviations and technical tokens in brackets right after them
(IPv6（互联网协议第6版）, 网信办（国家互联网信息办公室）): the token is a key term and the
gloss, left in the card, is its hint. It names the laws it rests on without 《》 (依据网络安
全法等法律法规): a name closed by 法 or 条例 right after 依据/根据/按照/遵守 …. And it coins
four-character rules of procedure (先审后发, 一企一策) that no dictionary lists. Each
function reads one Simplified sentence and gives the (start, end) of each term in it; the
blank is checked against jieba's cut afterwards.

>>> text = "加快IPv6（互联网协议第6版）规模部署。"
>>> [text[s:e] for s, e in glossed_terms(text)]
['IPv6']
>>> text = "由网信办（国家互联网信息办公室）统筹。"
>>> [text[s:e] for s, e in glossed_terms(text)]
['网信办']
>>> glossed_terms("各省（区、市）人民政府"), glossed_terms("办公厅（室）负责。")
([], [])
>>> text = "依据网络安全法、保守国家秘密法等法律法规，加强管理。"
>>> [text[s:e] for s, e in unmarked_laws(text)]
['网络安全法', '保守国家秘密法']
>>> unmarked_laws("按照科学方法推进。"), unmarked_laws("根据有关办法执行。")
([], [])
>>> text = "坚持分级分类审核、先审后发，明确审核流程。"
>>> [text[s:e] for s, e in procedure_coinages(text)]
['先审后发']
>>> procedure_coinages("我们坚持先立后破，稳步推进。"), procedure_coinages("首先后续工作要跟上。")
([(4, 8)], [])
"""

from __future__ import annotations

import re

from quiz.text.phrases import CJK, has_cjk, mask_quotes

# A Latin token with a capital or a digit (IPv6, GDP, 5G, PM2.5) and a gloss in brackets
# that holds Chinese and no clause (IPv6（互联网协议第6版）).
_LATIN_GLOSS = re.compile(
    r"(?<![A-Za-z0-9.\-])([A-Za-z0-9][A-Za-z0-9.+\-]*[A-Za-z0-9])[（(]([^（）()，,。；;]{2,30})[）)]"
)
# A Chinese short form and its full form in brackets (网信办（国家互联网信息办公室）).
_CJK_GLOSS = re.compile(rf"([{CJK}]{{2,8}})[（(]([{CJK}]{{4,30}})[）)]")
MIN_SHORT, MAX_SHORT = 2, 6
_CAPITAL_OR_DIGIT = re.compile("[A-Z0-9]")


def glossed_terms(text: str) -> list[tuple[int, int]]:
    """Each token the sentence glosses in brackets right after it (see the module): a
    Latin token with a capital or a digit and a Chinese gloss, or a Chinese short form
    whose characters the gloss holds in order and which it is at least two characters
    longer than (the longest such end of the characters before the bracket)."""
    masked = mask_quotes(text)
    found: list[tuple[int, int]] = []
    for match in _LATIN_GLOSS.finditer(masked):
        token, gloss = match.group(1), match.group(2)
        if has_cjk(gloss) and _CAPITAL_OR_DIGIT.search(token):
            found.append(match.span(1))
    for match in _CJK_GLOSS.finditer(masked):
        run, gloss = match.group(1), match.group(2)
        best = 0
        for size in range(MIN_SHORT, min(MAX_SHORT, len(run)) + 1):
            if _in_order(run[-size:], gloss) and len(gloss) >= size + 2:
                best = size
            else:
                break
        if best and not gloss.startswith(run[-best:]):  # 本市（本市行政区域）: no short form
            found.append((match.end(1) - best, match.end(1)))
    return sorted(found)


def _in_order(short: str, full: str) -> bool:
    """Whether `full` holds the characters of `short` in their order."""
    at = 0
    for ch in short:
        at = full.find(ch, at)
        if at < 0:
            return False
        at += 1
    return True


# What a text does with a law it names: rests on it, carries it out, keeps to it.
LAW_VERBS = "依据 根据 按照 依照 遵照 贯彻 遵守 落实 执行 实施 违反 贯彻落实 认真落实 严格执行"
_LAW_VERB = "|".join(sorted(LAW_VERBS.split(), key=len, reverse=True))
# A law's name: a compound of at least two characters before 法 or 条例.
_LAW_NAME = f"[{CJK}]{{2,12}}?(?:法|条例)"
_LAW_LIST = re.compile(
    f"(?:{_LAW_VERB})((?:{_LAW_NAME})(?:(?:、|和|及|以及)(?:{_LAW_NAME}))*)"
    "(?=等|和|及|、|，|,|。|；|的|有关|相关|规定|要求|$)"
)
_LAW_SPLIT = re.compile("、|以及|和|及")
# Words closed by 法 that name a way of doing, no law (方法, 办法, 做法 …), and the words
# a law's name never opens with (有关办法, 相关条例: which one the text does not say).
NOT_LAWS = frozenset(
    "方法 办法 做法 想法 说法 看法 手法 用法 写法 技法 疗法 算法 语法 书法 兵法 戏法 "
    "魔法 执法 立法 司法 守法 违法 依法 合法 非法 普法 变法 章法 家法 王法 国法 打法 "
    "玩法 解法 设法 效法 无法 没法".split()
)
_VAGUE_OPENINGS = ("有关", "相关", "上述", "本", "该", "各", "国家", "现行", "这", "此", "前述")


def unmarked_laws(text: str) -> list[tuple[int, int]]:
    """The laws (…法, …条例) a clause names without 《》 right after a verb that rests on or
    carries out a law (LAW_VERBS), several when 、/和/及 join them: 依据网络安全法等法律法规.
    A name closed by a word of NOT_LAWS or opened by a vague word (有关, 相关) is none."""
    masked = mask_quotes(text)
    found: list[tuple[int, int]] = []
    for match in _LAW_LIST.finditer(masked):
        at = match.start(1)
        names: list[tuple[int, int]] = []
        for piece in _LAW_SPLIT.split(match.group(1)):
            start, end = at, at + len(piece)
            at = end
            joiner = _LAW_SPLIT.match(masked, at)
            if joiner is not None:
                at = joiner.end()
            if not _is_law(piece):
                names = []
                break
            names.append((start, end))
        found.extend(names)
    return found


def _is_law(name: str) -> bool:
    if len(name) < 4 or name[-2:] in NOT_LAWS or name.startswith(_VAGUE_OPENINGS):
        return False
    return not any(ch in "的了着是在对把被将" for ch in name)


# 先审后发, 先立后破, 一企一策, 边查边改: a rule of procedure in four characters.
# It stands after punctuation or a verb that states a rule: 坚持先立后破, 实行一企一策.
PROCEDURE_VERBS = "坚持 实行 实施 推行 做到 落实 采取 执行 建立"
_PROCEDURE = re.compile(
    f"(?:(?<![{CJK}])|(?<={')|(?<='.join(PROCEDURE_VERBS.split())}))"
    f"(先[{CJK}]后[{CJK}]|一[{CJK}]一[{CJK}]|边[{CJK}]边[{CJK}])"
)
_PROCEDURE_AFTER = re.compile(f"(?:[^{CJK}]|$|的|等)")


def procedure_coinages(text: str) -> list[tuple[int, int]]:
    """Each 先X后Y / 一X一Y / 边X边Y standing alone, after punctuation or a verb of
    PROCEDURE_VERBS and before punctuation, 的 or 等 (先审后发，); the caller drops idioms
    and dictionary words (先来后到, 一心一意)."""
    masked = mask_quotes(text)
    found: list[tuple[int, int]] = []
    for match in _PROCEDURE.finditer(masked):
        if _PROCEDURE_AFTER.match(masked, match.end()) is not None:
            found.append(match.span(1))
    return found
