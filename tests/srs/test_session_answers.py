"""StudySession answers on a real store file: the library's intervals, undo of the exact
state, leeches, cram that leaves schedules alone, button labels and the summary."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, timedelta
from pathlib import Path

import fsrs
import pytest
from srs_helpers import Clock, cloze_deck, numbered_deck

from quiz.config import Config
from quiz.session import Counts, QueueItem, StudySession
from quiz.srs import Rating
from quiz.store import CardStatus, Store, StoreError

CONFIG = Config(timezone=UTC, enable_fuzzing=False)


def next_item(session: StudySession) -> QueueItem:
    item = session.next_card()
    assert item is not None
    return item


def test_intervals_equal_the_librarys_for_a_scripted_history(store: Store, clock: Clock) -> None:
    deck = numbered_deck("one", 1)
    session = StudySession(store, [deck], CONFIG, clock)
    library = fsrs.Scheduler(enable_fuzzing=False)
    card = fsrs.Card(card_id=1, due=clock())
    script = [
        (Rating.Good, 0),
        (Rating.Good, 0),
        (Rating.Good, 2),
        (Rating.Again, 0),
        (Rating.Hard, 0),
        (Rating.Good, 0),
        (Rating.Easy, 5),
        (Rating.Good, 0),
    ]
    for rating, days_late in script:
        item = next_item(session)
        clock.set(max(clock(), item.due or clock()) + timedelta(days=days_late))
        outcome = session.answer(item, rating, duration_ms=3000)
        card, _ = library.review_card(card, rating, clock())
        row = store.card("one", item.card_id)
        assert row is not None
        assert row.state.due == card.due == outcome.next_due
        assert row.state.stability == card.stability
        assert row.state.difficulty == card.difficulty
        assert int(row.state.status) == int(card.state) and row.state.step == card.step
        clock.set(card.due)
    assert row.state.reps == len(script) and row.state.lapses == 1


def test_button_labels_preview_each_rating(store: Store, clock: Clock) -> None:
    session = StudySession(store, [numbered_deck("d", 2)], CONFIG, clock)
    item = next_item(session)
    labels = session.next_intervals(item)
    assert labels[Rating.Again] == "1m"
    assert labels[Rating.Hard] == "6m"
    assert labels[Rating.Good] == "10m"
    assert labels[Rating.Easy].endswith("d")
    assert store.card("d", item.card_id).state == item.state  # type: ignore[union-attr]
    assert session.answer(item, Rating.Easy, duration_ms=1).interval == labels[Rating.Easy]


def test_undo_restores_the_exact_state_and_keeps_both_log_rows(store: Store, clock: Clock) -> None:
    deck = numbered_deck("d", 3)
    session = StudySession(store, [deck], CONFIG, clock)
    item = next_item(session)
    session.answer(item, Rating.Easy, duration_ms=1000)
    clock.set(store.card("d", item.card_id).state.due)  # type: ignore[union-attr]
    review = next_item(session)
    assert review.key == item.key and review.kind == "review"
    before = store.card("d", review.card_id)
    assert before is not None
    counts = session.counts()
    session.answer(review, Rating.Again, duration_ms=1000)
    after = store.card("d", review.card_id)
    assert after is not None and after.state.lapses == 1
    assert after.state.status == CardStatus.RELEARNING
    restored = session.undo()
    assert restored is not None and restored.key == review.key
    assert restored.kind == "review"
    current = store.card("d", review.card_id)
    assert current is not None
    assert current.state == before.state, "every field of the state is back"
    assert current == before
    assert session.counts() == counts
    assert session.next_card() == restored, "the undone card comes back first"
    rows = list(store.reviews(["d"], include_undone=True))
    assert [row.kind for row in rows] == ["learn", "review", "undo"]
    assert rows[2].undoes == rows[1].id
    assert rows[1].before == before.state and rows[1].after == after.state
    assert [row.kind for row in store.reviews(["d"])] == ["learn"]


def test_undo_of_a_new_card_gives_back_the_new_count(store: Store, clock: Clock) -> None:
    session = StudySession(store, [numbered_deck("d", 3)], replace(CONFIG, new_per_day=1), clock)
    item = next_item(session)
    session.answer(item, Rating.Good, duration_ms=1000)
    assert session.counts() == Counts(new=0, learning=1)
    assert session.undo() is not None
    assert session.counts() == Counts(new=1, learning=0)
    assert store.card("d", item.card_id).state == item.state  # type: ignore[union-attr]
    assert session.undo() is None, "nothing more to undo"


def test_several_undos_go_back_in_order(store: Store, clock: Clock) -> None:
    session = StudySession(store, [numbered_deck("d", 3)], CONFIG, clock)
    items = []
    for _ in range(3):
        item = next_item(session)
        items.append(item)
        session.answer(item, Rating.Easy, duration_ms=1000)
    for item in reversed(items):
        back = session.undo()
        assert back is not None and back.key == item.key
        assert back.state == item.state
    assert session.summary().reviewed == 0
    assert not session.can_undo


def play_until_lapses(
    session: StudySession, store: Store, clock: Clock, lapses: int
) -> list[tuple[int, bool, bool]]:
    """Forget the single card `lapses` times; (lapses, became_leech, suspended) per lapse."""
    events = []
    item = next_item(session)
    session.answer(item, Rating.Easy, duration_ms=1000)
    while len(events) < lapses:
        row = store.card(item.deck, item.card_id)
        assert row is not None and row.state.due is not None
        clock.set(max(clock(), row.state.due))
        item = next_item(session)
        if item.state.status == CardStatus.REVIEW:
            outcome = session.answer(item, Rating.Again, duration_ms=1000)
            events.append((item.state.lapses + 1, outcome.became_leech, outcome.suspended))
        else:
            session.answer(item, Rating.Good, duration_ms=1000)
    return events


def test_eighth_lapse_tags_and_suspends_a_leech(store: Store, clock: Clock) -> None:
    session = StudySession(store, [numbered_deck("d", 1)], CONFIG, clock)
    events = play_until_lapses(session, store, clock, 8)
    assert [e[0] for e in events] == list(range(1, 9))
    assert [e[1] for e in events] == [False] * 7 + [True]
    assert events[-1][2] is True
    row = store.card("d", "d000")
    assert row is not None and row.state.leech and row.suspended and row.state.lapses == 8
    clock.advance(minutes=30)
    assert session.next_card() is None
    back = session.undo()
    assert back is not None
    row = store.card("d", "d000")
    assert row is not None and not row.state.leech and not row.suspended
    assert row.state.lapses == 7


def test_leech_can_be_tagged_without_suspending(store: Store, clock: Clock) -> None:
    config = replace(CONFIG, leech_action="tag", leech_threshold=3)
    session = StudySession(store, [numbered_deck("d", 1)], config, clock)
    events = play_until_lapses(session, store, clock, 3)
    assert events[-1] == (3, True, False)
    row = store.card("d", "d000")
    assert row is not None and row.state.leech and not row.suspended
    clock.advance(minutes=10)
    assert next_item(session).card_id == "d000"


def test_cram_never_changes_schedules_and_logs_cram(store: Store, clock: Clock) -> None:
    deck = cloze_deck()
    normal = StudySession(store, [deck], CONFIG, clock)
    for _ in range(2):
        normal.answer(next_item(normal), Rating.Easy, duration_ms=1000)
    normal.close()
    states = {row.key: (row.state, row.suspended, row.buried_until) for row in store.cards()}
    clock.advance(hours=1)
    cram = StudySession(store, [deck], CONFIG, clock, cram=True)
    assert cram.counts() == Counts(review=len(deck.cards))
    assert set(cram.next_intervals(next_item(cram)).values()) == {"again", "done"}
    seen = []
    ratings = [Rating.Again, Rating.Good, Rating.Hard, Rating.Easy]
    while (item := cram.next_card()) is not None:
        assert item.kind == "cram"
        outcome = cram.answer(item, ratings[len(seen) % 4], duration_ms=800)
        assert outcome.next_due == item.state.due
        seen.append(item.card_id)
        assert len(seen) < 50
    assert len(seen) > len(deck.cards), "Again brings a card back"
    assert {row.key: (row.state, row.suspended, row.buried_until) for row in store.cards()} == (
        states
    )
    cram_rows = [row for row in store.reviews() if row.session_id == cram.session_id]
    assert len(cram_rows) == len(seen) and {row.kind for row in cram_rows} == {"cram"}
    cram.close()
    assert store.session(cram.session_id).kind == "cram"  # type: ignore[union-attr]
    after = StudySession(store, [deck], CONFIG, clock)
    assert after.counts().new == 3, "cram answers do not use up the daily new cards"


def test_cram_a_selection_and_undo_in_cram(store: Store, clock: Clock) -> None:
    deck = cloze_deck()
    picked = [("party", "trad-1"), ("party", "match-1")]
    cram = StudySession(store, [deck], CONFIG, clock, cram=True, cram_cards=picked)
    first = next_item(cram)
    assert first.key == picked[0]
    cram.answer(first, Rating.Good, duration_ms=500)
    assert cram.counts() == Counts(review=1)
    back = cram.undo()
    assert back is not None and back.key == first.key and back.kind == "cram"
    assert cram.counts() == Counts(review=2)
    assert next_item(cram).key == first.key
    with pytest.raises(StoreError, match="no active card"):
        StudySession(store, [deck], CONFIG, clock, cram=True, cram_cards=[("party", "nope")])


def test_summary_counts_answers_types_and_time(store: Store, clock: Clock) -> None:
    deck = cloze_deck()
    session = StudySession(store, [deck], replace(CONFIG, bury_siblings=False), clock)
    ratings = [Rating.Again, Rating.Good, Rating.Hard, Rating.Easy, Rating.Good, Rating.Good]
    for rating in ratings:
        session.answer(next_item(session), rating, duration_ms=2000)
    clock.advance(minutes=1)
    summary = session.summary()
    assert summary.reviewed == 6
    assert summary.correct == 5 and summary.again == 1
    assert summary.by_type == {"cloze": 5, "match": 1}
    assert summary.by_kind == {"new": 6}
    assert summary.time_spent == timedelta(seconds=12)
    assert summary.accuracy == pytest.approx(5 / 6)
    first_due = min(row.state.due for row in store.cards() if row.state.due is not None)
    assert summary.next_due == first_due
    session.undo()
    assert session.summary().reviewed == 5


def test_closed_session_refuses_answers_and_records_its_end(store: Store, clock: Clock) -> None:
    session = StudySession(store, [numbered_deck("d", 2)], CONFIG, clock)
    item = next_item(session)
    session.answer(item, Rating.Good, typed="答案0", duration_ms=4000, hints=1)
    clock.advance(minutes=3)
    session.close()
    session.close()
    ended = store.session(session.session_id)
    assert ended is not None and ended.ended_at == clock()
    assert ended.counts["answers"] == 1
    logged = next(iter(store.reviews(["d"])))
    assert (logged.typed, logged.hints, logged.duration_ms) == ("答案0", 1, 4000)
    with pytest.raises(RuntimeError, match="closed"):
        session.answer(item, Rating.Good, duration_ms=1)


def test_local_utc_offset_is_logged(store: Store, clock: Clock) -> None:
    from zoneinfo import ZoneInfo

    config = replace(CONFIG, timezone=ZoneInfo("Asia/Shanghai"))
    session = StudySession(store, [numbered_deck("d", 1)], config, clock)
    session.answer(next_item(session), Rating.Good, duration_ms=10)
    assert next(iter(store.reviews(["d"]))).utc_offset_min == 480


def test_fuzzed_schedules_are_reproducible(tmp_path: Path, clock: Clock) -> None:
    fuzzy = replace(CONFIG, enable_fuzzing=True)
    dues = []
    for run in range(2):
        run_clock = Clock(clock())
        with Store.open(tmp_path / f"run{run}.db") as store:
            session = StudySession(store, [numbered_deck("d", 5)], fuzzy, run_clock)
            for _ in range(5):
                session.answer(next_item(session), Rating.Easy, duration_ms=10)
            dues.append(sorted((row.card_id, row.state.due) for row in store.cards()))
    assert dues[0] == dues[1]


def test_undo_takes_back_a_suspend_or_a_bury(store: Store, clock: Clock) -> None:
    session = StudySession(store, [numbered_deck("d", 3)], CONFIG, clock)
    first = next_item(session)
    session.suspend(first)
    second = next_item(session)
    session.bury(second)
    assert session.counts() == Counts(new=1)
    back = session.undo()
    assert back is not None and back.key == second.key
    assert store.card("d", second.card_id).buried_until is None  # type: ignore[union-attr]
    assert session.next_card() == back
    back = session.undo()
    assert back is not None and back.key == first.key
    assert not store.card("d", first.card_id).suspended  # type: ignore[union-attr]
    assert session.counts() == Counts(new=3)
    assert session.undo() is None
    assert [row.kind for row in store.reviews(include_undone=True)] == [], "flags are not answers"


def test_a_bad_cram_selection_records_no_session(store: Store, clock: Clock) -> None:
    with pytest.raises(StoreError, match="no active card"):
        StudySession(store, [cloze_deck()], CONFIG, clock, cram=True, cram_cards=[("x", "y")])
    assert store.sessions() == []


def test_a_negative_duration_is_logged_as_zero(store: Store, clock: Clock) -> None:
    session = StudySession(store, [numbered_deck("d", 1)], CONFIG, clock)
    session.answer(next_item(session), Rating.Good, duration_ms=-250)
    assert next(iter(store.reviews(["d"]))).duration_ms == 0
    with pytest.raises(ValueError):
        session.answer(next_item(session), 5, duration_ms=10)
