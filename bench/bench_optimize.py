"""Benchmark of `quiz optimize` on the 1,000,000-review bench collection: the whole
command (read the log, build the histories, fit 21 parameters, evaluate both sets),
run in a pseudo-terminal so that its progress bar is drawn as a user sees it.

    .venv/bin/python bench/bench_optimize.py [--cards 100000] [--reviews 1000000]
                                             [--synthetic N]

The baseline, measured in the same run, is a bare sqlite3 read of the same log rows
(what no optimiser can do without). Target: under 60 s on 1,000,000 reviews.

`--synthetic N` also fits N reviews generated from known parameters
(tests/optimize/fsrs_synth.py) in this process and prints the held-out log loss of the
defaults, the fit and the truth.
"""

from __future__ import annotations

import argparse
import os
import pty
import random
import re
import select
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\r")


def baseline_read(db: Path) -> tuple[float, int]:
    """Seconds to read every effective answer's card, time and rating with sqlite3."""
    started = time.perf_counter()
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT deck, card_id, reviewed_at, rating FROM review_log"
            " WHERE kind IN ('learn', 'review', 'relearn') ORDER BY reviewed_at, id"
        ).fetchall()
    finally:
        conn.close()
    return time.perf_counter() - started, len(rows)


def run_in_pty(cmd: list[str], env: dict[str, str]) -> tuple[float, int, str]:
    """Wall seconds, exit status and the screen text (escapes stripped) of `cmd` run on
    a pseudo-terminal (80 columns) as standard output and error."""
    master, slave = pty.openpty()
    os.set_blocking(master, False)
    env = dict(env, COLUMNS="80", LINES="24", TERM="xterm-256color")
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    status = proc.wait()
    elapsed = time.perf_counter() - started
    os.close(master)
    text = ANSI.sub("\n", b"".join(chunks).decode("utf-8", "replace"))
    return elapsed, status, text


def synthetic_fit(n_reviews: int) -> None:
    sys.path.insert(0, str(ROOT / "tests" / "optimize"))
    from fsrs_synth import DEFAULT, synthetic_log, true_parameters

    from quiz import optimize

    started = time.perf_counter()
    log = list(synthetic_log(n_reviews, seed=11))
    made = time.perf_counter() - started
    cards = sorted({a.card for a in log})
    random.Random(1).shuffle(cards)
    held = set(cards[: len(cards) // 5])

    def histories(keep: bool) -> dict[tuple[str, str], list[tuple[int, int]]]:
        return optimize.card_histories(
            optimize.Answer(("s", str(a.card)), a.day, a.rating, a.state_before, a.state_after)
            for a in log
            if (a.card in held) == keep
        )

    train, test = histories(False), histories(True)
    started = time.perf_counter()
    fit = optimize.optimize(train, answers=len(log))
    fitted = time.perf_counter() - started
    items = optimize.training_items(test.values())
    print(
        f"synthetic: {len(log):,} answers generated in {made:.1f} s; fit and evaluation on "
        f"{fit.reviews:,} reviews {fitted:.1f} s"
    )
    for name, weights in (("default", DEFAULT), ("fitted", fit.parameters)):
        ev = optimize.evaluate(weights, items)
        print(f"  held-out {len(items):,} reviews, {name:8} log loss {ev.log_loss:.4f}"
              f"  RMSE {ev.rmse:.2%}")
    ev = optimize.evaluate(true_parameters(), items)
    print(f"  held-out {len(items):,} reviews, {'truth':8} log loss {ev.log_loss:.4f}"
          f"  RMSE {ev.rmse:.2%}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--synthetic", type=int, default=0, metavar="N")
    args = parser.parse_args()

    from bench.synth import cached_collection

    source = cached_collection(args.cards, args.reviews)
    with tempfile.TemporaryDirectory(prefix="quiz-bench-optimize-") as tmp:
        db = Path(tmp) / "quiz.db"
        shutil.copyfile(source, db)
        config = Path(tmp) / "config.toml"
        config.write_text("", encoding="utf-8")
        base, rows = baseline_read(db)
        print(f"baseline: sqlite3 reads the {rows:,} answers          {base:6.2f} s")
        env = dict(os.environ, QUIZ_CONFIG=str(config))
        cmd = [sys.executable, "-m", "quiz", "--db", str(db), "optimize", "--dry-run"]
        elapsed, status, screen = run_in_pty(cmd, env)
        if status != 0:
            print(screen[-3000:])
            raise SystemExit(f"quiz optimize failed ({status})")
        bar = "fitting 21 parameters" in screen and "reading the review log" in screen
        print(
            f"quiz optimize --dry-run on {args.reviews:,} reviews        {elapsed:6.2f} s"
            f"  {elapsed / base:5.1f}x baseline  target < 60 s"
            f"  (progress bar {'drawn' if bar else 'MISSING'})"
        )
        for line in screen.splitlines():
            if line.strip().startswith(("in use", "optimised now", "log loss")) or (
                "FSRS learns from" in line
            ):
                print("  " + line.rstrip())
        assert config.read_text(encoding="utf-8") == "", "--dry-run wrote the config"
    if args.synthetic:
        synthetic_fit(args.synthetic)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
