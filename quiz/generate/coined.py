"""Coined terms that no quotation, number or repetition marks: a literary X之Y a text makes
its slogan, and the short term a paragraph opens with and then explains.

A text coins a slogan in the old literary shape X之Y, "the Y of X": 强农之路, 兴县之本,
育人之基, where Y is an abstract head (the road, the root, the base, the source, the key:
`ABSTRACT_HEADS`). jieba knows a few of them as set phrases of the language (必由之路,
重中之重): those are no coinage of the text. `literary_coinages(tokens, …)` gives each
other one in one sentence's words, with the nouns before it that it belongs to
(农业|兴县之本, 中国特色|强农之路).

>>> tokens = ["坚持", "农业", "兴县", "之本", "，", "走好", "新", "的", "强农", "之", "路"]
>>> text = "".join(tokens)
>>> nouns = {"农业"}.__contains__
>>> is_word = {"坚持", "农业", "之本", "走好", "新", "的", "强农", "之", "路"}.__contains__
>>> [text[s:e] for s, e in literary_coinages(tokens, is_word=is_word, noun=nouns)]
['农业兴县之本', '强农之路']
>>> literary_coinages(["走", "必由之路"], is_word={"走", "必由之路"}.__contains__)
[]

A paragraph that opens with a short phrase of its own and a full stop (两翼齐飞。发挥…)
is about that phrase, and when the text names it elsewhere too (a heading, a list) it is
one of the text's terms: `run_in_term(sentence, count)` gives its end.

>>> run_in_term("两翼齐飞。发挥两地优势，形成合力。", lambda phrase: 3)
4
>>> run_in_term("两翼齐飞。发挥两地优势，形成合力。", lambda phrase: 1)
>>> run_in_term("加快建设现代化产业体系。要发挥优势。", lambda phrase: 3)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import accumulate

from quiz.generate.keywords import FUNCTION_CHARS, GOVERNING_VERBS
from quiz.generate.names import ACTION_VERBS, ADVERBS
from quiz.text.phrases import CJK

# What the Y of a literary X之Y is: the road, the root, the base, the source, the key, the
# way, the soul (强农之路, 兴县之本, 育人之基, 活力之源, 发展之要).
ABSTRACT_HEADS = frozenset("路本基源要道魂")
MAX_LITERARY = 10  # with the nouns before it
MAX_NOUNS = 2
_LITERARY = re.compile(f"[{CJK}]{{2}}之[{''.join(sorted(ABSTRACT_HEADS))}]")


def literary_coinages(
    tokens: Sequence[str],
    *,
    is_word: Callable[[str], bool],
    noun: Callable[[str], bool] = lambda _word: False,
) -> list[tuple[int, int]]:
    """(start, end) offsets in "".join(tokens) of each literary X之Y (see the module): on
    word boundaries, no dictionary word, X no function word, with up to MAX_NOUNS nouns
    before it (`noun(word)`) while the whole stays within MAX_LITERARY characters."""
    text = "".join(tokens)
    ends = list(accumulate(map(len, tokens), initial=0))
    starts = {at: index for index, at in enumerate(ends)}
    found = []
    for match in _LITERARY.finditer(text):
        start, end = match.span()
        if start not in starts or end not in starts:
            continue
        phrase = match.group()
        if is_word(phrase) or phrase[0] in FUNCTION_CHARS or phrase[:2] in GOVERNING_VERBS:
            continue
        first = starts[start]
        while (
            first > 0
            and starts[start] - first < MAX_NOUNS
            and noun(tokens[first - 1])
            and end - ends[first - 1] <= MAX_LITERARY
        ):
            first -= 1
        found.append((ends[first], end))
    return found


MIN_RUN_IN, MAX_RUN_IN = 4, 8
# A run-in term named this often in the whole text, the paragraph's own head included.
MIN_RUN_IN_COUNT = 3
_RUN_IN = re.compile(f"[{CJK}]{{{MIN_RUN_IN},{MAX_RUN_IN}}}(?=。)")


def run_in_term(sentence: str, count: Callable[[str], int]) -> int | None:
    """Where the run-in term opening `sentence` ends (see the module), or None: a phrase of
    MIN_RUN_IN to MAX_RUN_IN characters closed by 。 with more after it, that opens with no
    verb or adverb (加快建设…。 is a paragraph's headline, not a term) and that the text
    says MIN_RUN_IN_COUNT times (`count(phrase)`)."""
    match = _RUN_IN.match(sentence)
    if match is None or not sentence[match.end() + 1 :].strip():
        return None
    phrase = match.group()
    opener = phrase[:2]
    if opener in GOVERNING_VERBS or opener in ACTION_VERBS or opener in ADVERBS:
        return None
    if count(phrase) < MIN_RUN_IN_COUNT:
        return None
    return match.end()
