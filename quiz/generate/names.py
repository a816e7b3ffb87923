"""The named-things pass: a programme, fund, project or zone the text names once.

A report names most of its schemes only once (撒玛利亚基金, 引大济岷工程, 科教兴国战略,
港珠澳大桥), so no repetition shows them; their shape does: a run of nouns closed by a word
that heads a name (基金, 工程, 战略, 大桥 … `HEADS`), opened by a word no dictionary of
general language would write there: a rare word (jieba's IDF `MIN_NAME_IDF` or more), a
word jieba does not know (a name it guessed), or three words or more before the head.
`named_things(tokens, …)` gives the (start, end) of each within one sentence's tokens.

>>> idf = {"关爱": 9.6, "基金": 7.0, "加强": None, "支援": None, "专项": 7.6, "行动": 6.0}
>>> tokens = ["会", "透过", "撒", "玛利亚", "基金", "和", "关爱", "基金", "，", "加强", "支援"]
>>> text = "".join(tokens)
>>> is_word = {"会", "透过", "撒", "基金", "和", "关爱", "加强", "支援", "开展", "专项",
...            "行动"}.__contains__
>>> [text[s:e] for s, e in named_things(tokens, weight=idf.get, is_word=is_word)]
['撒玛利亚基金', '关爱基金']
>>> tokens = ["开展", "专项", "行动"]                   # 专项行动: every report's words
>>> named_things(tokens, weight=idf.get, is_word=is_word)
[]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import accumulate

from quiz.generate.keywords import FUNCTION_CHARS, GOVERNING_VERBS, IDIOM_KIND, VERBAL_KIND
from quiz.text.phrases import has_cjk, is_number

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
MIN_NAME, MAX_NAME = 4, 14
MAX_WORDS = 6


def named_things(
    tokens: Sequence[str],
    *,
    weight: Callable[[str], float | None],
    is_word: Callable[[str], bool],
    kind: Callable[[str], int | None] = lambda _token: None,
) -> list[tuple[int, int]]:
    """(start, end) offsets in the sentence of each named thing (see the module), the
    longest run of nouns before each head that reads as one name. `kind(word)` is the
    keyword table's kind: no idiom (积极参与) is part of a name, no verbal noun (建设)
    opens one."""
    ends = list(accumulate(map(len, tokens), initial=0))
    found: list[tuple[int, int]] = []
    for last, head in enumerate(tokens):
        if head not in HEADS:
            continue
        best = None
        for first in range(last - 1, max(last - MAX_WORDS, -1), -1):
            token = tokens[first]
            guessed_next = first + 1 < last and not is_word(tokens[first + 1])
            if kind(token) == IDIOM_KIND:
                break
            if not _nominal(token, weight, is_word) and not (
                len(token) == 1 and has_cjk(token) and guessed_next and token not in FUNCTION_CHARS
            ):  # 撒|玛利亚: one character before a name jieba guessed is part of it
                break
            length = ends[last + 1] - ends[first]
            if length > MAX_NAME:
                break
            opens = kind(token) != VERBAL_KIND
            if length >= MIN_NAME and opens and _names(tokens[first:last], weight, is_word):
                best = first
        if best is not None and (not found or found[-1][1] <= ends[best]):
            found.append((ends[best], ends[last + 1]))
    return found


def _nominal(
    token: str, weight: Callable[[str], float | None], is_word: Callable[[str], bool]
) -> bool:
    if not has_cjk(token) or not token.isalnum() or is_number(token):
        return False
    if token[:2] in GOVERNING_VERBS or token[:2] in ADVERBS or token in ACTION_VERBS:
        return False
    if token[0] in FUNCTION_CHARS:
        return False
    return weight(token) is not None or not is_word(token)


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
