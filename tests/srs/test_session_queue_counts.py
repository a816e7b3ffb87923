"""The session's count queries (quiz/store/queue.py) agree with the store's own queue
queries on a real file, whatever the filters."""

from __future__ import annotations

from datetime import timedelta

from srs_helpers import Clock, cloze_deck, numbered_deck

from quiz.store import CardState, CardStatus, Store
from quiz.store.queue import bury_siblings, count_due, count_new

ALL_STUDIED = (CardStatus.LEARNING, CardStatus.REVIEW, CardStatus.RELEARNING)


def test_counts_match_the_queue_queries(store: Store, clock: Clock) -> None:
    now = clock()
    decks = [numbered_deck("a", 12), numbered_deck("b", 7)]
    store.sync_decks(decks, now=now)
    statuses = [CardStatus.LEARNING, CardStatus.REVIEW, CardStatus.RELEARNING]
    for index, row in enumerate(store.cards()):
        if index % 4 == 3:
            continue  # stays new
        state = CardState(
            status=statuses[index % 3],
            step=0,
            stability=1.0 + index,
            difficulty=5.0,
            due=now + timedelta(hours=index - 8),
            last_review=now - timedelta(days=1),
            reps=1,
        )
        store.record_review(row.deck, row.card_id, rating=3, kind="learn", after=state, now=now)
    store.set_suspended("a", ["a001", "a003"], True)
    store.bury("b", ["b002"], now + timedelta(hours=5))
    store.bury("a", ["a004"], now - timedelta(hours=1))  # burial already over
    for before in (now, now + timedelta(hours=3), now + timedelta(days=1)):
        for names in (["a"], ["b"], ["a", "b"]):
            for statuses_ in ((CardStatus.REVIEW,), (CardStatus.LEARNING, CardStatus.RELEARNING)):
                rows = store.due_cards(names, before, now=now, statuses=statuses_)
                assert count_due(store, names, before, now=now, statuses=statuses_) == len(rows)
                assert count_due(store, names, before, now=now, statuses=statuses_, limit=2) == min(
                    2, len(rows)
                )
            new_rows = store.new_cards(names, now=now, limit=100)
            assert count_new(store, names, now=now) == len(new_rows)
            assert count_new(store, names, now=now, limit=1) == min(1, len(new_rows))
    assert count_due(store, [], now, now=now, statuses=ALL_STUDIED) == 0
    assert count_new(store, ["a"], now=now, limit=0) == 0


def test_counts_honour_sibling_answers_when_asked(store: Store, clock: Clock) -> None:
    now = clock()
    store.sync_deck(cloze_deck(), now=now)
    store.record_review("party", "sib-a", rating=3, kind="learn", after=None, now=now)
    rows = store.new_cards(["party"], now=now, limit=100, bury_siblings_since=now)
    counted = count_new(store, ["party"], now=now, bury_siblings_since=now)
    assert counted == len(rows) == 5
    assert "sib-b" not in {row.card_id for row in rows}


def test_bury_siblings_returns_what_it_changed(store: Store, clock: Clock) -> None:
    now = clock()
    store.sync_deck(cloze_deck(), now=now)
    until = now + timedelta(hours=10)
    assert bury_siblings(store, "party", "sib-a", _key(store), until) == [("sib-b", None)]
    assert store.card("party", "sib-b").buried_until == until  # type: ignore[union-attr]
    assert store.card("party", "sib-a").buried_until is None  # type: ignore[union-attr]
    assert bury_siblings(store, "party", "sib-a", _key(store), until) == [], "already buried"
    later = until + timedelta(hours=1)
    assert bury_siblings(store, "party", "sib-a", _key(store), later) == [("sib-b", until)]


def _key(store: Store) -> str:
    row = store.card("party", "sib-a")
    assert row is not None
    return row.sibling_key
