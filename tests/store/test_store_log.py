"""The review log: answers committed with the card state, append-only triggers, undo that
restores the exact previous state, cram that leaves the schedule alone, sessions."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from quiz.store import SCHEMA_VERSION, CardState, CardStatus, Store, StoreError

SENTENCES = (
    "认真落实“{{c1::三会一课}}”、主题党日等制度",
    "坚持{{c1::纵向到底}}，實現黨的組織全覆蓋",
)


def _learning(now: datetime, stability: float = 2.3) -> CardState:
    return CardState(
        status=CardStatus.LEARNING,
        step=1,
        stability=stability,
        difficulty=5.1,
        due=now + timedelta(minutes=10),
        last_review=now,
        reps=1,
    )


@pytest.fixture
def card_id(store: Store, make_deck, now: datetime) -> str:
    store.sync_deck(make_deck("d", *SENTENCES), now=now)
    return store.new_cards(["d"], now=now, limit=1)[0].card_id


def test_record_review_commits_log_row_and_card_state(
    store: Store, card_id: str, now: datetime, db_path: Path
) -> None:
    session = store.start_session(["d"], now)
    after = _learning(now)
    review_id = store.record_review(
        "d",
        card_id,
        rating=3,
        kind="learn",
        after=after,
        now=now,
        utc_offset_min=480,
        session_id=session,
        duration_ms=4200,
        typed="三會一課",
        hints=1,
    )
    # Visible to another connection at once: committed before record_review returned.
    other = sqlite3.connect(db_path)
    row = other.execute(
        "SELECT rating, kind, state_before, state_after, typed, hints, utc_offset_min,"
        " duration_ms, session_id FROM review_log WHERE id = ?",
        (review_id,),
    ).fetchone()
    other.close()
    assert row == (3, "learn", 0, 1, "三會一課", 1, 480, 4200, session)
    card = store.card("d", card_id)
    assert card is not None and card.state == after
    logged = store.review(review_id)
    assert logged is not None
    assert logged.before == CardState() and logged.after == after
    assert logged.elapsed_days is None


def test_elapsed_days_come_from_the_previous_review(
    store: Store, card_id: str, now: datetime
) -> None:
    store.record_review("d", card_id, rating=3, kind="learn", after=_learning(now), now=now)
    later = now + timedelta(days=2, hours=12)
    second = store.record_review(
        "d", card_id, rating=3, kind="review", after=_learning(later), now=later
    )
    logged = store.review(second)
    assert logged is not None and logged.elapsed_days == pytest.approx(2.5)


@pytest.mark.parametrize(
    "statement",
    ["UPDATE review_log SET rating = 1", "DELETE FROM review_log", "DELETE FROM cards"],
)
def test_log_and_cards_refuse_rewrites(
    store: Store, card_id: str, now: datetime, db_path: Path, statement: str
) -> None:
    store.record_review("d", card_id, rating=3, kind="learn", after=_learning(now), now=now)
    conn = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.IntegrityError, match="never deleted|append-only"):
        conn.execute(statement)
    conn.rollback()
    assert conn.execute("SELECT count(*) FROM review_log").fetchone()[0] == 1
    assert conn.execute("SELECT rating FROM review_log").fetchone()[0] == 3
    conn.close()


def test_undo_restores_the_exact_previous_state(store: Store, card_id: str, now: datetime) -> None:
    first = _learning(now)
    store.record_review("d", card_id, rating=3, kind="learn", after=first, now=now)
    later = now + timedelta(minutes=11)
    lapsed = CardState(
        status=CardStatus.RELEARNING,
        step=0,
        stability=0.4,
        difficulty=7.25,
        due=later + timedelta(minutes=10),
        last_review=later,
        reps=2,
        lapses=1,
        leech=True,
    )
    second = store.record_review("d", card_id, rating=1, kind="relearn", after=lapsed, now=later)
    assert store.last_review() is not None and store.last_review().id == second  # type: ignore[union-attr]

    restored = store.undo_review(second, now=later + timedelta(seconds=5))
    assert restored == first
    card = store.card("d", card_id)
    assert card is not None and card.state == first  # floats, times, counters, leech

    history = store.card_history("d", card_id)
    assert [r.rating for r in history] == [3]
    full = store.card_history("d", card_id, include_undone=True)
    assert [(r.kind, r.undoes) for r in full] == [
        ("learn", None),
        ("relearn", None),
        ("undo", second),
    ]
    assert full[1].undone_by == full[2].id and not full[1].effective
    assert store.last_review() is not None and store.last_review().rating == 3  # type: ignore[union-attr]
    view = store._db.query("SELECT id FROM effective_reviews")
    assert [row[0] for row in view] == [history[0].id]

    with pytest.raises(StoreError, match="already undone"):
        store.undo_review(second, now=later)
    with pytest.raises(StoreError, match="undo marker"):
        store.undo_review(full[2].id, now=later)


def test_only_the_latest_answer_of_a_card_can_be_undone(
    store: Store, card_id: str, now: datetime
) -> None:
    first = store.record_review("d", card_id, rating=3, kind="learn", after=_learning(now), now=now)
    store.record_review(
        "d",
        card_id,
        rating=3,
        kind="learn",
        after=_learning(now, 3.0),
        now=now + timedelta(minutes=1),
    )
    with pytest.raises(StoreError, match="not the latest answer"):
        store.undo_review(first, now=now)


def test_cram_logs_the_answer_and_leaves_the_schedule(
    store: Store, card_id: str, now: datetime
) -> None:
    scheduled = _learning(now)
    store.record_review("d", card_id, rating=3, kind="learn", after=scheduled, now=now)
    cram = store.record_review(
        "d", card_id, rating=1, kind="cram", after=None, now=now + timedelta(hours=1)
    )
    card = store.card("d", card_id)
    assert card is not None and card.state == scheduled
    logged = store.review(cram)
    assert logged is not None and logged.before == logged.after == scheduled
    since = now - timedelta(hours=1)
    assert store.day_counts(["d"], since).answers == 1  # cram does not count


def test_bad_answers_are_refused(store: Store, card_id: str, now: datetime) -> None:
    with pytest.raises(StoreError, match="rating"):
        store.record_review("d", card_id, rating=5, kind="review", after=None, now=now)
    with pytest.raises(StoreError, match="kind"):
        store.record_review("d", card_id, rating=3, kind="bogus", after=None, now=now)  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="no card nope"):
        store.record_review("d", "nope", rating=3, kind="learn", after=None, now=now)
    with pytest.raises(ValueError, match="naive"):
        store.record_review(
            "d", card_id, rating=3, kind="learn", after=None, now=now.replace(tzinfo=None)
        )
    assert list(store.reviews()) == []


def test_sessions_record_their_counts(store: Store, card_id: str, now: datetime) -> None:
    session = store.start_session(["d"], now)
    store.record_review(
        "d",
        card_id,
        rating=3,
        kind="learn",
        after=_learning(now),
        now=now,
        session_id=session,
        duration_ms=3000,
    )
    later = now + timedelta(minutes=10)
    undone = store.record_review(
        "d",
        card_id,
        rating=1,
        kind="learn",
        after=_learning(later),
        now=later,
        session_id=session,
        duration_ms=5000,
    )
    store.undo_review(undone, now=later)
    ended = store.end_session(session, now + timedelta(minutes=20))
    assert ended.ended_at == now + timedelta(minutes=20)
    assert ended.decks == ("d",)
    assert ended.counts["answers"] == 1 and ended.counts["new"] == 1
    assert ended.counts["good"] == 1 and ended.counts["again"] == 0
    assert ended.counts["undone"] == 1 and ended.counts["duration_ms"] == 3000
    assert store.sessions() == [ended]


def test_a_picked_answer_is_logged_as_a_choice_and_v9_rows_read_as_typed(
    db_path: Path, now: datetime, make_deck
) -> None:
    """Migration 10 adds `choice` to the log without touching a row: answers logged by a
    version-9 quiz read back as typed, a picked answer as a choice; undo keeps both."""
    with Store.open(db_path, now=now) as store:
        store.sync_deck(make_deck("d", *SENTENCES), now=now)
        first, second = (row.card_id for row in store.new_cards(["d"], now=now, limit=2))
        store.record_review(
            "d", first, rating=3, kind="learn", after=_learning(now), now=now, typed="三会一课"
        )
    # Back to version 9 by hand: the log as that quiz wrote it, one typed answer in it.
    conn = sqlite3.connect(db_path)
    conn.execute("ALTER TABLE review_log DROP COLUMN choice")
    conn.execute("ALTER TABLE cards DROP COLUMN flag")  # migration 11
    conn.execute("PRAGMA user_version = 9")
    conn.commit()
    conn.close()

    with Store.open(db_path, now=now) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert [(r.typed, r.choice) for r in store.card_history("d", first)] == [
            ("三会一课", False)
        ]
        review_id = store.record_review(
            "d", second, rating=3, kind="learn", after=_learning(now), now=now, choice=True
        )
        assert store.review(review_id).choice is True  # type: ignore[union-attr]
        store.undo_review(review_id, now=now + timedelta(seconds=5))
        history = store.card_history("d", second, include_undone=True)
        assert [(r.kind, r.choice) for r in history] == [("learn", True), ("undo", False)]
        with pytest.raises(sqlite3.DatabaseError):
            store._db.conn.execute("UPDATE review_log SET choice = 0")
    assert list(db_path.parent.glob("quiz.db.bak-v9-*"))  # backed up before migrating
