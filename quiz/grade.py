"""Grading a typed cloze answer: a verdict with a character-level diff, and the rating
suggested from the verdict, the hints used and the time taken.

Verdicts, checked in this order (`Verdict.kind`):

============  ========  ==========================================================
kind          correct   when
============  ========  ==========================================================
empty         no        nothing but whitespace was typed: the user asks to see it
exact         yes       the typed text (outer whitespace stripped) is an answer
equivalent    yes       equal after folding: Traditional/Simplified (OpenCC), full/half
                        width (NFKC), letter case, spaces and punctuation ignored; or,
                        for an answer that is a figure (`quiz.figures`: 5%左右, 3000亿元,
                        2035年), the same figure in another spelling (约百分之五, 0.3万亿元,
                        二〇三五年): same value, unit and qualifier
pinyin        yes       pinyin typed instead of the characters, with tone marks, tone
                        numbers or no tones (per syllable; a tone given must be one of
                        the character's readings), ü as ü/v/u/u:
near          4+ chars  one character off (one substitution, insertion or deletion
                        after folding): forgiven as a typo on answers of 4 or more
                        characters, a miss on shorter ones (a 2-character answer with
                        one character wrong is half wrong)
near          no        a figure answer: the right number with a unit or qualifier
                        missing or wrong (5% for 5%左右, 5个百分点 for 5%); never a typo
wrong         no        anything else (`note` says when only a tone was wrong, or that
                        a figure has another number)
============  ========  ==========================================================

Figures are compared before the folding: folding drops punctuation, and 5.5% is not 55%.

Suggested ratings (`suggest_rating`); the user may always pick another, and Easy is
never suggested (as in Anki, it stays the user's call):

==========================================  ==================  ======
verdict                                     hints / time        rating
==========================================  ==================  ======
empty, wrong, near on 2-3 chars             any                 Again
near on 4+ chars (correct, a typo)          any                 Hard
exact, equivalent, pinyin                   any hint used       Hard
exact, equivalent, pinyin                   slower than budget  Hard
exact, equivalent, pinyin                   otherwise           Good
==========================================  ==================  ======

The time budget is generous on purpose (typing Chinese goes through an IME):
`SLOW_BASE_MS` + `SLOW_PER_CHAR_MS` per character of the answer, 21 s for 4 characters.
An unknown duration never lowers the rating. Matching rounds: see `match_rating`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum
from typing import TYPE_CHECKING, Literal

from fsrs import Rating

from quiz.pinyin import answer_slots, has_han, is_ignorable, matches, parse_typed
from quiz.text.script import to_simplified, to_traditional

if TYPE_CHECKING:
    from quiz.deck import AnswerCard
    from quiz.figures import Figure

__all__ = [
    "DiffOp",
    "Rating",
    "Verdict",
    "VerdictKind",
    "blank",
    "display_width",
    "grade",
    "mask",
    "match_rating",
    "suggest_rating",
    "warm_up",
]

NEAR_CORRECT_MIN_CHARS = 4
NEAR_MIN_CHARS = 2
MAX_TYPED_CHARS = 400
SLOW_BASE_MS = 15_000
SLOW_PER_CHAR_MS = 1_500
MATCH_SLOW_BASE_MS = 10_000
MATCH_SLOW_PER_PAIR_MS = 6_000
MAX_BLANK_CELLS = 24
BLANK_WIDE = "＿"
BLANK_NARROW = "_"
ELLIPSIS = "…"


class VerdictKind(StrEnum):
    EMPTY = "empty"
    EXACT = "exact"
    EQUIVALENT = "equivalent"
    PINYIN = "pinyin"
    NEAR = "near"
    WRONG = "wrong"


DiffKind = Literal["equal", "insert", "delete", "replace"]


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One step from the typed text to the expected one.

    `equal`: the same after folding (script, width, case; spaces and punctuation), so
    `typed` and `expected` may differ in form; `insert`: expected characters the typed
    text lacks; `delete`: typed characters the answer does not have; `replace`: typed
    characters standing where the expected ones belong.
    """

    kind: DiffKind
    typed: str
    expected: str


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a typed answer is worth. `expected` is the card's main answer, `matched`
    the accepted answer the typed text was compared with (None when wrong or empty),
    `diff` runs from the typed text to `matched` (or `expected`), `note` is for the UI."""

    kind: VerdictKind
    correct: bool
    expected: str
    typed: str
    matched: str | None
    diff: tuple[DiffOp, ...]
    note: str


# --------------------------------------------------------------------------- grading


def grade(typed: str, card: AnswerCard) -> Verdict:
    """Grade what the user typed for a cloze card; never raises on any string."""
    expected, answers = card.answer, card.answers
    text = _clean(typed).strip()

    def verdict(kind: VerdictKind, correct: bool, matched: str | None, note: str = "") -> Verdict:
        diff = (
            (DiffOp("equal", text, matched or expected),)
            if kind is VerdictKind.PINYIN
            else _diff(text, matched or expected)
        )
        return Verdict(kind, correct, expected, typed, matched, diff, note)

    if not text or all(is_ignorable(char) and not char.isprintable() for char in text):
        return Verdict(VerdictKind.EMPTY, False, expected, typed, None, (_missing(expected),), "")
    if text in answers:
        return verdict(VerdictKind.EXACT, True, text)
    if len(text) > max(MAX_TYPED_CHARS, 4 * max(len(answer) for answer in answers)):
        ops = (DiffOp("replace", text[:MAX_TYPED_CHARS] + ELLIPSIS, expected),)
        return Verdict(VerdictKind.WRONG, False, expected, typed, None, ops, "far too long")
    folded = _fold(text, to_simplified)
    figures = _answer_figures(answers)
    if figures:
        judged = _grade_figure(text, folded, figures)
        if judged is not None:
            kind, correct, matched, diff, note = judged
            return Verdict(kind, correct, expected, typed, matched, diff, note)
    for answer in answers:
        if _equivalent(text, folded, answer):
            return verdict(VerdictKind.EQUIVALENT, True, answer, _equivalence_note(text, answer))
    spelled, wrong_tone = _pinyin_match(text, answers)
    if spelled is not None:
        return verdict(VerdictKind.PINYIN, True, spelled, f"pinyin accepted for {spelled}")
    if wrong_tone is not None:
        return verdict(VerdictKind.WRONG, False, None, f"right syllables, wrong tone: {wrong_tone}")
    for answer in answers:
        answer_folded = _fold(answer, to_simplified)
        if len(answer_folded) >= NEAR_MIN_CHARS and _one_edit_apart(folded, answer_folded):
            # one character off a figure is another number, unit or qualifier: no typo
            correct = len(answer_folded) >= NEAR_CORRECT_MIN_CHARS and not figures
            note = "one character off" + (": counted as a typo" if correct else "")
            return verdict(VerdictKind.NEAR, correct, answer, note)
    return verdict(VerdictKind.WRONG, False, None)


# --------------------------------------------------------------------------- figures

FigureJudgement = tuple[VerdictKind, bool, str | None, tuple["DiffOp", ...], str]


def _figure_of(text: str, *, strict: bool) -> Figure | None:
    """`text` read as a figure through its Simplified form (same length, so the spans
    stand for `text` too). `quiz.figures` is imported here, on the first grading, to keep
    it out of the app's launch."""
    from quiz.figures import parse_figure

    simplified = to_simplified(text)
    return parse_figure(simplified if len(simplified) == len(text) else text, strict=strict)


