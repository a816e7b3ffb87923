"""Card queries the engine, the app and stats use: the study queue, counts and flags.

Every query takes `decks` (names; None means every deck the store knows) and skips retired
cards unless told otherwise. Times are aware UTC datetimes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from quiz.deck import DEFAULT_IMPORTANCE
from quiz.store.db import Database, StoreError
from quiz.store.models import (
    FLAG_NAMES,
    CardRow,
    CardStatus,
    DayCounts,
    DeckCounts,
    from_ms,
    opt_ms,
    to_ms,
)
from quiz.store.rows import CARD_COLUMNS, NOT_UNDONE, card_from_row, placeholders

if TYPE_CHECKING:
    from quiz.search import Plan

ACTIVE = "c.suspended = 0 AND c.retired_at IS NULL"
# The new-card order within a deck: descending importance, a card without one ranking as
# DEFAULT_IMPORTANCE, ties in deck order. Identical to cards_new's expression (schema,
# migration 7), so the order is read from that index instead of sorted.
NEW_RANK = f"coalesce(c.importance, {DEFAULT_IMPORTANCE})"
NEW_ORDER = f"{NEW_RANK} DESC, c.position"
NOT_BURIED = "(c.buried_until IS NULL OR c.buried_until <= :now)"
# The cards with an effective non-cram answer since :bury_since, with their sibling groups
# (a small set, read through the log's (deck, reviewed_at) index); the queue leaves out
# cards whose sibling - same key, another card - is among them.
ANSWERED_SINCE = (
    """
    answered AS MATERIALIZED (
        SELECT DISTINCT s.deck, s.sibling_key, s.card_id
        FROM review_log AS r CROSS JOIN cards AS s  -- CROSS: drive from today's log rows
            ON s.deck = r.deck AND s.card_id = r.card_id
        WHERE r.deck IN ({decks}) AND r.reviewed_at >= :bury_since
          AND r.kind NOT IN ('undo', 'cram')
          AND """
    + NOT_UNDONE
    + """)
"""
)
SIBLING_ANSWERED = """
    EXISTS (SELECT 1 FROM answered AS a WHERE a.deck = c.deck
            AND a.sibling_key = c.sibling_key AND a.card_id <> c.card_id)
"""

Order = Literal["due", "retrievability"]

SEARCH_COLUMNS = {
    "status": "c.state",
    "suspended": "c.suspended",
    "leech": "c.leech",
    "lapses": "c.lapses",
    "reps": "c.reps",
    "stability": "c.stability",
    "difficulty": "c.difficulty",
    "importance": NEW_RANK,
    "due": "c.due",
    "buried_until": "c.buried_until",
    "type": "c.type",
    "flag": "c.flag",
}
"""`quiz.search.COLUMNS` as SQL: what a search's `Compare` narrows by."""
SEARCH_OPERATORS = frozenset(("<", "<=", ">", ">=", "=", "!="))
SEARCH_MAX_IN = 5000
"""More sections than this in a search's `IN (...)` are not narrowed by (a superset)."""
SEARCH_KEYS_CHUNK = 2000
_INT_BOUND = 2**62  # SQLite integers are 64-bit: a bound past them is clamped


