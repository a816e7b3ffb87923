"""Deck hashes are remembered per deck object (sessions re-sync the same objects), and an
edited deck — a new object, decks are immutable — is hashed afresh."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from quiz.deck import ClozeCard, Deck
from quiz.store import Store
from quiz.store.sync import deck_hash


def _deck(text: str) -> Deck:
    cards = tuple(
        ClozeCard(id=f"h{n:03d}", text=f"{text}{n}：{{{{c1::縱向到底}}}}，实现全覆盖")
        for n in range(50)
    )
    return Deck(name="哈希", title="测试", cards=cards)


def test_same_object_same_hash_and_an_edit_changes_it() -> None:
    deck = _deck("第")
    first = deck_hash(deck)
    assert deck_hash(deck) == first
    assert deck_hash(_deck("第")) == first  # an equal deck loaded again
    edited = replace(deck, cards=(*deck.cards[:-1], replace(deck.cards[-1], text="改{{c1::了}}")))
    assert deck_hash(edited) != first
    assert deck_hash(replace(deck, title="測試")) != first


def test_many_decks_do_not_mix_up(store: Store, now: datetime) -> None:
    decks = [_deck(f"第{n}句") for n in range(40)]  # more than the memo keeps
    hashes = [deck_hash(deck) for deck in decks]
    assert len(set(hashes)) == len(decks)
    assert [deck_hash(deck) for deck in decks] == hashes
    report = store.sync_deck(decks[0], now=now)
    assert report.added == 50
    assert store.sync_deck(decks[0], now=now).skipped
