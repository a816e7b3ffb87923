"""Passes for what the text marks without quotation marks: phrases a page underlines or
bolds, the named items of a described list, and the unshared part of parallel leads' second
halves. Both scripts."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.deck import ClozeCard
from quiz.generate.pipeline import build_deck, generate_deck
from quiz.generate.rank import Evidence, everyday_marked
from quiz.generate.series import named_items
from quiz.text.markup import emphasised_phrases
from quiz.text.script import to_traditional

PAGE = (
    "<p>秦朝定都<u>咸阳</u>，中央设<b>丞相</b>、<strong>太尉</strong>和御史大夫。</p>\n"
    "<p><b>第一章 总则</b></p>\n"
    "<p>地方推行<u>郡县制</u>，统一<u>度量衡</u>，以利于经济文化交流。</p>\n"
)


@pytest.mark.parametrize("convert", [str, to_traditional])
def test_inline_emphasis_is_read_and_a_bold_line_is_not(convert: object) -> None:
    page = convert(PAGE)  # type: ignore[operator]
    found = emphasised_phrases(page, "html")
    assert found == tuple(convert(p) for p in ("咸阳", "丞相", "太尉", "郡县制", "度量衡"))  # type: ignore[operator]
    assert emphasised_phrases(page, "txt") == ()


def test_markdown_emphasis() -> None:
    text = "- 统一文字：以**小篆**为通用文字，__书同文__。\n**第二节 机遇挑战**\n"
    assert emphasised_phrases(text, "md") == ("小篆", "书同文")


@pytest.mark.parametrize("convert", [str, to_traditional])
def test_marked_phrases_become_cards(tmp_path: Path, convert: object) -> None:
    page = tmp_path / "page.html"
    page.write_text(convert(PAGE), encoding="utf-8")  # type: ignore[operator]
    deck, _report = generate_deck(page)
    marked = {c.answer for c in deck if isinstance(c, ClozeCard) and "marked" in c.tags}
    assert {convert(a) for a in ("咸阳", "郡县制", "度量衡")} <= marked  # type: ignore[operator]


@pytest.mark.parametrize("convert", [str, to_traditional])
def test_what_a_page_underlines_is_kept_whatever_the_cap_unless_an_everyday_word(
    convert: object,
) -> None:
    text = convert("秦朝定都咸阳，中央设丞相、太尉和御史大夫。地方推行郡县制，统一度量衡。\n")  # type: ignore[operator]
    marked = [convert(p) for p in ("咸阳", "丞相", "太尉", "郡县制", "度量衡")]  # type: ignore[operator]
    filler = convert("今天天气很好，我们一起去公园散步。\n") * 320  # type: ignore[operator]
    # a long text capped to almost nothing keeps its floor only
    deck, _ = build_deck(text + filler, name="t", density=0.0001, emphasis=marked)
    answers = {c.answer for c in deck if isinstance(c, ClozeCard)}
    assert {convert(p) for p in ("咸阳", "太尉", "郡县制")} == answers  # type: ignore[operator]
    # an underlined everyday word is ranked like any card, not kept whatever the budget
    assert everyday_marked(Evidence(rule="marked", answer="道路", idf=5.2, dictionary_word=True))
    assert not everyday_marked(
        Evidence(rule="marked", answer="丞相", idf=9.1, dictionary_word=True)
    )


@pytest.mark.parametrize("convert", [str, to_traditional])
def test_every_phrase_a_line_underlines_is_asked_however_many(convert: object) -> None:
    text = convert("秦王嬴政先后灭六国，建立秦朝，定都咸阳，设丞相、太尉和御史大夫。\n")  # type: ignore[operator]
    marked = [convert(p) for p in ("嬴政", "秦朝", "咸阳", "丞相", "太尉", "御史大夫")]  # type: ignore[operator]
    deck, _ = build_deck(text, name="t", density=None, emphasis=marked)
    assert [c.answer for c in deck if isinstance(c, ClozeCard)] == marked


@pytest.mark.parametrize("convert", [str, to_traditional])
def test_named_items_of_a_described_list(convert: object) -> None:
    text = convert(
        "探索推出解决管理痛点的党小组开放日、消除攻关难点的红色智慧田、打通堵点的红色能量站。"
    )  # type: ignore[operator]
    names = [text[s:e] for s, e in named_items(text)]
    assert names == [convert(n) for n in ("党小组开放日", "红色智慧田", "红色能量站")]  # type: ignore[operator]
    assert named_items(convert("加强思想建设、组织建设和作风建设。")) == []  # type: ignore[operator]
    deck, _ = build_deck(text + "\n", name="t")
    assert [c.answer for c in deck if isinstance(c, ClozeCard)] == names


# Parallel leads ask what their second halves do not share (党的组织 of 实现党的组织全覆盖);
# after a verb all leads open with, its whole object (建设|离岸创新创业平台: the last six
# characters would cut the name).
LEADS = [
    (
        "一、完善组织体系\n"
        "坚持纵向到底，实现党的组织全覆盖。针对联合党支部活动开展难等问题，调整机构设置。\n"
        "坚持横向到边，实现党的工作全覆盖。厘清党委决策与其他机构决策的治理边界。\n"
        "坚持上下贯通，实现党建责任全覆盖。打出月度点评、季度考核组合拳。\n",
        {"纵向到底", "横向到边", "上下贯通", "党的组织", "党的工作", "党建责任"},
    ),
    (
        "一、开放平台\n"
        "建设新型国际贸易中心，发展离岸贸易，打造货权交割地。\n"
        "建设离岸创新创业平台，允许科技企业区内注册、国际经营。\n"
        "建设国际文化创意基地，探索文化创意合作新模式。\n",
        {"新型国际贸易中心", "离岸创新创业平台", "国际文化创意基地"},
    ),
]


@pytest.mark.parametrize("convert", [str, to_traditional])
@pytest.mark.parametrize(("text", "wanted"), LEADS)
def test_parallel_leads_ask_their_own_part(convert: object, text: str, wanted: set[str]) -> None:
    deck, _ = build_deck(convert(text), name="t", density=None)  # type: ignore[operator]
    leads = {c.answer for c in deck if isinstance(c, ClozeCard) and "lead" in c.tags}
    assert {convert(w) for w in wanted} <= leads, leads  # type: ignore[operator]
    assert not any(answer.startswith("的") for answer in leads)
