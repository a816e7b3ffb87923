"""Grading figure answers: the same figure in another spelling is correct, the right
number with a missing or wrong unit or qualifier is a near miss (not correct), another
number is wrong; in both scripts. Properties over generated spellings."""

from __future__ import annotations

from fractions import Fraction

import pytest
from figure_spellings import Spec, specs, spellings
from hypothesis import given
from hypothesis import strategies as st

from quiz.deck import ClozeCard
from quiz.grade import DiffOp, Rating, Verdict, VerdictKind, grade, suggest_rating

EXACT, EQUIVALENT, NEAR, WRONG = (
    VerdictKind.EXACT,
    VerdictKind.EQUIVALENT,
    VerdictKind.NEAR,
    VerdictKind.WRONG,
)
SAME_FIGURE = "accepted: same figure, other spelling"


def card(answer: str, accept: tuple[str, ...] = ()) -> ClozeCard:
    return ClozeCard(
        id="f", text="今年发展主要预期目标是：增长{{c1::" + answer + "}}。", accept=accept
    )


def check(typed: str, answer: str) -> Verdict:
    return grade(typed, card(answer))


@pytest.mark.parametrize(
    ("answer", "typed"),
    [
        ("5%左右", "百分之五左右"),
        ("5%左右", "约5%"),
        ("5%左右", "约百分之五"),
        ("5%左右", "5％上下"),
        ("5%左右", "百分之5左右"),
        ("3000亿元", "三千亿元"),
        ("3000亿元", "0.3万亿元"),
        ("3000亿元", "3千亿元"),
        ("3000亿元", "300000000000元"),
        ("3000亿元", "三千億元"),
        ("3000億元", "3000亿元"),  # a Traditional card, a Simplified answer
        ("3000億元", "0.3萬億元"),
        ("26万人", "260000人"),
        ("26万人", "二十六万人"),
        ("26万人", "二十六萬人"),
        ("26萬人", "26万人"),
        ("26萬人", "260,000人"),
        ("1.3万亿斤以上", "13000亿斤以上"),
        ("1.3万亿斤以上", "一点三万亿斤以上"),
        ("1.3萬億斤以上", "1.3万亿斤以上"),
        ("1.3万亿斤以上", "超过1.3万亿斤"),
        ("5.5%", "百分之五点五"),
        ("5.5%", "5.50%"),
        ("2035年", "二〇三五年"),
        ("2035年", "二零三五年"),
        ("2035年", "两千零三十五年"),
        ("第一个百年", "第1个百年"),
        ("第一個百年", "第1个百年"),
        ("1200万人左右", "一千二百万人左右"),
        ("1200万人左右", "约1200万人"),
        ("1200萬人左右", "一千二百万人上下"),
        ("3个百分点", "三个百分点"),
        ("3个百分点", "3百分点"),
        ("3個百分點", "3个百分点"),
        ("百分之五", "5%"),
        ("两倍", "2倍"),
        ("兩倍", "二倍"),
        ("两倍", "兩倍"),  # the other script: equivalent as before
        ("千亿元", "1000亿元"),
        ("千億元以上", "一千亿元以上"),
        ("4.5%—5%", "4.5%-5%"),
        ("4.5%—5%", "百分之四点五到百分之五"),
        ("3—5万人", "3万至5萬人"),
        ("公元前214年", "前214年"),
        ("前219年", "公元前二一九年"),
        # a sum with what it pays, a year with its event, a count with its programme
        ("2,500元学习津贴", "两千五百元学习津贴"),
        ("2,500元學習津貼", "2500元学习津贴"),
        ("2,500元學習津貼", "二千五百元學習津貼"),
        ("1840年鸦片战争", "一八四〇年鸦片战争"),
        ("1840年鴉片戰爭", "一八四零年鸦片战争"),
        ("30件民生实事", "三十件民生实事"),
        ("20個重點片區", "二十个重点片区"),
        ("14條航線", "十四条航线"),
        ("20个月", "二十个月"),
    ],
)
def test_the_same_figure_in_another_spelling_is_correct(answer: str, typed: str) -> None:
    verdict = check(typed, answer)
    assert verdict.kind == EQUIVALENT, verdict
    assert verdict.correct and verdict.matched == answer
    assert verdict.note.startswith("accepted: ")
    assert all(op.kind == "equal" for op in verdict.diff)
    assert suggest_rating(verdict, 0, 5_000) == suggest_rating(
        grade(answer, card(answer)), 0, 5_000
    )


