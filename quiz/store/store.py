"""`Store`: the collection database, the one object the rest of quiz talks SQL through.

Its methods come from one mixin per job: `CardQueries` (queue, counts, flags),
`ReviewLog` (answers, undo, history), `Sessions`, `DeckSync`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import TracebackType

from quiz.store.cards import CardQueries
from quiz.store.db import DEFAULT_BUSY_TIMEOUT_MS, Database
from quiz.store.migrations import migrate, open_database, open_read_only_database
from quiz.store.reviews import ReviewLog
from quiz.store.sessions import Sessions
from quiz.store.sync import DeckSync


class Store(CardQueries, ReviewLog, Sessions, DeckSync):
    """The quiz collection in one SQLite file. Open with `Store.open(path)`; close it, or
    use it as a context manager. One Store per thread (the connection is not shared)."""

    def __init__(self, db: Database):
        self._db = db

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
        synchronous: str = "NORMAL",
        now: datetime | None = None,
    ) -> Store:
        """Open the database at `path`, creating it and its folder when missing.

        An older schema is migrated after a backup copy `<name>.bak-v<old>-<timestamp>` is
        made next to it. WAL mode; `synchronous=NORMAL` keeps every committed answer
        through a killed process (see `quiz.store.db`). `now` names the backup (default:
        the current time).

        Raises:
            StoreError: not a quiz database, a newer schema, locked past the busy timeout,
                or the place cannot be written. The file is left untouched in the first two
                cases.
        """
        db = open_database(
            Path(path), busy_timeout_ms=busy_timeout_ms, synchronous=synchronous, now=now
        )
        return cls(db)

    @classmethod
    def open_read_only(
        cls, path: str | os.PathLike[str], *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS
    ) -> Store:
        """Open an existing database for reading only, writing nothing (not even its -wal
        and -shm files): for `quiz stats` on a database in a read-only place.

        Raises:
            StoreError: not a quiz database, another schema version, or unreadable.
        """
        return cls(open_read_only_database(Path(path), busy_timeout_ms=busy_timeout_ms))

    @classmethod
    def memory(cls) -> Store:
        """A throwaway in-memory store (no WAL) for quick tests of code built on the store."""
        db = Database.connect(Path(":memory:"), wal=False)
        migrate(db)
        return cls(db)

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """One transaction around several store calls: all of their writes are committed
        together when the block ends, or none of them if it raises (each call inside
        becomes a savepoint). Used so an answer and its effects (sibling burial, leech
        suspension) are one commit.

        Raises:
            StoreError: the database is locked past the busy timeout or refused a write.
        """
        with self._db.atomic():
            yield

    @contextmanager
    def busy_timeout(self, milliseconds: int) -> Iterator[None]:
        """Inside the block, give up on another process's lock after `milliseconds`
        (`DatabaseLocked`) instead of the store's busy timeout: the app tries an answer
        this way first, so a lock never freezes the screen."""
        with self._db.busy_timeout(milliseconds):
            yield

    def check_writable(self) -> None:
        """Take the write lock and let it go at once, writing nothing.

        Raises:
            StoreError: another process holds the lock past the busy timeout
                (`DatabaseLocked`), or the file cannot be written.
        """
        with self._db.atomic():
            pass

    @property
    def path(self) -> Path:
        return self._db.path

    def data_version(self) -> int:
        """SQLite's `PRAGMA data_version`: it changes when another connection (another
        process) commits a change to the database, never for this connection's own; a
        reader that carries figures forward re-reads them when it moved (microseconds)."""
        return int(self._db.query_one("PRAGMA data_version")[0])

    @property
    def schema_version(self) -> int:
        return int(self._db.query_one("PRAGMA user_version")[0])

    def close(self) -> None:
        """Close the connection (a WAL checkpoint happens when it is the last one)."""
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
