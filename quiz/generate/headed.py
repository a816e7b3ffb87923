"""The heading-names pass: what a heading sets out to build is a name the text then uses.

A plan's headings are mostly a verb and its object (建设|国际科技创新中心, 共建|人文湾区,
构建|开放型|区域|协同创新|共同体); the object names a thing a student of the text must
know, and the body says it again where there is context for a blank. `heading_object`
finds it among one heading's words: one or two verbs open the heading, the rest is a noun
phrase of `MIN_OBJECT` to `MAX_OBJECT` characters with no conjunction or punctuation in it
(加强|环境保护和治理 names two things) that ends in a noun. Whether it is specific enough
to ask (a rare word, or said again and again) is the caller's test, which knows the text.

>>> weight = {"国际": 5.2, "科技": 4.8, "创新": 5.0, "中心": 4.1, "人文": 8.4}.get
>>> is_word = {"建设", "共建", "国际", "科技", "创新", "中心", "人文", "加强", "治理"}.__contains__
>>> verb = {"建设", "共建", "加强"}.__contains__
>>> heading_object(["建设", "国际", "科技", "创新", "中心"], weight=weight, is_word=is_word,
...                verb=verb)
(2, 10)
>>> heading_object(["共建", "人文", "湾区"], weight=weight, is_word=is_word, verb=verb)
(2, 6)
>>> heading_object(["加强", "环境保护", "和", "治理"], weight=weight, is_word=is_word, verb=verb)
>>> heading_object(["规划", "背景"], weight=weight, is_word=is_word, verb=verb)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from quiz.generate.terms import HEAD_CHARS

MIN_OBJECT, MAX_OBJECT = 4, 16
MAX_VERBS = 2
# What joins two things or two clauses: the heading names more than one thing.
JOINS = frozenset("和与與及并並、，,；;")


def heading_object(
    tokens: Sequence[str],
    *,
    weight: Callable[[str], float | None],
    is_word: Callable[[str], bool],
    verb: Callable[[str], bool],
    strict_verb: Callable[[str], bool] | None = None,
) -> tuple[int, int] | None:
    """The object's character offsets in "".join(tokens), or None (see the module).

    `verb(word)` says whether a word may open the heading as its verb; `strict_verb`
    whether it surely is one (a governing verb such as 提升, a verbal noun such as 发展):
    only such a word is a second verb (优化|提升|信息基础设施) or disqualifies the object
    (加快|发展|推进|改革), since a loose guess would take 休闲 of 构筑|休闲|湾区 for one."""
    strict_verb = strict_verb or verb
    if len(tokens) < 2 or not verb(tokens[0]):
        return None
    verbs = 1
    while verbs < min(MAX_VERBS, len(tokens) - 1) and strict_verb(tokens[verbs]):
        verbs += 1
    rest = tokens[verbs:]
    start = sum(len(t) for t in tokens[:verbs])
    length = sum(len(t) for t in rest)
    if not MIN_OBJECT <= length <= MAX_OBJECT:
        return None
    if any(not token.isalnum() or (len(token) == 1 and token in JOINS) for token in rest):
        return None
    if strict_verb(rest[0]):
        return None  # 加快|发展|推进|改革: verbs all through, no thing named
    last = rest[-1]
    ends_a_noun = (
        last in HEAD_CHARS
        or weight(last) is not None
        or (len(last) >= 2 and not is_word(last))  # a word jieba guessed: 湾区
    )
    return (start, start + length) if ends_a_noun else None


# Nouns that name an aspect of a thing, not a thing: how well or how much (服务效能, 治理水平,
# 创新活力, 安全底线). An object ending in one says what to improve, and names nothing.
ASPECT_NOUNS = frozenset(
    """
    效能 效率 水平 能力 能级 质量 质效 活力 动能 动力 底线 根基 基础 功能 作用 环境 优势
    实力 潜力 地位 格局 态势 步伐 力度 成效 成果 氛围 意识 感
    """.split()
)
RARE_IDF = 9.5
# A noun jieba's dictionary counts this often is a word of general language; the phrases
# it lists 3 times (a verb and its object among them) are slogans' ends, no head of a name.
MIN_HEAD_FREQUENCY = 100


def coined_object(
    tokens: Sequence[str],
    span: tuple[int, int],
    *,
    weight: Callable[[str], float | None],
    is_word: Callable[[str], bool],
    describes: Callable[[str], bool] = lambda _word: False,
    noun: Callable[[str], bool] | None = None,
    frequency: Callable[[str], int] | None = None,
) -> bool:
    """A heading's object (`span` in "".join(tokens)) that names a coinage of the text: a
    word of it jieba does not know or knows as a rare word (IDF of RARE_IDF), every word
    a noun, a describing word or one jieba guessed (推动|城乡|实现|共同繁荣 and 坚持|
    作风|过硬|讲|规矩 are clauses), its last word a noun of general language (`noun`,
    said `MIN_HEAD_FREQUENCY` times in jieba's dictionary: not the end of a slogan the
    dictionary lists as one phrase) and no aspect of a thing (效能, 水平 … `ASPECT_NOUNS`)
    nor a quality in 性, and no 的 in it (具有国际影响力的创新高地 describes, it does not
    name).

    >>> weight = {"数智": None, "生产力": 7.1, "强省": None, "战略": 5.8, "智治": None,
    ...           "效能": 6.0}.get
    >>> is_word = {"加快", "发展", "生产力", "实施", "战略", "提升", "效能", "坚持", "讲"}
    >>> is_word = is_word.__contains__
    >>> coined_object(["加快", "发展", "数智", "生产力"], (4, 9), weight=weight, is_word=is_word)
    True
    >>> sea = {"海洋": 6.5, "战略": 5.8}
    >>> coined_object(["实施", "海洋", "强省", "战略"], (2, 8), weight=sea.get,
    ...               is_word={"实施", *sea}.__contains__)
    True
    >>> coined_object(["提升", "智治", "效能"], (2, 6), weight=weight, is_word=is_word)
    False
    >>> coined_object(["坚持", "数智", "讲", "效能"], (2, 7), weight=weight, is_word=is_word)
    False
    """
    words: list[str] = []
    at = 0
    for token in tokens:
        if span[0] <= at and at + len(token) <= span[1]:
            words.append(token)
        at += len(token)
    if not words or "的" in words:
        return False
    for token in words:
        if weight(token) is None and is_word(token) and not describes(token):
            return False  # a verb (实现, 讲): the object is a clause
        if len(token) > 2 and not is_word(token):
            return False  # a guess of three characters: a phrase jieba glued together
    last = words[-1]
    if noun is not None and not noun(last):
        return False  # 推进|城乡|融合|发展: a doing, not a thing
    if frequency is not None and frequency(last) < MIN_HEAD_FREQUENCY:
        return False
    if last in ASPECT_NOUNS or last[-1:] in ASPECT_NOUNS or (len(last) >= 3 and last[-1] == "性"):
        return False
    for token in words:
        if len(token) < 2 or token[0] in JOINS:
            continue
        rare = weight(token)
        if not is_word(token) or (rare is not None and rare >= RARE_IDF):
            return True  # a word jieba guessed (two characters: see above) or a rare one
    return False
