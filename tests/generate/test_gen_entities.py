"""Names of people, places, bodies and events, and the named parts of a thing: the people a
history names by their role, the place a report is about, the parts an article lists and
names, the games and projects a report names. Both scripts; each rule with a text of its
own (no corpus strings)."""

from __future__ import annotations

import pytest

from quiz.deck import ClozeCard
from quiz.generate.pipeline import build_deck
from quiz.text.phrases import Segmenter
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
    "为抵御外敌，皇帝命李青修筑长堤，历时三年完工。\n"
)


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_history_names_its_people_by_their_role(convert: object) -> None:
    cards = clozes(convert(HISTORY))  # type: ignore[operator]
    # a role before a name (领队人, 思想家), the name joined to it under the same role, and
    # the one a ruler commands to a deed (命李青修筑长堤)
    assert {"张角", "张宝", "王充", "李青"} <= tagged(cards, "person")


def test_a_role_makes_no_byline() -> None:
    from quiz.generate.people import is_byline

    assert is_byline("某市人民政府市长 王某某")
    assert not is_byline("思想家 王充")


# ----------------------------------------------------------------------------- places

DISTRICT_REPORT = (
    "政府工作报告\n"
    "——2025年1月10日在青山市东湖区第八届人民代表大会第三次会议上\n"
    "青山市东湖区人民政府代区长 李明\n"
    "各位代表：\n"
    "现在，我代表区人民政府向大会报告工作，请予审议。\n"
    "过去一年，全区经济持续回升向好，东湖区新建学校三所，城乡居民收入稳步增长。\n"
)


@pytest.mark.parametrize("convert", SCRIPTS)
def test_the_place_a_report_is_about_is_asked_in_its_byline(convert: object) -> None:
    cards = clozes(convert(DISTRICT_REPORT))  # type: ignore[operator]
    places = {to_simplified(c.answer): c for c in cards if "place" in c.tags}
    assert set(places) == {"青山市", "东湖区"}, [c.answer for c in cards]
    assert all(to_simplified(c.sentence).endswith("李明") for c in places.values())
    # kept whatever the cap, like the speaker
    capped = {to_simplified(c.answer) for c in clozes(convert(DISTRICT_REPORT), density=0.1)}  # type: ignore[operator]
    assert {"青山市", "东湖区", "李明"} <= capped


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_place_the_title_names_or_no_place_is_not_asked(convert: object) -> None:
    titled = DISTRICT_REPORT.replace("政府工作报告\n", "2025年青山市东湖区政府工作报告\n", 1)
    assert not tagged(clozes(convert(titled)), "place")  # type: ignore[operator]
    national = DISTRICT_REPORT.replace("青山市东湖区人民政府代区长 李明", "国务院总理 李明")
    assert not tagged(clozes(convert(national)), "place")  # type: ignore[operator]


# ----------------------------------------------------------------------------- parts

CANAL = (
    "青溪渠是古代著名的水利工程。\n"
    "青溪渠全长十二公里，由石嘴、东西石坝、东渠、西渠、长堤和水门等工程组成。"
    "石嘴是青溪渠的分水设施。东渠是主航道，西渠用于泄洪，长堤护住东渠。\n"
    "石坝层层相扣，状似龟背，故又称龟背石。另开一渠引水入江，称北渠。\n"
    "水门用以调节水位。它们是船闸的前身，也是最早的通航设备。\n"
    "渠上有多座古桥，其中最古老的是长乐桥，始建于宋代。\n"
)


@pytest.mark.parametrize("convert", SCRIPTS)
def test_every_part_an_article_lists_is_asked(convert: object) -> None:
    cards = clozes(convert(CANAL))  # type: ignore[operator]
    assert tagged(cards, "part") == {"石嘴", "东西石坝", "东渠", "西渠", "长堤", "水门"}
    listed = [c for c in cards if "part" in c.tags]
    assert len({c.sentence for c in listed}) == 1  # all in the sentence that lists them


@pytest.mark.parametrize("convert", SCRIPTS)
def test_other_names_the_most_notable_and_what_it_is(convert: object) -> None:
    answers = tagged(clozes(convert(CANAL)), "defined")  # type: ignore[operator]
    assert {"龟背石", "北渠", "长乐桥", "船闸的前身"} <= answers, answers


def test_a_list_of_two_or_of_clauses_is_no_list_of_parts() -> None:
    from quiz.generate.parts import composition_items, what_it_is

    assert composition_items("委员会由主任和副主任组成。") == []
    assert composition_items("由加强管理、完善制度和落实责任构成。") == []
    assert what_it_is("它是一项长期任务。") == []


# ----------------------------------------------------------------------------- names

