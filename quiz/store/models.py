"""Plain dataclasses the store hands out and takes in, and the epoch-millisecond time helpers.

Inside SQLite every time is an integer of milliseconds since the Unix epoch (UTC); outside
the store every time is a timezone-aware UTC `datetime`. `to_ms` / `from_ms` convert.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import IntEnum
from typing import Any, Literal

from quiz.deck import BasicCard, Card, ClozeCard, MatchCard

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MS = timedelta(milliseconds=1)

ReviewKind = Literal["learn", "review", "relearn", "cram", "manual"]
"""What an answer was: learn (new/learning card), review, relearn (after a lapse), cram
(studied outside the schedule, card untouched), manual (schedule set by hand)."""

REVIEW_KINDS: tuple[str, ...] = ("learn", "review", "relearn", "cram", "manual")
UNDO_KIND = "undo"
"""The kind of the marker row `Store.undo_review` appends; it never counts as a review."""

FLAG_NAMES: dict[int, str] = {1: "red", 2: "orange", 3: "green", 4: "blue"}
"""A card's flag by number (Anki's ctrl+1..4); 0 is no flag."""


class CardStatus(IntEnum):
    """A card's scheduling state: `fsrs.State` values, plus NEW = 0 for never-studied cards."""

    NEW = 0
    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


def to_ms(moment: datetime) -> int:
    """A timezone-aware datetime as integer epoch milliseconds (UTC).

    Raises:
        ValueError: `moment` is naive.
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment!r}: the store needs timezone-aware times")
    return (moment - EPOCH) // _MS


def from_ms(ms: int) -> datetime:
    """Epoch milliseconds as an aware UTC datetime."""
    return EPOCH + timedelta(milliseconds=ms)


def opt_ms(moment: datetime | None) -> int | None:
    return None if moment is None else to_ms(moment)


def opt_dt(ms: int | None) -> datetime | None:
    return None if ms is None else from_ms(ms)


@dataclass(frozen=True, slots=True)
class CardState:
    """Everything the scheduler owns about a card; what a review changes and undo restores.

    `status` 0 is new (never studied); 1–3 are `fsrs.State` (learning, review, relearning).
    `step`, `stability`, `difficulty`, `due` and `last_review` mean what they mean in
    `fsrs.Card`; a new card has them all None except `due` (None: not scheduled).
    """

    status: CardStatus = CardStatus.NEW
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: datetime | None = None
    last_review: datetime | None = None
    reps: int = 0
    lapses: int = 0
    leech: bool = False

    @classmethod
    def new(cls) -> CardState:
        return cls()

    @property
    def is_new(self) -> bool:
        return self.status == CardStatus.NEW


@dataclass(frozen=True, slots=True)
class CardRow:
    """A card as the store keeps it: the deck's content plus its schedule and flags."""

    deck: str
    card_id: str
    type: str
    body: Mapping[str, Any] = field(compare=False)
    answer: str | None
    sentence: str | None
    section: str | None
    line: int | None
    position: int
    sibling_key: str
    tags: tuple[str, ...]
    state: CardState
    suspended: bool = False
    buried_until: datetime | None = None
    retired_at: datetime | None = None
    added_at: datetime | None = None
    carried_from: str | None = None
    importance: int | None = None
    """The deck's 0-100 score (None: the card has none and ranks as DEFAULT_IMPORTANCE)."""
    flag: int = 0
    """The learner's flag: 0 none, else a key of FLAG_NAMES (migration 11)."""

    @property
    def flag_name(self) -> str | None:
        return FLAG_NAMES.get(self.flag)

    @property
    def key(self) -> tuple[str, str]:
        return (self.deck, self.card_id)

    @property
    def active(self) -> bool:
        return self.retired_at is None

    def to_card(self) -> Card:
        """The deck card this row was synced from (rebuilt from the stored body)."""
        body = self.body
        tags = tuple(body.get("tags", ()))
        if self.type == "match":
            return MatchCard(
                id=self.card_id,
                prompt=str(body.get("prompt", "")),
                pairs=tuple((str(a), str(b)) for a, b in body.get("pairs", ())),
                section=body.get("section"),
                line=body.get("line"),
                tags=tags,
                importance=self.importance,
                edited=bool(body.get("edited")),
            )
        if self.type == "basic":
            return BasicCard(
                id=self.card_id,
                front=str(body["front"]),
                back=str(body["back"]),
                accept=tuple(body.get("accept", ())),
                hint=body.get("hint"),
                section=body.get("section"),
                line=body.get("line"),
                tags=tags,
                importance=self.importance,
                edited=bool(body.get("edited")),
            )
        return ClozeCard(
            id=self.card_id,
            text=str(body["text"]),
            number=body.get("cloze"),
            accept=tuple(body.get("accept", ())),
            hint=body.get("hint"),
            section=body.get("section"),
            line=body.get("line"),
            tags=tags,
            importance=self.importance,
            edited=bool(body.get("edited")),
        )


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """One row of the append-only review log.

    `before` is the card's complete state before the answer (what undo restores); `after`
    is the state the answer produced (for cram rows, the untouched state). An undo marker
    has `kind == "undo"`, `rating` None and `undoes` = the id of the review it cancels;
    `undone_by` is set on a review that has been undone.
    """

    id: int
    deck: str
    card_id: str
    session_id: int | None
    reviewed_at: datetime
    utc_offset_min: int
    rating: int | None
    duration_ms: int | None
    kind: str
    before: CardState
    after: CardState
    elapsed_days: float | None
    typed: str | None
    hints: int
    undoes: int | None = None
    undone_by: int | None = None
    choice: bool = False  # picked among a choice card's options, not typed

    @property
    def is_undo(self) -> bool:
        return self.kind == UNDO_KIND

    @property
    def effective(self) -> bool:
        """A real answer that still counts: not an undo marker, not undone."""
        return not self.is_undo and self.undone_by is None


