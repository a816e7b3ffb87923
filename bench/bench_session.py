"""Study-session benchmark on the synthetic collection (100,000 cards, 1,000,000 log rows).

Reports median and p95 of what the app waits for while studying: opening a session over
every deck (unchanged decks, sync skipped), opening one and reading its first card (the
day's answer counts and review order are read then), reading the queue (`next_card`, `counts`; the
clock moves 2 s each time so no read is reused), answering a card and reading the next
one, and undoing an answer. Each figure is also a ratio to a baseline measured in the same
run (a bare `SELECT 1`; a bare one-row INSERT + COMMIT), since the machine is noisy.

    .venv/bin/python bench/bench_session.py [--cards 100000] [--reviews 1000000] [--repeat 100]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_store import Timing, baselines, measure
from bench.synth import CARDS_PER_DECK, NOW, cached_collection, synthetic_deck
from quiz.config import Config
from quiz.deck import Deck
from quiz.session import StudySession
from quiz.srs import Rating
from quiz.store import Store


class _Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def tick(self, seconds: float = 2.0) -> None:
        self.now += timedelta(seconds=seconds)


def _measure_session(
    db_path: Path, decks: list[Deck], config: Config, label: str, repeat: int
) -> list[Timing]:
    """Time a session's operations on the database at `db_path`; names ending in [w]
    write (compared with INSERT+COMMIT), the others read (compared with SELECT 1)."""
    clock = _Clock(NOW)
    results: list[Timing] = []
    with Store.open(db_path, now=NOW) as store:
        opened = measure(
            f"{label}: open a session over {len(decks)} decks",
            lambda _n: StudySession(store, decks, config, clock).close(),
            max(5, repeat // 10),
        )
        results.append(opened)
        names: list[Deck | str] = [deck.name for deck in decks]
        results.append(
            measure(
                f"{label}: open by deck name (app: synced)",
                lambda _n: StudySession(store, names, config, clock, synced=True).close(),
                max(5, repeat // 10),
            )
        )

        def first_card_by_name(_n: int) -> None:
            fresh = StudySession(store, names, config, clock, synced=True)
            fresh.next_card()  # the card's body comes from the store, not a Deck object
            fresh.close()

        results.append(
            measure(
                f"{label}: by name: open + first card", first_card_by_name, max(5, repeat // 10)
            )
        )

        def first_card(_n: int) -> None:
            fresh = StudySession(store, decks, config, clock)
            fresh.next_card()  # reads the day: answer counts and the due reviews' order
            fresh.close()

        results.append(measure(f"{label}: open + first card", first_card, max(5, repeat // 10)))
        session = StudySession(store, decks, config, clock)

        def next_card(_n: int) -> object:
            clock.tick()
            return session.next_card()

        def counts(_n: int) -> object:
            clock.tick()
            return session.counts()

        def answer(n: int) -> None:
            clock.tick()
            item = session.next_card()
            assert item is not None, "the synthetic collection ran out of cards"
            session.answer(item, Rating(n % 4 + 1), duration_ms=4000)
            session.next_card()

        results.append(measure(f"{label}: next card", next_card, repeat))
        results.append(measure(f"{label}: counts", counts, repeat))
        results.append(measure(f"{label}: answer + next card [w]", answer, repeat))
        results.append(measure(f"{label}: undo [w]", lambda _n: session.undo(), repeat // 2))
        session.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=100)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    cached = cached_collection(args.cards, args.reviews, args.seed)
    print(f"collection: {cached.name} ready in {time.perf_counter() - started:.1f} s")
    n_decks = max(1, -(-args.cards // CARDS_PER_DECK))
    sizes = [min(CARDS_PER_DECK, args.cards - n * CARDS_PER_DECK) for n in range(n_decks)]
    decks = [synthetic_deck(f"synth{n:02d}", size, args.seed) for n, size in enumerate(sizes)]
    # The synthetic log already holds ~540 reviews "today": leave room for more.
    configs = {
        "limits 20 new / 1000 reviews": Config(timezone=UTC, reviews_per_day=1000),
        "no daily limits": Config(timezone=UTC, new_per_day=9999, reviews_per_day=99999),
    }

    with tempfile.TemporaryDirectory(prefix="quiz-bench-session-") as tmp:
        folder = Path(tmp)
        db_path = folder / "quiz.db"
        shutil.copyfile(cached, db_path)  # answers are written: work on a copy
        select_1, insert_1 = baselines(folder, args.repeat)
        timings: list[Timing] = []
        for label, config in configs.items():
            for extra in ("-wal", "-shm"):
                Path(f"{db_path}{extra}").unlink(missing_ok=True)
            shutil.copyfile(cached, db_path)
            timings.extend(_measure_session(db_path, decks, config, label, args.repeat))
        results = [
            (timing, insert_1 if timing.name.endswith("[w]") else select_1) for timing in timings
        ]

    print(f"baselines: SELECT 1 {select_1.median:.3f} ms, INSERT+COMMIT {insert_1.median:.3f} ms")
    width = max(len(timing.name) for timing, _ in results)
    for timing, base in results:
        ratio = timing.median / base.median if base.median else float("nan")
        print(
            f"{timing.name:<{width}}  median {timing.median:8.2f} ms  p95 {timing.p95:8.2f} ms"
            f"  = {ratio:8.1f}x {base.name}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
