"""New cards come in descending importance (a card without one ranks as 50), ties in deck
order, deck by deck in a session over several decks; a rescored deck reorders them."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from srs_helpers import Clock

from quiz.config import Config
from quiz.deck import ClozeCard, Deck
from quiz.session import StudySession
from quiz.srs import Candidate, Rating, order_new
from quiz.store import Store

CONFIG = Config(timezone=UTC, enable_fuzzing=False, new_per_day=50)
TEXTS = [
    "坚持{{c1::纵向到底}}，实现党的组织全覆盖。",
    "認真落實{{c1::三會一課}}制度。",
    "增强{{c1::四个意识}}，坚定四个自信。",
    "牽住{{c1::牛鼻子}}，抓好基層。",
    "推动学习教育由走形式变{{c1::下功夫}}。",
]


def deck_of(name: str, importance: list[int | None]) -> Deck:
    cards = tuple(
        ClozeCard(id=f"{name}{n}", text=text, line=n + 1, importance=value)
        for n, (text, value) in enumerate(zip(TEXTS, importance, strict=False))
    )
    return Deck(name=name, title=name, cards=cards)


def new_order(session: StudySession) -> list[str]:
    """The ids of the new cards as the session offers them (each answered Easy: straight
    to review, due days later, so only new cards come up today)."""
    shown = []
    while (item := session.next_card()) is not None:
        assert item.kind == "new"
        shown.append(item.card_id)
        session.answer(item, Rating.Easy, duration_ms=1000)
        assert len(shown) < 100
    return shown


def test_the_most_important_card_is_shown_first(store: Store, clock: Clock) -> None:
    deck = deck_of("d", [10, None, 90])  # the first card in text order matters least
    with StudySession(store, [deck], CONFIG, clock) as session:
        first = session.next_card()
        assert first is not None and first.kind == "new"
        assert first.card is deck.cards[2] and first.card.importance == 90
        assert new_order(session) == ["d2", "d1", "d0"]  # 90, none (50), 10


def test_ties_keep_deck_order_and_none_ranks_as_50(store: Store, clock: Clock) -> None:
    deck = deck_of("d", [50, None, 70, None, 50])
    with StudySession(store, [deck], CONFIG, clock) as session:
        assert session.counts().new == 5
        assert new_order(session) == ["d2", "d0", "d1", "d3", "d4"]


def test_a_hand_written_deck_keeps_text_order(store: Store, clock: Clock) -> None:
    deck = deck_of("d", [None] * 5)
    with StudySession(store, [deck], CONFIG, clock) as session:
        assert new_order(session) == ["d0", "d1", "d2", "d3", "d4"]


def test_several_decks_go_deck_by_deck_each_by_importance(store: Store, clock: Clock) -> None:
    first = deck_of("a", [0, 100, None])
    second = deck_of("b", [None, 5, 95, 60])
    with StudySession(store, [second, first], CONFIG, clock) as session:
        assert new_order(session) == ["b2", "b3", "b0", "b1", "a1", "a2", "a0"]


def test_a_rescored_deck_reorders_the_cards_not_yet_seen(store: Store, clock: Clock) -> None:
    deck = deck_of("d", [90, 80, 70, 60, 50])
    with StudySession(store, [deck], CONFIG, clock) as session:
        item = session.next_card()
        assert item is not None and item.card_id == "d0"
        session.answer(item, Rating.Easy, duration_ms=1000)
    scores = [0, 10, 20, 30, 40]
    rescored = replace(
        deck, cards=tuple(replace(c, importance=v) for c, v in zip(deck, scores, strict=True))
    )
    clock.advance(minutes=5)
    with StudySession(store, [rescored], CONFIG, clock) as session:
        assert not session.sync_reports[0].skipped  # only importance changed
        assert new_order(session) == ["d4", "d3", "d2", "d1"]


def test_order_new_ranks_like_the_store() -> None:
    def candidate(card: str, position: int, rank: int) -> Candidate:
        return Candidate(("d", card), "new", None, card, position=position, rank=rank)

    cards = [candidate("a", 0, 10), candidate("b", 1, 50), candidate("c", 2, 90)]
    cards += [candidate("e", 4, 50), candidate("d", 3, 90)]
    assert [c.key[1] for c in order_new(cards)] == ["c", "d", "b", "e", "a"]


def test_the_first_card_of_a_reopened_session_is_still_the_most_important(
    store: Store, clock: Clock, db_path: Path
) -> None:
    deck = deck_of("d", [10, None, 90])
    StudySession(store, [deck], CONFIG, clock).close()
    with Store.open(db_path) as reopened:  # another connection, as a later run of the app
        later = Clock(datetime(2026, 11, 26, 10, 0, tzinfo=UTC))
        with StudySession(reopened, ["d"], CONFIG, later) as session:  # by name: from the store
            first = session.next_card()
            assert first is not None and first.card_id == "d2"
            assert first.card.importance == 90  # rebuilt from the store with its importance
