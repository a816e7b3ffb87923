"""A synthetic review log whose true FSRS parameters are known.

Each card is answered the way quiz schedules it before any optimisation: intervals from
the default parameters at 90% desired retention. Whether an answer is remembered is drawn
from the *true* parameters' forgetting curve, so a fit to the log should find parameters
that predict it better than the defaults. A forgotten card (Again) is answered once more
the same day (a relearning step), which the optimiser must skip: FSRS learns from the
first answer of each day.

Used by tests/optimize and bench/bench_optimize.py.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

import fsrs_rs_python as F

DEFAULT = tuple(float(w) for w in F.DEFAULT_PARAMETERS)


def true_parameters() -> tuple[float, ...]:
    """A learner unlike FSRS's average one: first memories weaker, a steeper curve."""
    w = list(DEFAULT)
    w[0] *= 0.3  # initial stability after Again
    w[1] *= 0.4  # ... Hard
    w[2] *= 0.5  # ... Good
    w[3] *= 0.6  # ... Easy
    w[8] *= 0.8  # growth of stability on success
    w[20] = 0.35  # decay of the forgetting curve
    return tuple(w)


@dataclass(frozen=True, slots=True)
class LogAnswer:
    """One answer: card number, study day, rating, phase before (0 new) and after."""

    card: int
    day: int
    rating: int
    state_before: int
    state_after: int


def _recall(stability: float, days: float, w: tuple[float, ...]) -> float:
    decay = -w[20]
    factor = 0.9 ** (1 / decay) - 1
    return float((1 + factor * days / stability) ** decay)


def synthetic_log(
    n_reviews: int, *, seed: int = 0, true: tuple[float, ...] | None = None
) -> Iterator[LogAnswer]:
    """About `n_reviews` answers (whole cards: the last card may go over), card by card,
    each card's answers in time order."""
    rng = random.Random(seed)
    truth = true or true_parameters()
    true_model = F.FSRS(list(truth))
    scheduler = F.FSRS(list(DEFAULT))
    made = 0
    card = 0
    while made < n_reviews:
        start = rng.randint(0, 60)
        day, state = start, 0
        true_memory = None
        memory = None
        elapsed = 0
        for index in range(rng.randint(2, 12)):
            if index == 0:
                rating = rng.choices((1, 2, 3, 4), (0.2, 0.1, 0.6, 0.1))[0]
            elif rng.random() < _recall(true_memory.stability, elapsed, truth):  # type: ignore[union-attr]
                rating = rng.choices((2, 3, 4), (0.1, 0.8, 0.1))[0]
            else:
                rating = 1
            after = 2 if rating > 1 else (3 if state == 2 else 1)
            yield LogAnswer(card, day, rating, state, after)
            made += 1
            if rating == 1:  # the relearning step, later the same day: not learnt from
                yield LogAnswer(card, day, 3, after, 2)
                made += 1
                after = 2
            true_states = true_model.next_states(true_memory, 0.9, elapsed)
            true_memory = _pick(true_states, rating).memory
            next_states = scheduler.next_states(memory, 0.9, elapsed)
            chosen = _pick(next_states, rating)
            memory = chosen.memory
            elapsed = max(1, round(chosen.interval))
            day += elapsed
            state = after
        card += 1


def _pick(states: F.NextStates, rating: int) -> F.ItemState:
    return (states.again, states.hard, states.good, states.easy)[rating - 1]
