"""The parallel-phrases pass: runs of same-shaped phrases stated without quotation marks
(稳中求进、以进促稳、先立后破; 政治关、法律关、政策关), the series sibling headings name
(共建人文湾区 / 构筑休闲湾区), how their cards rank and where they stand in the selection.
Both scripts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from quiz.deck import ClozeCard
from quiz.generate import rank
from quiz.generate.cloze import MAX_RUN_ITEMS, Candidate, select_with_figures
from quiz.generate.pipeline import _scored, build_deck
from quiz.generate.select import FLOOR
from quiz.text.script import to_traditional

Convert = Callable[[str], str]
SCRIPTS = pytest.mark.parametrize(
    "convert", [str, to_traditional], ids=["simplified", "traditional"]
)


def parallel_answers(text: str) -> list[str]:
    deck, _ = build_deck(text, name="t", density=None)
    return [c.answer for c in deck if isinstance(c, ClozeCard) and c.tags[0] == "parallel"]


@SCRIPTS
def test_a_coined_formula_gives_every_other_item(convert: Convert) -> None:
    text = convert("我们要坚持稳中求进、以进促稳、先立后破。稳是大局和基础。\n")
    assert parallel_answers(text) == [convert("稳中求进"), convert("先立后破")]


@SCRIPTS
def test_a_framed_series_replaces_the_list_cards(convert: Convert) -> None:
    text = convert(
        "严格内容发布审核制度，明确审核流程，严把政治关、法律关、政策关、保密关、文字关。\n"
    )
    assert parallel_answers(text) == [convert(a) for a in ("政治关", "政策关", "文字关")]
    deck, _ = build_deck(text, name="t", density=None)
    assert not any("list" in c.tags for c in deck)


@SCRIPTS
def test_a_creed_in_pairs_gives_one_blank_a_pair(convert: Convert) -> None:
    text = convert(
        "一百年前，先驱们形成了坚持真理、坚守理想，践行初心、担当使命，不怕牺牲、英勇斗争，"
        "对党忠诚、不负人民的伟大建党精神，这是精神之源。\n"
    )
    wanted = ("坚持真理", "践行初心", "不怕牺牲", "对党忠诚")
    assert parallel_answers(text) == [convert(a) for a in wanted]


@SCRIPTS
def test_a_mirrored_pair_is_one_blank(convert: Convert) -> None:
    text = convert("江山就是人民、人民就是江山，打江山、守江山，守的是人民的心。\n")
    assert parallel_answers(text) == [convert("江山就是人民、人民就是江山")]


@SCRIPTS
@pytest.mark.parametrize(
    "sentence",
    [
        "我们要加快发展、深化改革、扩大开放，推动经济持续向好。",  # clauses of the text
        "规划范围包括广州市、深圳市、珠海市、佛山市等九市。",  # places: words of a list
        "举办篮球、足球、棒球等城市联赛，丰富群众生活。",  # words of a list
        "坚持扩大内需、优化供给，做优增量、盘活存量，因地制宜发展新质生产力。",  # plans
        "一条跑道、一条小径、一片绿地，都能让群众感受到温度。",  # things counted
    ],
)
def test_ordinary_lists_and_clauses_make_no_run(convert: Convert, sentence: str) -> None:
    assert parallel_answers(convert(sentence + "\n")) == []


@SCRIPTS
@pytest.mark.parametrize(
    "sentence",
    [
        "办好进博会、广交会、服贸会、消博会等重大展会。",  # 等: examples of a list
        "做优川菜、川酒、川茶、川药、川果等特色产品和服务。",  # 等: products
        "完善地区碳考核、行业碳管控、企业碳管理、项目碳评价、产品碳足迹等机制。",
        "成功举办智博会、西洽会、国才会、中新双边合作机制会议。",  # the list goes on
        "推进政治监督具体化、精准化、常态化，增强监督实效。",  # suffix-made words
        "增强立法系统性、整体性、协同性、时效性。",
        "组织化、系统化、项目化推动高校院所开展帮扶。",
        "使居民获得感、幸福感、安全感更加充实、更有保障、更可持续。",  # how much
    ],
)
def test_a_stretch_of_a_list_or_of_general_words_makes_no_run(
    convert: Convert, sentence: str
) -> None:
    assert parallel_answers(convert(sentence + "\n")) == []


@SCRIPTS
def test_a_part_of_another_list_is_not_cut_to_an_item(convert: Convert) -> None:
    text = convert(
        "以最大力度不唯地域、不问出身、不求所有、不拘一格、不遗余力引进、培养、使用各类人才。\n"
    )
    assert parallel_answers(text) == [convert("不唯地域"), convert("不求所有")]  # no 不遗余力
    text = convert(
        "弘扬和平、发展、公平、正义、民主、自由的全人类共同价值，坚持合作、不搞对抗，"
        "坚持开放、不搞封闭，坚持互利共赢、不搞零和博弈。\n"
    )  # 共同价值 ends an item of the list before: no item of the creed
    assert parallel_answers(text) == [convert("坚持合作"), convert("坚持开放")]


@SCRIPTS
def test_an_item_opened_by_an_adverb_is_not_asked(convert: Convert) -> None:
    text = convert("保持历史耐心，坚持稳中求进、循序渐进、持续推进。\n")
    assert parallel_answers(text) == [convert("稳中求进")]  # not 持续推进


@SCRIPTS
def test_a_coined_formula_ranks_above_a_frame_of_everyday_nouns(convert: Convert) -> None:
    text = convert(
        "大力推进新技术、新产品、新业态、新模式的创新应用。加快新技术推广。"
        "支持新技术研发。扩大新技术转化。我们要坚持稳中求进、以进促稳、先立后破。\n"
    )
    deck, _ = build_deck(text, name="t", density=None)
    worth = {
        c.answer: c.importance
        for c in deck
        if isinstance(c, ClozeCard) and c.tags[0] == "parallel" and c.importance is not None
    }
    new, breaking = worth[convert("新技术")], worth[convert("先立后破")]
    assert breaking > new  # 新|技术 said four times is the frame and an everyday noun


@SCRIPTS
def test_sibling_headings_that_name_a_series(convert: Convert) -> None:
    text = convert(
        "第八章　建设优质生活圈\n"
        "第一节　打造教育和人才高地\n推动教育合作发展，促进人才流动。\n"
        "第二节　共建人文湾区\n塑造湾区人文精神，共同推进文化繁荣。\n"
        "第三节　构筑休闲湾区\n推进旅游发展，丰富旅游产品。\n"
        "第四节　拓展就业创业空间\n完善就业创业服务体系。\n"
        "第五节　塑造健康湾区\n密切医疗卫生合作，推动医疗服务发展。\n"
    )
    assert parallel_answers(text) == [convert(a) for a in ("人文湾区", "休闲湾区", "健康湾区")]
    deck, _ = build_deck(text, name="t", density=None)
    series = [c for c in deck if isinstance(c, ClozeCard) and c.tags[0] == "parallel"]
    assert all(c.tags == ("parallel", "heading") for c in series)


def test_each_further_item_of_a_run_ranks_lower_and_none_is_an_everyday_word() -> None:
    first = rank.Evidence(rule="parallel", answer="影响力", idf=7.5, dictionary_word=True)
    third = rank.Evidence(
        rule="parallel", answer="影响力", idf=7.5, dictionary_word=True, run_place=2
    )
    listed = rank.Evidence(rule="list", answer="影响力", idf=7.4, dictionary_word=True)
    assert rank.importance(first) - rank.importance(third) == 2 * rank.RUN_STEP
    assert rank.importance(third) > rank.importance(listed)  # the list item is everyday


def test_an_item_of_its_frame_and_an_everyday_noun_costs_and_earns_no_repeats() -> None:
    plain = rank.Evidence(rule="parallel", answer="新技术", repeats=9)
    everyday = rank.Evidence(rule="parallel", answer="新技术", repeats=9, everyday_item=True)
    assert rank.importance(plain) - rank.importance(everyday) == rank.EVERYDAY_ITEM + 18


def _candidate(start: int, end: int, rule: str) -> Candidate:
    return Candidate(start, end, 0, 100, rule, 1, None)


def test_a_run_counts_as_one_phrase_towards_the_sentence_limit() -> None:
    term = _candidate(0, 6, "term")
    items = [_candidate(10 + 5 * i, 14 + 5 * i, "parallel") for i in range(MAX_RUN_ITEMS + 1)]
    chosen = select_with_figures([term, *items], {})
    assert chosen == [term, *items[:MAX_RUN_ITEMS]]


@pytest.mark.parametrize(("length", "floor"), [(3000, True), (20000, False)])
def test_a_short_text_keeps_its_runs_and_a_long_one_ranks_them(length: int, floor: bool) -> None:
    card = ClozeCard(
        id="000000000001", text="严把{{c1::政治关}}、法律关、政策关", tags=("parallel",)
    )
    evidence = {card.id: rank.Evidence(rule="parallel", answer="政治关", text_length=length)}
    assert (_scored(0, card, evidence).standing == FLOOR) is floor
