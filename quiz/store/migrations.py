"""Opening a database safely: probe read-only, refuse what is not ours, back up, migrate.

Order matters so that a file we refuse is never written: a read-only probe first reads
`user_version` (a corrupt file or a newer schema is refused there), then a backup copy is
made with SQLite's backup API, and only then is the file opened for writing and migrated,
one transaction per migration, each with its version bump.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from quiz.store.db import DEFAULT_BUSY_TIMEOUT_MS, Database, StoreError, translate_error
from quiz.store.schema import MIGRATIONS, SCHEMA_VERSION


def open_database(
    path: Path,
    *,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    synchronous: str = "NORMAL",
    now: datetime | None = None,
) -> Database:
    """Open (creating if needed) and migrate the quiz database at `path`.

    Raises:
        StoreError: not an SQLite file, an SQLite file of another program, a schema newer
            than this quiz, a lock held past the busy timeout, or an unwritable place.
    """
    path = Path(path)
    if path.exists() and path.is_dir():
        raise StoreError(f"{path}: is a folder, not a database file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{path}: cannot create its folder ({exc.strerror or exc})") from exc
    version = 0
    if path.exists() and path.stat().st_size > 0:
        version = _probe(path, busy_timeout_ms)
        if version < SCHEMA_VERSION and _has_tables(path, busy_timeout_ms):
            backup_database(path, version, now or datetime.now(UTC), busy_timeout_ms)
    db = Database.connect(path, busy_timeout_ms=busy_timeout_ms, synchronous=synchronous)
    try:
        migrate(db)
    except BaseException:
        db.close()
        raise
    return db


def _read_only(path: Path, busy_timeout_ms: int, *, immutable: bool = False) -> sqlite3.Connection:
    uri = f"file:{quote(str(path.resolve()))}?mode=ro{'&immutable=1' if immutable else ''}"
    return sqlite3.connect(uri, uri=True, timeout=busy_timeout_ms / 1000, isolation_level=None)


def open_read_only_database(
    path: Path, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS
) -> Database:
    """Open an existing quiz database for reading only, writing nothing at all (for a
    database in a read-only place, which `open_database` refuses).

    A WAL database in a folder nobody may write has no -shm file to share and none can be
    made: it is then read as immutable (no one can be writing it there either).

    Raises:
        StoreError: not a quiz database, another schema than this quiz's (an older one
            cannot be upgraded without writing), or unreadable.
    """
    path = Path(path)
    try:
        conn = _read_only(path, busy_timeout_ms)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        try:
            conn = _read_only(path, busy_timeout_ms, immutable=True)
        except sqlite3.Error as exc:
            raise translate_error(path, exc, busy_timeout_ms) from exc
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'review_log'"
        ).fetchone()[0]
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise translate_error(path, exc, busy_timeout_ms) from exc
    if not tables:
        conn.close()
        raise StoreError(f"{path}: not a quiz database")
    if version != SCHEMA_VERSION:
        conn.close()
        raise StoreError(
            f"{path}: database schema version {version}, this quiz reads {SCHEMA_VERSION}; "
            "its place is read-only, so it cannot be upgraded: run quiz once where it can "
            "be written"
        )
    conn.execute("PRAGMA query_only = ON")
    return Database(conn, path, busy_timeout_ms)


def _probe(path: Path, busy_timeout_ms: int) -> int:
    """The file's schema version, read without writing; refuses what quiz cannot use,
    leaving no `-wal`/`-shm` file of its own beside a refused file."""
    beside = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    made = [side for side in beside if not side.exists()]
    try:
        return _read_version(path, busy_timeout_ms)
    except StoreError:
        # A read-only look at a WAL-mode file creates these and cannot remove them; only
        # ours go (an empty -wal, and the -shm that came with it).
        if all(
            not side.exists() or side.name.endswith("-shm") or side.stat().st_size == 0
            for side in made
        ):
            for side in made:
                try:
                    side.unlink(missing_ok=True)
                except OSError:  # a read-only folder: nothing was made there either
                    pass
        raise


def _read_version(path: Path, busy_timeout_ms: int) -> int:
    try:
        conn = _read_only(path, busy_timeout_ms)
    except sqlite3.Error as exc:
        raise translate_error(path, exc, busy_timeout_ms) from exc
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'review_log'"
        ).fetchone()[0]
        others = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise translate_error(path, exc, busy_timeout_ms) from exc
    finally:
        conn.close()
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: database schema version {version} is newer than this quiz "
            f"({SCHEMA_VERSION}); upgrade quiz"
        )
    if others and not tables:
        raise StoreError(f"{path}: not a quiz database (it holds another program's tables)")
    return version


def _has_tables(path: Path, busy_timeout_ms: int) -> bool:
    conn = _read_only(path, busy_timeout_ms)
    try:
        return bool(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
    finally:
        conn.close()


def backup_path(path: Path, version: int, now: datetime) -> Path:
    """`quiz.db.bak-v<old>-<UTC timestamp>`, next to the database, never overwriting."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    candidate = path.with_name(f"{path.name}.bak-v{version}-{stamp}")
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = path.with_name(f"{path.name}.bak-v{version}-{stamp}-{counter}")
    return candidate


def backup_database(path: Path, version: int, now: datetime, busy_timeout_ms: int) -> Path:
    """Copy the database (a consistent snapshot, WAL included) before migrating it."""
    target = backup_path(path, version, now)
    source = _read_only(path, busy_timeout_ms)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    except sqlite3.Error as exc:
        target.unlink(missing_ok=True)
        raise StoreError(f"{path}: cannot back up before migrating ({exc})") from exc
    finally:
        source.close()
    return target


def _statements(script: str) -> Iterator[str]:
    """Split a migration script into complete statements (triggers included)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statement = buffer.strip()
            buffer = ""
            if statement:
                yield statement
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement in migration: {buffer.strip()[:60]}")


def migrate(db: Database, target: int = SCHEMA_VERSION) -> int:
    """Apply the missing migrations up to `target`, each in its own transaction.

    Safe when another process migrates at the same time: the version is re-read under the
    write lock before each step. Returns the version reached.
    """
    current = int(db.query_one("PRAGMA user_version")[0])
    if target <= current <= SCHEMA_VERSION:
        return current  # up to date: no write lock needed
    while True:
        with db.atomic() as conn:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{db.path}: database schema version {version} is newer than this quiz "
                    f"({SCHEMA_VERSION}); upgrade quiz"
                )
            if version >= target:
                return version
            for statement in _statements(MIGRATIONS[version]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
