"""Any sequence of study actions on a real store file keeps the session's promises: daily
limits hold, suspended and buried cards never come up, undo gives back the exact state,
the log only grows, and the counts agree with what the queue offers (the learning count,
carried from answer to answer, with a count of the store)."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from srs_helpers import Clock, cloze_deck

from quiz.config import Config
from quiz.session import StudySession
from quiz.srs import Rating, day_start
from quiz.store import CardStatus, Store
from quiz.store.queue import count_due

CONFIG = Config(timezone=UTC, new_per_day=3, reviews_per_day=4, enable_fuzzing=True)
LEARNING = (CardStatus.LEARNING, CardStatus.RELEARNING)

actions = st.lists(
    st.one_of(
        st.tuples(st.just("answer"), st.sampled_from(list(Rating))),
        st.tuples(st.just("undo"), st.none()),
        st.tuples(st.just("suspend"), st.none()),
        st.tuples(st.just("bury"), st.none()),
        st.tuples(st.just("wait"), st.sampled_from([1, 10, 60, 60 * 20, 60 * 24 * 3])),
        st.tuples(st.just("reopen"), st.none()),
    ),
    min_size=1,
    max_size=30,
)


# A short learn-ahead: learning cards due in 10 minutes enter the window as time passes.
@pytest.mark.parametrize("config", [CONFIG, replace(CONFIG, learn_ahead=timedelta(minutes=2))])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(script=actions)
def test_any_sequence_of_actions_keeps_the_promises(
    config: Config, script: list[tuple[str, object]]
) -> None:
    deck = cloze_deck(extra=4)
    clock = Clock(datetime(2026, 11, 26, 9, 0, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "quiz.db"
        store = Store.open(path)
        session = StudySession(store, [deck], config, clock)
        undo_stack: list[tuple[tuple[str, str], object]] = []
        log_size = 0
        try:
            for action, argument in script:
                item = session.next_card()
                counts = session.counts()
                assert (item is None) == (counts.total == 0)
                # the learning count the session carries forward is the store's
                cutoff = clock() + config.learn_ahead + timedelta(milliseconds=1)
                whole = count_due(store, None, cutoff, now=clock(), statuses=LEARNING)
                assert counts.learning == whole
                if item is not None:
                    row = store.card(item.deck, item.card_id)
                    assert row is not None and row.active and not row.suspended
                    assert row.buried_until is None or row.buried_until <= clock()
                    assert row.state == item.state
                    if item.kind == "new":
                        assert counts.new > 0
                    if item.kind == "review":
                        assert counts.review > 0
                if action == "answer" and item is not None:
                    assert isinstance(argument, Rating)
                    session.answer(item, argument, duration_ms=1000)
                    undo_stack.append((item.key, item.state))
                elif action == "undo":
                    restored = session.undo()
                    if undo_stack:
                        key, state = undo_stack.pop()
                        assert restored is not None and restored.key == key
                        assert restored.state == state
                        assert session.next_card() == restored
                    else:
                        assert restored is None
                elif action == "suspend" and item is not None:
                    session.suspend(item)
                    undo_stack.append((item.key, item.state))
                elif action == "bury" and item is not None:
                    session.bury(item)
                    undo_stack.append((item.key, item.state))
                elif action == "wait":
                    assert isinstance(argument, int)
                    clock.advance(minutes=argument)
                elif action == "reopen":
                    session.close()
                    store.close()
                    store = Store.open(path)
                    session = StudySession(store, [deck], config, clock)
                    undo_stack.clear()
                rows = list(store.reviews(include_undone=True))
                assert len(rows) >= log_size, "the log only grows"
                log_size = len(rows)
                done = store.day_counts(None, day_start(clock(), config))
                assert done.introduced <= config.new_per_day
                assert done.reviews <= config.reviews_per_day
                for card in store.cards():
                    if card.state.status != CardStatus.NEW:
                        assert card.state.reps >= 1 and card.state.due is not None
        finally:
            session.close()
            store.close()


def test_wait_until_tomorrow_brings_new_cards_back() -> None:
    deck = cloze_deck(extra=4)
    clock = Clock(datetime(2026, 11, 26, 9, 0, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as folder:
        with Store.open(Path(folder) / "quiz.db") as store:
            session = StudySession(store, [deck], CONFIG, clock)
            while (item := session.next_card()) is not None:
                session.answer(item, Rating.Easy, duration_ms=100)
            assert session.counts().new == 0
            clock.advance(days=1)
            assert session.counts().new == CONFIG.new_per_day
            assert session.summary().reviewed == 3
            assert session.summary().next_due is not None
            assert session.summary().next_due <= clock() + timedelta(days=30)
