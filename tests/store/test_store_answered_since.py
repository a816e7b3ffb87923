"""`Store.answered_since`: the cards given an effective answer since a moment, what the
search's `rated:` term reads (cram answers count, undone ones and manual rows do not)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from quiz.deck import Deck
from quiz.store import CardState, CardStatus, Store


def learning(now: datetime) -> CardState:
    return CardState(
        status=CardStatus.LEARNING,
        step=0,
        stability=1.0,
        difficulty=5.0,
        due=now + timedelta(minutes=10),
        last_review=now,
        reps=1,
    )


def test_answered_since_keeps_effective_answers_of_the_rating_asked(
    store: Store, now: datetime, make_deck: Callable[..., Deck]
) -> None:
    deck = make_deck("d", "认真落实{{c1::三会一课}}", "坚持{{c1::纵向到底}}", "四个{{c1::意识}}")
    store.sync_deck(deck, now=now)
    first, second, third = (card.id for card in deck.cards)
    yesterday = now - timedelta(days=1)
    store.record_review(
        "d", first, rating=1, kind="learn", after=learning(yesterday), now=yesterday
    )
    store.record_review("d", second, rating=1, kind="cram", after=None, now=now)
    undone = store.record_review("d", third, rating=1, kind="learn", after=learning(now), now=now)
    store.undo_review(undone, now=now + timedelta(seconds=1))
    store.record_review("d", first, rating=3, kind="learn", after=learning(now), now=now)
    today = now - timedelta(hours=1)
    assert store.answered_since(["d"], today, 1) == [("d", second)], "cram counts, undone not"
    assert sorted(store.answered_since(["d"], today)) == sorted([("d", first), ("d", second)])
    assert sorted(store.answered_since(["d"], yesterday - timedelta(hours=1), 1)) == sorted(
        [("d", first), ("d", second)]
    )
    assert store.answered_since(["other"], today) == []
    assert store.answered_since([], today) == []
