"""Cloze candidates: what may be blanked, how many per sentence, duplicates."""

from __future__ import annotations

from quiz.generate import cloze
from quiz.generate.cloze import Candidate
from quiz.generate.hints import pinyin_hint
from quiz.generate.ids import cloze_id
from quiz.text.script import to_simplified, to_traditional

SENTENCE = "认真落实“三会一课”、主题党日等制度，通过学习提升能力。"


def candidate(text: str, answer: str, rule: str = "quote", *, nth: int = 0) -> Candidate:
    start = -1
    for _ in range(nth + 1):
        start = text.index(answer, start + 1)
    return Candidate(start, start + len(answer), 0, len(text), rule, 3, "一、总则")


def bounds_of(*words: str) -> set[int]:
    bounds = {0}
    at = 0
    for word in words:
        at += len(word)
        bounds.add(at)
    return bounds


WORDS = ("认真", "落实", "“", "三会一课", "”", "、", "主题", "党日", "等", "制度", "，")
WORDS += ("通过", "学习", "提升", "能力", "。")


def test_a_quoted_formula_is_a_good_answer() -> None:
    c = candidate(SENTENCE, "三会一课", "formula")
    assert cloze.answer_problem(c, SENTENCE, SENTENCE, bounds_of(*WORDS)) is None


def test_filler_number_fragment_and_quote_marks_are_refused() -> None:
    bounds = bounds_of(*WORDS)
    assert cloze.answer_problem(candidate(SENTENCE, "通过", "keyword"), SENTENCE, SENTENCE, bounds)
    assert cloze.answer_problem(candidate(SENTENCE, "会一课", "quote"), SENTENCE, SENTENCE, bounds)
    assert cloze.answer_problem(candidate(SENTENCE, "“三会", "quote"), SENTENCE, SENTENCE, bounds)
    text = "二〇二二年召开大会"
    assert cloze.answer_problem(
        candidate(text, "二〇二二年", "keyword"),
        text,
        text,
        bounds_of("二〇二二年", "召开", "大会"),
    )


def test_an_answer_that_occurs_twice_is_refused() -> None:
    text = "学习再学习"
    c = candidate(text, "学习", "keyword")
    assert cloze.answer_problem(c, text, text, bounds_of("学习", "再", "学习")) is not None


def test_length_limits_except_titles() -> None:
    text = "印发《中国共产党支部工作条例（试行）》的通知"
    title = candidate(text, "中国共产党支部工作条例（试行）", "title")
    bounds = {0, 2, 3, 18, 19, 21, 23}
    assert cloze.answer_problem(title, text, text, bounds) is None
    long_quote = candidate(text, "中国共产党支部工作条例（试行）", "quote")
    assert cloze.answer_problem(long_quote, text, text, bounds) is not None


def test_select_keeps_the_best_non_overlapping_four_in_text_order() -> None:
    text = "甲乙丙丁戊己庚辛壬癸"
    made = [
        Candidate(0, 2, 0, 10, "keyword", 1, None),
        Candidate(1, 3, 0, 10, "formula", 1, None),
        Candidate(4, 6, 0, 10, "quote", 1, None),
        Candidate(6, 8, 0, 10, "list", 1, None),
        Candidate(8, 10, 0, 10, "lead", 1, None),
    ]
    chosen = cloze.select(made)
    assert [(c.start, c.rule) for c in chosen] == [
        (1, "formula"),
        (4, "quote"),
        (6, "list"),
        (8, "lead"),
    ]
    assert len(text) == 10


def test_build_card_in_traditional_with_accept_and_hint() -> None:
    original = "認真落實“三會一課”、主題黨日等制度。"
    mirror = to_simplified(original)
    c = candidate(original, "三會一課", "formula")
    card = cloze.build_card(
        c, original, mirror, tags=["formula"], other_script=to_simplified, hint=pinyin_hint
    )
    assert card.text == "認真落實“{{c1::三會一課}}”、主題黨日等制度。"
    assert card.answer == "三會一課"
    assert card.accept == ("三会一课",)
    assert card.hint == "sān huì yī kè"
    assert card.section == "一、总则" and card.line == 3 and card.tags == ("formula",)
    assert card.id == cloze_id("三会一课", to_simplified(original))


def test_build_card_in_simplified_accepts_traditional() -> None:
    c = candidate(SENTENCE, "三会一课", "formula")
    card = cloze.build_card(
        c, SENTENCE, SENTENCE, tags=["formula"], other_script=to_traditional, hint=pinyin_hint
    )
    assert card.accept == ("三會一課",)


def test_duplicate_filter_drops_same_answer_in_near_identical_sentence() -> None:
    def card(text: str, answer: str) -> object:
        c = candidate(text, answer)
        return cloze.build_card(c, text, text, tags=["quote"], other_script=None, hint=pinyin_hint)

    dedupe = cloze.DuplicateFilter()
    assert dedupe.admit(card("认真落实“三会一课”制度。", "三会一课"))  # type: ignore[arg-type]
    assert not dedupe.admit(card("认真落实好“三会一课”制度。", "三会一课"))  # type: ignore[arg-type]
    assert dedupe.admit(card("覆盖“三会一课”、组织生活会及民主评议等方方面面。", "三会一课"))  # type: ignore[arg-type]
