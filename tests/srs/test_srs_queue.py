"""Queue policy: due learning first, reviews by retrievability with new cards spread among
them, learn-ahead cards at the end."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from quiz.config import Config
from quiz.srs import Candidate, new_card_turn, order_reviews, pick_next, remaining

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
CONFIG = Config(timezone=UTC)


def card(name: str, phase: str = "review", *, due_in: float = 0, r: float = 0.5, pos: int = 0):
    return Candidate(
        key=("d", name),
        phase=phase,  # type: ignore[arg-type]
        due=NOW + timedelta(minutes=due_in),
        sibling_key=name,
        position=pos,
        retrievability=r,
    )


def test_due_learning_comes_before_everything() -> None:
    learning = [card("l2", "learning", due_in=-1), card("l1", "relearning", due_in=-5)]
    reviews = [card("r", r=0.1)]
    new = [card("n", "new")]
    chosen = pick_next(learning, reviews, new, now=NOW, config=CONFIG)
    assert chosen is not None and chosen.key == ("d", "l1")


def test_reviews_lowest_retrievability_first() -> None:
    reviews = [card("a", r=0.8), card("b", r=0.3), card("c", r=0.6)]
    assert [c.key[1] for c in order_reviews(reviews)] == ["b", "c", "a"]
    chosen = pick_next([], reviews, [], now=NOW, config=CONFIG)
    assert chosen is not None and chosen.key == ("d", "b")


def test_learning_not_yet_due_waits_for_the_end_within_learn_ahead() -> None:
    learning = [card("soon", "learning", due_in=8)]
    reviews = [card("r")]
    chosen = pick_next(learning, reviews, [], now=NOW, config=CONFIG)
    assert chosen is not None and chosen.key == ("d", "r")
    chosen = pick_next(learning, [], [], now=NOW, config=CONFIG)
    assert chosen is not None and chosen.key == ("d", "soon")
    far = [card("later", "learning", due_in=25)]
    assert pick_next(far, [], [], now=NOW, config=CONFIG) is None


def test_new_cards_in_deck_order() -> None:
    new = [card("third", "new", pos=3), card("first", "new", pos=1), card("second", "new", pos=2)]
    chosen = pick_next([], [], new, now=NOW, config=CONFIG)
    assert chosen is not None and chosen.key == ("d", "first")


def test_excluded_cards_are_skipped() -> None:
    reviews = [card("a", r=0.1), card("b", r=0.2)]
    chosen = pick_next([], reviews, [], now=NOW, config=CONFIG, exclude=frozenset({("d", "a")}))
    assert chosen is not None and chosen.key == ("d", "b")


def test_new_cards_are_spread_evenly_among_reviews() -> None:
    reviews_left, new_left, since = 200, 20, 0
    sequence = []
    while reviews_left or new_left:
        if new_card_turn(reviews_left, new_left, since):
            sequence.append("n")
            new_left -= 1
            since = 0
        else:
            sequence.append("r")
            reviews_left -= 1
            since += 1
    assert sequence.count("n") == 20 and sequence.count("r") == 200
    gaps = [len(run) for run in "".join(sequence).split("n")[:-1]]
    assert all(9 <= gap <= 11 for gap in gaps), gaps


def test_new_cards_come_once_reviews_are_done() -> None:
    assert new_card_turn(0, 3, 0)
    assert not new_card_turn(5, 0, 100)


def test_remaining_never_negative() -> None:
    assert remaining(20, 5) == 15
    assert remaining(20, 25) == 0
