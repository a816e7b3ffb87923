"""The edit form of a card (`e` after the answer): its text, answer, other accepted
answers and hint, written into the deck file by `quiz.deck_edit`.

The form checks an edit as it is saved and shows why one is refused (no blank, two
blanks, an empty answer, a file that changed on disk) without closing; a saved edit
closes it with the deck as read back from the file, which the study screen syncs.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static, TextArea

from quiz.deck import BasicCard, ClozeCard, Deck
from quiz.deck_edit import (
    ACCEPT_SEPARATOR,
    BLANK,
    CardFields,
    EditError,
    check_fields,
    form_fields,
    parse_accept,
    save_edit,
)
from quiz.text.escapes import printable


class EditCardScreen(ModalScreen[Deck | None]):
    """A form over the study screen; ctrl+s (or Enter in a one-line field) saves, Esc
    closes without saving."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, card: ClozeCard | BasicCard, path: Path, shown_path: str) -> None:
        super().__init__()
        self.card = card
        self.path = path
        self.shown_path = shown_path
        self.start = form_fields(card)

    def compose(self) -> ComposeResult:
        basic = isinstance(self.card, BasicCard)
        blink = getattr(self.app, "cursor_blink", True)
        with Vertical(id="edit-body") as body:
            body.border_title = "Edit card"
            body.border_subtitle = "ctrl+s Save · Esc Cancel"
            yield Label("Front" if basic else f"Text (the blank is {BLANK})", classes="edit-label")
            text = TextArea(
                printable(self.start.text), id="edit-text", soft_wrap=True, compact=True
            )
            text.cursor_blink = blink
            yield text
            yield Label("Back" if basic else "Answer", classes="edit-label")
            yield self._input(self.start.answer, "edit-answer", blink)
            yield Label(
                f"Other accepted answers (separated by {ACCEPT_SEPARATOR.strip()})",
                classes="edit-label",
            )
            yield self._input(ACCEPT_SEPARATOR.join(self.start.accept), "edit-accept", blink)
            yield Label("Hint", classes="edit-label")
            yield self._input(self.start.hint, "edit-hint", blink)
            yield Static(id="edit-error", markup=False)
            yield Static(
                Content.styled(f"Writes {self.shown_path}; the card keeps its history.", "dim"),
                id="edit-note",
            )

    @staticmethod
    def _input(value: str, widget_id: str, blink: bool) -> Input:
        field = Input(printable(value), id=widget_id, compact=True, select_on_focus=False)
        field.cursor_blink = blink
        return field

    def on_mount(self) -> None:
        self.query_one("#edit-error", Static).display = False
        self.query_one("#edit-answer", Input).focus()

    def fields(self) -> CardFields:
        """What the form holds now."""
        return CardFields(
            text=self.query_one("#edit-text", TextArea).text,
            answer=self.query_one("#edit-answer", Input).value,
            accept=parse_accept(self.query_one("#edit-accept", Input).value),
            hint=self.query_one("#edit-hint", Input).value,
        )

    def refuse(self, reason: str) -> None:
        """Show why the edit cannot be saved; the form stays open."""
        error = self.query_one("#edit-error", Static)
        error.update(Content.styled(printable(reason), "bold $error"))
        error.display = True

    def action_save(self) -> None:
        fields = self.fields()
        reason = check_fields(self.card, fields)
        if reason is not None:
            self.refuse(reason)
            return
        try:
            deck = save_edit(self.path, self.card, fields)
        except EditError as exc:
            if str(exc) == "Nothing changed.":
                self.dismiss(None)
                return
            self.refuse(str(exc))
            return
        except OSError as exc:
            self.refuse(f"{self.shown_path}: cannot write ({exc.strerror or exc}); nothing saved.")
            return
        self.dismiss(deck)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_cancel(self) -> None:
        self.dismiss(None)
