"""Suggested ratings after a cloze answer and after a matching round; the blank."""

from __future__ import annotations

import pytest
from fsrs import Rating

from quiz.deck import ClozeCard
from quiz.grade import (
    SLOW_BASE_MS,
    SLOW_PER_CHAR_MS,
    blank,
    display_width,
    grade,
    mask,
    match_rating,
    suggest_rating,
)


def card(answer: str) -> ClozeCard:
    return ClozeCard(id="t", text="坚持{{c1::" + answer + "}}不动摇。")


@pytest.mark.parametrize(
    ("answer", "typed", "hints", "duration_ms", "rating"),
    [
        ("三会一课", "三会一课", 0, 4_000, Rating.Good),
        ("三会一课", "三會一課", 0, None, Rating.Good),
        ("三会一课", "sanhuiyike", 0, 6_000, Rating.Good),
        ("三会一课", "三会一课", 1, 4_000, Rating.Hard),
        ("三会一课", "三会一课", 3, 4_000, Rating.Hard),
        ("三会一课", "三会一课", 0, 60_000, Rating.Hard),  # slow: recalled with effort
        ("三会一课", "三会一果", 0, 4_000, Rating.Hard),  # a typo on a long answer
        ("基层", "基础", 0, 2_000, Rating.Again),  # half of a short answer wrong
        ("三会一课", "两个确立", 0, 4_000, Rating.Again),
        ("三会一课", "", 0, 1_000, Rating.Again),
        ("三会一课", "san1 hui3 yi1 ke4", 0, 4_000, Rating.Again),
    ],
)
def test_suggest_rating(
    answer: str, typed: str, hints: int, duration_ms: int | None, rating: Rating
) -> None:
    assert suggest_rating(grade(typed, card(answer)), hints, duration_ms) == rating


def test_time_budget_grows_with_the_answer() -> None:
    short = grade("党建", card("党建"))
    long = grade("推动基层组织由建起来变强起来", card("推动基层组织由建起来变强起来"))
    duration = SLOW_BASE_MS + SLOW_PER_CHAR_MS * 4
    assert suggest_rating(short, 0, duration) == Rating.Hard
    assert suggest_rating(long, 0, duration) == Rating.Good
    assert suggest_rating(short, 0, duration, expected_chars=20) == Rating.Good


def test_easy_is_never_suggested() -> None:
    verdict = grade("三会一课", card("三会一课"))
    assert suggest_rating(verdict, 0, 0) == Rating.Good
    assert match_rating(0, 6, 0) == Rating.Good


def test_bad_counts_are_refused() -> None:
    verdict = grade("三会一课", card("三会一课"))
    with pytest.raises(ValueError, match="hints_used"):
        suggest_rating(verdict, -1, None)
    with pytest.raises(ValueError, match="duration_ms"):
        suggest_rating(verdict, 0, -5)
    with pytest.raises(ValueError, match="mistakes"):
        match_rating(-1, 4, None)
    with pytest.raises(ValueError, match="pair"):
        match_rating(0, 0, None)


@pytest.mark.parametrize(
    ("mistakes", "pairs", "duration_ms", "rating"),
    [
        (0, 4, 15_000, Rating.Good),
        (0, 4, None, Rating.Good),
        (0, 4, 120_000, Rating.Hard),
        (1, 3, 10_000, Rating.Hard),
        (1, 6, 10_000, Rating.Hard),
        (2, 6, 10_000, Rating.Again),
        (2, 8, 10_000, Rating.Hard),  # one mistake per four pairs is allowed
        (3, 8, 10_000, Rating.Again),
    ],
)
def test_match_rating(mistakes: int, pairs: int, duration_ms: int | None, rating: Rating) -> None:
    assert match_rating(mistakes, pairs, duration_ms) == rating


@pytest.mark.parametrize(
    ("answer", "drawn"),
    [
        ("三会一课", "＿＿＿＿"),
        ("三會一課", "＿＿＿＿"),
        ("5G网络", "＿＿＿"),  # 1 + 1 + 2 + 2 cells
        ("G网", "＿_"),  # 3 cells
        ("apple", "_____"),
        ("Ａ", "＿"),  # full-width letter: two cells
    ],
)
def test_blank_is_as_wide_as_the_answer(answer: str, drawn: str) -> None:
    assert blank(answer) == drawn
    assert display_width(blank(answer)) == display_width(answer)


def test_blank_of_a_long_answer_is_shortened() -> None:
    answer = "推动基层组织由建起来变强起来推动学习教育"
    drawn = blank(answer)
    assert "…" in drawn and display_width(drawn) < display_width(answer)
    assert set(drawn) == {"＿", "…"}


def test_blank_can_show_the_first_character() -> None:
    assert blank("三会一课", shown=1) == "三＿＿＿"
    assert blank("《论语》", shown=2) == "《论＿＿"


def test_mask_draws_the_blank_into_the_sentence() -> None:
    cloze = ClozeCard(id="t", text="认真落实“{{c1::三會一課}}”、主题党日")
    assert mask(cloze) == "认真落实“＿＿＿＿”、主题党日"
    markup = ClozeCard(id="t", text="[bold]{{c1::三会一课}}[/]")
    assert mask(markup) == "[bold]＿＿＿＿[/]"
