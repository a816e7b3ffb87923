"""Layout at 60x20 (issue 11, item 6): nothing is cut at the right edge, help lines wrap
under their text, the stats screen reflows on a resize, and decks that share a title can
be told apart on the home screen and in the browser."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static
from tui_support import SIMPLIFIED_DECK, build_app, screen_text

from quiz.tui.screens.browser import BrowserScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.stats import StatsScreen
from quiz.tui.widgets.key_hints import KeyHints

NARROW = (60, 20)


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_study_key_guide_keeps_esc_end_at_60_columns(tmp_path: Path) -> None:
    app = build_app(tmp_path, study=["jianti"])
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        guide = str(app.screen.query_one(KeyHints).visual)
        assert guide.startswith("⏎ Check") and guide.rstrip().endswith("esc End")
        assert "esc End" in screen_text(app).splitlines()[-1], "on screen, not cut off"


async def test_the_deck_table_and_help_fit_60_columns(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        home = screen_text(app)
        header = next(line for line in home.splitlines() if "Deck" in line and "New" in line)
        assert header.rstrip().endswith("│") and "Ret" in header  # the last column whole
        await pilot.press("question_mark")
        await pilot.pause()
        lines = screen_text(app).splitlines()
        at = next(i for i, line in enumerate(lines) if "cram the highlighted deck" in line)
        assert lines[at + 1].startswith("│" + " " * 19), "wrapped under its text"


async def test_the_stats_screen_reflows_when_the_terminal_is_resized(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, StatsScreen)
        summary = app.screen.query_one("#stats-summary", Static)
        assert " · streak" in str(summary.visual)
        await pilot.resize_terminal(*NARROW)
        await settle(pilot)
        assert "\nstreak" in str(summary.visual), "laid out again without r"
        assert "mature)" in screen_text(app), "the title wraps, its ) kept"


async def test_decks_with_one_title_show_their_names_and_the_browser_a_deck_column(
    tmp_path: Path,
) -> None:
    (tmp_path / "decks").mkdir()
    twin = SIMPLIFIED_DECK.replace("c-", "twin-").replace("m-titles", "twin-titles")
    twin = twin.replace("认真落实", "切实落实").replace("引导党员", "教育党员")
    (tmp_path / "decks" / "twin.yaml").write_text(twin, encoding="utf-8")
    from tui_support import FixedClock, open_store, test_config, write_decks

    from quiz.deck import load_deck
    from quiz.tui.app import QuizApp

    clock = FixedClock()
    decks = [*write_decks(tmp_path, ("jianti",)), load_deck(tmp_path / "decks" / "twin.yaml")]
    store = open_store(tmp_path / "quiz.db", decks, clock)
    app = QuizApp(store, decks, test_config(), clock, root=tmp_path, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        home = screen_text(app)
        assert "抓基层打基础 (jianti)" in home and "抓基层打基础 (twin)" in home
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, BrowserScreen)
        table = app.screen.query_one("#browser-cards", DataTable)
        assert [str(c.label) for c in table.columns.values()][0] == "Deck"
        assert {"jianti", "twin"} <= set(screen_text(app).split())
