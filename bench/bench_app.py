"""Benchmark of the study app, whole process: launch to the first card drawn, keypress to
the next card, peak memory; and a check that a study session never imports jieba.

    .venv/bin/python bench/bench_app.py [--runs 5] [--cards 100000] [--reviews 1000000]

Launch times are ratios against `python -c "import textual.app"` measured in the same run
(the machine is noisy). `quiz study` runs headless with QUIZ_BENCH_EXIT_ON_FIRST_CARD=1,
which makes the app exit as soon as the first card is mounted and painted. Targets: under
1 s on the sample collection, under 1.5 s with 100,000 cards; under 20 ms from the rating
key to the next card, also when it is a choice card ("key -> choice card": the keys that
put one up; `--choice always --keys 200` gives a few dozen on the 100k collection).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

OUT = ROOT / "bench" / "out"
PAST = datetime(2020, 1, 1, tzinfo=UTC).timestamp()


def run_child(cmd: Sequence[str], *, cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one child process."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        list(cmd), cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        raise SystemExit(f"{' '.join(cmd)} failed ({status}):\n{err[-2000:]}")
    if proc.stderr:
        proc.stderr.close()
    return elapsed, usage.ru_maxrss / 1024


def median_child(
    cmd: Sequence[str], runs: int, *, cwd: Path, env: dict[str, str]
) -> tuple[float, float]:
    results = [run_child(cmd, cwd=cwd, env=env) for _ in range(runs)]
    return statistics.median(t for t, _ in results), max(m for _, m in results)


def sample_collection(work: Path) -> Path:
    """A copy of the repository's sample collection (decks/ and seeds/) in `work`."""
    target = work / "sample"
    shutil.copytree(ROOT / "seeds", target / "seeds")
    if (ROOT / "decks").is_dir() and any((ROOT / "decks").glob("*.yaml")):
        shutil.copytree(ROOT / "decks", target / "decks")
    return target


