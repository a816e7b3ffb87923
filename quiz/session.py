"""A study session: which card comes next, what an answer does, undo, suspend and bury,
today's counts and the summary. What the app and the CLI drive studying with.

Every answer is committed through the store before `answer` returns, together with its
effects (siblings buried, a leech suspended) in one transaction, so a session reopened on
the same file carries on where the last one stopped. The learning and new queues are read
from the store (reused only for a moment while nothing changes); the day's due reviews,
in retrievability order, and today's answer counts are read once per study day
(`quiz.review_order`) and kept up to date by the session itself. No SQL here: the store
does that; the policy is `quiz.srs`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from types import TracebackType
from typing import Literal

from quiz import srs
from quiz.config import Config
from quiz.deck import Card, Deck, rank
from quiz.review_order import ReviewOrder
from quiz.search import due_by
from quiz.srs import Rating
from quiz.store import CardRow, CardState, CardStatus, ReviewKind, Store, StoreError
from quiz.store.queue import bury_siblings, count_due, count_new, due_reviews
from quiz.store.sessions import SessionKind

ItemKind = Literal["new", "learning", "review", "relearning", "cram"]
Clock = Callable[[], datetime]

CRAM_AGAIN_GAP = 3
"""In cram mode a card answered Again comes back after this many other cards."""
QUEUE_REUSE = timedelta(seconds=1)
"""How long a read of the queue is reused when nothing was answered or changed."""
COUNTS_REFRESH = timedelta(minutes=1)
"""How long today's answer counts (towards the daily limits) and the learning count are
kept before being read again from the log (under a millisecond); a commit of another
process (the store's data_version) has them read again at once. The
day's review order (~60-90 ms to read on a 100k-card collection) is read once per study
day; it follows this session's own changes, and a card another process changed is checked
against the store when it comes up."""


@dataclass(frozen=True, slots=True)
class QueueItem:
    """One card to show: its deck, the card itself, its schedule and why it is up."""

    deck: str
    card: Card
    state: CardState
    kind: ItemKind
    due: datetime | None
    flag: int = 0
    """The learner's flag (0 none, 1-4: `quiz.store.FLAG_NAMES`)."""

    @property
    def card_id(self) -> str:
        return self.card.id

    @property
    def key(self) -> tuple[str, str]:
        return (self.deck, self.card.id)


@dataclass(frozen=True, slots=True)
class AnswerOutcome:
    """What an answer did: when the card is next due and the interval as a label."""

    next_due: datetime | None
    interval: str
    became_leech: bool = False
    suspended: bool = False
    review_id: int | None = None


@dataclass(frozen=True, slots=True)
class Counts:
    """Anki's three numbers: new, learning and review cards left today."""

    new: int = 0
    learning: int = 0
    review: int = 0

    @property
    def total(self) -> int:
        return self.new + self.learning + self.review


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """How the session went: answers, correct ones (rating ≥ Hard), Agains, per card type
    and per kind, time spent, and when the next card falls due."""

    reviewed: int = 0
    correct: int = 0
    again: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    by_kind: dict[str, int] = field(default_factory=dict)
    time_spent: timedelta = timedelta(0)
    next_due: datetime | None = None

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.reviewed if self.reviewed else None


@dataclass(slots=True)
class _Queue:
    """A read of the queue: the next candidates of each kind and how many are left.

    The learning count is read only when the counts are asked for (`StudySession.counts`):
    picking the next card needs the heads and the new and review counts, and counting
    thousands of overdue learning cards takes a millisecond the next card need not wait for.
    """

    at: datetime
    version: int
    cutoff: datetime  # learning cards due before it are shown now (learn-ahead)
    new_count: int
    review_count: int
    learning: list[CardRow]
    reviews: list[CardRow]
    new: list[CardRow]
    learning_count: int | None = None


@dataclass(slots=True)
class _LearningCount:
    """The learning count of the last read, carried forward: the session's own answers
    move it by the card they change, the learn-ahead window moving on adds the cards due
    in the stretch it gained (a narrow read of cards_due). Anything else the session does
    (undo, bury, suspend, an edit), a new study day, a commit of another process (the
    store's data_version moved) or COUNTS_REFRESH since it was read whole has it read
    again."""

    count: int
    cutoff: datetime  # learning cards due before it are the ones counted
    read_at: datetime  # when it was counted whole
    day: int
    version: int  # the store's data_version then: another process's commit moves it


@dataclass(slots=True)
class _Day:
    """What the session keeps for the study day: its due reviews in order, and how many
    new cards were introduced and reviews done today (read once, then counted here)."""

    index: int
    read_at: datetime
    reviews: ReviewOrder
    introduced: int
    reviewed: int
    version: int = 0  # the store's data_version when the counts were read

    def counted(self, status_before: CardStatus, step: int) -> None:
        """Count an answer (step 1) or its undo (step -1) in today's limits."""
        if status_before == CardStatus.NEW:
            self.introduced += step
        elif status_before == CardStatus.REVIEW:
            self.reviewed += step


@dataclass(frozen=True, slots=True)
class _FlagChange:
    """A suspend or bury from the session, with what undo puts back."""

    item: QueueItem
    suspended: bool
    buried_until: datetime | None
    cram_queue: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class _Answered:
    """What undo needs to take an answer back."""

    item: QueueItem
    review_id: int
    rating: Rating
    duration_ms: int
    suspended_as_leech: bool
    reviews_since_new: int
    cram_queue: tuple[tuple[str, str], ...]
    buried_siblings: tuple[tuple[str, datetime | None], ...] = ()
    status_before: CardStatus | None = None
    day: int | None = None


_KIND_OF_STATUS: dict[CardStatus, ItemKind] = {
    CardStatus.NEW: "new",
    CardStatus.LEARNING: "learning",
    CardStatus.REVIEW: "review",
    CardStatus.RELEARNING: "relearning",
}
_LEARNING = (CardStatus.LEARNING, CardStatus.RELEARNING)
_CRAM_LABELS = {
    Rating.Again: "again",
    Rating.Hard: "done",
    Rating.Good: "done",
    Rating.Easy: "done",
}


class StudySession:
    """Study the given decks (or cram them) against a store.

    Args:
        store: the open collection; the decks are synced into it (skipped when unchanged).
        decks: the decks to study; cards are shown from these objects. A deck may also be
            given by name: it must already be synced, and its cards are rebuilt from the
            store one by one as they come up (nothing is read for it at start).
        config: limits and scheduling settings.
        clock: returns the current time (aware UTC); tests pass a fixed clock.
        cram: study without touching schedules (answers are logged as "cram").
        cram_cards: (deck, card id) keys to cram; default every active, unsuspended card
            of the decks, in deck order.
        synced: the `Deck` objects are already synced into `store` (the app syncs them
            when it opens the collection): skip the sync.
        custom: the query of a custom study session (`quiz.custom`) of `cram_cards`
            (None: not one): a card due today (`quiz.search.due_by`) is answered as a
            real review, any other one is crammed (logged as "cram", schedule untouched);
            suspended cards are skipped.
    """

    def __init__(
        self,
        store: Store,
        decks: Sequence[Deck | str],
        config: Config,
        clock: Clock,
        *,
        cram: bool = False,
        cram_cards: Iterable[tuple[str, str]] | None = None,
        synced: bool = False,
        custom: str | None = None,
    ):
        self.store = store
        self.decks = [deck for deck in decks if isinstance(deck, Deck)]
        self.config = config
        self.clock = clock
        self.custom_query = custom
        self.custom = custom is not None
        self.cram = cram or self.custom  # a custom session runs on the cram queue
        self.scheduler = srs.Scheduler(config)
        self._deck_names = list(
            dict.fromkeys(deck.name if isinstance(deck, Deck) else deck for deck in decks)
        )
        self._deck_by_name = {deck.name: deck for deck in self.decks}
        self._card_index: dict[str, dict[str, Card]] = {}  # per deck, built when first needed
        now = self._now()
        self.sync_reports = [] if synced else store.sync_decks(self.decks, now=now)
        by_name = [deck for deck in decks if not isinstance(deck, Deck)]
        if by_name:
            known = {row.name for row in store.decks()}
            unknown = [name for name in by_name if name not in known]
            if unknown:
                raise StoreError(
                    f"{store.path}: no deck named {', '.join(unknown)} (sync it first)"
                )
        self._cram_queue: list[tuple[str, str]] = []
        if self.cram:
            self._cram_queue = self._cram_selection(cram_cards)
        # a custom session is a study: it has real reviews too
        kind: SessionKind = "cram" if cram and not self.custom else "study"
        self.session_id = store.start_session(self._deck_names, now, kind)
        self._closed = False
        self._undo_stack: list[_Answered | _FlagChange] = []
        self._front: QueueItem | None = None
        self._reviews_since_new = 0
        self._version = 0
        self._cached: _Queue | None = None
        self._learning: _LearningCount | None = None
        self._day: _Day | None = None

    # ------------------------------------------------------------------ the queue

    def next_card(self) -> QueueItem | None:
        """The card to show now, or None when nothing is left for today."""
        if self._front is not None:
            row = self.store.card(self._front.deck, self._front.card_id)
            # shown next unless it changed meanwhile (e.g. answered in another process)
            if row is not None and self._showable(row) and row.state == self._front.state:
                return self._item(row, self._front.kind)
            # the day's review order must follow the change too: the card may no longer be
            # due (the order checks only its head against the store, and this card need
            # not be there)
            if self._day is not None:
                if row is None:
                    self._day.reviews.discard(self._front.key)
                else:
                    self._day.reviews.track(row)
            self._version += 1
            self._learning = None  # changed by another process: count afresh
            self._front = None
        if self.cram:
            return self._next_cram()
        now = self._now()
        queue = self._queue(now)
        rows = {row.key: row for row in (*queue.learning, *queue.reviews, *queue.new)}
        chosen = srs.pick_next(
            [self._candidate(row) for row in queue.learning],
            [self._candidate(row, now) for row in queue.reviews],
            [self._candidate(row) for row in queue.new],
            now=now,
            config=self.config,
            reviews_since_new=self._reviews_since_new,
            reviews_left=queue.review_count,
            new_left=queue.new_count,
        )
        if chosen is None:
            return None
        row = rows[chosen.key]
        return self._item(row, _KIND_OF_STATUS[row.state.status])

    def counts(self) -> Counts:
        """New, learning and review cards left today (after daily limits and burying)."""
        if self.cram:
            return Counts(review=len(self._cram_queue))
        return self._counts(self._queue(self._now()))

    def study_counts(self) -> Counts:
        """What a study session would have left today now, also in cram mode (where
        `counts` is the cram queue): what a summary may call left for today."""
        self._check_open()
        return self._counts(self._queue(self._now()))

    def _counts(self, queue: _Queue) -> Counts:
        if queue.learning_count is None:
            queue.learning_count = self._learning_count(queue.cutoff, queue.at)
        return Counts(new=queue.new_count, learning=queue.learning_count, review=queue.review_count)

    def _learning_count(self, cutoff: datetime, now: datetime) -> int:
        """Learning cards due before `cutoff` (see `_LearningCount`): counting thousands
        of overdue ones whole takes ~1 ms, the stretch the window gained microseconds."""
        names = self._deck_names
        known = self._learning
        day = srs.day_index(now, self.config)
        if (
            known is not None
            and known.day == day
            and known.cutoff <= cutoff
            and timedelta(0) <= now - known.read_at < COUNTS_REFRESH
            and known.version == self.store.data_version()
        ):
            if known.cutoff < cutoff:
                known.count += count_due(
                    self.store, names, cutoff, now=now, statuses=_LEARNING, since=known.cutoff
                )
                known.cutoff = cutoff
            return known.count
        version = self.store.data_version()
        count = count_due(self.store, names, cutoff, now=now, statuses=_LEARNING)
        self._learning = _LearningCount(count, cutoff, now, day, version)
        return count

    def _learning_moved(
        self, row: CardRow, after: CardState, suspended: bool, now: datetime
    ) -> None:
        """A committed answer changed `row` to `after`: the carried learning count follows."""
        known = self._learning
        if known is None:
            return

        def counted(state: CardState, suspended: bool) -> bool:
            return (
                state.status in _LEARNING
                and state.due is not None
                and state.due < known.cutoff
                and not suspended
                and (row.buried_until is None or row.buried_until <= now)
            )

        known.count += counted(after, row.suspended or suspended) - counted(
            row.state, row.suspended
        )

    def _queue(self, now: datetime) -> _Queue:
        """The heads of the three queues and their sizes at `now`.

        Learning cards are those due within the learn-ahead window; reviews and new cards
        are cut to what today's limits still allow (buried siblings are left out by the
        store, like any buried card).
        Kept for a moment so that `next_card` and `counts` after it read the store once.
        """
        cached = self._cached
        if (
            cached is not None
            and cached.version == self._version
            and abs(now - cached.at) < QUEUE_REUSE
        ):
            return cached
        names = self._deck_names
        day = self._today(now)
        cutoff = now + self.config.learn_ahead + timedelta(milliseconds=1)
        reviews_left = srs.remaining(self.config.reviews_per_day, day.reviewed)
        new_left = srs.remaining(self.config.new_per_day, day.introduced)
        reviews = self._next_review(day, now) if reviews_left > 0 else []
        new_count = count_new(self.store, names, now=now, limit=new_left)
        queue = _Queue(
            at=now,
            version=self._version,
            cutoff=cutoff,
            new_count=new_count,
            review_count=min(day.reviews.count(now), reviews_left),
            learning=self.store.due_cards(names, cutoff, now=now, statuses=_LEARNING, limit=1),
            reviews=reviews,
            new=self.store.new_cards(names, now=now, limit=min(new_count, 1)),
        )
        self._cached = queue
        return queue

    def _today(self, now: datetime) -> _Day:
        """The day's review order and answer counts: the order is kept while the study day
        lasts, the counts for COUNTS_REFRESH; else they are read from the store."""
        index = srs.day_index(now, self.config)
        day = self._day
        names = self._deck_names
        version = self.store.data_version()
        if day is not None and day.index == index:
            if abs(now - day.read_at) >= COUNTS_REFRESH or day.version != version:
                done = self.store.day_counts(names, srs.day_start(now, self.config))
                day.introduced, day.reviewed, day.read_at = done.introduced, done.reviews, now
                day.version = version
            return day
        done = self.store.day_counts(names, srs.day_start(now, self.config))
        rows = due_reviews(self.store, names, srs.day_end(now, self.config), now=now)
        day = _Day(
            index=index,
            read_at=now,
            reviews=ReviewOrder(rows, now=now, config=self.config),
            introduced=done.introduced,
            reviewed=done.reviews,
            version=version,
        )
        self._day = day
        return day

    def _next_review(self, day: _Day, now: datetime) -> list[CardRow]:
        """The due review with the lowest retrievability, checked against the store (a
        card another process changed is moved or dropped, and the next one checked)."""
        while True:
            heads = day.reviews.heads(now, 1)
            if not heads:
                return []
            row = self.store.card(*heads[0])
            if row is None:
                day.reviews.discard(heads[0])
                continue
            day.reviews.track(row)
            if day.reviews.heads(now, 1) == heads:  # still first once brought up to date
                return [row]

    def _track(self, deck: str, card_ids: Iterable[str]) -> None:
        """Update the day's review order for cards whose state or flags just changed."""
        if self._day is None:
            return
        for card_id in card_ids:
            row = self.store.card(deck, card_id)
            if row is not None:
                self._day.reviews.track(row)

    def _candidate(self, row: CardRow, now: datetime | None = None) -> srs.Candidate:
        return srs.Candidate(
            key=row.key,
            phase=srs.phase_of(row.state.status),
            due=row.state.due,
            sibling_key=row.sibling_key,
            position=row.position,
            rank=rank(row.importance),
            retrievability=0.0 if now is None else self.scheduler.retrievability(row.state, now),
        )

    # ------------------------------------------------------------------ answering

    def answer(
        self,
        item: QueueItem,
        rating: Rating | int,
        *,
        typed: str | None = None,
        duration_ms: int,
        hints: int = 0,
        choice: bool = False,
    ) -> AnswerOutcome:
        """Record an answer (committed before this returns) and reschedule the card.

        In cram mode the card's schedule is left alone; an Again brings it back soon.
        `choice`: the answer was picked among the options of a choice card (logged so).
        """
        self._check_open()
        rating = Rating(int(rating))
        # A clock stepping back is not an error; a card left on screen is credited with
        # the configured maximum, as Anki does.
        duration_ms = min(max(0, int(duration_ms)), self.config.max_answer_seconds * 1000)
        now = self._now()
        row = self._row(item)
        snapshot = (self._reviews_since_new, tuple(self._cram_queue))
        if self.cram and not self._real_review(row, now):
            review_id = self._record(
                item, rating, "cram", None, now, duration_ms, typed, hints, choice
            )
            self._requeue_cram(item.key, rating)
            outcome = AnswerOutcome(row.state.due, _CRAM_LABELS[rating], review_id=review_id)
            self._remember(item, review_id, rating, duration_ms, False, snapshot)
            return outcome
        result = self.scheduler.review(
            row.state, rating, now, card_key=_card_key(item.key), duration_ms=duration_ms
        )
        after = _card_state(result.after, leech=row.state.leech or result.became_leech)
        suspend = (
            result.became_leech and self.config.leech_action == "suspend" and not row.suspended
        )
        buried: tuple[tuple[str, datetime | None], ...] = ()
        # One commit: the answer, the leech suspension and the siblings' burial together,
        # so a killed process never leaves the answer saved without its effects.
        with self.store.atomic():
            review_id = self._record(
                item, rating, result.kind, after, now, duration_ms, typed, hints, choice
            )
            if suspend:
                self.store.set_suspended(item.deck, [item.card_id], True)
            if self.config.bury_siblings:
                until = srs.day_end(now, self.config)
                buried = tuple(
                    bury_siblings(self.store, item.deck, item.card_id, row.sibling_key, until)
                )
        self._learning_moved(row, after, suspend, now)
        if self.cram:  # a custom session's real review: the card leaves its queue too
            self._requeue_cram(item.key, rating)
        day_index = srs.day_index(now, self.config)
        self._answered_today(day_index, row, after, suspend, buried)
        if row.state.status == CardStatus.NEW:
            self._reviews_since_new = 0
        elif row.state.status == CardStatus.REVIEW:
            self._reviews_since_new += 1
        self._remember(
            item,
            review_id,
            rating,
            duration_ms,
            suspend,
            snapshot,
            buried,
            status_before=row.state.status,
            day=day_index,
        )
        return AnswerOutcome(
            next_due=after.due,
            interval=result.interval_text,
            became_leech=result.became_leech,
            suspended=suspend,
            review_id=review_id,
        )

    def _record(
        self,
        item: QueueItem,
        rating: Rating,
        kind: ReviewKind,
        after: CardState | None,
        now: datetime,
        duration_ms: int,
        typed: str | None,
        hints: int,
        choice: bool = False,
    ) -> int:
        """Append one answer of this session to the log; its id."""
        return self.store.record_review(
            item.deck,
            item.card_id,
            rating=int(rating),
            kind=kind,
            after=after,
            now=now,
            utc_offset_min=self._offset(now),
            session_id=self.session_id,
            duration_ms=duration_ms,
            typed=typed,
            hints=hints,
            choice=choice,
        )

    def _answered_today(
        self,
        day_index: int,
        row: CardRow,
        after: CardState,
        suspended: bool,
        buried: tuple[tuple[str, datetime | None], ...],
    ) -> None:
        """Count a committed answer in the day's limits and move the card and its buried
        siblings out of (or within) the day's review order, without reading the store."""
        day = self._day
        if day is None:
            return
        if day.index != day_index:
            self._day = None  # a new study day: read it afresh
            return
        day.counted(row.state.status, 1)
        day.reviews.track(replace(row, state=after, suspended=row.suspended or suspended))
        for sibling, _previous in buried:
            day.reviews.discard((row.deck, sibling))

    def next_intervals(self, item: QueueItem) -> dict[Rating, str]:
        """The label under each answer button: what Again, Hard, Good and Easy would give."""
        if self.cram and item.kind == "cram":
            return dict(_CRAM_LABELS)
        row = self._row(item)
        preview = self.scheduler.preview(row.state, self._now(), card_key=_card_key(item.key))
        return {rating: result.interval_text for rating, result in preview.items()}

    def undo(self) -> QueueItem | None:
        """Take back the session's last answer, suspend or bury, like Anki's undo.

        An answer's card gets its exact previous state back (the log keeps the answer and
        gains an undo marker; siblings buried by it and a leech suspension are lifted).
        The card comes up next; it is returned, or None when there is nothing to undo. A
        suspended or buried card answered since (in another process) keeps that answer's
        schedule: the card the queue has next is returned instead (None: nothing left).
        """
        self._check_open()
        if not self._undo_stack:
            return None
        last = self._undo_stack[-1]
        deck, card_id = last.item.key
        try:
            with self.store.atomic():  # all or nothing, like the answer it takes back
                if isinstance(last, _FlagChange):
                    self.store.set_suspended(deck, [card_id], last.suspended)
                    self.store.bury(deck, [card_id], last.buried_until)
                else:
                    self.store.undo_review(
                        last.review_id, now=self._now(), session_id=self.session_id
                    )
                    if last.suspended_as_leech:
                        self.store.set_suspended(deck, [card_id], False)
                    for sibling, previous in last.buried_siblings:
                        self.store.bury(deck, [sibling], previous)
        except StoreError:
            if isinstance(last, _Answered) and not self._still_undoable(last):
                # answered again or undone elsewhere: it can never be taken back, so it
                # leaves the stack and the next undo reaches the answers before it
                self._undo_stack.pop()
            raise
        self._undo_stack.pop()
        self._version += 1
        self._learning = None
        if isinstance(last, _Answered):
            self._reviews_since_new = last.reviews_since_new
            day = self._day
            if day is not None and last.status_before is not None and last.day == day.index:
                day.counted(last.status_before, -1)
            self._track(deck, [card_id, *(sibling for sibling, _ in last.buried_siblings)])
        else:
            self._track(deck, [card_id])
        self._cram_queue = list(last.cram_queue)
        row = self._row(last.item)
        if isinstance(last, _FlagChange) and row.state != last.item.state:
            # answered elsewhere since it was suspended or buried (or unsuspended and
            # answered here): it is back in the queue as its state says, perhaps not due,
            # and is not shown first
            self._front = None
            return self.next_card()
        self._front = self._item(row, last.item.kind)
        return self._front

    def _still_undoable(self, answered: _Answered) -> bool:
        """Whether the answer is still its card's latest effective one (the store undoes
        only that); False once another session answered the card or undid the answer."""
        review = self.store.review(answered.review_id)
        if review is None or review.undone_by is not None:
            return False
        latest = self.store.last_review(decks=[answered.item.deck], card_id=answered.item.card_id)
        return latest is not None and latest.id == answered.review_id

    @property
    def can_undo(self) -> bool:
        return bool(self._undo_stack)

    @property
    def _answers(self) -> list[_Answered]:
        return [entry for entry in self._undo_stack if isinstance(entry, _Answered)]

    # ------------------------------------------------------------------ flags

    def suspend(self, item: QueueItem) -> None:
        """Take the card out of study until it is unsuspended (undo takes it back)."""
        self._remember_flags(item)
        self.store.set_suspended(item.deck, [item.card_id], True)
        self._drop(item)

    def unsuspend(self, item: QueueItem) -> None:
        self.store.set_suspended(item.deck, [item.card_id], False)
        self._version += 1
        self._learning = None
        self._track(item.deck, [item.card_id])

    def bury(self, item: QueueItem) -> None:
        """Hide the card until the next day starts (undo takes it back)."""
        self._remember_flags(item)
        self.store.bury(item.deck, [item.card_id], srs.day_end(self._now(), self.config))
        self._drop(item)

    def set_flag(self, item: QueueItem, flag: int) -> QueueItem:
        """Flag the card (1-4, Anki's ctrl+1..4), or clear its flag when it has that one
        already; returns the item with its new flag. A flag is no answer: undo leaves it
        (press the key again)."""
        new = 0 if item.flag == flag else flag
        self.store.set_flag(item.deck, item.card_id, new)
        if self._front is not None and self._front.key == item.key:
            self._front = replace(self._front, flag=new)
        return replace(item, flag=new)

    def deck_changed(self, deck: Deck) -> None:
        """`deck` was changed and synced (a card edited in the app): its cards come from
        it from now on (cards keep their ids, so the queue and undo are unchanged)."""
        if deck.name in self._deck_by_name:
            self._deck_by_name[deck.name] = deck
            self.decks = [deck if d.name == deck.name else d for d in self.decks]
        self._card_index.pop(deck.name, None)
        self._version += 1
        self._learning = None

    def _remember_flags(self, item: QueueItem) -> None:
        row = self._row(item)
        change = _FlagChange(item, row.suspended, row.buried_until, tuple(self._cram_queue))
        self._undo_stack.append(change)

    def _drop(self, item: QueueItem) -> None:
        self._version += 1
        self._learning = None
        if self._day is not None:
            self._day.reviews.discard(item.key)
        if self._front is not None and self._front.key == item.key:
            self._front = None
        self._cram_queue = [key for key in self._cram_queue if key != item.key]

    # ------------------------------------------------------------------ summary and end

    def summary(self) -> SessionSummary:
        """What this session did so far (undone answers not counted)."""
        by_type: dict[str, int] = {}
        by_kind: dict[str, int] = {}
        answers = self._answers
        for answered in answers:
            card_type = answered.item.card.type
            by_type[card_type] = by_type.get(card_type, 0) + 1
            by_kind[answered.item.kind] = by_kind.get(answered.item.kind, 0) + 1
        ratings = [answered.rating for answered in answers]
        return SessionSummary(
            reviewed=len(ratings),
            correct=sum(1 for rating in ratings if rating >= Rating.Hard),
            again=sum(1 for rating in ratings if rating == Rating.Again),
            by_type=by_type,
            by_kind=by_kind,
            time_spent=timedelta(milliseconds=sum(a.duration_ms for a in answers)),
            next_due=self.store.next_due(self._deck_names, now=self._now()),
        )

    def close(self) -> None:
        """End the session record (safe to call twice)."""
        if not self._closed:
            self.store.end_session(self.session_id, self._now())
            self._closed = True

    def __enter__(self) -> StudySession:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # ------------------------------------------------------------------ cram

    def _cram_selection(self, keys: Iterable[tuple[str, str]] | None) -> list[tuple[str, str]]:
        if keys is None:
            rows = self.store.cards(self._deck_names)
            order = {name: index for index, name in enumerate(self._deck_names)}
            rows.sort(key=lambda row: (order.get(row.deck, len(order)), row.position))
            return [row.key for row in rows if not row.suspended]
        selected = list(dict.fromkeys(keys))
        if self.custom:  # just read from the store (quiz.custom); _next_cram skips any gone
            return selected
        for deck, card_id in selected:
            row = self.store.card(deck, card_id)
            if row is None or not row.active:
                raise StoreError(f"{self.store.path}: no active card {card_id} in deck {deck}")
        return selected

    def _next_cram(self) -> QueueItem | None:
        while self._cram_queue:
            deck, card_id = self._cram_queue[0]
            row = self.store.card(deck, card_id)
            if row is not None and row.active and not (self.custom and row.suspended):
                if self._real_review(row, self._now()):
                    return self._item(row, _KIND_OF_STATUS[row.state.status])
                return self._item(row, "cram")
            self._cram_queue.pop(0)
        return None

    def _real_review(self, row: CardRow, now: datetime) -> bool:
        """Whether an answer to `row` counts as a real review: in a custom session, when
        the card is due today; never in a cram."""
        return self.custom and due_by(row.state, srs.day_end(now, self.config))

    def _requeue_cram(self, key: tuple[str, str], rating: Rating) -> None:
        if key in self._cram_queue:
            self._cram_queue.remove(key)
        if rating == Rating.Again:
            self._cram_queue.insert(min(CRAM_AGAIN_GAP, len(self._cram_queue)), key)

    # ------------------------------------------------------------------ helpers

    def _now(self) -> datetime:
        return srs.require_utc(self.clock())

    def _offset(self, now: datetime) -> int:
        offset = now.astimezone(self.config.timezone).utcoffset()
        return 0 if offset is None else int(offset.total_seconds() // 60)

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError("this study session is closed")

    def _row(self, item: QueueItem) -> CardRow:
        row = self.store.card(item.deck, item.card_id)
        if row is None:
            raise StoreError(f"{self.store.path}: no card {item.card_id} in deck {item.deck}")
        return row

    def _showable(self, row: CardRow) -> bool:
        now = self._now()
        buried = row.buried_until is not None and row.buried_until > now
        return row.active and not row.suspended and not buried

    def _item(self, row: CardRow, kind: ItemKind) -> QueueItem:
        card = self._deck_card(row.deck, row.card_id) or row.to_card()
        return QueueItem(row.deck, card, row.state, kind, row.state.due, row.flag)

    def _deck_card(self, deck: str, card_id: str) -> Card | None:
        """The card as the deck object has it (None if the deck does not have it)."""
        index = self._card_index.get(deck)
        if index is None:
            source = self._deck_by_name.get(deck)
            if source is None:
                return None
            index = self._card_index[deck] = {card.id: card for card in source.cards}
        return index.get(card_id)

    def _remember(
        self,
        item: QueueItem,
        review_id: int,
        rating: Rating,
        duration_ms: int,
        suspended: bool,
        snapshot: tuple[int, tuple[tuple[str, str], ...]],
        buried: tuple[tuple[str, datetime | None], ...] = (),
        *,
        status_before: CardStatus | None = None,
        day: int | None = None,
    ) -> None:
        """Note a committed answer: the queue moves on and undo can take it back."""
        if self._front is not None and self._front.key == item.key:
            self._front = None
        self._version += 1
        self._undo_stack.append(
            _Answered(
                item,
                review_id,
                rating,
                duration_ms,
                suspended,
                *snapshot,
                buried,
                status_before,
                day,
            )
        )


def _card_key(key: tuple[str, str]) -> str:
    return f"{key[0]}/{key[1]}"


def _card_state(memory: srs.Memory, *, leech: bool) -> CardState:
    return CardState(
        status=CardStatus(memory.status),
        step=memory.step,
        stability=memory.stability,
        difficulty=memory.difficulty,
        due=memory.due,
        last_review=memory.last_review,
        reps=memory.reps,
        lapses=memory.lapses,
        leech=leech,
    )
