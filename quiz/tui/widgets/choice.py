"""The four options of a choice card (选择题), picked by 1-4, a-d or a click.

The screen sets the options (`offer`) and, once one is picked, marks the picked and the
right one (`reveal`); the widget reports a click with `ChoiceList.Picked`.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message

from quiz.choice import OPTIONS, Choice
from quiz.text.escapes import printable
from quiz.tui.widgets.wrapped_text import WrappedText

DIGITS = "1234"
LETTERS = "abcd"


def option_content(row: int, text: str, mark: str | None = None) -> Content:
    """`1 a  四个意识` before the pick; after it, ✓ on the right one, ✗ on a wrong pick
    and no key on the others (the digits rate by then)."""
    if mark is not None:
        style = "bold $success" if mark == "✓" else "bold $error"
        key: tuple[str, str] = (f"{mark:<3}", style)
    else:
        key = (f"{DIGITS[row]} {LETTERS[row]}", "bold $accent")
    return Content.assemble(key, "  ", printable(text))


class ChoiceOption(WrappedText):
    """One option; a click picks it."""

    def __init__(self, row: int) -> None:
        super().__init__(id=f"choice-{row}", classes="choice-option")
        self.row = row

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(ChoiceList.Picked(self.row))


class ChoiceList(Vertical):
    """The options of the card on screen."""

    class Picked(Message):
        """An option was clicked."""

        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self.choice: Choice | None = None

    def compose(self) -> ComposeResult:
        for row in range(OPTIONS):
            yield ChoiceOption(row)

    def offer(self, choice: Choice) -> None:
        """Show the options, none picked."""
        self.choice = choice
        self.clear_marks()
        for row, text in enumerate(choice.options):
            self.query_one(f"#choice-{row}", ChoiceOption).show(option_content(row, text))

    def clear_marks(self) -> None:
        """Take the last pick's marks off the options (each class change restyles its
        option, ~0.4 ms: the screen does it once the list is hidden and the next card
        painted, so the next choice card finds them clear)."""
        for option in self.query(ChoiceOption):
            option.remove_class("-right", "-wrong", "-dim")

    def reveal(self, picked: int) -> None:
        """Mark the right option and, when it was not the one picked, the pick."""
        assert self.choice is not None, "no options offered"
        for row, text in enumerate(self.choice.options):
            option = self.query_one(f"#choice-{row}", ChoiceOption)
            right, mine = self.choice.is_right(row), row == picked
            mark = "✓" if right else "✗" if mine else " "
            option.set_class(right, "-right")
            option.set_class(mine and not right, "-wrong")
            option.set_class(not right and not mine, "-dim")
            option.show(option_content(row, text, mark))
