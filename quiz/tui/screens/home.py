"""The deck list: what is waiting in each deck today, and the way into everything else."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from quiz.tui.widgets.deck_table import DeckLine, DeckTable

if TYPE_CHECKING:
    from quiz.config import Config
    from quiz.store import Store


class HomeScreen(Screen[None]):
    """Decks with their counts; Enter studies the highlighted one."""

    BINDINGS = [
        Binding("enter", "study", "Study", show=True, priority=False),
        Binding("a", "study_all", "Study all"),
        Binding("c", "cram", "Cram"),
        Binding("s", "app.stats", "Stats"),
        Binding("b", "app.browse", "Browse"),
        Binding("r", "app.regenerate", "Regenerate"),
        Binding("question_mark", "app.help", "Help", key_display="?"),
        Binding("q", "app.quit", "Quit"),
    ]

    class Study(Message):
        """Start a session on `decks` (every deck when empty)."""

        def __init__(self, decks: tuple[str, ...], cram: bool = False) -> None:
            super().__init__()
            self.decks = decks
            self.cram = cram

    def __init__(self, store: Store, config: Config, clock: Callable[[], datetime]) -> None:
        super().__init__()
        self.store = store
        self.config = config
        self.clock = clock

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        yield DeckTable(id="decks")
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
        studied = self.store.last_studied(names)
        titles = getattr(self.app, "deck_titles", {})
        lines = [
            DeckLine(
                name=name,
                title=titles.get(name, name),
                new=min(counts[name].new, self.config.new_per_day),
                learning=counts[name].learning,
                due=min(counts[name].due, self.config.reviews_per_day),
                total=counts[name].total,
                last_studied=studied.get(name),
            )
            for name in names
        ]
        self.query_one(DeckTable).show(lines, now)
        today = self.store.day_counts(names, day_start(now, self.config))
        minutes = today.duration_ms / 60000
        summary = (
            f"Studied {today.answers} card{'s' if today.answers != 1 else ''} today"
            f" in {minutes:.0f} min."
            if today.answers
            else "Nothing studied yet today."
        )
        self.query_one("#home-today", Static).update(
            Content.assemble(summary, ("   Enter: study · a: all decks · ?: keys", "dim"))
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

    def action_study_all(self) -> None:
        self.post_message(self.Study(()))
