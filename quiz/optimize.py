"""FSRS parameters fitted to the user's own review log (Anki's "Optimize"), with the
fsrs-rs optimiser through its Python binding (`fsrs_rs_python`, the Rust code Anki
itself runs; no machine-learning framework).

Only `quiz optimize` imports this module: the study path never loads it nor the binding
(tests/test_import_hygiene.py).

The log goes in as `Answer`s, one per effective answer (cram, undo markers and undone
answers left out by the store). FSRS learns from one answer per card and study day: the
first of the day; a card's history is its days in order, the first one's answer with no
interval and each later one's with the days since the one before. Each day after the
first is one review FSRS predicts (a training item: the history up to that day). A
history that does not start when the card was new (the log holds no first answer) is
left out, and a manual reset to new starts the card's history again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quiz.errors import QuizError

if TYPE_CHECKING:
    from fsrs_rs_python import FSRSItem

MIN_REVIEWS = 64
"""The fewest reviews to learn from (answers on a later study day than a card's first)
that `quiz optimize` fits parameters to. The library itself hands back its default
parameters unchanged below about 30 (measured with fsrs-rs-python 0.9.3: 24 such reviews
never moved them, 36 always did); twice that keeps a fit from a handful of cards out."""

CardKey = tuple[str, str]


class NotEnoughReviews(QuizError):
    """Too short a log to fit parameters to."""

    def __init__(self, have: int, needed: int = MIN_REVIEWS) -> None:
        self.have = have
        self.needed = needed
        more = needed - have
        super().__init__(
            f"not enough reviews to optimise: FSRS learns from a card's answers on later "
            f"days than its first, and the log has {have} of them; it needs at least "
            f"{needed}, so {more} more (keep studying: the parameters in use stay)"
        )


@dataclass(frozen=True, slots=True)
class Answer:
    """One effective answer of the log: the card (as stored), its study day (day index
    with the day boundary of the config), the rating, and the card's phase before it
    (0 new) and after it (0 for a manual reset to new). Rating None: a manual change."""

    card: CardKey
    day: int
    rating: int | None
    state_before: int
    state_after: int


@dataclass(frozen=True, slots=True)
class Evaluation:
    """How well a set of parameters predicts the answers: log loss (lower is better) and
    RMSE over bins of predicted recall (the figure Anki shows, as a fraction)."""

    log_loss: float
    rmse: float


@dataclass(frozen=True, slots=True)
class Fit:
    """The result of an optimisation: the fitted parameters and their figures against the
    parameters in use, on the same reviews."""

    parameters: tuple[float, ...]
    previous: tuple[float, ...]
    before: Evaluation
    after: Evaluation
    reviews: int
    """Reviews learnt from (training items)."""
    answers: int
    """Answers read: every effective answer of the cards, the first of each day used."""
    cards: int

    @property
    def improved(self) -> bool:
        return self.after.log_loss < self.before.log_loss


def default_parameters() -> tuple[float, ...]:
    """FSRS-6's default parameters: py-fsrs's, which the scheduler uses (fsrs-rs's are
    the same numbers)."""
    import fsrs

    return tuple(float(w) for w in fsrs.Scheduler().parameters)


def rounded(parameters: Iterable[float]) -> tuple[float, ...]:
    """Parameters as quiz writes them: four decimals, as Anki shows them."""
    return tuple(round(float(w), 4) for w in parameters)


# --------------------------------------------------------------------------- histories


def lineage_roots(carried: Iterable[tuple[str, str, str]]) -> dict[CardKey, CardKey]:
    """For (deck, card_id, carried_from) rows: each carried card's oldest predecessor,
    under whose key the whole history is gathered (a card that replaced another one when
    its sentence was edited continues that card's learning)."""
    parent = {(deck, card): (deck, source) for deck, card, source in carried}
    roots: dict[CardKey, CardKey] = {}
    for key in parent:
        seen = {key}
        root = key
        while root in parent and parent[root] not in seen:
            root = parent[root]
            seen.add(root)
        roots[key] = root
    return roots


def card_histories(
    answers: Iterable[Answer], roots: Mapping[CardKey, CardKey] | None = None
) -> dict[CardKey, list[tuple[int, int]]]:
    """Each card's (study day, rating) history: the first answer of each day, in the
    order given (the log's, oldest first). A history is dropped when its first answer is
    not a new card's; a manual reset to new starts it again."""
    roots = roots or {}
    histories: dict[CardKey, list[tuple[int, int]]] = {}
    dropped: set[CardKey] = set()
    for answer in answers:
        key = roots.get(answer.card, answer.card)
        if answer.rating is None:
            if answer.state_after == 0:  # reset to new: what came before is another card
                histories.pop(key, None)
                dropped.discard(key)
            continue
        if key in dropped:
            continue
        days = histories.get(key)
        if days is None:
            if answer.state_before != 0:
                dropped.add(key)  # its first answers are not in the log
                continue
            histories[key] = [(answer.day, answer.rating)]
        elif answer.day > days[-1][0]:
            days.append((answer.day, answer.rating))
    return histories


def review_count(histories: Iterable[Sequence[tuple[int, int]]]) -> int:
    """How many reviews FSRS learns from (training items): every day after a card's first."""
    return sum(len(days) - 1 for days in histories if len(days) >= 2)


def require_enough(
    histories: Mapping[CardKey, Sequence[tuple[int, int]]], minimum: int = MIN_REVIEWS
) -> int:
    """The number of reviews to learn from, when there are enough of them.

    Raises:
        NotEnoughReviews: fewer than `minimum`.
    """
    count = review_count(histories.values())
    if count < minimum:
        raise NotEnoughReviews(count, minimum)
    return count


def training_items(histories: Iterable[Sequence[tuple[int, int]]]) -> list[FSRSItem]:
    """The library's training items: for every card, its history up to each later day."""
    from fsrs_rs_python import FSRSItem, FSRSReview

    items: list[FSRSItem] = []
    for days in histories:
        if len(days) < 2:
            continue
        reviews = [FSRSReview(days[0][1], 0)]
        for (previous, _), (day, rating) in zip(days, days[1:], strict=False):
            reviews.append(FSRSReview(rating, day - previous))
            items.append(FSRSItem(list(reviews)))
    return items


# --------------------------------------------------------------------------- fitting


def evaluate(parameters: Sequence[float], items: Sequence[FSRSItem]) -> Evaluation:
    """Log loss and RMSE of `parameters` predicting every item's last answer."""
    from fsrs_rs_python import FSRS

    result = FSRS(list(parameters)).evaluate(list(items))
    return Evaluation(log_loss=float(result.log_loss), rmse=float(result.rmse_bins))


def fit_parameters(items: Sequence[FSRSItem]) -> tuple[float, ...]:
    """The library's fit of the 21 parameters to the items (no progress reported: the
    binding holds the interpreter until it is done)."""
    from fsrs_rs_python import DEFAULT_PARAMETERS, FSRS

    return tuple(float(w) for w in FSRS(DEFAULT_PARAMETERS).compute_parameters(list(items)))


Fitter = Callable[[Sequence["FSRSItem"]], tuple[float, ...]]


def optimize(
    histories: Mapping[CardKey, Sequence[tuple[int, int]]],
    *,
    current: Sequence[float] | None = None,
    answers: int = 0,
    fitter: Fitter = fit_parameters,
    minimum: int = MIN_REVIEWS,
) -> Fit:
    """Fit parameters to the histories and compare them with `current` (default: FSRS's
    defaults) on the same reviews.

    Raises:
        NotEnoughReviews: fewer than `minimum` reviews to learn from.
    """
    require_enough(histories, minimum)
    items = training_items(histories.values())
    previous = tuple(current) if current is not None else default_parameters()
    parameters = rounded(fitter(items))
    return Fit(
        parameters=parameters,
        previous=previous,
        before=evaluate(previous, items),
        after=evaluate(parameters, items),
        reviews=len(items),
        answers=answers,
        cards=sum(1 for days in histories.values() if len(days) >= 2),
    )


def workload_retention(
    parameters: Sequence[float], *, cards: int, new_per_day: int, reviews_per_day: int
) -> float:
    """The desired retention that minimises the time spent per card remembered, from the
    library's simulation of a year of study of `cards` cards (at most 2,000 simulated, to
    keep it to seconds) with these limits. The library searches 0.70 to 0.95."""
    from fsrs_rs_python import default_simulator_config, optimal_retention

    config = default_simulator_config()
    config.deck_size = max(1, min(cards, 2000))
    config.learn_span = 365
    config.learn_limit = max(1, new_per_day)
    config.review_limit = max(1, reviews_per_day)
    return round(float(optimal_retention(config, list(parameters))), 3)  # float32 inside
