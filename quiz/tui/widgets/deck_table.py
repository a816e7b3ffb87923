"""The home screen's table of decks: new, learning and due cards, total, last studied."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.widgets import DataTable

from quiz.tui.column_fit import free_cells
from quiz.tui.format import clip, percent_label, when_label

TITLE_CELLS = 28
"""Room for a deck's title before the table knows its width."""
MIN_TITLE_CELLS = 12
"""The least room a title gets however narrow the terminal."""
_COUNT_COLUMNS = ("new", "learning", "due", "total", "studied", "retention")
LABELS = ("New", "Learn", "Due", "Total", "Studied", "Retention")
SHORT_LABELS = ("New", "Lrn", "Due", "All", "Last", "Ret")
"""The count columns' headers, and the short ones used when the full ones leave the title
less than MIN_TITLE_CELLS (a 60-column terminal): no column is cut off at the right."""


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
        self._add_columns(LABELS)

    def _add_columns(self, labels: Sequence[str]) -> None:
        self.add_column("Deck", key="deck")
        for key, label in zip(_COUNT_COLUMNS, labels, strict=True):
            self.add_column(label, key=key)

    _shown: tuple[list[DeckLine], datetime, int] | None = None

    def show(self, lines: Sequence[DeckLine], now: datetime) -> None:
        """Replace the rows, keeping the cursor on the same deck when it is still there.
        Titles take whatever width the counts leave (they are cut only when it runs out)."""
        current = self.current_name
        rows = [
            (
                _count(line.new, "blue"),
                _count(line.learning, "red"),
                _count(line.due, "green"),
                Text(str(line.total), justify="right"),
                Text(_studied(line.last_studied, now) if line.history_known else "…"),
                Text(percent_label(line.retention) if line.history_known else "…", justify="right"),
            )
            for line in lines
        ]
        for labels in (LABELS, SHORT_LABELS):
            widths = [
                max([cell_len(label), *(row[i].cell_len for row in rows)])
                for i, label in enumerate(labels)
            ]
            room = free_cells(self, widths, fallback=TITLE_CELLS, least=0)
            if room >= MIN_TITLE_CELLS:
                break
        room = max(room, MIN_TITLE_CELLS)
        self.clear(columns=True)
        self._add_columns(labels)
        shared = {
            t for t in (line.title for line in lines) if [x.title for x in lines].count(t) > 1
        }
        for line, row in zip(lines, rows, strict=True):
            self.add_row(Text(deck_label(line, room, line.title in shared)), *row, key=line.name)
        self._shown = (list(lines), now, self.size.width)
        names = [line.name for line in lines]
        if current in names:
            self.move_cursor(row=names.index(current))

    def on_resize(self, event: events.Resize) -> None:
        if self._shown is not None and self._shown[2] != event.size.width:
            self.show(self._shown[0], self._shown[1])

    @property
    def current_name(self) -> str | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        return str(key.value) if key.value is not None else None


def deck_label(line: DeckLine, room: int, shared: bool) -> str:
    """The deck's title; when another deck has the same title, its file name after it
    (cut from the title's end so the name stays whole)."""
    if not shared or line.title == line.name:
        return clip(line.title, room)
    suffix = f" ({line.name})"
    left = room - cell_len(suffix)
    return clip(line.title, left) + suffix if left >= 4 else clip(line.name, room)


def _count(value: int, colour: str) -> Text:
    """A count in Anki's colour for its queue, dimmed when zero (Text: cells stay literal)."""
    return Text(str(value), style=f"bold {colour}" if value else "dim", justify="right")


def _studied(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return "never"
    label = when_label(moment, now)
    return "just now" if label == "now" else label
