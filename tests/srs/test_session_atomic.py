"""An answer and its effects (sibling burial, leech suspension) are one transaction, and so
is undo: a write refused halfway leaves the database exactly as before, and a successful
answer is a single COMMIT.

Failures are injected with real SQLite triggers added to the database file by a second
connection, as another program (or a full disk) could refuse a write.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC
from pathlib import Path

import pytest
from srs_helpers import Clock, cloze_deck

from quiz.config import Config
from quiz.session import StudySession
from quiz.srs import Rating
from quiz.store import CardState, CardStatus, Store, StoreError

CONFIG = Config(timezone=UTC)


def refuse(db_path: Path, column: str) -> None:
    """Make the database refuse any change of `cards.<column>` (until `allow`)."""
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            f"CREATE TRIGGER refuse_{column} BEFORE UPDATE OF {column} ON cards"
            " BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
        )


def allow(db_path: Path, column: str) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute(f"DROP TRIGGER refuse_{column}")


def snapshot(db_path: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with sqlite3.connect(db_path) as conn:
        cards = conn.execute("SELECT * FROM cards ORDER BY deck, card_id").fetchall()
        log = conn.execute("SELECT * FROM review_log ORDER BY id").fetchall()
    return cards, log


def test_a_refused_sibling_burial_rolls_the_answer_back(
    store: Store, db_path: Path, clock: Clock
) -> None:
    session = StudySession(store, [cloze_deck()], CONFIG, clock)
    item = session.next_card()
    assert item is not None and item.card_id == "sib-a"  # its sibling is sib-b
    before = snapshot(db_path)
    refuse(db_path, "buried_until")
    with pytest.raises(StoreError, match="injected failure"):
        session.answer(item, Rating.Good, duration_ms=3000)
    assert snapshot(db_path) == before  # no log row, no new state, no burial
    assert not session.can_undo and session.summary().reviewed == 0

    allow(db_path, "buried_until")
    again = session.next_card()
    assert again is not None and again.key == item.key  # the same card is still up
    session.answer(again, Rating.Good, duration_ms=3000)
    sibling = store.card("party", "sib-b")
    assert sibling is not None and sibling.buried_until is not None
    assert [r.card_id for r in store.card_history("party", "sib-a")] == ["sib-a"]


def test_a_refused_leech_suspension_rolls_the_answer_back(
    store: Store, db_path: Path, clock: Clock
) -> None:
    config = replace(CONFIG, leech_threshold=1, bury_siblings=False)
    session = StudySession(store, [cloze_deck()], config, clock)
    # a review card one lapse from being a leech
    state = CardState(
        status=CardStatus.REVIEW,
        stability=5.0,
        difficulty=6.0,
        due=clock.now,
        last_review=clock.now.replace(day=20),
        reps=4,
    )
    store.record_review("party", "trad-1", rating=3, kind="manual", after=state, now=clock.now)
    item = session.next_card()
    assert item is not None and item.card_id == "trad-1"
    before = snapshot(db_path)
    refuse(db_path, "suspended")
    with pytest.raises(StoreError, match="injected failure"):
        session.answer(item, Rating.Again, duration_ms=3000)
    assert snapshot(db_path) == before

    allow(db_path, "suspended")
    outcome = session.answer(item, Rating.Again, duration_ms=3000)
    assert outcome.became_leech and outcome.suspended
    row = store.card("party", "trad-1")
    assert row is not None and row.suspended and row.state.leech and row.state.lapses == 1


def test_an_answer_with_its_effects_is_one_commit(store: Store, clock: Clock) -> None:
    session = StudySession(store, [cloze_deck()], CONFIG, clock)
    item = session.next_card()
    assert item is not None and item.card_id == "sib-a"
    statements: list[str] = []
    store._db.conn.set_trace_callback(statements.append)
    try:
        session.answer(item, Rating.Good, duration_ms=3000)
    finally:
        store._db.conn.set_trace_callback(None)
    begins = [s for s in statements if s.startswith("BEGIN")]
    commits = [s for s in statements if s == "COMMIT"]
    assert len(begins) == 1 and len(commits) == 1
    # the sibling's burial was written inside that one transaction
    assert any(s.startswith("UPDATE cards SET buried_until") for s in statements)
    sibling = store.card("party", "sib-b")
    assert sibling is not None and sibling.buried_until is not None


def test_a_refused_undo_changes_nothing_and_can_be_retried(
    store: Store, db_path: Path, clock: Clock
) -> None:
    session = StudySession(store, [cloze_deck()], CONFIG, clock)
    item = session.next_card()
    assert item is not None and item.card_id == "sib-a"
    session.answer(item, Rating.Good, duration_ms=3000)
    before = snapshot(db_path)
    refuse(db_path, "buried_until")  # lifting the sibling's burial fails
    with pytest.raises(StoreError, match="injected failure"):
        session.undo()
    assert snapshot(db_path) == before and session.can_undo

    allow(db_path, "buried_until")
    back = session.undo()
    assert back is not None and back.key == item.key
    restored = store.card("party", "sib-a")
    sibling = store.card("party", "sib-b")
    assert restored is not None and restored.state.status == CardStatus.NEW
    assert sibling is not None and sibling.buried_until is None


def test_an_answer_answered_again_elsewhere_leaves_the_undo_stack(
    store: Store, db_path: Path, clock: Clock
) -> None:
    session = StudySession(store, [cloze_deck()], replace(CONFIG, bury_siblings=False), clock)
    first = session.next_card()
    assert first is not None
    session.answer(first, Rating.Good, duration_ms=1000)
    clock.advance(seconds=2)
    second = session.next_card()
    assert second is not None and second.key != first.key
    session.answer(second, Rating.Good, duration_ms=1000)
    with Store.open(db_path) as elsewhere:  # another process answers the same card again
        elsewhere.record_review(
            second.deck, second.card_id, rating=1, kind="learn", after=None, now=clock()
        )
    with pytest.raises(StoreError, match="not the latest answer"):
        session.undo()
    assert session.can_undo  # the earlier answer can still be taken back
    back = session.undo()
    assert back is not None and back.key == first.key
    row = store.card(first.deck, first.card_id)
    assert row is not None and row.state.status == CardStatus.NEW
    assert not session.can_undo
