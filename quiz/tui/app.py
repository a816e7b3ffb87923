"""The quiz app: one composition root that takes the store, the decks, the config and a clock.

The command line and the tests build it the same way; screens get what they need from it
and report back with messages.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from quiz.deck import Deck
from quiz.errors import QuizError
from quiz.tui.deck_shelf import DeckShelf
from quiz.tui.screens.help import HelpScreen
from quiz.tui.screens.home import HomeScreen

if TYPE_CHECKING:
    from textual.theme import Theme

    from quiz.config import Config
    from quiz.custom import CustomStudy
    from quiz.store import Store, SyncReport
    from quiz.tui.screens.study import StudyScreen


class QuizApp(App[None]):
    """Home, study sessions, summaries, the browser and help, over one store."""

    CSS_PATH = "quiz.tcss"
    TITLE = "quiz"
    BINDINGS = [Binding("f1", "help", "Help", show=False)]

    def __init__(
        self,
        store: Store,
        decks: Sequence[Deck] | DeckShelf,
        config: Config,
        clock: Callable[[], datetime],
        *,
        study: Sequence[str] | None = None,
        cram: bool = False,
        custom: CustomStudy | None = None,
        root: Path | None = None,
        cursor_blink: bool = True,
        warnings: Sequence[str] = (),
        on_first_card: Callable[[], None] | None = None,
        theme_file: Path | None = None,
    ) -> None:
        """Build the app.

        Args:
            store: the open collection; the app never closes it.
            decks: the decks to show, already synced into `store` (a `DeckShelf` lets
                unchanged decks stay unread until needed).
            config: study settings.
            clock: returns the current time (aware UTC); tests pass a fixed one.
            study: when given, open a session on these deck names at once (empty: all).
            cram: that session is a cram session (schedules untouched).
            custom: that session is a custom study of these cards (`quiz study --filter`).
            root: the collection folder holding `seeds/` and `decks/` (for regenerate).
            cursor_blink: off in tests and snapshots, so pictures are stable.
            warnings: problems to show once the app is up (deck files left out).
            on_first_card: called once the first card of the first session is drawn (or
                that session turns out to have no card).
            theme_file: where the chosen Textual theme is kept between runs (none: the
                default theme, not kept).
        """
        super().__init__()
        self.store = store
        self.config = config
        self.clock = clock
        self.root = root
        self.cursor_blink = cursor_blink
        self.decks = decks if isinstance(decks, DeckShelf) else DeckShelf(store, decks)
        self._start_study = None if study is None else tuple(study)
        self._opening = study is not None
        self._start_cram = cram
        self._start_custom = custom
        self._on_first_card = on_first_card
        self._warnings = list(warnings)
        self.theme_file = theme_file

    @property
    def deck_names(self) -> list[str]:
        return list(self.decks)

    @property
    def deck_titles(self) -> dict[str, str]:
        return {name: self.decks.title(name) for name in self.decks}

    def get_default_screen(self) -> Screen[None]:
        return HomeScreen(self.store, self.config, self.clock)

    @property
    def starting_session(self) -> bool:
        """True while the app opens straight into a session (`quiz study`)."""
        return self._opening

    def on_mount(self) -> None:
        self._restore_theme()
        if self._warnings:
            self.notify(
                "\n".join(self._warnings), title="Decks left out", severity="error", timeout=15
            )
        if self._start_study is not None:
            names, self._start_study = self._start_study, None
            custom, self._start_custom = self._start_custom, None
            self.start_session(names, cram=self._start_cram, custom=custom)

    def _restore_theme(self) -> None:
        """Use the theme picked last time (the palette's "Theme"), and keep each new pick."""
        if self.theme_file is None:
            return
        try:
            name = self.theme_file.read_text("utf-8").strip()
        except OSError:  # none kept yet, or unreadable: the default theme
            name = ""
        if name in self.available_themes:
            self.theme = name
        self.theme_changed_signal.subscribe(self, self._keep_theme)

    def _keep_theme(self, theme: Theme) -> None:
        if self.theme_file is None:
            return
        try:
            self.theme_file.write_text(theme.name + "\n", "utf-8")
        except OSError as exc:  # a read-only place: the theme lasts this run only
            self.notify(f"Cannot keep the theme in {self.theme_file}: {exc}", severity="warning")

    # ------------------------------------------------------------------ the study timer

    def on_app_blur(self, event: events.AppBlur) -> None:
        """The terminal lost focus: a card's timer stops (that time is not answering)."""
        study = self._study_screen()
        if study is not None:
            study.pause_timer("focus")

    def on_app_focus(self, event: events.AppFocus) -> None:
        study = self._study_screen()
        if study is not None:
            study.resume_timer()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.MouseDown):
            study = self._study_screen()
            if study is not None:
                study.note_activity()
        await super().on_event(event)

    def _study_screen(self) -> StudyScreen | None:
        """The study screen under way (help may be on top of it), if any."""
        module = sys.modules.get("quiz.tui.screens.study")  # never imported for a key
        if module is None:
            return None
        for screen in reversed(self.screen_stack):
            if isinstance(screen, module.StudyScreen):
                return screen
        return None

    # ------------------------------------------------------------------ sessions

    def start_session(
        self, names: Sequence[str], *, cram: bool = False, custom: CustomStudy | None = None
    ) -> None:
        """Push a study screen over `names` (every deck when empty); `custom`: a custom
        study session of its cards."""
        from quiz.session import StudySession
        from quiz.tui.screens.study import StudyScreen

        # Every deck on the shelf is synced already; one not read from its file this run
        # is studied by name, so its cards are fetched from the store only as they come up.
        chosen_names = [name for name in names if name in self.decks] or list(self.decks)
        chosen = [self.decks.loaded(name) or name for name in chosen_names]
        try:
            session = StudySession(
                self.store,
                chosen,
                self.config,
                self.clock,
                cram=cram,
                synced=True,
                cram_cards=None if custom is None else custom.keys,
                custom=None if custom is None else custom.query,
            )
        except QuizError as exc:  # locked by another process, read-only…: say so, stay here
            self._opening = False
            self.notify(str(exc), title="Cannot start the session", severity="error", timeout=15)
            if self._on_first_card is not None:  # no card will be drawn
                never_drawn, self._on_first_card = self._on_first_card, None
                never_drawn()
            return
        done_today = 0 if cram or custom else self._answered_today(chosen_names)
        callback, self._on_first_card = self._on_first_card, None

        def first_card_drawn() -> None:
            self._opening = False
            if callback is not None:
                callback()

        self.push_screen(
            StudyScreen(
                session,
                self.decks,
                self.clock,
                on_first_card=first_card_drawn,
                done_today=done_today,
            )
        )

    def _answered_today(self, names: Sequence[str]) -> int:
        """Answers already given today in these decks: a session resumed after quitting
        continues the day's progress bar instead of starting it again at 0."""
        from quiz.srs import day_start

        return self.store.day_counts(names, day_start(self.clock(), self.config)).answers

    def on_home_screen_study(self, message: HomeScreen.Study) -> None:
        self.start_session(message.decks, cram=message.cram, custom=message.custom)

    # ------------------------------------------------------------------ other screens

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_browse(self) -> None:
        from quiz.tui.screens.browser import BrowserScreen

        screen = BrowserScreen(
            self.store, self.deck_names, self.clock, self.config.timezone, self.config
        )
        self.push_screen(screen)

    def action_stats(self) -> None:
        try:
            from quiz.tui.screens.stats import StatsScreen
        except ImportError:
            self.notify("Statistics are not available yet.", severity="warning")
            return
        self.push_screen(StatsScreen(self.store, self.deck_names, self.config, self.clock))

    def action_regenerate(self) -> None:
        from quiz.tui.screens.regenerate import RegenerateScreen

        if self.root is None:
            self.notify(
                "No collection folder: regenerate from the command line.", severity="warning"
            )
            return
        self.push_screen(RegenerateScreen(self.root), self._regenerated)

    def _regenerated(self, decks: list[Deck] | None) -> None:
        """Sync what the generator wrote, then re-read `decks/`: a deck file added or
        edited there since it was last synced (a hand-written or imported deck) shows
        without a restart."""
        fresh = list(decks or [])
        more, problems = self._read_deck_folder({deck.name for deck in fresh})
        try:
            reports: list[SyncReport] = [
                self.store.sync_deck(deck, now=self.clock(), label=f"decks/{deck.name}.yaml")
                for deck in [*fresh, *more]
            ]
        except QuizError as exc:  # the deck files are written; the next start syncs them
            self.notify(
                f"{exc}\nThe decks are written; quiz syncs them when it next opens.",
                title="Decks not synced",
                severity="error",
                timeout=15,
            )
            return
        self.decks.replace([*fresh, *more])
        if reports:
            title = "Decks regenerated" if fresh else "Decks re-read"
            self.notify("\n".join(report.format() for report in reports), title=title)
        for problem in problems:
            self.notify(problem, title="Deck left out", severity="warning", timeout=10)
        if isinstance(self.screen, HomeScreen):
            self.screen.reload()

    def _read_deck_folder(self, skip: set[str]) -> tuple[list[Deck], list[str]]:
        """The decks of `decks/` that are new or changed since their last sync (not those
        in `skip`), and the problems of files that cannot be read."""
        from quiz.deck import DeckError, load_deck

        folder = self.root / "decks" if self.root is not None else None
        if folder is None or not folder.is_dir():
            return [], []
        synced = {row.name: row.synced_at for row in self.store.decks()}
        decks: list[Deck] = []
        problems: list[str] = []
        for path in sorted(folder.glob("*.yaml")):
            if path.stem in skip or path.name.startswith(".") or not path.is_file():
                continue
            at = synced.get(path.stem)
            if path.stem in self.decks and at is not None:
                if path.stat().st_mtime < at.timestamp():
                    continue
            try:
                decks.append(load_deck(path))
            except DeckError as exc:
                problems.append(str(exc))
        return decks, problems

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        # Textual's own "Keys" (a side panel of the focused widget's bindings) would stand
        # next to ours under the same title; the app's key page replaces it.
        yield from (c for c in super().get_system_commands(screen) if c.title != "Keys")
        yield SystemCommand("Study all decks", "A session over every deck", self._study_all)
        yield SystemCommand(
            "Browse cards", "Search cards, suspend, see history", self.action_browse
        )
        yield SystemCommand("Statistics", "Retention, forecast, weakest cards", self.action_stats)
        yield SystemCommand(
            "Regenerate decks", "Run the generator on seeds/ and sync", self.action_regenerate
        )
        yield SystemCommand("Keys", "Every key of the app (? or F1)", self.action_help)

    def _study_all(self) -> None:
        self.start_session(())
