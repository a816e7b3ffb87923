"""The parts pass: what an encyclopedic or textbook text says a thing is made of and called.

An article on a building, a canal or a machine lists its named parts once (由甲堰、东渠、西渠和
石闸等组成) and then describes each: a teacher asks every part, where the list asks only its
first and last. It names the thing and its parts again by other names (又称…, 俗称…, 初名…,
…，称西渠), says which is the most notable (其中最古老的是长乐桥) and what a thing is where a
pronoun stands for it (它们是水闸的前身). No quotation marks and no dictionary show these;
their sentence's frame does. Each function reads one Simplified sentence and gives the
(start, end) of each name in it; the blank is checked against jieba's cut afterwards.

>>> text = "青溪渠全长十公里，由甲堰、大小石坝、东渠、西渠和石闸等工程组成。"
>>> [text[s:e] for s, e in composition_items(text)]
['甲堰', '大小石坝', '东渠', '西渠', '石闸']
>>> composition_items("委员会由主任和委员组成。")  # two members: no list of parts
[]
>>> text = "坝身层层相扣，状似龟背，故又称龟背石。"
>>> [text[s:e] for s, e in aliases(text)]
['龟背石']
>>> text = "石渠，又名青溪、清渠，俗称为老河。另开一渠，称西渠。"
>>> [text[s:e] for s, e in aliases(text)]
['青溪', '清渠', '老河', '西渠']
>>> text = "渠上有多座古桥，其中最古老的是长乐桥，始建于宋代。"
>>> [text[s:e] for s, e in notable_names(text)]
['长乐桥']
>>> notable_names("最重要的是坚持人民至上。")  # what to do, no name
[]
>>> text = "它们是水闸的前身，也是最早的通航设备。"
>>> [text[s:e] for s, e in what_it_is(text)]
['水闸的前身']
>>> what_it_is("这是一项长期任务。"), what_it_is("它是一个好办法。")
([], [])
"""

from __future__ import annotations

import re

from quiz.generate.keywords import GOVERNING_VERBS
from quiz.generate.names import ACTION_VERBS
from quiz.text.phrases import CJK, NUMERALS, list_pieces, mask_quotes

MIN_PARTS, MAX_PARTS = 3, 8
MIN_NAME, MAX_NAME = 2, 8
# Characters that link words of a clause: a name holds none of them (的 only inside what a
# pronoun is: 水闸的前身).
_LINKING = frozenset("的地得了着过和与及或在是为对从把被将以于而也都就还又再这那等")
_NAME = re.compile(f"[{CJK}]{{{MIN_NAME},{MAX_NAME}}}")

# 由A、B和C(等N个部分)组成: a whole and its parts, in one clause.
_COMPOSED = re.compile(f"由([{CJK}、]+?)(?:组成|构成)")
_LAST_JOINER = re.compile("以及|和|及|与")
# 等工程, 三部分, 等4个部分: what the list closes with, no part itself.
_CLOSING = re.compile(f"(?:等|[{NUMERALS}\\d]+[个项座条部处类种])[{CJK}]{{0,4}}$")


def composition_items(text: str) -> list[tuple[int, int]]:
    """The parts of a 由…组成 / 由…构成 list (see the module): every item, when there are
    MIN_PARTS to MAX_PARTS of them and each is a name (two to eight characters, no linking
    character); else none."""
    found: list[tuple[int, int]] = []
    if "由" not in text:
        return found  # a quick test for _COMPOSED (masking only takes characters away)
    masked = mask_quotes(text)
    for match in _COMPOSED.finditer(masked):
        body_start = match.start(1)
        body = match.group(1)
        closing = _CLOSING.search(body)
        if closing is not None:
            body = body[: closing.start()]
        items = _items(body, body_start)
        if items is None or not MIN_PARTS <= len(items) <= MAX_PARTS:
            continue
        found.extend(items)
    return found


def _items(body: str, offset: int) -> list[tuple[int, int]] | None:
    """The items of a 、-list whose last may follow 和/及/与, each a name; None if one is
    not."""
    pieces = list_pieces(body, _LAST_JOINER)
    if not all(_is_name(body[s:e]) for s, e in pieces):
        return None
    return [(offset + s, offset + e) for s, e in pieces]


