"""Pinyin for cloze answers: the readings of an answer's characters and a matcher for
pinyin typed in place of characters (tone marks, tone numbers or no tones at all).

pypinyin takes about 0.1 s to import, so it is imported on first use only: checking
whether a typed string looks like pinyin (`parse_typed`) needs nothing but the stdlib.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from quiz.text.script import to_simplified

# NFD combining marks over a pinyin vowel (or m/n): the tone they carry.
_TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
_DIAERESIS = "\u0308"  # ü = u + U+0308; written v
_CIRCUMFLEX = "\u0302"  # ê; read as e
_TONE_DIGITS = "012345"
_NEUTRAL = 5
SEPARATOR = " "

# A typed unit: a lowercase ASCII letter ("v" for ü), a digit, a symbol such as "+", or
# SEPARATOR (any run of spaces and punctuation); with the tone a mark on it gives (1-4),
# else 0.
Unit = tuple[str, int]
# A reading of a character: its letters ("lv" for lǜ) and its tone (1-4, 5 for neutral).
Reading = tuple[str, int]

MAX_UNITS_PER_CHAR = 8
MAX_UNITS_SLACK = 32
CONTEXT_CHARS = 4  # Han characters read with an answer on each side, for its pinyin hint


def is_han(char: str) -> bool:
    """True for a CJK ideograph (the unified blocks, their extensions, compatibility forms, 〇)."""
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x3FFFF
        or 0xF900 <= code <= 0xFAFF
        or code == 0x3007
    )


def has_han(text: str) -> bool:
    return any(is_han(char) for char in text)


def is_ignorable(char: str) -> bool:
    """Spaces, punctuation and invisible characters: ignored when answers are compared."""
    return unicodedata.category(char)[0] in "PZC"


def parse_typed(text: str) -> tuple[Unit, ...] | None:
    """Read `text` as pinyin: letters with their tone marks, digits, symbols, separators.

    Full-width forms, capitals, ü written as ü, v or u:, and spaces or any punctuation
    between syllables are accepted; symbols (`+`, `=`) are kept to be matched as
    themselves. Returns None when `text` holds anything else (a Han character, another
    alphabet) or no letter at all; this is the cheap "does it look like pinyin" test and
    imports nothing.
    """
    units: list[Unit] = []
    for char in unicodedata.normalize("NFKD", text):
        last = units[-1] if units else None
        category = unicodedata.category(char)
        if char in _TONE_MARKS:
            if last is None or not last[0].isalpha() or last[1]:
                return None
            units[-1] = (last[0], _TONE_MARKS[char])
        elif char == _DIAERESIS or (char == ":" and last is not None and last[0] == "u"):
            if last is None or last[0] != "u":
                return None
            units[-1] = ("v", last[1])
        elif char == _CIRCUMFLEX:
            if last is None or last[0] != "e":
                return None
        elif char.isascii() and char.isalnum():
            units.append((char.lower(), 0))
        elif category[0] in "PZC":
            if last is not None and last[0] != SEPARATOR:
                units.append((SEPARATOR, 0))
        elif category[0] == "S":
            units.append((char, 0))
        else:
            return None
    if not any(unit[0].isalpha() for unit in units):
        return None
    while units and units[-1][0] == SEPARATOR:
        units.pop()
    return tuple(units)


def _literal(char: str) -> tuple[str, ...] | None:
    """What a non-Han character of an answer is typed as in a pinyin answer: itself
    (ASCII letters and digits, case and width folded; symbols); None if pinyin input
    cannot hold it (another alphabet)."""
    typed: list[str] = []
    for part in unicodedata.normalize("NFKD", char):
        if part.isascii() and part.isalnum():
            typed.append(part.lower())
        elif unicodedata.category(part)[0] == "S":
            typed.append(part)
        elif not unicodedata.combining(part):
            return None
    return tuple(typed)


def looks_like_pinyin(text: str) -> bool:
    return parse_typed(text) is not None


def _parse_reading(syllable: str) -> set[Reading]:
    """`lv4` / `lǜ` / `le5` -> {("lv", 4), ("lu", 4)}: ü may also be typed as u."""
    units = parse_typed(syllable)
    if units is None:
        return set()
    letters = "".join(char for char, _ in units if char.isalpha())
    tone = next((mark for _, mark in units if mark), 0)
    digits = [char for char, _ in units if char.isdigit()]
    if digits and digits[-1] in _TONE_DIGITS:
        tone = int(digits[-1])
    tone = tone if tone in (1, 2, 3, 4) else _NEUTRAL
    found = {(letters, tone)}
    if "v" in letters:
        found.add((letters.replace("v", "u"), tone))
    return found


@cache
def _pypinyin() -> Any:
    import pypinyin

    return pypinyin


@lru_cache(maxsize=4096)
def char_readings(char: str) -> frozenset[Reading]:
    """Every reading pypinyin knows for one character (all heteronyms); empty if none."""
    pp = _pypinyin()
    rows = pp.pinyin(
        char,
        style=pp.Style.TONE3,
        heteronym=True,
        neutral_tone_with_five=True,
        errors=lambda _: [],
    )
    readings: set[Reading] = set()
    for row in rows:
        for syllable in row:
            readings |= _parse_reading(syllable)
    return frozenset(readings)


def _phrase_readings(simplified: str) -> list[set[Reading]]:
    """The reading in context (phrase dictionary) of each character of a Han-only run."""
    pp = _pypinyin()
    rows = pp.pinyin(simplified, style=pp.Style.TONE3, neutral_tone_with_five=True)
    if len(rows) != len(simplified):
        return [set() for _ in simplified]
    return [_parse_reading(row[0]) if row else set() for row in rows]


@dataclass(frozen=True, slots=True)
class Slot:
    """One character of an answer to be matched: a Han character's readings, or the
    units a non-Han character must be typed as."""

    readings: frozenset[Reading] = frozenset()
    literal: tuple[str, ...] = ()


@lru_cache(maxsize=1024)
def answer_slots(answer: str) -> tuple[Slot, ...] | None:
    """What typing `answer` in pinyin means, one slot per character that counts.

    Han characters may be typed as any reading of the character or of its Simplified
    form, or as the reading the phrase dictionary gives in context; digits and Latin
    letters must be typed as themselves; punctuation and spaces are skipped. None when
    the answer has no Han character or holds something pinyin cannot spell.
    """
    if not has_han(answer):
        return None
    simplified = to_simplified(answer)
    if len(simplified) != len(answer):
        simplified = answer
    in_context = _context_readings(simplified)
    slots: list[Slot] = []
    for index, (original, simple) in enumerate(zip(answer, simplified, strict=True)):
        if is_han(original) or is_han(simple):
            readings = char_readings(original) | char_readings(simple) | in_context[index]
            if not readings:
                return None
            slots.append(Slot(readings=frozenset(readings)))
        elif is_ignorable(original):
            continue
        else:
            literal = _literal(original)
            if not literal:
                return None
            slots.append(Slot(literal=literal))
    return tuple(slots)


def _context_readings(simplified: str) -> list[set[Reading]]:
    readings: list[set[Reading]] = [set() for _ in simplified]
    start = None
    for index, char in enumerate([*simplified, ""]):
        if char and is_han(char):
            start = index if start is None else start
        elif start is not None:
            readings[start:index] = _phrase_readings(simplified[start:index])
            start = None
    return readings


def matches(units: Sequence[Unit], slots: Sequence[Slot], *, tones: bool = True) -> bool:
    """Whether the typed units spell the slots, syllable by syllable.

    Separators may stand between slots, never inside one; a symbol slot may be skipped.
    A syllable's tone is optional (a mark on its vowel or a digit after it, 5 or 0 for
    the neutral tone); when given it must be the tone of the reading matched.
    `tones=False` ignores given tones, to tell a wrong tone from wrong syllables.
    """
    if len(units) > MAX_UNITS_PER_CHAR * len(slots) + MAX_UNITS_SLACK:
        return False
    count = len(units)

    @cache
    def from_here(slot_index: int, at: int) -> bool:
        while at < count and units[at][0] == SEPARATOR:
            at += 1
        if slot_index == len(slots):
            return at == count
        slot = slots[slot_index]
        if slot.literal:
            end = at + len(slot.literal)
            typed = tuple(char for char, mark in units[at:end] if not mark)
            if typed == slot.literal and from_here(slot_index + 1, end):
                return True
            # a symbol (`+`) may be left out, like the punctuation around it
            return not any(char.isalnum() for char in slot.literal) and from_here(
                slot_index + 1, at
            )
        for letters, tone in sorted(slot.readings):
            end = at + len(letters)
            if end > count or "".join(char for char, _ in units[at:end]) != letters:
                continue
            marks = {mark for _, mark in units[at:end] if mark}
            if len(marks) > 1:
                continue
            given = marks.pop() if marks else None
            if (not tones or given in (None, tone)) and from_here(slot_index + 1, end):
                return True
            if given is None and end < count and units[end][0] in _TONE_DIGITS:
                digit = int(units[end][0]) or _NEUTRAL
                if (not tones or digit == tone) and from_here(slot_index + 1, end + 1):
                    return True
        return False

    return from_here(0, 0)


def answer_pinyin(answer: str, before: str = "", after: str = "") -> str:
    """The answer's pinyin with tone marks, read from its Simplified form; characters
    without a reading (digits, Latin, punctuation) are kept as they are.

    `before` and `after` are the sentence around the answer: when the answer is all Han,
    the Han characters touching it (up to `CONTEXT_CHARS` a side) are read with it, so that
    a heteronym takes the reading of its phrase (长 in 长城 is cháng, in 成长 zhǎng).
    """
    simplified = to_simplified(answer)
    pp = _pypinyin()
    if simplified and all(is_han(char) for char in simplified):
        head = _han_tail(to_simplified(before))
        tail = _han_tail(to_simplified(after)[::-1])[::-1]
        rows = pp.pinyin(head + simplified + tail, style=pp.Style.TONE)
        if len(rows) == len(head) + len(simplified) + len(tail):
            return " ".join(row[0] for row in rows[len(head) : len(head) + len(simplified)])
    rows = pp.pinyin(simplified, style=pp.Style.TONE, errors="default")
    return " ".join(row[0].strip() for row in rows if row and row[0].strip())


def _han_tail(text: str) -> str:
    """The Han characters at the end of `text`, at most `CONTEXT_CHARS` of them."""
    count = 0
    while count < min(len(text), CONTEXT_CHARS) and is_han(text[len(text) - 1 - count]):
        count += 1
    return text[len(text) - count :]
