"""The cloze card: its section, the sentence with a blank drawn to the answer's width, hints.

All card text goes through `Content` built from plain strings, so `[bold]` in a card is
shown as typed, never read as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from quiz.deck import AnswerCard, BasicCard
from quiz.grade import blank
from quiz.text.escapes import printable
from quiz.tui.widgets.wrapped_text import WrappedText

HINT_LABEL_CELLS = 11  # "Around it: ": the hints' text starts in one column

Outcome = Literal["right", "near", "wrong", "revealed"]

_ANSWER_STYLE: dict[Outcome, str] = {
    "right": "bold $success",
    "near": "bold $warning",
    "wrong": "bold $error",
    "revealed": "bold $accent",
}


def sentence_content(card: AnswerCard, *, filled: Outcome | None, blank_text: str = "") -> Content:
    """The card's sentence with the blank (a question; `blank_text` replaces the plain
    blank once a hint has filled part of it) or the answer in place (an answer). A hint
    written in the blank (`{{c1::巴黎::a city}}`) shows in it at once, as Anki shows
    `[a city]`. A basic card is its front with the blank (or its back) below."""
    if filled is None:
        shown = blank_text or blank(card.answer)
        if card.inline_hint:
            shown = f"{blank_text} [{card.inline_hint}]" if blank_text else f"[{card.inline_hint}]"
        middle = (shown, "bold $accent")
    else:
        middle = (card.answer, _ANSWER_STYLE[filled] + " underline")
    # printable: no escape code in a card acts on the terminal (decks refuse them; a
    # card synced before that rule still shows harmlessly).
    middle = (printable(middle[0]), middle[1])
    if isinstance(card, BasicCard):
        return Content.assemble(printable(card.front), "\n\n", middle)
    return Content.assemble(printable(card.before), middle, printable(card.after))


class ClozeView(Vertical):
    """A cloze card as a question or an answer; the screen sets what to show."""

    _section = ""  # the section line's text

    def compose(self) -> ComposeResult:
        yield Static(id="cloze-section", markup=False)
        yield WrappedText(id="cloze-sentence")
        yield WrappedText(id="cloze-hints", hanging=HINT_LABEL_CELLS)

    def ask(
        self, card: AnswerCard, hints: Sequence[tuple[str, str]] = (), blank_text: str = ""
    ) -> None:
        """Show the question: the blank, and the hints taken so far as (label, text) pairs."""
        self._set_section(card)
        self.query_one("#cloze-sentence", WrappedText).show(
            sentence_content(card, filled=None, blank_text=blank_text)
        )
        self._set_hints(hints)

    def show(
        self, card: AnswerCard, outcome: Outcome, hints: Sequence[tuple[str, str]] = ()
    ) -> None:
        """Show the answer in place, coloured by how it went."""
        self._set_section(card)
        self.query_one("#cloze-sentence", WrappedText).show(sentence_content(card, filled=outcome))
        self._set_hints(hints)

    def _set_section(self, card: AnswerCard) -> None:
        section = self.query_one("#cloze-section", Static)
        text = printable(card.section or "")
        if text != self._section:  # cards of one section follow each other: left as it is
            self._section = text
            section.update(Content(text))
        # A heading's own card: its text already starts with the heading (shown above, it
        # would read twice, and could give the blank away).
        heading = (card.section or "").strip()
        section.display = bool(heading) and heading not in card.sentence

    def _set_hints(self, hints: Sequence[tuple[str, str]]) -> None:
        widget = self.query_one("#cloze-hints", WrappedText)
        lines = [
            Content.assemble(
                (f"{label + ':':<{HINT_LABEL_CELLS}}", "bold $text-muted"),
                printable(text).replace("\n", "\n" + " " * HINT_LABEL_CELLS),
            )
            for label, text in hints
        ]
        widget.show(Content("\n").join(lines))
        widget.display = bool(hints)
