"""A card's importance in the store: kept with the card on sync (an importance-only change
is synced, not skipped), migration 7 from a version-6 file that keeps every row, and the
new-card order it sets (descending importance, a card without one as 50, ties in deck
order, deck by deck), on real SQLite files."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from quiz.deck import ClozeCard, Deck, MatchCard, parse_deck
from quiz.store import SCHEMA_VERSION, CardState, CardStatus, Store
from quiz.store.db import Database
from quiz.store.migrations import migrate
from quiz.store.queue import count_new
from quiz.store.sync import deck_hash

# importance by position: 10, none, 90, 50, 90, none, 0 -> 90 90 | 50-rank: 1 3 5 | 10 | 0
IMPORTANCE = [10, None, 90, 50, 90, None, 0]
EXPECTED_ORDER = ["c2", "c4", "c1", "c3", "c5", "c0", "c6"]


def ranked_deck(name: str = "要点", importance: list[int | None] = IMPORTANCE) -> Deck:
    """Cloze cards in both scripts, one per sentence (no siblings), with `importance`."""
    texts = ["堅持{{c1::縱向到底}}。", "认真落实{{c1::三会一课}}。", "增強{{c1::四個意識}}。",
             "牵住{{c1::牛鼻子}}。", "推動{{c1::揭榜掛帥}}。", "抓好{{c1::基层组织}}。",
             "完善{{c1::組織體系}}。"]  # fmt: skip
    cards = tuple(
        ClozeCard(id=f"c{n}", text=text, line=n + 1, importance=value)
        for n, (text, value) in enumerate(zip(texts, importance, strict=True))
    )
    return Deck(name=name, title="抓基层打基础", cards=cards)


def _new_ids(store: Store, deck: str, now: datetime, limit: int = 20) -> list[str]:
    return [row.card_id for row in store.new_cards([deck], now=now, limit=limit)]


def test_sync_keeps_the_importance_with_the_card(store: Store, now: datetime) -> None:
    deck = ranked_deck()
    store.sync_deck(deck, now=now)
    rows = {row.card_id: row for row in store.cards([deck.name])}
    assert [rows[f"c{n}"].importance for n in range(7)] == IMPORTANCE
    assert [rows[card.id].to_card() for card in deck.cards] == list(deck.cards)


def test_a_deck_whose_only_change_is_importance_is_synced(store: Store, now: datetime) -> None:
    deck = ranked_deck()
    store.sync_deck(deck, now=now)
    answered = CardState(
        status=CardStatus.REVIEW, stability=3.0, difficulty=5.0, due=now, last_review=now, reps=1
    )
    store.record_review(deck.name, "c2", rating=3, kind="manual", after=answered, now=now)
    rescored = replace(
        deck, cards=tuple(replace(card, importance=100 - n * 10) for n, card in enumerate(deck))
    )
    assert deck_hash(rescored) != deck_hash(deck)
    report = store.sync_deck(rescored, now=now + timedelta(days=1))
    assert not report.skipped
    assert (report.added, report.kept, report.retired, report.carried_over) == (0, 7, 0, 0)
    rows = {row.card_id: row for row in store.cards([deck.name])}
    assert [rows[f"c{n}"].importance for n in range(7)] == [100, 90, 80, 70, 60, 50, 40]
    assert rows["c2"].state == answered  # the schedule stays
    assert rows["c2"].body["importance"] == 80  # the stored card follows the deck too
    assert _new_ids(store, deck.name, now) == ["c0", "c1", "c3", "c4", "c5", "c6"]
    # dropping every importance is a change too: back to deck order
    plain = replace(deck, cards=tuple(replace(card, importance=None) for card in deck))
    assert not store.sync_deck(plain, now=now + timedelta(days=2)).skipped
    assert {row.importance for row in store.cards([deck.name])} == {None}
    assert store.sync_deck(plain, now=now + timedelta(days=3)).skipped


def test_a_carried_over_card_takes_the_new_importance(store: Store, now: datetime) -> None:
    deck = parse_deck(
        "title: t\ncards:\n  - text: 全面从严治党，坚持{{c1::纵向到底}}，实现全覆盖\n"
        "    importance: 20\n",
        name="t",
    )
    store.sync_deck(deck, now=now)
    edited = parse_deck(
        "title: t\ncards:\n  - text: 全面从严治党，坚持{{c1::纵向到底}}，实现党的全覆盖\n"
        "    importance: 75\n",
        name="t",
    )
    report = store.sync_deck(edited, now=now)
    assert report.carried_over == 1
    [row] = store.cards(["t"])
    assert (row.card_id, row.importance) == (edited.cards[0].id, 75)


def test_new_cards_come_by_importance_ties_in_deck_order(store: Store, now: datetime) -> None:
    deck = ranked_deck()
    store.sync_deck(deck, now=now)
    found = store.new_cards([deck.name], now=now, limit=20)
    assert [row.card_id for row in found] == EXPECTED_ORDER
    assert _new_ids(store, deck.name, now, limit=3) == ["c2", "c4", "c1"]
    assert count_new(store, [deck.name], now=now) == 7
    assert count_new(store, [deck.name], now=now, limit=3) == 3


def test_buried_and_suspended_cards_leave_the_order(store: Store, now: datetime) -> None:
    deck = ranked_deck()
    store.sync_deck(deck, now=now)
    store.bury(deck.name, ["c2"], now + timedelta(hours=2))
    store.set_suspended(deck.name, ["c4"])
    assert [row.card_id for row in store.new_cards([deck.name], now=now, limit=2)] == ["c1", "c3"]
    assert count_new(store, [deck.name], now=now) == 5
    later = now + timedelta(hours=3)  # the burial is over
    assert store.new_cards([deck.name], now=later, limit=1)[0].card_id == "c2"


def test_several_decks_go_deck_by_deck_each_by_importance(store: Store, now: datetime) -> None:
    first = ranked_deck("甲")
    second = ranked_deck("乙", [None, 100, None, 5, None, None, 60])
    store.sync_decks([first, second], now=now)
    order = [row.key for row in store.new_cards(["乙", "甲"], now=now, limit=10)]
    assert order == [
        ("乙", "c1"), ("乙", "c6"), ("乙", "c0"), ("乙", "c2"), ("乙", "c4"), ("乙", "c5"),
        ("乙", "c3"), ("甲", "c2"), ("甲", "c4"), ("甲", "c1"),
    ]  # fmt: skip
    assert count_new(store, ["甲", "乙"], now=now) == 14


def test_a_match_card_has_an_importance_too(store: Store, now: datetime) -> None:
    pairs = (("甲", "一"), ("乙", "二"), ("丙", "三"))
    deck = Deck(
        name="m",
        title="配对",
        cards=(
            ClozeCard(id="a", text="堅持{{c1::縱向到底}}"),
            MatchCard(id="b", prompt="配对", pairs=pairs, importance=80),
        ),
    )
    store.sync_deck(deck, now=now)
    assert [row.card_id for row in store.new_cards(["m"], now=now, limit=2)] == ["b", "a"]
    assert store.card("m", "b").to_card() == deck.cards[1]  # type: ignore[union-attr]


def test_the_database_refuses_an_importance_out_of_range(store: Store, now: datetime) -> None:
    store.sync_deck(ranked_deck(), now=now)
    with pytest.raises(sqlite3.IntegrityError):
        store._db.conn.execute("UPDATE cards SET importance = 101 WHERE card_id = 'c0'")


# --------------------------------------------------------------------------- migration 7


def _schema(conn: sqlite3.Connection) -> dict[str, str]:
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL")
    return {name: re.sub(r"\s+", " ", sql) for name, sql in rows}


def _downgrade_to_v6(path: Path, folder: Path) -> None:
    """What a file written before migration 7 looks like: no importance column, cards_new
    as migration 4 made it; checked against a fresh version-6 schema."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("DROP INDEX cards_new")
        conn.execute("ALTER TABLE cards DROP COLUMN importance")
        conn.execute("ALTER TABLE review_log DROP COLUMN choice")  # migration 10
        conn.execute("ALTER TABLE cards DROP COLUMN flag")  # migration 11
        conn.execute(
            "CREATE INDEX cards_new ON cards (deck, position, buried_until)"
            " WHERE state = 0 AND suspended = 0 AND retired_at IS NULL"
        )
        # migration 9 let cards.type take 'basic' by editing its CHECK in place: undo that
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute(
            "UPDATE sqlite_master SET sql = replace(sql, ', ''basic''', '')"
            " WHERE type = 'table' AND name = 'cards'"
        )
        conn.execute("PRAGMA writable_schema = RESET")
        conn.execute("PRAGMA user_version = 6")
        conn.commit()
        downgraded = _schema(conn)
    finally:
        conn.close()
    reference = Database.connect(folder / "v6.db")
    try:
        assert migrate(reference, target=6) == 6
        assert downgraded == _schema(reference.conn)
    finally:
        reference.close()


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables}
    finally:
        conn.close()


