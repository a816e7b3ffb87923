"""The deck list: what is waiting in each deck today, and the way into everything else."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import Worker, WorkerState

from quiz.tui.format import when_label
from quiz.tui.widgets.deck_table import DeckLine, DeckTable

if TYPE_CHECKING:
    from quiz.config import Config
    from quiz.custom import CustomStudy
    from quiz.store import DeckCounts, Store


RETENTION_WINDOW = "30d"
"""The true-retention window the deck table shows (Anki's default statistics period)."""


@dataclass(frozen=True, slots=True)
class DeckHistory:
    """What the home screen reads from the review log in the background."""

    studied: dict[str, datetime | None]
    retention: dict[str, float | None]


class HomeScreen(Screen[None]):
    """Decks with their counts; Enter studies the highlighted one."""

    BINDINGS = [
        Binding("enter", "study", "Study", show=True, priority=False),
        Binding("a", "study_all", "All decks"),
        Binding("c", "cram", "Cram", show=False),
        Binding("f", "custom_study", "Custom study", show=False),  # q Quit fits in 80
        Binding("s", "app.stats", "Stats"),
        Binding("b", "app.browse", "Browse"),
        Binding("r", "app.regenerate", "Regenerate"),
        Binding("question_mark", "app.help", "Keys", key_display="?"),
        Binding("q", "app.quit", "Quit"),
    ]

    class Study(Message):
        """Start a session on `decks` (every deck when empty)."""

        def __init__(
            self, decks: tuple[str, ...], cram: bool = False, custom: CustomStudy | None = None
        ) -> None:
            super().__init__()
            self.decks = decks
            self.cram = cram
            self.custom = custom

    def __init__(self, store: Store, config: Config, clock: Callable[[], datetime]) -> None:
        super().__init__()
        self.store = store
        self.config = config
        self.clock = clock
        self.lines: list[DeckLine] = []
        self.counts: dict[str, DeckCounts] = {}
        self.retention: dict[str, float | None] = {}
        self.studied: dict[str, datetime | None] = {}

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        yield DeckTable(id="decks")
        yield Static(id="deck-details", markup=False)
        yield Static(id="home-today", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DeckTable).focus()

    def on_screen_resume(self) -> None:
        # Read the counts whenever the screen is shown; not while `quiz study` opens its
        # first session on top of it (that session is what the user is waiting for).
        if getattr(self.app, "starting_session", False):
            return
        self.reload()

    def reload(self) -> None:
        """Read the counts again (after a session, a sync, a suspension)."""
        from quiz.srs import day_end, day_start

        now = self.clock()
        names = list(getattr(self.app, "deck_names", []))
        counts = self.store.deck_counts(names, now=now, day_end=day_end(now, self.config))
        titles = getattr(self.app, "deck_titles", {})
        start = day_start(now, self.config)
        lines = []
        for name in names:
            done = self.store.day_counts([name], start)
            new_left = max(0, self.config.new_per_day - done.introduced)
            reviews_left = max(0, self.config.reviews_per_day - done.reviews)
            lines.append(
                DeckLine(
                    name=name,
                    title=titles.get(name, name),
                    new=min(counts[name].new, new_left),
                    learning=counts[name].learning,
                    due=min(counts[name].due, reviews_left),
                    total=counts[name].total,
                    last_studied=self.studied.get(name),
                    retention=self.retention.get(name),
                    history_known=name in self.studied,
                )
            )
        self.lines = lines
        self.counts = counts
        self.query_one(DeckTable).show(lines, now)
        self._show_details()
        cap = self.config.max_answer_seconds * 1000
        today = self.store.day_counts(names, start, duration_cap_ms=cap)
        minutes = today.duration_ms / 60000
        summary = (
            f"Studied {today.answers} card{'s' if today.answers != 1 else ''} today"
            f" in {minutes:.0f} min."
            if today.answers
            else "Nothing studied yet today."
        )
        self.query_one("#home-today", Static).update(
            Content.assemble(summary, ("   Enter: study · a: all · f: custom · ?: keys", "dim"))
        )
        if names:
            self.load_retention(names, now)

    @work(thread=True, exclusive=True, exit_on_error=False, group="retention")
    def load_retention(self, names: list[str], now: datetime) -> DeckHistory:
        """When each deck was last studied and its true retention over 30 days, read on
        their own connection off the UI thread (both scan the review log)."""
        from quiz.stats import compute
        from quiz.store import Store
        from quiz.store.stats_queries import stats_rows

        with Store.open(self.store.path) as store:
            studied = store.last_studied(names)
            rows = stats_rows(store, now=now, config=self.config, decks=names, sections=False)
        stats = compute(rows, now=now, config=self.config)
        retention = {deck.name: deck.retention[RETENTION_WINDOW].total.rate for deck in stats.decks}
        return DeckHistory(studied, retention)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "retention" or event.state != WorkerState.SUCCESS:
            return
        result = event.worker.result
        if not isinstance(result, DeckHistory):
            return
        self.retention = result.retention
        self.studied = result.studied
        self.lines = [
            replace(
                line,
                retention=result.retention.get(line.name),
                last_studied=result.studied.get(line.name),
                history_known=True,
            )
            for line in self.lines
        ]
        self.query_one(DeckTable).show(self.lines, self.clock())

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_details()

    def _show_details(self) -> None:
        """The highlighted deck in a few words: where it comes from, what is in it, what
        is coming."""
        details = self.query_one("#deck-details", Static)
        name = self.query_one(DeckTable).current_name
        if name is None or name not in self.counts:
            details.update(
                Content.styled("No decks yet: press r to generate them from seeds/.", "bold")
            )
            return
        counts = self.counts[name]
        now = self.clock()
        source = next((row.source for row in self.store.decks() if row.name == name), None)
        facts = [f"{counts.total} cards"]
        if counts.suspended:
            facts.append(f"{counts.suspended} suspended")
        if counts.leech:
            facts.append(f"{counts.leech} leeches")
        if counts.retired:
            facts.append(f"{counts.retired} retired")
        next_due = self.store.next_due([name], now=now)
        if next_due is None:
            coming = "nothing studied yet"
        elif next_due <= now:
            coming = "cards are waiting"
        else:
            coming = f"next card {when_label(next_due, now)}"
        details.update(
            Content.assemble(
                (f"decks/{name}.yaml", "bold"),
                (f"  from {source}" if source else "", "$text-muted"),
                "\n",
                (" · ".join(facts) + " · " + coming, "$text-muted"),
            )
        )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.Study((str(event.row_key.value),)))

    def action_study(self) -> None:
        name = self.query_one(DeckTable).current_name
        if name is not None:
            self.post_message(self.Study((name,)))

    def action_cram(self) -> None:
        name = self.query_one(DeckTable).current_name
        if name is not None:
            self.post_message(self.Study((name,), cram=True))

    def action_custom_study(self) -> None:
        """The custom-study dialog on the highlighted deck: a search or a preset."""
        from quiz.tui.screens.custom_study import CustomStudyScreen

        name = self.query_one(DeckTable).current_name
        if name is None:
            return
        titles = getattr(self.app, "deck_titles", {})

        def chosen(custom: CustomStudy | None) -> None:
            if custom is not None:
                self.post_message(self.Study((name,), custom=custom))

        screen = CustomStudyScreen(
            self.store, self.config, self.clock, name, titles.get(name, name)
        )
        self.app.push_screen(screen, chosen)

    def action_study_all(self) -> None:
        self.post_message(self.Study(()))
