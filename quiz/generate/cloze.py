"""Cloze cards: which phrase of a sentence may be blanked, and the card that blanks it.

A candidate is an offset range in the document; the checks run on the Simplified mirror
(word boundaries, filler words, numbers) and on the output text (the answer occurs exactly
once in its sentence), and the card is cut from the output text at the same offsets.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass

from quiz.deck import ClozeCard
from quiz.generate.ids import cloze_id, normalise
from quiz.text.phrases import (
    MAX_ANSWER,
    MAX_QUOTED_NAME,
    MIN_ANSWER,
    QUOTE_MARKS,
    is_counted_phrase,
    is_filler,
    is_number,
    is_pinyin_gloss,
)

# Lower value = preferred when candidates overlap or a sentence has too many.
RULE_PRIORITY = {
    "title": 0,
    "law": 0,
    "docnumber": 0,
    "formula": 1,
    "quote": 2,
    "slogan": 2,
    "marked": 2,
    "parallel": 2,
    "lead": 3,
    "list": 4,
    "item": 4,
    "part": 4,
    "term": 5,
    "coined": 5,
    "name": 5,
    "linked": 5,
    "person": 4,
    "place": 5,
    "event": 5,
    "defined": 5,
    "glossed": 3,
    "keyword": 6,
    "vocabulary": 6,
    "figure": 7,
    "date": 8,
}
# A named count (30件民生实事) takes the place of a phrase inside it of this priority or
# lower (a lead, list item, term, name, keyword), not of a title, formula or quote.
_NAMED_YIELDS = RULE_PRIORITY["parallel"]
MAX_PER_SENTENCE = 4
MAX_FIGURES_PER_SENTENCE = 2
# The items of a parallel run one sentence may blank (a creed of eight: half of it).
MAX_RUN_ITEMS = 4
MAX_TITLE = 60
MAX_TERM = 60
NEAR_DUPLICATE = 0.8
_LIMITS = {"title": MAX_TITLE, "parallel": MAX_QUOTED_NAME} | dict.fromkeys(
    (
        "term",
        "coined",
        "keyword",
        "vocabulary",
        "defined",
        "glossed",
        "law",
        "docnumber",
        "name",
        "date",
        "marked",
        "linked",
    ),
    MAX_TERM,
)
_BAD_EDGE = re.compile(r"^[\W_]|[\W_]$")
_BRACKET_CHARS = frozenset("《》〈〉【】[]{}")
_QUOTE_CHARS = frozenset(QUOTE_MARKS)
_BRACES = re.compile("[{}\n]|::")
_NAMING_RULES = frozenset({"quote", "slogan", "formula", "marked"})
_SPEAKER_LABEL = re.compile(r"[：:]")
_UNQUOTE = re.compile(f"[\\s{re.escape(QUOTE_MARKS)}]")


def _numerals_only(answer: str) -> bool:
    return not any(ch.isdigit() and ch.isascii() for ch in answer) and not any(
        ch in "年月日号时分秒%％" for ch in answer
    )


@dataclass(frozen=True, slots=True)
class Candidate:
    """A phrase to blank: `[start, end)` in the document, inside sentence `[s_start, s_end)`."""

    start: int
    end: int
    s_start: int
    s_end: int
    rule: str
    line: int
    section: str | None

    @property
    def priority(self) -> tuple[int, int]:
        return RULE_PRIORITY.get(self.rule, 9), self.start

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end


def answer_problem(
    candidate: Candidate,
    mirror: str,
    output: str,
    bounds: Container[int],
) -> str | None:
    """Why `candidate` cannot be a blank, or None when it can.

    `bounds` are the word boundaries of the sentence (offsets relative to its start).
    """
    answer = mirror[candidate.start : candidate.end]
    limit = _LIMITS.get(candidate.rule, MAX_ANSWER)
    if not answer.isascii() and candidate.rule in {"term", "coined"}:
        limit = MAX_ANSWER
    if candidate.rule == "quote":
        limit = MAX_QUOTED_NAME  # “百县千镇万村高质量发展工程”: the quote pass checks its shape
    if answer.isascii():
        limit = max(limit, MAX_TERM)  # English words: policy of isolation
    if not MIN_ANSWER <= len(answer) <= limit:
        return f"length {len(answer)}"
    if candidate.rule == "figure":
        return _figure_problem(candidate, mirror, output)
    if answer != answer.strip() or _BRACES.search(answer):
        return "spaces or braces"
    if not _QUOTE_CHARS.isdisjoint(answer):
        return "quote mark"
    if candidate.rule != "title" and (
        _BAD_EDGE.search(answer) or not _BRACKET_CHARS.isdisjoint(answer)
    ):
        return "punctuation at an edge"
    if is_filler(answer) and candidate.rule != "vocabulary":  # 大家 of the page's word table
        return "filler word"
    if (
        is_number(answer)
        and candidate.rule != "date"
        and not (candidate.rule in _NAMING_RULES and _numerals_only(answer))
    ):
        return "number"  # a quoted “十四五” names a plan; 2022年 or 30% alone teach nothing
    if is_counted_phrase(answer) and candidate.rule not in _NAMING_RULES:
        return "a count and what it counts"
    if is_pinyin_gloss(answer):
        return "a pinyin gloss"
    if (
        _SPEAKER_LABEL.match(mirror, candidate.end)
        and not mirror[candidate.s_start : candidate.start].strip()
    ):
        return "the speaker of a dialogue line"
    relative = (candidate.start - candidate.s_start, candidate.end - candidate.s_start)
    if relative[0] not in bounds or relative[1] not in bounds:
        return "fragment of a word"
    return _sentence_problem(candidate, mirror, output)


def _figure_problem(candidate: Candidate, mirror: str, output: str) -> str | None:
    """A figure's own checks: its number is no fragment of a longer one, it occurs once."""
    before = mirror[candidate.start - 1 : candidate.start]
    if before.isdigit() or before in ".．":
        return "fragment of a number"
    return _sentence_problem(candidate, mirror, output)


