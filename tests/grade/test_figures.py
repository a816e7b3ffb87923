"""Reading figures (quiz.figures): values, units and qualifiers in both scripts, what is
not a figure, finding figures in a sentence, and properties over generated spellings."""

from __future__ import annotations

from fractions import Fraction

import pytest
from figure_spellings import UNITS, Spec, specs, spellings
from hypothesis import example, given
from hypothesis import strategies as st

from quiz import figures
from quiz.figures import FigureKind, find_figures, is_figure, parse_figure
from quiz.text.script import to_simplified, to_traditional


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier", "kind"),
    [
        ("5%左右", "5", "%", "约", FigureKind.PERCENT),
        ("５％左右", "5", "%", "约", FigureKind.PERCENT),
        ("约5%", "5", "%", "约", FigureKind.PERCENT),
        ("約5%", "5", "%", "约", FigureKind.PERCENT),
        ("5.5%", "5.5", "%", "", FigureKind.PERCENT),
        ("百分之五", "5", "%", "", FigureKind.PERCENT),
        ("百分之五点五", "5.5", "%", "", FigureKind.PERCENT),
        ("百分之5.5", "5.5", "%", "", FigureKind.PERCENT),
        ("千分之三", "3", "‰", "", FigureKind.PERCENT),
        ("3个百分点", "3", "百分点", "", FigureKind.POINTS),
        ("3個百分點", "3", "百分点", "", FigureKind.POINTS),
        ("三百分点", "3", "百分点", "", FigureKind.POINTS),
        ("3000亿元", "300000000000", "元", "", FigureKind.MONEY),
        ("3000億元", "300000000000", "元", "", FigureKind.MONEY),
        ("0.3万亿元", "300000000000", "元", "", FigureKind.MONEY),
        ("3千亿元", "300000000000", "元", "", FigureKind.MONEY),
        ("三千亿元", "300000000000", "元", "", FigureKind.MONEY),
        ("叁仟亿元", "300000000000", "元", "", FigureKind.MONEY),
        ("12,345,678.5元", "12345678.5", "元", "", FigureKind.MONEY),
        ("26万人", "260000", "人", "", FigureKind.COUNT),
        ("26萬人", "260000", "人", "", FigureKind.COUNT),
        ("二十六万人", "260000", "人", "", FigureKind.COUNT),
        ("二十六萬人", "260000", "人", "", FigureKind.COUNT),
        ("1200万人左右", "12000000", "人", "约", FigureKind.COUNT),
        ("一千二百万人左右", "12000000", "人", "约", FigureKind.COUNT),
        ("一千二百萬人上下", "12000000", "人", "约", FigureKind.COUNT),
        ("1.3万亿斤以上", "1300000000000", "斤", "以上", FigureKind.COUNT),
        ("一点三万亿斤以上", "1300000000000", "斤", "以上", FigureKind.COUNT),
        ("20多万人", "200000", "人", "以上", FigureKind.COUNT),
        ("3000余亿元", "300000000000", "元", "以上", FigureKind.MONEY),
        ("1万余人", "10000", "人", "以上", FigureKind.COUNT),
        ("26个省份", "26", "个省份", "", FigureKind.COUNT),
        ("26個省份", "26", "个省份", "", FigureKind.COUNT),
        ("三千万千瓦", "30000000", "千瓦", "", FigureKind.COUNT),
        ("3千米", "3", "公里", "", FigureKind.COUNT),
        ("2035年", "2035", "年", "", FigureKind.YEAR),
        ("２０３５年", "2035", "年", "", FigureKind.YEAR),
        ("二〇三五年", "2035", "年", "", FigureKind.YEAR),
        ("二零三五年", "2035", "年", "", FigureKind.YEAR),
        ("2012年以来", "2012", "年", "以来", FigureKind.YEAR),
        ("两千零三十五年", "2035", "年", "", FigureKind.COUNT),
        ("三年", "3", "年", "", FigureKind.COUNT),
        ("第一个百年", "1", "个百年", "", FigureKind.ORDINAL),
        ("第1个百年", "1", "个百年", "", FigureKind.ORDINAL),
        ("第一個百年", "1", "个百年", "", FigureKind.ORDINAL),
        ("第十四个五年规划", "14", "个五年规划", "", FigureKind.ORDINAL),
        ("两倍", "2", "倍", "", FigureKind.MULTIPLE),
        ("兩倍", "2", "倍", "", FigureKind.MULTIPLE),
        ("3000", "3000", "", "", FigureKind.NUMBER),
        ("3,000", "3000", "", "", FigureKind.NUMBER),
        ("不超过3%", "3", "%", "以内", FigureKind.PERCENT),
        ("3%以下", "3", "%", "以内", FigureKind.PERCENT),
        ("近五年", "5", "年", "近", FigureKind.COUNT),
        # a place word alone before 万/亿 means one of it
        ("千亿元", "100000000000", "元", "", FigureKind.MONEY),
        ("百亿元以上", "10000000000", "元", "以上", FigureKind.MONEY),
        ("万亿元", "1000000000000", "元", "", FigureKind.MONEY),
        ("百萬人", "1000000", "人", "", FigureKind.COUNT),
        # ranges: both ends in the value
        ("4.5%—5%", "4.5~5", "%", "", FigureKind.PERCENT),
        ("4.5%－5%", "4.5~5", "%", "", FigureKind.PERCENT),
        ("4.5—5%", "4.5~5", "%", "", FigureKind.PERCENT),
        ("百分之四点五到百分之五", "4.5~5", "%", "", FigureKind.PERCENT),
        ("3—5万人", "30000~50000", "人", "", FigureKind.COUNT),
        ("3萬至5萬人", "30000~50000", "人", "", FigureKind.COUNT),
        ("2021—2025年", "2021~2025", "年", "", FigureKind.YEAR),
        ("1—2个百分点", "1~2", "百分点", "", FigureKind.POINTS),
        ("5%~6%左右", "5~6", "%", "约", FigureKind.PERCENT),
        # years before the common era
        ("公元前214年", "-214", "年", "", FigureKind.YEAR),
        ("前219年", "-219", "年", "", FigureKind.YEAR),
        ("公元2035年", "2035", "年", "", FigureKind.YEAR),
        # Chinese numerals with a measure word: a count when large or scaled
        ("九千六百多万名", "96000000", "名", "以上", FigureKind.COUNT),
        ("千项", "1000", "项", "", FigureKind.COUNT),
        ("三百項", "300", "项", "", FigureKind.COUNT),
        ("4方", "4", "方", "", FigureKind.COUNT),
        ("95度", "95", "度", "", FigureKind.COUNT),
        # English spellings (quiz.figures reads them into the same value and unit)
        ("9 million", "9000000", "", "", FigureKind.NUMBER),
        ("1.5 billion", "1500000000", "", "", FigureKind.NUMBER),
        ("40 per cent", "40", "%", "", FigureKind.PERCENT),
        ("40 percent", "40", "%", "", FigureKind.PERCENT),
        ("2/8", "1/4", "", "", FigureKind.FRACTION),
        ("1/3 of the population", "1/3", "ofthepopulation", "", FigureKind.FRACTION),
        ("40% of the vote", "40", "%ofthevote", "", FigureKind.PERCENT),
        ("4 years", "4", "年", "", FigureKind.COUNT),
        ("300 km", "300", "公里", "", FigureKind.COUNT),
        ("about 9 million", "9000000", "", "约", FigureKind.NUMBER),
        ("More than 40%", "40", "%", "以上", FigureKind.PERCENT),
    ],
)
def test_a_figure_reads_as_value_unit_qualifier(
    text: str, value: str, unit: str, qualifier: str, kind: FigureKind
) -> None:
    figure = parse_figure(text)
    assert figure is not None
    assert (figure.value, figure.unit, figure.qualifier, figure.kind) == (
        value,
        unit,
        qualifier,
        kind,
    )
    assert figure.text == text


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("26万人", "260000人"),
        ("3000亿元", "0.3万亿元"),
        ("2035年", "二〇三五年"),
        ("二零三五年", "二〇三五年"),
        ("第一个百年", "第1个百年"),
        ("5%左右", "约百分之五"),
        ("1200万人左右", "一千二百萬人上下"),
        ("两倍", "2倍"),
        ("兩倍", "二倍"),
        ("3个百分点", "三百分點"),
        ("5.50%", "5.5%"),
        ("一万五千人", "一万五人"),
        ("三百五十人", "三百五人"),
        ("3,000元", "３０００元"),
        ("千亿元", "1000亿元"),
        ("4.5%—5%", "百分之四点五至百分之五"),
        ("3—5万人", "30000-50000人"),
        ("公元前214年", "前二一四年"),
    ],
)
def test_one_figure_in_two_spellings_is_the_same(left: str, right: str) -> None:
    first, second = parse_figure(left), parse_figure(right)
    assert first is not None and second is not None
    assert first.same_as(second)


