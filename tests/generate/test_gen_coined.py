"""Key terms no quotation, number or list marks: the compounds a text coins and uses as
one unit (城乡统一大市场, 现代化新乡村), the schemes and institutions named by a 平台,
制度 or 一体化 head, a “X+” programme, and the terms a text gives a paragraph of its own.
Both scripts."""

from __future__ import annotations

import pytest

from quiz.deck import ClozeCard
from quiz.generate import headed, rank, terms
from quiz.generate.pipeline import build_deck
from quiz.text.script import to_simplified, to_traditional

SCRIPTS = [str, to_traditional]


def clozes(text: str, **options: object) -> list[ClozeCard]:
    deck, _report = build_deck(text, name="t", **options)  # type: ignore[arg-type]
    return [card for card in deck if isinstance(card, ClozeCard)]


def answers(cards: list[ClozeCard], tag: str | None = None) -> set[str]:
    return {to_simplified(c.answer) for c in cards if tag is None or tag in c.tags}


# ----------------------------------------------------------------------------- terms


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_term_of_twelve_characters_said_twice_is_named_whole(convert: object) -> None:
    text = convert(  # type: ignore[operator]
        "我们将在福州建设海峡两岸青年创业就业基地，吸引台湾青年来闽发展。\n"
        "今年，海峡两岸青年创业就业基地新入驻团队四十个，带动就业一千多人。\n"
    )
    assert "海峡两岸青年创业就业基地" in answers(clozes(text, density=None), "term")


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_describing_character_inside_a_phrase_marks_a_coined_term(convert: object) -> None:
    # no word of 城乡|统一|大|市场 is rare; the lone 大 between two words is the coinage
    text = convert(  # type: ignore[operator]
        "要加强城乡统一大市场建设，破除地方保护。\n"
        "建设城乡统一大市场。\n"
        "推动城乡统一大市场规则统一，降低流通成本。\n"
    )
    assert answers(clozes(text, density=None), "term") == {"城乡统一大市场"}


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_word_in_hua_opens_a_term_as_what_the_thing_is_made(convert: object) -> None:
    text = convert(  # type: ignore[operator]
        "现代化新乡村建设取得明显进展。\n"
        "加快现代化新乡村的规划布局，完善基础设施。\n"
        "我们要建设宜居宜业的现代化新乡村，让农民过上好日子。\n"
        "各地推进现代化新乡村示范工作。\n"
    )
    assert "现代化新乡村" in answers(clozes(text, density=None), "term")


@pytest.mark.parametrize("convert", SCRIPTS)
def test_an_idiom_after_a_verb_ends_a_clause_not_a_term(convert: object) -> None:
    text = convert(  # type: ignore[operator]
        "近年来，海峡两岸交流取得突飞猛进的发展，往来人数成倍增长。\n"
        "我们看到，海峡两岸交流取得突飞猛进的成绩，合作领域不断拓宽。\n"
    )
    assert not any("取得" in a for a in answers(clozes(text, density=None)))


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_term_only_headings_say_leaves_the_term_inside_it_to_the_body(
    convert: object,
) -> None:
    # the contents and the heading say the longer phrase, the body the shorter one
    text = convert(  # type: ignore[operator]
        "目录\n一、加快福建海峡两岸创业基地\n二、附则\n\n"
        "一、加快福建海峡两岸创业基地\n"
        "今年，海峡两岸创业基地新入驻团队四十个，带动就业一千多人。\n"
        "二、附则\n本办法自发布之日起施行。\n"
    )
    assert "海峡两岸创业基地" in answers(clozes(text, density=None), "term")


def test_repeated_terms_counts_no_term_that_only_headings_say() -> None:
    cut = [["福建", "海峡两岸", "创业", "基地"]] * 2 + [["今年", "海峡两岸", "创业", "基地", "新"]]
    weight = {"福建": 8.0, "海峡两岸": 10.2, "创业": 7.0, "基地": 6.0}.get
    is_word = {"今年", "新", *weight.__self__}.__contains__  # type: ignore[attr-defined]
    found = terms.repeated_terms(cut, weight=weight, is_word=is_word, min_repeats=2)
    assert found == {"福建海峡两岸创业基地": 2}  # the longer shadows the shorter
    found = terms.repeated_terms(
        cut, weight=weight, is_word=is_word, min_repeats=2, headings={0, 1}
    )
    assert found == {"海峡两岸创业基地": 3}


