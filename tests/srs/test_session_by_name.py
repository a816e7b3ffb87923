"""StudySession over decks given by name (already synced): no sync, no deck read at start,
card bodies rebuilt from the store as they come up; the same queue as with Deck objects."""

from __future__ import annotations

from datetime import UTC

import pytest
from srs_helpers import Clock, cloze_deck, numbered_deck

from quiz.config import Config
from quiz.session import StudySession
from quiz.srs import Rating
from quiz.store import Store, StoreError

CONFIG = Config(timezone=UTC, enable_fuzzing=False)


def test_a_deck_given_by_name_studies_the_same_cards_as_the_deck_object(
    store: Store, clock: Clock
) -> None:
    deck = cloze_deck("party")
    store.sync_deck(deck, now=clock())
    by_name = StudySession(store, ["party"], CONFIG, clock, synced=True)
    assert by_name.sync_reports == [] and by_name.decks == []
    shown = []
    while (item := by_name.next_card()) is not None and len(shown) < 20:
        expected = next(card for card in deck.cards if card.id == item.card_id)
        assert item.card == expected  # rebuilt from the stored body: both scripts intact
        shown.append(item.card_id)
        by_name.answer(item, Rating.Good, duration_ms=1000)
    assert shown[0] == "sib-a" and {"trad-1", "trad-2", "match-1"} <= set(shown)
    undone = by_name.undo()  # the last answer's card comes back, rebuilt the same way
    assert undone is not None and undone.card_id == shown[-1]
    assert undone.card == next(card for card in deck.cards if card.id == shown[-1])
    by_name.close()


def test_names_and_deck_objects_mix_and_synced_skips_the_sync(store: Store, clock: Clock) -> None:
    first, second = numbered_deck("first", 3), numbered_deck("second", 2)
    store.sync_deck(first, now=clock())
    store.sync_deck(second, now=clock())
    changed = numbered_deck("second", 4)  # two more cards, not synced
    session = StudySession(store, ["first", changed], CONFIG, clock, synced=True)
    assert session.sync_reports == []
    assert session.counts().new == 5  # the store's 3 + 2: the object was not synced
    session.close()
    resynced = StudySession(store, ["first", changed], CONFIG, clock)
    assert [report.added for report in resynced.sync_reports] == [2]
    assert resynced.counts().new == 7
    resynced.close()


def test_an_unknown_deck_name_is_an_error(store: Store, clock: Clock) -> None:
    with pytest.raises(StoreError, match="no deck named nope"):
        StudySession(store, ["nope"], CONFIG, clock, synced=True)