@pytest.mark.parametrize(
    ("left", "right", "differences"),
    [
        ("5%", "5个百分点", ("unit",)),
        ("5%", "5%左右", ("qualifier",)),
        ("5%左右", "5%以上", ("qualifier",)),
        ("3000亿元", "3000亿", ("unit",)),
        ("3000亿元", "3000元", ("value",)),
        ("2035年", "2036年", ("value",)),
        ("第一个百年", "第二个百年", ("value",)),
        ("5.5%", "55%", ("value",)),
        ("26万人", "26万人次", ("unit",)),
        ("4.5%—5%", "4.5%", ("value",)),
        ("4.5%—5%", "5%—4.5%", ("value",)),
        ("前214年", "214年", ("value",)),
    ],
)
def test_figures_that_differ_say_how(left: str, right: str, differences: tuple[str, ...]) -> None:
    first, second = parse_figure(left), parse_figure(right)
    assert first is not None and second is not None
    assert first.differences(second) == differences
    assert not first.same_as(second)


@pytest.mark.parametrize(
    "text",
    [
        "十四五",  # a name, no well-formed number
        "“十四五”",
        "四个意识",  # numerals and a measure word: a formula's name
        "两个确立",
        "两个维护",
        "三会一课",
        "一带一路",
        "五位一体",
        "两个",
        "八项",  # 八项规定
        "十个",
        "四方",
        "一度",
        "百年",  # 百年大党: a lone place word only counts with a measure word (千项)
        "千年",
        "三千",  # a bare Chinese numeral is a word as often as a figure
        "一",
        "5G",
        "5G网络",
        "90后",
        "二〇三五",  # digit by digit only as a year
        "第一书记",  # 第 + number + no measure word
        "一百十",
        "五点",
        "",
        "%",
        "左右",
        "5%左右了",
        "5%—6个百分点",  # no range: two units
        "千万",  # an adverb as often as a number
        "公元前5%",  # an era marks a year
        "前3个月",
    ],
)
def test_names_and_words_are_not_figures(text: str) -> None:
    assert parse_figure(text) is None
    assert not is_figure(text)


