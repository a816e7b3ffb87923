"""The named-things pass: a programme, fund, project or zone the text names once.

A report names most of its schemes only once (撒玛利亚基金, 引大济岷工程, 科教兴国战略,
港珠澳大桥), so no repetition shows them; their shape does: a run of nouns closed by a word
that heads a name (基金, 工程, 战略, 大桥 … `HEADS`), opened by a word no dictionary of
general language would write there: a rare word (jieba's IDF `MIN_NAME_IDF` or more), a
word jieba does not know (a name it guessed), or three words or more before the head.
Inside the run, a lone character jieba cut off a name stays with it (撒|玛利亚, 引大济|岷),
and so does a verb between nouns that is no everyday verb of a clause (数字经济|创新|发展
试验区, not 澳门|作为|世界旅游休闲中心); a name joined to one found by 和, 及 or 、 with the
same head is one too (撒玛利亚基金和关爱基金). `named_things(tokens, …)` gives the (start,
end) of each within one sentence's tokens.

>>> idf = {"玛利亚": 9.4, "基金": 7.0, "专项": 7.6, "行动": 6.0}
>>> tokens = ["会", "透过", "撒", "玛利亚", "基金", "和", "关爱", "基金", "，", "加强", "支援"]
>>> text = "".join(tokens)
>>> is_word = {"会", "透过", "撒", "玛利亚", "基金", "和", "关爱", "加强", "支援", "开展",
...            "专项", "行动"}.__contains__
>>> [text[s:e] for s, e in named_things(tokens, weight=idf.get, is_word=is_word)]
['撒玛利亚基金', '关爱基金']
>>> tokens = ["开展", "专项", "行动"]                   # 专项行动: every report's words
>>> named_things(tokens, weight=idf.get, is_word=is_word)
[]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import accumulate

from quiz.generate.keywords import (
    FUNCTION_CHARS,
    GOVERNING_VERBS,
    IDIOM_KIND,
    NAME_KIND,
    NOUN_KIND,
    TITLE_PREFIXES,
    VERBAL_KIND,
)
from quiz.text.phrases import NUMERALS, has_cjk, is_number

# Words that head the name of a scheme, a fund, a place or a body.
HEADS = frozenset(
    """
    工程 计划 基金 中心 大桥 试验区 示范区 合作区 先行区 产业园 园区 联盟 津贴 战略 国债
    倡议 行动 基地 走廊 通道 运会 世运会 博览会 论坛 机场 铁路 大学 学院 医院 研究院 实验室
    保护区 新区 自贸区 功能区 集群 枢纽 工作法 精神
    """.split()
)
# Verbs that act on a name rather than belong to it (建设|粤港澳深度合作示范区).
ACTION_VERBS = frozenset(
    "建设 参与 开展 弘扬 实施 支持 发挥 创建 设立 成立 举办 承办 实行 启动 完成 推广 建成 "
    "争创".split()
)
# Adverbs that open a verb phrase jieba's dictionary may list as one word, tagged a noun
# or a name (充分发挥, 广泛开展, 积极参与).
ADVERBS = frozenset(
    "广泛 充分 积极 大力 全面 深入 切实 持续 不断 加快 努力 认真 主动 稳步 有序 着力".split()
)
MIN_NAME_IDF = 8.5
# A verb jieba's dictionary counts this often is an everyday verb of a clause (作为 28567,
# 成为, 进入, 形成, 用于 8181), not one inside a name (创新 4681, 振兴, 集结, 适配).
EVERYDAY_VERB = 8000
# Characters that end a word saying where (区内, 境外): no part of a name.
LOCATORS = frozenset("内外上下中间里前后")
MIN_NAME, MAX_NAME = 4, 14
MAX_WORDS = 6


def named_things(
    tokens: Sequence[str],
    *,
    weight: Callable[[str], float | None],
    is_word: Callable[[str], bool],
    kind: Callable[[str], int | None] = lambda _token: None,
    describes: Callable[[str], bool] = lambda _token: False,
    frequency: Callable[[str], int] = lambda _token: 0,
) -> list[tuple[int, int]]:
    """(start, end) offsets in the sentence of each named thing (see the module), the
    longest run of nouns before each head that reads as one name. `kind(word)` is the
    keyword table's kind: no idiom (积极参与) is part of a name, no verbal noun (建设)
    opens one."""
    if HEADS.isdisjoint(tokens):
        return []  # a quick test: no head, no name (nor a sibling of one)
    ends = list(accumulate(map(len, tokens), initial=0))
    words: list[tuple[int, int]] = []  # (first, last) words of each name
    for last, head in enumerate(tokens):
        if head not in HEADS:
            continue
        best = None
        for first in range(last - 1, max(last - MAX_WORDS, -1), -1):
            token = tokens[first]
            if kind(token) == IDIOM_KIND:
                break
            inner = False
            if not _nominal(token, weight, is_word) and not _joined(
                tokens, first, last, weight, is_word
            ):
                # 数字经济|创新|发展试验区: a verb inside a run of nouns is part of the name
                inner = (
                    first > 0
                    and _inner(token, is_word)
                    and frequency(token) < EVERYDAY_VERB  # 澳门|作为, 香港|成为: a clause
                    and _nominal(tokens[first - 1], weight, is_word)
                    # 诠释|中国精神: a verb before a noun is a verb and its object (an
                    # adjective is not: 大型|石油储备基地)
                    and (
                        first + 1 == last
                        or describes(token)
                        or kind(tokens[first + 1]) not in (NOUN_KIND, NAME_KIND)
                    )
                )
                if not inner:
                    break
            length = ends[last + 1] - ends[first]
            if length > MAX_NAME:
                break
            opens = kind(token) != VERBAL_KIND and not inner
            if length >= MIN_NAME and opens and _names(tokens[first:last], weight, is_word):
                best = first
        if best is not None and (not words or words[-1][1] < best):
            words.append((best, last))
    words += _siblings(tokens, words, describes)
    found: list[tuple[int, int]] = []
    for first, last in sorted(words):
        if not found or found[-1][1] <= ends[first]:
            found.append((ends[first], ends[last + 1]))
    return found


# Words that join names of one kind (撒玛利亚基金和关爱基金, X计划、Y计划).
COORDINATORS = frozenset("和 及 与 、 以及 或".split())


def _siblings(
    tokens: Sequence[str], words: Sequence[tuple[int, int]], describes: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """Names of the same kind the text joins after a name found (撒玛利亚基金和关爱基金): the
    words after a coordinator up to the same head, each a content word of two characters
    or more (关爱 is no noun, but beside 撒玛利亚基金 it names a fund too)."""
    found = []
    for _first, last in words:
        after = last + 1
        if after >= len(tokens) or tokens[after] not in COORDINATORS:
            continue
        for stop in range(after + 2, min(after + MAX_WORDS, len(tokens))):
            if tokens[stop] == tokens[last]:
                if all(_kin(t, describes) for t in tokens[after + 1 : stop]):
                    found.append((after + 1, stop))
                break
    return [span for span in found if span not in words]


def _kin(token: str, describes: Callable[[str], bool]) -> bool:
    """A word that may name a sibling of a name: two characters or more, no function,
    governing or action word, nor a word that only describes (相关, 其他)."""
    return (
        len(token) >= 2
        and has_cjk(token)
        and token.isalnum()
        and not is_number(token)
        and token[0] not in FUNCTION_CHARS
        and token[:2] not in GOVERNING_VERBS
        and token[:2] not in ADVERBS
        and token not in ACTION_VERBS
        and not describes(token)
    )


def _joined(
    tokens: Sequence[str],
    at: int,
    head: int,
    weight: Callable[[str], float | None],
    is_word: Callable[[str], bool],
) -> bool:
    """A lone character (no function word) that is part of the name beside it: before a
    name jieba guessed or a rare word (撒|玛利亚), after a guessed one (引大济|岷|工程)."""
    token = tokens[at]
    if len(token) != 1 or not has_cjk(token) or token in FUNCTION_CHARS:
        return False
    if token in TITLE_PREFIXES or (at > 0 and is_number(tokens[at - 1])):
        return False  # 副|中心 heads a name of its own; 二十|届 counts
    if at + 1 < head:
        following = tokens[at + 1]
        rare = weight(following)
        if not is_word(following) or (rare is not None and rare >= MIN_NAME_IDF):
            return True
    if at > 0:
        before = tokens[at - 1]
        return len(before) >= 2 and has_cjk(before) and not is_word(before)
    return False


def _inner(token: str, is_word: Callable[[str], bool]) -> bool:
    """A verb of two characters that may stand inside a name between nouns (创新), not
    one that acts on it (建设, 推动) or an adverb (积极)."""
    return (
        len(token) == 2
        and has_cjk(token)
        and is_word(token)
        and token[0] not in FUNCTION_CHARS
        and token[0] not in NUMERALS  # 一批, 三年: a count
        and token[-1] not in LOCATORS  # 区内: where, not what
        and token not in GOVERNING_VERBS
        and token not in ADVERBS
        and token not in ACTION_VERBS
    )


def _nominal(
    token: str, weight: Callable[[str], float | None], is_word: Callable[[str], bool]
) -> bool:
    if not has_cjk(token) or not token.isalnum() or is_number(token):
        return False
    if token[:2] in GOVERNING_VERBS or token[:2] in ADVERBS or token in ACTION_VERBS:
        return False
    if weight(token) is not None:
        return len(token) >= 2 or token[0] not in FUNCTION_CHARS  # 中欧, 中国: nouns
    return not is_word(token) and token[0] not in FUNCTION_CHARS  # a guess, not 这是


def _names(
    modifiers: Sequence[str],
    weight: Callable[[str], float | None],
    is_word: Callable[[str], bool],
) -> bool:
    """The words before the head make a name: three or more, or one rare or guessed."""
    if len(modifiers) >= 3:
        return True
    for token in modifiers:
        if not is_word(token):
            return True  # 撒|玛利亚, 综援: a name jieba guessed
        found = weight(token)
        if found is not None and found >= MIN_NAME_IDF:
            return True
    return False
