"""What the FSRS optimiser reads from the log (`quiz optimize`): each effective answer's
card, study day, rating and phases, and the carry-over links between cards.

Effective: no undo marker, nothing an undo took back, no cram answer (cram changes no
schedule, so FSRS must not learn from it). Manual rows come too (rating NULL): a reset
to new restarts a card's history (`quiz.optimize.card_histories`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from quiz.store.rows import NOT_UNDONE, placeholders
from quiz.store.stats_queries import LOCAL_MS, _qualified, database_of

if TYPE_CHECKING:
    from quiz.store.db import Database
    from quiz.store.store import Store

DAY_MS = 86_400_000
_KINDS = "('learn', 'review', 'relearn', 'manual')"


def _where(decks: Sequence[str]) -> tuple[str, list[str]]:
    where = f"r.kind IN {_KINDS} AND {NOT_UNDONE}"
    if decks:
        return f"{where} AND r.deck IN ({placeholders(list(decks))})", list(decks)
    return where, []


def answer_count(source: Store | Database, decks: Sequence[str] = ()) -> int:
    """How many rows `answers` yields (for a progress bar)."""
    where, params = _where(decks)
    sql = f"SELECT count(*) FROM review_log AS r WHERE {where}"
    row = database_of(source).query_one(sql, params)
    return int(row[0])


def answers(
    source: Store | Database, *, day_starts_at: int, decks: Sequence[str] = ()
) -> Iterator[tuple[str, str, int, int | None, int, int]]:
    """(deck, card_id, study day, rating, state_before, state_after) of every effective
    answer (cram left out), oldest first. The study day is counted in the answer's own
    local time (its stored UTC offset), turning at `day_starts_at` o'clock."""
    where, params = _where(decks)
    shift = int(day_starts_at) * 3_600_000
    local = _qualified(LOCAL_MS, "r")
    yield from database_of(source).iterate(
        f"""
        SELECT r.deck, r.card_id, ({local} - {shift}) / {DAY_MS}, r.rating,
               r.state_before, r.state_after
        FROM review_log AS r
        WHERE {where}
        ORDER BY r.reviewed_at, r.id
        """,
        params,
    )


def carried(source: Store | Database, decks: Sequence[str] = ()) -> list[tuple[str, str, str]]:
    """(deck, card_id, carried_from) of every card that continues another one's history."""
    sql = "SELECT deck, card_id, carried_from FROM cards WHERE carried_from IS NOT NULL"
    params: list[str] = []
    if decks:
        sql += f" AND deck IN ({placeholders(list(decks))})"
        params = list(decks)
    return [tuple(row) for row in database_of(source).query(sql, params)]
