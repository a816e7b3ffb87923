"""A deck's schedule and review log written into an .apkg, for `quiz export anki
--with-history`: Anki's importer, asked to import scheduling, then shows every card due
when quiz has it due and keeps the answers in its review log.

The package genanki writes holds new cards only; this fills the cards' scheduling columns
and the `revlog` table of the collection inside it the way Anki keeps them:

- review cards: type 2, queue 2, `due` in study days since the collection's creation
  (counted as quiz and Anki count them: day boundaries at `day_starts_at` in the
  configured time zone; Anki moves them to the importing collection's days), `ivl` the
  days since the last review;
- (re)learning cards: type 1 or 3, queue 1 with `due` in epoch seconds, or queue 3 in
  study days for a step of a day or more; `left` the steps still to go;
- suspended cards queue -1; the FSRS memory (stability, difficulty, desired retention,
  last review time) in the card's `data`, as Anki stores it;
- one `revlog` row per answer that counts (undone answers and undo markers stay out):
  its time, rating, interval before and after (negative seconds within a day), time
  taken, kind (learn, review, relearn, cram as "filtered", manual).

A matching set is several Anki notes (one per pair): each pair's card gets the set's
schedule and log. Cards quiz never studied stay new.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from quiz.config import Config
from quiz.deck import BasicCard, ClozeCard, Deck, MatchCard
from quiz.srs import day_index

_REVLOG_KIND = {"learn": 0, "review": 1, "relearn": 2, "cram": 3, "manual": 4}
MAX_ANSWER_MS = 60_000


@dataclass(frozen=True)
class CardHistory:
    """What the store knows of one card: its state, flags and effective answers."""

    status: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime | None
    last_review: datetime | None
    reps: int
    lapses: int
    suspended: bool
    reviews: Sequence[Review]


@dataclass(frozen=True)
class Review:
    """One effective answer of the review log."""

    at: datetime
    rating: int
    kind: str
    duration_ms: int | None
    before_due: datetime | None
    before_status: int
    before_last: datetime | None
    after_due: datetime | None
    after_status: int


def anki_cards(deck: Deck) -> dict[tuple[str, int], str]:
    """(note GUID, card ordinal) -> quiz card id, as `quiz.export.deck_notes` lays notes."""
    places: dict[tuple[str, int], str] = {}
    first: dict[tuple[str, str | None, int | None], str] = {}
    for card in deck.cards:
        if isinstance(card, ClozeCard) and card.number is not None:
            guid = first.setdefault((card.text, card.section, card.line), card.id)
            places[(guid, card.number - 1)] = card.id
        elif isinstance(card, MatchCard):
            for number in range(1, len(card.pairs) + 1):
                places[(f"{card.id}.{number}", 0)] = card.id
        elif isinstance(card, ClozeCard | BasicCard):
            places[(card.id, 0)] = card.id
    return places


def _secs(moment: datetime) -> int:
    return int(moment.timestamp())


def _interval(status: int, due: datetime | None, at: datetime, config: Config) -> int:
    """A revlog interval: days for a review card, negative seconds within a day."""
    if due is None:
        return 0
    if status == 2:
        return max(1, day_index(due, config) - day_index(at, config))
    return -max(0, int((due - at).total_seconds()))


def write_history(
    db: sqlite3.Connection,
    deck: Deck,
    history: Mapping[str, CardHistory],
    config: Config,
) -> int:
    """Fill the scheduling columns and revlog of the genanki collection `db`; returns
    the number of revlog rows written."""
    (crt,) = db.execute("SELECT crt FROM col").fetchone()
    crt_day = day_index(datetime.fromtimestamp(crt, tz=UTC), config)
    places = anki_cards(deck)
    rows = db.execute("SELECT c.id, n.guid, c.ord FROM cards c JOIN notes n ON n.id = c.nid")
    used_ids: set[int] = set()
    written = 0
    for anki_id, guid, ordinal in rows.fetchall():
        card_id = places.get((guid, ordinal))
        state = history.get(card_id) if card_id else None
        if state is None or state.status == 0 or state.due is None:
            continue
        due, last = state.due, state.last_review
        if state.status == 2:
            kind, queue = 2, 2
            due_value = day_index(due, config) - crt_day
            ivl = max(1, day_index(due, config) - day_index(last or due, config))
            left = 0
        else:
            kind = 1 if state.status == 1 else 3
            steps = config.learning_steps if kind == 1 else config.relearning_steps
            interday = last is not None and day_index(due, config) > day_index(last, config)
            queue = 3 if interday else 1
            due_value = day_index(due, config) - crt_day if interday else _secs(due)
            ivl = 0 if kind == 1 else max(1, round(state.stability or 1))
            left = max(1, len(steps) - (state.step or 0))
        data = {
            "s": round(state.stability or 0.0, 4),
            "d": round(state.difficulty or 0.0, 3),
            "dr": config.desired_retention,
        }
        if last is not None:
            data["lrt"] = _secs(last)
        db.execute(
            "UPDATE cards SET type = ?, queue = ?, due = ?, ivl = ?, reps = ?, lapses = ?, "
            "left = ?, data = ? WHERE id = ?",
            (
                kind,
                -1 if state.suspended else queue,
                due_value,
                ivl,
                state.reps,
                state.lapses,
                left,
                json.dumps(data, separators=(",", ":")),
                anki_id,
            ),
        )
        for review in state.reviews:
            stamp = int(review.at.timestamp() * 1000)
            while stamp in used_ids:
                stamp += 1
            used_ids.add(stamp)
            db.execute(
                "INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
                "VALUES (?, ?, -1, ?, ?, ?, 0, ?, ?)",
                (
                    stamp,
                    anki_id,
                    review.rating,
                    _interval(review.after_status, review.after_due, review.at, config),
                    _interval(
                        review.before_status,
                        review.before_due,
                        review.before_last or review.at,
                        config,
                    ),
                    min(MAX_ANSWER_MS, max(0, review.duration_ms or 0)),
                    _REVLOG_KIND.get(review.kind, 1),
                ),
            )
            written += 1
    return written