@dataclass(frozen=True, slots=True)
class DeckRow:
    """A deck the store knows: its name (file stem), title, source and last sync."""

    name: str
    title: str
    source: str | None
    content_hash: str | None
    synced_at: datetime | None


@dataclass(frozen=True, slots=True)
class DeckCounts:
    """Card counts of one deck at a moment (active cards only, except `retired`).

    `new`, `learning` and `due` count unsuspended cards; `due` is review cards due before
    the end of the day; `total` is every active card (suspended included).
    """

    deck: str
    new: int = 0
    learning: int = 0
    due: int = 0
    total: int = 0
    suspended: int = 0
    leech: int = 0
    retired: int = 0


@dataclass(frozen=True, slots=True)
class DayCounts:
    """What was done since a moment (the day start), from effective non-cram reviews.

    `introduced` counts new cards answered for the first time; `reviews` counts answers
    to cards that were in review state (Anki's review limit); `answers` counts all.
    """

    introduced: int = 0
    reviews: int = 0
    answers: int = 0
    again: int = 0
    duration_ms: int = 0


@dataclass(frozen=True, slots=True)
class SessionRow:
    """A study session: when, which decks, what kind, and its counts once ended."""

    id: int
    started_at: datetime
    ended_at: datetime | None
    decks: tuple[str, ...]
    kind: str
    counts: Mapping[str, int] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class SyncReport:
    """What `Store.sync_deck` did to one deck.

    `carried_over` counts new cards that inherited a lightly edited predecessor's state and
    history; those predecessors are retired but not counted in `retired`, which counts
    cards that left the deck without a successor. `revived` cards came back after retirement.
    """

    deck: str
    added: int = 0
    kept: int = 0
    carried_over: int = 0
    retired: int = 0
    revived: int = 0
    skipped: bool = False
    label: str | None = None
    carried: tuple[tuple[str, str], ...] = ()
    """(old id, new id) for each carried-over card."""

    @property
    def changed(self) -> bool:
        return bool(self.added or self.carried_over or self.retired or self.revived)

    def format(self) -> str:
        """One line: `decks/x.yaml: 3 added, 50 kept, 1 carried over, 2 retired`."""
        where = self.label or self.deck
        if self.skipped:
            return f"{where}: unchanged, skipped"
        parts = [f"{self.added} added", f"{self.kept} kept", f"{self.carried_over} carried over"]
        if self.revived:
            parts.append(f"{self.revived} revived")
        parts.append(f"{self.retired} retired")
        return f"{where}: " + ", ".join(parts)