def test_a_version_6_file_migrates_and_keeps_every_row(tmp_path: Path, now: datetime) -> None:
    path = tmp_path / "quiz.db"
    plain = ranked_deck(importance=[None] * 7)  # what a quiz before importance synced
    with Store.open(path, now=now) as store:
        store.sync_deck(plain, now=now)
        session = store.start_session([plain.name], now)
        for n, card in enumerate(plain.cards[:4]):
            at = now + timedelta(minutes=n)
            state = CardState(
                status=CardStatus.REVIEW,
                stability=2.0 + n,
                difficulty=5.0,
                due=at + timedelta(days=2),
                last_review=at,
                reps=1,
            )
            store.record_review(
                plain.name, card.id, rating=3, kind="learn", after=state, now=at, session_id=session
            )
        store.undo_review(store.last_review(session_id=session).id, now=now)  # type: ignore[union-attr]
        store.end_session(session, now + timedelta(minutes=9))
    _downgrade_to_v6(path, tmp_path)
    before = _rows(path)
    assert len(before["cards"]) == 7 and len(before["review_log"]) == 5

    later = now + timedelta(days=1)
    with Store.open(path, now=later) as store:
        assert store.schema_version == SCHEMA_VERSION
        # migration 8 (sibling groups across card types) makes every deck sync once more:
        # the same deck keeps every card as it was
        again = store.sync_deck(plain, now=later)
        assert (again.skipped, again.kept, again.added, again.retired) == (False, 7, 0, 0)
        after = _rows(path)
        # c3's answer was undone: new again; without importance, deck order as before
        assert _new_ids(store, plain.name, later) == ["c3", "c4", "c5", "c6"]
        # the generator's scores arrive with the next regeneration
        report = store.sync_deck(ranked_deck(), now=later)
        assert (report.skipped, report.kept, report.added) == (False, 7, 0)
        assert _new_ids(store, plain.name, later) == ["c4", "c3", "c5", "c6"]
    assert {t: rows for t, rows in after.items() if t not in ("cards", "decks", "review_log")} == {
        t: rows for t, rows in before.items() if t not in ("cards", "decks", "review_log")
    }
    # migration 10: every answer of the log kept, read as typed (choice = 0)
    assert after["review_log"] == [(*row, 0) for row in before["review_log"]]
    assert [row[:3] for row in after["decks"]] == [row[:3] for row in before["decks"]]
    # importance NULL (migration 7), no flag (migration 11)
    assert after["cards"] == [(*row, None, 0) for row in before["cards"]]

    backups = sorted(tmp_path.glob("quiz.db.bak-v6-*"))
    assert len(backups) == 1
    assert _rows(backups[0]) == before
    with Store.open(path, now=later + timedelta(hours=1)) as store:  # a second open: no-op
        assert store.schema_version == SCHEMA_VERSION
        assert migrate(store._db) == SCHEMA_VERSION
    assert sorted(tmp_path.glob("quiz.db.bak-*")) == backups
