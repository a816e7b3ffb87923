"""Scheduling policy around the fsrs library: one answer's effect on a card, the local
study day, leeches, interval labels and the order in which due cards come up.

Pure: no SQL, no I/O, time passed in. The memory model is py-fsrs's; as in Anki, the time
since the last review is counted in study days, and fuzz is applied here with a random
generator seeded from the card and its review count, so a schedule is reproducible.
"""

from __future__ import annotations

import hashlib
import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal, Protocol

import fsrs
from fsrs.scheduler import FUZZ_RANGES

from quiz.config import Config

Rating = fsrs.Rating
Phase = Literal["new", "learning", "review", "relearning"]
LogKind = Literal["learn", "review", "relearn", "cram", "manual"]

PHASES: tuple[Phase, ...] = ("new", "learning", "review", "relearning")
"""Phase names by status number: 0 new (never studied), then `fsrs.State` 1–3."""
NEW, LEARNING, REVIEW, RELEARNING = 0, 1, 2, 3
_LOG_KIND: dict[int, LogKind] = {
    NEW: "learn",
    LEARNING: "learn",
    REVIEW: "review",
    RELEARNING: "relearn",
}


def phase_of(status: int) -> Phase:
    """The phase name of a status number (0 new, 1 learning, 2 review, 3 relearning)."""
    if not 0 <= int(status) < len(PHASES):
        raise ValueError(f"unknown card status {status!r}")
    return PHASES[int(status)]


