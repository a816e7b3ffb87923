"""Idle time is not answer time: a card left on screen is stored as the configured maximum
(60 s, Anki's), the timer pauses while the terminal has lost focus (AppBlur / AppFocus)
and after that long without a key, and the statistics count old idle answers capped."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual import events
from tui_support import FixedClock, build_app
from tui_support import test_config as study_config

from quiz.config import config_from_mapping
from quiz.store.stats_queries import time_today_ms
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen


def _durations(app) -> list[int | None]:  # type: ignore[no-untyped-def]
    return [r.duration_ms for r in app.store.card_history("jianti", "c-sanhui")]


async def test_a_card_left_45_minutes_is_stored_as_the_maximum(tmp_path: Path) -> None:
    clock = FixedClock()
    app = build_app(tmp_path, clock=clock, which=("jianti",), study=["jianti"])
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        clock.advance(minutes=45, seconds=17)
        await pilot.press(*"三会一课", "enter", "enter")
        await pilot.pause()
        assert _durations(app) == [60_000]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert app.screen.summary.time_spent == timedelta(seconds=60)


async def test_the_maximum_is_a_setting(tmp_path: Path) -> None:
    clock = FixedClock()
    config = study_config(max_answer_seconds=20)
    app = build_app(tmp_path, clock=clock, which=("jianti",), study=["jianti"], config=config)
    async with app.run_test() as pilot:
        await pilot.pause()
        clock.advance(minutes=3)
        await pilot.press(*"三会一课", "enter", "enter")
        await pilot.pause()
        assert _durations(app) == [20_000]
    assert config_from_mapping({"study": {"max_answer_seconds": 30}}).max_answer_seconds == 30


async def test_time_with_the_terminal_out_of_focus_is_not_counted(tmp_path: Path) -> None:
    clock = FixedClock()
    app = build_app(tmp_path, clock=clock, which=("jianti",), study=["jianti"])
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        clock.advance(seconds=3)
        app.post_message(events.AppBlur())
        await pilot.pause()
        clock.advance(minutes=10)
        screen._tick()
        assert "paused" in str(screen.query_one("#session-timer").render())
        app.post_message(events.AppFocus())
        await pilot.pause()
        clock.advance(seconds=2)
        await pilot.press(*"三会一课", "enter", "enter")
        await pilot.pause()
        assert _durations(app) == [5_000]


async def test_the_timer_pauses_after_a_long_idle_and_a_key_resumes_it(tmp_path: Path) -> None:
    clock = FixedClock()
    app = build_app(tmp_path, clock=clock, which=("jianti",), study=["jianti"])
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        clock.advance(minutes=5)
        screen._tick()
        timer = screen.query_one("#session-timer")
        assert str(timer.render()) == "1:00 paused"  # stopped where the idle began
        await pilot.press("三")
        clock.advance(seconds=1)
        screen._tick()
        assert "paused" not in str(timer.render())


def test_statistics_count_an_old_idle_answer_capped(tmp_path: Path) -> None:
    clock = FixedClock()
    app = build_app(tmp_path, clock=clock, which=("jianti",))
    store = app.store
    store.record_review(
        "jianti",
        "c-sanhui",
        rating=3,
        kind="learn",
        after=None,
        now=clock(),
        duration_ms=2_717_178,
    )
    config = study_config()
    assert time_today_ms(store._db, clock(), config) == 60_000
    start = clock() - timedelta(hours=1)
    assert store.day_counts(["jianti"], start, duration_cap_ms=60_000).duration_ms == 60_000
    store.close()
