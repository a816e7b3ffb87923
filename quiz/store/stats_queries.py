"""The SQL behind `quiz.stats`: aggregates over the review log and the cards, grouped in
SQLite so that a million reviews never travel into Python.

Every function reads; `stats_rows` runs them all in one read transaction, so the figures
agree with each other even while a study session is writing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from quiz import srs
from quiz.config import Config
from quiz.stats import (
    CardCountRow,
    DayRow,
    DueRow,
    SectionRow,
    SessionRow,
    StatsRows,
    WeakRow,
)
from quiz.store.db import Database
from quiz.store.models import to_ms

if TYPE_CHECKING:
    from quiz.store.store import Store

DAY_MS = 86_400_000
SLOT_MS = 900_000
"""Due times are grouped in 15-minute slots: every time zone's day start falls on one."""
MATURE_MS = 21 * DAY_MS
SESSION_LIMIT = 60
WEAK_LIMIT = 10

# An answer's interval is the one the card had been scheduled with (Anki's lastIvl), or
# the time since the previous review when the schedule is unknown.
_MATURE = f"(coalesce(due_before - last_review_before, elapsed_days * {DAY_MS}) >= {MATURE_MS})"


def _deck_filter(decks: Sequence[str], column: str = "deck") -> tuple[str, list[Any]]:
    if not decks:
        return "1", []
    marks = ", ".join("?" for _ in decks)
    return f"{column} IN ({marks})", list(decks)


def card_counts(db: Database, decks: Sequence[str] = ()) -> list[CardCountRow]:
    """Active cards per deck by state (suspended apart), with leeches and the total."""
    where, params = _deck_filter(decks)
    rows = db.query(
        f"""
        SELECT deck,
               sum(suspended = 0 AND state = 0), sum(suspended = 0 AND state = 1),
               sum(suspended = 0 AND state = 2), sum(suspended = 0 AND state = 3),
               sum(suspended), sum(leech), count(*)
        FROM cards
        WHERE retired_at IS NULL AND {where}
        GROUP BY deck ORDER BY deck
        """,
        params,
    )
    return [CardCountRow(*row) for row in rows]


def day_rows(db: Database, config: Config, decks: Sequence[str] = ()) -> list[DayRow]:
    """Effective answers per deck and local study day (each review's own UTC offset)."""
    where, params = _deck_filter(decks)
    shift = config.day_starts_at * 3_600_000
    rows = db.query(
        f"""
        SELECT deck, (reviewed_at + utc_offset_min * 60000 - {shift}) / {DAY_MS} AS day,
               count(*),
               sum(kind = 'review' AND rating > 1 AND NOT {_MATURE}),
               sum(kind = 'review' AND rating = 1 AND NOT {_MATURE}),
               sum(kind = 'review' AND rating > 1 AND {_MATURE}),
               sum(kind = 'review' AND rating = 1 AND {_MATURE}),
               coalesce(sum(duration_ms), 0)
        FROM effective_reviews
        WHERE kind <> 'manual' AND {where}
        GROUP BY deck, day ORDER BY deck, day
        """,
        params,
    )
    return [DayRow(*row) for row in rows]


def session_rows(
    db: Database, decks: Sequence[str] = (), limit: int = SESSION_LIMIT
) -> list[SessionRow]:
    """The latest sessions with answers in the chosen decks, and their share correct."""
    where, params = _deck_filter(decks, "r.deck")
    rows = db.query(
        f"""
        SELECT s.id, s.started_at, s.kind, count(*), sum(r.rating > 1)
        FROM sessions AS s JOIN effective_reviews AS r ON r.session_id = s.id
        WHERE r.kind <> 'manual' AND {where}
        GROUP BY s.id
        ORDER BY s.started_at DESC, s.id DESC
        LIMIT ?
        """,
        [*params, limit],
    )
    return [SessionRow(*row) for row in rows]


def due_rows(
    db: Database, now: datetime, config: Config, decks: Sequence[str] = (), days: int = 30
) -> list[DueRow]:
    """Scheduled, unsuspended cards due before the end of the forecast, per 15 minutes;
    overdue ones counted at the start of today."""
    where, params = _deck_filter(decks)
    start = to_ms(srs.day_start(now, config))
    horizon = start + (days + 1) * DAY_MS
    rows = db.query(
        f"""
        SELECT deck, max(due, ?) / {SLOT_MS} * {SLOT_MS} AS slot, count(*)
        FROM cards
        WHERE state > 0 AND suspended = 0 AND retired_at IS NULL AND due < ? AND {where}
        GROUP BY deck, slot ORDER BY deck, slot
        """,
        [start, horizon, *params],
    )
    return [DueRow(*row) for row in rows]


