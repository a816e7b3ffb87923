"""The summary after a cram (issue 11, item 5): it counts the cram's unreached cards as
such, not as cards left for today, and never says cards are due now when none can be
studied."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from tui_support import FixedClock, build_app, screen_text
from tui_support import test_config as study_config

from quiz.session import Counts, SessionSummary, StudySession
from quiz.srs import Rating
from quiz.tui.screens.summary import SummaryScreen, summary_content


async def test_a_cram_summary_says_what_the_cram_left_and_nothing_is_due(tmp_path: Path) -> None:
    clock = FixedClock()
    config = study_config()
    app = build_app(tmp_path, clock=clock, which=("jianti",), study=["jianti"], cram=True)
    # every card studied for days ahead first: nothing is due once the cram starts
    with StudySession(app.store, ["jianti"], config, clock, synced=True) as session:
        while (item := session.next_card()) is not None:
            session.answer(item, Rating.Easy, duration_ms=1000)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "Cram" in screen_text(app)
        await pilot.press("space")
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        text = screen_text(app)
        assert "1 card studied" in text
        assert "2 cards not reached" in text
        assert "for today" not in text and "due now" not in text
        assert "All done for now" in text, "no study card is left today"


def test_due_but_held_back_is_not_due_now() -> None:
    clock = FixedClock()
    now = clock()
    summary = SessionSummary(reviewed=1, correct=1, next_due=now - timedelta(hours=1))
    held = summary_content(summary, now, now.tzinfo, Counts())  # type: ignore[arg-type]
    assert "due now" not in held.plain and "nothing more today" in held.plain
    open_ = summary_content(summary, now, now.tzinfo, Counts(review=2))  # type: ignore[arg-type]
    assert "more cards are due now" in open_.plain