@pytest.mark.parametrize(
    ("typed", "value", "unit", "qualifier"),
    [
        ("三千", "3000", "", ""),
        ("十五", "15", "", ""),
        ("一万五", "15000", "", ""),
        ("4个意识", "4", "个意识", ""),
        ("四个意识", "4", "个意识", ""),
        ("5%左", "5", "%左", ""),
        ("5%左右了", "5", "%左右了", ""),
        ("5左右", "5", "", "约"),
    ],
)
def test_lenient_reading_keeps_the_rest_as_the_unit(
    typed: str, value: str, unit: str, qualifier: str
) -> None:
    figure = parse_figure(typed, strict=False)
    assert figure is not None
    assert (figure.value, figure.unit, figure.qualifier) == (value, unit, qualifier)


def test_spans_cut_the_figure_into_its_parts() -> None:
    figure = parse_figure("约1.3万亿斤以上")
    assert figure is not None
    assert figure.text[slice(*figure.digits)] == "1.3"
    assert figure.text[slice(*figure.amount)] == "1.3万亿"
    assert figure.text[slice(*figure.core)] == "1.3万亿斤"
    assert (figure.before, figure.unit_text, figure.after) == ("约", "斤", "以上")
    chinese = parse_figure("二十六萬人")
    assert chinese is not None
    assert chinese.text[slice(*chinese.digits)] == "二十六"
    assert chinese.text[slice(*chinese.amount)] == "二十六萬"
    ordinal = parse_figure("第一个百年")
    assert ordinal is not None
    assert ordinal.text[slice(*ordinal.digits)] == "一"
    assert ordinal.text[slice(*ordinal.amount)] == "第一"


def test_spaces_inside_a_figure_are_skipped_and_the_spans_stay_in_place() -> None:
    figure = parse_figure("5 %  左右")
    assert figure is not None
    assert (figure.value, figure.unit, figure.qualifier) == ("5", "%", "约")
    assert figure.after.strip() == "左右"
    core = figure.text[slice(*figure.core)]
    assert figure.before + core + figure.after == figure.text


