"""Table-driven grading examples in both scripts: exact, equivalent, pinyin, near, wrong."""

from __future__ import annotations

import pytest

from quiz.deck import ClozeCard
from quiz.grade import DiffOp, Verdict, VerdictKind, grade

EXACT, EQUIVALENT, PINYIN = VerdictKind.EXACT, VerdictKind.EQUIVALENT, VerdictKind.PINYIN
NEAR, WRONG, EMPTY = VerdictKind.NEAR, VerdictKind.WRONG, VerdictKind.EMPTY


def card(answer: str, *, accept: tuple[str, ...] = (), before: str = "认真落实“") -> ClozeCard:
    return ClozeCard(id="t", text=before + "{{c1::" + answer + "}}”制度。", accept=accept)


def check(typed: str, answer: str, **kwargs: tuple[str, ...]) -> Verdict:
    return grade(typed, card(answer, **kwargs))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("answer", "typed", "kind"),
    [
        # exact, in either script
        ("三会一课", "三会一课", EXACT),
        ("三會一課", "三會一課", EXACT),
        ("三会一课", "  三会一课\n", EXACT),
        # the other script
        ("三会一课", "三會一課", EQUIVALENT),
        ("三會一課", "三会一课", EQUIVALENT),
        ("组织生活会", "組織生活會", EQUIVALENT),
        ("黨支部", "党支部", EQUIVALENT),
        # spaces and punctuation ignored
        ("三会一课", "三 会 一 课", EQUIVALENT),
        ("三會一課", "“三会一课”。", EQUIVALENT),
        ("政治领导力、思想引领力", "政治领导力 思想引领力", EQUIVALENT),
        ("《中国共产党章程》", "中国共产党章程", EQUIVALENT),
        ("中國共產黨章程", "《中国共产党章程》", EQUIVALENT),
        # full width letters and digits, case
        ("5G网络", "５Ｇ网络", EQUIVALENT),
        ("5G網絡", "5g网络", EQUIVALENT),
        ("十四五", "十四五", EXACT),
        ("2035年", "２０３５年", EQUIVALENT),
        # Latin answers (English decks): case and spacing
        ("Apple Pie", "apple pie", EQUIVALENT),
        ("Apple Pie", "APPLEPIE", EQUIVALENT),
        ("Apple Pie", "ａｐｐｌｅ ｐｉｅ", EQUIVALENT),
        # pinyin in its three forms, both scripts of the answer
        ("三会一课", "sanhuiyike", PINYIN),
        ("三会一课", "san1 hui4 yi1 ke4", PINYIN),
        ("三会一课", "sān huì yī kè", PINYIN),
        ("三会一课", "SanHuiYiKe", PINYIN),
        ("三會一課", "sanhuiyike", PINYIN),
        ("三會一課", "san1hui4yi1ke4", PINYIN),
        ("三會一課", "Sān'huì'yī'kè", PINYIN),
        ("三会一课", "ｓａｎｈｕｉｙｉｋｅ", PINYIN),
        ("三会一课", "san hui4 yi ke", PINYIN),  # tones optional per syllable
        ("两个确立", "liang3 ge4 que4 li4", PINYIN),
        ("牛鼻子", "niu2 bi2 zi5", PINYIN),  # 5 (or none) for the neutral tone
        ("牛鼻子", "niu bi zi0", PINYIN),
        # heteronyms: any reading of the character
        ("银行", "yinhang", PINYIN),
        ("银行", "yin2 hang2", PINYIN),
        ("行动", "xing2 dong4", PINYIN),
        ("銀行", "yínháng", PINYIN),
        ("重要", "zhong4yao4", PINYIN),
        ("重复", "chong2 fu4", PINYIN),
        ("重複", "chongfu", PINYIN),
        ("长城", "chang2cheng2", PINYIN),
        ("成长", "cheng2 zhang3", PINYIN),
        ("長城", "chángchéng", PINYIN),
        # ü as ü, v, u or u:
        ("绿色", "lǜsè", PINYIN),
        ("绿色", "lv4 se4", PINYIN),
        ("绿色", "lu4se4", PINYIN),
        ("綠色", "lu:4 se4", PINYIN),
        ("女性", "nǚxìng", PINYIN),
        # non-Han characters typed as themselves
        ("5G网络", "5g wang3 luo4", PINYIN),
        ("5G网络", "5Gwangluo", PINYIN),
        ("5G网络", "wu g wang luo", WRONG),
        # wrong tones are not a pinyin answer
        ("三会一课", "san1 hui3 yi1 ke4", WRONG),
        ("重要", "zhong1 yao4", WRONG),
        ("三会一课", "sān huǐ yī kè", WRONG),
        # syllables in the wrong place
        ("三会一课", "sanhu iyike", WRONG),
        # near misses: one character off
        ("三会一课", "三会一果", NEAR),
        ("三會一課", "三会一果", NEAR),
        ("三会一课", "三会课", NEAR),
        ("三会一课", "三会一课了", NEAR),
        ("基层", "基础", NEAR),
        ("牛鼻子", "牛鼻", NEAR),
        ("Apple Pie", "aple pie", NEAR),
        # wrong
        ("三会一课", "两个确立", WRONG),
        ("三会一课", "三课一会", WRONG),
        ("魂", "魄", WRONG),  # a one-character answer is never a near miss
        ("基层", "打基础", WRONG),
        ("三会一课", "[bold]三会一课[/]", WRONG),
        ("三会一课", "abc", WRONG),
        # empty
        ("三会一课", "", EMPTY),
        ("三会一课", " \t\u3000", EMPTY),
    ],
)
def test_verdict_kind(answer: str, typed: str, kind: VerdictKind) -> None:
    verdict = check(typed, answer)
    assert verdict.kind == kind, verdict
    assert verdict.typed == typed
    assert verdict.expected == answer
    correct = kind in (EXACT, EQUIVALENT, PINYIN) or (kind == NEAR and len(answer) >= 4)
    assert verdict.correct is correct


