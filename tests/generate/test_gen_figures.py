"""The figures pass: a number with its unit and what it measures is a card; a bare number,
an ordinal, a calendar date or a figure of a table written out as prose is not. Both scripts."""

from __future__ import annotations

import pytest

from quiz.deck import ClozeCard
from quiz.generate.figures import figure_spans, is_headline
from quiz.generate.pipeline import build_deck
from quiz.text.script import to_traditional


def found(sentence: str) -> list[tuple[str, str]]:
    return [(span.text, span.kind) for span in figure_spans(sentence)]


FOUND = {
    "a target with its qualifier": (
        "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上。",
        [("5%左右", "target"), ("1200万人以上", "target")],
    ),
    "a result with its magnitude": (
        "全市地区生产总值达到33757.93亿元，增长5.3%。",
        [("33757.93亿元", "result"), ("5.3%", "result")],
    ),
    "a range": ("地区生产总值增长4.5%—5%，力争更好结果。", [("4.5%—5%", "target")]),
    "percentage points": ("研发投入强度提高0.2个百分点。", [("0.2个百分点", "result")]),
    "a target year": ("到2035年基本实现社会主义现代化。", [("2035年", "year")]),
    "an era date": ("公元前221年，秦灭六国，建立秦朝。", [("公元前221年", "year")]),
    "Chinese numerals with a magnitude": ("全县常住人口二十六万人。", [("二十六万人", "result")]),
    "a count in digits of ten or more": ("实施民生项目130项。", [("130项", "fact")]),
    "more than, before the magnitude": ("全党拥有9500多万名党员。", [("9500多万名", "fact")]),
    "Chinese numerals with 万 inside": (
        "人均国内生产总值增加到八万一千元。",
        [("八万一千元", "result")],
    ),
    "a sum planned with 拟": ("今年中央预算内投资拟安排7000亿元。", [("7000亿元", "target")]),
    "a 拟 that plans nothing": ("建设虚拟现实产业园，总投资120亿元。", [("120亿元", "fact")]),
    "a plan that goes on states a target": ("全年计划投资8.6亿元。", [("8.6亿元", "target")]),
    "计划 closing a clause plans its figures": (
        "做到开工一批，完成37.8亿元的年度投资计划。",
        [("37.8亿元", "target")],
    ),
    "计划 closing a scheme's name plans nothing after it": (
        "改善综援计划，把豁免限额由2500元增加至4000元。",
        [("2500元", "fact"), ("4000元", "result")],
    ),
    "a total, its unit whole": (
        "由现有6条航线扩展至另外8条，合共14条航线每年补贴2.6亿元。",
        [("14条航线", "total"), ("2.6亿元", "fact")],
    ),
    "a duration in months, whole": ("明年推行为期20个月的试验计划。", [("20个月", "target")]),
    "a year with the event it dates": (
        "1840年鸦片战争以后，中国逐步成为半殖民地半封建社会。",
        [("1840年鸦片战争", "year")],
    ),
    "a sum with the allowance it is, what the measure gives": (
        "每名学生每年可获得2500元学习津贴，只惠及中小学生。",
        [("2500元学习津贴", "result")],
    ),
    "a sum for a scheme's name is the sum alone": (
        "筹备20亿元先导资助计划，推动安装充电设施。",
        [("20亿元", "target")],
    ),
    "how a document is divided": (
        "《规划纲要》共有十一章三十五节，全文约二万七千字。",
        [("十一章三十五节", "named")],
    ),
}

NOT_FOUND = {
    "a bare number": "见第3页，共12段。",
    "an ordinal": "第3条规定了适用范围。",
    "a calendar date": "2024年3月5日发布，自公布之日起施行。",
    "a year alone": "2023年，我们经历了不平凡的一年。",
    "a quoted plan name": "实现“十四五”规划目标任务。",
    "a small count that names": "建设3个国际科技创新中心。",
    "a count in words": "我们完成了十件大事。",
    "nothing says what it measures": "5%，3%，2%。",
    "the end of a year range": "2019—2023年全面完成。",
    "a year before 的 dates no event": "2020年的一场深刻革命改变了这里。",
    "one chapter's number": "第十一章规划实施。",
    "an example's figures": "例如每月交通开支为600元，原有计法可获50元补贴，新计法可获67元补贴。",
    "an example in a clause": "有观点认为制造业比重不能低于某个数据（比如30%）。",
}