GAMES_REPORT = (
    "一年来，全省成功承办十六运会，精心筹办南川大运会，群众体育蓬勃开展。\n"
    "方便公众用好十六运会竞赛场馆，因地制宜新建健身步道。\n"
    "南川大运会圆满落幕后，场馆向市民开放。\n"
    "各地政务新媒体要与南江市政府网对接，做好信息发布。\n"
    "及时转载南江市政府网发布的重要信息。\n"
)


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_games_is_an_event_named_by_its_host_or_edition(convert: object) -> None:
    cards = clozes(convert(GAMES_REPORT), density=None)  # type: ignore[operator]
    assert {"十六运会", "南川大运会"} <= tagged(cards, "event"), [c.answer for c in cards]


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_website_said_again_is_a_name(convert: object) -> None:
    from quiz.generate import names

    # the pass reads the Simplified mirror's words, whatever the text's script
    tokens = ["各地", "要", "与", "南江", "市政府", "网", "对接"]
    seg = _segmenter()
    counts = {"南江市政府网": 2}
    found = names.named_things(
        tokens,
        weight=seg.keyword_weight,
        is_word=seg.is_word,
        said=lambda name: counts.get(name, 0),
    )
    assert ["".join(tokens)[s:e] for s, e in found] == ["南江市政府网"]
    text = convert(GAMES_REPORT)  # type: ignore[operator]
    answers = {to_simplified(c.answer) for c in clozes(text, density=None)}
    assert "南江市政府网" in answers
    once = GAMES_REPORT.replace("及时转载南江市政府网发布的重要信息", "及时转载重要信息")
    assert once != GAMES_REPORT
    answers = {to_simplified(c.answer) for c in clozes(convert(once), density=None)}  # type: ignore[operator]
    assert "南江市政府网" not in answers  # said once: a network as much as a website


def _segmenter() -> Segmenter:
    from quiz.generate.chinese import segmenter

    return segmenter()


def test_a_name_the_text_says_again_in_part_is_said_again() -> None:
    from quiz.generate.rank import Evidence, importance

    text = (
        "谋划多年的引洮济渭工程启动建设。\n"
        "加快实施引洮济渭、红崖水库等项目。\n"
        "水网骨干工程包括引洮济渭、长渠引水等工程。\n"
    )
    deck, _report = build_deck(text, name="t", density=None)
    names = [c for c in deck if isinstance(c, ClozeCard) and c.answer == "引洮济渭工程"]
    assert names and (names[0].importance or 0) > importance(
        Evidence(rule="name", answer="引洮济渭工程")
    )


@pytest.mark.parametrize("convert", SCRIPTS)
def test_each_pair_of_a_series_joined_with_dashes_is_asked(convert: object) -> None:
    text = (
        "发挥东阳－西平、南川－北塘、江口－山城强强联合的带动作用，提升整体实力。\n"
        "探索开通东阳－西平－南川海上旅游航线。\n"
    )
    cards = clozes(convert(text))  # type: ignore[operator]
    assert tagged(cards, "item") == {"东阳－西平", "南川－北塘", "江口－山城"}
    # a route joins more than two: it is no pair, and no half of one is asked
    assert not any("航线" in c.sentence and "－" in c.answer for c in cards)


@pytest.mark.parametrize("convert", SCRIPTS)
def test_an_item_listed_among_names_of_its_shape_is_a_name(convert: object) -> None:
    text = convert("全市充分发挥东阳西平、南川北塘、江口山城等平台作用，探索合作新模式。\n")  # type: ignore[operator]
    links = [convert("南川北塘"), convert("江口山城")]  # type: ignore[operator]
    cards = clozes(text, links=links)
    assert tagged(cards, "item") == {"东阳西平"}, [(c.answer, c.tags) for c in cards]
    assert not tagged(clozes(text, links=links[:1]), "item")  # one known sibling proves nothing


PROVINCE_REPORT = (
    "政府工作报告\n"
    "南江省人民政府省长 王立\n"
    "各位代表：\n"
    "过去一年，全省加快建设现代化新南江，数字南江建设取得新进展。\n"
    "数字南江基本能力总体形成，一体化智能化公共数据平台建成。\n"
    "奋力谱写现代化新南江建设新篇章。推动数字南江体系能力建设。\n"
    "全面落实现代化新南江建设任务，各项工作稳步推进。\n"
    "领导同志视察南江并作出重要指示。各地学习视察南江重要讲话精神。深入贯彻视察南江指示要求。\n"
)


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_programme_named_after_the_texts_own_place(convert: object) -> None:
    cards = clozes(convert(PROVINCE_REPORT), density=None)  # type: ignore[operator]
    names = tagged(cards, "name") | tagged(cards, "term")  # the terms pass may see one first
    assert {"数字南江", "现代化新南江"} <= names, [(c.answer, c.tags) for c in cards]
    assert not any("视察" in c.answer for c in cards)  # a verb acting on the place
    assert tagged(cards, "place") == {"南江省"}


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_leader_named_with_a_title_is_no_term(convert: object) -> None:
    text = (
        "毛泽东主席在大会上发表讲话。会议传达了毛泽东主席的重要指示。\n"
        "全体代表认真学习毛泽东主席讲话精神。\n"
    )
    cards = clozes(convert(text), density=None)  # type: ignore[operator]
    assert "毛泽东主席" not in {to_simplified(c.answer) for c in cards}
