"""A synthetic collection for benchmarks: decks of cloze cards, a review history and the
card states it leads to, bulk-inserted into a real quiz database.

    from bench.synth import build_collection, cached_collection, synthetic_deck
    path = cached_collection(n_cards=100_000, n_reviews=1_000_000)   # built once, reused

The rows respect the schema (the store creates it; foreign keys and CHECKs stay on). The
memory model is a cheap stand-in for FSRS (stability grows on success, shrinks on a
lapse), enough to give realistic due dates, states and log shapes, not FSRS numbers.
"""

from __future__ import annotations

import os
import random
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quiz.deck import ClozeCard, Deck
from quiz.siblings import sibling_keys
from quiz.store import SCHEMA_VERSION, Store, to_ms
from quiz.store.sync import card_content, deck_hash

OUT = Path(__file__).resolve().parent / "out"
NOW = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)
DAY_MS = 86_400_000
CARDS_PER_DECK = 10_000
SYNTH_VERSION = 3
"""Part of the cache key: bump it when the generated data changes."""
HISTORY_DAYS = 730
MAX_INTERVAL_DAYS = 120
STUDIED_SHARE = 0.7
_CJK = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]


def synthetic_deck(name: str, n_cards: int, seed: int = 0) -> Deck:
    """A deck of `n_cards` cloze cards in random CJK text, 3 blanks per sentence
    (siblings), grouped in sections, four in five with an importance (0-100, spread
    evenly; the others have none, as hand-written cards); the same arguments give the
    same deck."""
    rng = random.Random(f"{name}:{seed}")
    scores = random.Random(f"{name}:{seed}:importance")  # apart: texts and ids stay as they were
    cards: list[ClozeCard] = []
    section = ""
    while len(cards) < n_cards:
        if len(cards) % 60 == 0:
            section = "".join(rng.choices(_CJK, k=8))
        sentence = "".join(rng.choices(_CJK, k=rng.randint(18, 40)))
        for _ in range(3):
            if len(cards) >= n_cards:
                break
            size = rng.randint(2, 4)
            start = rng.randint(0, len(sentence) - size)
            answer = sentence[start : start + size]
            text = f"{sentence[:start]}{{{{c1::{answer}}}}}{sentence[start + size :]}"
            card_id = f"{rng.getrandbits(48):012x}"
            importance = scores.randint(0, 100) if scores.random() < 0.8 else None
            cards.append(
                ClozeCard(
                    id=card_id,
                    text=text,
                    section=section,
                    line=len(cards) // 3 + 1,
                    importance=importance,
                )
            )
    return Deck(name=name, title=f"Synthetic {name}", cards=tuple(cards), source=None)


