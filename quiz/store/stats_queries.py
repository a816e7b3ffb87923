"""The SQL behind `quiz.stats`: aggregates over the review log and the cards, computed in
SQLite so that a million reviews never travel into Python.

Answers per study day and retention per section read tallies that triggers keep in step
with the log in the same transaction as each answer and undo (`answer_hours`, migration 6;
`card_review_tallies`, migration 5). True retention per window and the due forecast are
range counts on the indexes of migration 3, so nothing is sorted and no table row is read;
the few undone review answers still in those counts are taken off in Python
(`apply_exclusions`). Every function reads; `stats_rows` runs them in one read transaction.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from quiz import srs
from quiz.config import Config
from quiz.stats import (
    FORECAST_DAYS,
    RETENTION_WINDOWS,
    CardCountRow,
    DayRow,
    DueRow,
    RetentionRow,
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
SESSION_LIMIT = 60
WEAK_LIMIT = 10

# These two expressions are indexed (schema migration 3) and must stay identical to it.
LOCAL_MS = "(reviewed_at + utc_offset_min * 60000)"
"""A review's local wall-clock time as epoch ms: its study day is (LOCAL_MS - shift) / day."""
MATURE = "(coalesce(due_before - last_review_before, 0) >= 1814400000)"
"""The card's interval before the answer (Anki's lastIvl) was 21 days or more."""


def _qualified(expression: str, alias: str) -> str:
    for column in ("reviewed_at", "utc_offset_min", "due_before", "last_review_before"):
        expression = expression.replace(column, f"{alias}.{column}")
    return expression


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


def _shift(config: Config) -> int:
    return config.day_starts_at * 3_600_000


def day_rows(db: Database, config: Config, decks: Sequence[str] = ()) -> list[DayRow]:
    """Effective answers (cram included; undo markers, manual rows and undone answers not)
    per deck and study day.

    Read from `answer_hours` (schema migration 6), one row per deck and local calendar
    day with a count per hour: a study day starting at hour s holds hours s..23 of its
    calendar day and hours 0..s-1 of the next.
    """
    where, params = _deck_filter(decks)
    start = config.day_starts_at
    early = " + ".join(f"h{h}" for h in range(start)) or "0"
    late = " + ".join(f"h{h}" for h in range(start, 24))
    counts: dict[tuple[str, int], int] = {}
    for deck, day, before_start, after_start in db.query(
        f"SELECT deck, day, {early}, {late} FROM answer_hours WHERE {where}", params
    ):
        if after_start:
            counts[(deck, day)] = counts.get((deck, day), 0) + after_start
        if before_start:
            counts[(deck, day - 1)] = counts.get((deck, day - 1), 0) + before_start
    return [DayRow(deck, day, n) for (deck, day), n in sorted(counts.items()) if n > 0]


def retention_rows(
    db: Database, now: datetime, config: Config, decks: Sequence[str] = ()
) -> list[RetentionRow]:
    """Review-kind answers per deck in each retention window, young/mature, pass/fail:
    range counts on the retention index (undone answers still in; see `excluded_rows`)."""
    where, params = _deck_filter(decks, "d.name")
    shift = _shift(config)
    today = srs.day_index(now, config)
    end = (today + 1) * DAY_MS + shift
    windows = " UNION ALL ".join(f"SELECT {days} AS days" for _, days in RETENTION_WINDOWS)
    rows = db.query(
        f"""
        SELECT d.name, w.days, f.failed, m.mature,
               (SELECT count(*) FROM review_log
                WHERE deck = d.name AND kind = 'review' AND (rating = 1) = f.failed
                  AND {MATURE} = m.mature
                  AND {LOCAL_MS} >= ({today} - w.days + 1) * {DAY_MS} + {shift}
                  AND {LOCAL_MS} < {end})
        FROM decks AS d, ({windows}) AS w,
             (SELECT 0 AS failed UNION ALL SELECT 1) AS f,
             (SELECT 0 AS mature UNION ALL SELECT 1) AS m
        WHERE {where}
        """,
        params,
    )
    tallies: dict[tuple[str, int], list[int]] = {}
    for deck, days, failed, mature, count in rows:
        # order: young passed, young failed, mature passed, mature failed
        tallies.setdefault((deck, days), [0, 0, 0, 0])[2 * mature + failed] += count
    return [RetentionRow(deck, days, *counts) for (deck, days), counts in sorted(tallies.items())]


@dataclass(frozen=True, slots=True)
class ExcludedRow:
    """A review answer that was undone: it is still in the retention index's counts."""

    deck: str
    day: int
    kind: str
    rating: int | None
    mature: int


def excluded_rows(db: Database, config: Config, decks: Sequence[str] = ()) -> list[ExcludedRow]:
    """The few rows the retention counts must lose: review answers an undo took back
    (found from the undo markers, through the unique index on `undoes`)."""
    where, params = _deck_filter(decks, "r.deck")
    shift = _shift(config)
    rows = db.query(
        f"""
        SELECT r.deck, ({_qualified(LOCAL_MS, "r")} - {shift}) / {DAY_MS}, r.kind, r.rating,
               {_qualified(MATURE, "r")}
        FROM review_log AS u JOIN review_log AS r ON r.id = u.undoes
        WHERE u.undoes IS NOT NULL AND r.kind = 'review' AND {where}
        """,
        params,
    )
    return [ExcludedRow(*row) for row in rows]


