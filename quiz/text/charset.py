"""Character knowledge the text cleaners share: which Han characters are common, which
strings are legal pinyin syllables, and which code points are CJK at all.

The tiers are derived, not hand-listed. A character is frequent when its Simplified
form (OpenCC t2s) is among the 2,500 most frequent (data/frequent_chars.txt, ranked from
jieba's dictionary), common when that form is in GB2312 level 1 (3,755 characters), and
known when it is anywhere in GB2312. Every tier therefore covers Traditional text too.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources

from quiz.text.script import to_simplified

# Unified ideographs plus extension A and the compatibility block; 〇 and 々 count as Han.
HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007\u3005"
# CJK punctuation and full-width forms that sit inside Chinese sentences.
CJK_PUNCT_CLASS = (
    "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
    "\u2014\u2026\u201c\u201d\u2018\u2019\u00b7"
)
PRIVATE_USE_CLASS = "\ue000-\uf8ff\ufffd"

HAN_RE = re.compile(f"[{HAN_CLASS}]")


def _gb2312_levels() -> tuple[str, str]:
    """The characters of GB2312 level 1 (rows 16-55) and level 2 (rows 56-87)."""
    level1: list[str] = []
    level2: list[str] = []
    for lead in range(0xB0, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                char = bytes((lead, trail)).decode("gb2312")
            except UnicodeDecodeError:
                continue
            (level1 if lead < 0xD8 else level2).append(char)
    return "".join(level1), "".join(level2)


@cache
def _han_tiers() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    level1, level2 = _gb2312_levels()
    first, second = set(level1), set(level2)
    top = set(_data_lines("frequent_chars.txt", joined=True))
    block = "".join(chr(code) for code in range(0x4E00, 0xA000))
    simplified = to_simplified("\n".join(block)).split("\n")
    pairs = list(zip(block, simplified, strict=True))
    frequent = {c for c, s in pairs if s in top}
    common = {c for c, s in pairs if s in first}
    known = common | {c for c, s in pairs if s in second}
    for tier in (frequent, common, known):
        tier.add("\u3007")
    return frozenset(frequent), frozenset(common), frozenset(known)


def _data_lines(name: str, joined: bool = False) -> list[str]:
    """Lines of a data file, comments left out; ``joined`` splits them into characters."""
    data = resources.files("quiz.text").joinpath("data", name)
    lines = [
        line
        for line in data.read_text(encoding="utf-8").split("\n")
        if line and not line.startswith("#")
    ]
    return list("".join(lines)) if joined else lines


def frequent_han() -> frozenset[str]:
    """Han characters whose Simplified form is among the 2,500 most frequent (either
    script), ranked by jieba's dictionary word frequencies (see data/frequent_chars.txt)."""
    return _han_tiers()[0]


def common_han() -> frozenset[str]:
    """Han characters whose Simplified form is in GB2312 level 1 (either script)."""
    return _han_tiers()[1]


def known_han() -> frozenset[str]:
    """Han characters whose Simplified form is anywhere in GB2312 (either script)."""
    return _han_tiers()[2]


@cache
def pinyin_syllables() -> frozenset[str]:
    """Every legal toneless pinyin syllable (ü written v), from pypinyin's dictionary."""
    return frozenset(_data_lines("pinyin_syllables.txt"))


_TONE_DIGIT = re.compile(r"[0-5]$")


def plain_syllable(syllable: str) -> str:
    """Drop tone marks and tone digits, fold case, write ü as v: ``Lǜ3`` -> ``lv``."""
    text = syllable.lower().replace("u:", "v").replace("ü", "v")
    decomposed = unicodedata.normalize("NFD", text).replace("u\u0308", "v")
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _TONE_DIGIT.sub("", stripped)


def char_class(chars: Iterable[str]) -> str:
    """A compact regex class body for a set of characters: runs of consecutive code
    points become ranges, which keeps patterns over thousands of characters quick to
    compile."""
    codes = sorted({ord(char) for char in chars})
    parts: list[str] = []
    index = 0
    while index < len(codes):
        first = last = codes[index]
        while index + 1 < len(codes) and codes[index + 1] == last + 1:
            index += 1
            last = codes[index]
        if last == first:
            parts.append(re.escape(chr(first)))
        else:
            parts.append(f"{re.escape(chr(first))}-{re.escape(chr(last))}")
        index += 1
    return "".join(parts)
