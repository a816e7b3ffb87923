"""The optimiser stays off the study path: a study session, the stats screen, `quiz
stats` and `quiz --help` never import `quiz.optimize`, the fsrs-rs binding or tomlkit
(only `quiz optimize` does)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

OPTIMISER = ("quiz.optimize", "fsrs_rs_python", "tomlkit", "quiz.store.fsrs_log")
TUI = Path(__file__).resolve().parent.parent / "tui"


def _loaded(code: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", code + "\nprint(' '.join(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return set(done.stdout.split())


@pytest.mark.parametrize(
    "module",
    ["quiz.srs", "quiz.session", "quiz.config", "quiz.stats", "quiz.store", "quiz.tui.app"],
)
def test_study_modules_leave_the_optimiser_out(module: str) -> None:
    loaded = _loaded(f"import sys, {module}")
    assert not loaded & set(OPTIMISER)


def test_the_command_line_parser_leaves_it_out() -> None:
    loaded = _loaded("import sys\nfrom quiz.cli import build_parser\nbuild_parser()")
    assert not loaded & set(OPTIMISER)


@pytest.mark.slow
def test_a_study_session_and_the_stats_screen_leave_it_out(tmp_path: Path) -> None:
    script = f"""
import asyncio, sys
sys.path.insert(0, {str(TUI)!r})
from pathlib import Path
from tui_support import build_app

async def main():
    app = build_app(Path({str(tmp_path)!r}), study=["jianti"])
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("tab", "tab", "tab", "tab", *"三会一课", "enter", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        print(type(app.screen).__name__)

asyncio.run(main())
"""
    loaded = _loaded(script)
    assert "StatsScreen" in loaded  # the screen was really shown
    assert "quiz.session" in loaded and "quiz.stats" in loaded
    assert not loaded & set(OPTIMISER)