def _is_name(text: str) -> bool:
    return (
        _NAME.fullmatch(text) is not None
        and not any(ch in _LINKING for ch in text)
        and text[:2] not in GOVERNING_VERBS
        and text[:2] not in ACTION_VERBS
    )


# 又称X, 俗称为X, 初名X …: the thing's other names (X、Y when it has several).
ALIAS_MARKERS = (
    "又称 又名 又叫 俗称 俗名 简称 亦称 也称 也叫 别称 别名 古称 古名 原名 初名 旧称 旧名 "
    "故称 统称 合称 并称 改称 称为 名为 更名为 改名为"
).split()
_ALIAS = re.compile(
    "(?:" + "|".join(sorted(ALIAS_MARKERS, key=len, reverse=True)) + f")为?(?=[{CJK}])"
)
# ，称X。: a clause that only names what the one before made (另开一渠，称西渠。).
_NAMING_CLAUSE = re.compile(
    f"(?:^|(?<=[，,]))称([{CJK}]{{{MIN_NAME},{MAX_NAME - 2}}})(?=[。；;，,]|$)"
)
_RUN = re.compile(f"[{CJK}、]+")


def aliases(text: str) -> list[tuple[int, int]]:
    """Each name given after an alias marker (又称, 俗称为, 初名 …: ALIAS_MARKERS), several
    when a 、 joins them, up to where the clause goes on (punctuation); and the name of a
    clause that is 称 and a name alone (see the module)."""
    found: list[tuple[int, int]] = []
    if "称" not in text and "名" not in text and "叫" not in text:
        return found  # a quick test: every marker holds one of them
    masked = mask_quotes(text)
    for match in _ALIAS.finditer(masked):
        run = _RUN.match(masked, match.end())
        if run is None:
            continue
        at = match.end()
        names: list[tuple[int, int]] = []
        for piece in run.group().split("、"):
            if not _is_name(piece):
                names = []
                break
            names.append((at, at + len(piece)))
            at += len(piece) + 1
        found.extend(names)
    for match in _NAMING_CLAUSE.finditer(masked):
        if _is_name(match.group(1)):
            found.append(match.span(1))
    return sorted(set(found))


# (其中)最古老的是X，: the most notable of the things the sentence counts.
_NOTABLE = re.compile(
    f"最[{CJK}]{{1,4}}的(?:[{CJK}]{{1,3}})?是([{CJK}]{{{MIN_NAME},{MAX_NAME}}})(?=[，,。；;]|$)"
)


def notable_names(text: str) -> list[tuple[int, int]]:
    """The X of 最…的是X closing a clause, when X is a name (see the module)."""
    if "最" not in text:
        return []  # a quick test
    masked = mask_quotes(text)
    return [m.span(1) for m in _NOTABLE.finditer(masked) if _is_name(m.group(1))]


# 它们是X，: what the thing the text is about is, said with a pronoun for it.
_PRONOUN_IS = re.compile(
    f"(?:^|(?<=[，,。；;]))(?:它们|它)是([{CJK}]{{{MIN_NAME},{MAX_NAME}}})(?=[，,。；;]|$)"
)
# What opens no name: a count (一个), a pointer (这种), a person (我们).
_NO_NAME_START = frozenset("一这那我你他她某每各")


def what_it_is(text: str) -> list[tuple[int, int]]:
    """The X of 它是X / 它们是X as a whole clause: a noun phrase of two to eight characters,
    one 的 inside at most (水闸的前身), opened by no count or pointer (see the module)."""
    found: list[tuple[int, int]] = []
    if "它" not in text:
        return found  # a quick test
    masked = mask_quotes(text)
    for match in _PRONOUN_IS.finditer(masked):
        phrase = match.group(1)
        if phrase[0] in _NO_NAME_START or phrase.count("的") > 1:
            continue
        if all(_is_name(part) for part in phrase.split("的")):
            found.append(match.span(1))
    return found
