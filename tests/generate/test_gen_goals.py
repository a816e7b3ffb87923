"""What a document states without marking it (quiz.generate.goals): the deadline opening
its goals (到2030年，建成…). Both scripts."""

from __future__ import annotations

import pytest
from built import SCRIPTS, clozes

from quiz.generate import goals, rank
from quiz.text.script import to_simplified

GOALS = (
    "一、总体要求\n"
    "（一）{heading}。\n"
    "到2030年，建成覆盖全省的数字档案服务体系，全面提升档案利用水平。\n"
    "（二）基本原则。\n"
    "坚持统筹规划，坚持分级负责，推动档案工作规范发展。\n"
)


def _year_importance(text: str) -> int:
    cards = clozes(text, density=None)
    return next(c.importance for c in cards if to_simplified(c.answer) == "2030年")


@pytest.mark.parametrize("convert", SCRIPTS)
def test_the_year_opening_the_goals_is_a_goal(convert: object) -> None:
    text = convert(GOALS.format(heading="工作目标"))  # type: ignore[operator]
    assert _year_importance(text) >= rank.FIGURE_BASE["goal"]


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_deadline_under_another_heading_is_a_year(convert: object) -> None:
    text = convert(GOALS.format(heading="工作安排"))  # type: ignore[operator]
    assert _year_importance(text) < rank.FIGURE_BASE["goal"]


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_year_inside_a_goal_sentence_is_no_deadline(convert: object) -> None:
    simplified = to_simplified(convert("力争到2030年，建成服务体系。"))  # type: ignore[operator]
    assert goals.deadline(simplified, simplified.index("2030"))
    simplified = to_simplified(convert("新馆将于2030年建成。"))  # type: ignore[operator]
    assert not goals.deadline(simplified, simplified.index("2030"))
