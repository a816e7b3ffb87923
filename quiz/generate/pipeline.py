"""From a source file to a deck: read, clean, mirror in Simplified, lay out, extract, cut cards.

`generate_deck(path)` is what `quiz generate` runs for each file; `build_deck(text)` does
the work on an already cleaned text (tests use it directly). Extraction happens on the
Simplified mirror, whose offsets equal the original's; cards are cut from the output text
(the original, or its conversion for `--script`) at the same offsets.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from quiz.deck import Card, ClozeCard, Deck, MatchCard
from quiz.errors import QuizError
from quiz.generate import rank
from quiz.generate.chinese import ChineseCards, hinter, segmenter
from quiz.generate.english import english_cards
from quiz.generate.people import is_byline
from quiz.generate.select import (
    ASKED,
    DENSITY,
    FLOOR,
    GENERAL,
    SHORT_TEXT,
    Scored,
    Selection,
    cap,
)
from quiz.generate.structure import Layout, clean_title, layout
from quiz.text import phrases
from quiz.text.script import to_simplified, to_traditional

__all__ = ["GenerateError", "GenerateReport", "build_deck", "generate_deck", "segmenter"]

ScriptChoice = Literal["keep", "simplified", "traditional"]
SCRIPTS: tuple[str, ...] = ("keep", "simplified", "traditional")


class GenerateError(QuizError):
    """A source that yields no deck (no usable text, or nothing worth a card)."""


# The reasons `select.cap` gives, as the report counts them (the rest read as they are).
_COUNTED = {"a word of general language": "words of general language"}


@dataclass(slots=True)
class GenerateReport:
    """What `generate_deck` did: counts for the CLI, and the cleaner's report."""

    source: str
    script: str
    cloze: int = 0
    match: int = 0
    clean_report: Any = None
    rules: Counter[str] = field(default_factory=Counter)
    found: int = 0  # candidate cards the passes made
    chars: int = 0  # characters of cleaned text (spaces left out)
    selection: Selection | None = None

    def summary(self) -> str:
        """`found 412 candidates, kept 180 (8.0 per 1,000 characters), left out 232: 30
        asked in another card, 160 below the cap, 42 words of general language`."""
        selection = self.selection
        kept = self.cloze + self.match
        per1k = 1000 * kept / self.chars if self.chars else 0.0
        line = f"found {self.found} candidates, kept {kept} ({per1k:.1f} per 1,000 characters)"
        if selection is None or not selection.left_out:
            return line
        heads = (why.split(" (")[0] for _item, why in selection.left_out)
        reasons = Counter(_COUNTED.get(head, head) for head in heads)
        parts = ", ".join(f"{count} {reason}" for reason, count in sorted(reasons.items()))
        return f"{line}, left out {len(selection.left_out)}: {parts}"

    def left_out_lines(self) -> list[str]:
        """One line per card left out, for `quiz generate -v`."""
        if self.selection is None:
            return []
        return [
            f"line {item.card.line}: left out ({why}): {_shown(item.card)}"
            for item, why in self.selection.left_out
        ]


def generate_deck(
    path: str | os.PathLike[str],
    *,
    script: ScriptChoice = "keep",
    source_label: str | None = None,
    keep_all: bool = False,
    progress: Callable[[str], None] | None = None,
) -> tuple[Deck, GenerateReport]:
    """Read, clean and turn one source file into a deck (named after the file's stem).

    `progress`, when given, is called with the name of each step as it starts
    ("reading", "cleaning", "making cards"), so a caller can report on long work.

    Raises:
        ReadError: the file is missing, empty, binary or undecodable.
        GenerateError: the text gives no card; the message says why.
    """
    from quiz.text.clean import clean
    from quiz.text.read import read_source

    step = progress or (lambda _what: None)
    path = Path(path)
    step("reading")
    source = read_source(path)
    step("cleaning")
    cleaned = clean(source.text)
    label = source_label or path.as_posix()
    step("making cards")
    deck, report = build_deck(
        cleaned.text,
        name=path.stem,
        source=label,
        script=script,
        density=None if keep_all else DENSITY,
        emphasis=source.emphasis,
        links=source.links,
    )
    report.clean_report = cleaned.report
    if not deck.cards:
        raise GenerateError(f"{path}: no cards: {_why_empty(cleaned.text)}")
    return deck, report