def time_today_ms(db: Database, now: datetime, config: Config, decks: Sequence[str] = ()) -> int:
    """Milliseconds spent answering today (undone answers included, as time spent), each
    answer counted up to `config.max_answer_seconds` (older logs stored idle time)."""
    where, params = _deck_filter(decks, "d.name")
    shift = _shift(config)
    today = srs.day_index(now, config)
    local = _qualified(LOCAL_MS, "r")
    row = db.query_one(
        f"""
        SELECT coalesce(sum(min(coalesce(r.duration_ms, 0), {config.max_answer_seconds * 1000})), 0)
        FROM decks AS d JOIN review_log AS r ON r.deck = d.name
        WHERE r.kind NOT IN ('undo', 'manual') AND {where}
          AND {local} >= {today * DAY_MS + shift} AND {local} < {(today + 1) * DAY_MS + shift}
        """,
        params,
    )
    return int(row[0])


def apply_exclusions(
    retention: list[RetentionRow], excluded: list[ExcludedRow], *, today: int
) -> list[RetentionRow]:
    """The retention index counts without the excluded rows (undone review answers).
    (Day and section figures need none: their tallies are kept without them.)"""
    if not excluded:
        return retention
    tallies = {
        (r.deck, r.days): [r.young_passed, r.young_failed, r.mature_passed, r.mature_failed]
        for r in retention
    }
    for row in excluded:
        if row.kind != "review" or row.rating is None:
            continue
        failed = int(row.rating == 1)
        for (deck, length), counts in tallies.items():
            if deck == row.deck and today - length < row.day <= today:
                counts[2 * int(bool(row.mature)) + failed] -= 1
    return [RetentionRow(deck, length, *counts) for (deck, length), counts in tallies.items()]


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


def forecast_bounds(now: datetime, config: Config, days: int = FORECAST_DAYS) -> list[int]:
    """Epoch ms of the next `days` study-day ends: day i of the forecast is everything due
    before bound i (and after bound i - 1), overdue cards in day 0. Daylight saving time
    is followed, since each bound is the next day start in the configured zone."""
    bounds: list[int] = []
    moment = now
    for _ in range(days):
        moment = srs.day_end(moment, config)
        bounds.append(to_ms(moment))
    return bounds


def due_rows(
    db: Database, now: datetime, config: Config, decks: Sequence[str] = ()
) -> list[DueRow]:
    """Scheduled, unsuspended, active cards due on each day of the forecast, per deck:
    range counts on the due-card index, one per deck, state and day."""
    where, params = _deck_filter(decks, "d.name")
    bounds = forecast_bounds(now, config)
    lows = [-(2**62), *bounds[:-1]]
    days = " UNION ALL ".join(
        f"SELECT {i} AS i, {lo} AS lo, {hi} AS hi"
        for i, (lo, hi) in enumerate(zip(lows, bounds, strict=True))
    )
    rows = db.query(
        f"""
        SELECT d.name, b.i,
               (SELECT count(*) FROM cards
                WHERE deck = d.name AND state IN (1, 2, 3) AND suspended = 0
                  AND retired_at IS NULL AND due >= b.lo AND due < b.hi)
        FROM decks AS d, ({days}) AS b
        WHERE {where}
        """,
        params,
    )
    return [DueRow(*row) for row in rows if row[2]]


def section_rows(db: Database, decks: Sequence[str] = ()) -> list[SectionRow]:
    """Per section of each deck: its cards, how many were studied, their reps and lapses,
    and their effective review-kind answers passed and failed.

    The answers come from each card's tallies (`card_review_tallies`, kept by triggers on
    the log, undone answers already off), so this is one pass over the cards. A card that
    inherited a retired predecessor's history on a regenerate (`carried_from`) counts that
    card's answers too, one step back, so an edited sentence keeps its past.
    """
    return sections_and_cards(db, decks)[0]


