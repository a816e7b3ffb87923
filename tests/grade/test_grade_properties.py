"""Hypothesis properties of grading: answers grade against themselves in either script,
pinyin of the answer is accepted, odd input never raises, ratings are monotone."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pypinyin import Style, lazy_pinyin

from quiz.deck import ClozeCard
from quiz.figures import is_figure
from quiz.grade import Rating, Verdict, VerdictKind, grade, match_rating, suggest_rating
from quiz.pinyin import is_ignorable
from quiz.text.script import to_simplified, to_traditional

COMMON = (
    "三会一课两个确立四意识牛鼻子揭榜挂帅组织生活党支部基层领导力思想引领群众号召銀行長城重要復"
)
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
MIXED = st.one_of(
    st.sampled_from(COMMON),
    CJK,
    st.characters(codec="utf-8", exclude_characters="{}:"),
)


def answers(alphabet: st.SearchStrategy[str] = MIXED) -> st.SearchStrategy[str]:
    return st.text(alphabet, min_size=1, max_size=12).filter(
        lambda text: text.strip() == text and any(not is_ignorable(c) for c in text)
    )


def card(answer: str) -> ClozeCard:
    return ClozeCard(id="p", text="前文{{c1::" + answer + "}}后文")


@given(answers())
def test_an_answer_grades_exact_against_itself(answer: str) -> None:
    verdict = grade(answer, card(answer))
    assert verdict.kind == VerdictKind.EXACT
    assert verdict.correct and verdict.matched == answer


@given(answers(), st.booleans())
@example("𪨧", True)  # its OpenCC round trip is not symmetric
@example("么麼", False)  # OpenCC's phrase table: one t2s pass is not a fixed point
def test_the_other_script_grades_exact_or_equivalent(answer: str, traditional: bool) -> None:
    other = to_traditional(answer) if traditional else to_simplified(answer)
    verdict = grade(other, card(answer))
    assert verdict.kind in (VerdictKind.EXACT, VerdictKind.EQUIVALENT)
    assert verdict.correct
    # and the other way round: a card written in the other script accepts the answer
    assert grade(answer, card(other)).correct


@given(answers(st.sampled_from(COMMON)), st.sampled_from(["marks", "numbers", "plain"]))
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_the_answers_own_pinyin_grades_pinyin(answer: str, form: str) -> None:
    style = {"marks": Style.TONE, "numbers": Style.TONE3, "plain": Style.NORMAL}[form]
    syllables = lazy_pinyin(to_simplified(answer), style=style)
    for typed in (" ".join(syllables), "".join(syllables).upper()):
        verdict = grade(typed, card(answer))
        assert verdict.kind == VerdictKind.PINYIN, (typed, verdict)


@given(
    st.one_of(
        st.text(),
        st.text(st.characters(codec="utf-8")),
        st.text(st.sampled_from("[]/bold\x00\x1b\u200b\u3000 三会一课sanhui1234ǜ:'")),
        st.builds(lambda s, n: s * n, st.text(max_size=3), st.integers(0, 5_000)),
    ),
    answers(),
)
def test_grading_never_raises(typed: str, answer: str) -> None:
    verdict = grade(typed, card(answer))
    assert isinstance(verdict, Verdict)
    assert verdict.typed == typed and verdict.expected == answer
    if verdict.kind == VerdictKind.NEAR:
        assert verdict.matched is not None
        counted = sum(not is_ignorable(char) for char in verdict.matched)
        # a typo is forgiven on 4+ characters, never on a figure (another number or unit)
        assert verdict.correct == (counted >= 4 and not is_figure(to_simplified(answer)))
    else:
        accepted = (VerdictKind.EXACT, VerdictKind.EQUIVALENT, VerdictKind.PINYIN)
        assert verdict.correct == (verdict.kind in accepted)
    if verdict.kind in (VerdictKind.WRONG, VerdictKind.EMPTY):
        assert verdict.matched is None


@given(
    answers(),
    st.text(max_size=20),
    st.integers(0, 10),
    st.integers(0, 10),
    st.one_of(st.none(), st.integers(0, 600_000)),
)
def test_more_hints_never_raise_the_suggestion(
    answer: str, typed: str, fewer: int, extra: int, duration_ms: int | None
) -> None:
    verdict = grade(typed, card(answer))
    with_fewer = suggest_rating(verdict, fewer, duration_ms)
    assert suggest_rating(verdict, fewer + extra, duration_ms) <= with_fewer
    assert Rating.Again <= with_fewer <= Rating.Good


@given(answers(), st.integers(0, 600_000), st.integers(0, 600_000))
def test_taking_longer_never_raises_the_suggestion(answer: str, first: int, second: int) -> None:
    verdict = grade(answer, card(answer))
    quick, slow = sorted((first, second))
    assert suggest_rating(verdict, 0, slow) <= suggest_rating(verdict, 0, quick)


@given(st.integers(0, 20), st.integers(0, 5), st.integers(1, 8), st.integers(0, 300_000))
def test_more_mistakes_never_raise_a_matching_rating(
    mistakes: int, extra: int, pairs: int, duration_ms: int
) -> None:
    fewer = match_rating(mistakes, pairs, duration_ms)
    assert match_rating(mistakes + extra, pairs, duration_ms) <= fewer
    assert match_rating(mistakes, pairs, duration_ms + 60_000) <= fewer