@pytest.mark.parametrize("case", sorted(FOUND))
def test_figures_found_in_both_scripts(case: str) -> None:
    sentence, wanted = FOUND[case]
    assert found(sentence) == wanted
    traditional = found(to_traditional(sentence))
    assert [kind for _text, kind in traditional] == [kind for _text, kind in wanted]
    assert [text for text, _kind in traditional] == [to_traditional(t) for t, _k in wanted]


@pytest.mark.parametrize("case", sorted(NOT_FOUND))
def test_no_figure_where_nothing_is_measured(case: str) -> None:
    sentence = NOT_FOUND[case]
    assert found(sentence) == []
    assert found(to_traditional(sentence)) == []


def test_a_table_written_as_prose_gives_no_figure() -> None:
    sentence = "，".join(f"第{i}项指标为{i * 3}万吨" for i in range(1, 12)) + "。"
    assert found(sentence) == []


def test_headline_quantities() -> None:
    assert is_headline("全市地区生产总值增长5.3%。", 10)
    assert is_headline(to_traditional("全市地区生产总值增长5.3%。"), 10)
    assert not is_headline("进出口总值增长2%。", 7)


def test_every_target_of_the_targets_paragraph_is_a_card() -> None:
    """A paragraph that states the targets makes a card of each, even across sentences
    and beyond the per-sentence limit of phrases."""
    text = (
        "今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。"
        "规上工业增加值增长6%，固定资产投资增长3%，社会消费品零售总额增长4%以上，"
        "城镇新增就业65万人以上。居民消费价格涨幅2%左右。\n"
    )
    for form in (text, to_traditional(text)):
        deck, _report = build_deck(form, name="t")
        answers = {c.answer for c in deck if isinstance(c, ClozeCard) and "figure" in c.tags}
        expected = {"5.5%左右", "6%", "3%", "4%以上", "65万人以上", "2%左右"}
        if form != text:
            expected = {to_traditional(a) for a in expected}
        assert answers == expected
        for card in deck:
            if isinstance(card, ClozeCard) and "figure" in card.tags:
                assert card.hint is None  # its reading would spell the answer
                assert card.importance is not None and card.importance >= 80


def figure_cards(text: str, **options: object) -> list[ClozeCard]:
    deck, _report = build_deck(text, name="t", **options)  # type: ignore[arg-type]
    return [c for c in deck if isinstance(c, ClozeCard) and "figure" in c.tags]


def both_scripts(text: str, *wanted: str) -> list[tuple[str, tuple[str, ...]]]:
    """The text and what is wanted of it, in Simplified, then in Traditional."""
    return [(text, wanted), (to_traditional(text), tuple(to_traditional(w) for w in wanted))]


def test_a_figure_said_twice_in_its_sentence_is_asked_after_the_first_saying() -> None:
    """全市工业经济总量突破3万亿元，…经济总量超过3万亿元: the card opens after the clause
    that says it first, so the blank gives nothing away; the first saying is not asked."""
    text = (
        "全市工业经济总量突破3万亿元，服务业增加值达到1.98万亿元，"
        "重庆成为首个经济总量超过3万亿元的城市。\n"
    )
    wanted = "服务业增加值达到1.98万亿元，重庆成为首个经济总量超过{{c1::3万亿元}}的城市。"
    for form, (card_text, answer) in both_scripts(text, wanted, "3万亿元"):
        cards = [c for c in figure_cards(form, density=None) if c.answer == answer]
        assert [c.text for c in cards] == [card_text]


def test_a_figure_inside_a_larger_one_is_asked_in_the_clause_after_it() -> None:
    """进出口总值增长5%以上，其中出口增长5%: the card of 5% opens after 5%以上's clause."""
    text = "进出口总值增长5%以上，其中出口增长5%，进口增长一成。\n"
    for form, (card_text,) in both_scripts(text, "其中出口增长{{c1::5%}}，进口增长一成。"):
        cards = {c.answer: c.text for c in figure_cards(form, density=None)}
        assert cards["5%"] == card_text


def test_a_figure_said_twice_in_its_own_clause_is_refused() -> None:
    text = "出口增长5%、进口增长5%，总量增长一成。\n"
    for form in (text, to_traditional(text)):
        assert "5%" not in [c.answer for c in figure_cards(form, density=None)]


def test_a_figure_quoted_elsewhere_in_its_sentence_is_refused() -> None:
    """稳增长“18”条 … 提出18条具体举措: the quoted 18 gives the blank away."""
    text = "稳增长“18”条：省政府办公厅印发若干政策措施，针对消费、生产等领域提出18条具体举措。\n"
    for form in (text, to_traditional(text)):
        deck, _report = build_deck(form, name="t", density=None)
        assert not [c for c in deck if isinstance(c, ClozeCard) and "18" in c.answer]


