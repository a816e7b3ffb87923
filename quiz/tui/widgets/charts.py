"""Terminal charts for the stats screen: horizontal bars, columns and a calendar heatmap.

Each is drawn as Rich `Text` built with `append` (labels are data, never markup); the
data arrives through a reactive attribute, so a screen sets it and the chart redraws.
Textual's own `Sparkline` covers the one-line trends.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from rich.cells import cell_len
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from quiz.text.escapes import printable

BLOCKS = " ▁▂▃▄▅▆▇█"
HEAT_LEVELS = ("grey23", "dark_green", "green4", "green3", "bright_green")
WEEKDAYS = ("Mo", "", "We", "", "Fr", "", "Su")


def fit(text: str, cells: int) -> str:
    """`text` padded or cut (with an ellipsis) to exactly `cells` terminal cells."""
    text = printable(text)
    if cell_len(text) <= cells:
        return text + " " * (cells - cell_len(text))
    out = ""
    for char in text:
        if cell_len(out + char) > cells - 1:
            break
        out += char
    return out + "…" + " " * (cells - 1 - cell_len(out))


def bar_text(
    rows: Sequence[tuple[str, float, str]], width: int, *, maximum: float | None = None
) -> Text:
    """Horizontal bars: each row is (label, value, caption); bars scale to `maximum`
    (default: the largest value) across what is left of `width`."""
    text = Text(no_wrap=True, overflow="crop")
    if not rows:
        return text
    label_cells = min(max(cell_len(label) for label, _, _ in rows), max(8, width // 3))
    caption_cells = max(cell_len(caption) for _, _, caption in rows)
    bar_cells = max(4, width - label_cells - caption_cells - 3)
    top = maximum if maximum is not None else max((value for _, value, _ in rows), default=0)
    for index, (label, value, caption) in enumerate(rows):
        if index:
            text.append("\n")
        text.append(fit(label, label_cells) + " ", style="bold")
        eighths = round(bar_cells * 8 * value / top) if top > 0 else 0
        full, part = divmod(max(0, min(eighths, bar_cells * 8)), 8)
        bar = "█" * full + ("▏▎▍▌▋▊▉"[part - 1] if part else "")
        text.append(bar, style="cyan")
        text.append(" " * (bar_cells - cell_len(bar)) + " ")
        text.append(caption.rjust(caption_cells), style="dim")
    return text


def column_text(
    values: Sequence[int], height: int, labels: tuple[str, str] = ("", ""), *, cell: int = 1
) -> Text:
    """Vertical columns, `cell` cells wide each, `height` lines tall, the largest value
    named at the top right, and the first and last labels under the ends."""
    text = Text(no_wrap=True, overflow="crop")
    top = max(values, default=0)
    levels = [round(v * height * 8 / top) if top else 0 for v in values]
    width = len(values) * cell
    for line in range(height, 0, -1):
        floor = (line - 1) * 8
        row = "".join(BLOCKS[max(0, min(8, level - floor))] * cell for level in levels)
        text.append(row, style="cyan")
        if line == height:
            text.append(f" {top}", style="dim")
        text.append("\n")
    first, last = labels
    gap = max(1, width - cell_len(first) - cell_len(last))
    text.append(first + " " * gap + last, style="dim")
    return text


def heatmap_text(counts: Mapping[date, int], today: date, weeks: int) -> Text:
    """A calendar of the last `weeks` weeks: one row per weekday, one column per week,
    each day a square shaded by how many answers it had (quartiles of the busy days)."""
    text = Text(no_wrap=True, overflow="crop")
    weeks = max(1, weeks)
    start = today - timedelta(days=today.weekday() + 7 * (weeks - 1))
    busy = sorted(v for d, v in counts.items() if v > 0 and d >= start)
    cuts = [busy[(len(busy) * q) // 4] for q in (1, 2, 3)] if busy else []
    header = [" "] * (3 + 2 * weeks)
    for week in range(weeks):
        first = start + timedelta(days=7 * week)
        if first.day <= 7:  # the week a month starts in carries its name
            for offset, char in enumerate(first.strftime("%b")):
                if 3 + 2 * week + offset < len(header):
                    header[3 + 2 * week + offset] = char
    text.append("".join(header).rstrip() + "\n", style="dim")
    for weekday in range(7):
        text.append(f"{WEEKDAYS[weekday]:<2} ", style="dim")
        for week in range(weeks):
            day = start + timedelta(days=7 * week + weekday)
            if day > today:
                text.append("  ")
                continue
            count = counts.get(day, 0)
            level = 0 if count == 0 else 1 + sum(count > cut for cut in cuts)
            text.append("■ ", style=HEAT_LEVELS[min(level, len(HEAT_LEVELS) - 1)])
        if weekday < 6:
            text.append("\n")
    return text


class BarChart(Widget):
    """Labelled horizontal bars; set `rows` to (label, value, caption) tuples."""

    DEFAULT_CSS = "BarChart { height: auto; }"

    rows: reactive[tuple[tuple[str, float, str], ...]] = reactive((), layout=True)
    maximum: reactive[float | None] = reactive(None)

    def render(self) -> Text:
        return bar_text(self.rows, self.size.width or 40, maximum=self.maximum)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return max(1, len(self.rows))


class ColumnChart(Widget):
    """A column per value (a day), with the first and last day named under it."""

    DEFAULT_CSS = "ColumnChart { height: auto; }"

    values: reactive[tuple[int, ...]] = reactive((), layout=True)
    labels: reactive[tuple[str, str]] = reactive(("", ""))
    chart_height = 4

    def render(self) -> Text:
        cell = max(1, (self.size.width - 6) // max(1, len(self.values)))
        return column_text(self.values, self.chart_height, self.labels, cell=cell)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return self.chart_height + 1


class CalendarHeatmap(Widget):
    """Study days of the last weeks as shaded squares; as many weeks as the width allows."""

    DEFAULT_CSS = "CalendarHeatmap { height: 8; }"

    counts: reactive[Mapping[date, int]] = reactive(dict)
    today: reactive[date | None] = reactive(None)
    max_weeks = 53

    def render(self) -> Text:
        if self.today is None:
            return Text("")
        weeks = min(self.max_weeks, max(1, (self.size.width - 3) // 2))
        return heatmap_text(self.counts, self.today, weeks)
