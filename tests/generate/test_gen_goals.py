"""What a document states without marking it (quiz.generate.goals): the deadline opening
its goals (到2030年，建成…), the organ it puts in charge (X是…的主管单位) and the historic
events it names (辛亥革命). Both scripts."""

from __future__ import annotations

import pytest
from built import SCRIPTS, answers, clozes

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


@pytest.mark.parametrize("convert", SCRIPTS)
def test_the_organ_in_charge_is_asked_as_a_name(convert: object) -> None:
    text = convert(  # type: ignore[operator]
        "全省档案工作实行统一领导、分级管理。\n"
        "省档案局是全省档案工作的主管单位，各市档案馆是本市档案工作的主管单位。\n"
        "主管单位负责指导和监督档案工作。\n"
    )
    assert "省档案局" in answers(clozes(text, density=None), "name")
    simplified = to_simplified(text)
    sentence = simplified.split("\n")[1]
    assert [sentence[s:e] for s, e in goals.organs_in_charge(sentence)] == ["省档案局"]


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_class_of_organs_is_no_organ_in_charge(convert: object) -> None:
    for text in (
        "各级档案局是本级档案工作的主管单位。",  # 各级: a class
        "档案局和档案馆是档案工作的主管单位。",  # two organs
        "信息公开是各单位的一项重要职责。",  # no organ in charge
    ):
        simplified = to_simplified(convert(text))  # type: ignore[operator]
        assert goals.organs_in_charge(simplified) == [], text


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_historic_event_is_asked_once_a_sentence(convert: object) -> None:
    text = convert(  # type: ignore[operator]
        "近代以来，经过辛亥革命、北伐战争，中国人民不断探索救国道路。\n"
        "十月革命一声炮响，给世界带来了新的思想。\n"
        "新时代的军队要能打赢局部战争，开展人民战争。\n"
    )
    events = answers(clozes(text, density=None), "event")
    assert events == {"辛亥革命", "十月革命"}


@pytest.mark.parametrize("convert", SCRIPTS)
def test_an_event_dated_by_its_figure_is_left_to_the_figure(convert: object) -> None:
    text = convert(  # type: ignore[operator]
        "中华民族有着五千多年源远流长的文明历史，为人类文明进步作出了不可磨灭的贡献。\n"
        "1840年鸦片战争以后，中国逐步沦为半殖民地半封建社会，人民蒙受了深重苦难。\n"
    )
    cards = clozes(text, density=None)
    assert "1840年鸦片战争" in answers(cards, "figure")
    assert answers(cards, "event") == set()


def test_event_shapes() -> None:
    assert goals.historic_event("辛亥革命") and goals.historic_event("義和團運動")
    assert not goals.historic_event("革命") and not goals.historic_event("户外运动")
    assert goals.event_head("抗日戰爭") == "戰爭"


@pytest.mark.parametrize("convert", SCRIPTS)
def test_the_state_a_text_built_is_a_term(convert: object) -> None:
    text = convert(  # type: ignore[operator]
        "五年来，全省上下团结奋斗，经济实力跃上新台阶。\n"
        "我们全面建成了数字经济强国，把滨海新区建设成为世界一流港区，人民生活更加美好。\n"
        "全省建成了50家高水平医院，建成了覆盖城乡的养老服务网络。\n"
    )
    terms = answers(clozes(text, density=None), "term")
    assert {"数字经济强国", "世界一流港区"} <= terms
    assert not terms & {"50家高水平医院", "覆盖城乡的养老服务网络"}


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_principle_named_unquoted_is_asked(convert: object) -> None:
    text = convert(  # type: ignore[operator]
        "全省档案工作实行统一领导、分级管理，服务经济社会发展。\n"
        "各级档案馆按照分级负责和属地管理原则，接受主管部门的业务指导。\n"
        "档案服务机构按照市场化原则开展业务，依法经营。\n"
    )
    coined = answers(clozes(text, density=None), "coined")
    assert "分级负责和属地管理" in coined
    assert "市场化" not in coined  # a word of general language


@pytest.mark.parametrize("convert", SCRIPTS)
def test_what_no_principle_is_named(convert: object) -> None:
    for text in (
        "外地机构按照与本地机构同等待遇原则享受政策。",  # opens with 与: a clause
        "坚持集中统一领导是最高政治原则。",  # a clause with 是
    ):
        simplified = to_simplified(convert(text))  # type: ignore[operator]
        assert goals.named_principles(simplified) == [], text
