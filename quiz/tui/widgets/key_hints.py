"""A one-line key guide for the study screen, set by the screen for the current step.

Textual's Footer rebuilds a widget per key whenever focus or bindings change, which the
study screen does on every card; this is one Static updated with one line instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static


class KeyHints(Static):
    """Shows `(key, what it does)` pairs."""

    def show(self, hints: Sequence[tuple[str, str]]) -> None:
        parts: list[tuple[str, str] | str] = []
        for key, label in hints:
            if parts:
                parts.append("   ")
            parts += [(key, "bold $accent"), " ", (label, "$text-muted")]
        self.update(Content.assemble(*parts))