def _card_history(rng: random.Random, count: int, now_ms: int) -> tuple[list[Any], tuple[Any, ...]]:
    """`count` answers to one card, the last one before now: log rows and the final state.

    The history is simulated from time 0 and then shifted so that the card falls due
    somewhere between a month ago and two months ahead.
    """
    state, step, stability, difficulty = 0, None, None, None
    due = last = None
    reps = lapses = 0
    at = 0
    steps: list[tuple[Any, ...]] = []
    for _ in range(count):
        if due is not None:
            at = max(at + 60_000, due + rng.randint(-DAY_MS // 4, DAY_MS))
        rating = rng.choices((1, 2, 3, 4), weights=(10, 10, 70, 10))[0]
        before = (state, step, stability, difficulty, due, last, reps, lapses, int(lapses >= 8))
        kind = {0: "learn", 1: "learn", 2: "review", 3: "relearn"}[state]
        elapsed = None if last is None else (at - last) / DAY_MS
        if state == 0:
            stability = rng.uniform(0.5, 3.0)
            difficulty = rng.uniform(3.0, 8.0)
        assert stability is not None and difficulty is not None
        if rating == 1:
            if state == 2:
                lapses += 1
                state, step = 3, 0
            elif state == 0:
                state, step = 1, 0
            stability = max(0.1, stability * 0.4)
            difficulty = min(10.0, difficulty + 0.8)
            interval = 10 * 60_000
        else:
            state, step = 2, None
            stability = stability * {2: 1.1, 3: 1.5, 4: 2.2}[rating]
            difficulty = max(1.0, difficulty - (rating - 3) * 0.5)
            interval = min(int(stability * DAY_MS), MAX_INTERVAL_DAYS * DAY_MS)
        reps += 1
        last = at
        due = at + interval
        after = (state, step, stability, difficulty, due, last, reps, lapses, int(lapses >= 8))
        steps.append((at, rating, kind, before, after, elapsed))
    assert due is not None
    shift = now_ms + rng.randint(-30 * DAY_MS, 60 * DAY_MS) - due
    if at + shift > now_ms - 3_600_000:  # the last answer must be in the past: spread it
        shift = now_ms - at - rng.randint(3_600_000, 3 * DAY_MS)

    def moved(state_: tuple[Any, ...]) -> tuple[Any, ...]:
        s_due, s_last = state_[4], state_[5]
        return (
            *state_[:4],
            None if s_due is None else s_due + shift,
            None if s_last is None else s_last + shift,
            *state_[6:],
        )

    rows = [
        (t + shift, 480, r, rng.randint(1500, 20_000), k, *moved(b), *moved(a), e, None, 0)
        for t, r, k, b, a, e in steps
    ]
    return rows, moved(steps[-1][4])


def build_collection(
    db_path: str | os.PathLike[str],
    n_cards: int = 100_000,
    n_reviews: int = 1_000_000,
    seed: int = 0,
    *,
    now: datetime = NOW,
) -> Path:
    """Create a quiz database at `db_path` (which must not exist) with `n_cards` cards in
    decks of CARDS_PER_DECK (`synth00`, `synth01`…) and about `n_reviews` log rows spread
    over the two years before `now`. Returns the path."""
    path = Path(db_path)
    if path.exists():
        raise FileExistsError(f"{path} exists; build_collection makes a new database")
    rng = random.Random(seed)
    now_ms = to_ms(now)
    n_decks = max(1, -(-n_cards // CARDS_PER_DECK))
    studied = max(1, int(n_cards * STUDIED_SHARE))
    per_card = max(1, n_reviews // studied)
    extra = n_reviews - per_card * studied
    with Store.open(path, now=now) as store:
        conn = store._db.conn
        remaining_cards = n_cards
        card_index = 0
        reviews_left = n_reviews
        conn.execute("PRAGMA synchronous = OFF")
        for number in range(n_decks):
            size = min(CARDS_PER_DECK, remaining_cards)
            remaining_cards -= size
            deck = synthetic_deck(f"synth{number:02d}", size, seed)
            with store._db.atomic():
                conn.execute(
                    "INSERT INTO decks (name, title, source, content_hash, synced_at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (deck.name, deck.title, deck.source, deck_hash(deck), now_ms),
                )
                card_rows: list[tuple[Any, ...]] = []
                log_rows: list[tuple[Any, ...]] = []
                groups = sibling_keys(deck.cards)
                for position, card in enumerate(deck.cards):
                    content = card_content(card, position, groups[card.id])
                    state: tuple[Any, ...] = (0, None, None, None, None, None, 0, 0, 0)
                    is_studied = card_index % 10 < STUDIED_SHARE * 10 and reviews_left > 0
                    card_index += 1
                    if is_studied:
                        count = per_card + (1 if extra > 0 else 0)
                        extra -= 1
                        rows, final = _card_history(rng, min(count, reviews_left), now_ms)
                        if rows:
                            state = final
                            reviews_left -= len(rows)
                            log_rows.extend((deck.name, card.id, *row) for row in rows)
                    added = now_ms - HISTORY_DAYS * DAY_MS
                    card_rows.append((deck.name, card.id, *content, *state, 0, None, added))
                conn.executemany(
                    "INSERT INTO cards (deck, card_id, type, body, answer, sentence, section,"
                    " line, position, sibling_key, tags, importance, state, step, stability,"
                    " difficulty, due, last_review, reps, lapses, leech, suspended,"
                    f" buried_until, added_at) VALUES ({', '.join('?' * 24)})",
                    card_rows,
                )
                conn.executemany(
                    "INSERT INTO review_log (deck, card_id, reviewed_at, utc_offset_min,"
                    " rating, duration_ms, kind,"
                    " state_before, step_before, stability_before, difficulty_before,"
                    " due_before, last_review_before, reps_before, lapses_before, leech_before,"
                    " state_after, step_after, stability_after, difficulty_after, due_after,"
                    " last_review_after, reps_after, lapses_after, leech_after,"
                    f" elapsed_days, typed, hints) VALUES ({', '.join('?' * 28)})",
                    sorted(log_rows, key=lambda row: row[2]),
                )
        conn.execute("ANALYZE")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def cached_collection(
    n_cards: int = 100_000, n_reviews: int = 1_000_000, seed: int = 0, *, out: Path = OUT
) -> Path:
    """The collection for these parameters under bench/out/, built the first time."""
    path = out / f"collection-v{SYNTH_VERSION}-c{n_cards}-r{n_reviews}-s{seed}.db"
    if not path.exists():
        out.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        for leftover in out.glob(partial.name + "*"):
            leftover.unlink()
        build_collection(partial, n_cards, n_reviews, seed)
        os.replace(partial, path)
    else:
        _upgrade(path)
    return path


def _upgrade(path: Path) -> None:
    """Bring a cached collection to the current schema once (instead of every bench run
    migrating its copy), drop the migration's backup copy and refresh the statistics."""
    conn = sqlite3.connect(path)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()
    if version >= SCHEMA_VERSION:
        return
    before = set(path.parent.glob(f"{path.name}.bak-*"))
    with Store.open(path) as store:
        store._db.conn.execute("ANALYZE")
        store._db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for backup in set(path.parent.glob(f"{path.name}.bak-*")) - before:
        backup.unlink()


if __name__ == "__main__":
    import argparse
    import time

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    started = time.perf_counter()
    built = cached_collection(args.cards, args.reviews, args.seed)
    print(f"{built} ({built.stat().st_size / 1e6:.1f} MB, {time.perf_counter() - started:.1f} s)")
