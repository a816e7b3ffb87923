"""The SQLite connection: pragmas, transactions (`atomic`) and error translation.

Durability: the database runs in WAL mode with `synchronous=NORMAL`. A transaction is in
the WAL file once COMMIT returns, so killing the process (even with SIGKILL) loses nothing
committed; only a power cut or OS crash may lose the last few commits (never corrupt the
file). Pass `synchronous="FULL"` to `Store.open` to also survive those, at an fsync per
commit.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from quiz.errors import QuizError

DEFAULT_BUSY_TIMEOUT_MS = 5000


class StoreError(QuizError):
    """The database cannot be used: corrupt, too new, locked, or a refused change."""


class DatabaseLocked(StoreError):
    """Another process held the write lock past the busy timeout: the same change may
    succeed once it lets go (the app retries an answer on this; nothing was written)."""


class Database:
    """One connection in autocommit mode; `atomic()` makes transactions explicit.

    Write transactions start with BEGIN IMMEDIATE, so two processes writing at once queue
    on the busy timeout instead of failing with "database is locked" on lock upgrade.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, busy_timeout_ms: int):
        self.conn = conn
        self.path = path
        self.busy_timeout_ms = busy_timeout_ms
        self._depth = 0

    @classmethod
    def connect(
        cls,
        path: Path,
        *,
        busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
        synchronous: str = "NORMAL",
        wal: bool = True,
    ) -> Database:
        """Open `path` read-write with quiz's pragmas (WAL, busy timeout, foreign keys)."""
        if synchronous.upper() not in {"OFF", "NORMAL", "FULL", "EXTRA"}:
            raise ValueError(f"bad synchronous mode {synchronous!r}")
        try:
            conn = sqlite3.connect(
                path,
                timeout=busy_timeout_ms / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
        except sqlite3.Error as exc:
            raise translate_error(path, exc, busy_timeout_ms) from exc
        db = cls(conn, path, busy_timeout_ms)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] if wal else "wal"
            if str(mode).lower() != "wal":
                raise StoreError(f"{path}: cannot switch the database to WAL mode (got {mode})")
            conn.execute(f"PRAGMA synchronous = {synchronous.upper()}")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA temp_store = MEMORY")
        except sqlite3.Error as exc:
            conn.close()
            raise db.translate(exc) from exc
        except StoreError:
            conn.close()
            raise
        return db

    def close(self) -> None:
        self.conn.close()

    # ------------------------------------------------------------------ transactions

    @contextmanager
    def atomic(self, *, write: bool = True) -> Iterator[sqlite3.Connection]:
        """A transaction (BEGIN IMMEDIATE for writes), or a savepoint when nested.

        Commits on success, rolls back on any exception; SQLite errors come out as
        `StoreError` naming the database.
        """
        conn = self.conn
        if self._depth:
            name = f"sp{self._depth}"
            self._depth += 1
            try:
                conn.execute(f"SAVEPOINT {name}")
                try:
                    yield conn
                except BaseException:
                    conn.execute(f"ROLLBACK TO {name}")
                    conn.execute(f"RELEASE {name}")
                    raise
                conn.execute(f"RELEASE {name}")
            except sqlite3.Error as exc:
                raise self.translate(exc) from exc
            finally:
                self._depth -= 1
            return
        self._depth = 1
        try:
            try:
                conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            except sqlite3.Error as exc:
                raise self.translate(exc) from exc
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise self.translate(exc) from exc
                raise
        finally:
            self._depth = 0

    @contextmanager
    def busy_timeout(self, milliseconds: int) -> Iterator[None]:
        """Wait at most `milliseconds` for another process's lock inside the block (then
        `DatabaseLocked`), instead of the connection's busy timeout."""
        usual = self.busy_timeout_ms
        self.conn.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")
        self.busy_timeout_ms = milliseconds  # what a lock error says it waited
        try:
            yield
        finally:
            self.busy_timeout_ms = usual
            self.conn.execute(f"PRAGMA busy_timeout = {int(usual)}")

    # ------------------------------------------------------------------ reads

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Any]:
        """All rows of a read (tuples)."""
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise self.translate(exc) from exc

    def query_one(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        try:
            return self.conn.execute(sql, params).fetchone()
        except sqlite3.Error as exc:
            raise self.translate(exc) from exc

    def iterate(self, sql: str, params: Sequence[Any] = ()) -> Iterable[Any]:
        try:
            yield from self.conn.execute(sql, params)
        except sqlite3.Error as exc:
            raise self.translate(exc) from exc

    # ------------------------------------------------------------------ errors

    def translate(self, exc: sqlite3.Error) -> StoreError:
        """A user-facing StoreError for an SQLite failure."""
        return translate_error(self.path, exc, self.busy_timeout_ms)


def translate_error(path: Path, exc: sqlite3.Error, busy_timeout_ms: int) -> StoreError:
    message = str(exc)
    lowered = message.lower()
    if "locked" in lowered or "busy" in lowered:
        seconds = busy_timeout_ms / 1000
        return DatabaseLocked(
            f"{path}: database is locked by another process (waited {seconds:g} s); "
            "close the other quiz and try again"
        )
    if "malformed" in lowered or "corrupt" in lowered:
        backups = sorted(path.parent.glob(f"{path.name}.bak-*")) if path.parent.is_dir() else []
        if backups:
            restore = (
                f"Restore a copy ({', '.join(b.name for b in backups)} beside it, made "
                "before an upgrade) or rescue"
            )
        else:
            restore = "No backup copy of it exists (quiz makes one before an upgrade); rescue"
        return StoreError(
            f"{path}: the database file is damaged ({message}); nothing more was written. "
            f"{restore} what is readable with: sqlite3 {path.name} .recover"
        )
    if "not a database" in lowered:
        return StoreError(f"{path}: not a quiz database ({message})")
    if "disk is full" in lowered or "database or disk is full" in lowered:
        return StoreError(f"{path}: the disk is full; the change was not saved ({message})")
    read_only = "readonly" in lowered or "read-only" in lowered
    if read_only or "unable to open" in lowered:
        if read_only or not _writable(path):
            return StoreError(
                f"{path}: the database or its folder is read-only; quiz needs to write it "
                f"and its {path.name}-wal and {path.name}-shm files beside it"
            )
        return StoreError(f"{path}: cannot open database ({message})")
    return StoreError(f"{path}: {message}")


def place_is_writable(path: Path) -> bool:
    """Whether quiz may write the database at `path` and the files beside it: its folder
    and the file are writable, and the folder is not on a read-only mount."""
    if not _writable(path):
        return False
    try:
        return not os.statvfs(path.parent).f_flag & os.ST_RDONLY
    except OSError:
        return True  # let the opening say what is wrong


def _writable(path: Path) -> bool:
    """Whether quiz may write the database file (when it exists) and create files beside it."""
    folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
    return folder_ok and (not path.exists() or os.access(path, os.W_OK))