def _sentence_problem(candidate: Candidate, mirror: str, output: str) -> str | None:
    """What the sentence does to the blank: braces that break the cloze syntax, or the
    answer written twice in it (in either script), which makes the blank ambiguous."""
    sentence = output[candidate.s_start : candidate.s_end]
    if "{" in sentence or "}" in sentence:
        return "braces in the sentence would break the {{c1::...}} syntax"
    if sentence.count(output[candidate.start : candidate.end]) != 1:
        return "answer occurs more than once in its sentence"
    answer = mirror[candidate.start : candidate.end]
    said = mirror[candidate.s_start : candidate.s_end]
    if said.count(answer) != 1:
        return "answer occurs more than once in its sentence"
    if not _UNQUOTE.search(said):
        return None  # nothing to take out: the count above is the count below
    unquoted = _UNQUOTE.sub("", said)
    if unquoted.count(_UNQUOTE.sub("", answer)) > 1:
        return "answer occurs more than once in its sentence"  # “18”条 … 18条
    return None


def _yields_to(phrase: Candidate, named: Candidate) -> bool:
    """A phrase gives way to a named count it overlaps when it lies inside it (三十五节 of
    十一章三十五节: a piece of the count) or is a lead, list item, term, name or keyword."""
    if not phrase.overlaps(named):
        return False
    inside = named.start <= phrase.start and phrase.end <= named.end
    return inside or phrase.priority[0] > _NAMED_YIELDS


def select_with_figures(
    candidates: Sequence[Candidate],
    figure_kinds: dict[tuple[int, int], str],
    figure_worth: Callable[[Candidate], int] | None = None,
    later: Container[Candidate] = (),
) -> list[Candidate]:
    """`select` for the phrases of a sentence, then its parallel items and its figures
    apart: a run's items (政治关、法律关、政策关) count as one phrase towards the sentence's
    limit, up to MAX_RUN_ITEMS of them; every target of a sentence of targets (主要预期目标
    是：…5%左右；…1200万人以上；…), at most MAX_FIGURES_PER_SENTENCE other figures, the
    worthiest by `figure_worth` (higher first, ties in text order: 粮食产量达到732.5亿斤
    before 新建…348.8万亩 of one long sentence); a figure never overlaps a phrase. The
    phrases in `later` come after all others (see `select`). A count named with its
    programme (20个先进制造业园区: `named`) is asked like a target, and before a phrase
    inside it (民生实事 of 30件民生实事) or a lead, list item, term, name or keyword it
    overlaps; a quote, formula or title across its edge keeps its place."""
    figures = [c for c in candidates if c.rule == "figure"]
    named = [c for c in figures if figure_kinds.get((c.start, c.end)) == "named"]
    items = [c for c in candidates if c.rule == "parallel"]
    phrases = select(
        [
            c
            for c in candidates
            if c.rule not in ("figure", "parallel") and not any(_yields_to(c, n) for n in named)
        ],
        limit=MAX_PER_SENTENCE - 1 if items else MAX_PER_SENTENCE,
        later=later,
    )
    chosen = list(phrases)
    for candidate in sorted(items, key=lambda c: c.start):
        if len(chosen) - len(phrases) >= MAX_RUN_ITEMS:
            break
        if not any(candidate.overlaps(other) for other in chosen):
            chosen.append(candidate)
    targets = [
        c for c in figures if figure_kinds.get((c.start, c.end)) in ("goal", "target", "named")
    ]
    others = [c for c in figures if c not in targets]
    if figure_worth is not None:
        others.sort(key=lambda c: -figure_worth(c))  # stable: ties stay in text order
    others = others[:MAX_FIGURES_PER_SENTENCE]
    for candidate in targets + others:
        if not any(candidate.overlaps(other) for other in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: c.start)


