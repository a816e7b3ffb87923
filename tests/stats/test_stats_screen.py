"""The stats screen on the hand-written log: Pilot checks, opening through the app's `s`
key, and snapshots at 80x24 and 120x40 with a fixed clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from rich.cells import cell_len
from stats_log import CONFIG, DECK, NOW
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static

from quiz.store import Store
from quiz.tui.screens.stats import StatsScreen
from quiz.tui.widgets.charts import (
    BarChart,
    CalendarHeatmap,
    ColumnChart,
    bar_text,
    column_text,
    fit,
    heatmap_text,
)


class Host(App[None]):
    """A bare app that opens the stats screen, as QuizApp does on `s`."""

    def __init__(self, store: Store, decks: list[str]) -> None:
        super().__init__()
        self.store = store
        self.decks = decks
        self.loaded = False

    def on_mount(self) -> None:
        self.push_screen(StatsScreen(self.store, self.decks, CONFIG, lambda: NOW))

    def on_stats_screen_loaded(self, _: StatsScreen.Loaded) -> None:
        self.loaded = True


@pytest.fixture
def store(log_db: Path) -> Iterator[Store]:
    with Store.open(log_db) as opened:
        yield opened


async def _loaded(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert getattr(pilot.app, "loaded", True)


async def test_screen_fills_every_chart(store: Store) -> None:
    app = Host(store, ["d"])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        screen = app.screen
        assert isinstance(screen, StatsScreen) and screen.stats is not None
        assert screen.stats.reviews_total == 9
        summary = str(screen.query_one("#stats-summary", Static).render())
        assert "3 answers today" in summary and "1 due today" in summary
        cards = dict(
            (label, value) for label, value, _ in screen.query_one("#stats-cards", BarChart).rows
        )
        assert cards["review"] == 3 and cards["suspended"] == 1
        assert screen.query_one("#stats-per-day", ColumnChart).values[-3:] == (3, 1, 3)
        assert screen.query_one("#stats-forecast", ColumnChart).values[:5] == (1, 0, 0, 0, 1)
        heatmap = screen.query_one("#stats-heatmap", CalendarHeatmap)
        assert heatmap.counts[date(2026, 11, 24)] == 3 and heatmap.today == date(2026, 11, 26)
        sections = screen.query_one("#stats-sections", BarChart).rows
        assert [label for label, _, _ in sections] == ["一、甲", "二、乙"]
        await pilot.press("escape")
        assert not isinstance(app.screen, StatsScreen)


async def test_empty_store_says_so(empty_db: Path) -> None:
    with Store.open(empty_db) as store:
        app = Host(store, [])
        async with app.run_test(size=(80, 24)) as pilot:
            await _loaded(pilot)
            summary = str(app.screen.query_one("#stats-summary", Static).render())
            assert "No study history yet" in summary


async def test_quiz_app_opens_it_on_s(log_db: Path, tmp_path: Path) -> None:
    from quiz.tui.app import QuizApp

    with Store.open(log_db) as store:
        app = QuizApp(store, [DECK], CONFIG, lambda: NOW, root=tmp_path, cursor_blink=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("s")
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, StatsScreen)
            assert app.screen.stats is not None and app.screen.stats.reviews_total == 9


def test_charts_are_plain_text_never_markup() -> None:
    text = bar_text([("[bold]x[/]", 2.0, "2"), ("一、甲", 1.0, "1")], 30)
    assert "[bold]x[/]" in text.plain
    lines = text.plain.splitlines()
    assert len({cell_len(line) for line in lines}) == 1  # CJK labels padded by cell width
    assert lines[0].count("█") == 2 * lines[1].count("█")


def test_columns_and_heatmap() -> None:
    columns = column_text([0, 4, 8], 2, ("a", "b")).plain.splitlines()
    assert columns[0].startswith("  █") and columns[1] == " ██" and columns[-1] == "a b"
    heat = heatmap_text({date(2026, 11, 26): 5, date(2026, 11, 24): 1}, date(2026, 11, 26), 2)
    rows = heat.plain.splitlines()
    assert len(rows) == 8  # month line + 7 weekdays
    assert rows[1].startswith("Mo") and fit("三会一课", 5) == "三会…"


def _snapshot_app(log_db: Path) -> Host:
    return Host(Store.open(log_db), ["d"])


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_snapshot(log_db: Path, snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    app = _snapshot_app(log_db)
    try:
        assert snap_compare(app, terminal_size=size, run_before=_loaded)
    finally:
        app.store.close()


async def test_unreadable_database_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "gone.db"
    store = Store.open(path)
    store.close()  # the screen reads on a connection of its own, from the store's path
    path.write_bytes(b"not a database at all" * 100)
    app = Host(store, [])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        summary = str(app.screen.query_one("#stats-summary", Static).render())
        assert "cannot be read" in summary and "gone.db" in summary
