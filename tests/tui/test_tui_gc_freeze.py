"""The study screen hands its startup heap to `gc.freeze()`, so a full garbage collection
(~70 ms on a 100,000-card collection) never walks it on a keypress; see bench/bench_app.py."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from tui_support import build_app

from quiz.tui.screens.study import StudyScreen


@pytest.fixture
def unfrozen_heap() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()  # other tests get an ordinary heap back


@pytest.mark.usefixtures("unfrozen_heap")
async def test_the_first_card_and_the_warmed_up_grader_freeze_the_heap(tmp_path: Path) -> None:
    app = build_app(tmp_path, study=["jianti"])
    assert gc.get_freeze_count() == 0
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen) and screen.item is not None
        at_first_card = gc.get_freeze_count()
        assert at_first_card > 0  # the decks and the session, read before the first card
        for _ in range(40):
            await pilot.pause(0.05)
            if screen.warm_up is not None:
                break
        assert screen.warm_up is not None
        await screen.warm_up.wait()
        assert screen.warm_up.error is None
        assert gc.get_freeze_count() > at_first_card  # the grader's tables joined them
        await pilot.press("space", "3")  # studying goes on as before
        await pilot.pause()
        assert screen.phase in {"question", "playing", "idle"}
