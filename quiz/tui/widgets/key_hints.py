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
    """Shows `(key, what it does)` pairs."""

    _hints: tuple[tuple[str, str], ...] = ()

    def show(self, hints: Sequence[tuple[str, str]]) -> None:
        self._hints = tuple(hints)
        self._draw()

    def on_resize(self, event: events.Resize) -> None:
        self._draw()

    def _draw(self) -> None:
        width = self.content_size.width or self.app.size.width
        kept, gap = fitted(self._hints, width)
        parts: list[tuple[str, str] | str] = []
        for key, label in kept:
            if parts:
                parts.append(" " * gap)
            parts += [(key, "bold $accent"), " ", (label, "$text-muted")]
        self.update(Content.assemble(*parts))
