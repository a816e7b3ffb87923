"""Names of people, places, bodies and events, and the named parts of a thing: the people a
history names by their role, the place a report is about, the parts an article lists and
names, the games and projects a report names. Both scripts; each rule with a text of its
own (no corpus strings)."""

from __future__ import annotations

import pytest

from quiz.deck import ClozeCard
from quiz.generate.pipeline import build_deck
from quiz.text.script import to_simplified, to_traditional

SCRIPTS = [str, to_traditional]


def clozes(text: str, **options: object) -> list[ClozeCard]:
    deck, _report = build_deck(text, name="t", **options)  # type: ignore[arg-type]
    return [card for card in deck if isinstance(card, ClozeCard)]


def tagged(cards: list[ClozeCard], tag: str) -> set[str]:
    return {to_simplified(c.answer) for c in cards if tag in c.tags}


# ----------------------------------------------------------------------------- people

HISTORY = (
    "东汉末年，各地农民不堪重负。起义军的领队人张角和张宝带领数万人起来反抗，震动了朝廷。\n"
    "思想家王充写成《论衡》，批评当时的迷信思想。\n"
)


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_history_names_its_people_by_their_role(convert: object) -> None:
    cards = clozes(convert(HISTORY))  # type: ignore[operator]
    # a role before a name (领队人, 思想家), and the name joined to it under the same role
    assert {"张角", "张宝", "王充"} <= tagged(cards, "person")


def test_a_role_makes_no_byline() -> None:
    from quiz.generate.people import is_byline

    assert is_byline("某市人民政府市长 王某某")
    assert not is_byline("思想家 王充")
