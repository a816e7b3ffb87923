"""Matching sets: chunking into 3 to 6 pairs, validity of the pairs."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from quiz.deck import ClozeCard, MatchCard
from quiz.generate import matching
from quiz.generate.matching import PairSource
from quiz.generate.pipeline import build_deck
from quiz.text.script import to_traditional


@pytest.mark.parametrize(
    ("count", "sizes"),
    [(2, []), (3, [3]), (5, [5]), (6, [6]), (7, [4, 3]), (8, [4, 4]), (13, [5, 4, 4])],
)
def test_chunk_sizes(count: int, sizes: list[int]) -> None:
    ranges = matching.chunk(count)
    assert [end - start for start, end in ranges] == sizes
    if ranges:
        assert ranges[0][0] == 0 and ranges[-1][1] == count


def test_build_sets_cuts_pairs_from_the_text_in_either_script() -> None:
    for text in ("甲方：一号，乙方：二号，丙方：三号", "甲方：壹號，乙方：貳號，丙方：參號"):
        sources = [PairSource((i * 6, i * 6 + 2), (i * 6 + 3, i * 6 + 5), 1 + i) for i in range(3)]
        (card,) = matching.build_sets(sources, text, kind="lead", section="一", prompt="配对")
        assert card.pairs == tuple(
            (text[i * 6 : i * 6 + 2], text[i * 6 + 3 : i * 6 + 5]) for i in range(3)
        )
        assert card.line == 1 and card.tags == ("lead",) and card.section == "一"


def test_sets_with_repeated_sides_are_refused() -> None:
    assert not matching.usable_pairs([("甲", "一"), ("乙", "一"), ("丙", "三")])
    assert not matching.usable_pairs([("甲", "一"), ("甲。", "二"), ("丙", "三")])
    assert matching.usable_pairs([("甲", "一"), ("乙", "二"), ("丙", "三")])


def test_one_clause_dash_leads_make_a_set_in_either_script() -> None:
    text = (
        "一、工作回顾\n过去一年，全市经济运行总体平稳，各项事业取得新进展。\n"
        "——工业生产稳步回升。全年规模以上工业增加值增长百分之六。\n"
        "——服务消费持续扩大。社会消费品零售总额增长百分之八。\n"
        "——城乡面貌明显改善。新建改建农村公路三百公里。\n"
    )
    for form in (text, to_traditional(text)):
        deck, _report = build_deck(form, name="t")
        (card,) = [card for card in deck if isinstance(card, MatchCard)]
        leads = [line[2:-1] for line in form.split("\n") if line.startswith("——")]
        leads = [lead.split("。")[0] for lead in leads]
        assert [left + right for left, right in card.pairs] == leads
        assert all(len(left) >= 2 and len(right) >= 2 for left, right in card.pairs)


@pytest.mark.parametrize("convert", [str, to_traditional])
def test_a_long_lead_asks_its_predicate_and_leaves_the_subject_whole(
    convert: Callable[[str], str],
) -> None:
    """产业发展|基础巩固夯实 split the subject: its last noun belongs to it, the blank is what
    it does (巩固夯实)."""
    text = convert(
        "过去一年，我们取得新的成绩。\n"
        "——科技实力实现新的跨越。\n——产业发展基础巩固夯实。\n——城市环境质量持续改善。\n"
    )
    deck, _report = build_deck(text, name="t")
    (card,) = [card for card in deck if isinstance(card, MatchCard)]
    expected = [
        ("科技实力", "实现新的跨越"),
        ("产业发展基础", "巩固夯实"),
        ("城市环境质量", "持续改善"),
    ]
    assert list(card.pairs) == [(convert(left), convert(right)) for left, right in expected]
    leads = [c.answer for c in deck if isinstance(c, ClozeCard) and "lead" in c.tags]
    assert leads == [convert(right) for _left, right in expected]


def test_a_long_one_clause_lead_keeps_its_whole_name_on_the_left() -> None:
    text = (
        "一、工作回顾\n过去一年，全市经济运行总体平稳，各项事业取得新进展。\n"
        "——工业生产稳步回升。全年规模以上工业增加值增长百分之六。\n"
        "——服务消费持续扩大。社会消费品零售总额增长百分之八。\n"
        "——城乡面貌明显改善。新建改建农村公路三百公里。\n"
    )
    expected = [("工业生产", "稳步回升"), ("服务消费", "持续扩大"), ("城乡面貌", "明显改善")]
    for form in (text, to_traditional(text)):
        deck, _report = build_deck(form, name="t")
        (card,) = [card for card in deck if isinstance(card, MatchCard)]
        wanted = [
            (left, right) if form is text else (to_traditional(left), to_traditional(right))
            for left, right in expected
        ]
        assert list(card.pairs) == wanted
        lead_clozes = [c.text for c in deck if isinstance(c, ClozeCard) and "lead" in c.tags]
        assert lead_clozes == [f"——{left}{{{{c1::{right}}}}}。" for left, right in wanted]
