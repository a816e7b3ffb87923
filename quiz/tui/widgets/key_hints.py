"""A one-line key guide for the study screen, set by the screen for the current step.

Textual's Footer rebuilds a widget per key whenever focus or bindings change, which the
study screen does on every card; this is one Static updated with one line instead. The
line fits its width: the gaps narrow first, then hints are left out from the second to
last backwards, so the first ones (what to do now) and the last one (`esc End`) stay.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len as display_width
from textual import events
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Static


def fitted(hints: Sequence[tuple[str, str]], width: int) -> tuple[list[tuple[str, str]], int]:
    """The hints that fit in `width` cells and the gap between them (3 or 2 spaces)."""
    kept = list(hints)
    while True:
        cells = sum(display_width(key) + 1 + display_width(label) for key, label in kept)
        for gap in (3, 2):
            if cells + gap * max(0, len(kept) - 1) <= width:
                return kept, gap
        if len(kept) <= 2:
            return kept, 2
        del kept[-2]


class KeyHints(Static):
    """Shows `(key, what it does)` pairs.

    The line changes with the step, twice a card, among a handful of lines: each is drawn
    once per size and theme and kept (a line of some twenty styled runs takes ~0.6 ms to
    draw, on the key that puts up the next card)."""

    _hints: tuple[tuple[str, str], ...] = ()
    _drawn: tuple[tuple[tuple[str, str], ...], int] | None = None  # hints and width shown

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self._lines: dict[tuple[object, ...], Strip] = {}

    def show(self, hints: Sequence[tuple[str, str]]) -> None:
        self._hints = tuple(hints)
        self._draw()

    def on_resize(self, event: events.Resize) -> None:
        self._draw()

    def render_line(self, y: int) -> Strip:
        app = self.app
        key = (self._drawn, y, self.size, self.visual_style, app.theme, app.ansi_color)
        line = self._lines.get(key)
        if line is None:
            if len(self._lines) > 32:  # widths and themes tried in a resize: keep it small
                self._lines.clear()
            line = self._lines[key] = super().render_line(y)
        return line

    def _draw(self) -> None:
        width = self.content_size.width or self.app.size.width
        if self._drawn == (self._hints, width):
            return  # the same line (set for every card, it changes with the step only)
        self._drawn = (self._hints, width)
        kept, gap = fitted(self._hints, width)
        parts: list[tuple[str, str] | str] = []
        for key, label in kept:
            if parts:
                parts.append(" " * gap)
            parts += [(key, "bold $accent"), " ", (label, "$text-muted")]
        self.update(Content.assemble(*parts), layout=False)  # one line, as wide as the screen