def synthetic_collection(work: Path, n_cards: int, n_reviews: int) -> tuple[Path, Path]:
    """H3's synthetic database (copied) and its deck files, written once under bench/out
    with an old modification time (they were synced when the database was built)."""
    from bench.synth import CARDS_PER_DECK, cached_collection, synthetic_deck
    from quiz.deck import write_deck

    db = cached_collection(n_cards, n_reviews)
    decks_root = OUT / f"app-collection-c{n_cards}"
    folder = decks_root / "decks"
    n_decks = max(1, -(-n_cards // CARDS_PER_DECK))
    if not folder.is_dir() or len(list(folder.glob("*.yaml"))) != n_decks:
        folder.mkdir(parents=True, exist_ok=True)
        left = n_cards
        for number in range(n_decks):
            size = min(CARDS_PER_DECK, left)
            left -= size
            write_deck(
                synthetic_deck(f"synth{number:02d}", size, 0), folder / f"synth{number:02d}.yaml"
            )
    for path in folder.glob("*.yaml"):
        os.utime(path, (PAST, PAST))
    copy = work / "synth.db"
    shutil.copyfile(db, copy)
    return decks_root, copy


async def rate_and_wait_for_next_card(app: Any, screen: Any, item: Any) -> float:
    """Seconds from the `3` key event reaching the app to the next card painted.

    The key goes in the way the terminal driver sends it; the clock stops after the first
    screen refresh that follows the new card being put up (Pilot's own waiting, which
    polls for an idle process, is left out).
    """
    from textual import events

    key = events.Key("3", "3")
    key.set_sender(app)
    started = time.perf_counter()
    app._driver.send_message(key)
    while screen.item is item and screen.phase != "idle":
        await asyncio.sleep(0)
    painted = asyncio.Event()
    screen.call_after_refresh(painted.set)
    await painted.wait()
    return time.perf_counter() - started


async def grader_warmed_up(app: Any, pilot: Any, timeout: float = 10.0) -> None:
    """Wait for the study screen's warm-up (the grader's tables, loaded in a thread 0.3 s
    after the first card: ~0.4 s holding the GIL much of the time) to end. A person is
    still reading the first card then; keys pressed meanwhile would time the thread."""
    from quiz.tui.screens.study import StudyScreen

    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        screen = app.screen
        if not isinstance(screen, StudyScreen) or screen.item is None:
            return  # no card: nothing is warmed up
        if screen.warm_up is not None:
            await screen.warm_up.wait()
            return
        await pilot.pause(0.05)


async def keypress_latency(
    collection: Path,
    db: Path,
    cards: int,
    freeze: bool = True,
    choice: str = "new",
    custom: str | None = None,
) -> tuple[list[float], list[float], set[str]]:
    """Seconds from the rating key to the next card, for up to `cards` revealed cloze
    cards (or choice cards, picked right) answered Good; those of them where the next card
    is a choice card (its options are found on that key); and the modules loaded after the
    session. With `freeze` off the
    app's `gc.freeze()` calls do nothing (the latency as it was before them). `custom`: a
    custom study of that search (`quiz study --filter`) instead of the day's queue."""
    import gc

    real_freeze = gc.freeze
    gc.unfreeze()  # each measurement starts from an ordinary heap
    if not freeze:
        gc.freeze = lambda: None  # this process only; the real one is put back below
    from quiz.commands.app import open_collection
    from quiz.config import Config
    from quiz.custom import select_cards
    from quiz.store import Store
    from quiz.tui.app import QuizApp
    from quiz.tui.screens.study import StudyScreen

    def clock() -> datetime:
        return datetime.now(UTC)

    timings: list[float] = []
    to_choice: list[float] = []  # the keys that put up a choice card
    choices = [0]  # how many of them were choice cards
    os.chdir(collection)
    with Store.open(db) as store:
        shelf, _names, _problems = open_collection(collection, store, [], clock())
        config = Config(choice=choice)  # type: ignore[arg-type]
        chosen = None
        if custom is not None:
            started = time.perf_counter()
            chosen = select_cards(store, list(shelf), custom, clock(), config)
            print(
                f"  custom study {custom!r}: {chosen.describe()}, chosen in "
                f"{(time.perf_counter() - started) * 1000:.0f} ms"
            )
        app = QuizApp(store, shelf, config, clock, study=[], custom=chosen, cursor_blink=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await grader_warmed_up(app, pilot)
            for _ in range(cards):
                screen = app.screen
                await pilot.pause()
                if not isinstance(screen, StudyScreen) or screen.item is None:
                    break
                item = screen.item
                if screen.phase == "question":
                    await pilot.press("space")
                elif screen.phase == "choosing":
                    choices[0] += 1
                    await pilot.press(str(screen.choice.right + 1))
                elif screen.phase == "playing":
                    await pilot.press("minus")  # matching rounds are timed in the tests
                    continue
                timings.append(await rate_and_wait_for_next_card(app, screen, item))
                if screen.phase == "choosing":
                    to_choice.append(timings[-1])
            await pilot.press("escape")
            await pilot.pause()
    gc.freeze = real_freeze
    gc.unfreeze()
    print(f"  ({choices[0]} of the {len(timings)} cards were choice cards)")
    return timings, to_choice, set(sys.modules)


def report(
    label: str, seconds: float, mem: float, baseline: float | None = None, target: str = ""
) -> None:
    ratio = f"{seconds / baseline:5.1f}x baseline" if baseline else ""
    print(f"{label:<44} {seconds * 1000:7.0f} ms {mem:6.0f} MB peak  {ratio}  {target}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--keys", type=int, default=30, help="cards answered for the latency")
    parser.add_argument(
        "--compare-gc",
        action="store_true",
        help="also measure the big collection's key latency without the app's gc.freeze()",
    )
    parser.add_argument(
        "--choice",
        choices=("new", "always", "never"),
        default="new",
        help="[study] choice for the key latency (always: every card that has one)",
    )
    parser.add_argument(
        "--custom",
        action="store_true",
        help="also measure the big collection's key latency in two custom studies "
        "(is:due: real reviews; -is:due is:review: crammed cards)",
    )
    args = parser.parse_args()

    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="quiz-bench-app-") as tmp:
        work = Path(tmp)
        env = dict(
            os.environ, QUIZ_BENCH_EXIT_ON_FIRST_CARD="1", QUIZ_CONFIG=str(work / "none.toml")
        )
        baseline, base_mem = median_child(
            [python, "-c", "import textual.app"], args.runs, cwd=work, env=env
        )
        report("baseline: python -c 'import textual.app'", baseline, base_mem)

        sample = sample_collection(work)
        sample_env = dict(env, QUIZ_DB=str(work / "sample.db"))
        quiz = [python, "-m", "quiz", "study"]
        cold, cold_mem = run_child(quiz, cwd=sample, env=sample_env)
        report("sample: first launch (new database, sync)", cold, cold_mem, baseline)
        warm, warm_mem = median_child(quiz, args.runs, cwd=sample, env=sample_env)
        report("sample: launch -> first card", warm, warm_mem, baseline, "target < 1000 ms")

        synth_root, synth_db = synthetic_collection(work, args.cards, args.reviews)
        synth_env = dict(env, QUIZ_DB=str(synth_db))
        big, big_mem = median_child(quiz, args.runs, cwd=synth_root, env=synth_env)
        label = f"{args.cards:,} cards: launch -> first card"
        report(label, big, big_mem, baseline, "target < 1500 ms")

        big_label = f"{args.cards // 1000}k"
        runs: list[tuple[str, Path, Path, bool, str | None]] = [
            ("sample", sample, work / "sample.db", True, None),
            (big_label, synth_root, synth_db, True, None),
        ]
        if args.compare_gc:
            runs.append((f"{big_label} nofrz", synth_root, synth_db, False, None))
        if args.custom:  # custom study: real reviews (due today), then crammed cards
            runs.append((f"{big_label} is:due", synth_root, synth_db, True, "is:due"))
            runs.append((f"{big_label} cram", synth_root, synth_db, True, "-is:due is:review"))
        for label, root, db, freeze, custom in runs:
            timings, to_choice, modules = asyncio.run(
                keypress_latency(root, db, args.keys, freeze, args.choice, custom)
            )
            for what, seconds in (("next card", timings), ("choice card", to_choice)):
                if not seconds:
                    continue
                ms = sorted(t * 1000 for t in seconds)
                p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
                print(
                    f"{label:<13} key -> {what}  median {statistics.median(ms):5.1f} ms"
                    f"  p95 {p95:5.1f} ms  max {ms[-1]:5.1f} ms"
                    f"  ({ms[-1] / baseline / 1000:4.2f}x baseline)"
                    f"  over {len(ms)} cards  (target < 20 ms)"
                )
            assert "jieba" not in modules, "a study session imported jieba"
            optimiser = {"quiz.optimize", "fsrs_rs_python", "tomlkit"} & set(modules)
            assert not optimiser, f"a study session imported the optimiser: {optimiser}"
        print("jieba and the FSRS optimiser stayed out of the study session: ok")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
