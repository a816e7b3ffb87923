"""A database another process keeps locked (a real second process holding BEGIN
EXCLUSIVE): `quiz study` refuses with exit 1 before the app starts, Enter on the deck list
says why no session starts, and an answer given under the lock leaves the screen live and
is saved by itself once the lock goes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tui_support import FixedClock, build_app, open_store, write_decks
from tui_support import test_config as study_config

from quiz.store import Store
from quiz.tui.app import QuizApp
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen


def test_quiz_study_under_a_lock_exits_1_with_the_message(tmp_path: Path, hold_lock) -> None:
    clock = FixedClock()
    decks = write_decks(tmp_path, ("jianti",))
    open_store(tmp_path / "quiz.db", decks, clock).close()
    holder = hold_lock(tmp_path / "quiz.db")
    env = {**os.environ, "QUIZ_DB": str(tmp_path / "quiz.db"), "QUIZ_CONFIG": "/nonexistent"}
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "study"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert holder.poll() is None  # the lock was held the whole time
    assert result.returncode == 1, result.stderr
    assert "database is locked by another process" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout == ""


async def test_enter_on_the_deck_list_under_a_lock_says_why(tmp_path: Path, hold_lock) -> None:
    app = build_app(tmp_path, which=("jianti",))
    app.store.close()
    app.store = Store.open(tmp_path / "quiz.db", busy_timeout_ms=200)
    holder = hold_lock(tmp_path / "quiz.db")
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # no session, no crash
        notices = [n for n in app._notifications if "Cannot start" in str(n.title)]
        assert notices and "locked by another process" in notices[0].message
        holder.kill()
        holder.wait()
        await pilot.press("enter")  # once the lock is gone the same key works
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
    app.store.close()


async def test_an_answer_under_a_lock_keeps_the_screen_live_and_is_saved_later(
    tmp_path: Path, hold_lock
) -> None:
    clock = FixedClock()
    decks = write_decks(tmp_path, ("jianti",))
    open_store(tmp_path / "quiz.db", decks, clock).close()
    store = Store.open(tmp_path / "quiz.db", busy_timeout_ms=2000)
    app = QuizApp(store, decks, study_config(), clock, study=["jianti"], cursor_blink=False)
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        await pilot.press(*"三会一课", "enter")
        holder = hold_lock(tmp_path / "quiz.db")
        started = time.monotonic()
        await pilot.press("enter")  # Good, under the lock
        await pilot.pause()
        assert time.monotonic() - started < 1.5  # not the 2 s busy timeout
        assert screen.phase == "saving" and screen.item.card.id == "c-sanhui"
        assert any("Waiting to save" in str(n.title) for n in app._notifications)
        await pilot.press("3", "escape")  # ignored meanwhile: no second answer, no exit
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen) and screen.phase == "saving"
        holder.kill()
        holder.wait()
        for _ in range(100):
            await pilot.pause(0.1)
            if screen.phase != "saving":
                break
        assert screen.item.card.id == "c-yishi"  # saved by itself, the next card is up
        history = [(r.rating, r.typed) for r in store.card_history("jianti", "c-sanhui")]
        assert history == [(3, "三会一课")]
        assert screen.done == 1
    store.close()


async def test_bury_leave_and_browser_suspend_under_a_lock_say_so_at_once(
    tmp_path: Path, hold_lock
) -> None:
    from quiz.tui.screens.browser import BrowserScreen
    from quiz.tui.screens.summary import SummaryScreen

    clock = FixedClock()
    decks = write_decks(tmp_path, ("jianti",))
    open_store(tmp_path / "quiz.db", decks, clock).close()
    store = Store.open(tmp_path / "quiz.db", busy_timeout_ms=5000)
    app = QuizApp(store, decks, study_config(), clock, study=["jianti"], cursor_blink=False)
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        holder = hold_lock(tmp_path / "quiz.db")
        started = time.monotonic()
        await pilot.press("enter", "minus")  # reveal, then bury under the lock
        await pilot.pause()
        assert screen.item.card.id == "c-sanhui"  # not buried
        assert any("Bury failed" in str(n.title) for n in app._notifications)
        await pilot.press("escape")  # the session's end record cannot be written
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert any("Session end not recorded" in str(n.title) for n in app._notifications)
        await pilot.press("enter")  # the deck list
        await pilot.pause()
        app.action_browse()
        for _ in range(50):
            await pilot.pause(0.05)
            if isinstance(app.screen, BrowserScreen) and app.screen.shown:
                break
        await pilot.press("@")
        await pilot.pause()
        assert any("Not changed" in str(n.title) for n in app._notifications)
        assert time.monotonic() - started < 4  # never the 5 s busy timeout
        holder.kill()
        holder.wait()
        assert not any(row.suspended for row in store.cards(["jianti"]))
    store.close()