@pytest.mark.parametrize("convert", SCRIPTS)
def test_the_texts_topic_makes_no_compound_of_it_coined(convert: object) -> None:
    # 智慧|新|校园 is said in every sentence of a plan for it: its compounds are the plan's
    # everyday words, not terms of their own
    body = "".join(f"第{n}所学校推进智慧新校园建设，完善智慧新校园管理。\n" for n in range(12))
    body += "我们加快全省智慧新校园布局。\n全省智慧新校园试点学校达到一百所。\n"
    body += "推动全省智慧新校园提质，服务师生。\n"
    found = answers(clozes(convert(body), density=None), "term")  # type: ignore[operator]
    assert "智慧新校园" in found
    assert "全省智慧新校园" not in found


# ----------------------------------------------------------------------------- names


@pytest.mark.parametrize("convert", SCRIPTS)
def test_an_institution_platform_or_joined_region_is_named(convert: object) -> None:
    text = convert(  # type: ignore[operator]
        "全面推行学分银行制度，打通各类教育成果认定渠道。\n"
        "深化闽赣一体化发展，共建产业合作园区。\n"  # 闽|赣: two lone characters
        "建设长三角数据要素流通平台，促进数据有序流动。\n"
    )
    named = answers(clozes(text, density=None), "name")
    assert {"学分银行制度", "闽赣一体化", "长三角数据要素流通平台"} <= named


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_name_holds_one_head_no_complement_and_no_quality(convert: object) -> None:
    text = convert(  # type: ignore[operator]
        "由数据交易平台企业基于平台汇聚数据资源，服务中小企业。\n"
        "各地要实施好护工补贴制度，稳定护理队伍。\n"
        "完善商品房相关全局性制度，满足群众住房需求。\n"
    )
    named = answers(clozes(text, density=None), "name")
    assert "护工补贴制度" in named  # 实施|好: the verb's complement stays out
    assert not any("基于" in n or n.startswith("好") or "全局性" in n for n in named), named


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_describing_word_belongs_to_the_name_it_stands_in(convert: object) -> None:
    text = convert(  # type: ignore[operator]
        "建立农村新社区分类登记制度，明确管理责任。\n"  # 农村|新|社区: one name
        "加快建设东部滨海新走廊。\n"  # 东部 (a direction) opens it
        "建设省级候鸟栖息保护区。\n"  # 省级 (a distinguishing word) too
        "推进新社区信用登记制度，规范市场秩序。\n"  # 新 belongs to it: no cut after it
    )
    named = answers(clozes(text, density=None), "name")
    assert {"农村新社区分类登记制度", "东部滨海新走廊", "省级候鸟栖息保护区"} <= named
    assert not {"社区分类登记制度", "候鸟栖息保护区", "社区信用登记制度"} & named, named


# ----------------------------------------------------------------------------- headings

HEADINGS = (
    "（一）稳步推进产业体系建设，加快培育数智生产力\n"
    "要以科技创新引领产业创新，促进传统产业转型升级。\n"
    "（二）深入实施海洋强省战略，拓展蓝色经济空间\n"
    "要加快建设现代海洋产业体系，提升海洋科技水平。\n"
    "（三）加强生态文明建设，推进绿色低碳发展\n"
    "要持续改善环境质量，加快发展方式转型。\n"
    "（四）善学习，强化理性思维促发展\n"
    "要加强理论学习，提高工作本领。\n"
    "（五）建设数智生产力\n"
    "要完善算力设施，培育数据市场。\n"
)


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_coinage_only_a_heading_names_is_asked_in_its_heading(convert: object) -> None:
    cards = clozes(convert(HEADINGS), density=None)  # type: ignore[operator]
    heading = {to_simplified(c.answer) for c in cards if "heading" in c.tags}
    # a subtitle's object (数智: a word jieba does not know) and a title's after two verbs
    # (深入|实施): the body never says them, the heading with its subtitle is the context
    assert heading == {"数智生产力", "海洋强省战略"}
    card = next(c for c in cards if to_simplified(c.answer) == "数智生产力")
    assert to_simplified(card.text) == "（一）稳步推进产业体系建设，加快培育{{c1::数智生产力}}"
    # 推进|绿色低碳|发展 names a doing, 理性思维|促发展 ends in a slogan's phrase, and a
    # heading without a subtitle is too little context (（五）)


