"""A quiz database damaged after it was written (a bad disk, a copy cut short) gives an
error that says so and what to do, and quiz writes nothing more to it."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from quiz.deck import ClozeCard, Deck
from quiz.store import Store, StoreError

PAGE = 4096


def _filled(db_path: Path, now: datetime) -> None:
    cards = tuple(
        ClozeCard(
            id=f"c{n:04d}", text=f"第{n}條：堅持{{{{c1::要点{n}}}}}不动摇，" + "认真落实" * 20
        )
        for n in range(400)
    )
    with Store.open(db_path, now=now) as store:
        store.sync_deck(Deck(name="甲", title="甲", cards=cards), now=now)
    with sqlite3.connect(db_path) as conn:  # everything into the main file
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def test_a_damaged_page_gives_a_clear_error_and_no_write(db_path: Path, now: datetime) -> None:
    _filled(db_path, now)
    data = bytearray(db_path.read_bytes())
    assert len(data) > 20 * PAGE
    # garble the pages in the middle of the file (the cards), keep the header and schema
    for page in range(8, len(data) // PAGE - 2):
        data[page * PAGE : page * PAGE + 200] = b"\xa5" * 200
    db_path.write_bytes(bytes(data))
    with pytest.raises(StoreError) as caught:
        with Store.open(db_path, now=now) as store:
            store.cards(["甲"])
    message = str(caught.value)
    assert message.startswith(f"{db_path}: the database file is damaged (")
    # no backup was ever made: the message does not point to copies that are not there
    assert not list(db_path.parent.glob("quiz.db.bak-*"))
    assert "No backup copy of it exists" in message and ".bak-" not in message
    assert ".recover" in message
    assert db_path.read_bytes() == bytes(data)
    # with a backup beside it, the message names that file
    backup = db_path.with_name("quiz.db.bak-v5-20261126T000000Z")
    backup.write_bytes(b"")
    with pytest.raises(StoreError) as caught:
        with Store.open(db_path, now=now) as store:
            store.cards(["甲"])
    assert "quiz.db.bak-v5-20261126T000000Z beside it" in str(caught.value)