def test_the_reason_says_when_only_the_spelling_of_the_figure_differs() -> None:
    assert check("百分之五左右", "5%左右").note == SAME_FIGURE
    assert check("２６万人", "26万人").note == "accepted: full/half width"
    assert check("26萬人", "26万人").note == "accepted: other script"


@pytest.mark.parametrize(
    ("answer", "typed", "note"),
    [
        ("5%左右", "5%", "same number; qualifier missing: 左右"),
        ("5%左右", "百分之五", "same number; qualifier missing: 左右"),
        ("5%左右", "5%以上", "same number; other qualifier: 以上 for 左右"),
        ("5%", "5%左右", "same number; no qualifier in the answer: 左右"),
        ("5%", "5个百分点", "same number; percent and percentage points are not the same"),
        ("5个百分点", "5%", "same number; percent and percentage points are not the same"),
        ("5%左右", "5左右", "same number; unit missing: %"),
        ("3000亿元", "3000亿", "same number; unit missing: 元"),
        ("3000億元", "3000億", "same number; unit missing: 元"),
        ("26万人", "26万人次", "same number; other unit: 人次 for 人"),
        ("1.3万亿斤以上", "1.3万亿斤", "same number; qualifier missing: 以上"),
        ("1.3萬億斤以上", "1.3萬億公斤以上", "same number; other unit: 公斤 for 斤"),
        ("1200万人左右", "1200万", "same number; unit missing: 人; qualifier missing: 左右"),
        ("2,500元学习津贴", "2500元", "same number; other unit: 元 for 元学习津贴"),
        ("2,500元學習津貼", "2500元生活津贴", "same number; other unit: 元生活津贴 for 元学习津贴"),
        ("1840年鸦片战争", "1840年", "same number; other unit: 年 for 年鸦片战争"),
    ],
)
def test_the_right_number_with_a_wrong_unit_or_qualifier_is_a_near_miss(
    answer: str, typed: str, note: str
) -> None:
    verdict = check(typed, answer)
    assert verdict.kind == NEAR, verdict
    assert not verdict.correct
    assert verdict.matched == answer
    assert verdict.note == note
    assert suggest_rating(verdict, 0, 5_000) == Rating.Again


def test_a_near_miss_shows_what_is_missing_part_by_part() -> None:
    assert check("5%", "5%左右").diff == (
        DiffOp("equal", "5", "5"),
        DiffOp("equal", "%", "%"),
        DiffOp("insert", "", "左右"),
    )
    assert check("百分之五", "5%左右").diff == (
        DiffOp("equal", "百分之五", "5"),
        DiffOp("equal", "", "%"),
        DiffOp("insert", "", "左右"),
    )
    assert check("5个百分点", "5%").diff == (
        DiffOp("equal", "5", "5"),
        DiffOp("replace", "个百分点", "%"),
    )
    assert check("约5%", "5%以上").diff == (
        DiffOp("delete", "约", ""),
        DiffOp("equal", "5", "5"),
        DiffOp("equal", "%", "%"),
        DiffOp("insert", "", "以上"),
    )


@pytest.mark.parametrize(
    ("answer", "typed"),
    [
        ("5%左右", "6%左右"),
        ("5%左右", "百分之六左右"),
        ("5.5%", "55%"),  # folding drops the point: figures are compared first
        ("5.5%", "5%"),
        ("3000亿元", "300亿元"),
        ("3000亿元", "3000万元"),
        ("26万人", "26人"),
        ("2035年", "2036年"),  # one character off, but another year: no typo
        ("2035年", "二〇三六年"),
        ("第一个百年", "第二个百年"),
        ("兩倍", "三倍"),
        ("1200万人左右", "1300万人左右"),
        ("4.5%—5%", "45%—5%"),  # folding would drop the point and the dash: 455 = 455
        ("4.5%—5%", "5%"),
        ("公元前214年", "214年"),
    ],
)
def test_another_number_is_wrong(answer: str, typed: str) -> None:
    verdict = check(typed, answer)
    assert verdict.kind == WRONG, verdict
    assert not verdict.correct and verdict.matched is None
    assert verdict.note == "another number"


