"""The custom-study dialog (`f` on the deck list): a search box over the highlighted deck,
with one-keystroke presets (weakest section, failed today, study ahead N days)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from quiz.custom import FAILED_TODAY, CustomStudy, choose, section_query, study_ahead
from quiz.search import Entry, SearchError, parse

if TYPE_CHECKING:
    from quiz.config import Config
    from quiz.search import Context
    from quiz.store import Store

AHEAD_DAYS = 7
"""The study-ahead preset's days when picked from the list (1-9 pick their own)."""
PRESETS = (
    ("w", "weakest", "the weakest section", "lowest retention"),
    ("t", "failed", "cards failed today", FAILED_TODAY),
    ("1-9", "ahead", "study ahead N days", "prop:due<=N"),
)
"""(key, option id, what, its query) of the one-keystroke presets."""


def preset_label(key: str, what: str, query: str) -> Content:
    return Content.assemble((f"{key:<4}", "bold"), f"{what:<22}", (query, "$text-muted"))


class CustomStudyScreen(ModalScreen["CustomStudy | None"]):
    """Returns the chosen cards, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("w", "preset('weakest')", "Weakest", show=False),
        Binding("t", "preset('failed')", "Failed today", show=False),
        *(Binding(str(n), f"ahead({n})", f"Ahead {n}d", show=False) for n in range(1, 10)),
        Binding("slash", "search", "Search", show=False),
    ]

    def __init__(
        self,
        store: Store,
        config: Config,
        clock: Callable[[], datetime],
        deck: str,
        title: str,
    ) -> None:
        super().__init__()
        self.store = store
        self.config = config
        self.clock = clock
        self.deck = deck
        self.deck_title = title
        self.entries: list[Entry] | None = None  # the deck's cards, read in a thread

    def compose(self) -> ComposeResult:
        with Vertical(id="custom-body") as body:
            body.border_title = "Custom study"
            body.border_subtitle = "Enter: study · Esc: cancel"
            yield Static(Content.styled(self.deck_title, "bold"), id="custom-deck", markup=False)
            yield Input(
                placeholder="search: text section: tag: is:due is:new prop:lapses>3 …",
                id="custom-search",
            )
            yield Static(id="custom-status", markup=False)
            yield OptionList(
                *(Option(preset_label(key, what, q), id=name) for key, name, what, q in PRESETS),
                id="custom-presets",
            )
            yield Static(
                Content.styled("/ or Tab: the search box · ? on the deck list: its keys", "dim"),
                id="custom-help",
            )

    def on_mount(self) -> None:
        self.query_one("#custom-search", Input).cursor_blink = getattr(
            self.app, "cursor_blink", True
        )
        self.query_one(OptionList).focus()
        self._status(Content.styled("Reading the cards…", "$text-muted"))
        self.load_cards()

    @work(thread=True, exclusive=True, exit_on_error=False, group="custom-cards")
    def load_cards(self) -> list[Entry]:
        from quiz.store import Store

        with Store.open(self.store.path) as store:
            return [Entry(row) for row in store.cards([self.deck])]

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "custom-cards":
            return
        if event.state == WorkerState.SUCCESS and isinstance(event.worker.result, list):
            self.entries = event.worker.result
            self._preview(self.query_one("#custom-search", Input).value)
        elif event.state == WorkerState.ERROR:
            self._status(Content.styled(f"Cannot read the cards: {event.worker.error}", "$error"))

    # ------------------------------------------------------------------ the search

    def _search_context(self) -> Context:
        from quiz.custom import context

        return context(self.store, [self.deck], self.clock(), self.config)

    def _choose(self, text: str) -> CustomStudy:
        """The cards `text` selects (SearchError when it cannot be read)."""
        query = parse(text)
        if self.entries is None:  # Enter before the thread is back: read them here
            from quiz.custom import select_cards

            return select_cards(self.store, [self.deck], query, self.clock(), self.config)
        return choose(self.entries, query, self._search_context())

    def _status(self, content: Content) -> None:
        self.query_one("#custom-status", Static).update(content)

    def _preview(self, text: str) -> CustomStudy | None:
        """Show how many cards `text` selects, or why it cannot be read."""
        if self.entries is None:
            return None
        try:
            chosen = self._choose(text)
        except SearchError as exc:
            self._status(Content.styled(str(exc), "$error"))
            return None
        style = "$text-muted" if chosen.keys else "$warning"
        self._status(Content.styled(chosen.describe(), style))
        return chosen

    @work(exclusive=True, group="custom-preview")
    async def _debounced(self, text: str) -> None:
        import asyncio

        await asyncio.sleep(0.15)
        self._preview(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._debounced(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._start(event.value)

    def _start(self, text: str) -> None:
        """Study what `text` selects; stay here, saying why, when it cannot be studied."""
        self.workers.cancel_group(self, "custom-preview")  # its count would hide the why
        try:
            chosen = self._choose(text)
        except SearchError as exc:
            self._status(Content.styled(str(exc), "$error"))
            return
        if not chosen.keys:
            self._status(Content.styled(f"Nothing to study: {chosen.describe()}", "$warning"))
            return
        self.dismiss(chosen)

    # ------------------------------------------------------------------ presets

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == "ahead":
            self.action_ahead(AHEAD_DAYS)
        elif event.option.id is not None:
            self.action_preset(event.option.id)

    def action_preset(self, name: str) -> None:
        if self.focused is self.query_one("#custom-search", Input):
            return  # a letter typed into the search box (bindings only reach here via it)
        if name == "failed":
            self._run_preset(FAILED_TODAY)
        elif name == "weakest":
            from quiz.custom import weakest_section

            weakest = weakest_section(self.store, [self.deck])
            if weakest is None:
                self._status(
                    Content.styled("No section has review answers yet: study first.", "$warning")
                )
                return
            self._run_preset(section_query(weakest[1]))

    def action_ahead(self, days: int) -> None:
        if self.focused is self.query_one("#custom-search", Input):
            return
        self._run_preset(study_ahead(days))

    def _run_preset(self, query: str) -> None:
        search = self.query_one("#custom-search", Input)
        with search.prevent(Input.Changed):
            search.value = query
        self._start(query)

    def action_search(self) -> None:
        self.query_one("#custom-search", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
