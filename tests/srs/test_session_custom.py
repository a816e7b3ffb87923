"""Custom study (`quiz.custom`, `StudySession(custom=...)`): the cards a search selects,
answered as real reviews where due today and as cram answers otherwise; nothing else
about a schedule changes."""

from __future__ import annotations

from datetime import UTC, timedelta

from srs_helpers import Clock, numbered_deck

from quiz.config import Config
from quiz.custom import (
    FAILED_TODAY,
    section_query,
    select_cards,
    study_ahead,
    weakest_section,
)
from quiz.deck import ClozeCard, Deck
from quiz.session import StudySession
from quiz.srs import Rating
from quiz.store import CardStatus, Store

CONFIG = Config(timezone=UTC, enable_fuzzing=False)


def graduate(store: Store, clock: Clock, deck_cards: int = 4) -> tuple[list[str], list[str]]:
    """Cards d000, d001 answered Easy now, d002, d003 five days later: when the first
    pair falls due, the second is not. Returns the two pairs of ids."""
    deck = numbered_deck("d", deck_cards)
    with StudySession(store, [deck], CONFIG, clock) as session:
        for step in range(deck_cards):
            if step == 2:
                clock.advance(days=5)
            item = session.next_card()
            assert item is not None
            session.answer(item, Rating.Easy, duration_ms=1000)
    rows = {row.card_id: row for row in store.cards(["d"])}
    first = sorted(rows)[:2]
    second = sorted(rows)[2:4]
    due = rows[first[0]].state.due
    assert due is not None and due < (rows[second[0]].state.due or due)
    clock.set(due + timedelta(minutes=1))
    return first, second


def test_due_cards_are_real_reviews_and_the_others_are_crammed(store: Store, clock: Clock) -> None:
    first, second = graduate(store, clock)
    before = {row.card_id: row.state for row in store.cards(["d"])}
    chosen = select_cards(store, ["d"], "", clock(), CONFIG)
    assert [card for _deck, card in chosen.keys] == [*first, *second], "due cards first"
    assert (chosen.due, chosen.crammed) == (2, 2)
    with StudySession(
        store, ["d"], CONFIG, clock, cram_cards=chosen.keys, custom=chosen.query
    ) as session:
        kinds = []
        while (item := session.next_card()) is not None:
            kinds.append(item.kind)
            labels = session.next_intervals(item)
            assert (labels[Rating.Good] == "done") == (item.kind == "cram")
            session.answer(item, Rating.Good, duration_ms=2000)
        summary = session.summary()
    assert kinds == ["review", "review", "cram", "cram"]
    assert summary.by_kind == {"review": 2, "cram": 2}
    after = {row.card_id: row.state for row in store.cards(["d"])}
    for card in first:
        assert after[card].reps == before[card].reps + 1 and after[card].due != before[card].due
    for card in second:
        assert after[card] == before[card], "a crammed card keeps its schedule"
    logged = {
        review.card_id: review.kind
        for review in store.reviews(decks=["d"], since=clock() - timedelta(hours=1))
    }
    assert logged == {first[0]: "review", first[1]: "review", second[0]: "cram", second[1]: "cram"}
    session_row = store.sessions()[-1]
    assert session_row.kind == "study"


def test_a_new_card_is_crammed_and_stays_new(store: Store, clock: Clock) -> None:
    deck = numbered_deck("d", 3)
    store.sync_deck(deck, now=clock())
    chosen = select_cards(store, ["d"], "is:new", clock(), CONFIG)
    assert chosen.due == 0 and len(chosen.keys) == 3
    with StudySession(store, ["d"], CONFIG, clock, cram_cards=chosen.keys, custom="is:new") as s:
        item = s.next_card()
        assert item is not None and item.kind == "cram"
        s.answer(item, Rating.Again, duration_ms=1000)  # comes back after a few cards
        order = []
        while (item := s.next_card()) is not None:
            order.append(item.card_id)
            s.answer(item, Rating.Good, duration_ms=1000)
    assert order == ["d001", "d002", "d000"]
    assert all(row.state.status == CardStatus.NEW for row in store.cards(["d"]))
    assert store.day_counts(["d"], clock() - timedelta(hours=1)).introduced == 0


