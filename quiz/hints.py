"""The hint ladder of a cloze card: each step gives more of the answer away.

1. `length`: how long the answer is ("4 characters", "2 words"), only when the blank does
   not already show it (a shortened blank, several words, punctuation or mixed widths);
   a blank of one ＿ per character says "4 characters" by itself;
2. `first`: its first character, the rest blanked (`三＿＿＿`); skipped for one-character answers;
3. `pinyin`: the card's own hint when it has one (kind `hint` when it does not spell the
   answer in pinyin), else the answer's pinyin with tone marks, read from its Simplified
   form in the context of its sentence (pypinyin is imported then, ~0.15 s the first
   time); skipped for answers without Han characters;
4. `context`: the sentences of the deck's other cards in the same section just before and
   after this card (by line, then deck order), with this card's answer blanked out and
   the neighbours' own blanks too (they are other cards' answers).

An answer that is a figure (`quiz.figures`: 5%左右, 3000亿元, 2035年, 第一个百年) climbs
another ladder, since its first character is half of it and the pinyin of a digit is
no hint:

1. `figure`: what it measures and its unit and qualifier, the number left out
   (`百分比：…%左右`, `金额：…亿元`, `年份：…年`, `序数：第…个百年`; on a card in English
   `number: … million`, `fraction: … of global territory`);
2. `digits`: the answer with each numeral blanked, so the number of digits and a
   decimal point show (`_%左右`, `____亿元`, `_._万亿斤以上`);
3. `first`: its first numeral written out (`3___亿元`); skipped for a one-digit number,
   which it would give away;
4. the card's own hint when it is not pinyin (kind `hint`), then `context` as above.

Match cards get no ladder. The ladder is deterministic and holds no markup.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from quiz.deck import BasicCard, Card, ClozeCard, Deck
from quiz.figures import Figure, parse_figure
from quiz.grade import BLANK_NARROW, BLANK_WIDE, ELLIPSIS, blank
from quiz.pinyin import answer_pinyin, answer_slots, has_han, is_ignorable, matches, parse_typed
from quiz.text.script import to_simplified

BEFORE_MARK = "↑ "
AFTER_MARK = "↓ "


class HintKind(StrEnum):
    LENGTH = "length"
    FIGURE = "figure"
    DIGITS = "digits"
    FIRST = "first"
    PINYIN = "pinyin"
    HINT = "hint"
    CONTEXT = "context"


@dataclass(frozen=True, slots=True)
class Hint:
    """One step of the ladder: what it is and the plain text to show."""

    kind: HintKind
    text: str

    @property
    def fills_blank(self) -> bool:
        """Whether the text stands in the blank of the sentence (`first`, `digits`)
        rather than on a line of its own."""
        return self.kind in (HintKind.FIRST, HintKind.DIGITS)


def hint_ladder(card: Card, deck: Deck | None = None) -> list[Hint]:
    """The hints for `card`, least revealing first (see the module doc)."""
    if not isinstance(card, ClozeCard | BasicCard):
        return []
    answer = card.answer
    figure = _figure_of(answer)
    if figure is not None and isinstance(card, ClozeCard):
        return _figure_ladder(card, figure, deck)
    ladder = [] if blank_shows_length(answer) else [Hint(HintKind.LENGTH, length_text(answer))]
    if _counted(answer) > 1:
        ladder.append(Hint(HintKind.FIRST, blank(answer, shown=_first_shown(answer))))
    authored = card.hint
    inline = card.inline_hint  # shown in the blank from the start: never a step of its own
    if authored:
        kind = HintKind.PINYIN if spells_answer(authored, answer) else HintKind.HINT
        ladder.append(Hint(kind, authored))
    elif has_han(answer) and not (inline and spells_answer(inline, answer)):
        ladder.append(Hint(HintKind.PINYIN, answer_pinyin(answer, card.before, card.after)))
    if deck is not None and isinstance(card, ClozeCard):
        context = context_text(card, deck)
        if context:
            ladder.append(Hint(HintKind.CONTEXT, context))
    return ladder


def _figure_of(answer: str) -> Figure | None:
    """The answer's figure, read through its Simplified form (same length, same spans)."""
    simplified = to_simplified(answer)
    return parse_figure(simplified if len(simplified) == len(answer) else answer)


def _figure_ladder(card: ClozeCard, figure: Figure, deck: Deck | None) -> list[Hint]:
    answer = card.answer
    start, end = figure.digits
    if has_han(card.text):
        label = figure.label + ("（范围）" if figure.is_range else "") + "："
    else:  # a card in English: 9 million -> `number: … million`
        label = figure.english_label + (" (range)" if figure.is_range else "") + ": "
    ladder = [
        Hint(HintKind.FIGURE, f"{label}{answer[:start]}…{answer[end:]}"),
        Hint(HintKind.DIGITS, figure_blank(answer, figure)),
    ]
    if sum(_numeral(char) for char in answer[start:end]) > 1:
        ladder.append(Hint(HintKind.FIRST, figure_blank(answer, figure, shown=1)))
    authored = card.display_hint
    if authored and not spells_answer(authored, answer):
        ladder.append(Hint(HintKind.HINT, authored))
    if deck is not None:
        context = context_text(card, deck)
        if context:
            ladder.append(Hint(HintKind.CONTEXT, context))
    return ladder