def test_another_number_is_shown_as_the_part_that_differs() -> None:
    assert check("百分之六左右", "5%左右").diff == (
        DiffOp("replace", "百分之六", "5"),
        DiffOp("equal", "", "%"),
        DiffOp("equal", "左右", "左右"),
    )


def test_one_character_off_a_figure_is_never_a_forgiven_typo() -> None:
    # typed text that is no figure still gets the usual near check, but never as a typo
    verdict = check("%左右", "5%左右")
    assert not verdict.correct


def test_an_accepted_answer_that_is_a_figure_counts() -> None:
    verdict = grade("百分之五", card("5个百分点", accept=("5%",)))
    assert verdict.kind == EQUIVALENT and verdict.matched == "5%"


@pytest.mark.parametrize(
    ("answer", "typed", "kind"),
    [
        # names with numerals are not figures: graded as before
        ("十四五", "十四五", EXACT),
        ("十四五", "14五", WRONG),
        ("四个意识", "4个意识", NEAR),  # one character off, forgiven as before
        ("两个确立", "两个确立", EXACT),
        ("两个确立", "兩個確立", EQUIVALENT),
        ("三会一课", "3会1课", WRONG),
        ("5G网络", "５Ｇ网络", EQUIVALENT),
    ],
)
def test_names_with_numerals_are_graded_as_before(
    answer: str, typed: str, kind: VerdictKind
) -> None:
    assert check(typed, answer).kind == kind


# --------------------------------------------------------------------------- properties


@given(specs(), st.data())
def test_a_figure_in_any_generated_spelling_grades_correct(spec: Spec, data: st.DataObject) -> None:
    answer = data.draw(spellings(spec), label="answer")
    typed = data.draw(spellings(spec), label="typed")
    verdict = grade(typed, card(answer))
    assert verdict.kind in (EXACT, EQUIVALENT), verdict
    assert verdict.correct


@given(specs(), st.data())
def test_another_value_never_grades_correct(spec: Spec, data: st.DataObject) -> None:
    answer = data.draw(spellings(spec), label="answer")
    factor = data.draw(st.sampled_from([Fraction(1, 10), Fraction(11, 10), Fraction(2), 10]))
    other = Spec(spec.value * factor, spec.unit, spec.qualifier)
    if spec.unit == "年":
        other = Spec(spec.value + data.draw(st.sampled_from([-1, 1, 10])), "年", spec.qualifier)
    typed = data.draw(spellings(other), label="typed")
    verdict = grade(typed, card(answer))
    assert not verdict.correct, verdict
    assert verdict.kind == WRONG


@given(
    specs(),
    st.data(),
    st.one_of(
        st.text(),
        st.text(st.sampled_from("0123456789.,%％一二两三四五六七八九十百千万亿零〇点第")),
        st.text(st.sampled_from("个年约左右以上多余百分之萬億兩 5")),
    ),
)
def test_grading_a_figure_answer_never_raises(spec: Spec, data: st.DataObject, typed: str) -> None:
    answer = data.draw(spellings(spec), label="answer")
    verdict = grade(typed, card(answer))
    assert verdict.typed == typed and verdict.expected == answer
    if verdict.kind == NEAR:
        assert not verdict.correct  # never a typo on a figure
    assert verdict.correct == (verdict.kind in (EXACT, EQUIVALENT, VerdictKind.PINYIN))
    # the diff runs over the whole of both texts
    if verdict.kind in (NEAR, WRONG) and verdict.diff:
        typed_side = "".join(op.typed for op in verdict.diff)
        expected_side = "".join(op.expected for op in verdict.diff)
        assert typed_side.strip() == typed.strip() or typed_side.endswith("…")
        assert expected_side in (answer, verdict.matched)