def test_undo_of_a_real_review_in_a_custom_session_restores_card_and_queue(
    store: Store, clock: Clock
) -> None:
    first, _second = graduate(store, clock)
    state = store.card("d", first[0]).state  # type: ignore[union-attr]
    chosen = select_cards(store, ["d"], "is:due", clock(), CONFIG)
    assert [card for _deck, card in chosen.keys] == first
    with StudySession(store, ["d"], CONFIG, clock, cram_cards=chosen.keys, custom="is:due") as s:
        item = s.next_card()
        assert item is not None and item.card_id == first[0] and item.kind == "review"
        s.answer(item, Rating.Again, duration_ms=1000)
        assert store.card("d", first[0]).state.lapses == state.lapses + 1  # type: ignore[union-attr]
        back = s.undo()
        assert back is not None and back.card_id == first[0]
        assert store.card("d", first[0]).state == state  # type: ignore[union-attr]
        assert s.counts().review == 2


def test_suspended_and_buried_cards_are_left_out_and_said_so(store: Store, clock: Clock) -> None:
    deck = numbered_deck("d", 3)
    store.sync_deck(deck, now=clock())
    store.set_suspended("d", ["d000"], True)
    store.bury("d", ["d001"], clock() + timedelta(hours=3))
    chosen = select_cards(store, ["d"], "", clock(), CONFIG)
    assert [card for _deck, card in chosen.keys] == ["d002"]
    assert (chosen.matched, chosen.suspended, chosen.buried) == (3, 1, 1)
    assert (
        chosen.describe()
        == "1 card: 0 due (real reviews), 1 crammed (1 suspended, 1 buried left out)"
    )


def test_presets_failed_today_and_study_ahead(store: Store, clock: Clock) -> None:
    first, second = graduate(store, clock)
    assert select_cards(store, ["d"], FAILED_TODAY, clock(), CONFIG).keys == ()
    with StudySession(store, ["d"], CONFIG, clock) as session:
        item = session.next_card()
        assert item is not None
        session.answer(item, Rating.Again, duration_ms=1000)
    failed = select_cards(store, ["d"], FAILED_TODAY, clock(), CONFIG)
    assert [card for _deck, card in failed.keys] == [item.card_id]
    assert failed.due == 1, "relearning, due again in minutes: a real review"
    rows = {row.card_id: row for row in store.cards(["d"])}
    later = rows[second[0]].state.due
    assert later is not None
    days = (later - clock()).days + 1
    ahead = select_cards(store, ["d"], study_ahead(days), clock(), CONFIG)
    assert {card for _deck, card in ahead.keys} == {*first, *second}
    assert ahead.crammed == 2, "the cards due later are crammed"
    assert select_cards(store, ["d"], study_ahead(1), clock(), CONFIG).crammed == 0


def test_weakest_section_is_the_lowest_true_retention(store: Store, clock: Clock) -> None:
    cards = [
        ClozeCard(
            id=f"{section}{n}", text=f"{section}第{n}句：{{{{c1::答{n}}}}}。", section=section
        )
        for section in ("甲", "乙")
        for n in range(2)
    ]
    deck = Deck(name="s", title="s", cards=tuple(cards))
    assert weakest_section(store, ["s"]) is None, "nothing answered yet"
    with StudySession(store, [deck], CONFIG, clock) as session:
        while (item := session.next_card()) is not None:
            session.answer(item, Rating.Easy, duration_ms=1000)
    clock.advance(days=60)  # every card due: a review answer each, 乙's failed
    with StudySession(store, [deck], CONFIG, clock) as session:
        while (item := session.next_card()) is not None and item.kind == "review":
            rating = Rating.Again if item.card_id.startswith("乙") else Rating.Good
            session.answer(item, rating, duration_ms=1000)
    weakest = weakest_section(store, ["s"])
    assert weakest is not None and weakest[:2] == ("s", "乙") and weakest[2] == 0.0
    chosen = select_cards(store, ["s"], section_query("乙"), clock(), CONFIG)
    assert [card for _deck, card in chosen.keys] == ["乙0", "乙1"]
