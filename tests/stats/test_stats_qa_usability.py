"""What a new user trips on in the scores: a mistyped deck name, deck names cut off,
'1 cards', cards that were just learnt listed as the weakest, sessions drawn as an
unlabelled sparkline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from stats_log import CONFIG, NOW
from textual.app import App
from textual.widgets import Static

from quiz.commands.stats import _deck_label, cell_width, render
from quiz.stats import StatsRows, compute
from quiz.store import Store
from quiz.store.stats_queries import stats_rows
from quiz.tui.screens.stats import StatsScreen
from quiz.tui.screens.stats import _deck_label as screen_deck_label
from quiz.tui.widgets.charts import BarChart, ColumnChart

ISO_NOW = NOW.isoformat()


def _quiz(*args: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    env = {"QUIZ_CONFIG": str(tmp / "none.toml"), "TZ": "Asia/Shanghai", "PATH": ""}
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args], capture_output=True, text=True, env=env, cwd=tmp
    )


def test_an_unknown_deck_is_an_error_naming_the_known_ones(log_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "log.csv"
    result = _quiz(
        "--db", str(log_db), "stats", "nosuch", "d", "--csv", str(target), "--now", ISO_NOW,
        tmp=tmp_path,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stdout == ""
    assert "no deck named nosuch (decks: d)" in result.stderr and str(log_db) in result.stderr
    assert "Traceback" not in result.stderr
    assert not target.exists()  # nothing half-written
    known = _quiz("--db", str(log_db), "stats", "d", "--now", ISO_NOW, tmp=tmp_path)
    assert known.returncode == 0 and "基层组织 (d)" in known.stdout


def test_sessions_are_listed_in_the_study_days_time_zone(log_db: Path, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[study]\ntimezone = "Asia/Shanghai"\n', encoding="utf-8")
    env = {"QUIZ_CONFIG": str(config), "TZ": "UTC", "PATH": ""}
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "--db", str(log_db), "stats", "--now", ISO_NOW],
        capture_output=True, text=True, env=env, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Session (Asia/Shanghai)" in result.stdout
    sessions = result.stdout.split("Session (Asia/Shanghai)", 1)[1].splitlines()
    assert sessions[1].split() == ["2026-11-24", "08:55", "study", "1", "100%"]  # 00:55 UTC


def test_json_and_csv_on_stdout_together_are_refused(log_db: Path, tmp_path: Path) -> None:
    both = _quiz("--db", str(log_db), "stats", "--json", "--csv", "-", tmp=tmp_path)
    assert both.returncode == 1 and both.stdout == ""
    assert "--json and --csv -" in both.stderr
    target = tmp_path / "log.csv"
    apart = _quiz("--db", str(log_db), "stats", "--json", "--csv", str(target), tmp=tmp_path)
    assert apart.returncode == 0 and apart.stdout.startswith("{")
    assert target.read_text(encoding="utf-8").startswith("id,deck,card_id")


def test_a_long_title_is_cut_but_the_deck_name_stays_whole() -> None:
    deck = SimpleNamespace(title="抓基層打基礎 鍛造黨的堅強組織體系", name="000_e348ded4e9286363")
    label = _deck_label(deck)
    assert label.endswith(" (000_e348ded4e9286363)") and label.startswith("抓基層")
    assert cell_width(label) <= 40
    english = SimpleNamespace(title="The French Revolution", name="english_notes")
    assert _deck_label(english) == "The French Revolution (english_notes)"
    assert screen_deck_label("基层组织", "d", 12) == "基层组织 (d)"
    assert screen_deck_label("d", "d", 12) == "d"


def test_singular_counts_and_no_just_learnt_card_among_the_weakest(log_db: Path) -> None:
    with Store.open(log_db) as store:
        rows = stats_rows(store, now=NOW, config=CONFIG)
    stats = compute(rows, now=NOW, config=CONFIG)
    out = render(stats, weak_below=CONFIG.desired_retention)
    fading = [c for c in stats.weakest_by_retrievability if c.retrievability < 0.9]
    fresh = [c for c in stats.weakest_by_retrievability if c.retrievability >= 0.9]
    assert fresh  # the log has a card reviewed this morning (recall 100%)
    lowest = out.split("Lowest recall now", 1)[1] if "Lowest recall now" in out else ""
    for card in fresh:
        if card not in fading and card.lapses == 0:
            assert (card.sentence or card.card_id)[:10] not in lowest
    due = sum(day.count for day in stats.forecast)
    assert f"({due} card{'' if due == 1 else 's'})" in out
    empty = render(compute(StatsRows(), now=NOW, config=CONFIG))
    assert "(0 cards)" in empty and "0 study days" in empty
    assert "Streak: 0 days (longest 0, 0 study days)." in empty


class Host(App[None]):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def on_mount(self) -> None:
        self.push_screen(StatsScreen(self.store, ["d"], CONFIG, lambda: NOW))


async def test_screen_sessions_as_labelled_bars_and_answers_per_day_with_dates(
    log_db: Path,
) -> None:
    with Store.open(log_db) as store:
        app = Host(store)
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, StatsScreen) and screen.stats is not None
            summary = str(screen.query_one("#stats-summary", Static).render())
            assert "3 answers today" in summary and "streak 3 days" in summary
            sessions = screen.query_one("#stats-sessions", BarChart).rows
            assert len(sessions) == len(screen.stats.sessions)
            first_label, first_score, first_caption = sessions[0]
            assert first_label.startswith("11-24 08:55")  # local (Shanghai) time
            assert first_score == 1.0 and first_caption == "100% of 1"
            per_day = screen.query_one("#stats-per-day", ColumnChart)
            assert per_day.labels == ("10-28", "11-26") and sum(per_day.values) > 0
            weakest = str(screen.query_one("#stats-weakest", Static).render())
            # a card reviewed this morning without a lapse is not weak
            assert " 0 lapses 100.0% recall" not in weakest
            assert " 1 lapse " in weakest and " 1 lapses" not in weakest  # issue 11
            for line in weakest.splitlines():
                assert "lapse" in line  # one card per line, none wrapped


def test_tables_fit_an_80_column_terminal(log_db: Path, tmp_path: Path) -> None:
    with Store.open(log_db) as store:
        rows = stats_rows(store, now=NOW, config=CONFIG)
    stats = compute(rows, now=NOW, config=CONFIG)
    narrow = render(stats, columns=80)
    assert max(cell_width(line) for line in narrow.splitlines()) <= 80
    assert "基层组织 (d)" in narrow  # a short title keeps its deck name beside it
    env = {"QUIZ_CONFIG": str(tmp_path / "none.toml"), "COLUMNS": "80", "PATH": ""}
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "--db", str(log_db), "stats", "--now", ISO_NOW],
        capture_output=True, text=True, env=env, cwd=tmp_path,
    )  # fmt: skip
    assert max(cell_width(line) for line in result.stdout.splitlines()) <= 80
