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
