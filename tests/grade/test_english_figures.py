"""English figures: read into value, unit and qualifier like Chinese ones (9 million =
9,000,000, 40 per cent = 40%, 2/8 = 1/4, a share of something), graded as the same figure
in another spelling, and hinted in English on a card in English."""

from __future__ import annotations

import pytest

from quiz.deck import ClozeCard
from quiz.figures import parse_figure
from quiz.grade import VerdictKind, grade
from quiz.hints import HintKind, hint_ladder


@pytest.mark.parametrize("text", ["million", "over", "1/0", "9 millions of", "4 yearsago"])
def test_english_words_alone_are_no_figures(text: str) -> None:
    assert parse_figure(text) is None


SHARE = "Spain held {{c1::1/3 of known territory}}."


def card(text: str) -> ClozeCard:
    return ClozeCard(id="e", text=text)


@pytest.mark.parametrize(
    ("text", "typed", "kind"),
    [
        ("Around {{c1::9 million}} people died.", "9,000,000", VerdictKind.EQUIVALENT),
        ("Around {{c1::9 million}} people died.", "9000000", VerdictKind.EQUIVALENT),
        ("Around {{c1::9 million}} people died.", "8 million", VerdictKind.WRONG),
        ("Labour won {{c1::40%}} of seats.", "40 per cent", VerdictKind.EQUIVALENT),
        ("Labour won {{c1::40%}} of seats.", "40", VerdictKind.NEAR),
        (SHARE, "2/6 of known territory", VerdictKind.EQUIVALENT),
        (SHARE, "1/3", VerdictKind.NEAR),
        (SHARE, "1/4 of known territory", VerdictKind.WRONG),
    ],
)
def test_english_figures_grade_by_value(text: str, typed: str, kind: VerdictKind) -> None:
    assert grade(typed, card(text)).kind is kind


def test_a_near_miss_names_the_missing_part_without_spaces() -> None:
    verdict = grade("1/3", card(SHARE))
    assert verdict.note.endswith("unit missing: of known territory")


def test_an_english_card_gets_its_figure_hint_in_english() -> None:
    ladder = hint_ladder(card("Around {{c1::9 million}} people died."))
    assert ladder[0].kind is HintKind.FIGURE and ladder[0].text == "number: … million"
    chinese = hint_ladder(ClozeCard(id="c", text="增长{{c1::5%左右}}。"))
    assert chinese[0].text == "百分比：…%左右"
