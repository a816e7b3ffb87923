"""The day's due reviews in the order a session shows them (lowest retrievability first),
held in memory: read once per study day from the due-card index, then kept up to date as
the session answers, buries, suspends or undoes, so picking the next review sorts nothing.

Why an order fixed for the day is exact: FSRS's retrievability R = (1 + F·t/S)^-D is the
same decreasing function of t/S for every card (one decay D per parameter set), and t is
counted in whole study days (as `quiz.srs.Scheduler` counts it), so within a study day the
order by R is the order by t/S, largest first — it does not move as the clock runs.
Ties go as in `quiz.srs.order_reviews`: earlier due first, then deck and card id.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable
from datetime import date, datetime

from quiz import srs
from quiz.config import Config
from quiz.store.models import CardRow, CardStatus, from_ms, to_ms
from quiz.store.queue import DueReview

Key = tuple[str, str]
SortKey = tuple[float, int, str, str]


class StudyDays:
    """Turns many epoch-ms moments into study-day numbers (`srs.day_index`) by bisecting
    precomputed day starts instead of converting each moment to local time."""

    def __init__(self, first_ms: int, last_ms: int, config: Config):
        self.config = config
        self._first = srs.study_date(from_ms(first_ms), config)
        last = srs.study_date(from_ms(last_ms), config)
        self.starts = [to_ms(start) for start in srs.day_starts(self._first, last, config)]
        """Day starts (epoch ms) from the first moment's study day to the last's."""
        self.first_index = (self._first - date(1970, 1, 1)).days
        """The study-day number of starts[0]."""

    def index(self, moment_ms: int) -> int:
        """The study day of a moment, like `srs.day_index(from_ms(moment_ms), config)`."""
        position = bisect.bisect_right(self.starts, moment_ms) - 1
        if position < 0 or position == len(self.starts) - 1:
            return srs.day_index(from_ms(moment_ms), self.config)  # outside the range read
        return self.first_index + position


class ReviewOrder:
    """The due reviews of one study day, lowest retrievability first.

    `count(now)` and `heads(now, n)` leave out cards buried until later today; `discard`
    takes a card out (answered, buried, suspended), `add` puts one in or moves it when its
    memory changed (undo, unsuspend).
    """

    def __init__(self, rows: Iterable[DueReview], *, now: datetime, config: Config):
        self.config = config
        self.day = srs.day_index(now, config)
        self.day_end_ms = to_ms(srs.day_end(now, config))
        rows = list(rows)
        reviewed = [row[3] for row in rows if row[3] is not None]
        now_ms = to_ms(now)
        self._days = StudyDays(min(reviewed, default=now_ms), now_ms, config)
        self._live: dict[Key, SortKey] = {}
        self._waiting: dict[Key, int] = {}  # buried until a moment later today
        self._read(rows)
        self._order = sorted(self._live.values())
        self._start = 0  # entries before it are all gone

    def _read(self, rows: list[DueReview]) -> None:
        """`_put` for every row, unrolled: ~22,000 rows on a large collection."""
        live, waiting, today = self._live, self._waiting, self.day
        starts, first, index = self._days.starts, self._days.first_index, self._days.index
        inside = len(starts) - 1
        bisect_right, infinity = bisect.bisect_right, math.inf
        for deck, card_id, due, last_review, stability, buried in rows:
            if last_review is None or not stability or stability <= 0:
                ratio = infinity
            else:
                position = bisect_right(starts, last_review) - 1
                day = first + position if 0 <= position < inside else index(last_review)
                ratio = (today - day if today > day else 0) / stability
            live[(deck, card_id)] = (-ratio, due, deck, card_id)
            if buried is not None:
                waiting[(deck, card_id)] = buried

    def sort_key(self, row: DueReview) -> SortKey:
        """Largest elapsed/stability first (lowest retrievability), then due, deck, id."""
        deck, card_id, due, last_review, stability, _buried = row
        if last_review is None or not stability or stability <= 0:
            ratio = math.inf  # never reviewed or no memory: retrievability 0, first
        else:
            elapsed = max(0, self.day - self._days.index(last_review))
            ratio = elapsed / stability
        return (-ratio, due, deck, card_id)

    def _put(self, row: DueReview) -> SortKey:
        key = (row[0], row[1])
        sort_key = self.sort_key(row)
        self._live[key] = sort_key
        buried = row[5]
        if buried is not None:
            self._waiting[key] = buried  # shown again once `now` passes it
        else:
            self._waiting.pop(key, None)
        return sort_key

    def add(self, row: DueReview) -> None:
        """Put a card in (or move it): it must be a REVIEW card due before the day end."""
        sort_key = self._put(row)
        position = bisect.bisect_left(self._order, sort_key, lo=self._start)
        if position >= len(self._order) or self._order[position] != sort_key:
            self._order.insert(position, sort_key)

    def discard(self, key: Key) -> None:
        """Take a card out (answered, buried, suspended); unknown keys are ignored."""
        self._live.pop(key, None)
        self._waiting.pop(key, None)

    def __contains__(self, key: Key) -> bool:
        return key in self._live

    def track(self, row: CardRow) -> None:
        """Bring one card's place up to date from its current row: in the order if it is a
        review due today (moved if its memory changed), out of it otherwise."""
        due = due_review_of(row, self.day_end_ms)
        if due is None:
            self.discard(row.key)
        elif self._live.get(row.key) != self.sort_key(due) or (
            self._waiting.get(row.key) != due[5]
        ):
            self.add(due)

    def count(self, now: datetime) -> int:
        """Due reviews left today that are not buried at `now`."""
        now_ms = to_ms(now)
        hidden = sum(1 for until in self._waiting.values() if until > now_ms)
        return len(self._live) - hidden

    def heads(self, now: datetime, n: int) -> list[Key]:
        """The first `n` cards in order that can be shown at `now`."""
        now_ms = to_ms(now)
        found: list[Key] = []
        order, live, waiting = self._order, self._live, self._waiting
        index = self._start
        while index < len(order) and len(found) < n:
            sort_key = order[index]
            key = (sort_key[2], sort_key[3])
            if live.get(key) != sort_key:  # gone, or moved elsewhere in the order
                if index == self._start:
                    self._start += 1
                index += 1
                continue
            if waiting.get(key, 0) <= now_ms:
                found.append(key)
            index += 1
        return found


def due_review_of(row: CardRow, day_end_ms: int) -> DueReview | None:
    """A card as `quiz.store.queue.due_reviews` would return it for a day ending at
    `day_end_ms`, or None when that query would leave it out."""
    state = row.state
    if (
        not row.active
        or row.suspended
        or state.status != CardStatus.REVIEW
        or state.due is None
        or to_ms(state.due) >= day_end_ms
    ):
        return None
    buried = None if row.buried_until is None else to_ms(row.buried_until)
    if buried is not None and buried >= day_end_ms:
        return None
    last = None if state.last_review is None else to_ms(state.last_review)
    return (row.deck, row.card_id, to_ms(state.due), last, state.stability, buried)