class CardQueries:
    """Mixin of `Store`: reads and flag changes on the cards table."""

    _db: Database

    # ------------------------------------------------------------------ helpers

    def deck_names(self) -> list[str]:
        """Every deck the store knows, by name."""
        return [row[0] for row in self._db.query("SELECT name FROM decks ORDER BY name")]

    def _decks(self, decks: Iterable[str] | None) -> list[str]:
        return self.deck_names() if decks is None else list(dict.fromkeys(decks))

    # ------------------------------------------------------------------ single cards

    def card(self, deck: str, card_id: str) -> CardRow | None:
        """One card (retired ones included), or None."""
        row = self._db.query_one(
            f"SELECT {CARD_COLUMNS} FROM cards AS c WHERE c.deck = ? AND c.card_id = ?",
            (deck, card_id),
        )
        return card_from_row(row) if row else None

    def cards(
        self, decks: Iterable[str] | None = None, *, include_retired: bool = False
    ) -> list[CardRow]:
        """Every card of `decks` in deck order (deck name, then position)."""
        names = self._decks(decks)
        if not names:
            return []
        retired = "" if include_retired else "AND c.retired_at IS NULL"
        rows = self._db.query(
            f"SELECT {CARD_COLUMNS} FROM cards AS c WHERE c.deck IN ({placeholders(names)}) "
            f"{retired} ORDER BY c.deck, c.position",
            names,
        )
        return [card_from_row(row) for row in rows]

    def search_cards(self, decks: Iterable[str] | None, plan: Plan) -> list[CardRow]:
        """The active cards of `decks` that a search's `plan` does not leave out, in deck
        order: its comparisons, sections and keys become the WHERE clause (the search then
        tests each card; the plan only ever keeps more cards than match).

        Raises:
            ValueError: a comparison names a column or operator search does not have.
        """
        names = self._decks(decks)
        if not names:
            return []
        where = [f"c.deck IN ({placeholders(names)})", "c.retired_at IS NULL"]
        params: list[object] = list(names)
        for compare in plan.compares:
            column = SEARCH_COLUMNS.get(compare.column)
            if column is None or compare.op not in SEARCH_OPERATORS:
                raise ValueError(f"cannot search by {compare.column} {compare.op}")
            value = compare.value
            if isinstance(value, int):
                value = max(-_INT_BOUND, min(_INT_BOUND, value))
            where.append(f"{column} {compare.op} ?")
            params.append(value)
        if plan.sections:
            sections = [
                section
                for (section,) in self._db.query(
                    f"SELECT DISTINCT section FROM cards WHERE deck IN ({placeholders(names)})"
                    " AND section IS NOT NULL AND retired_at IS NULL",
                    names,
                )
                if plan.section_ok(section)
            ]
            if not sections:
                return []
            if len(sections) <= SEARCH_MAX_IN:
                where.append(f"c.section IN ({placeholders(sections)})")
                params.extend(sections)
        sql = f"SELECT {CARD_COLUMNS} FROM cards AS c WHERE {' AND '.join(where)}"
        if plan.keys is None:
            rows = self._db.query(sql + " ORDER BY c.deck, c.position", params)
            return [card_from_row(row) for row in rows]
        keys = sorted(plan.keys)
        found: list[CardRow] = []
        for start in range(0, len(keys), SEARCH_KEYS_CHUNK):
            chunk = keys[start : start + SEARCH_KEYS_CHUNK]
            pairs = ", ".join("(?, ?)" for _ in chunk)
            rows = self._db.query(
                sql + f" AND (c.deck, c.card_id) IN (VALUES {pairs})",
                [*params, *(part for key in chunk for part in key)],
            )
            found.extend(card_from_row(row) for row in rows)
        found.sort(key=lambda row: (row.deck, row.position))
        return found

    def section_cards(self, deck: str, section: str | None) -> list[CardRow]:
        """The active cards of one section of `deck`, in deck order (a hint's neighbours,
        without reading the whole deck)."""
        rows = self._db.query(
            f"SELECT {CARD_COLUMNS} FROM cards AS c WHERE c.deck = ? AND c.section IS ?"
            " AND c.retired_at IS NULL ORDER BY c.position",
            (deck, section),
        )
        return [card_from_row(row) for row in rows]

    def answer_entries(self, deck: str) -> list[tuple[str, str, str | None]]:
        """(card id, answer, sentence) of the active cloze and basic cards of `deck`, in
        deck order (sentence None for a basic card): what `quiz.choice.ChoicePool`
        indexes, read without rebuilding the deck's cards."""
        rows = self._db.query(
            "SELECT card_id, answer, CASE WHEN type = 'cloze' THEN sentence END FROM cards"
            " WHERE deck = ? AND type IN ('cloze', 'basic') AND answer IS NOT NULL"
            " AND retired_at IS NULL ORDER BY position",
            (deck,),
        )
        return [(card_id, answer, sentence) for card_id, answer, sentence in rows]

    # ------------------------------------------------------------------ the queue

    def due_cards(
        self,
        decks: Iterable[str] | None,
        before: datetime,
        *,
        now: datetime,
        statuses: Sequence[CardStatus] = (
            CardStatus.LEARNING,
            CardStatus.REVIEW,
            CardStatus.RELEARNING,
        ),
        order: Order = "due",
        limit: int | None = None,
        bury_siblings_since: datetime | None = None,
    ) -> list[CardRow]:
        """Studied cards due before `before`: active, unsuspended, not buried at `now`.

        Args:
            statuses: which states (learning and relearning for the learning queue,
                REVIEW for the day's reviews).
            order: "due" (earliest first) or "retrievability" (lowest first, i.e. the most
                overdue relative to its stability: largest elapsed/stability at `now`).
            limit: at most this many cards.
            bury_siblings_since: leave out cards whose sibling (same sentence, another
                card) has an effective answer since this time (the day start).
        """
        names = self._decks(decks)
        wanted = [int(s) for s in statuses if s != CardStatus.NEW]
        if not names or not wanted or (limit is not None and limit <= 0):
            return []
        params: dict[str, object] = {"before": to_ms(before), "now": to_ms(now)}
        deck_marks, where = due_filter(params, names, wanted)
        if order == "due" and limit == 1 and bury_siblings_since is None:
            # The head of the queue: the soonest due time first (SQLite reads it from
            # cards_due range by range, a row each), then only the cards due then. Sorting
            # every due card for it took ms with thousands of overdue learning cards.
            soonest = self._db.query_one(f"SELECT min(c.due) FROM cards AS c WHERE {where}", params)
            if soonest is None or soonest[0] is None:
                return []
            params["before"] = int(soonest[0]) + 1
        prefix, where = leave_out_siblings(params, deck_marks, where, bury_siblings_since)
        if order == "retrievability":
            # elapsed / stability, largest first, is lowest FSRS retrievability first
            key = (
                "CAST(:now - coalesce(c.last_review, c.due) AS REAL)"
                " / max(coalesce(c.stability, 0.0), 1e-6)"
            )
            sort = "pick.k DESC, c.due, c.deck, c.card_id"
        else:
            key = "c.due"
            sort = "pick.k, c.deck, c.card_id"
        bound = f" LIMIT {int(limit)}" if limit is not None else ""
        # Pick the rows from the covering index first, then read only those from the table.
        inner = (
            f"SELECT c.rowid AS rid, {key} AS k FROM cards AS c WHERE {where}"
            f" ORDER BY {sort.replace('pick.k', 'k')}{bound}"
        )
        sql = (
            f"{prefix} SELECT {CARD_COLUMNS} FROM ({inner}) AS pick"
            f" CROSS JOIN cards AS c ON c.rowid = pick.rid ORDER BY {sort}"
        )
        return [card_from_row(row) for row in self._db.query(sql, params)]

    def next_due(self, decks: Iterable[str] | None, *, now: datetime) -> datetime | None:
        """When the earliest studied, active, unsuspended card falls due (learn-ahead)."""
        names = self._decks(decks)
        if not names:
            return None
        params: dict[str, object] = {"now": to_ms(now)}
        marks = named_marks(params, "d", names)
        row = self._db.query_one(
            f"SELECT min(c.due) FROM cards AS c WHERE c.deck IN ({marks}) AND c.state > 0 "
            f"AND {ACTIVE} AND {NOT_BURIED}",
            params,
        )
        return from_ms(row[0]) if row and row[0] is not None else None

    def new_cards(
        self,
        decks: Iterable[str] | None,
        *,
        now: datetime,
        limit: int,
        bury_siblings_since: datetime | None = None,
    ) -> list[CardRow]:
        """Up to `limit` new cards, deck by deck (in the order given); within a deck the
        most important first (`quiz.deck.rank`: a card without importance ranks as
        DEFAULT_IMPORTANCE), ties in position order.

        Skips suspended, retired and buried cards, and (with `bury_siblings_since`) cards
        whose sibling was answered since then.
        """
        found: list[CardRow] = []
        for deck in self._decks(decks):
            if len(found) >= limit:
                break
            params: dict[str, object] = {"deck": deck, "now": to_ms(now)}
            # cards_new holds these cards in NEW_ORDER with their burial, so the first
            # ones are read straight from it. Named because with ANALYZE statistics of a
            # large collection SQLite preferred cards_due and sorted a whole deck (2 ms).
            sql = (
                f"SELECT {CARD_COLUMNS} FROM cards AS c INDEXED BY cards_new"
                f" WHERE c.deck = :deck AND c.state = 0 AND {ACTIVE} AND {NOT_BURIED}"
            )
            if bury_siblings_since is not None:
                params["bury_since"] = to_ms(bury_siblings_since)
                answered = ANSWERED_SINCE.format(decks=":deck")
                sql = f"WITH {answered} {sql} AND NOT {SIBLING_ANSWERED}"
            sql += f" ORDER BY {NEW_ORDER} LIMIT {int(limit - len(found))}"
            found.extend(card_from_row(row) for row in self._db.query(sql, params))
        return found

    def siblings_answered_since(
        self, decks: Iterable[str] | None, since: datetime
    ) -> dict[tuple[str, str], set[str]]:
        """(deck, sibling_key) -> ids of cards with an effective non-cram answer since then."""
        names = self._decks(decks)
        if not names:
            return {}
        params: dict[str, object] = {"since": to_ms(since)}
        marks = named_marks(params, "d", names)
        rows = self._db.query(
            "SELECT c.deck, c.sibling_key, c.card_id FROM review_log AS r "
            "CROSS JOIN cards AS c ON c.deck = r.deck AND c.card_id = r.card_id "
            f"WHERE r.deck IN ({marks}) AND r.reviewed_at >= :since "
            "AND r.kind NOT IN ('undo', 'cram') "
            f"AND {NOT_UNDONE}",
            params,
        )
        answered: dict[tuple[str, str], set[str]] = {}
        for deck, key, card_id in rows:
            answered.setdefault((deck, key), set()).add(card_id)
        return answered

    # ------------------------------------------------------------------ counts

    def deck_counts(
        self, decks: Iterable[str] | None = None, *, now: datetime, day_end: datetime
    ) -> dict[str, DeckCounts]:
        """Per deck: new, learning and review cards due before `day_end` (unsuspended, not
        buried at `now`), total active, suspended, leeches and retired cards."""
        names = self._decks(decks)
        if not names:
            return {}
        params: dict[str, object] = {"now": to_ms(now), "end": to_ms(day_end)}
        marks = named_marks(params, "d", names)
        live = f"c.retired_at IS NULL AND c.suspended = 0 AND {NOT_BURIED}"
        rows = self._db.query(
            "SELECT c.deck,"
            f" sum(c.state = 0 AND {live}),"
            f" sum(c.state IN (1, 3) AND c.due < :end AND {live}),"
            f" sum(c.state = 2 AND c.due < :end AND {live}),"
            " sum(c.retired_at IS NULL),"
            " sum(c.suspended = 1 AND c.retired_at IS NULL),"
            " sum(c.leech = 1 AND c.retired_at IS NULL),"
            " sum(c.retired_at IS NOT NULL)"
            f" FROM cards AS c WHERE c.deck IN ({marks}) GROUP BY c.deck",
            params,
        )
        counts = {name: DeckCounts(deck=name) for name in names}
        for deck, *values in rows:
            counts[deck] = DeckCounts(deck, *(int(v or 0) for v in values))
        return counts

    def day_counts(
        self, decks: Iterable[str] | None, since: datetime, *, duration_cap_ms: int | None = None
    ) -> DayCounts:
        """What was answered since `since` (the day start): effective, non-cram answers;
        each answer's time counted up to `duration_cap_ms` when given."""
        names = self._decks(decks)
        if not names:
            return DayCounts()
        params: dict[str, object] = {"since": to_ms(since), "cap": duration_cap_ms}
        marks = named_marks(params, "d", names)
        row = self._db.query_one(
            "SELECT sum(r.state_before = 0), sum(r.state_before = 2), count(*),"
            " sum(r.rating = 1),"
            " sum(min(coalesce(r.duration_ms, 0), coalesce(:cap, r.duration_ms, 0)))"
            f" FROM review_log AS r WHERE r.deck IN ({marks}) AND r.reviewed_at >= :since"
            " AND r.kind NOT IN ('undo', 'cram', 'manual')"
            f" AND {NOT_UNDONE}",
            params,
        )
        return DayCounts(*(int(v or 0) for v in row))

    def answered_since(
        self, decks: Iterable[str] | None, since: datetime, rating: int | None = None
    ) -> list[tuple[str, str]]:
        """(deck, card id) of the cards given an effective answer since `since` (of that
        rating, when given), cram answers included: what search's `rated:` reads. Through
        the log's (deck, reviewed_at) index: a few days of rows, not the whole log."""
        names = self._decks(decks)
        if not names:
            return []
        params: dict[str, object] = {"since": to_ms(since), "rating": rating}
        marks = named_marks(params, "d", names)
        rows = self._db.query(
            # INDEXED BY: without it SQLite walks every answer of the decks by card
            # (6 s on the 1M-review bench log instead of under a millisecond)
            "SELECT DISTINCT r.deck, r.card_id FROM review_log AS r"
            " INDEXED BY review_log_deck_time"
            f" WHERE r.deck IN ({marks}) AND r.reviewed_at >= :since"
            " AND r.kind NOT IN ('undo', 'manual')"
            " AND (:rating IS NULL OR r.rating = :rating)"
            f" AND {NOT_UNDONE}",
            params,
        )
        return [(deck, card_id) for deck, card_id in rows]

    def last_studied(self, decks: Iterable[str] | None = None) -> dict[str, datetime | None]:
        """Per deck, the time of its latest effective answer (None: never studied)."""
        result: dict[str, datetime | None] = {}
        for deck in self._decks(decks):
            row = self._db.query_one(
                "SELECT r.reviewed_at FROM review_log AS r WHERE r.deck = ?"
                " AND r.kind <> 'undo'"
                f" AND {NOT_UNDONE}"
                " ORDER BY r.reviewed_at DESC LIMIT 1",
                (deck,),
            )
            result[deck] = from_ms(row[0]) if row else None
        return result

    # ------------------------------------------------------------------ flags

    def set_suspended(self, deck: str, card_ids: Iterable[str], suspended: bool = True) -> int:
        """Suspend (or unsuspend) cards; returns how many rows changed."""
        return self._set_flag(deck, card_ids, "suspended", int(suspended))

    def bury(self, deck: str, card_ids: Iterable[str], until: datetime | None) -> int:
        """Hide cards from the queue until `until` (None unburies); returns rows changed."""
        return self._set_flag(deck, card_ids, "buried_until", opt_ms(until))

    def set_leech(self, deck: str, card_id: str, leech: bool = True) -> int:
        """Tag (or untag) a card as a leech outside a review (reviews carry it in state)."""
        return self._set_flag(deck, [card_id], "leech", int(leech))

    def set_flag(self, deck: str, card_id: str, flag: int) -> int:
        """Flag a card (Anki's ctrl+1..4: 1 red, 2 orange, 3 green, 4 blue; 0 clears it);
        returns rows changed.

        Raises:
            ValueError: `flag` is not 0-4.
            StoreError: no such card, or the database refused.
        """
        if flag not in (0, *FLAG_NAMES):
            raise ValueError(f"a flag is 0 (none) or one of {sorted(FLAG_NAMES)}, not {flag!r}")
        return self._set_flag(deck, [card_id], "flag", flag)

    def _set_flag(self, deck: str, card_ids: Iterable[str], column: str, value: object) -> int:
        ids = list(card_ids)
        if not ids:
            return 0
        with self._db.atomic() as conn:
            changed = 0
            for card_id in ids:
                cursor = conn.execute(
                    f"UPDATE cards SET {column} = ? WHERE deck = ? AND card_id = ?"
                    f" AND {column} IS NOT ?",
                    (value, deck, card_id, value),
                )
                if (
                    cursor.rowcount == 0
                    and not conn.execute(
                        "SELECT 1 FROM cards WHERE deck = ? AND card_id = ?", (deck, card_id)
                    ).fetchone()
                ):
                    raise StoreError(f"{self._db.path}: no card {card_id} in deck {deck}")
                changed += cursor.rowcount
        return changed


