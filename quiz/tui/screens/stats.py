"""The statistics screen: what you know, what you forget and what is coming, as terminal
charts (bars, columns, sparklines, a calendar heatmap) over `quiz.stats` figures.

The figures are read in a thread worker with its own connection to the database, so the
screen draws at once and fills in when the numbers arrive.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static

from quiz.tui.widgets.charts import BarChart, CalendarHeatmap, ColumnChart, fit

if TYPE_CHECKING:
    from quiz.config import Config
    from quiz.deck import Deck
    from quiz.stats import Stats, Tally
    from quiz.store import Store

WINDOW_LABELS = {"today": "today", "7d": "7 days", "30d": "30 days", "365d": "1 year"}
RECENT_SESSIONS = 8
# the screen's side padding (2) and the scroll bar (2) are not the chart's
FRAME_CELLS = 4


def _deck_label(title: str, name: str, width: int) -> str:
    """The title, and the deck's name when it differs: two decks may share a title. A
    long title is cut so that the name stays whole."""
    if title == name:
        return title
    suffix = f" ({name})"
    room = width - cell_len(suffix)
    return fit(title, room).rstrip() + suffix if room >= 6 else title


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _percent(tally: Tally) -> str:
    return "—" if tally.rate is None else f"{tally.rate:.0%} of {tally.total}"


class StatsScreen(Screen[None]):
    """Scores over the given decks (all decks of the store when none are given)."""

    TITLE = "Statistics"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("r", "reload", "Refresh"),
        Binding("question_mark", "app.help", "Help", key_display="?"),
    ]
    DEFAULT_CSS = """
    StatsScreen #stats-body { padding: 0 1; }
    StatsScreen .stats-title { margin-top: 1; text-style: bold; color: $accent; width: 1fr; }
    StatsScreen #stats-summary { margin-top: 1; }
    """

    class FirstFigures(Message):
        """Every figure but the sections is on screen."""

        def __init__(self, stats: Stats) -> None:
            super().__init__()
            self.stats = stats

    class Loaded(Message):
        """Every figure is on screen, sections included."""

        def __init__(self, stats: Stats) -> None:
            super().__init__()
            self.stats = stats

    def __init__(
        self,
        store: Store,
        decks: Sequence[Deck | str],
        config: Config,
        clock: Callable[[], datetime],
    ) -> None:
        super().__init__()
        self.store = store
        self.deck_names = sorted({d if isinstance(d, str) else d.name for d in decks})
        self.config = config
        self.clock = clock
        self.stats: Stats | None = None
        self._complete = False
        self._drawn_width = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="stats-body"):
            yield Static("Reading your history…", id="stats-summary")
            yield Label(
                "True retention (review answers; young < 21 days ≤ mature)",
                classes="stats-title",
            )
            yield Static(id="stats-retention")
            yield Label("Answers, last 30 days", classes="stats-title")
            yield ColumnChart(id="stats-per-day")
            yield Label("Due, next 30 days", classes="stats-title")
            yield ColumnChart(id="stats-forecast")
            yield Label("Cards", classes="stats-title")
            yield BarChart(id="stats-cards")
            yield Label("By deck", classes="stats-title")
            yield Static(id="stats-decks")
            yield Label("Study days", classes="stats-title")
            yield CalendarHeatmap(id="stats-heatmap")
            yield Label("Latest sessions (share correct)", classes="stats-title")
            yield BarChart(id="stats-sessions")
            yield Label("By section of the text (true retention)", classes="stats-title")
            yield BarChart(id="stats-sections")
            yield Label("Weakest cards", classes="stats-title")
            yield Static(id="stats-weakest")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    def action_reload(self) -> None:
        self.load()

    def action_back(self) -> None:
        self.dismiss()

    @work(thread=True, exclusive=True, exit_on_error=False, group="stats")
    def load(self) -> None:
        """Read and compute the figures off the UI thread, on a connection of its own:
        everything but the sections and the weakest cards first (drawn at once), then
        those. A database that cannot be read is reported on the screen."""
        from quiz.errors import QuizError

        try:
            self._load()
        except QuizError as exc:
            self.app.call_from_thread(self.show_error, str(exc))

    def _load(self) -> None:
        from quiz.stats import compute
        from quiz.store import Store
        from quiz.store.stats_queries import detail_rows, stats_rows

        now = self.clock()
        path = self.store.path
        own = None if str(path) == ":memory:" else Store.open(path)
        source = own or self.store
        try:
            config, decks = self.config, self.deck_names
            rows = stats_rows(
                source, now=now, config=config, decks=decks, sections=False, weakest=False
            )
            self.app.call_from_thread(self.show, compute(rows, now=now, config=config))
            sections, lapses, recall = detail_rows(source, now=now, config=config, decks=decks)
        finally:
            if own is not None:
                own.close()
        rows = replace(
            rows,
            sections=tuple(sections),
            weak_by_lapses=tuple(lapses),
            weak_by_retrievability=tuple(recall),
        )
        self.app.call_from_thread(self.show, compute(rows, now=now, config=config), complete=True)

    def show_error(self, message: str) -> None:
        """Say why there are no figures (the message names the database)."""
        text = Text("Statistics cannot be read: ", style="bold red")
        text.append(message)
        self.query_one("#stats-summary", Static).update(text)

    def on_resize(self, event: events.Resize) -> None:
        """Lay the figures out again for the new width (text columns are cut to it)."""
        if self.stats is not None and event.size.width != self._drawn_width:
            self.call_after_refresh(self._redraw)  # once the widgets have their new sizes

    def _redraw(self) -> None:
        if self.stats is not None:
            self.show(self.stats, complete=self._complete, announce=False)

    def show(self, stats: Stats, *, complete: bool = False, announce: bool = True) -> None:
        """Fill every chart from the figures; `complete` once the sections are in;
        `announce` posts FirstFigures / Loaded (not on a redraw after a resize)."""
        self.stats = stats
        self._complete = complete
        self._drawn_width = self.size.width
        streak = stats.streak
        summary = Text()
        summary.append(f"{stats.today:%Y-%m-%d}  ", style="bold")
        summary.append(
            f"{_plural(stats.reviews_today, 'answer')} today · {stats.reviews_total} in all · "
        )
        summary.append(f"{stats.due_today} due today", style="bold yellow")
        streak_text = f"streak {_plural(streak.current, 'day')} (best {streak.longest})"
        box = self.query_one("#stats-summary", Static)
        room = box.size.width or (self.size.width or 80) - FRAME_CELLS
        # too long for one line: the streak goes on its own rather than wrap mid-phrase
        joiner = " · " if summary.cell_len + 3 + cell_len(streak_text) <= room else "\n"
        summary.append(joiner + streak_text)
        if stats.empty:
            summary.append("\nNo study history yet: study a deck and come back.", style="dim")
        box.update(summary)
        cards = stats.cards
        self.query_one("#stats-cards", BarChart).rows = tuple(
            (name, float(value), str(value))
            for name, value in (
                ("new", cards.new),
                ("learning", cards.learning),
                ("review", cards.review),
                ("relearning", cards.relearning),
                ("suspended", cards.suspended),
                ("leech", cards.leech),
            )
        )
        self.query_one("#stats-retention", Static).update(self._retention_text(stats))
        self.query_one("#stats-decks", Static).update(self._decks_text(stats))
        per_day = self.query_one("#stats-per-day", ColumnChart)
        per_day.labels = (f"{stats.per_day[0].day:%m-%d}", f"{stats.per_day[-1].day:%m-%d}")
        per_day.values = tuple(d.count for d in stats.per_day)
        forecast = self.query_one("#stats-forecast", ColumnChart)
        forecast.labels = (f"{stats.forecast[0].day:%m-%d}", f"{stats.forecast[-1].day:%m-%d}")
        forecast.values = tuple(d.count for d in stats.forecast)
        heatmap = self.query_one("#stats-heatmap", CalendarHeatmap)
        heatmap.counts = {d.day: d.count for d in stats.heatmap}
        heatmap.today = stats.today
        self._show_sessions(stats)
        sections = self.query_one("#stats-sections", BarChart)
        if not complete:
            sections.rows = (("reading…", 0.0, ""),)
            sections.maximum = 1.0
        else:
            self._show_sections(stats, sections)
        weakest = self._weakest_text(stats) if complete else Text("reading…", style="dim")
        self.query_one("#stats-weakest", Static).update(weakest)
        if not announce:
            return
        if complete:
            self.post_message(self.Loaded(stats))
        else:
            self.post_message(self.FirstFigures(stats))

    def _show_sessions(self, stats: Stats) -> None:
        """The latest sessions as bars of their share correct, started at local time."""
        chart = self.query_one("#stats-sessions", BarChart)
        chart.maximum = 1.0
        zone = self.config.timezone
        chart.rows = tuple(
            (
                f"{session.started_at.astimezone(zone):%m-%d %H:%M} {session.kind}",
                session.score or 0.0,
                "no answer"
                if session.score is None
                else f"{session.score:.0%} of {session.reviews}",
            )
            for session in stats.sessions[-RECENT_SESSIONS:]
        )
        if not stats.sessions:
            chart.rows = (("no session yet", 0.0, ""),)

    def _show_sections(self, stats: Stats, sections: BarChart) -> None:
        """A bar per section; with several decks, each caption names its deck."""
        several = len({section.deck for section in stats.sections}) > 1
        sections.maximum = 1.0
        sections.rows = tuple(
            (
                section.section or "(no section)",
                section.retention.rate or 0.0,
                (
                    _percent(section.retention)
                    if section.retention.total
                    else f"{section.studied}/{section.cards} studied"
                )
                + (f" · {section.deck}" if several else ""),
            )
            for section in stats.sections
        )

    def _retention_text(self, stats: Stats) -> Text:
        text = Text(no_wrap=True)
        text.append(f"{'':10}{'young':>14}{'mature':>14}{'total':>14}\n", style="dim")
        for index, (name, retention) in enumerate(stats.retention.items()):
            if index:
                text.append("\n")
            text.append(f"{WINDOW_LABELS.get(name, name):10}", style="bold")
            for tally in (retention.young, retention.mature, retention.total):
                text.append(f"{_percent(tally):>14}")
        text.append("\nFSRS parameters: ", style="dim")
        text.append(stats.parameters.describe(self.config.timezone), style="dim")
        return text

    def _decks_text(self, stats: Stats) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        # As wide as the longest label needs, as far as the screen allows.
        needed = max(
            (cell_len(_deck_label(d.title, d.name, 1000)) for d in stats.decks), default=12
        )
        width = max(12, min(needed + 1, (self.size.width or 80) - 48))
        text.append(fit("", width), style="dim")
        text.append(f"{'due':>6}{'today':>7}{'cards':>7}{'retention 30d':>16}", style="dim")
        for deck in stats.decks:
            text.append("\n")
            text.append(fit(_deck_label(deck.title, deck.name, width), width), style="bold")
            text.append(f"{deck.due_today:>6}{deck.reviews_today:>7}{deck.cards.total:>7}")
            text.append(f"{_percent(deck.retention['30d'].total):>16}")
        if not stats.decks:
            text.append("\nNo decks yet.", style="dim")
        return text

    def _weakest_text(self, stats: Stats) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        cards = {(c.deck, c.card_id): c for c in stats.weakest_by_lapses}
        for card in stats.weakest_by_retrievability:
            if card.retrievability < self.config.desired_retention:  # fading, not just learnt
                cards.setdefault((card.deck, card.card_id), card)
        if not cards:
            text.append("Nothing forgotten yet.", style="dim")
            return text
        prefix_cells = 25  # "nn lapses nnn.n% recall  "
        width = max(20, (self.size.width or 80) - FRAME_CELLS - prefix_cells)
        for index, card in enumerate(list(cards.values())[:8]):
            if index:
                text.append("\n")
            noun = "lapse " if card.lapses == 1 else "lapses"  # one width: the column stays
            text.append(f"{card.lapses:>2} {noun} ", style="red" if card.lapses else "dim")
            text.append(f"{card.retrievability:>6.1%} recall  ", style="yellow")
            text.append(fit(card.sentence or card.card_id, width))
        return text
