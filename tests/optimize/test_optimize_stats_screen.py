"""The stats screen says which FSRS parameters are in use: the defaults, the optimised
ones (when, from how many reviews), or weights typed into the config."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Static

from quiz.config import Config, Optimized, parameters_digest
from quiz.optimize import default_parameters
from quiz.store import Store
from quiz.tui.screens.stats import StatsScreen

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "stats"))
from stats_log import CONFIG, NOW, build_log  # noqa: E402

# the defaults with the first weight (initial stability after Again) lowered: every weight
# stays within FSRS's bounds (0.9 times them all puts w[7] = 0.001 below its 0.001)
WEIGHTS = (round(default_parameters()[0] * 0.9, 4), *default_parameters()[1:])
RECORD = Optimized(
    at=datetime(2026, 11, 20, 23, 30, tzinfo=UTC),
    reviews=4321,
    cards=250,
    decks=("d",),
    log_loss=0.41,
    rmse=0.03,
    digest=parameters_digest(WEIGHTS),
)


class Host(App[None]):
    def __init__(self, store: Store, config: Config) -> None:
        super().__init__()
        self.store = store
        self.config_ = config

    def on_mount(self) -> None:
        self.push_screen(StatsScreen(self.store, ["d"], self.config_, lambda: NOW))


@pytest.mark.parametrize(
    ("config", "shown"),
    [
        (CONFIG, "FSRS parameters: default (`quiz optimize` fits them to your answers)"),
        (
            replace(CONFIG, fsrs_parameters=WEIGHTS, fsrs_optimized=RECORD),
            # 23:30 UTC is the next morning in the config's zone (Asia/Shanghai)
            "FSRS parameters: optimised on 2026-11-21 from 4,321 reviews of 250 cards (d)",
        ),
        (replace(CONFIG, fsrs_parameters=WEIGHTS), "FSRS parameters: set in the config file"),
    ],
)
async def test_the_parameters_in_use_are_shown(
    tmp_path: Path, config: Config, shown: str
) -> None:
    with Store.open(tmp_path / "log.db") as store:
        build_log(store)
        app = Host(store, config)
        async with app.run_test(size=(120, 40)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, StatsScreen)
            text = str(app.screen.query_one("#stats-retention", Static).render())
            assert shown in text
