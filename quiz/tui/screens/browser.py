"""The card browser: search every card (`quiz.search`: text in either script, deck, section,
tag, state, flag, properties); suspend; see history."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input
from textual.widgets.data_table import ColumnKey
from textual.worker import Worker, WorkerState

from quiz.errors import QuizError
from quiz.search import Entry, SearchError, card_text, parse, searchable, status_name
from quiz.tui.column_fit import free_cells
from quiz.tui.format import clip, when_label
from quiz.tui.widgets.card_history import CardHistory

if TYPE_CHECKING:
    from quiz.config import Config
    from quiz.store import Store
    from quiz.store.models import CardRow

MAX_ROWS = 500
QUICK_WRITE_MS = 100
"""How long a change waits for another process's lock before the screen says so."""
SENTENCE_CELLS = 40
MIN_SENTENCE_CELLS = 16
TABLE_KEYS = frozenset("@/? ")  # bound on the table: never the start of a search


def flag_cell(row: CardRow) -> Text:
    """The card's flag: ⚑ and its number in its colour (the detail below names it),
    empty without one; narrow, so the card's text keeps its room."""
    from quiz.tui.widgets.session_bar import FLAG_STYLES

    if not row.flag_name:
        return Text("")
    return Text(f"⚑{row.flag}", style=FLAG_STYLES.get(row.flag, ""), justify="center")


def importance_cell(row: CardRow) -> Text:
    """The card's importance, right-aligned; `—` for a card without one (it ranks as
    `quiz.deck.DEFAULT_IMPORTANCE` among new cards)."""
    value = "—" if row.importance is None else str(row.importance)
    return Text(value, justify="right", style="" if row.importance is not None else "dim")