def _answer_figures(answers: tuple[str, ...]) -> list[tuple[str, Figure]]:
    """The answers that are figures, with their figures."""
    found = []
    for answer in answers:
        figure = _figure_of(answer, strict=True)
        if figure is not None:
            found.append((answer, figure))
    return found


def _grade_figure(
    text: str, folded: str, figures: list[tuple[str, Figure]]
) -> FigureJudgement | None:
    """The verdict on `text` typed for a figure answer, or None when `text` does not read
    as a figure (then the usual checks go on): the same figure is equivalent, the same
    number with another unit or qualifier near (a miss), another number wrong."""
    mine = _figure_of(text, strict=False)
    if mine is None:
        return None
    for answer, figure in figures:
        if mine.same_as(figure):
            if _equivalent(text, folded, answer):
                note = _equivalence_note(text, answer)
            else:
                note = "accepted: same figure, other spelling"
            diff = _figure_diff(text, mine, answer, figure)
            return VerdictKind.EQUIVALENT, True, answer, diff, note
    for answer, figure in figures:
        if mine.value == figure.value:
            diff = _figure_diff(text, mine, answer, figure)
            return VerdictKind.NEAR, False, answer, diff, _figure_note(mine, figure)
    answer, figure = figures[0]
    return (
        VerdictKind.WRONG,
        False,
        None,
        _figure_diff(text, mine, answer, figure),
        "another number",
    )