def named_marks(params: dict[str, object], prefix: str, values: Sequence[object]) -> str:
    """Add `values` to `params` as :prefix0, :prefix1… and return the placeholder list."""
    marks = []
    for index, value in enumerate(values):
        key = f"{prefix}{index}"
        params[key] = value
        marks.append(f":{key}")
    return ", ".join(marks)


def due_filter(
    params: dict[str, object], names: Sequence[str], statuses: Sequence[int]
) -> tuple[str, str]:
    """The deck placeholders and WHERE clause of active, unsuspended cards of `names` in
    `statuses` due before `:before` and not buried at `:now` (both already in `params`):
    what `Store.due_cards` reads and `queue.count_due` counts."""
    deck_marks = named_marks(params, "d", names)
    state_marks = named_marks(params, "s", statuses)
    where = (
        f"c.deck IN ({deck_marks}) AND {ACTIVE} AND c.state IN ({state_marks})"
        f" AND c.due < :before AND {NOT_BURIED}"
    )
    return deck_marks, where


def leave_out_siblings(
    params: dict[str, object], deck_marks: str, where: str, since: datetime | None
) -> tuple[str, str]:
    """The WITH prefix and the WHERE clause that also leaves out cards whose sibling has an
    effective answer since `since` (nothing changes when it is None)."""
    if since is None:
        return "", where
    params["bury_since"] = to_ms(since)
    return f"WITH {ANSWERED_SINCE.format(decks=deck_marks)}", f"{where} AND NOT {SIBLING_ANSWERED}"
