"""Short labels for moments and durations, and the home screen's next-card line."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from tui_support import START, FixedClock, build_app, screen_text

from quiz.tui.format import duration_label, when_label
from quiz.tui.screens.home import HomeScreen


def test_a_moment_under_a_minute_ahead_is_not_now() -> None:
    assert when_label(START + timedelta(seconds=30), START) == "in <1m"
    assert when_label(START, START) == "now"
    assert when_label(START - timedelta(seconds=30), START) == "now"
    assert when_label(START + timedelta(minutes=10), START) == "in 10m"
    assert when_label(START - timedelta(days=2), START) == "2d ago"
    assert when_label(None, START) == "—"
    assert duration_label(65) == "1:05" and duration_label(3723) == "1:02:03"


async def test_home_says_a_card_due_in_seconds_is_coming_not_waiting(tmp_path: Path) -> None:
    clock = FixedClock()
    app = build_app(tmp_path, clock=clock, study=["jianti"])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*"不知道", "enter", "1")  # Again: back in a minute
        await pilot.pause()
        await pilot.press("minus", "minus")  # bury the two other cards
        await pilot.pause()
        clock.advance(seconds=30)
        while not isinstance(app.screen, HomeScreen):
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("down", "up")  # the highlighted deck's details
        await pilot.pause()
        text = screen_text(app)
        assert "next card in <1m" in text
        assert "cards are waiting" not in text