def _figure_note(mine: Figure, figure: Figure) -> str:
    """What is wrong with the right number: its unit, its qualifier."""
    problems = []
    differences = mine.differences(figure)
    if "unit" in differences:
        typed_unit, unit = _unit_written(mine), _unit_written(figure)
        if {mine.unit, figure.unit} == {"%", "百分点"}:
            problems.append("percent and percentage points are not the same")
        elif mine.ordinal != figure.ordinal:
            problems.append("第 missing" if figure.ordinal else "not an ordinal")
        elif not typed_unit:
            problems.append(f"unit missing: {unit}")
        elif not unit:
            problems.append(f"no unit in the answer: {typed_unit}")
        else:
            problems.append(f"other unit: {typed_unit} for {unit}")
    if "qualifier" in differences:
        typed_qualifier, qualifier = _qualifier_written(mine), _qualifier_written(figure)
        if not typed_qualifier:
            problems.append(f"qualifier missing: {qualifier}")
        elif not qualifier:
            problems.append(f"no qualifier in the answer: {typed_qualifier}")
        else:
            problems.append(f"other qualifier: {typed_qualifier} for {qualifier}")
    return "same number; " + "; ".join(problems)


def _unit_written(figure: Figure) -> str:
    return figure.unit_text.strip() or figure.unit


def _qualifier_written(figure: Figure) -> str:
    """As written; the group's name when it sits inside the number (20多万)."""
    return (figure.before + figure.after).strip() or figure.qualifier


def _figure_diff(text: str, mine: Figure, answer: str, figure: Figure) -> tuple[DiffOp, ...]:
    """The diff of two figures part by part: qualifier before, number, unit, qualifier
    after (a part the same in meaning is `equal` however it is written)."""
    if mine.inner_qualifier or figure.inner_qualifier:
        return _diff(text, answer)
    same_qualifier = mine.qualifier == figure.qualifier
    same = (same_qualifier, mine.value == figure.value, mine.unit == figure.unit, same_qualifier)
    ops: list[DiffOp] = []
    for typed_part, expected_part, alike in zip(
        _figure_parts(text, mine), _figure_parts(answer, figure), same, strict=True
    ):
        if not typed_part and not expected_part:
            continue
        kind: DiffKind = "equal" if alike else "replace"
        if not alike and not typed_part:
            kind = "insert"
        elif not alike and not expected_part:
            kind = "delete"
        ops.append(DiffOp(kind, typed_part, expected_part))
    return tuple(ops)


def _figure_parts(text: str, figure: Figure) -> tuple[str, str, str, str]:
    """`text` cut into qualifier before, number (with 第, 百分之 and scale), unit,
    qualifier after."""
    (core_start, core_end), amount_end = figure.core, figure.amount[1]
    return (
        text[:core_start],
        text[core_start:amount_end],
        text[amount_end:core_end],
        text[core_end:],
    )


def _pinyin_match(text: str, answers: tuple[str, ...]) -> tuple[str | None, str | None]:
    """(the answer `text` spells in pinyin, or None; else an answer whose syllables it
    spells with a wrong tone, or None). Imports pypinyin only if `text` looks like pinyin."""
    units = parse_typed(text)
    if units is None:
        return None, None
    wrong_tone = None
    for answer in answers:
        slots = answer_slots(answer) if has_han(answer) else None
        if not slots:
            continue
        if matches(units, slots):
            return answer, None
        if wrong_tone is None and matches(units, slots, tones=False):
            wrong_tone = answer
    return None, wrong_tone


