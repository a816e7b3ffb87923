"""Benchmark `quiz stats --json` and the stats screen on 100,000 cards and 1,000,000 reviews.

Whole processes are timed against two baselines measured in the same run, interleaved
(the machine is shared and noisy): starting Python to `import quiz.store`, and one
`SELECT count(*)` over the review log. The stats screen is timed with Textual's Pilot,
from pushing the screen to its figures being on screen. Goals: stats under 1 s, the
screen's figures all shown under 0.5 s.

    .venv/bin/python bench/bench_stats.py [--cards N] [--reviews N] [--rounds N]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synth import NOW, cached_collection

PYTHON = sys.executable


def _run(argv: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - started) * 1000


def time_processes(db: Path, rounds: int) -> dict[str, list[float]]:
    """Milliseconds per round for each command, run in turn so noise hits all alike."""
    commands = {
        "python -c 'import quiz.store'": [PYTHON, "-c", "import quiz.store"],
        "SELECT count(*) FROM review_log": [
            PYTHON,
            "-c",
            "import sqlite3, sys; sqlite3.connect(sys.argv[1])"
            ".execute('SELECT count(*) FROM review_log').fetchone()",
            str(db),
        ],
        "quiz stats --json": [
            PYTHON,
            "-m",
            "quiz",
            "--db",
            str(db),
            "stats",
            "--json",
            "--now",
            NOW.isoformat(),
        ],
    }
    for argv in commands.values():  # warm the page cache and the import caches
        _run(argv)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, argv in commands.items():
            times[name].append(_run(argv))
    return times


def time_in_process(db: Path, rounds: int) -> list[float]:
    """The queries and the figures alone, without starting Python."""
    from quiz.config import Config
    from quiz.stats import compute
    from quiz.store import Store
    from quiz.store.stats_queries import stats_rows

    config = Config(timezone=UTC)
    out = []
    with Store.open(db) as store:
        for _ in range(rounds + 1):
            started = time.perf_counter()
            compute(stats_rows(store, now=NOW, config=config), now=NOW, config=config)
            out.append((time.perf_counter() - started) * 1000)
    return out[1:]


def time_queries(db: Path, rounds: int) -> dict[str, list[float]]:
    """Each stats query alone, in process: where the time of the figures goes."""
    from quiz.config import Config
    from quiz.store import Store
    from quiz.store import stats_queries as q

    config = Config(timezone=UTC)
    queries = {
        "answers per day (answer_hours)": lambda d: q.day_rows(d, config),
        "retention windows (index)": lambda d: q.retention_rows(d, NOW, config),
        "cards by state": lambda d: q.card_counts(d),
        "due forecast": lambda d: q.due_rows(d, NOW, config),
        "sections (card tallies)": lambda d: q.section_rows(d),
        "weakest by lapses": lambda d: q.weak_by_lapses(d),
        "weakest by recall": lambda d: q.weak_by_retrievability(d, NOW),
    }
    times: dict[str, list[float]] = {name: [] for name in queries}
    with Store.open(db) as store:
        database = q.database_of(store)
        for _ in range(rounds):
            for name, query in queries.items():
                started = time.perf_counter()
                query(database)
                times[name].append((time.perf_counter() - started) * 1000)
    return times


def time_screen(db: Path, rounds: int) -> tuple[list[float], list[float]]:
    """Milliseconds from pushing the stats screen to its first figures (everything but the
    sections) and to all of them being set on its widgets (the screen posts a message
    right after; the handler takes the time)."""
    from textual.app import App

    from quiz.config import Config
    from quiz.store import Store
    from quiz.tui.screens.stats import StatsScreen

    config = Config(timezone=UTC)

    async def once(store: Store) -> tuple[float, float]:
        marks: dict[str, float] = {}
        loaded = asyncio.Event()

        class Host(App[None]):
            def on_stats_screen_first_figures(self, _: StatsScreen.FirstFigures) -> None:
                marks["first"] = time.perf_counter()

            def on_stats_screen_loaded(self, _: StatsScreen.Loaded) -> None:
                marks["all"] = time.perf_counter()
                loaded.set()

        app = Host()
        async with app.run_test(size=(120, 40)):
            started = time.perf_counter()
            await app.push_screen(StatsScreen(store, [], config, lambda: NOW))
            await loaded.wait()
        return (marks["first"] - started) * 1000, (marks["all"] - started) * 1000

    with Store.open(db) as store:
        pairs = [asyncio.run(once(store)) for _ in range(rounds)]
    return [a for a, _ in pairs], [b for _, b in pairs]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    db = cached_collection(args.cards, args.reviews)
    from quiz.store import Store

    Store.open(db).close()  # migrate once, outside the timings
    print(
        f"collection: {db.name} ({db.stat().st_size / 1e6:.0f} MB), {datetime.now(UTC):%H:%M} UTC"
    )
    times = time_processes(db, args.rounds)
    base = statistics.median(times["python -c 'import quiz.store'"])
    for name, values in times.items():
        median = statistics.median(values)
        print(
            f"{name:34} median {median:7.1f} ms  (min {min(values):6.1f})"
            f"  {median / base:5.2f}x import baseline"
        )
    stats_ms = statistics.median(times["quiz stats --json"])
    count_ms = statistics.median(times["SELECT count(*) FROM review_log"])
    print(f"quiz stats --json vs count(*) process: {stats_ms / count_ms:.2f}x")
    inside = time_in_process(db, args.rounds)
    print(f"{'queries + figures, in process':34} median {statistics.median(inside):7.1f} ms")
    first, screen = time_screen(db, args.rounds)
    print(f"{'stats screen, first figures (Pilot)':34} median {statistics.median(first):7.1f} ms")
    print(f"{'stats screen, all figures (Pilot)':34} median {statistics.median(screen):7.1f} ms")
    for name, values in time_queries(db, args.rounds).items():
        print(f"  {name:32} median {statistics.median(values):7.1f} ms")
    verdict = "OK" if stats_ms < 1000 and statistics.median(screen) < 500 else "SLOW"
    print(f"goal: stats < 1000 ms, screen (all figures) < 500 ms: {verdict}")


if __name__ == "__main__":
    main()