# A numbered formula and a phrase the page underlines or bolds are asked however many a
# sentence holds (咸阳 is the fifth of a line of underlined names); quotations are not
# (a line of four quoted 规划图/施工图/时间表 … has said enough).
UNLIMITED = frozenset({"formula", "marked", "part"})


def select(
    candidates: Iterable[Candidate],
    limit: int = MAX_PER_SENTENCE,
    later: Container[Candidate] = (),
) -> list[Candidate]:
    """The best non-overlapping candidates of one sentence, at most `limit` beside the
    phrases the text marks itself (UNLIMITED), in text order; the candidates in `later`
    (asked in another sentence too) only where places are left."""
    chosen: list[Candidate] = []
    seen_answers: set[tuple[int, int]] = set()
    ordered = (
        sorted(candidates, key=lambda c: (c in later, c.priority))
        if later
        else sorted(candidates, key=lambda c: c.priority)  # hashing no candidate
    )
    for candidate in ordered:
        if len(chosen) >= limit and candidate.rule not in UNLIMITED:
            continue
        if any(candidate.overlaps(other) for other in chosen):
            continue
        key = (candidate.start, candidate.end)
        if key not in seen_answers:
            seen_answers.add(key)
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: c.start)


def build_card(
    candidate: Candidate,
    output: str,
    mirror: str,
    *,
    tags: Sequence[str],
    other_script: Callable[[str], str] | None,
    hint: Callable[[str], str | None],
    card_id: str | None = None,
) -> ClozeCard:
    """The card blanking `candidate`, cut from `output` (the text in the deck's script);
    `card_id` is its `candidate_id` when the caller has it already."""
    before = output[candidate.s_start : candidate.start]
    answer = output[candidate.start : candidate.end]
    after = output[candidate.end : candidate.s_end]
    accept: tuple[str, ...] = ()
    if other_script is not None:
        other = other_script(answer)
        if other != answer:
            accept = (other,)
    return ClozeCard(
        id=card_id if card_id is not None else cloze_id(answer, before + answer + after),
        text=f"{before}{{{{c1::{answer}}}}}{after}",
        accept=accept,
        # a figure's reading (3.5%zuǒ yòu) would spell its answer out: no pinyin hint
        hint=None if candidate.rule == "figure" else hint(mirror[candidate.start : candidate.end]),
        section=candidate.section,
        line=candidate.line,
        tags=tuple(tags),
    )


def candidate_id(candidate: Candidate, output: str) -> str:
    """The id of the card `build_card` makes of `candidate` (found before making it)."""
    return cloze_id(
        output[candidate.start : candidate.end], output[candidate.s_start : candidate.s_end]
    )


class DuplicateFilter:
    """Drops a card whose answer was already blanked in a near-identical sentence."""

    def __init__(self, threshold: float = NEAR_DUPLICATE):
        self.threshold = threshold
        self.ids: set[str] = set()
        self.sentences_by_answer: dict[str, list[str]] = {}

    def has(self, card_id: str) -> bool:
        """A card of this id was admitted already (`admit` would drop it)."""
        return card_id in self.ids

    def admit(self, card: ClozeCard) -> bool:
        if card.id in self.ids:
            return False
        answer = normalise(card.answer)
        sentence = normalise(card.sentence)
        earlier = self.sentences_by_answer.setdefault(answer, [])
        for other in earlier:
            matcher = difflib.SequenceMatcher(None, sentence, other, autojunk=False)
            if (
                matcher.real_quick_ratio() >= self.threshold
                and matcher.quick_ratio() >= self.threshold  # a bound on ratio(), cheaper
                and matcher.ratio() >= self.threshold
            ):
                return False
        earlier.append(sentence)
        self.ids.add(card.id)
        return True
