"""Queries the study session needs beyond `Store`'s: capped counts of the learning,
review and new cards available now (read from the due/new indexes, so the session's three
numbers cost milliseconds on a large collection), and burying a card's siblings.

The counts use the same filters as `Store.due_cards` and `Store.new_cards` (active,
unsuspended, not buried, siblings of today's answers left out on request), so a count
always matches what those queries would return.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from quiz.store.cards import ACTIVE, NOT_BURIED, due_filter, leave_out_siblings, named_marks
from quiz.store.models import CardStatus, opt_dt, to_ms

if TYPE_CHECKING:
    from quiz.store.store import Store


def count_due(
    store: Store,
    decks: Iterable[str] | None,
    before: datetime,
    *,
    now: datetime,
    statuses: Sequence[CardStatus],
    bury_siblings_since: datetime | None = None,
    limit: int | None = None,
    since: datetime | None = None,
) -> int:
    """How many cards `store.due_cards` would return with the same arguments (at most
    `limit`); with `since`, only those due at or after it (a narrow range of cards_due)."""
    names = store._decks(decks)
    wanted = [int(s) for s in statuses if s != CardStatus.NEW]
    if not names or not wanted or (limit is not None and limit <= 0):
        return 0
    params: dict[str, object] = {"before": to_ms(before), "now": to_ms(now)}
    deck_marks, where = due_filter(params, names, wanted)
    if since is not None:
        params["since"] = to_ms(since)
        where += " AND c.due >= :since"
    return _count(store, where, params, deck_marks, bury_siblings_since, limit)


def count_new(
    store: Store,
    decks: Iterable[str] | None,
    *,
    now: datetime,
    bury_siblings_since: datetime | None = None,
    limit: int | None = None,
) -> int:
    """How many new cards `store.new_cards` could return (at most `limit`)."""
    names = store._decks(decks)
    if not names or (limit is not None and limit <= 0):
        return 0
    params: dict[str, object] = {"now": to_ms(now)}
    deck_marks = named_marks(params, "d", names)
    where = f"c.deck IN ({deck_marks}) AND c.state = 0 AND {ACTIVE} AND {NOT_BURIED}"
    return _count(store, where, params, deck_marks, bury_siblings_since, limit)


DueReview = tuple[str, str, int, int | None, float | None, int | None]
"""(deck, card id, due, last review, stability, buried until), times in epoch ms."""


def due_reviews(
    store: Store, decks: Iterable[str] | None, before: datetime, *, now: datetime
) -> list[DueReview]:
    """Every active, unsuspended REVIEW card due before `before` (the day end), with what
    ordering it by retrievability needs; cards buried past `before` are left out, cards
    buried until earlier are kept with their burial. Read from the cards_due index alone
    (no table rows, no sort): ~22,000 rows in a few ms on a 100k-card collection."""
    names = store._decks(decks)
    if not names:
        return []
    params: dict[str, object] = {"before": to_ms(before), "now": to_ms(now)}
    deck_marks = named_marks(params, "d", names)
    sql = (
        "SELECT c.deck, c.card_id, c.due, c.last_review, c.stability, c.buried_until"
        f" FROM cards AS c WHERE c.deck IN ({deck_marks}) AND {ACTIVE}"
        f" AND c.state = {int(CardStatus.REVIEW)} AND c.due < :before"
        " AND (c.buried_until IS NULL OR c.buried_until < :before)"
    )
    return list(store._db.query(sql, params))


def bury_siblings(
    store: Store, deck: str, card_id: str, sibling_key: str, until: datetime
) -> list[tuple[str, datetime | None]]:
    """Bury the new and review cards sharing `sibling_key` with the card (Anki leaves
    learning siblings alone) until `until`; cards already buried longer are left as they
    are. Returns (card id, previous buried_until) for each card buried, so the burial can
    be taken back with `Store.bury`. One transaction."""
    until_ms = to_ms(until)
    with store._db.atomic() as conn:
        rows = conn.execute(
            "SELECT card_id, buried_until FROM cards WHERE deck = ? AND sibling_key = ?"
            " AND card_id <> ? AND retired_at IS NULL AND state IN (0, 2)"
            " AND (buried_until IS NULL OR buried_until < ?)",
            (deck, sibling_key, card_id, until_ms),
        ).fetchall()
        conn.executemany(
            "UPDATE cards SET buried_until = ? WHERE deck = ? AND card_id = ?",
            [(until_ms, deck, sibling) for sibling, _old in rows],
        )
    return [(sibling, opt_dt(old)) for sibling, old in rows]


def _count(
    store: Store,
    where: str,
    params: dict[str, object],
    deck_marks: str,
    bury_siblings_since: datetime | None,
    limit: int | None,
) -> int:
    prefix, where = leave_out_siblings(params, deck_marks, where, bury_siblings_since)
    bound = f" LIMIT {int(limit)}" if limit is not None else ""
    sql = f"{prefix} SELECT count(*) FROM (SELECT 1 FROM cards AS c WHERE {where}{bound})"
    row = store._db.query_one(sql, params)
    return int(row[0]) if row else 0
