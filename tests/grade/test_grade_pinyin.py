"""Typed pinyin: parsing tone marks, numbers and separators; readings of characters;
matching an answer syllable by syllable."""

from __future__ import annotations

import pytest

from quiz.deck import ClozeCard
from quiz.grade import VerdictKind, grade
from quiz.pinyin import (
    answer_pinyin,
    answer_slots,
    char_readings,
    looks_like_pinyin,
    matches,
    parse_typed,
)


@pytest.mark.parametrize(
    ("typed", "units"),
    [
        ("san", (("s", 0), ("a", 0), ("n", 0))),
        ("sān", (("s", 0), ("a", 1), ("n", 0))),
        ("Lǜ", (("l", 0), ("v", 4))),
        ("lu:4", (("l", 0), ("v", 0), ("4", 0))),
        ("ＳＡＮ１", (("s", 0), ("a", 0), ("n", 0), ("1", 0))),
        ("xi'an", (("x", 0), ("i", 0), (" ", 0), ("a", 0), ("n", 0))),
        ("  a 、 b  ", (("a", 0), (" ", 0), ("b", 0))),
        ("a+b", (("a", 0), ("+", 0), ("b", 0))),
    ],
)
def test_parse_typed(typed: str, units: tuple[tuple[str, int], ...]) -> None:
    assert parse_typed(typed) == units


@pytest.mark.parametrize("typed", ["三会", "sān会", "123", "", "、", "αβ", "ā\u0301"])
def test_not_pinyin(typed: str) -> None:
    assert parse_typed(typed) is None
    assert not looks_like_pinyin(typed)


@pytest.mark.parametrize(
    ("char", "reading"),
    [
        ("行", ("xing", 2)),
        ("行", ("hang", 2)),
        ("長", ("zhang", 3)),
        ("长", ("chang", 2)),
        ("重", ("chong", 2)),
        ("绿", ("lv", 4)),
        ("绿", ("lu", 4)),  # ü may be typed as u
        ("了", ("le", 5)),
    ],
)
def test_char_readings_hold_every_heteronym(char: str, reading: tuple[str, int]) -> None:
    assert reading in char_readings(char)


# Characters annotated with their pinyin in the sample seed, as the author wrote them.
SEED_ANNOTATIONS = [
    ("機", "jī"),
    ("礎", "chǔ"),
    ("堅", "jiān"),
    ("強", "qiáng"),
    ("產", "chǎn"),
    ("網", "wǎng"),
    ("錯", "cuò"),
]


@pytest.mark.parametrize(("char", "typed"), SEED_ANNOTATIONS)
def test_the_seeds_own_annotations_match(char: str, typed: str) -> None:
    units = parse_typed(typed)
    slots = answer_slots(char)
    assert units is not None and slots is not None
    assert matches(units, slots)


@pytest.mark.parametrize(
    ("answer", "typed"),
    [
        ("必修課+選修課", "bixiuke+xuanxiuke"),
        ("必修课+选修课", "bi xiu ke xuan xiu ke"),  # a symbol may be left out
        ("不忘初心、重走長征路", "bu wang chu xin, chong zou chang zheng lu"),
        ("不忘初心、重走长征路", "bùwàngchūxīn chóngzǒuchángzhēnglù"),
        ("定標、定崗、定人", "ding4biao1 ding4gang3 ding4ren2"),
        ("黨建+學習", "dang jian + xue xi"),
        ("〇", "ling2"),
    ],
)
def test_pinyin_around_punctuation_and_symbols(answer: str, typed: str) -> None:
    card = ClozeCard(id="x", text="{{c1::" + answer + "}}")
    assert grade(typed, card).kind == VerdictKind.PINYIN


def test_answers_pinyin_cannot_spell() -> None:
    assert answer_slots("apple") is None  # no Han character: not a pinyin answer
    assert answer_slots("α粒子") is None  # Greek cannot be typed as pinyin
    card = ClozeCard(id="x", text="{{c1::α粒子}}")
    assert grade("a li zi", card).kind == VerdictKind.WRONG


def test_a_separator_never_splits_a_syllable() -> None:
    slots = answer_slots("先")
    assert slots is not None
    assert matches(parse_typed("xian") or (), slots)
    assert not matches(parse_typed("xi an") or (), slots)


def test_tone_marks_and_digits_must_agree() -> None:
    slots = answer_slots("三")
    assert slots is not None
    assert matches(parse_typed("san1") or (), slots)
    assert not matches(parse_typed("sān2") or (), slots)
    assert not matches(parse_typed("sǎn") or (), slots)
    assert matches(parse_typed("sǎn") or (), slots, tones=False)


@pytest.mark.parametrize(
    ("answer", "pinyin"),
    [
        ("三会一课", "sān huì yī kè"),
        ("三會一課", "sān huì yī kè"),
        ("银行", "yín háng"),
        ("5G网络", "5G wǎng luò"),
    ],
)
def test_answer_pinyin(answer: str, pinyin: str) -> None:
    assert answer_pinyin(answer) == pinyin
