"""The matching round's logic: a deterministic shuffle, picks from either side, mistakes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quiz.tui.match_round import MatchRound, PickResult

PAIRS = (
    ("完善组织之“形”", "建起来变强起来"),
    ("铸牢思想之“魂”", "走形式变下功夫"),
    ("锤炼队伍之“鋼”", "大起来变强起来"),
    ("[bold]標記[/]", "[red]提示"),
)


def test_the_shuffle_is_fixed_by_card_and_review_count() -> None:
    first = MatchRound.for_card("m1", 3, PAIRS)
    again = MatchRound.for_card("m1", 3, PAIRS)
    later = [MatchRound.for_card("m1", n, PAIRS) for n in range(4, 10)]
    assert (first.left, first.right) == (again.left, again.right)
    assert any((r.left, r.right) != (first.left, first.right) for r in later)


def test_no_row_faces_its_own_partner() -> None:
    for reviews in range(30):
        round_ = MatchRound.for_card("m2", reviews, PAIRS)
        assert all(round_.left[row] != round_.right[row] for row in range(round_.size))


def _partner_row(round_: MatchRound, left_row: int) -> int:
    return round_.right.index(round_.left[left_row])


def test_a_right_pair_locks_and_a_wrong_one_counts() -> None:
    round_ = MatchRound.for_card("m3", 0, PAIRS)
    assert round_.pick("left", 0) is PickResult.SELECTED
    wrong = next(r for r in range(round_.size) if r != _partner_row(round_, 0))
    assert round_.pick("right", wrong) is PickResult.MISSED
    assert round_.mistakes == 1 and round_.selected is None
    assert round_.last_miss == (0, wrong)
    assert round_.pick("left", 0) is PickResult.SELECTED
    assert round_.pick("right", _partner_row(round_, 0)) is PickResult.MATCHED
    assert round_.is_locked("left", 0)
    assert round_.pick("left", 0) is PickResult.IGNORED  # locked items stay put


def test_right_side_first_and_letting_go() -> None:
    round_ = MatchRound.for_card("m4", 1, PAIRS)
    assert round_.pick("right", 2) is PickResult.SELECTED
    assert round_.pick("right", 2) is PickResult.UNSELECTED
    assert round_.pick("right", 2) is PickResult.SELECTED
    assert round_.pick("right", 1) is PickResult.SELECTED  # same side: moves the pick
    left_row = round_.left.index(round_.right[1])
    assert round_.pick("left", left_row) is PickResult.MATCHED
    assert round_.pick("left", 99) is PickResult.IGNORED


def test_the_text_is_kept_as_written() -> None:
    round_ = MatchRound.for_card("m5", 0, PAIRS)
    lefts = {round_.text("left", row) for row in range(round_.size)}
    assert "[bold]標記[/]" in lefts


@given(
    st.integers(min_value=2, max_value=6),
    st.integers(min_value=0, max_value=50),
    st.lists(st.tuples(st.sampled_from(["left", "right"]), st.integers(0, 5)), max_size=30),
)
def test_any_picks_then_right_play_lock_every_pair(
    size: int, reviews: int, picks: list[tuple[str, int]]
) -> None:
    pairs = tuple((f"左{i}", f"右{i}") for i in range(size))
    round_ = MatchRound.for_card("prop", reviews, pairs)
    misses = 0
    for side, row in picks:
        misses += round_.pick(side, row) is PickResult.MISSED  # type: ignore[arg-type]
    for index in range(size):
        if index in round_.locked:
            continue
        round_.selected = None
        assert round_.pick("left", round_.left.index(index)) is PickResult.SELECTED
        assert round_.pick("right", round_.right.index(index)) is PickResult.MATCHED
    assert round_.done and round_.mistakes == misses
    assert sorted(round_.locked) == list(range(size))