def warm_up() -> None:
    """Load what the first grading of each kind would otherwise pay for (OpenCC's
    dictionaries, ~50 ms; pypinyin, ~0.15 s): call it from a background thread once the
    first card is on screen."""
    probe = "學習漢語"
    to_simplified(probe)
    to_traditional(probe)
    answer_slots(probe)


def _clean(text: str) -> str:
    """Lone surrogates (from a broken paste) would make OpenCC raise: replace them."""
    if any("\ud800" <= char <= "\udfff" for char in text):
        return "".join("\ufffd" if "\ud800" <= char <= "\udfff" else char for char in text)
    return text


MAX_CONVERSION_PASSES = 4


def _fold(text: str, convert: Callable[[str], str] = str) -> str:
    """NFKC, script conversion, casefold, and spaces and punctuation dropped.

    OpenCC converts phrases as well as characters, so one pass is not always a fixed
    point (么麼 -> 幺麽 -> 幺么): convert until the text stops changing (a few passes)."""
    folded = unicodedata.normalize("NFKC", text)
    for _ in range(MAX_CONVERSION_PASSES):
        converted = convert(folded)
        if converted == folded:
            break
        folded = converted
    folded = folded.casefold()
    return "".join(char for char in folded if not is_ignorable(char))


def _equivalent(typed: str, typed_folded: str, answer: str) -> bool:
    """Equal once folded to Simplified, or else (for the few characters whose round trip
    through OpenCC is not symmetric) once folded to Traditional; an answer that folds to
    nothing (all punctuation) is never equivalent, only exact."""
    answer_folded = _fold(answer, to_simplified)
    if not answer_folded:
        return False
    if typed_folded == answer_folded:
        return True
    if len(typed_folded) != len(answer_folded):
        return False
    return _fold(typed, to_traditional) == _fold(answer, to_traditional)


def _equivalence_note(typed: str, answer: str) -> str:
    """Why an equivalent answer was accepted, for the UI."""
    reasons = []
    if _fold(typed) != _fold(answer):
        reasons.append("other script")
    if unicodedata.normalize("NFKC", typed) != typed:
        reasons.append("full/half width")
    typed_nfkc, answer_nfkc = (unicodedata.normalize("NFKC", t) for t in (typed, answer))
    if _ignorables(typed_nfkc) != _ignorables(answer_nfkc):
        reasons.append("spaces and punctuation ignored")
    if _cased(typed_nfkc) != _cased(answer_nfkc):
        reasons.append("case ignored")
    return "accepted: " + (", ".join(reasons) or "same after folding")


def _ignorables(text: str) -> list[str]:
    return [char for char in text if is_ignorable(char)]


def _cased(text: str) -> list[str]:
    return [char for char in text if char.isupper() or char.islower()]


def _one_edit_apart(left: str, right: str) -> bool:
    """Exactly one substitution, insertion or deletion turns `left` into `right`."""
    if left == right or abs(len(left) - len(right)) > 1:
        return False
    if len(left) == len(right):
        return sum(a != b for a, b in zip(left, right, strict=True)) == 1
    short, long = (left, right) if len(left) < len(right) else (right, left)
    index = next(
        (i for i, (a, b) in enumerate(zip(short, long, strict=False)) if a != b), len(short)
    )
    return short[index:] == long[index + 1 :]


def _char_keys(text: str) -> list[str]:
    """One comparison key per character (1:1 with `text`): Simplified, NFKC, casefolded."""
    simplified = to_simplified(text)
    if len(simplified) != len(text):
        simplified = text
    return [unicodedata.normalize("NFKC", char).casefold() for char in simplified]


def _diff(typed: str, expected: str) -> tuple[DiffOp, ...]:
    matcher = SequenceMatcher(None, _char_keys(typed), _char_keys(expected), autojunk=False)
    ops: list[DiffOp] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        part_typed, part_expected = typed[i1:i2], expected[j1:j2]
        kind: DiffKind = tag
        if all(is_ignorable(char) for char in part_typed + part_expected):
            kind = "equal"
        if ops and ops[-1].kind == kind:
            last = ops.pop()
            part_typed, part_expected = last.typed + part_typed, last.expected + part_expected
        ops.append(DiffOp(kind, part_typed, part_expected))
    return tuple(ops)


