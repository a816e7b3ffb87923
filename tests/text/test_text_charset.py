"""Character tiers and pinyin syllables: derived data stays in step with its sources."""

from __future__ import annotations

import collections
from pathlib import Path

import jieba
import pytest
from pypinyin.contrib.tone_convert import to_normal
from pypinyin.pinyin_dict import pinyin_dict

from quiz.text.charset import (
    _gb2312_levels,
    common_han,
    frequent_han,
    known_han,
    pinyin_syllables,
    plain_syllable,
)

DATA = Path(__file__).resolve().parents[2] / "quiz" / "text" / "data"


def data_lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line and not line.startswith("#")]


def test_pinyin_syllables_file_matches_pypinyin() -> None:
    derived = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            plain = to_normal(reading)
            if plain.isascii():
                derived.add(plain)
    assert data_lines("pinyin_syllables.txt") == sorted(derived)


def test_frequent_characters_file_matches_jiebas_dictionary() -> None:
    level1 = set(_gb2312_levels()[0])
    frequency: collections.Counter[str] = collections.Counter()
    dictionary = Path(jieba.__file__).parent / "dict.txt"
    with dictionary.open(encoding="utf-8") as lines:
        for line in lines:
            word, count, *_ = line.split()
            for char in word:
                frequency[char] += int(count)
    ranked = sorted(frequency.items(), key=lambda item: (-item[1], item[0]))
    expected = [char for char, _ in ranked if char in level1][:2500]
    assert list("".join(data_lines("frequent_chars.txt"))) == expected


def test_tiers_cover_both_scripts_and_nest() -> None:
    frequent, common, known = frequent_han(), common_han(), known_han()
    assert frequent <= common <= known
    for char in "党黨组組织織发發展":
        assert char in frequent
    for char in "硎眢":  # GB2312 level 2
        assert char in known and char not in common
    for char in "鶎菄":  # not in GB2312 at all
        assert char not in known


@pytest.mark.parametrize(
    ("syllable", "plain"),
    [("jī", "ji"), ("Zhōng", "zhong"), ("lǜ", "lv"), ("nǚ3", "nv"), ("lu:4", "lv"), ("ni3", "ni")],
)
def test_plain_syllable(syllable: str, plain: str) -> None:
    assert plain_syllable(syllable) == plain
    assert plain in pinyin_syllables()


def test_syllable_set_rejects_english() -> None:
    for word in ("see", "above", "china", "english", "x", "the"):
        assert word not in pinyin_syllables()