def section_rows(db: Database, decks: Sequence[str] = ()) -> list[SectionRow]:
    """Per section of each deck: its cards and lapses, and how its answers went."""
    card_where, params = _deck_filter(decks, "c.deck")
    rows = db.query(
        f"""
        WITH per_card AS (
            SELECT deck, card_id,
                   count(*) AS answers,
                   sum(rating > 1) AS correct,
                   sum(kind = 'review' AND rating > 1) AS passed,
                   sum(kind = 'review' AND rating = 1) AS failed
            FROM effective_reviews
            WHERE kind IN ('learn', 'review', 'relearn')
            GROUP BY deck, card_id
        )
        SELECT c.deck, c.section, min(c.position), count(*), sum(c.lapses),
               coalesce(sum(p.answers), 0), coalesce(sum(p.correct), 0),
               coalesce(sum(p.passed), 0), coalesce(sum(p.failed), 0)
        FROM cards AS c LEFT JOIN per_card AS p ON p.deck = c.deck AND p.card_id = c.card_id
        WHERE c.retired_at IS NULL AND {card_where}
        GROUP BY c.deck, c.section
        """,
        params,
    )
    return [SectionRow(*row) for row in rows]


# A matching set has no sentence: its prompt stands in for it.
_WEAK_COLUMNS = """deck, card_id, type, answer, coalesce(sentence, json_extract(body, '$.prompt')),
    section, lapses, reps, state, stability, difficulty, last_review"""


def weak_by_lapses(
    db: Database, decks: Sequence[str] = (), limit: int = WEAK_LIMIT
) -> list[WeakRow]:
    """The active cards forgotten most often."""
    where, params = _deck_filter(decks)
    rows = db.query(
        f"""
        SELECT {_WEAK_COLUMNS} FROM cards
        WHERE retired_at IS NULL AND lapses > 0 AND {where}
        ORDER BY lapses DESC, deck, card_id LIMIT ?
        """,
        [*params, limit],
    )
    return [WeakRow(*row) for row in rows]


def weak_by_retrievability(
    db: Database, now: datetime, decks: Sequence[str] = (), limit: int = WEAK_LIMIT
) -> list[WeakRow]:
    """The studied cards with the lowest predicted recall now.

    FSRS retrievability falls as elapsed time over stability grows, so ordering by that
    ratio in SQL picks the same cards as computing it for every row.
    """
    where, params = _deck_filter(decks)
    rows = db.query(
        f"""
        SELECT {_WEAK_COLUMNS} FROM cards
        WHERE retired_at IS NULL AND state > 0 AND stability > 0
          AND last_review IS NOT NULL AND {where}
        ORDER BY (? - last_review) / stability DESC, deck, card_id LIMIT ?
        """,
        [*params, float(to_ms(now)), limit],
    )
    return [WeakRow(*row) for row in rows]


def deck_titles(db: Database, decks: Sequence[str] = ()) -> dict[str, str]:
    where, params = _deck_filter(decks, "name")
    return dict(db.query(f"SELECT name, title FROM decks WHERE {where}", params))


def database_of(source: Store | Database) -> Database:
    """The connection behind a Store (this module is part of the store package)."""
    return source if isinstance(source, Database) else source._db


def stats_rows(
    source: Store | Database, *, now: datetime, config: Config, decks: Sequence[str] = ()
) -> StatsRows:
    """Everything `quiz.stats.compute` needs, read in one transaction."""
    db = database_of(source)
    with db.atomic(write=False):
        return StatsRows(
            decks=tuple(decks),
            cards=tuple(card_counts(db, decks)),
            days=tuple(day_rows(db, config, decks)),
            sessions=tuple(session_rows(db, decks)),
            due=tuple(due_rows(db, now, config, decks)),
            sections=tuple(section_rows(db, decks)),
            weak_by_lapses=tuple(weak_by_lapses(db, decks)),
            weak_by_retrievability=tuple(weak_by_retrievability(db, now, decks)),
            titles=deck_titles(db, decks),
        )


REVIEW_LOG_COLUMNS: tuple[str, ...] = (
    "id",
    "deck",
    "card_id",
    "session_id",
    "reviewed_at",
    "utc_offset_min",
    "rating",
    "duration_ms",
    "kind",
    "state_before",
    "state_after",
    "stability_after",
    "difficulty_after",
    "due_after",
    "elapsed_days",
    "typed",
    "hints",
    "undoes",
    "undone",
)
"""The review-log export's columns; times are epoch ms, `undone` is 1 for a cancelled answer."""


def review_log_rows(
    source: Store | Database, decks: Sequence[str] = ()
) -> Iterator[tuple[Any, ...]]:
    """Every review-log row (undo markers and undone answers included, flagged), in order,
    streamed rather than loaded at once."""
    db = database_of(source)
    where, params = _deck_filter(decks, "r.deck")
    columns = ", ".join(f"r.{name}" for name in REVIEW_LOG_COLUMNS[:-1])
    yield from db.iterate(
        f"""
        SELECT {columns}, EXISTS (SELECT 1 FROM review_log AS u WHERE u.undoes = r.id)
        FROM review_log AS r WHERE {where} ORDER BY r.id
        """,
        params,
    )