def _why_empty(text: str) -> str:
    if not text.strip():
        return "nothing is left after cleaning (the file holds only page chrome or markup)"
    if not phrases.has_cjk(text):
        return (
            "the text has no Chinese, and no capitalised names (Tennis Court Oath), dates "
            "in context (in 1789), defined terms ('X is a ...') or repeated phrases to blank"
        )
    return "no sentence holds a phrase worth a blank (too short or only filler words)"


def build_deck(
    text: str,
    *,
    name: str,
    source: str | None = None,
    script: ScriptChoice = "keep",
    density: float | None = DENSITY,
    emphasis: Sequence[str] = (),
    links: Sequence[str] = (),
) -> tuple[Deck, GenerateReport]:
    """Cards from an already cleaned text, in source order, deterministic: found by the
    passes, scored (`rank`), then capped at `density` cards per 1,000 characters
    (`select`; None keeps every card found). `emphasis` holds the phrases the page marked
    (<u>, <b>, **…**): each is a card where it is said; `links` the names it links
    ([桂林市](…/桂林市.md)), each a `linked` card where it is said."""
    from quiz.text.script import detect_script

    mirror = _simplified_mirror(text)
    detected = detect_script(text)
    output, out_script = _output_text(text, mirror, detected, script)
    lay = layout(mirror)
    report = GenerateReport(source=source or name, script=detected)
    title = _title(lay, output, name, mirror)
    evidence: dict[str, rank.Evidence] = {}
    if phrases.has_cjk(mirror):
        finder = ChineseCards(mirror, output, lay, out_script, emphasis, links)
        cards = finder.build()
        evidence = finder.evidence
    else:
        cards, evidence = english_cards(mirror, output, lay, emphasis)
    ordered = sorted(cards, key=lambda item: item[0])
    paired = _heading_sides(card for _position, card in ordered)
    scored = _asked_again([_scored(position, card, evidence, paired) for position, card in ordered])
    report.found = len(scored)
    report.chars = len(text) - len(_SPACE.findall(text))
    report.selection = cap(scored, chars=report.chars, density=density)
    deck_cards: list[Card] = [
        replace(item.card, importance=item.importance) for item in report.selection.kept
    ]
    for card in deck_cards:
        report.rules.update(card.tags[:1])
        if isinstance(card, ClozeCard):
            report.cloze += 1
        else:
            report.match += 1
    deck = Deck(name=name, title=title, cards=tuple(deck_cards), source=source)
    hinter().save()
    return deck, report


_SPACE = re.compile(r"\s")
FLOOR_RULES = frozenset({"formula", "quote", "slogan", "title"})
FLOOR_SETS = frozenset({"heading", "formula"})


def _heading_sides(cards: Iterable[Card]) -> tuple[str, ...]:
    """Both sides of every pair of the heading matching sets (a heading with its subtitle)."""
    return tuple(
        side
        for card in cards
        if isinstance(card, MatchCard) and card.tags[:1] == ("heading",)
        for pair in card.pairs
        for side in pair
    )


def _scored(
    position: int,
    card: Card,
    evidence: dict[str, rank.Evidence],
    paired: Sequence[str] = (),
) -> Scored:
    """The card with its importance and whether the floor holds it or it is general.

    A long text's heading-line cloze whose answer a heading set already pairs with its
    subtitle (铸忠诚 in 铸忠诚 ↔ 坚持旗帜鲜明讲政治) is ranked like any card: the set keeps
    the heading whatever the budget, the cloze asks it a second way where there is room."""
    rule = card.tags[0] if card.tags else ""
    found = evidence.get(card.id)
    if found is None:  # a card no pass weighed: what its rule says
        found = rank.Evidence(
            rule=rule,
            answer=card.answer if isinstance(card, ClozeCard) else "",
            is_set=not isinstance(card, ClozeCard),
            pairs=len(card.pairs) if isinstance(card, MatchCard) else 0,
        )
    standing = ""
    if found.is_set:
        standing = FLOOR if rule in FLOOR_SETS else ""
    elif rank.everyday_quote(found) and found.text_length > SHORT_TEXT:
        standing = ""  # “窗口” in a long text: ranked, not kept whatever the budget
    elif (
        found.heading
        and found.text_length > SHORT_TEXT
        and isinstance(card, ClozeCard)
        and any(card.answer in side for side in paired)
    ):
        standing = ""
    elif rule in FLOOR_RULES or found.heading or found.figure == "goal" or found.byline:
        standing = FLOOR
    elif rule == "marked" and not rank.everyday_marked(found):
        standing = FLOOR  # the page's own blanks: a page of notes underlines what it asks
    elif rule == "parallel" and found.text_length <= SHORT_TEXT:
        standing = FLOOR  # a short text's formulas by shape, kept like its quotations
    elif rank.general_word(found):
        standing = GENERAL
    return Scored(position, card, rank.importance(found), standing)


