"""How wide a table's text column may be: whatever the terminal leaves beside the others."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.widgets import DataTable


def free_cells(table: DataTable[Any], widths: Sequence[int], *, fallback: int, least: int) -> int:
    """The cells left for one column of `table` once columns of content `widths` (and every
    column's padding, and room for a vertical scrollbar) are taken; `fallback` before the
    table has been laid out, never under `least`."""
    width = table.content_region.width
    if width <= 0:
        return fallback
    padding = 2 * table.cell_padding
    taken = sum(widths) + padding * (len(widths) + 1) + table.styles.scrollbar_size_vertical
    return max(least, width - taken)