def figure_blank(answer: str, figure: Figure, *, shown: int = 0) -> str:
    """`answer` with the numerals of its number blanked, as wide as they are (`_` for a
    digit, `＿` for a full-width digit or a Chinese numeral), the first `shown` of them
    written out; points, separators, unit and qualifier kept: `3___亿元`, `_._万亿斤`."""
    start, end = figure.digits
    out = []
    for char in answer[start:end]:
        if _numeral(char) and shown > 0:
            shown -= 1
            out.append(char)
        elif _numeral(char):
            out.append(BLANK_WIDE if _is_wide(char) else BLANK_NARROW)
        else:
            out.append(char)
    return answer[:start] + "".join(out) + answer[end:]


def _numeral(char: str) -> bool:
    """A digit or a Chinese numeral; not a point (. 点) or a thousands separator."""
    return char.isdigit() or (char.isnumeric() and char not in "点點") or char in "〇零两兩"


def blank_shows_length(answer: str) -> bool:
    """Whether the drawn blank already tells how long the answer is: one ＿ per character
    of an all-wide answer, or one _ per letter of a single Latin word, not shortened."""
    if ELLIPSIS in blank(answer) or any(is_ignorable(char) for char in answer):
        return False
    wide = [_is_wide(char) for char in answer]
    return all(wide) or (not any(wide) and len(answer.split()) == 1)


def spells_answer(hint: str, answer: str) -> bool:
    """Whether an authored hint is the answer's pinyin (tones not checked)."""
    units = parse_typed(hint)
    slots = answer_slots(answer) if units is not None and has_han(answer) else None
    return bool(units and slots and matches(units, slots, tones=False))


def length_text(answer: str) -> str:
    """How long the answer is: `4 characters` for Chinese (and mixed) answers, `2 words`
    or `5 letters` for Latin ones; spaces and punctuation are not counted."""
    if has_han(answer) or any(_is_wide(char) for char in answer):
        return _plural(_counted(answer), "character")
    words = answer.split()
    if len(words) > 1:
        return _plural(len(words), "word")
    return _plural(_counted(answer), "letter")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _counted(answer: str) -> int:
    """The characters that count: spaces and punctuation do not."""
    return sum(not is_ignorable(char) for char in answer)


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _first_shown(answer: str) -> int:
    """How many leading characters the `first` hint writes out: up to the first one that
    counts (so an opening 《 or quote comes with it)."""
    for index, char in enumerate(answer):
        if not is_ignorable(char):
            return index + 1
    return len(answer)


# --------------------------------------------------------------------------- context


def context_text(card: ClozeCard, deck: Deck) -> str:
    """The neighbouring sentences of `card` in its section, its answer blanked; "" if none."""
    if card.line is None:
        return ""
    own_key = card.sibling_key
    position = next((i for i, other in enumerate(deck.cards) if other.id == card.id), -1)
    here = (card.line, position)
    before: tuple[tuple[int, int], str, str] | None = None
    after: tuple[tuple[int, int], str, str] | None = None
    blanks: dict[str, list[str]] = {}  # sentence key -> the answers of its cards
    for index, other in enumerate(deck.cards):
        if not isinstance(other, ClozeCard) or other.section != card.section:
            continue
        blanks.setdefault(other.sibling_key, []).extend(other.answers)
        if other.id == card.id or other.line is None or other.sibling_key == own_key:
            continue
        where = (other.line, index)
        if where < here and (before is None or where > before[0]):
            before = (where, other.sentence, other.sibling_key)
        elif where > here and (after is None or where < after[0]):
            after = (where, other.sentence, other.sibling_key)
    lines: list[str] = []
    for mark, near in ((BEFORE_MARK, before), (AFTER_MARK, after)):
        if near is None or (near is after and before is not None and after[1] == before[1]):
            continue
        hidden = [*card.answers, *blanks.get(near[2], ())]
        lines.append(mark + _blank_out(near[1], hidden))
    return "\n".join(lines)


def _blank_out(sentence: str, answers: Iterable[str]) -> str:
    """`sentence` with every occurrence of any answer (in either script) blanked."""
    simplified = to_simplified(sentence)
    if len(simplified) != len(sentence):
        simplified = sentence
    spans: list[tuple[int, int]] = []
    for answer in sorted(set(answers), key=len, reverse=True):
        needle = to_simplified(answer)
        if not needle.strip():
            continue
        start = simplified.find(needle)
        while start != -1:
            end = start + len(needle)
            if not any(start < taken_end and taken_start < end for taken_start, taken_end in spans):
                spans.append((start, end))
            start = simplified.find(needle, end)
    out = sentence
    for start, end in sorted(spans, reverse=True):
        out = out[:start] + blank(sentence[start:end]) + out[end:]
    return out