class BrowserScreen(Screen[None]):
    """A search box over a table of cards, with the highlighted card's history beside it."""

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("at", "toggle_suspend", "Suspend/unsuspend", key_display="@"),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("question_mark", "app.help", "Help", key_display="?"),
    ]

    def __init__(
        self,
        store: Store,
        decks: Sequence[str],
        clock: Callable[[], datetime],
        timezone: tzinfo,
        config: Config | None = None,
    ) -> None:
        super().__init__()
        from quiz.config import Config

        self.timezone = timezone
        self.config = config or Config(timezone=timezone)
        self.store = store
        self.deck_names = list(decks)
        self.clock = clock
        self.rows: list[CardRow] = []
        self.deck_labels: dict[str, str] = {}  # the deck column: title, or name if shared
        self.entries: list[Entry] = []  # the rows with their search text, folded once
        self.shown: dict[str, CardRow] = {}
        self._laid_out_at = 0  # the table width the rows were last cut for

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        yield Input(
            placeholder="Search: text, deck: section: tag: is:due is:new prop:lapses>3 (? keys)",
            id="browser-search",
            select_on_focus=False,  # typed-over-the-table keys go on, not replace
        )
        with Horizontal(id="browser-main"):
            yield DataTable[Text](id="browser-cards", cursor_type="row", zebra_stripes=True)
            yield CardHistory(id="browser-history")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Browse"
        table = self.query_one("#browser-cards", DataTable)
        if len(self.deck_names) > 1:
            table.add_column("Deck", key="deck")
        table.add_column("Answer", key="answer")
        table.add_column("State", key="state")
        table.add_column("Due", key="due")
        table.add_column("Imp", key="importance")  # the deck's 0-100; new cards go highest first
        table.add_column("Flag", key="flag")
        table.add_column("Card", key="card", width=SENTENCE_CELLS)  # widened to fit: filter
        self.query_one("#browser-search", Input).cursor_blink = getattr(
            self.app, "cursor_blink", True
        )
        self.query_one(CardHistory).update(Content.styled("Reading the cards…", "$text-muted"))
        self.load_cards()
        table.focus()

    def on_resize(self) -> None:
        # Side by side when there is room; the history under the cards in 80 columns.
        self.set_class(self.size.width < 110, "-narrow")
        self.call_after_refresh(self._refit)

    def _refit(self) -> None:
        """Show the rows again when the table's width changed (the card text fills it)."""
        table = self.query_one("#browser-cards", DataTable)
        if self.rows and table.size.width != self._laid_out_at:
            self.filter(self.query_one("#browser-search", Input).value)

    @work(thread=True, exclusive=True, exit_on_error=False, group="cards")
    def load_cards(self) -> tuple[list[CardRow], list[Entry]]:
        """Every card of the decks and its search text, read on its own connection off the
        UI thread (a large collection takes a while)."""
        from quiz.store import Store

        with Store.open(self.store.path) as store:
            rows = store.cards(self.deck_names)
            titles = {deck.name: deck.title for deck in store.decks()}
        shared = {t for t in titles.values() if list(titles.values()).count(t) > 1}
        self.deck_labels = {
            name: name if title in shared else title for name, title in titles.items()
        }
        now = self.clock()
        return rows, [Entry(row, searchable(row, now)) for row in rows]

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "cards":
            return
        if event.state == WorkerState.SUCCESS and isinstance(event.worker.result, tuple):
            self.rows, self.entries = event.worker.result
            self.filter(self.query_one("#browser-search", Input).value)
        elif event.state == WorkerState.ERROR:
            self.notify(f"Cannot read the cards: {event.worker.error}", severity="error")

    def filter(self, query: str) -> None:
        from quiz.custom import context

        table = self.query_one("#browser-cards", DataTable)
        current = self._current_key()
        table.clear()
        self.shown = {}
        now = self.clock()
        try:
            parsed = parse(query)
        except SearchError as exc:  # where the count goes, and in the card's place (the
            # table has no border in 80 columns); the table stays empty
            table.border_title = Text(str(exc), style="bold red")
            self.query_one(CardHistory).update(
                Content.assemble(("Search not understood\n", "bold $error"), str(exc))
            )
            return
        search = context(self.store, self.deck_names, now, self.config)
        total = 0
        with_deck = len(self.deck_names) > 1
        cells: list[tuple[Text, ...]] = []
        for entry in self.entries:
            if not parsed.matches(entry, search):
                continue
            row = entry.row
            total += 1
            if len(self.shown) >= MAX_ROWS:
                continue
            key = f"{row.deck}\t{row.card_id}"
            self.shown[key] = row
            answer = row.answer or f"match ×{len(row.body.get('pairs', ()))}"
            deck = (Text(clip(self.deck_labels.get(row.deck, row.deck), 12)),) if with_deck else ()
            cells.append(
                (
                    *deck,
                    Text(clip(answer, 14)),
                    Text(status_name(row, now)),
                    Text(when_label(row.state.due, now) if row.state.due else "—"),
                    importance_cell(row),
                    flag_cell(row),
                )
            )
        # The card's text takes the width the other columns leave.
        widths = [
            max([table.columns[ColumnKey(key)].content_width, *(c[i].cell_len for c in cells)])
            for i, key in enumerate(
                (*(["deck"] if with_deck else []), "answer", "state", "due", "importance", "flag")
            )
        ]
        room = free_cells(table, widths, fallback=SENTENCE_CELLS, least=MIN_SENTENCE_CELLS)
        table.columns[ColumnKey("card")].width = room
        self._laid_out_at = table.size.width
        for (key, row), row_cells in zip(self.shown.items(), cells, strict=True):
            table.add_row(*row_cells, Text(clip(card_text(row), room)), key=key)
        more = f" (first {MAX_ROWS})" if total > MAX_ROWS else ""
        table.border_title = f"{total} card{'s' if total != 1 else ''}{more}"
        keys = list(self.shown)
        if current in keys:
            table.move_cursor(row=keys.index(current))
        self._show_history()

    def _current_key(self) -> str | None:
        table = self.query_one("#browser-cards", DataTable)
        if not table.row_count:
            return None
        value = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return None if value is None else str(value)

    def _show_history(self) -> None:
        key = self._current_key()
        history = self.query_one(CardHistory)
        if key is None or key not in self.shown:
            history.update(Content.styled("No card matches.", "dim"))
            return
        row = self.shown[key]
        reviews = self.store.card_history(row.deck, row.card_id)
        history.show(row, reviews, self.clock(), self.timezone)

    @work(exclusive=True, group="search")
    async def _debounced(self, query: str) -> None:
        import asyncio

        await asyncio.sleep(0.15)
        self.filter(query)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._debounced(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.filter(event.value)
        self.query_one("#browser-cards", DataTable).focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_history()

    def on_key(self, event: events.Key) -> None:
        """Typing over the table starts a search, as in Anki's browser: the character goes
        into the search box (the screen's own keys, @ / ?, keep their meaning)."""
        search = self.query_one("#browser-search", Input)
        character = event.character
        if self.focused is search or not event.is_printable or character is None:
            return
        if character in TABLE_KEYS:
            return
        event.stop()
        event.prevent_default()
        search.focus()
        search.insert_text_at_cursor(character)

    def action_search(self) -> None:
        self.query_one("#browser-search", Input).focus()

    def action_toggle_suspend(self) -> None:
        key = self._current_key()
        if key is None or key not in self.shown:
            return
        row = self.shown[key]
        try:
            with self.store.busy_timeout(QUICK_WRITE_MS):  # a lock never freezes the screen
                self.store.set_suspended(row.deck, [row.card_id], not row.suspended)
        except QuizError as exc:  # locked by another process, read-only…
            self.notify(f"{exc}; try again", title="Not changed", severity="error")
            return
        self.notify(
            ("Unsuspended " if row.suspended else "Suspended ") + (row.answer or "set"), timeout=2
        )
        fresh = self.store.card(row.deck, row.card_id)
        if fresh is not None:
            index = next(i for i, r in enumerate(self.rows) if r.key == row.key)
            self.rows[index] = fresh
            self.entries[index] = Entry(fresh, searchable(fresh, self.clock()))
        self.filter(self.query_one("#browser-search", Input).value)

    def action_back(self) -> None:
        self.dismiss()
