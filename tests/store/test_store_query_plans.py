"""The hot queue queries read the index meant for them, on a real file whose ANALYZE
statistics are those of the 100,000-card bench collection (with them SQLite picked
cards_due and sorted a whole deck for the next new card: 2 ms instead of 0.01 ms)."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from quiz.deck import ClozeCard, Deck
from quiz.store import SCHEMA_VERSION, CardState, CardStatus, Store
from quiz.store.db import Database
from quiz.store.migrations import migrate
from quiz.store.queue import count_new

CARDS_PER_DECK = 300
# sqlite_stat1 as ANALYZE wrote it on bench/synth.py's 100k-card, 1M-review collection
# (cards_new with the buried_until column migration 4 added).
BENCH_STATS = {
    "sqlite_autoindex_cards_1": "100000 10000 1",
    "cards_sibling": "100000 10000 3",
    "cards_new": "30000 3000 1 1",
    "cards_due": "100000 10000 3334 2 2 2 2 2 1",
}


def _deck(name: str) -> Deck:
    cards = tuple(
        ClozeCard(id=f"{name}-{n:04d}", text=f"第{n}條：堅持{{{{c1::要点{n}}}}}不动摇。")
        for n in range(CARDS_PER_DECK)
    )
    return Deck(name=name, title=name, cards=cards)


@pytest.fixture
def analyzed(db_path: Path, now: datetime) -> Path:
    """Three decks, two thirds of each deck's cards studied, then ANALYZE (with the large
    collection's figures for the queue's indexes)."""
    with Store.open(db_path, now=now) as store:
        decks = [_deck(name) for name in ("甲", "乙", "丙")]
        store.sync_decks(decks, now=now)
        with store.atomic():
            for deck in decks:
                for n, card in enumerate(deck.cards):
                    if n % 3:
                        state = CardState(
                            status=CardStatus.REVIEW if n % 3 == 1 else CardStatus.LEARNING,
                            stability=1.0 + n % 40,
                            difficulty=5.0,
                            due=now + timedelta(hours=n % 50 - 20),
                            last_review=now - timedelta(days=n % 30 + 1),
                            reps=3,
                        )
                        store.record_review(
                            deck.name, card.id, rating=3, kind="manual", after=state, now=now
                        )
    with sqlite3.connect(db_path) as conn:
        conn.execute("ANALYZE")
        conn.executemany(
            "UPDATE sqlite_stat1 SET stat = ? WHERE tbl = 'cards' AND idx = ?",
            [(stat, index) for index, stat in BENCH_STATS.items()],
        )
    return db_path


def _plans(store: Store, action: object) -> list[str]:
    """EXPLAIN QUERY PLAN of every SELECT on cards that `action()` runs."""
    statements: list[str] = []
    conn = store._db.conn
    conn.set_trace_callback(statements.append)
    try:
        assert callable(action)
        action()
    finally:
        conn.set_trace_callback(None)
    plans = []
    for sql in statements:
        if sql.lstrip().upper().startswith(("SELECT", "WITH")) and "cards" in sql:
            rows = conn.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()
            plans.append(" | ".join(row[3] for row in rows))
    return plans


def test_next_new_card_reads_cards_new_in_order(analyzed: Path, now: datetime) -> None:
    with Store.open(analyzed, now=now) as store:
        found: list[object] = []
        plans = _plans(store, lambda: found.extend(store.new_cards(["乙"], now=now, limit=1)))
        assert [row.card_id for row in found] == ["乙-0000"]  # type: ignore[attr-defined]
        assert plans and all("USING INDEX cards_new" in plan for plan in plans), plans
        assert not any("TEMP B-TREE" in plan for plan in plans), plans


def test_new_card_count_reads_an_index_only(analyzed: Path, now: datetime) -> None:
    with Store.open(analyzed, now=now) as store:
        counted: list[int] = []
        plans = _plans(
            store, lambda: counted.append(count_new(store, ["甲", "丙"], now=now, limit=20))
        )
        assert counted == [20]
        assert plans and all("COVERING INDEX" in p or "USING INDEX" in p for p in plans), plans
        assert not any("SCAN c" in plan for plan in plans), plans


def test_due_cards_read_cards_due(analyzed: Path, now: datetime) -> None:
    with Store.open(analyzed, now=now) as store:
        plans = _plans(
            store,
            lambda: store.due_cards(
                None, now + timedelta(hours=1), now=now, statuses=[CardStatus.LEARNING], limit=1
            ),
        )
        assert plans and all("cards_due" in plan for plan in plans), plans


def test_migration_4_rebuilds_cards_new_with_the_burial(db_path: Path, now: datetime) -> None:
    db_path.parent.mkdir(parents=True)
    old = Database.connect(db_path)
    assert migrate(old, target=3) == 3
    old.conn.execute("INSERT INTO decks (name, title) VALUES ('乙', '舊')")
    old.conn.execute(
        "INSERT INTO cards (deck, card_id, type, body, position, sibling_key, added_at)"
        " VALUES ('乙', 'x1', 'cloze', ?, 0, 'k', 0)",
        ('{"type": "cloze", "id": "x1", "text": "堅持{{c1::縱向到底}}"}',),
    )
    old.close()
    with Store.open(db_path, now=now) as store:
        assert store.schema_version == SCHEMA_VERSION >= 4
        assert [row.card_id for row in store.new_cards(["乙"], now=now, limit=5)] == ["x1"]
    with sqlite3.connect(db_path) as conn:
        columns = [row[2] for row in conn.execute("PRAGMA index_info(cards_new)")]
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'cards_new'").fetchone()
    assert columns == ["deck", "position", "buried_until"]
    assert "WHERE state = 0 AND suspended = 0 AND retired_at IS NULL" in sql[0]
    assert len(list(db_path.parent.glob("quiz.db.bak-v3-*"))) == 1