class SchedulingState(Protocol):
    """What scheduling reads from a card's stored state (the store's `CardState` has it).

    `status` is 0 for a new card, else the `fsrs.State` value (1 learning, 2 review,
    3 relearning).
    """

    @property
    def status(self) -> int: ...
    @property
    def step(self) -> int | None: ...
    @property
    def stability(self) -> float | None: ...
    @property
    def difficulty(self) -> float | None: ...
    @property
    def due(self) -> datetime | None: ...
    @property
    def last_review(self) -> datetime | None: ...
    @property
    def reps(self) -> int: ...
    @property
    def lapses(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Memory:
    """A card's scheduling state: its status and FSRS memory, when it is due, its counters."""

    status: int = NEW
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: datetime | None = None
    last_review: datetime | None = None
    reps: int = 0
    lapses: int = 0

    @property
    def phase(self) -> Phase:
        return phase_of(self.status)

    @classmethod
    def of(cls, state: SchedulingState) -> Memory:
        """Copy the scheduling fields of any state-like object."""
        phase_of(state.status)
        return cls(
            status=int(state.status),
            step=state.step,
            stability=state.stability,
            difficulty=state.difficulty,
            due=state.due,
            last_review=state.last_review,
            reps=state.reps,
            lapses=state.lapses,
        )


@dataclass(frozen=True, slots=True)
class ReviewResult:
    """What one answer does to a card. `interval` is the step or interval given (what the
    button shows); `after.due` is when the card is due, which for a learning step of a
    day or more is the start of that study day."""

    rating: Rating
    before: Memory
    after: Memory
    kind: LogKind
    elapsed_days: int | None
    interval: timedelta
    lapsed: bool
    became_leech: bool

    @property
    def new_state(self) -> Memory:
        return self.after

    @property
    def interval_text(self) -> str:
        return format_interval(self.interval)


def require_utc(now: datetime) -> datetime:
    """`now` as an aware UTC datetime; naive datetimes are refused."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("time must be timezone-aware (UTC)")
    return now.astimezone(UTC)


def fuzz_seed(card_key: str, reps: int) -> int:
    """A stable seed for the fuzz of a card's `reps`-th answer."""
    digest = hashlib.blake2b(f"{card_key}\x1f{reps}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


class Scheduler:
    """FSRS with the settings of a Config, fuzz seeded per card and answer."""

    def __init__(self, config: Config):
        self.config = config
        params = config.fsrs_parameters
        self._fsrs = fsrs.Scheduler(
            **({"parameters": params} if params is not None else {}),
            desired_retention=config.desired_retention,
            learning_steps=config.learning_steps,
            relearning_steps=config.relearning_steps,
            maximum_interval=config.maximum_interval,
            enable_fuzzing=False,
        )

    @property
    def fsrs_scheduler(self) -> fsrs.Scheduler:
        """The library scheduler (fuzz off: this class fuzzes reproducibly itself)."""
        return self._fsrs

    def review(
        self,
        state: SchedulingState,
        rating: Rating | int,
        now: datetime,
        *,
        card_key: str,
        duration_ms: int | None = None,
    ) -> ReviewResult:
        """The card's state after answering `rating` at `now`.

        Args:
            state: the card's current state.
            rating: 1 Again, 2 Hard, 3 Good, 4 Easy.
            now: the time of the answer, timezone-aware.
            card_key: identifies the card; with its review count it seeds the fuzz.
            duration_ms: how long the answer took (passed to the library's log).
        """
        now = require_utc(now)
        rating = Rating(int(rating))
        before = Memory.of(state)
        elapsed = self.elapsed_days(before, now)
        reviewed = self._library_review(before, rating, now, duration_ms)
        due = reviewed.due
        if self.config.enable_fuzzing and reviewed.state == fsrs.State.Review:
            due = now + timedelta(days=self._fuzzed_days(before, rating, now, card_key))
        interval = due - now
        if reviewed.state != fsrs.State.Review and interval >= timedelta(days=1):
            # a learning step of a day or more is due by study day, as in Anki
            due = max(day_start(due, self.config), day_end(now, self.config))
        lapsed = before.status == REVIEW and rating == Rating.Again
        lapses = before.lapses + (1 if lapsed else 0)
        after = Memory(
            status=int(reviewed.state),
            step=reviewed.step,
            stability=reviewed.stability,
            difficulty=reviewed.difficulty,
            due=due,
            last_review=now,
            reps=before.reps + 1,
            lapses=lapses,
        )
        return ReviewResult(
            rating=rating,
            before=before,
            after=after,
            kind=_LOG_KIND[before.status],
            elapsed_days=elapsed,
            interval=interval,
            lapsed=lapsed,
            became_leech=lapsed and is_leech_milestone(lapses, self.config.leech_threshold),
        )

    def _library_review(
        self, before: Memory, rating: Rating, now: datetime, duration_ms: int | None = None
    ) -> fsrs.Card:
        reviewed, _log = self._fsrs.review_card(
            self._fsrs_card(before, now), rating, now, duration_ms
        )
        return reviewed

    def _fuzzed_days(self, before: Memory, rating: Rating, now: datetime, card_key: str) -> int:
        """The fuzzed interval in days of an answer that leaves the card in review.

        As in Anki, fuzz never puts the buttons out of order: for a review card, Good is
        at least a day longer than Hard, and Easy than Good.
        """
        reviewed = self._library_review(before, rating, now)
        days = fuzzed_days(
            (reviewed.due - now).days,
            self.config.maximum_interval,
            fuzz_seed(card_key, before.reps),
        )
        if before.status == REVIEW and rating in (Rating.Good, Rating.Easy):
            shorter = self._fuzzed_days(before, Rating(rating - 1), now, card_key)
            days = max(days, min(shorter + 1, self.config.maximum_interval))
        return days

    def preview(
        self, state: SchedulingState, now: datetime, *, card_key: str
    ) -> dict[Rating, ReviewResult]:
        """What each of the four buttons would do, without changing anything."""
        return {rating: self.review(state, rating, now, card_key=card_key) for rating in Rating}

    def retrievability(self, state: SchedulingState, now: datetime) -> float:
        """The predicted chance of recalling the card at `now` (0 for a card never seen)."""
        if state.last_review is None or state.stability is None:
            return 0.0
        now = require_utc(now)
        return float(self._fsrs.get_card_retrievability(self._fsrs_card(state, now), now))

    def elapsed_days(self, state: SchedulingState, now: datetime) -> int | None:
        """Whole study days since the last review, counted like Anki: by day boundaries
        (04:00 local), not 24-hour periods. None for a card never reviewed."""
        if state.last_review is None:
            return None
        return max(0, day_index(now, self.config) - day_index(state.last_review, self.config))

    def _fsrs_card(self, state: SchedulingState, now: datetime) -> fsrs.Card:
        """The library's card, its last review moved to whole study days before `now`.

        py-fsrs counts elapsed time in 24-hour periods, so a card reviewed at 20:00 and
        again at 09:00 the next morning would count as reviewed the same day (a short-term
        review that barely strengthens it). Anki counts study days; shifting the last
        review to exactly that many days before `now` makes the library do the same.
        """
        card = to_fsrs_card(state)
        elapsed = self.elapsed_days(state, now)
        if elapsed is not None:
            card.last_review = now - timedelta(days=elapsed)
        return card


def to_fsrs_card(state: SchedulingState) -> fsrs.Card:
    """The library's card for a state (a new card is fsrs's Learning step 0, no memory)."""
    status = int(state.status)
    phase_of(status)
    fsrs_state = fsrs.State.Learning if status == NEW else fsrs.State(status)
    step = state.step
    if fsrs_state == fsrs.State.Review:
        step = None
    elif step is None:
        step = 0
    due = state.due if state.due is not None else datetime(1970, 1, 1, tzinfo=UTC)
    last = state.last_review
    return fsrs.Card(
        card_id=0,
        state=fsrs_state,
        step=step,
        stability=state.stability,
        difficulty=state.difficulty,
        due=require_utc(due),
        last_review=require_utc(last) if last is not None else None,
    )


def fuzzed_days(days: int, maximum_interval: int, seed: int) -> int:
    """`days` moved by Anki's fuzz (wider for longer intervals), picked with `seed`.

    Intervals under 2.5 days are left alone, as in Anki and py-fsrs.
    """
    if days < 2.5:
        return days
    delta = 1.0
    for fuzz_range in FUZZ_RANGES:
        delta += fuzz_range["factor"] * max(
            min(float(days), fuzz_range["end"]) - fuzz_range["start"], 0.0
        )
    high = min(round(days + delta), maximum_interval)
    low = min(max(2, round(days - delta)), high)
    return random.Random(seed).randint(low, high)


def is_leech_milestone(lapses: int, threshold: int) -> bool:
    """Anki's rule: a card becomes a leech at `threshold` lapses, and again every half
    threshold after that (8, 12, 16, … by default)."""
    if lapses < threshold:
        return False
    return (lapses - threshold) % max(1, math.ceil(threshold / 2)) == 0


# --------------------------------------------------------------------------- the study day


def _local_day_start(local_date: date, config: Config) -> datetime:
    start = datetime.combine(local_date, time(config.day_starts_at), tzinfo=config.timezone)
    return start.astimezone(UTC)


def study_date(now: datetime, config: Config) -> date:
    """The calendar date of the study day `now` falls in (before 04:00 it is yesterday's)."""
    local = require_utc(now).astimezone(config.timezone)
    if local.hour < config.day_starts_at:
        return local.date() - timedelta(days=1)
    return local.date()


def day_start(now: datetime, config: Config) -> datetime:
    """The most recent start of a study day (04:00 local by default), in UTC."""
    return _local_day_start(study_date(now, config), config)


def day_end(now: datetime, config: Config) -> datetime:
    """When the current study day ends (the next day start), in UTC."""
    return _local_day_start(study_date(now, config) + timedelta(days=1), config)


def day_starts(first: date, last: date, config: Config) -> list[datetime]:
    """The start (UTC) of every study day from date `first` to `last` inclusive: bounds to
    bisect many moments into study days at once (see `quiz.review_order`)."""
    return [
        _local_day_start(first + timedelta(days=n), config) for n in range((last - first).days + 1)
    ]


def day_index(now: datetime, config: Config) -> int:
    """The study day as a whole number (days since 1970-01-01), for logs and statistics."""
    return (study_date(now, config) - date(1970, 1, 1)).days


# --------------------------------------------------------------------------- labels


def format_interval(interval: timedelta) -> str:
    """A short label like Anki's buttons: "<1m", "10m", "1.5h", "3d", "1.5mo", "2.1y".

    Minutes and days are whole; hours, months and years keep one decimal when needed.
    """
    seconds = interval.total_seconds()
    if seconds < 60:
        return "<1m"
    minutes = seconds / 60
    if _half_up(minutes) < 60:
        return f"{_half_up(minutes)}m"
    hours = minutes / 60
    if hours < 24:
        return f"{_one_decimal(hours)}h"
    days = hours / 24
    if _half_up(days) < 30:
        return f"{_half_up(days)}d"
    if days < 365:
        return f"{_one_decimal(days / 30)}mo"
    return f"{_one_decimal(days / 365)}y"


def _half_up(value: float) -> int:
    return math.floor(value + 0.5)


def _one_decimal(value: float) -> str:
    tenths = _half_up(value * 10)
    return str(tenths // 10) if tenths % 10 == 0 else f"{tenths / 10:.1f}"


# --------------------------------------------------------------------------- the queue


@dataclass(frozen=True, slots=True)
class Candidate:
    """A card that may come up: its key, phase, due time and sibling group; a new card's
    `rank` (its importance, `quiz.deck.rank`) and `position` in its deck set its turn."""

    key: tuple[str, str]
    phase: Phase
    due: datetime | None
    sibling_key: str
    position: int = 0
    retrievability: float = 0.0
    rank: int = 0


def remaining(limit: int, done_today: int) -> int:
    """What is left of a daily limit."""
    return max(0, limit - done_today)


def order_reviews(reviews: Iterable[Candidate]) -> list[Candidate]:
    """Due reviews, the ones most likely forgotten (lowest retrievability) first."""
    far = datetime.max.replace(tzinfo=UTC)
    return sorted(reviews, key=lambda c: (c.retrievability, c.due or far, c.key))


def order_new(new: Iterable[Candidate]) -> list[Candidate]:
    """New cards of a deck, the highest rank (importance) first, ties in deck order: the
    order `Store.new_cards` reads them in (which goes deck by deck)."""
    return sorted(new, key=lambda c: (-c.rank, c.position, c.key))


def order_learning(learning: Iterable[Candidate]) -> list[Candidate]:
    """Learning and relearning cards, the earliest due first."""
    far = datetime.max.replace(tzinfo=UTC)
    return sorted(learning, key=lambda c: (c.due or far, c.key))


def new_card_turn(reviews_left: int, new_left: int, reviews_since_new: int) -> bool:
    """Whether the next card should be a new one, spreading new cards evenly among the
    reviews (one new card after every reviews_left / new_left reviews)."""
    if new_left <= 0:
        return False
    if reviews_left <= 0:
        return True
    return reviews_since_new * new_left >= reviews_left


def pick_next(
    learning: Sequence[Candidate],
    reviews: Sequence[Candidate],
    new: Sequence[Candidate],
    *,
    now: datetime,
    config: Config,
    reviews_since_new: int = 0,
    reviews_left: int | None = None,
    new_left: int | None = None,
    exclude: frozenset[tuple[str, str]] = frozenset(),
) -> Candidate | None:
    """The card to show next, Anki's way.

    `learning` are learning/relearning cards, `reviews` the reviews due today and `new`
    the new cards, each already cut to what the daily limits allow (the caller may pass
    only the head of each list, with the full sizes in `reviews_left` and `new_left`).
    Learning cards that are due come first; then reviews (lowest retrievability first)
    with new cards spread among them; then learning cards due within the learn-ahead
    window, so a session ends with them instead of waiting.
    """
    now = require_utc(now)
    far = datetime.max.replace(tzinfo=UTC)
    learning_order = [c for c in order_learning(learning) if c.key not in exclude]
    due_learning = [c for c in learning_order if (c.due or far) <= now]
    if due_learning:
        return due_learning[0]
    review_order = [c for c in order_reviews(reviews) if c.key not in exclude]
    new_order = [c for c in order_new(new) if c.key not in exclude]
    reviews_count = len(review_order) if reviews_left is None else reviews_left
    new_count = len(new_order) if new_left is None else new_left
    if new_order and new_card_turn(reviews_count, new_count, reviews_since_new):
        return new_order[0]
    if review_order:
        return review_order[0]
    if new_order:
        return new_order[0]
    ahead = [c for c in learning_order if (c.due or far) <= now + config.learn_ahead]
    return ahead[0] if ahead else None
