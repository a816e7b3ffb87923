"""Study sessions: started and ended with the time, their decks and kind; the counts at the
end are computed from the session's effective log rows, so they never disagree with it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any, Literal

from quiz.store.db import Database, StoreError
from quiz.store.models import SessionRow, from_ms, opt_dt, to_ms
from quiz.store.rows import NOT_UNDONE

SessionKind = Literal["study", "cram"]
_SESSION_COLUMNS = "id, started_at, ended_at, decks, kind, counts"


def _session_from_row(row: Any) -> SessionRow:
    return SessionRow(
        id=row[0],
        started_at=from_ms(row[1]),
        ended_at=opt_dt(row[2]),
        decks=tuple(json.loads(row[3])),
        kind=row[4],
        counts=json.loads(row[5]),
    )


class Sessions:
    """Mixin of `Store`: the sessions table."""

    _db: Database

    def start_session(
        self, decks: Iterable[str], now: datetime, kind: SessionKind = "study"
    ) -> int:
        """Record a session's start; returns its id (pass it to `record_review`)."""
        if kind not in ("study", "cram"):
            raise StoreError(f"{self._db.path}: unknown session kind {kind!r}")
        names = json.dumps(list(decks), ensure_ascii=False)
        with self._db.atomic() as conn:
            cursor = conn.execute(
                "INSERT INTO sessions (started_at, decks, kind) VALUES (?, ?, ?)",
                (to_ms(now), names, kind),
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def end_session(self, session_id: int, now: datetime) -> SessionRow:
        """Close a session and store its counts: answers, new cards, reviews, per rating,
        undone answers and total duration. Ending twice keeps the first end time."""
        with self._db.atomic() as conn:
            row = conn.execute(
                "SELECT count(*), sum(r.state_before = 0), sum(r.state_before = 2),"
                " sum(r.state_before IN (1, 3)), sum(r.rating = 1), sum(r.rating = 2),"
                " sum(r.rating = 3), sum(r.rating = 4), sum(coalesce(r.duration_ms, 0))"
                " FROM review_log AS r WHERE r.session_id = ? AND r.kind <> 'undo'"
                f" AND {NOT_UNDONE}",
                (session_id,),
            ).fetchone()
            undone = conn.execute(
                "SELECT count(*) FROM review_log WHERE session_id = ? AND kind = 'undo'",
                (session_id,),
            ).fetchone()[0]
            names = ("answers", "new", "review", "learning", "again", "hard", "good", "easy")
            counts: dict[str, int] = {n: int(v or 0) for n, v in zip(names, row, strict=False)}
            counts["duration_ms"] = int(row[8] or 0)
            counts["undone"] = int(undone)
            cursor = conn.execute(
                "UPDATE sessions SET ended_at = coalesce(ended_at, ?), counts = ? WHERE id = ?",
                (to_ms(now), json.dumps(counts), session_id),
            )
            if cursor.rowcount == 0:
                raise StoreError(f"{self._db.path}: no session {session_id}")
        session = self.session(session_id)
        assert session is not None
        return session

    def session(self, session_id: int) -> SessionRow | None:
        row = self._db.query_one(
            f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE id = ?", (session_id,)
        )
        return _session_from_row(row) if row else None

    def sessions(self, *, limit: int | None = None) -> list[SessionRow]:
        """Sessions, newest first."""
        sql = f"SELECT {_SESSION_COLUMNS} FROM sessions ORDER BY started_at DESC, id DESC"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [_session_from_row(row) for row in self._db.query(sql)]
