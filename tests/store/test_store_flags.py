"""Card flags (Anki's ctrl+1..4) in the store: set and cleared on a real SQLite file, kept
through a re-sync of a changed deck and a carry-over like a schedule, and migration 11
from a version-10 file that keeps every row."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from quiz.deck import Deck
from quiz.store import FLAG_NAMES, SCHEMA_VERSION, Store, StoreError

SENTENCES = ("认真落实{{c1::三会一课}}制度。", "增强{{c1::四个意识}}，坚定四个自信。")


def test_a_flag_is_set_changed_and_cleared(
    store: Store, now: datetime, make_deck: Callable[..., Deck]
) -> None:
    deck = make_deck("d", *SENTENCES)
    store.sync_deck(deck, now=now)
    first = deck.cards[0].id
    assert store.card("d", first).flag == 0  # type: ignore[union-attr]
    assert store.set_flag("d", first, 1) == 1
    assert store.card("d", first).flag_name == "red"  # type: ignore[union-attr]
    assert store.set_flag("d", first, 1) == 0  # already red: nothing changed
    store.set_flag("d", first, 4)
    assert store.card("d", first).flag_name == "blue"  # type: ignore[union-attr]
    store.set_flag("d", first, 0)
    row = store.card("d", first)
    assert row is not None and (row.flag, row.flag_name) == (0, None)
    assert store.card("d", deck.cards[1].id).flag == 0  # type: ignore[union-attr]


def test_a_bad_flag_or_card_is_refused(
    store: Store, now: datetime, make_deck: Callable[..., Deck]
) -> None:
    deck = make_deck("d", *SENTENCES)
    store.sync_deck(deck, now=now)
    with pytest.raises(ValueError, match="flag"):
        store.set_flag("d", deck.cards[0].id, 5)
    with pytest.raises(StoreError, match="no card nope"):
        store.set_flag("d", "nope", 2)
    with pytest.raises(sqlite3.IntegrityError):  # the column's own CHECK
        store._db.conn.execute("UPDATE cards SET flag = 7")


def test_flags_survive_a_resync_and_follow_a_carried_over_card(
    store: Store, now: datetime, make_deck: Callable[..., Deck]
) -> None:
    deck = make_deck("d", *SENTENCES)
    store.sync_deck(deck, now=now)
    kept, edited = (card.id for card in deck.cards)
    store.set_flag("d", kept, 2)
    store.set_flag("d", edited, 3)
    # the second sentence lightly edited: a new id that inherits the old card's state
    again = make_deck("d", SENTENCES[0], "增强{{c1::四个意识}}，始终坚定四个自信。")
    report = store.sync_deck(again, now=now + timedelta(days=1))
    assert report.carried_over == 1
    successor = again.cards[1].id
    assert successor != edited
    assert store.card("d", kept).flag_name == "orange"  # type: ignore[union-attr]
    assert store.card("d", successor).flag_name == "green"  # type: ignore[union-attr]


def test_migration_11_adds_flags_to_a_version_10_file(
    db_path: Path, now: datetime, make_deck: Callable[..., Deck]
) -> None:
    with Store.open(db_path, now=now) as store:
        store.sync_deck(make_deck("d", *SENTENCES), now=now)
    conn = sqlite3.connect(db_path)
    conn.execute("ALTER TABLE cards DROP COLUMN flag")
    conn.execute("PRAGMA user_version = 10")
    conn.commit()
    before = conn.execute("SELECT deck, card_id, body FROM cards ORDER BY card_id").fetchall()
    conn.close()

    with Store.open(db_path, now=now) as store:
        assert store.schema_version == SCHEMA_VERSION
        rows = store.cards(["d"])
        assert sorted((r.deck, r.card_id) for r in rows) == [(d, c) for d, c, _ in before]
        assert {r.flag for r in rows} == {0}
        store.set_flag("d", rows[0].card_id, 1)
    assert list(db_path.parent.glob("quiz.db.bak-v10-*"))  # backed up before migrating
    assert FLAG_NAMES == {1: "red", 2: "orange", 3: "green", 4: "blue"}
