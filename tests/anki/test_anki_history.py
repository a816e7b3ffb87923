"""`quiz export anki --with-history`: cards studied in quiz (its real engine and database)
arrive in Anki, imported with their scheduling, due on the same days (learning steps at
the same second), with the answers in Anki's review log; cards never studied stay new."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from anki_helpers import check_database, fresh_collection, import_apkg

from quiz.config import Config
from quiz.deck import load_deck
from quiz.export.history import anki_cards
from quiz.session import StudySession
from quiz.srs import day_index
from quiz.store import Store

SHAPES = Path(__file__).parent / "fixtures" / "shapes.yaml"
CONFIG = Config(new_per_day=2, enable_fuzzing=False)


def _study(db: Path, deck_file: Path) -> int:
    """Study the deck in quiz over the last 3 days (two new cards a day, an Again now
    and then) up to now; returns the number of answers."""
    deck = load_deck(deck_file)
    now = datetime.now(UTC).replace(microsecond=0)
    clock = [now - timedelta(days=3)]
    answers = 0
    with Store.open(db) as store:
        session = StudySession(store, [deck], CONFIG, lambda: clock[0])
        while clock[0] < now - timedelta(minutes=30):
            item = session.next_card()
            if item is None:
                following = store.next_due([deck.name], now=clock[0])
                if following is None or following > now - timedelta(minutes=30):
                    break
                clock[0] = max(clock[0] + timedelta(minutes=1), following)
                continue
            rating = 1 if answers % 5 == 4 else 3
            session.answer(item, rating, duration_ms=4000 + answers)
            answers += 1
            clock[0] += timedelta(seconds=20)
        session.close()
    return answers


def test_the_schedule_and_log_cross_to_anki(tmp_path: Path) -> None:
    db = tmp_path / "quiz.db"
    answers = _study(db, SHAPES)
    assert answers > 10
    env = {**os.environ, "QUIZ_CONFIG": str(tmp_path / "config.toml")}
    (tmp_path / "config.toml").write_text("[limits]\nnew_per_day = 2\n", encoding="utf-8")
    out = tmp_path / "shapes.apkg"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "quiz",
            "--db",
            str(db),
            "export",
            "anki",
            str(SHAPES),
            "-o",
            str(out),
            "--with-history",
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "answers in the review log" in result.stdout

    col = fresh_collection(tmp_path / "anki")
    import_apkg(col, out, with_scheduling=True)
    assert check_database(col) == []
    deck = load_deck(SHAPES)
    places = anki_cards(deck)
    now = datetime.now(UTC)
    with Store.open(db) as store:
        rows = {row.card_id: row for row in store.cards([deck.name])}
        logged = {card_id: len(store.card_history(deck.name, card_id)) for card_id in rows}
    seen_review = seen_new = 0
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        card_id = places[(card.note().guid, card.ord)]
        state = rows[card_id].state
        revlog = col.db.scalar("SELECT count() FROM revlog WHERE cid = ?", cid)
        if state.due is None:
            assert card.type == 0 and revlog == 0
            seen_new += 1
            continue
        assert revlog == logged[card_id]
        assert (card.queue == -1) == rows[card_id].suspended  # a leech stays suspended
        if card.due > 1_000_000_000:  # a learning step within the day: the same second
            assert card.type in (1, 3) and card.due == int(state.due.timestamp())
        else:
            days = day_index(state.due, CONFIG) - day_index(now, CONFIG)
            assert card.due - col.sched.today == days, card_id
            seen_review += card.type == 2
        assert card.memory_state is not None
        assert abs(card.memory_state.stability - (state.stability or 0)) < 0.01
    assert seen_review and seen_new
    col.close()
