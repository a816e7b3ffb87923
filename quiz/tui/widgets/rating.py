"""The four answer buttons (Again, Hard, Good, Easy) with the interval each would give.

The suggested rating is highlighted and focused, so Enter accepts it; a press (mouse,
Enter, or the screen's 1-4 keys) is reported with `RatingBar.Rated`.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Button

RATING_NAMES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}


class RatingBar(Horizontal):
    """Four buttons; `offer` sets their intervals and the suggestion."""

    class Rated(Message):
        """The user chose a rating (1 Again … 4 Easy)."""

        def __init__(self, rating: int) -> None:
            super().__init__()
            self.rating = rating

    def compose(self) -> ComposeResult:
        for rating, name in RATING_NAMES.items():
            button = Button(f"{rating} {name}", id=f"rate-{rating}", classes=f"rate-{name.lower()}")
            button.compact = True
            yield button

    def offer(self, intervals: Mapping[int, str], suggested: int | None) -> None:
        """Label each button with its interval label ("10m", "3d") and highlight (and
        focus) the suggested one."""
        for rating, name in RATING_NAMES.items():
            button = self.query_one(f"#rate-{rating}", Button)
            label = intervals.get(rating, "")
            button.label = Content.assemble(
                (f"{rating} ", "dim"), name, (f"  {label}", "italic") if label else ""
            )
            button.set_class(rating == suggested, "-suggested")
        if suggested in RATING_NAMES:
            self.query_one(f"#rate-{suggested}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id and event.button.id.startswith("rate-"):
            self.post_message(self.Rated(int(event.button.id.removeprefix("rate-"))))
