"""The selection step: which scored cards a deck keeps.

A deck keeps at most `DENSITY` cards per 1,000 characters of cleaned text (rounded down; a
text shorter than `SHORT_TEXT` characters counts as that long, so a short text keeps up to
`DENSITY * SHORT_TEXT / 1000` cards), and never fewer than its floor: every rule-found
formula, quotation and title, every phrase the page itself underlines or bolds (unless it is
one everyday word), every cloze card of a heading line (in a long text, one whose heading a
heading set pairs is ranked: the set keeps it), and the heading and formula matching sets.
The floor always leaves room for the best of the other cards (half as many as the floor
holds, and at least `EXTRA`), so a text dense with quotations keeps its leads and figures
too; a text longer than `SHORT_TEXT` keeps its density, or its floor when that is larger.
Keyword cards that blank a word of general language are left out whatever the budget, and
the keyword fallback fills at most `FALLBACK_SHARE` of a deck. Within the budget the highest
importance wins, ties in text order; the deck itself stays in text order.

>>> from quiz.deck import ClozeCard
>>> def card(n, tag):
...     return ClozeCard(id=f"{n:012d}", text=f"甲{n}{{{{c1::乙}}}}", tags=(tag,))
>>> scored = [Scored(0, card(0, "quote"), 50, FLOOR), Scored(1, card(1, "keyword"), 9, ""),
...           Scored(2, card(2, "lead"), 44, "")]
>>> picked = cap(scored, chars=1000, density=2, short_text=1000, extra=1)
>>> [s.position for s in picked.kept], [(s.position, why) for s, why in picked.left_out]
([0, 2], [(1, 'below the cap (importance 9; the last kept has 44)')])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from quiz.deck import Card, ClozeCard
from quiz.generate.rank import LONG_SENTENCE

DENSITY = 8.0
SHORT_TEXT = 5000
EXTRA = 12
# The keyword fallback fills at most this share of a deck: what the text marks comes first,
# and a deck with too little of it is smaller rather than flat.
FALLBACK_SHARE = 0.05
# A long text whose floor fills its whole budget (a report of seventy quotations) gives up
# to this share of it to the best of its other cards, where they rank above the floor's
# lowest: its headline result (地区生产总值完成192.3亿元) before “绣花”功夫.
FLOOR_ROOM = 0.05
FLOOR = "floor"
GENERAL = "general"
ASKED = "asked"


@dataclass(frozen=True, slots=True)
class Scored:
    """A card with its place in the text, its importance and what the selection must know
    of it (`FLOOR`: always kept; `GENERAL`: a word of general language, `ASKED`: an answer
    another card asks, never kept in a capped deck)."""

    position: int
    card: Card
    importance: int
    standing: str = ""


@dataclass(slots=True)
class Selection:
    kept: list[Scored] = field(default_factory=list)
    left_out: list[tuple[Scored, str]] = field(default_factory=list)
    budget: int = 0


def _fallback(item: Scored, long_text: bool = True) -> bool:
    """A keyword-fallback card the share counts: a Chinese one (an English note's repeated
    phrases are its terms; a learner page's words of its own word table are `vocabulary`
    cards, not the fallback); in a short text, one of its long sentences only (a short
    page's lines are about their words: 春节是中国最重要的传统节日)."""
    card = item.card
    return (
        isinstance(card, ClozeCard)
        and card.tags[:1] == ("keyword",)
        and not card.answer.isascii()
        and (long_text or len(card.sentence) >= LONG_SENTENCE)
    )


def _share(kept: Sequence[Scored], long_text: bool) -> float:
    return sum(1 for s in kept if _fallback(s, long_text)) / len(kept) if kept else 0.0


def _floor_gives_way(
    floor: list[Scored], ranked: list[Scored], places: int
) -> tuple[list[Scored], list[Scored]]:
    """A long text whose floor fills its budget: up to `places` of the best other cards
    (`ranked`, best first) take the places of the floor's lowest, each where it ranks above
    the one it replaces (ties in text order: the later floor card goes first). The floor
    left, and the rest with the floor cards given up ranked among it."""
    lowest = sorted(floor, key=lambda s: (s.importance, -s.position))
    given = 0
    for better, worse in zip(ranked[:places], lowest, strict=False):
        if better.importance <= worse.importance:
            break
        given += 1
    if not given:
        return floor, ranked
    out = {id(item) for item in lowest[:given]}
    kept = [item for item in floor if id(item) not in out]
    rest = sorted(ranked + lowest[:given], key=lambda s: (-s.importance, s.position))
    return kept, rest


def cap(
    scored: Sequence[Scored],
    *,
    chars: int,
    density: float | None = DENSITY,
    short_text: int = SHORT_TEXT,
    extra: int = EXTRA,
    fallback_share: float = FALLBACK_SHARE,
    floor_room: float = FLOOR_ROOM,
) -> Selection:
    """Keep the floor and the best of the rest up to the budget (see the module); with
    `density=None` keep every card."""
    selection = Selection()
    floor = [s for s in scored if s.standing == FLOOR]
    general = [s for s in scored if s.standing == GENERAL]
    asked = [s for s in scored if s.standing == ASKED]
    rest = [s for s in scored if s.standing not in (FLOOR, GENERAL, ASKED)]
    if density is None:  # every card found, words of general language too
        selection.kept = sorted(scored, key=lambda s: s.position)
        selection.budget = len(scored)
        return selection
    for item in general:
        selection.left_out.append((item, "a word of general language"))
    for item in asked:
        selection.left_out.append((item, "asked in another card"))
    # a short text dense with quotations keeps its other structures beside them
    # (a long one already holds its structures within the density: it only keeps a floor
    # larger than its density, if it has one, and nothing beside it)
    room_beside_floor = max(extra, len(floor) // 2) if chars <= short_text else 0
    density_budget = int(density * max(chars, short_text) // 1000)
    budget = max(density_budget, len(floor) + room_beside_floor)
    selection.budget = budget
    if len(floor) > density_budget:
        # the page marks more than its budget holds: it has said what it asks, and the
        # keyword fallback's guesses add nothing beside that (a textbook page's 83
        # underlined phrases, then 根本原因, 暴政)
        guesses = [s for s in rest if _fallback(s)]
        for item in guesses:
            selection.left_out.append((item, "keyword fallback: the floor fills the budget"))
        rest = [s for s in rest if not _fallback(s)]
    ranked = sorted(rest, key=lambda s: (-s.importance, s.position))
    if chars > short_text and len(floor) >= budget:
        floor, ranked = _floor_gives_way(floor, ranked, round(budget * floor_room))
    room = max(budget - len(floor), 0)
    taken: list[Scored] = []
    dropped: list[Scored] = []
    for item in ranked:
        (taken if len(taken) < room else dropped).append(item)
    # the fallback's share of the deck as kept: its lowest cards leave while over it (their
    # places go to the best cards below the cap that are no keyword)
    crowded: list[Scored] = []
    long_text = chars > short_text
    while _share(floor + taken, long_text) > fallback_share:
        candidates = [i for i, item in enumerate(taken) if _fallback(item, long_text)]
        if not candidates:
            break  # the floor's own heading keywords: nothing to give up
        worst = max(candidates, key=lambda i: (-taken[i].importance, taken[i].position))
        crowded.append(taken.pop(worst))
        better = next((i for i, item in enumerate(dropped) if not _fallback(item, long_text)), None)
        if better is not None:
            taken.append(dropped.pop(better))
    taken.sort(key=lambda s: (-s.importance, s.position))
    last = taken[-1].importance if taken else None
    for item in dropped:
        why = f"below the cap (importance {item.importance}"
        why += f"; the last kept has {last})" if last is not None else ")"
        selection.left_out.append((item, why))
    for item in crowded:
        why = f"keyword fallback full ({fallback_share:.0%} of the deck)"
        selection.left_out.append((item, why))
    selection.kept = sorted(floor + taken, key=lambda s: s.position)
    selection.left_out.sort(key=lambda pair: pair[0].position)
    return selection
