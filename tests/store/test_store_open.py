"""Opening databases: creation, pragmas, migration with a backup, and refusals that leave
the file untouched (too-new schema, corrupt file, another program's database, a lock)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from quiz.deck import Deck
from quiz.errors import QuizError
from quiz.store import SCHEMA_VERSION, Store, StoreError
from quiz.store.db import Database
from quiz.store.migrations import migrate


def test_open_creates_folder_and_file_with_pragmas(db_path: Path, now: datetime) -> None:
    assert not db_path.parent.exists()
    with Store.open(db_path, now=now) as store:
        conn = store._db.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert store.schema_version == SCHEMA_VERSION
    assert db_path.is_file()
    assert list(db_path.parent.glob("*.bak-*")) == []  # nothing to back up when new


def test_reopening_a_current_database_changes_nothing(db_path: Path, now: datetime) -> None:
    Store.open(db_path, now=now).close()
    Store.open(db_path, now=now).close()
    assert list(db_path.parent.glob("*.bak-*")) == []


def test_migration_from_an_older_version_backs_up_first(
    db_path: Path, now: datetime, make_deck
) -> None:
    db_path.parent.mkdir(parents=True)
    old = Database.connect(db_path)
    assert migrate(old, target=1) == 1
    old.conn.execute(
        "INSERT INTO decks (name, title, content_hash, synced_at) VALUES ('d', '旧', 'h', 1)"
    )
    old.close()

    with Store.open(db_path, now=now) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert [deck.title for deck in store.decks()] == ["旧"]
        views = store._db.query("SELECT name FROM sqlite_master WHERE type = 'view'")
        assert ("effective_reviews",) in views

    backups = list(db_path.parent.glob("quiz.db.bak-v1-*"))
    assert [b.name for b in backups] == ["quiz.db.bak-v1-20261126T080000Z"]
    copy = sqlite3.connect(backups[0])
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
    assert copy.execute("SELECT title FROM decks").fetchall() == [("旧",)]
    copy.close()


def test_each_migration_bumps_the_version_in_its_own_transaction(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db = Database.connect(db_path)
    for version in range(1, SCHEMA_VERSION + 1):
        assert migrate(db, target=version) == version
        assert db.query_one("PRAGMA user_version")[0] == version
    assert migrate(db) == SCHEMA_VERSION  # running again is a no-op
    db.close()


def test_newer_schema_is_refused_and_left_untouched(db_path: Path, now: datetime) -> None:
    Store.open(db_path, now=now).close()
    conn = sqlite3.connect(db_path)
    newer = SCHEMA_VERSION + 1
    conn.execute(f"PRAGMA user_version = {newer}")
    conn.close()
    before = db_path.read_bytes()

    with pytest.raises(StoreError) as caught:
        Store.open(db_path, now=now)
    assert str(caught.value) == (
        f"{db_path}: database schema version {newer} is newer than this quiz "
        f"({SCHEMA_VERSION}); upgrade quiz"
    )
    assert isinstance(caught.value, QuizError)
    assert db_path.read_bytes() == before
    assert list(db_path.parent.glob("*.bak-*")) == []


@pytest.mark.parametrize(
    "content",
    [b"this is not a database, just some text\n" * 200, bytes(range(256)) * 64],
    ids=["text", "binary"],
)
def test_corrupt_file_is_refused_and_left_untouched(
    db_path: Path, now: datetime, content: bytes
) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(content)
    with pytest.raises(StoreError) as caught:
        Store.open(db_path, now=now)
    assert str(caught.value) == f"{db_path}: not a quiz database (file is not a database)"
    assert db_path.read_bytes() == content
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["quiz.db"]


def test_another_programs_database_is_refused(db_path: Path, now: datetime) -> None:
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="not a quiz database"):
        Store.open(db_path, now=now)
    assert db_path.read_bytes() == before


def test_a_folder_in_the_way_is_a_clear_error(db_path: Path, now: datetime) -> None:
    db_path.mkdir(parents=True)
    with pytest.raises(StoreError, match="is a folder"):
        Store.open(db_path, now=now)


def test_locked_database_gives_a_clear_error_after_the_busy_timeout(
    db_path: Path, now: datetime, make_deck
) -> None:
    Store.open(db_path, now=now).close()
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process writing and not letting go
    try:
        with Store.open(db_path, busy_timeout_ms=200, now=now) as store:
            with pytest.raises(StoreError) as caught:
                store.sync_deck(make_deck("d", "{{c1::三会一课}}制度"), now=now)
        assert str(caught.value).startswith(f"{db_path}: database is locked by another process")
        assert "0.2 s" in str(caught.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Store.open(db_path, now=now) as store:
        assert store.decks() == []  # nothing half-written


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_a_refused_database_keeps_no_wal_or_shm_file_beside_it(
    db_path: Path, now: datetime, journal: str
) -> None:
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA journal_mode = {journal}")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.commit()
    conn.close()
    before = sorted(p.name for p in db_path.parent.iterdir())
    with pytest.raises(StoreError, match="not a quiz database"):
        Store.open(db_path, now=now)
    assert sorted(p.name for p in db_path.parent.iterdir()) == before == [db_path.name]


def test_data_version_moves_for_another_connections_commit_only(
    store: Store, db_path: Path, make_deck: Callable[..., Deck], now: datetime
) -> None:
    before = store.data_version()
    store.sync_decks([make_deck("甲", "{{c1::三会一课}}")], now=now)
    assert store.data_version() == before  # its own commit
    with Store.open(db_path, now=now) as other:
        other.bury("甲", [other.cards()[0].card_id], now)
    assert store.data_version() != before  # another process's commit
