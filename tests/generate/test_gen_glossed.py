"""What a document marks by how it writes it, with no quotation or book-title marks: a
token glossed in brackets (5G（第五代移动通信技术）), a law named bare (依据数据保护法等法律
法规), a rule of procedure in four characters (先核后报), and the document's own number
under its title (某府发〔2024〕5号). Both scripts."""

from __future__ import annotations

import pytest
from built import SCRIPTS, answers, clozes

from quiz.generate import glossed, rank
from quiz.generate.pipeline import build_deck
from quiz.generate.structure import layout
from quiz.text.script import to_simplified

# ----------------------------------------------------------------------------- glossed


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_latin_token_glossed_in_brackets_is_asked_with_its_gloss(convert: object) -> None:
    text = convert(  # type: ignore[operator]
        "各地要加快5G（第五代移动通信技术）网络建设，扩大覆盖范围。\n"
        "全市要加强网络安全管理，完善应急处置机制。\n"
    )
    cards = clozes(text, density=None)
    assert answers(cards, "glossed") == {"5G"}
    card = next(c for c in cards if "glossed" in c.tags)
    assert to_simplified(card.text).startswith("各地要加快{{c1::5G}}（第五代移动通信技术）")


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_chinese_short_form_glossed_by_its_full_form(convert: object) -> None:
    text = convert("由网信办（国家互联网信息办公室）统筹协调全国网络安全工作。")  # type: ignore[operator]
    spans = glossed.glossed_terms(to_simplified(text))
    assert [to_simplified(text)[s:e] for s, e in spans] == ["网信办"]


@pytest.mark.parametrize("convert", SCRIPTS)
def test_brackets_that_gloss_nothing_mark_no_term(convert: object) -> None:
    for text in (
        "各省（区、市）人民政府要抓好落实。",  # the kinds of a place
        "各部门办公厅（室）负责日常工作。",  # a shorter alternative
        "今年增长5%（上年为4%），好于预期。",  # a figure's aside
        "推广app（应用程序）服务。",  # no capital or digit: a word, no abbreviation
    ):
        simplified = to_simplified(convert(text))  # type: ignore[operator]
        assert glossed.glossed_terms(simplified) == [], text


# ----------------------------------------------------------------------------- laws


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_law_named_without_book_title_marks(convert: object) -> None:
    text = convert(  # type: ignore[operator]
        "各单位要严格执行数据保护法等法律法规，落实安全管理责任。\n"
        "依据个人信息保护法和档案管理条例，规范信息公开工作。\n"
    )
    assert answers(clozes(text, density=None), "law") == {
        "数据保护法",
        "个人信息保护法",
        "档案管理条例",
    }


@pytest.mark.parametrize("convert", SCRIPTS)
def test_ways_of_doing_and_vague_rules_are_no_laws(convert: object) -> None:
    for text in (
        "按照科学管理方法推进工作。",
        "根据有关管理办法执行。",
        "落实新的工作做法，形成经验。",
        "根据相关条例办理。",
        "依据宪法开展工作。",  # a short common word: no rare compound to ask
    ):
        simplified = to_simplified(convert(text))  # type: ignore[operator]
        assert glossed.unmarked_laws(simplified) == [], text


# ----------------------------------------------------------------------------- procedure


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_rule_of_procedure_in_four_characters_is_a_coinage(convert: object) -> None:
    text = convert(  # type: ignore[operator]
        "严格信息报送制度，坚持分级审核、先核后报，明确审核责任。\n"
        "办事要讲秩序，排队时先来后到，不得插队。\n"  # an idiom
    )
    assert answers(clozes(text, density=None), "coined") == {"先核后报"}


def test_a_procedure_inside_a_longer_word_is_none() -> None:
    assert glossed.procedure_coinages("首先后续工作要跟上。") == []
    assert glossed.procedure_coinages("一心一意，谋发展。") == [(0, 4)]  # the caller drops idioms


# ----------------------------------------------------------------------------- number


@pytest.mark.parametrize("convert", SCRIPTS)
def test_the_documents_number_under_its_title_is_asked_with_it(convert: object) -> None:
    text = convert(  # type: ignore[operator]
        "某省人民政府关于加强\n数据治理工作的通知\n某府发〔2024〕5号\n各市人民政府：\n"
        "为加强数据治理工作，现就有关事项通知如下。\n"
        "一、总体要求\n各地要完善数据治理体系，建立数据共享机制，提升数据治理水平。\n"
    )
    cards = clozes(text, density=None)
    numbered = [c for c in cards if "docnumber" in c.tags]
    assert [to_simplified(c.answer) for c in numbered] == ["某府发〔2024〕5号"]
    card = numbered[0]
    assert to_simplified(card.text) == (
        "某省人民政府关于加强\n数据治理工作的通知\n{{c1::某府发〔2024〕5号}}"
    )
    assert card.line == 3
    assert not [c for c in cards if c.line in (1, 2, 3) and "docnumber" not in c.tags]


def test_a_number_line_without_a_title_above_it_is_no_card() -> None:
    text = "某府发〔2024〕5号\n\n各市人民政府：\n为加强数据治理工作，现就有关事项通知如下。\n"
    lay = layout(text)
    assert all("〔" not in text[s.start : s.end] for s in lay.sentences)


def test_glossed_terms_and_numbers_rank_with_the_marked_rules() -> None:
    keyword = rank.importance(rank.Evidence(rule="keyword", answer="网络协议"))
    for rule in ("glossed", "law", "docnumber"):
        assert rank.importance(rank.Evidence(rule=rule, answer="网络协议")) > keyword


@pytest.mark.parametrize("convert", SCRIPTS)
def test_the_lines_above_the_number_are_the_title(convert: object) -> None:
    text = convert(  # type: ignore[operator]
        "索 引 号： 000123/2024-00001 主题分类： 综合政务\n\n"
        "某省人民政府关于加强\n数据治理工作的通知\n某府发〔2024〕5号\n各市人民政府：\n"
        "为加强数据治理工作，现就有关事项通知如下。\n"
    )
    deck, _report = build_deck(text, name="t")
    assert to_simplified(deck.title or "") == "某省人民政府关于加强 数据治理工作的通知"
