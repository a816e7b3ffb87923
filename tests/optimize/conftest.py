"""A real collection database holding a synthetic review log (tests/optimize/fsrs_synth)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs_synth import synthetic_log

from quiz.deck import parse_deck
from quiz.store import CardState, Store
from quiz.store.models import CardStatus

START = datetime(2025, 1, 1, 9, 0, tzinfo=UTC)
"""Day 0 of the synthetic log, 09:00 UTC: well inside a study day that turns at 04:00."""


def log_database(path: Path, n_reviews: int, *, seed: int = 0, cram: int = 0) -> int:
    """A database with one deck whose cards were answered as `synthetic_log` says (each
    answer through `Store.record_review`, as the app records it), plus `cram` cram answers
    and one undone answer per ten cards. Returns the number of effective answers."""
    answers = list(synthetic_log(n_reviews, seed=seed))
    cards = max(a.card for a in answers) + 1
    text = "\n".join(
        f"  - type: cloze\n    text: '第{n}张卡：{{{{c1::答案{n}}}}}'" for n in range(cards)
    )
    deck = parse_deck(f"title: 合成\ncards:\n{text}\n", name="synth")
    ids = [card.id for card in deck.cards]
    counted = 0
    with Store.open(path, now=START) as store:
        store.sync_deck(deck, now=START)
        minutes: dict[tuple[int, int], int] = {}
        for answer in answers:
            slot = minutes.get((answer.card, answer.day), 0)
            minutes[(answer.card, answer.day)] = slot + 10
            at = START + timedelta(days=answer.day, minutes=slot)
            status = CardStatus(answer.state_after)
            after = CardState(status=status, stability=1.0, difficulty=5.0, due=at, last_review=at)
            kind = {0: "learn", 1: "learn", 2: "review", 3: "relearn"}[answer.state_before]
            card_id = ids[answer.card]
            review = store.record_review(
                "synth", card_id, rating=answer.rating, kind=kind, after=after, now=at
            )
            counted += 1
            if answer.card % 10 == 0 and answer.state_before == 2:
                store.undo_review(review, now=at)  # taken back ...
                store.record_review(  # ... and answered again
                    "synth", card_id, rating=answer.rating, kind=kind, after=after, now=at
                )
        last = START + timedelta(days=max(a.day for a in answers) + 1)
        for n in range(cram):
            store.record_review(
                "synth", ids[n % cards], rating=1, kind="cram", after=None, now=last
            )
    return counted


@pytest.fixture
def make_log_db(tmp_path: Path) -> Callable[..., Path]:
    def make(n_reviews: int, **kwargs: int) -> Path:
        path = tmp_path / f"log{n_reviews}.db"
        log_database(path, n_reviews, **kwargs)
        return path

    return make
