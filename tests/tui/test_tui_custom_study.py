"""Custom study from the deck list (`f`) and from the command line (`quiz study --filter`,
`--weakest`, `--failed-today`, `--ahead N`): the dialog's search box and presets, what a
bad query says, the session's real and crammed answers, and the summary that tells them
apart."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input
from tui_support import FixedClock, build_app, screen_text
from tui_support import test_config as study_config

from quiz.cli import main
from quiz.session import StudySession
from quiz.srs import Rating
from quiz.tui.app import QuizApp
from quiz.tui.screens.browser import BrowserScreen
from quiz.tui.screens.custom_study import CustomStudyScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen


async def open_dialog(app: QuizApp, pilot) -> CustomStudyScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    assert isinstance(app.screen, HomeScreen)
    await pilot.press("f")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, CustomStudyScreen)
    return app.screen


def status(app: QuizApp) -> str:
    return str(app.screen.query_one("#custom-status").render())


async def test_f_opens_the_dialog_and_a_search_starts_a_custom_session(tmp_path: Path) -> None:
    app = build_app(tmp_path, which=("jianti",))
    async with app.run_test() as pilot:
        dialog = await open_dialog(app, pilot)
        assert "3 cards: 0 due (real reviews), 3 crammed" in status(app)
        assert "the weakest section" in screen_text(app)
        await pilot.press("slash", *"三會", "enter")  # Traditional typed, Simplified deck
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen) and app.screen is not dialog
        assert app.screen.session.custom_query == "三會"
        assert "Custom · Cram" in screen_text(app)
        await pilot.press("space", "3")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen), "only the one card matched"
        text = screen_text(app)
        assert "0 real reviews" in text and "1 crammed" in text
        assert "Search   三會" in text
    row = app.store.card("jianti", "c-sanhui")
    assert row is not None and row.state.reps == 0, "a crammed new card stays new"


async def test_a_bad_query_is_shown_and_the_dialog_stays(tmp_path: Path) -> None:
    app = build_app(tmp_path, which=("jianti",))
    async with app.run_test() as pilot:
        await open_dialog(app, pilot)
        await pilot.press("slash", *"colour:2", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CustomStudyScreen)
        assert "unknown search key colour:" in status(app)
        await pilot.press("ctrl+u", *"tag:nothing", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CustomStudyScreen)
        assert "Nothing to study: 0 cards" in status(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen), "Esc cancels"


async def test_presets_with_nothing_to_study_say_so(tmp_path: Path) -> None:
    app = build_app(tmp_path, which=("jianti",))
    async with app.run_test() as pilot:
        await open_dialog(app, pilot)
        await pilot.press("w")
        await pilot.pause()
        assert "No section has review answers yet" in status(app)
        await pilot.press("t")
        await pilot.pause()
        assert "Nothing to study" in status(app)
        assert app.screen.query_one("#custom-search", Input).value == "rated:1:1"
        await pilot.press("3")
        await pilot.pause()
        assert app.screen.query_one("#custom-search", Input).value == "prop:due<=3"
        assert isinstance(app.screen, CustomStudyScreen)


async def test_failed_today_studies_the_failed_card_as_a_real_review(tmp_path: Path) -> None:
    clock = FixedClock()
    config = study_config()
    app = build_app(tmp_path, clock=clock, which=("jianti",))
    with StudySession(app.store, ["jianti"], config, clock, synced=True) as session:
        item = session.next_card()
        assert item is not None
        session.answer(item, Rating.Again, duration_ms=1000)
    failed = item.card_id
    clock.advance(minutes=2)
    async with app.run_test() as pilot:
        await open_dialog(app, pilot)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        shown = app.screen.item
        assert shown is not None and shown.card_id == failed and shown.kind == "learning"
        assert "Custom · Learning" in screen_text(app)
        before = app.store.card("jianti", failed)
        await pilot.press("space", "3")
        await pilot.pause()
        await app.workers.wait_for_complete()
        after = app.store.card("jianti", failed)
        assert before is not None and after is not None
        assert after.state.reps == before.state.reps + 1, "a real review moves the schedule"


async def test_the_weakest_preset_and_study_ahead_from_the_list(tmp_path: Path) -> None:
    clock = FixedClock()
    config = study_config()
    app = build_app(tmp_path, clock=clock, which=("jianti",))
    with StudySession(app.store, ["jianti"], config, clock, synced=True) as session:
        while (item := session.next_card()) is not None:
            session.answer(item, Rating.Easy, duration_ms=1000)
    clock.advance(days=60)
    with StudySession(app.store, ["jianti"], config, clock, synced=True) as session:
        while (item := session.next_card()) is not None:
            rating = Rating.Again if item.card.section == "全文" else Rating.Good
            session.answer(item, rating, duration_ms=1000)
            if rating == Rating.Again:
                break
    async with app.run_test() as pilot:
        await open_dialog(app, pilot)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        assert app.screen.session.custom_query == "section:全文"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")  # summary -> deck list
        await pilot.pause()
        dialog = await open_dialog(app, pilot)
        await pilot.press("down", "down", "enter")  # the list's study-ahead line: 7 days
        await pilot.pause()
        assert app.screen is not dialog and isinstance(app.screen, StudyScreen)
        assert app.screen.session.custom_query == "prop:due<=7"


async def test_the_browser_shows_a_bad_query_where_the_count_goes(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test() as pilot:  # 80x24: the table has no border to show it in
        await pilot.pause()
        await pilot.press("b")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)
        table = app.screen.query_one("#browser-cards", DataTable)
        await pilot.press("slash", *"colour:red", "enter")
        await pilot.pause()
        assert table.row_count == 0
        assert "unknown search key colour:" in str(table.border_title)
        assert "Search not understood" in screen_text(app)
        await pilot.press("slash", "ctrl+u", *"section:完善组织 -is:suspended", "enter")
        await pilot.pause()
        assert table.row_count == 1 and "1 card" in str(table.border_title)


def test_a_bad_filter_stops_before_any_database_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("QUIZ_DB", str(tmp_path / "quiz.db"))
    monkeypatch.setenv("QUIZ_CONFIG", str(tmp_path / "none.toml"))
    assert main(["study", "--filter", "prop:lapses>lots"]) == 2
    assert "prop:lapses>lots: 'lots' is not a number" in capsys.readouterr().err
    assert not (tmp_path / "quiz.db").exists()


def test_nothing_to_study_from_the_command_line_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    build_app(tmp_path, which=("jianti",)).store.close()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("QUIZ_DB", str(tmp_path / "quiz.db"))
    monkeypatch.setenv("QUIZ_CONFIG", str(tmp_path / "none.toml"))
    assert main(["study", "--failed-today"]) == 1
    assert "rated:1:1: nothing to study (0 cards)" in capsys.readouterr().err
    assert main(["study", "--weakest"]) == 1
    assert "no section has review answers yet" in capsys.readouterr().err
    assert main(["study", "jianti", "--filter", "is:due"]) == 1
    with pytest.raises(SystemExit) as usage:  # argparse: one mode at a time
        main(["study", "--cram", "--ahead", "3"])
    assert usage.value.code == 2
    assert "not allowed with argument --cram" in capsys.readouterr().err


@pytest.mark.slow
def test_quiz_study_filter_opens_the_app_on_the_first_matching_card(tmp_path: Path) -> None:
    """The whole command, as a user runs it (headless, leaving once the first card is up)."""
    build_app(tmp_path, which=("jianti", "fanti")).store.close()
    env = {
        **os.environ,
        "QUIZ_DB": str(tmp_path / "quiz.db"),
        "QUIZ_CONFIG": str(tmp_path / "none.toml"),
        "QUIZ_BENCH_EXIT_ON_FIRST_CARD": "1",
    }
    done = subprocess.run(
        [sys.executable, "-m", "quiz", "study", "--filter", "縱向 deck:fanti"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    sessions = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sqlite3,sys; print(sqlite3.connect(sys.argv[1])"
            ".execute('SELECT kind, decks FROM sessions').fetchall())",
            str(tmp_path / "quiz.db"),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "study" in sessions and "fanti" in sessions


def test_an_empty_filter_is_every_card_not_the_weakest_section(tmp_path: Path) -> None:
    from quiz.commands.app import _custom_study

    app = build_app(tmp_path, which=("jianti",))
    decks, chosen = _custom_study(app.store, ["jianti"], "", study_config(), FixedClock()())
    assert decks == ["jianti"] and len(chosen.keys) == 3 and chosen.query == ""
    app.store.close()
