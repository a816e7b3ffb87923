"""Matching cards: sets of 3 to 6 pairs drawn from one parallel structure of the text.

The pipeline finds the structures (headings with subtitles, parallel lead clauses with
their second halves, same-shaped enumerations split into two parts); this module turns a
list of pairs into one or more valid sets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quiz.deck import MatchCard
from quiz.generate.ids import match_id, normalise

MIN_SET = 3
MAX_SET = 6
MAX_SIDE = 30

PROMPTS = {
    "heading": "把各部分标题与其副标题配对",
    "heading-halves": "把各部分标题的前后两部分配对",
    "lead": "把各段的前半句与后半句配对",
    "inline": "把各要点与其后的内容配对",
    "list": "把并列各项的前后两部分配对",
    "formula": "把各提法与其具体内容配对",
    "vocabulary": "把各词语与其意思配对",
}


@dataclass(frozen=True, slots=True)
class PairSource:
    """One pair as offset ranges of the document, and the line it starts on."""

    left: tuple[int, int]
    right: tuple[int, int]
    line: int


def chunk(count: int, low: int = MIN_SET, high: int = MAX_SET) -> list[tuple[int, int]]:
    """Split `count` items into consecutive runs of `low` to `high` items, as even as can be.

    Returns (start, end) index ranges; an empty list when `count < low`.
    """
    if count < low:
        return []
    groups = -(-count // high)
    while groups * low > count:
        groups -= 1
    size, extra = divmod(count, groups)
    ranges = []
    at = 0
    for index in range(groups):
        length = size + (1 if index < extra else 0)
        ranges.append((at, at + length))
        at += length
    return ranges


def usable_pairs(pairs: Sequence[tuple[str, str]]) -> bool:
    """Each side non-empty, short enough to read at a glance, and unique within its column
    (also after normalisation: the grader compares normalised text)."""
    for left, right in pairs:
        if not left.strip() or not right.strip() or max(len(left), len(right)) > MAX_SIDE:
            return False
    for side in (0, 1):
        keys = [normalise(pair[side]) for pair in pairs]
        if len(set(keys)) != len(keys) or not all(keys):
            return False
    return True


def build_sets(
    sources: Sequence[PairSource],
    output: str,
    *,
    kind: str,
    section: str | None,
    prompt: str,
) -> list[MatchCard]:
    """Matching cards of 3 to 6 pairs from `sources` (in text order), cut from `output`."""
    pairs = []
    seen: set[str] = set()
    for source in sources:  # a repeated item would make the set ambiguous: keep the first
        left, right = _cut(output, source.left), _cut(output, source.right)
        keys = {"L" + normalise(left), "R" + normalise(right)}
        if keys & seen:
            continue
        seen |= keys
        pairs.append((left, right, source.line))
    cards = []
    for start, end in chunk(len(pairs)):
        group = pairs[start:end]
        plain = [(left, right) for left, right, _line in group]
        if not usable_pairs(plain):
            continue
        cards.append(
            MatchCard(
                id=match_id(plain),
                prompt=prompt,
                pairs=tuple(plain),
                section=section,
                line=group[0][2],
                tags=(kind,),
            )
        )
    return cards


def _cut(text: str, span: tuple[int, int]) -> str:
    return text[span[0] : span[1]].strip()