def test_a_crowded_sentence_asks_its_headline_figure_and_its_sums_first() -> None:
    """Of six results in one sentence, two are asked: the headline quantity (粮食产量) and
    the sum of money, not the first two in text order."""
    text = (
        "新建高标准农田348.8万亩，完成灌区现代化改造222.2万亩，新建产业园2个，"
        "落实资金35.6亿元，粮食产量达到732.5亿斤、创历史新高，生猪出栏6248万头。\n"
    )
    for form in (text, to_traditional(text)):
        deck, _report = build_deck(form, name="t", density=None)
        answers = [c.answer for c in deck if isinstance(c, ClozeCard) and "figure" in c.tags]
        expected = ["35.6亿元", "732.5亿斤"]
        assert answers == (expected if form == text else [to_traditional(a) for a in expected])


# ------------------------------------------------------------------- named counts


def test_a_count_closing_a_list_of_names_is_asked_with_the_programme_it_counts() -> None:
    """甲园、乙园…等20个先进制造业园区, where the text names 先进制造业园区 again: the
    answer is the count and the programme, asked before a name inside it."""
    text = (
        "扎实推进先进制造业园区建设，推动东湖智谷、西江新城、南岭科创港等20个先进制造业园区"
        "建设提速。\n"
    )
    for form, (answer,) in both_scripts(text, "20个先进制造业园区"):
        cards = figure_cards(form)
        assert answer in [c.answer for c in cards]
        assert not [c for c in cards if c.answer in ("20个", "20個")]


def test_a_count_of_matters_to_be_done_is_asked_with_them() -> None:
    text = "用心办好年度民生实事。坚持标准推进30件民生实事。全年办理建议95件。\n"
    for form, (answer, term) in both_scripts(text, "30件民生实事", "民生实事"):
        deck, _report = build_deck(form, name="t", density=None)
        answers = [c.answer for c in deck if isinstance(c, ClozeCard)]
        assert answer in answers
        named = next(c for c in deck if isinstance(c, ClozeCard) and c.answer == answer)
        assert named.tags == ("figure",) and (named.importance or 0) >= 60
        # the term inside it gives way in that sentence (it may be asked elsewhere)
        assert not [
            c
            for c in deck
            if isinstance(c, ClozeCard) and c.answer == term and answer in c.sentence
        ]


def test_a_count_without_a_list_or_a_matter_or_said_once_keeps_its_noun_out() -> None:
    cases = [
        "年内开工项目57个，完成投资34.8亿元。\n",  # no list before it: a tally
        "推动东湖智谷、西江新城、南岭科创港等20个重点园区建设。\n",  # 重点园区 said once
        "全年共办理人大代表建议95件、政协提案136件。\n",  # 件 of no matter to be done
    ]
    for text in cases:
        for form in (text, to_traditional(text)):
            for card in figure_cards(form, density=None):
                assert card.answer[-1] in "个個件项項%元" or "亿" in card.answer, card.answer


# ------------------------------------------------------- where a figure stands


REPORT = (
    "一、2025年工作回顾\n"
    "全市基本医保参保率稳定在98%以上，城镇新增就业70万人。\n"
    "二、2026年工作安排\n"
    "推进医保扩面，参保率稳定在98%以上，实现更加充分更高质量就业。\n"
)


def test_a_reports_review_of_the_past_holds_results_not_targets() -> None:
    """稳定在98%以上 of the year under review is a result; the same words in the plan for
    the year to come are a target."""
    for form in (REPORT, to_traditional(REPORT)):
        cards = [c for c in figure_cards(form, density=None) if c.answer.startswith("98%")]
        review, plan = sorted(cards, key=lambda c: c.line)
        assert (review.importance or 0) < (plan.importance or 0)


def test_a_line_stating_figures_above_its_paragraph_is_its_headline() -> None:
    text = (
        "深圳公布了今年的重大项目计划，并介绍了主要安排。\n"
        "2022年全市重大项目共安排883个，年度社会投资占比74.3%\n"
        "其中，政府投资575.5亿元，社会投资1665.8亿元，民间投资占比进一步提高。\n"
    )
    plain = text.replace("\n2022年全市重大项目", "2022年全市重大项目").replace("74.3%\n", "74.3%。")
    for form, other in ((text, plain), (to_traditional(text), to_traditional(plain))):
        headed = {c.answer: c.importance or 0 for c in figure_cards(form, density=None)}
        inline = {c.answer: c.importance or 0 for c in figure_cards(other, density=None)}
        assert headed["74.3%"] > inline["74.3%"]