@pytest.mark.parametrize(
    ("answer", "typed", "correct"),
    [
        ("三会一课", "三会一果", True),
        ("基层组织", "基层祖织", True),
        ("基層組織", "基层祖织", True),
        ("牛鼻子", "牛鼻了", False),
        ("基层", "基", False),
        ("Apple", "Appel", False),  # a transposition is two edits: wrong
    ],
)
def test_near_counts_as_correct_only_on_long_answers(
    answer: str, typed: str, correct: bool
) -> None:
    verdict = check(typed, answer)
    if typed == "Appel":
        assert verdict.kind == WRONG
        return
    assert verdict.kind == NEAR
    assert verdict.correct is correct
    assert verdict.matched == answer


@pytest.mark.parametrize(
    ("answer", "typed", "diff"),
    [
        (
            "三会一课",
            "三会一果",
            (DiffOp("equal", "三会一", "三会一"), DiffOp("replace", "果", "课")),
        ),
        (
            "三會一課",
            "三会一果",
            (DiffOp("equal", "三会一", "三會一"), DiffOp("replace", "果", "課")),
        ),
        (
            "三会一课",
            "三会课",
            (
                DiffOp("equal", "三会", "三会"),
                DiffOp("insert", "", "一"),
                DiffOp("equal", "课", "课"),
            ),
        ),
        (
            "三会一课",
            "三会一课了",
            (DiffOp("equal", "三会一课", "三会一课"), DiffOp("delete", "了", "")),
        ),
        # spaces and punctuation never show up as differences
        ("三会一课", "“三会 一课”", (DiffOp("equal", "“三会 一课”", "三会一课"),)),
        ("三会一课", "", (DiffOp("insert", "", "三会一课"),)),
        ("三会一课", "两个确立", (DiffOp("replace", "两个确立", "三会一课"),)),
    ],
)
def test_diff(answer: str, typed: str, diff: tuple[DiffOp, ...]) -> None:
    assert check(typed, answer).diff == diff


def test_diff_reassembles_both_sides() -> None:
    verdict = check("基层党组织建设", "基層黨組織")
    assert verdict.kind == WRONG
    assert "".join(op.typed for op in verdict.diff) == "基层党组织建设"
    assert "".join(op.expected for op in verdict.diff) == "基層黨組織"
    assert [op.kind for op in verdict.diff] == ["equal", "delete"]


def test_accepted_answers_are_matched() -> None:
    answer_card = card("三会一课", accept=("三會一課", "三会一课制度"))
    assert grade("三会一课制度", answer_card).matched == "三会一课制度"
    assert grade("三會一課", answer_card).kind == EXACT
    near = grade("三会一课制", answer_card)
    assert near.kind == NEAR and near.matched in ("三会一课", "三会一课制度")
    assert grade("two", card("2", accept=("two",))).kind == EXACT


def test_pinyin_verdict_says_which_answer_it_spelled() -> None:
    verdict = check("sanhuiyike", "三會一課")
    assert verdict.matched == "三會一課"
    assert verdict.diff == (DiffOp("equal", "sanhuiyike", "三會一課"),)
    assert "pinyin" in verdict.note


def test_wrong_tone_is_explained() -> None:
    verdict = check("san1 hui3 yi1 ke4", "三会一课")
    assert verdict.kind == WRONG and not verdict.correct
    assert "tone" in verdict.note
    assert "tone" not in check("liang3 ge4", "三会一课").note


def test_equivalent_note_names_the_reason() -> None:
    assert "other script" in check("三會一課", "三会一课").note
    assert "width" in check("５Ｇ网络", "5G网络").note
    assert "case" in check("apple pie", "Apple Pie").note


def test_latin_answer_is_not_taken_for_pinyin() -> None:
    # an English answer typed in a different word is wrong, not a pinyin match
    assert check("ma", "mother").kind == WRONG
    assert check("MOTHER", "mother").kind == EQUIVALENT


def test_answer_made_of_punctuation_only_needs_an_exact_match() -> None:
    assert check("……", "……").kind == EXACT
    assert check("。", "……").kind == WRONG


def test_huge_and_odd_input_is_wrong_not_a_crash() -> None:
    assert check("三" * 100_000, "三会一课").kind == WRONG
    assert check("三会一课\x00", "三会一课").kind == EQUIVALENT
    assert check("\ud800三会一课", "三会一课").kind == NEAR
    assert check("\u200b", "三会一课").kind == EMPTY
    assert check("[bold]", "[bold]").kind == EXACT
    assert check("[bolt]", "[bold]").kind == NEAR
