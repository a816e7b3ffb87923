"""The FSRS optimiser (quiz.optimize, fsrs-rs-python) on synthetic logs whose true
parameters are known: the fit predicts held-out answers better than the defaults; the
first answer of each day is what it learns from; a short log is refused."""

from __future__ import annotations

import random

import pytest
from fsrs_synth import DEFAULT, LogAnswer, synthetic_log, true_parameters

from quiz import optimize
from quiz.optimize import MIN_REVIEWS, Answer, NotEnoughReviews


def _answers(log: list[LogAnswer]) -> list[Answer]:
    return [
        Answer(("synth", str(a.card)), a.day, a.rating, a.state_before, a.state_after)
        for a in log
    ]


def test_the_fit_to_5000_reviews_beats_the_defaults_on_held_out_cards() -> None:
    log = list(synthetic_log(5000, seed=7))
    assert 5000 <= len(log) < 5020
    cards = sorted({a.card for a in log})
    random.Random(1).shuffle(cards)
    held_out = set(cards[: len(cards) // 5])
    train = optimize.card_histories(_answers([a for a in log if a.card not in held_out]))
    test = optimize.card_histories(_answers([a for a in log if a.card in held_out]))
    fit = optimize.optimize(train, answers=len(log))
    items = optimize.training_items(test.values())
    assert len(items) > 500
    default = optimize.evaluate(DEFAULT, items)
    fitted = optimize.evaluate(fit.parameters, items)
    truth = optimize.evaluate(true_parameters(), items)
    assert fitted.log_loss < default.log_loss
    assert fitted.rmse < default.rmse
    assert truth.log_loss <= fitted.log_loss + 0.01  # nothing beats the truth by much
    # on the reviews it learnt from too, as `quiz optimize` prints them
    assert fit.improved and fit.before.log_loss > fit.after.log_loss
    # the fit found the weaker first memories (true initial stabilities are 0.3-0.6 x)
    assert sum(fit.parameters[:4]) < sum(DEFAULT[:4])
    assert len(fit.parameters) == 21


def test_only_the_first_answer_of_each_day_is_learnt_from() -> None:
    a = ("d", "a")
    answers = [
        Answer(a, 10, 1, 0, 1),  # new card, Again ...
        Answer(a, 10, 3, 1, 2),  # ... Good the same day: not a review FSRS learns from
        Answer(a, 12, 3, 2, 2),
        Answer(a, 12, 4, 2, 2),
        Answer(a, 20, 2, 2, 2),
    ]
    assert optimize.card_histories(answers) == {a: [(10, 1), (12, 3), (20, 2)]}
    assert optimize.review_count([[(10, 1), (12, 3), (20, 2)]]) == 2


def test_a_history_without_its_first_answer_is_left_out_and_a_reset_starts_again() -> None:
    b, c = ("d", "b"), ("d", "c")
    answers = [
        Answer(b, 3, 3, 2, 2),  # the log starts in the middle of b's learning
        Answer(b, 9, 3, 2, 2),
        Answer(c, 1, 3, 0, 2),
        Answer(c, 5, 1, 2, 3),
        Answer(c, 6, None, 3, 0),  # c reset to new by hand
        Answer(c, 8, 4, 0, 2),
        Answer(c, 30, 3, 2, 2),
    ]
    assert optimize.card_histories(answers) == {c: [(8, 4), (30, 3)]}


def test_a_carried_card_continues_its_predecessors_history() -> None:
    roots = optimize.lineage_roots([("d", "new", "old"), ("d", "newer", "new")])
    assert roots == {("d", "new"): ("d", "old"), ("d", "newer"): ("d", "old")}
    answers = [
        Answer(("d", "old"), 1, 3, 0, 2),
        Answer(("d", "new"), 4, 3, 2, 2),
        Answer(("d", "newer"), 11, 1, 2, 3),
    ]
    assert optimize.card_histories(answers, roots) == {("d", "old"): [(1, 3), (4, 3), (11, 1)]}


def test_a_log_too_short_is_refused_with_how_many_more_are_needed() -> None:
    histories = optimize.card_histories(_answers(list(synthetic_log(40, seed=3))))
    have = optimize.review_count(histories.values())
    assert 0 < have < MIN_REVIEWS
    with pytest.raises(NotEnoughReviews) as raised:
        optimize.optimize(histories)
    message = str(raised.value)
    assert f"has {have} of them" in message
    assert f"at least {MIN_REVIEWS}, so {MIN_REVIEWS - have} more" in message


def test_an_empty_log_is_refused_too() -> None:
    with pytest.raises(NotEnoughReviews, match=f"has 0 of them.*{MIN_REVIEWS} more"):
        optimize.optimize({})


def test_the_retention_with_the_least_work_comes_from_the_library() -> None:
    retention = optimize.workload_retention(
        true_parameters(), cards=200, new_per_day=20, reviews_per_day=200
    )
    assert 0.7 <= retention <= 0.95