def test_find_figures_in_a_sentence() -> None:
    text = (
        "主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人左右，粮食产量1.3萬億斤以上。"
    )
    found = [(text[m.start : m.end], m.figure.value) for m in find_figures(text)]
    assert found == [
        ("5%左右", "5"),
        ("1200万人左右", "12000000"),
        ("1.3萬億斤以上", "1300000000000"),
    ]


def test_find_figures_leaves_names_alone_and_bare_numbers_unless_asked() -> None:
    text = "落实“十四五”规划，增强“四个意识”，建设5G基站和3D打印中心，见第3条。"
    assert [m.figure.text for m in find_figures(text)] == ["第3条"]
    assert [m.figure.text for m in find_figures("一是抓好3项工作，二是完成1000", bare=True)] == [
        "3项",
        "1000",
    ]


def test_find_figures_reads_an_ordinal_up_to_its_measure_word() -> None:
    found = find_figures("实现第一个百年奋斗目标，2024年3月5日")
    assert [m.figure.text for m in found] == ["第一个", "2024年", "3月", "5日"]


def test_the_traditional_table_agrees_with_opencc() -> None:
    """Every character of the vocabulary is read in its Traditional form too, and the
    table maps no character where OpenCC would not."""
    vocabulary = "".join(figures.UNITS) + "".join(figures.QUALIFIERS) + "第百分之千分之"
    vocabulary += "".join(figures.CN_NUMERAL_CHARS)
    for char in sorted(set(vocabulary)):
        traditional = to_traditional(char)
        assert traditional.translate(figures.TRADITIONAL) == char, (char, traditional)
    for traditional, simplified in figures.TRADITIONAL.items():
        assert to_simplified(chr(traditional)) == chr(simplified)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- properties


@given(specs(), st.data())
def test_every_generated_spelling_reads_as_its_figure(spec: Spec, data: st.DataObject) -> None:
    written = data.draw(spellings(spec))
    figure = parse_figure(written)
    assert figure is not None, written
    assert Fraction(figure.value) == spec.value, written
    assert figure.unit == spec.unit, written
    assert figure.qualifier == spec.qualifier, written


@given(st.text(st.characters(codec="utf-8"), max_size=30))
@example("1" * 5_000 + "%")
@example("亿" * 50)
@example("一万亿亿亿")
@example("第第第")
@example("0多")
@example("5 ")
@example("9" * 31 + "元")
def test_reading_and_finding_never_raise(text: str) -> None:
    for strict in (True, False):
        figure = parse_figure(text, strict=strict)
        if figure is not None:
            assert figure.text in text  # outer spaces left out
            spans = (figure.core[0], *figure.digits, figure.amount[1], figure.core[1])
            assert list(spans) == sorted(spans) and spans[-1] <= len(figure.text)
    for match in find_figures(text, bare=True):
        assert text[match.start : match.end] == match.figure.text


@given(specs(), specs(), st.sampled_from(["—", "——", "-", "－", "~", "～", "至", "到"]), st.data())
def test_a_range_of_two_spellings_reads_as_both_ends(
    low: Spec, high: Spec, mark: str, data: st.DataObject
) -> None:
    upper = low.value + data.draw(st.integers(1, 50)) if low.unit == "年" else high.value
    high = Spec(upper, low.unit, "")
    low = Spec(low.value, low.unit, "")
    first, second = data.draw(spellings(low)), data.draw(spellings(high))
    # the unit written once (4.5—5%) or after both ends (4.5%—5%); with the unit once,
    # a scale written once is both ends' (3—5万人), so only where the second has none
    written = sorted([*UNITS[low.unit], "％", "個百分點"], key=len, reverse=True)
    unit = next((unit for unit in written if first.endswith(unit)), "")
    scaled = any(char in second for char in "万萬亿億")
    once = data.draw(st.booleans()) and not scaled and not first.startswith("百分之")
    if once and unit:
        first = first[: len(first) - len(unit)]
    written = first + mark + second
    figure = parse_figure(written)
    assert figure is not None, written
    assert figure.is_range
    low_value, high_value = figure.value.split("~")
    assert (Fraction(low_value), Fraction(high_value)) == (low.value, high.value), written
    assert figure.unit == low.unit
