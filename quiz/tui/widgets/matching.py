"""The matching game board: two columns of items drawn from a `MatchRound`.

Items are focusable (Tab, arrows, Enter) and clickable; the screen may also pick by row
number (1-6 on the left, a-f on the right). Picking the selected item again lets it go;
only a completed wrong pair is a mistake. Right pairs lock, a wrong pair flashes.
The board reports `MatchBoard.Finished` when every pair is locked.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from quiz.text.escapes import printable
from quiz.tui.match_round import MatchRound, PickResult, Side
from quiz.tui.widgets.wrapped_text import WrappedText

LEFT_KEYS = "123456789"
RIGHT_KEYS = "abcdefghi"
FLASH_SECONDS = 0.6
ROOMY_PAIRS = 4  # up to this many pairs, rows get a blank line between them


def item_content(key: str, text: str) -> Content:
    """The item's key (a check mark once found) before its text."""
    style = "bold $success" if key == "✓" else "bold $accent"
    return Content.assemble((key, style), " ", printable(text))


class MatchItem(WrappedText, can_focus=True):
    """One item of a column."""

    BINDINGS = [
        # Enter only: Space is the study screen's "show / accept" key elsewhere, and a
        # stray Space here must not pick the focused item (and so make a wrong pair).
        Binding("enter", "pick", "Pick", show=False),
        Binding("up", "move(0, -1)", show=False),
        Binding("down", "move(0, 1)", show=False),
        Binding("left", "move(-1, 0)", show=False),
        Binding("right", "move(1, 0)", show=False),
    ]

    class Picked(Message):
        def __init__(self, side: Side, row: int) -> None:
            super().__init__()
            self.side: Side = side
            self.row = row

    class Move(Message):
        def __init__(self, side: Side, row: int, across: int, down: int) -> None:
            super().__init__()
            self.side: Side = side
            self.row = row
            self.across = across
            self.down = down

    def __init__(self, side: Side, row: int, text: str) -> None:
        key = (LEFT_KEYS if side == "left" else RIGHT_KEYS)[row]
        parity = "-odd" if row % 2 else "-even"
        super().__init__(
            item_content(key, text),
            id=f"match-{side}-{row}",
            classes=f"match-item match-{side} {parity}",
        )
        self.side: Side = side
        self.row = row
        self.text = text

    def mark_found(self) -> None:
        """Show the item as part of a found pair; it can no longer be focused."""
        self.add_class("-locked")
        self.can_focus = False
        self.show(item_content("✓", self.text))

    def action_pick(self) -> None:
        self.post_message(self.Picked(self.side, self.row))

    def action_move(self, across: int, down: int) -> None:
        self.post_message(self.Move(self.side, self.row, across, down))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.focus()
        self.post_message(self.Picked(self.side, self.row))


class MatchBoard(Vertical):
    """Both columns of one round; `start` sets the round."""

    class Finished(Message):
        """Every pair is locked."""

        def __init__(self, mistakes: int) -> None:
            super().__init__()
            self.mistakes = mistakes

    class Missed(Message):
        """A wrong pair was picked."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self.round: MatchRound | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="match-prompt", markup=False)
        yield Grid(id="match-grid")
        yield Static(id="match-status", markup=False)

    async def start(self, prompt: str, round_: MatchRound) -> None:
        """Lay out a new round."""
        self.round = round_
        self.query_one("#match-prompt", Static).update(Content(printable(prompt)))
        grid = self.query_one("#match-grid", Grid)
        await grid.remove_children()
        grid.set_class(round_.size <= ROOMY_PAIRS, "-roomy")
        # Row by row, left then right, so both items of a row share its height.
        await grid.mount_all(
            MatchItem(side, row, round_.text(side, row))
            for row in range(round_.size)
            for side in ("left", "right")
        )
        self._show_status()
        self.query_one("#match-left-0", MatchItem).focus()

    def item(self, side: Side, row: int) -> MatchItem:
        return self.query_one(f"#match-{side}-{row}", MatchItem)

    def pick(self, side: Side, row: int) -> PickResult:
        """Pick an item (from a key, a click or Enter) and show the result."""
        round_ = self.round
        if round_ is None or round_.done:
            return PickResult.IGNORED
        result = round_.pick(side, row)
        for item in self.query(MatchItem):
            item.set_class(round_.selected == (item.side, item.row), "-selected")
            if round_.is_locked(item.side, item.row) and not item.has_class("-locked"):
                item.mark_found()
        if result is PickResult.MISSED and round_.last_miss is not None:
            left_row, right_row = round_.last_miss
            flashing = (self.item("left", left_row), self.item("right", right_row))
            for item in flashing:
                item.add_class("-wrong")
            self.set_timer(FLASH_SECONDS, lambda: [i.remove_class("-wrong") for i in flashing])
            self.post_message(self.Missed())
        if result is PickResult.SELECTED:
            # Go across to the other column, where the partner is chosen.
            other: Side = "right" if side == "left" else "left"
            self._focus_free(other, 0)
        elif result in (PickResult.MATCHED, PickResult.MISSED):
            self._focus_free("left", 0)
        self._show_status()
        if round_.done:
            self.call_later(self._show_pairs)
            self.post_message(self.Finished(round_.mistakes))
        return result

    async def _show_pairs(self) -> None:
        """Once every pair is found, lay the pairs out side by side, like an answer."""
        round_ = self.round
        if round_ is None:
            return
        grid = self.query_one("#match-grid", Grid)
        await grid.remove_children()
        items: list[MatchItem] = []
        for row in range(round_.size):
            left, right = round_.pairs[round_.left[row]]
            items += [MatchItem("left", row, left), MatchItem("right", row, right)]
        await grid.mount_all(items)
        for item in items:
            item.mark_found()

    def _focus_free(self, side: Side, start: int) -> None:
        round_ = self.round
        assert round_ is not None
        for offset in range(round_.size):
            row = (start + offset) % round_.size
            if not round_.is_locked(side, row):
                self.item(side, row).focus()
                return

    def note(self, text: str) -> None:
        """Say something about the last key on the status line, until the next pick (a
        toast per stray key would pile up over the board)."""
        self._show_status(text)

    def _show_status(self, note: str = "") -> None:
        round_ = self.round
        if round_ is None:
            return
        mistakes = round_.mistakes
        found = (
            f"All {round_.size} pairs found"
            if round_.done
            else f"{len(round_.locked)}/{round_.size} matched"
        )
        self.query_one("#match-status", Static).update(
            Content.assemble(
                (found, "bold"),
                "   ",
                (
                    f"{mistakes} mistake{'s' if mistakes != 1 else ''}",
                    "$error" if mistakes else "dim",
                ),
                ("   " + note if note else "", "$warning"),
            )
        )

    def on_match_item_picked(self, message: MatchItem.Picked) -> None:
        message.stop()
        self.pick(message.side, message.row)

    def on_match_item_move(self, message: MatchItem.Move) -> None:
        message.stop()
        round_ = self.round
        if round_ is None:
            return
        side: Side = message.side
        if message.across:
            side = "right" if message.across > 0 else "left"
        step = message.down or 0
        row = message.row
        for _ in range(round_.size):
            row = (row + step) % round_.size if step else min(row, round_.size - 1)
            if not round_.is_locked(side, row):
                self.item(side, row).focus()
                return
            if not step:
                step = 1