ASKED_AGAIN = 20


def _asked_again(scored: list[Scored]) -> list[Scored]:
    """A phrase the text names again and again is asked once where it matters most (its
    best card, ties in text order); each further card of the same answer drops
    ASKED_AGAIN points per earlier one and is left out of a capped deck (一带一路 in five
    sentences is one fact to learn, not five; `--all` keeps them)."""
    from quiz.generate.ids import normalise

    best: dict[str, int] = {}
    by_rank = sorted(range(len(scored)), key=lambda i: (-scored[i].importance, i))
    result = list(scored)
    for index in by_rank:
        item = scored[index]
        if not isinstance(item.card, ClozeCard):
            continue
        answer = normalise(item.card.answer)
        earlier = best.get(answer, 0)
        best[answer] = earlier + 1
        if earlier:
            result[index] = Scored(
                item.position,
                item.card,
                max(rank.LOWEST, item.importance - ASKED_AGAIN * earlier),
                GENERAL if item.standing == GENERAL else ASKED,
            )
    return result


def _shown(card: Card) -> str:
    if isinstance(card, ClozeCard):
        return card.text
    if isinstance(card, MatchCard):
        return " / ".join(f"{left} ↔ {right}" for left, right in card.pairs)
    return f"{card.front} ↔ {card.back}"


# --------------------------------------------------------------------------- scripts


def _simplified_mirror(text: str) -> str:
    """The text in Simplified characters, with exactly the same length and line breaks."""
    mirror = to_simplified(text)
    if len(mirror) == len(text):
        return mirror
    lines = []
    for line in text.split("\n"):
        converted = to_simplified(line)
        if len(converted) != len(line):
            converted = "".join(
                to_simplified(ch) if len(to_simplified(ch)) == 1 else ch for ch in line
            )
        lines.append(converted)
    return "\n".join(lines)


def _output_text(text: str, mirror: str, detected: str, choice: str) -> tuple[str, str]:
    """The text the cards are cut from, and its script."""
    if choice == "simplified" or (choice == "keep" and detected == "simplified"):
        return mirror, "simplified" if detected != "none" else "none"
    if choice == "traditional":
        converted = to_traditional(mirror)
        if len(converted) != len(mirror):
            converted = "\n".join(_same_length(to_traditional, line) for line in mirror.split("\n"))
        return converted, "traditional" if detected != "none" else "none"
    return text, detected


def _same_length(convert: Callable[[str], str], line: str) -> str:
    converted = convert(line)
    if len(converted) == len(line):
        return converted
    return "".join(c if len(c := convert(ch)) == 1 else ch for ch in line)


def _title(lay: Layout, output: str, name: str, lay_text: str) -> str:
    if lay.title is not None:
        return clean_title(output[lay.title[0] : lay.title[1]])
    for paragraph in lay.paragraphs:
        if paragraph.heading is not None:
            break  # a numbered heading names a part, never the whole text
        first = paragraph.sentences[0] if paragraph.sentences else None
        if first is not None and first.end - first.start <= 40:
            if output[first.start : first.end].startswith("—"):
                continue  # a dash item (——经济发展再上新台阶。) is one point of a list
            if is_byline(lay_text[first.start : first.end]):
                continue  # 市长 王某 names who speaks, not what the text is
            return output[first.start : first.end].strip()
    return name