def sections_and_cards(
    db: Database, decks: Sequence[str] = ()
) -> tuple[list[SectionRow], list[CardCountRow]]:
    """`section_rows` and, from the same pass over the cards, `card_counts`."""
    where, params = _deck_filter(decks, "c.deck")
    rows = db.query(
        f"""
        WITH inherited AS (
            SELECT c.deck, c.section, sum(t.passed) AS passed, sum(t.failed) AS failed
            FROM cards AS c INDEXED BY cards_carried_from JOIN card_review_tallies AS t
              ON t.deck = c.deck AND t.card_id = c.carried_from
            WHERE c.carried_from IS NOT NULL AND c.retired_at IS NULL AND {where}
            GROUP BY c.deck, c.section
        ),
        own AS (
            SELECT c.deck, c.section, min(c.position) AS first, count(*) AS cards,
                   sum(c.state > 0) AS studied, sum(c.reps) AS reps, sum(c.lapses) AS lapses,
                   coalesce(sum(t.passed), 0) AS passed, coalesce(sum(t.failed), 0) AS failed,
                   sum(c.suspended = 0 AND c.state = 0) AS new,
                   sum(c.suspended = 0 AND c.state = 1) AS learning,
                   sum(c.suspended = 0 AND c.state = 2) AS review,
                   sum(c.suspended = 0 AND c.state = 3) AS relearning,
                   sum(c.suspended) AS suspended, sum(c.leech) AS leech
            FROM cards AS c INDEXED BY cards_section_stats
            LEFT JOIN card_review_tallies AS t ON t.deck = c.deck AND t.card_id = c.card_id
            WHERE c.retired_at IS NULL AND {where}
            GROUP BY c.deck, c.section
        )
        SELECT own.deck, own.section, own.first, own.cards, own.studied, own.reps, own.lapses,
               own.passed + coalesce(inherited.passed, 0),
               own.failed + coalesce(inherited.failed, 0),
               own.new, own.learning, own.review, own.relearning, own.suspended, own.leech
        FROM own LEFT JOIN inherited
          ON inherited.deck = own.deck AND inherited.section IS own.section
        """,
        [*params, *params],
    )
    per_deck: dict[str, list[int]] = {}
    for row in rows:
        counts = per_deck.setdefault(row[0], [0] * 7)
        for index, value in enumerate((*row[9:], row[3])):  # the states, then the total
            counts[index] += value
    sections = [SectionRow(*row[:9]) for row in rows]
    return sections, [CardCountRow(deck, *per_deck[deck]) for deck in sorted(per_deck)]


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
    source: Store | Database,
    *,
    now: datetime,
    config: Config,
    decks: Sequence[str] = (),
    sections: bool = True,
    weakest: bool = True,
) -> StatsRows:
    """Everything `quiz.stats.compute` needs, read in one transaction. `sections=False`
    and `weakest=False` leave out the section and weakest-card figures, for a screen that
    shows the rest first (see `detail_rows`)."""
    db = database_of(source)
    with db.atomic(write=False):
        days = day_rows(db, config, decks)
        retention = retention_rows(db, now, config, decks)
        excluded = excluded_rows(db, config, decks)
        if sections:  # the cards by state come with the sections' pass over the cards
            section_list, cards = sections_and_cards(db, decks)
        else:
            section_list, cards = [], card_counts(db, decks)
        spent = time_today_ms(db, now, config, decks)
        sessions = session_rows(db, decks)
        due = due_rows(db, now, config, decks)
        weak_lapses = weak_by_lapses(db, decks) if weakest else []
        weak_recall = weak_by_retrievability(db, now, decks) if weakest else []
        titles = deck_titles(db, decks)
    retention = apply_exclusions(retention, excluded, today=srs.day_index(now, config))
    return StatsRows(
        decks=tuple(decks),
        cards=tuple(cards),
        days=tuple(days),
        retention=tuple(retention),
        time_today_ms=spent,
        sessions=tuple(sessions),
        due=tuple(due),
        sections=tuple(section_list),
        weak_by_lapses=tuple(weak_lapses),
        weak_by_retrievability=tuple(weak_recall),
        titles=titles,
    )


def detail_rows(
    source: Store | Database, *, now: datetime, config: Config, decks: Sequence[str] = ()
) -> tuple[list[SectionRow], list[WeakRow], list[WeakRow]]:
    """What `stats_rows(sections=False, weakest=False)` left out: the sections and the
    weakest cards by lapses and by retrievability."""
    db = database_of(source)
    with db.atomic(write=False):
        return (
            section_rows(db, decks),
            weak_by_lapses(db, decks),
            weak_by_retrievability(db, now, decks),
        )


REVIEW_LOG_COLUMNS: tuple[str, ...] = (
    "id",
    "deck",
    "card_id",
    "session_id",
    "reviewed_at_utc",
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
"""The review-log export's columns: `reviewed_at_utc` in ISO 8601, the other times in epoch
ms (UTC); `undone` is 1 for an answer an undo cancelled."""


def review_log_rows(
    source: Store | Database, decks: Sequence[str] = ()
) -> Iterator[tuple[Any, ...]]:
    """Every review-log row (undo markers and undone answers included, flagged), in order,
    streamed rather than loaded at once."""
    db = database_of(source)
    where, params = _deck_filter(decks, "r.deck")
    iso = "strftime('%Y-%m-%dT%H:%M:%fZ', r.reviewed_at / 1000.0, 'unixepoch')"
    columns = ", ".join(
        iso if name == "reviewed_at_utc" else f"r.{name}" for name in REVIEW_LOG_COLUMNS[:-1]
    )
    yield from db.iterate(
        f"""
        SELECT {columns}, EXISTS (SELECT 1 FROM review_log AS u WHERE u.undoes = r.id)
        FROM review_log AS r WHERE {where} ORDER BY r.id
        """,
        params,
    )
