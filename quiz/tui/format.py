"""Short human labels for intervals, durations and dates, in Anki's manner (10m, 3d, 1.2mo)."""

from __future__ import annotations

from datetime import datetime, timedelta

from rich.cells import cell_len

from quiz.text.escapes import printable


def interval_label(interval: timedelta | None) -> str:
    """An interval as Anki writes it under its answer buttons: <1m, 10m, 3d, 1.5mo, 2.1y."""
    if interval is None:
        return ""
    from quiz.srs import format_interval

    return format_interval(interval)


def duration_label(seconds: float) -> str:
    """A stopwatch reading: 0:07, 1:05, 1:02:03."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def when_label(moment: datetime | None, now: datetime) -> str:
    """How far away a moment is: 'now', 'in <1m', 'in 10m', 'in 3d', '2d ago', or '—' when
    unknown ('now' only once it has come: a card due in 30 s is not due now)."""
    if moment is None:
        return "—"
    delta = moment - now
    if 0 < delta.total_seconds() < 60:
        return "in <1m"
    if -60 < delta.total_seconds() <= 0:
        return "now"
    if delta.total_seconds() > 0:
        return "in " + interval_label(delta)
    return interval_label(-delta) + " ago"


def percent_label(share: float | None) -> str:
    """A share in [0, 1] as a whole percentage, '—' when there is nothing to measure."""
    if share is None:
        return "—"
    return f"{round(share * 100)}%"


def clip(text: str, cells: int) -> str:
    """`text` on one line cut to `cells` terminal cells (CJK counts double)."""
    flat = " ".join(printable(text).split())
    if cell_len(flat) <= cells:
        return flat
    out = ""
    for char in flat:
        if cell_len(out + char) > cells - 1:
            break
        out += char
    return out + "…"
