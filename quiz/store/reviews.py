"""The review log: recording answers (log row + new card state in one commit), undo as an
appended marker, and reading history (following carried-over predecessors)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime

from quiz.store.db import Database, StoreError
from quiz.store.models import (
    REVIEW_KINDS,
    UNDO_KIND,
    CardState,
    ReviewKind,
    ReviewRow,
    to_ms,
)
from quiz.store.rows import (
    NOT_UNDONE,
    REVIEW_COLUMNS,
    STATE_FIELDS,
    placeholders,
    review_from_row,
    state_from,
    state_values,
)

DAY_MS = 86_400_000
_STATE_SELECT = ", ".join(STATE_FIELDS)
_LOG_COLUMNS = (
    "deck, card_id, session_id, reviewed_at, utc_offset_min, rating, duration_ms, kind, "
    + ", ".join(f"{name}_before" for name in STATE_FIELDS)
    + ", "
    + ", ".join(f"{name}_after" for name in STATE_FIELDS)
    + ", elapsed_days, typed, hints, undoes, choice"
)
_LOG_INSERT = (
    f"INSERT INTO review_log ({_LOG_COLUMNS})"
    f" VALUES ({', '.join('?' * len(_LOG_COLUMNS.split(',')))})"
)
_CARD_UPDATE = (
    "UPDATE cards SET "
    + ", ".join(f"{name} = ?" for name in STATE_FIELDS)
    + " WHERE deck = ? AND card_id = ?"
)


def local_offset_minutes(now: datetime) -> int:
    """The UTC offset of an aware datetime in whole minutes (0 for UTC)."""
    offset = now.utcoffset()
    return 0 if offset is None else int(offset.total_seconds() // 60)


class ReviewLog:
    """Mixin of `Store`: the append-only review log."""

    _db: Database

    def record_review(
        self,
        deck: str,
        card_id: str,
        *,
        rating: int | None,
        kind: ReviewKind,
        after: CardState | None,
        now: datetime,
        utc_offset_min: int | None = None,
        session_id: int | None = None,
        duration_ms: int | None = None,
        typed: str | None = None,
        hints: int = 0,
        choice: bool = False,
    ) -> int:
        """Log an answer and store the card's new state in one transaction, committed
        before this returns. Returns the review's id (what `undo_review` takes).

        Args:
            rating: 1 Again … 4 Easy (None only for kind "manual").
            kind: learn / review / relearn / cram / manual.
            after: the card's new schedule; None leaves the card untouched (cram).
            now: the answer's time (aware); stored as UTC epoch ms.
            utc_offset_min: the local UTC offset (for day bucketing); default: `now`'s own.
            duration_ms, typed, hints: how the answer went.
            choice: the answer was picked among a choice card's options, not typed.

        The state before is read from the card inside the transaction, so the row always
        holds the exact state undo must restore. `elapsed_days` is derived from it.

        Raises:
            StoreError: unknown card, bad rating/kind, or the database refused the write.
        """
        if kind not in REVIEW_KINDS:
            raise StoreError(f"{self._db.path}: unknown review kind {kind!r}")
        if rating is not None and rating not in (1, 2, 3, 4):
            raise StoreError(f"{self._db.path}: rating must be 1-4, not {rating!r}")
        at = to_ms(now)
        offset = local_offset_minutes(now) if utc_offset_min is None else int(utc_offset_min)
        with self._db.atomic() as conn:
            before = self._state_for_update(deck, card_id)
            new_state = before if after is None else after
            last = before.last_review
            elapsed = None if last is None else (at - to_ms(last)) / DAY_MS
            cursor = conn.execute(
                _LOG_INSERT,
                (
                    deck,
                    card_id,
                    session_id,
                    at,
                    offset,
                    rating,
                    duration_ms,
                    kind,
                    *state_values(before),
                    *state_values(new_state),
                    elapsed,
                    typed,
                    int(hints),
                    None,
                    int(bool(choice)),
                ),
            )
            if after is not None:
                conn.execute(_CARD_UPDATE, (*state_values(after), deck, card_id))
            review_id = cursor.lastrowid
        assert review_id is not None
        return review_id

    def undo_review(
        self,
        review_id: int,
        *,
        now: datetime,
        session_id: int | None = None,
        utc_offset_min: int | None = None,
    ) -> CardState:
        """Undo an answer: restore the card's exact state from before it and append an
        `undo` marker row (the log is never rewritten). Returns the restored state.

        Only the card's latest effective answer can be undone (a later one would be lost).

        Raises:
            StoreError: no such review, it is an undo marker, already undone, or not the
                card's latest effective answer.
        """
        at = to_ms(now)
        offset = local_offset_minutes(now) if utc_offset_min is None else int(utc_offset_min)
        with self._db.atomic() as conn:
            target = self.review(review_id)
            where = f"{self._db.path}: review {review_id}"
            if target is None:
                raise StoreError(f"{where} does not exist")
            if target.is_undo:
                raise StoreError(f"{where} is an undo marker and cannot be undone")
            if target.undone_by is not None:
                raise StoreError(f"{where} was already undone")
            later = conn.execute(
                "SELECT r.id FROM review_log AS r WHERE r.deck = ? AND r.card_id = ?"
                " AND r.id > ? AND r.kind <> 'undo'"
                f" AND {NOT_UNDONE}"
                " LIMIT 1",
                (target.deck, target.card_id, review_id),
            ).fetchone()
            if later is not None:
                raise StoreError(
                    f"{where} is not the latest answer to card {target.card_id} "
                    f"(review {later[0]} came after it)"
                )
            current = self._state_for_update(target.deck, target.card_id)
            conn.execute(
                _LOG_INSERT,
                (
                    target.deck,
                    target.card_id,
                    session_id if session_id is not None else target.session_id,
                    at,
                    offset,
                    None,
                    None,
                    UNDO_KIND,
                    *state_values(current),
                    *state_values(target.before),
                    None,
                    None,
                    0,
                    review_id,
                    0,
                ),
            )
            conn.execute(_CARD_UPDATE, (*state_values(target.before), target.deck, target.card_id))
        return target.before

    def _state_for_update(self, deck: str, card_id: str) -> CardState:
        row = self._db.conn.execute(
            f"SELECT {_STATE_SELECT} FROM cards WHERE deck = ? AND card_id = ?",
            (deck, card_id),
        ).fetchone()
        if row is None:
            raise StoreError(f"{self._db.path}: no card {card_id} in deck {deck}")
        return state_from(row)

    # ------------------------------------------------------------------ reading

    def review(self, review_id: int) -> ReviewRow | None:
        """One log row by id (undo markers included)."""
        row = self._db.query_one(
            f"SELECT {REVIEW_COLUMNS} FROM review_log AS r WHERE r.id = ?", (review_id,)
        )
        return review_from_row(row) if row else None

    def last_review(
        self,
        *,
        session_id: int | None = None,
        decks: Iterable[str] | None = None,
        card_id: str | None = None,
    ) -> ReviewRow | None:
        """The latest effective answer (of a session, of some decks, of one card — with
        its deck in `decks`): what undo targets."""
        clauses = [
            "r.kind <> 'undo'",
            NOT_UNDONE,
        ]
        params: list[object] = []
        if session_id is not None:
            clauses.append("r.session_id = ?")
            params.append(session_id)
        if decks is not None:
            names = list(decks)
            if not names:
                return None
            clauses.append(f"r.deck IN ({placeholders(names)})")
            params.extend(names)
        if card_id is not None:
            clauses.append("r.card_id = ?")
            params.append(card_id)
        row = self._db.query_one(
            f"SELECT {REVIEW_COLUMNS} FROM review_log AS r WHERE {' AND '.join(clauses)}"
            " ORDER BY r.id DESC LIMIT 1",
            params,
        )
        return review_from_row(row) if row else None

    def lineage(self, deck: str, card_id: str) -> list[str]:
        """The card and every card linked to it by carry-over (predecessors, successors,
        theirs…): one learning history under several ids. The card itself comes first."""
        seen = [card_id]
        frontier = [card_id]
        while frontier:
            current = frontier.pop()
            rows = self._db.query(
                "SELECT carried_from FROM cards WHERE deck = ? AND card_id = ?"
                " AND carried_from IS NOT NULL"
                " UNION SELECT card_id FROM cards WHERE deck = ? AND carried_from = ?",
                (deck, current, deck, current),
            )
            for (linked,) in rows:
                if linked not in seen:
                    seen.append(linked)
                    frontier.append(linked)
        return seen

    def card_history(
        self, deck: str, card_id: str, *, include_undone: bool = False
    ) -> list[ReviewRow]:
        """The card's log rows, oldest first, including those of its carried-over
        predecessors. Undo markers and undone answers only with `include_undone`."""
        ids = self.lineage(deck, card_id)
        sql = (
            f"SELECT {REVIEW_COLUMNS} FROM review_log AS r WHERE r.deck = ?"
            f" AND r.card_id IN ({placeholders(ids)})"
        )
        if not include_undone:
            sql += f" AND r.kind <> 'undo' AND {NOT_UNDONE}"
        rows = self._db.query(sql + " ORDER BY r.reviewed_at, r.id", [deck, *ids])
        return [review_from_row(row) for row in rows]

    def reviews(
        self,
        decks: Iterable[str] | None = None,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        include_undone: bool = False,
        include_cram: bool = True,
    ) -> Iterator[ReviewRow]:
        """Log rows for statistics, oldest first, streamed.

        By default only effective answers (no undo markers, nothing undone).
        """
        clauses: list[str] = []
        params: list[object] = []
        if decks is not None:
            names = list(decks)
            if not names:
                return
            clauses.append(f"r.deck IN ({placeholders(names)})")
            params.extend(names)
        if since is not None:
            clauses.append("r.reviewed_at >= ?")
            params.append(to_ms(since))
        if until is not None:
            clauses.append("r.reviewed_at < ?")
            params.append(to_ms(until))
        if not include_undone:
            clauses.append("r.kind <> 'undo'")
            clauses.append(NOT_UNDONE)
        if not include_cram:
            clauses.append("r.kind <> 'cram'")
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        for row in self._db.iterate(
            f"SELECT {REVIEW_COLUMNS} FROM review_log AS r {where} ORDER BY r.reviewed_at, r.id",
            params,
        ):
            yield review_from_row(row)