def _missing(expected: str) -> DiffOp:
    return DiffOp("insert", "", expected)


# --------------------------------------------------------------------------- ratings


def suggest_rating(
    verdict: Verdict,
    hints_used: int = 0,
    duration_ms: int | None = None,
    *,
    expected_chars: int | None = None,
) -> Rating:
    """The rating to highlight after a cloze answer (see the table in the module doc).

    Args:
        verdict: from `grade`.
        hints_used: how many steps of the hint ladder were shown; any hint caps at Hard.
        duration_ms: time from the card shown to the answer checked; None if unknown.
        expected_chars: length of the answer for the time budget; defaults to the
            number of characters of `verdict.expected` that count (no spaces/punctuation).

    Raises:
        ValueError: a negative hint count or duration.
    """
    if hints_used < 0:
        raise ValueError(f"hints_used must be 0 or more, not {hints_used}")
    if duration_ms is not None and duration_ms < 0:
        raise ValueError(f"duration_ms must be 0 or more, not {duration_ms}")
    if not verdict.correct:
        return Rating.Again
    if verdict.kind is VerdictKind.NEAR or hints_used > 0:
        return Rating.Hard
    if expected_chars is None:
        expected_chars = sum(not is_ignorable(char) for char in verdict.expected)
    budget = SLOW_BASE_MS + SLOW_PER_CHAR_MS * max(expected_chars, 1)
    if duration_ms is not None and duration_ms > budget:
        return Rating.Hard
    return Rating.Good


def match_rating(mistakes: int, pairs: int, duration_ms: int | None = None) -> Rating:
    """The rating of a matching round.

    No mistake: Good (Hard when slower than `MATCH_SLOW_BASE_MS` plus
    `MATCH_SLOW_PER_PAIR_MS` per pair, 46 s for 6 pairs); up to one mistake per four pairs
    (at least one): Hard; more: Again. Easy is never suggested.

    Raises:
        ValueError: a negative mistake count or duration, or no pairs.
    """
    if pairs < 1:
        raise ValueError(f"a matching round has at least one pair, not {pairs}")
    if mistakes < 0:
        raise ValueError(f"mistakes must be 0 or more, not {mistakes}")
    if duration_ms is not None and duration_ms < 0:
        raise ValueError(f"duration_ms must be 0 or more, not {duration_ms}")
    if mistakes > max(1, pairs // 4):
        return Rating.Again
    if mistakes > 0:
        return Rating.Hard
    budget = MATCH_SLOW_BASE_MS + MATCH_SLOW_PER_PAIR_MS * pairs
    if duration_ms is not None and duration_ms > budget:
        return Rating.Hard
    return Rating.Good


# --------------------------------------------------------------------------- the blank


def display_width(text: str) -> int:
    """Terminal cells `text` takes: 2 for wide (CJK) characters, 0 for combining marks."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def blank(answer: str, *, shown: int = 0) -> str:
    """The blank standing for `answer`, as wide as the answer, its first `shown`
    characters written out. Full-width underscores (＿) when the answer has wide
    characters, `_` otherwise; answers wider than `MAX_BLANK_CELLS` get a shortened
    blank with an ellipsis in the middle."""
    head, rest = answer[:shown], answer[shown:]
    cells = display_width(rest)
    wide = any(unicodedata.east_asian_width(char) in ("W", "F") for char in answer)
    unit, unit_cells = (BLANK_WIDE, 2) if wide else (BLANK_NARROW, 1)
    if cells > MAX_BLANK_CELLS:
        side = (MAX_BLANK_CELLS // 2 - 1) // unit_cells
        return head + unit * side + ELLIPSIS + unit * side
    drawn = unit * (cells // unit_cells)
    if cells % unit_cells:
        drawn += BLANK_NARROW
    return head + drawn


def mask(card: AnswerCard) -> str:
    """The card's sentence with its answer replaced by a blank (no markup)."""
    return card.before + blank(card.answer) + card.after
