"""The queries the study engine runs: due and new cards (suspended, buried, retired and
sibling-answered cards left out), ordering, counts per deck and per day, last studied."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from quiz.store import CardState, CardStatus, Store

# Two cards from one sentence (siblings), in both scripts, plus singles.
DECK_A = (
    "认真落实“{{c1::三会一课}}”、主题党日等制度",
    "认真落实“三会一课”、{{c1::主题党日}}等制度",
    "堅持{{c1::縱向到底}}，實現黨的組織全覆蓋",
    "把{{c1::牛鼻子}}牢牢抓在手上",
)
DECK_B = ("树牢{{c1::四个意识}}，坚定四个自信", "推行{{c1::揭榜挂帅}}机制")


@pytest.fixture
def ids(store: Store, make_deck, now: datetime) -> list[str]:
    store.sync_deck(make_deck("a", *DECK_A), now=now)
    store.sync_deck(make_deck("b", *DECK_B), now=now)
    return [c.card_id for c in store.cards(["a"])]


def _review(
    store: Store,
    deck: str,
    card_id: str,
    now: datetime,
    *,
    due: datetime,
    stability: float = 3.0,
    last: datetime | None = None,
    status: CardStatus = CardStatus.REVIEW,
) -> None:
    state = CardState(
        status=status, stability=stability, difficulty=5.0, due=due, last_review=last or now, reps=1
    )
    store.record_review(deck, card_id, rating=3, kind="learn", after=state, now=last or now)


def test_new_cards_come_in_position_order_deck_by_deck(
    store: Store, ids: list[str], now: datetime
) -> None:
    assert [c.card_id for c in store.new_cards(["a"], now=now, limit=3)] == ids[:3]
    both = store.new_cards(["b", "a"], now=now, limit=4)
    assert [c.deck for c in both] == ["b", "b", "a", "a"]
    assert store.new_cards(["a"], now=now, limit=0) == []


def test_due_cards_leave_out_suspended_buried_retired_and_new(
    store: Store, ids: list[str], now: datetime, make_deck
) -> None:
    for card_id in ids:
        _review(store, "a", card_id, now - timedelta(days=3), due=now - timedelta(hours=1))
    store.set_suspended("a", [ids[0]])
    store.bury("a", [ids[1]], until=now + timedelta(hours=2))
    store.sync_deck(make_deck("a", *DECK_A[:3]), now=now)  # retires ids[3]
    due = store.due_cards(["a", "b"], before=now, now=now)
    assert [c.card_id for c in due] == [ids[2]]
    unburied = store.due_cards(["a"], before=now, now=now + timedelta(hours=3))
    assert {c.card_id for c in unburied} == {ids[1], ids[2]}
    store.set_suspended("a", [ids[0]], suspended=False)
    store.bury("a", [ids[1]], until=None)
    assert {c.card_id for c in store.due_cards(["a"], before=now, now=now)} == set(ids[:3])


def test_due_cards_by_status_and_by_retrievability(
    store: Store, ids: list[str], now: datetime
) -> None:
    day = timedelta(days=1)
    # elapsed/stability: ids[0] 10/20 = 0.5, ids[1] 4/2 = 2.0, ids[2] 6/6 = 1.0
    _review(store, "a", ids[0], now, due=now - 3 * day, stability=20, last=now - 10 * day)
    _review(store, "a", ids[1], now, due=now - 1 * day, stability=2, last=now - 4 * day)
    _review(store, "a", ids[2], now, due=now - 2 * day, stability=6, last=now - 6 * day)
    _review(store, "a", ids[3], now, due=now + timedelta(minutes=5), status=CardStatus.LEARNING)
    reviews = [CardStatus.REVIEW]
    by_due = store.due_cards(["a"], before=now + day, now=now, statuses=reviews)
    assert [c.card_id for c in by_due] == [ids[0], ids[2], ids[1]]
    by_r = store.due_cards(
        ["a"], before=now + day, now=now, statuses=reviews, order="retrievability", limit=2
    )
    assert [c.card_id for c in by_r] == [ids[1], ids[2]]
    learning = store.due_cards(
        ["a"],
        before=now + timedelta(minutes=10),
        now=now,
        statuses=[CardStatus.LEARNING, CardStatus.RELEARNING],
    )
    assert [c.card_id for c in learning] == [ids[3]]
    assert store.next_due(["a"], now=now) == now - 3 * day


def test_siblings_answered_today_are_left_out(store: Store, ids: list[str], now: datetime) -> None:
    day_start = now - timedelta(hours=4)
    _review(store, "a", ids[0], now, due=now + timedelta(minutes=1), status=CardStatus.LEARNING)
    answered = store.siblings_answered_since(["a"], day_start)
    sibling_key = store.cards(["a"])[0].sibling_key
    assert answered == {("a", sibling_key): {ids[0]}}
    fresh = store.new_cards(["a"], now=now, limit=10, bury_siblings_since=day_start)
    assert [c.card_id for c in fresh] == [ids[2], ids[3]]  # ids[1] is ids[0]'s sibling
    # the answered card itself still comes back in the learning queue
    learning = store.due_cards(
        ["a"], before=now + timedelta(minutes=5), now=now, bury_siblings_since=day_start
    )
    assert [c.card_id for c in learning] == [ids[0]]
    # yesterday's answers do not bury
    assert (
        len(
            store.new_cards(
                ["a"], now=now, limit=10, bury_siblings_since=now + timedelta(seconds=1)
            )
        )
        == 3
    )


def test_undone_answer_no_longer_buries_or_counts(
    store: Store, ids: list[str], now: datetime
) -> None:
    state = CardState(status=CardStatus.LEARNING, due=now, last_review=now, reps=1)
    review = store.record_review("a", ids[0], rating=3, kind="learn", after=state, now=now)
    since = now - timedelta(hours=1)
    assert store.day_counts(["a"], since).introduced == 1
    store.undo_review(review, now=now)
    assert store.day_counts(["a"], since).introduced == 0
    assert store.siblings_answered_since(["a"], since) == {}
    assert store.last_studied(["a"]) == {"a": None}


def test_counts_per_deck_and_per_day(store: Store, ids: list[str], now: datetime) -> None:
    day_end = now + timedelta(hours=20)
    _review(store, "a", ids[0], now, due=now + timedelta(hours=2))  # due today
    _review(store, "a", ids[1], now, due=now + timedelta(days=3))  # not today
    _review(store, "a", ids[2], now, due=now + timedelta(minutes=1), status=CardStatus.LEARNING)
    later = now + timedelta(hours=1)
    state = CardState(
        status=CardStatus.REVIEW,
        stability=9.0,
        difficulty=5.0,
        due=now + timedelta(days=9),
        last_review=later,
        reps=2,
    )
    store.record_review(
        "a", ids[1], rating=1, kind="review", after=state, now=later, duration_ms=2500
    )
    store.set_suspended("a", [ids[3]])
    store.set_leech("a", ids[0])
    counts = store.deck_counts(now=now, day_end=day_end)
    a = counts["a"]
    assert (a.new, a.learning, a.due, a.total, a.suspended, a.leech, a.retired) == (
        0,
        1,
        1,
        4,
        1,
        1,
        0,
    )
    assert (counts["b"].new, counts["b"].total) == (2, 2)
    today = store.day_counts(["a", "b"], now - timedelta(hours=4))
    assert (today.introduced, today.reviews, today.answers, today.again) == (3, 1, 4, 1)
    assert today.duration_ms == 2500
    assert store.day_counts(["b"], now - timedelta(hours=4)).answers == 0
    assert store.last_studied() == {"a": later, "b": None}


def test_the_head_of_the_learning_queue_is_the_first_of_the_whole_order(
    store: Store, make_deck, now: datetime
) -> None:
    """The head (limit 1) is read from the soonest due time, the longer heads sorted: the
    cards and their order are those of the whole queue sorted by (due, deck, card id),
    ties across decks and states and burials included."""
    texts = [f"第{n}条：坚持{{{{c1::要点{n}}}}}不动摇" for n in range(8)]
    store.sync_deck(make_deck("a", *texts), now=now)
    store.sync_deck(make_deck("b", *texts[:3]), now=now)
    minute = timedelta(minutes=1)
    plan = {  # deck -> per card: (minutes from now it is due, status)
        "a": [(-5, 1), (-5, 3), (-9, 1), (3, 3), (-9, 3), (-1, 1), (-5, 1), (2, 1)],
        "b": [(-9, 1), (-5, 3), (-2, 1)],
    }
    learning, relearning = CardStatus.LEARNING, CardStatus.RELEARNING
    for deck, cards in plan.items():
        for row, (minutes, status) in zip(store.cards([deck]), cards, strict=True):
            kind = relearning if status == 3 else learning
            _review(store, deck, row.card_id, now, due=now + minutes * minute, status=kind)
    buried = store.cards(["a"])[4].card_id  # one of the three due 9 minutes ago
    store.bury("a", [buried], until=now + timedelta(hours=1))
    before = now + 10 * minute
    statuses = [learning, relearning]
    everything = store.due_cards(["a", "b"], before, now=now, statuses=statuses)
    assert buried not in {row.card_id for row in everything}
    keys = [(row.state.due, row.deck, row.card_id) for row in everything]
    assert keys == sorted(keys) and len(keys) == 10
    for limit in range(1, 12):
        head = store.due_cards(["a", "b"], before, now=now, statuses=statuses, limit=limit)
        assert [(r.deck, r.card_id) for r in head] == [
            (r.deck, r.card_id) for r in everything[:limit]
        ], limit
    only_b = store.due_cards(["b"], before, now=now, statuses=[relearning], limit=2)
    assert [r.card_id for r in only_b] == [store.cards(["b"])[1].card_id]
