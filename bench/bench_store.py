"""Store benchmark on a synthetic collection (100,000 cards, 1,000,000 log rows by default).

Reports median and p95 of: picking the next card (the due/new queries the engine runs),
committing an answer (`record_review`), syncing an unchanged 10,000-card deck (hash skip
and forced full sync), and the database size. Each figure is also given as a ratio to a
baseline measured in the same run on the same disk (a bare `SELECT 1`; a bare one-row
INSERT + COMMIT with the same pragmas), since the machine is shared and noisy.

    .venv/bin/python bench/bench_store.py [--cards 100000] [--reviews 1000000] [--repeat 200]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, timedelta
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synth import CARDS_PER_DECK, NOW, cached_collection, synthetic_deck
from quiz.config import Config
from quiz.deck import load_deck, write_deck
from quiz.review_order import ReviewOrder
from quiz.store import CardState, CardStatus, Store
from quiz.store.queue import due_reviews


@dataclass(frozen=True)
class Timing:
    name: str
    samples: list[float]  # ms

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def measure(name: str, action: Callable[[int], object], repeat: int) -> Timing:
    samples = []
    for n in range(repeat):
        started = time.perf_counter()
        action(n)
        samples.append((time.perf_counter() - started) * 1000)
    return Timing(name, samples)


def baselines(folder: Path, repeat: int) -> tuple[Timing, Timing]:
    """A bare SELECT 1 round trip and a bare one-row INSERT + COMMIT (WAL, NORMAL)."""
    conn = sqlite3.connect(folder / "baseline.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER)")
    select = measure("SELECT 1", lambda n: conn.execute("SELECT 1").fetchone(), repeat)

    def insert(n: int) -> None:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (v) VALUES (?)", (n,))
        conn.execute("COMMIT")

    write = measure("INSERT+COMMIT", insert, repeat)
    conn.close()
    return select, write


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    cached = cached_collection(args.cards, args.reviews, args.seed)
    print(f"collection: {cached.name} ready in {time.perf_counter() - started:.1f} s")
    size_mb = cached.stat().st_size / 1e6

    with tempfile.TemporaryDirectory(prefix="quiz-bench-") as tmp:
        folder = Path(tmp)
        db_path = folder / "quiz.db"
        shutil.copyfile(cached, db_path)  # answers are written: work on a copy
        select_1, insert_1 = baselines(folder, args.repeat)
        results: list[tuple[Timing, Timing, float | None]] = []

        with Store.open(db_path, now=NOW) as store:
            decks = store.deck_names()
            one = decks[:1]
            now = NOW
            day_start = now.replace(hour=4, minute=0, second=0, microsecond=0)
            day_end = day_start + timedelta(days=1)
            learn_ahead = now + timedelta(minutes=20)
            learning = [CardStatus.LEARNING, CardStatus.RELEARNING]

            def queue_reads(
                names: list[str], learning_limit: int | None, reviews: int, new: int
            ) -> tuple[Callable[[], list], Callable[[], list], Callable[[], list]]:
                """The engine's three queue reads: learning due, reviews due, new cards."""
                return (
                    lambda: store.due_cards(
                        names, learn_ahead, now=now, statuses=learning, limit=learning_limit
                    ),
                    lambda: store.due_cards(
                        names,
                        day_end,
                        now=now,
                        statuses=[CardStatus.REVIEW],
                        order="retrievability",
                        limit=reviews,
                        bury_siblings_since=day_start,
                    ),
                    lambda: store.new_cards(
                        names, now=now, limit=new, bury_siblings_since=day_start
                    ),
                )

            def next_card(names: list[str]) -> Callable[[int], object]:
                learning_due, reviews_due, new_cards = queue_reads(names, 1, 1, 1)
                return lambda _n: learning_due() or reviews_due() or new_cards()

            def full_queue(names: list[str]) -> Callable[[int], object]:
                reads = queue_reads(names, None, 200, 20)
                return lambda _n: tuple(read() for read in reads)

            due_today = store.deck_counts(decks, now=now, day_end=day_end)
            print(
                f"due today: {sum(c.due for c in due_today.values())} reviews, "
                f"{sum(c.learning for c in due_today.values())} learning, "
                f"{sum(c.new for c in due_today.values())} new over {len(decks)} decks"
            )
            pick_one = measure("next card, 1 deck", next_card(one), args.repeat)
            results.append((pick_one, select_1, 5.0))
            pick_all = measure(f"next card, {len(decks)} decks", next_card(decks), args.repeat)
            results.append((pick_all, select_1, 5.0))
            review_pick = measure(
                f"next review in SQL (lowest R, siblings buried), {len(decks)} decks",
                lambda _n: store.due_cards(
                    decks,
                    day_end,
                    now=now,
                    statuses=[CardStatus.REVIEW],
                    order="retrievability",
                    limit=1,
                    bury_siblings_since=day_start,
                ),
                args.repeat,
            )
            results.append((review_pick, select_1, None))  # not what the session runs
            # What the study session does instead: the day's due reviews read once from the
            # index and ordered by retrievability in memory, then each pick is a lookup.
            config = Config(timezone=UTC)

            def day_order(_n: int) -> ReviewOrder:
                return ReviewOrder(
                    due_reviews(store, decks, day_end, now=now), now=now, config=config
                )

            reading = measure(
                f"day's review order: read + order ({len(decks)} decks, once a day)",
                day_order,
                max(5, args.repeat // 20),
            )
            results.append((reading, select_1, None))
            order = day_order(0)

            def next_review(n: int) -> object:
                heads = order.heads(now, 1)
                row = store.card(*heads[0])
                if n % 2:
                    order.discard(heads[0])  # answered: the next one comes up
                return row

            from_order = measure(
                f"next review from the day's order (+ its row), {len(decks)} decks",
                next_review,
                args.repeat,
            )
            results.append((from_order, select_1, 5.0))
            new_pick = measure(
                f"next new card (siblings buried), {len(decks)} decks",
                lambda _n: store.new_cards(decks, now=now, limit=1, bury_siblings_since=day_start),
                args.repeat,
            )
            results.append((new_pick, select_1, 5.0))
            queue = measure(
                f"full queue (200 rev + 20 new), {len(decks)} decks",
                full_queue(decks),
                max(10, args.repeat // 10),
            )
            results.append((queue, select_1, None))
            counts = measure(
                f"deck_counts, {len(decks)} decks",
                lambda _n: store.deck_counts(decks, now=now, day_end=day_end),
                max(10, args.repeat // 10),
            )
            results.append((counts, select_1, None))

            targets = [c.card_id for c in store.cards(one)[: args.repeat]]
            session = store.start_session(one, now)

            def answer(n: int) -> None:
                moment = now + timedelta(seconds=n)
                state = CardState(
                    status=CardStatus.REVIEW,
                    stability=3.0,
                    difficulty=5.0,
                    due=moment + timedelta(days=3),
                    last_review=moment,
                    reps=1,
                )
                store.record_review(
                    one[0],
                    targets[n % len(targets)],
                    rating=3,
                    kind="review",
                    after=state,
                    now=moment,
                    session_id=session,
                    duration_ms=4000,
                    typed="答案",
                )

            results.append((measure("record_review", answer, args.repeat), insert_1, 5.0))

            deck = synthetic_deck(one[0], min(CARDS_PER_DECK, args.cards), args.seed)
            runs = max(5, args.repeat // 20)
            skip = measure(
                f"sync unchanged {len(deck)}-card deck (hash skip)",
                lambda _n: store.sync_deck(deck, now=now),
                runs,
            )
            results.append((skip, select_1, 500.0))
            forced = measure(
                f"sync unchanged {len(deck)}-card deck (forced)",
                lambda _n: store.sync_deck(deck, now=now, force=True),
                runs,
            )
            results.append((forced, insert_1, 500.0))
            deck_file = folder / f"{deck.name}.yaml"
            write_deck(deck, deck_file)
            loading = measure(
                f"load_deck {len(deck)}-card YAML (for scale)",
                lambda _n: load_deck(deck_file),
                3,
            )
            results.append((loading, select_1, None))
            report = store.sync_deck(deck, now=now, force=True)
            assert not report.changed, report.format()

    print(
        f"\nbaselines: SELECT 1 median {select_1.median * 1000:.1f} us; "
        f"INSERT+COMMIT median {insert_1.median * 1000:.1f} us"
    )
    print(f"{'measure':48} {'median ms':>10} {'p95 ms':>9} {'x baseline':>11}  target")
    for timing, base, target in results:
        ratio = timing.median / base.median if base.median else float("inf")
        verdict = ""
        if target is not None:
            verdict = f"< {target:g} ms {'ok' if timing.median < target else 'MISSED'}"
        print(
            f"{timing.name:48} {timing.median:10.3f} {timing.p95:9.3f} "
            f"{ratio:10.0f}x  {verdict}  (vs {base.name})"
        )
    print(f"{'database size':48} {size_mb:10.1f} MB ({args.cards} cards, {args.reviews} reviews)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
