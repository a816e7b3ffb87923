"""The home screen's table of decks: new, learning and due cards, total, last studied."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from rich.text import Text
from textual.widgets import DataTable

from quiz.tui.format import clip, percent_label, when_label

TITLE_CELLS = 28
"""Room for a deck's title, so the counts fit beside it in 80 columns."""


@dataclass(frozen=True, slots=True)
class DeckLine:
    """What the table shows about one deck."""

    name: str
    title: str
    new: int
    learning: int
    due: int
    total: int
    last_studied: datetime | None
    retention: float | None = None
    history_known: bool = True  # False until the review log has been read


class DeckTable(DataTable[Text]):
    """One row per deck, keyed by the deck's name; Enter selects (studies) it."""

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        self.add_column("Deck", key="deck")
        self.add_column("New", key="new")
        self.add_column("Learn", key="learning")
        self.add_column("Due", key="due")
        self.add_column("Total", key="total")
        self.add_column("Studied", key="studied")
        self.add_column("Kept", key="retention")

    def show(self, lines: Sequence[DeckLine], now: datetime) -> None:
        """Replace the rows, keeping the cursor on the same deck when it is still there."""
        current = self.current_name
        self.clear()
        for line in lines:
            self.add_row(
                Text(clip(line.title, TITLE_CELLS)),
                _count(line.new, "blue"),
                _count(line.learning, "red"),
                _count(line.due, "green"),
                Text(str(line.total), justify="right"),
                Text(_studied(line.last_studied, now) if line.history_known else "…"),
                Text(percent_label(line.retention) if line.history_known else "…", justify="right"),
                key=line.name,
            )
        names = [line.name for line in lines]
        if current in names:
            self.move_cursor(row=names.index(current))

    @property
    def current_name(self) -> str | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        return str(key.value) if key.value is not None else None


def _count(value: int, colour: str) -> Text:
    """A count in Anki's colour for its queue, dimmed when zero (Text: cells stay literal)."""
    return Text(str(value), style=f"bold {colour}" if value else "dim", justify="right")


def _studied(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return "never"
    label = when_label(moment, now)
    return "just now" if label == "now" else label
