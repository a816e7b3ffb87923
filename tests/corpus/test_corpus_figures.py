"""Every figure card the generator makes on the corpus is a figure the grader reads, so its
other spellings (full-width digits, 百分之, 万/亿 forms) are accepted when studied."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.deck import ClozeCard
from quiz.figures import parse_figure
from quiz.generate.pipeline import generate_deck
from quiz.grade import grade

TEXTS = Path(__file__).parent / "texts"
REPORTS = sorted(p for p in TEXTS.iterdir() if "report" in p.name)


@pytest.mark.slow
@pytest.mark.parametrize("path", REPORTS, ids=[p.stem for p in REPORTS])
def test_figure_cards_parse_and_grade_in_another_spelling(path: Path) -> None:
    deck, _report = generate_deck(path)
    figures = [c for c in deck if isinstance(c, ClozeCard) and "figure" in c.tags]
    assert figures, "a report without a single figure card"
    wide = str.maketrans("0123456789%.", "０１２３４５６７８９％．")
    for card in figures:
        assert parse_figure(card.answer) is not None, card.answer
        verdict = grade(card.answer.translate(wide), card)
        assert verdict.correct, (card.answer, verdict)