def test_a_coined_object_is_a_thing_named_by_a_rare_or_new_word() -> None:
    weight = {"数智": None, "生产力": 7.1, "效能": 6.0, "思维": 7.3, "促发展": 10.7}.get
    is_word = {"加快", "培育", "生产力", "提升", "效能", "强化", "思维", "促发展"}.__contains__
    common = {"生产力": 2000, "效能": 3000, "思维": 4000, "促发展": 3}.get

    def coined(tokens: list[str]) -> bool:
        start = len("".join(tokens[:2]))
        return headed.coined_object(
            tokens,
            (start, len("".join(tokens))),
            weight=weight,
            is_word=is_word,
            frequency=lambda w: common(w) or 0,
        )

    assert coined(["加快", "培育", "数智", "生产力"])
    assert not coined(["加快", "提升", "数智", "效能"])  # an aspect, not a thing
    assert not coined(["加快", "强化", "思维", "促发展"])  # a phrase the dictionary lists


# ----------------------------------------------------------------------------- coined


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_literary_x_zhi_y_is_a_coinage_of_the_text(convert: object) -> None:
    text = convert(  # type: ignore[operator]
        "我们要坚持农业兴县之本，推动县域经济高质量发展。\n"
        "全县上下要走好新时代的强农之路，让农民腰包鼓起来。\n"
        "科技创新是发展的必由之路。\n"  # a set phrase of the language
    )
    cards = clozes(text, density=None)
    assert answers(cards, "coined") == {"农业兴县之本", "强农之路"}  # with the noun before it


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_term_a_paragraph_opens_with_and_the_text_names_again(convert: object) -> None:
    text = convert(  # type: ignore[operator]
        "第三章　空间布局\n坚持两翼齐飞、多点支撑，推动区域协调发展。\n"
        "第一节　构建两翼齐飞、多点支撑发展格局\n"
        "两翼齐飞。发挥东西两翼的带动作用，深化两地合作，提升整体实力。\n"
        "多点支撑。依托中心城市和重点园区，培育新的增长点，形成支撑区域发展的网络。\n"
        "加强区域协作。建立协调机制，共享发展成果。\n"  # a headline said once
    )
    cards = clozes(text, density=None)
    assert answers(cards, "coined") == {"两翼齐飞", "多点支撑"}
    card = next(c for c in cards if "coined" in c.tags)
    assert to_simplified(card.text).startswith("{{c1::两翼齐飞}}。发挥东西两翼")


def test_a_coinage_ranks_as_a_name_of_the_texts_own() -> None:
    coinage = rank.Evidence(rule="coined", answer="强农之路", stressed=True)
    term = rank.Evidence(rule="term", answer="强农之路", stressed=True)
    assert rank.importance(coinage) > rank.importance(term)
    assert rank.importance(coinage) >= rank.importance(
        rank.Evidence(rule="name", answer="强农之路")
    )


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_distinguishing_word_opens_a_concept_said_three_times(convert: object) -> None:
    text = convert(  # type: ignore[operator]
        "全面部署推进新型标准化。\n"
        "要加快推进新型标准化，提高发展质量。\n"
        "创建省级新型标准化示范区，形成经验。\n"  # 标准化 ends the phrase, as a noun
        "全省65岁以上老年人健康管理率达到七成，65岁以上老年人免费体检。\n"  # 以上: relative
    )
    found = answers(clozes(text, density=None), "term")
    assert "新型标准化" in found
    assert not any("以上" in a for a in found)


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_name_opened_by_the_texts_topic_is_named_without_it(convert: object) -> None:
    # 智慧新校园 is said in every sentence: what the plan is about, not part of a name
    body = "".join(f"第{n}所学校推进智慧新校园建设，完善智慧新校园管理。\n" for n in range(12))
    body += "建立智慧新校园分级登记制度，开设、变更、注销应向主管单位登记。\n"
    found = answers(clozes(convert(body), density=None), "name")  # type: ignore[operator]
    assert "分级登记制度" in found
    assert "智慧新校园分级登记制度" not in found
