"""The hot queue queries read the index meant for them, on a real file whose ANALYZE
statistics are those of the 100,000-card bench collection (with them SQLite picked
cards_due and sorted a whole deck for the next new card: 2 ms instead of 0.01 ms)."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from quiz.deck import DEFAULT_IMPORTANCE, ClozeCard, Deck, rank
from quiz.store import SCHEMA_VERSION, CardState, CardStatus, Store
from quiz.store.cards import NEW_RANK
from quiz.store.db import Database
from quiz.store.migrations import migrate
from quiz.store.queue import count_new

CARDS_PER_DECK = 300
# sqlite_stat1 as ANALYZE wrote it on bench/synth.py's 100k-card, 1M-review collection
# (cards_new as migration 7 made it: deck, rank, position, buried_until; four in five
# synthetic cards with an importance).
BENCH_STATS = {
    "sqlite_autoindex_cards_1": "100000 10000 1",
    "cards_sibling": "100000 10000 3",
    "cards_new": "30000 3000 30 1 1",
    "cards_due": "100000 10000 3334 2 2 2 2 2 1",
}


def _importance(n: int) -> int | None:
    """Spread over 0-100, one card in four without (ranks as the default)."""
    return None if n % 4 == 0 else n * 37 % 101


def _deck(name: str) -> Deck:
    cards = tuple(
        ClozeCard(
            id=f"{name}-{n:04d}",
            text=f"第{n}條：堅持{{{{c1::要点{n}}}}}不动摇。",
            importance=_importance(n),
        )
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
    new = [n for n in range(CARDS_PER_DECK) if n % 3 == 0]  # the others were studied
    expected = sorted(new, key=lambda n: (-rank(_importance(n)), n))[:3]
    with Store.open(analyzed, now=now) as store:
        found: list[object] = []
        plans = _plans(store, lambda: found.extend(store.new_cards(["乙"], now=now, limit=3)))
        assert [row.card_id for row in found] == [  # type: ignore[attr-defined]
            f"乙-{n:04d}" for n in expected
        ]
        assert plans and all("USING INDEX cards_new" in plan for plan in plans), plans
        assert not any("TEMP B-TREE" in plan for plan in plans), plans


def test_next_new_card_with_siblings_buried_reads_cards_new_in_order(
    analyzed: Path, now: datetime
) -> None:
    with Store.open(analyzed, now=now) as store:
        plans = _plans(
            store,
            lambda: store.new_cards(
                ["甲", "乙"], now=now, limit=1, bury_siblings_since=now - timedelta(hours=4)
            ),
        )
        assert plans and all("USING INDEX cards_new" in plan for plan in plans), plans
        # the answered set is made DISTINCT (a few rows); the cards are never sorted
        assert not any("TEMP B-TREE FOR ORDER BY" in plan for plan in plans), plans


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
    assert migrate(old, target=4) == 4
    columns = [row[2] for row in old.conn.execute("PRAGMA index_info(cards_new)")]
    sql = old.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'cards_new'").fetchone()
    old.close()
    assert columns == ["deck", "position", "buried_until"]
    assert "WHERE state = 0 AND suspended = 0 AND retired_at IS NULL" in sql[0]
    with Store.open(db_path, now=now) as store:
        assert store.schema_version == SCHEMA_VERSION >= 4
        assert [row.card_id for row in store.new_cards(["乙"], now=now, limit=5)] == ["x1"]
    assert len(list(db_path.parent.glob("quiz.db.bak-v4-*"))) == 1


def test_cards_new_holds_the_importance_order_of_new_cards(db_path: Path, now: datetime) -> None:
    """Migration 7: the index's rank expression is the one Store.new_cards orders by, with
    the default rank of quiz.deck, so the order is read from it."""
    Store.open(db_path, now=now).close()
    with sqlite3.connect(db_path) as conn:
        keys = conn.execute("PRAGMA index_xinfo(cards_new)").fetchall()
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'cards_new'").fetchone()
    # (seqno, cid, name, desc, coll, key): cid -2 is an expression
    assert [(row[1] == -2, row[2], row[3]) for row in keys if row[5]] == [
        (False, "deck", 0),
        (True, None, 1),
        (False, "position", 0),
        (False, "buried_until", 0),
    ]
    assert f"coalesce(importance, {DEFAULT_IMPORTANCE}) DESC" in sql[0]
    assert NEW_RANK == f"coalesce(c.importance, {DEFAULT_IMPORTANCE})"
    assert "WHERE state = 0 AND suspended = 0 AND retired_at IS NULL" in sql[0]
