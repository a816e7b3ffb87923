"""The end of a session: how many cards, how many right, how long, and what comes next."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from quiz.tui.format import duration_label, percent_label, when_label

if TYPE_CHECKING:
    from quiz.session import Counts, SessionSummary

TYPE_NAMES = {
    "cloze": ("cloze card", "cloze cards"),
    "match": ("matching set", "matching sets"),
    "basic": ("basic card", "basic cards"),
}
KIND_NAMES = {
    "new": "new",
    "learning": "learning",
    "review": "reviews",
    "relearning": "relearning",
    "cram": "crammed",
}


def summary_content(
    summary: SessionSummary,
    now: datetime,
    timezone: tzinfo,
    left: Counts | None = None,
    *,
    crammed_left: int | None = None,
    custom: str | None = None,
) -> Content:
    """The summary as lines of plain, styled text; times shown in `timezone`. `left` is
    what a study session still has today (also after a cram, which changes no schedule);
    `crammed_left`, after a cram, the cards of it not reached; `custom`, after a custom
    study session, its query (the summary says which answers were real reviews)."""
    lines: list[Content] = []
    if not summary.reviewed:
        lines.append(Content.styled("No card answered in this session.", "bold"))
    else:
        plural = "s" if summary.reviewed != 1 else ""
        lines.append(
            Content.assemble(
                (f"{summary.reviewed} card{plural} studied", "bold"),
                " in ",
                (duration_label(summary.time_spent.total_seconds()), "bold"),
            )
        )
        lines.append(
            Content.assemble(
                ("Correct  ", "$text-muted"),
                (percent_label(summary.accuracy), "bold $success"),
                (f"   ({summary.correct} right, {summary.again} again)", "$text-muted"),
            )
        )
        per_card = summary.time_spent.total_seconds() / summary.reviewed
        lines.append(Content.assemble(("Per card ", "$text-muted"), f"{per_card:.1f} s on average"))
        lines.append(Content(""))
        by_type = ", ".join(
            f"{count} {TYPE_NAMES.get(kind, (kind, kind))[count != 1]}"
            for kind, count in summary.by_type.items()
        )
        by_kind = ", ".join(
            f"{count} {KIND_NAMES.get(kind, kind)}" for kind, count in summary.by_kind.items()
        )
        lines.append(Content.assemble(("Cards    ", "$text-muted"), by_type))
        lines.append(Content.assemble(("Queues   ", "$text-muted"), by_kind))
        if custom is not None:
            lines.append(custom_line(summary))
    lines.append(Content(""))
    if custom is not None:
        lines.append(
            Content.assemble(("Search   ", "$text-muted"), (custom or "(every card)", "bold"))
        )
    if crammed_left:
        lines.append(
            Content.assemble(
                ("Custom   " if custom is not None else "Cram     ", "$text-muted"),
                f"{crammed_left} card{'s' if crammed_left != 1 else ''} not reached",
                ("  (cramming changes no schedule)", "$text-muted"),
            )
        )
    if left is not None and left.total:
        lines.append(
            Content.assemble(
                ("Left     ", "$text-muted"),
                (f"{left.total} card{'s' if left.total != 1 else ''} for today", "bold"),
                (
                    f"  ({left.new} new, {left.learning} learning, {left.review} review)",
                    "$text-muted",
                ),
            )
        )
    if summary.next_due is None:
        lines.append(Content.styled("Nothing is scheduled yet.", "$text-muted"))
    elif summary.next_due <= now and (left is None or left.total):
        lines.append(Content.assemble(("Next     ", "$text-muted"), "more cards are due now"))
    elif summary.next_due <= now:
        # due, but held back today (daily limits, siblings of today's answers)
        lines.append(
            Content.assemble(
                ("Next     ", "$text-muted"), "nothing more today: the rest is due tomorrow"
            )
        )
    else:
        lines.append(next_due_line(summary.next_due, now, timezone))
    return Content("\n").join(lines)


def custom_line(summary: SessionSummary) -> Content:
    """'Schedule 2 real reviews (the cards were due), 3 crammed (schedules untouched)'."""
    crammed = summary.by_kind.get("cram", 0)
    real = summary.reviewed - crammed
    return Content.assemble(
        ("Schedule ", "$text-muted"),
        (f"{real} real review{'s' if real != 1 else ''}", "bold"),
        (" (due today)", "$text-muted"),
        ", ",
        (f"{crammed} crammed", "bold"),
        (" (schedules untouched)", "$text-muted"),
    )


def next_due_line(due: datetime, now: datetime, timezone: tzinfo) -> Content:
    """'Next  a card is due in 10m  (Thu 26 Nov, 09:40)'; under a minute away it says so
    and shows the time to the second (a bare 'due now (09:40)' read as a contradiction)."""
    local = due.astimezone(timezone)
    if due - now < timedelta(minutes=1):
        when, clock_time = "in under a minute", local.strftime("  (%H:%M:%S)")
    else:
        when = when_label(due, now)
        same_day = local.date() == now.astimezone(timezone).date()
        clock_time = local.strftime("  (%H:%M)" if same_day else "  (%a %d %b, %H:%M)")
    return Content.assemble(
        ("Next     ", "$text-muted"),
        (f"a card is due {when}", "bold $accent"),
        (clock_time, "$text-muted"),
    )


class SummaryScreen(Screen[None]):
    """Shown in place of the study screen when a session ends: Enter or Esc goes to the
    deck list (also after `quiz study`), q quits."""

    BINDINGS = [
        Binding("enter,escape", "close", "Back to decks", key_display="⏎"),
        Binding("q", "app.quit", "Quit"),
        Binding("question_mark", "app.help", "Help", key_display="?"),
    ]

    def __init__(
        self,
        summary: SessionSummary,
        clock: Callable[[], datetime],
        timezone: tzinfo,
        left: Counts | None = None,
        *,
        crammed_left: int | None = None,
        custom: str | None = None,
    ) -> None:
        super().__init__()
        self.custom = custom
        self.summary = summary
        self.clock = clock
        self.timezone = timezone
        self.left = left
        self.crammed_left = crammed_left

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        with VerticalScroll(id="summary-body") as body:
            finished = self.left is not None and self.left.total == 0
            body.border_title = "All done for now" if finished else "Session over"
            content = summary_content(
                self.summary,
                self.clock(),
                self.timezone,
                self.left,
                crammed_left=self.crammed_left,
                custom=self.custom,
            )
            yield Static(content, id="summary-text")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Summary"

    def action_close(self) -> None:
        self.dismiss()
