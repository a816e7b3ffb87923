"""The tallies that triggers keep beside the review log (per card, migration 5; per deck,
day and hour, migration 6) give the same section retention and answers per study day as
counting the log itself, through answers in several time zones, undos, and an upgrade
from an older file whose tallies the migrations backfill."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections import Counter
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stats_log import DECK, local, review

from quiz.config import Config
from quiz.stats import DayRow
from quiz.store import Store, to_ms
from quiz.store.db import Database
from quiz.store.migrations import migrate
from quiz.store.stats_queries import (
    card_counts,
    database_of,
    day_rows,
    section_rows,
    sections_and_cards,
)

CARD_IDS = [card.id for card in DECK.cards]
KINDS = ("learn", "review", "review", "review", "relearn", "cram", "manual")

answer_op = st.tuples(
    st.just("answer"),
    st.sampled_from(CARD_IDS),
    st.sampled_from(KINDS),
    st.integers(1, 4),
    st.integers(1, 3 * 24 * 60),  # minutes since the previous operation
    st.sampled_from([480, 0, -300, 330, 345, -570]),  # the answer's UTC offset, minutes
)
# undo the latest answer to one card, or ("") the latest answer of all
undo_op = st.tuples(
    st.just("undo"),
    st.sampled_from(["", "", *CARD_IDS]),
    st.just(""),
    st.just(0),
    st.integers(1, 30),
    st.just(0),
)
histories = st.lists(st.one_of(answer_op, answer_op, undo_op), max_size=40)


Op = tuple[str, str, str, int, int, int]


def _play(store: Store, ops: list[Op]) -> None:
    store.sync_deck(DECK, now=local(9, 30, 12))
    t = local(10, 1, 9)
    reps = Counter[str]()
    for op, card_id, kind, rating, minutes, offset in ops:
        t += timedelta(minutes=minutes)
        if op == "undo":
            last = store.last_review(decks=["d"], card_id=card_id or None)
            if last is not None:
                store.undo_review(last.id, now=t)
            continue
        reps[card_id] += 1
        after = (
            None
            if kind == "cram"
            else review(rating * 2.0, t + timedelta(days=rating), t, reps[card_id])
        )
        store.record_review(
            "d",
            card_id,
            rating=None if kind == "manual" else rating,
            kind=kind,  # type: ignore[arg-type]
            after=after,
            now=t,
            utc_offset_min=offset,
        )


def _recounted(store: Store) -> dict[str, tuple[int, int]]:
    """Each card's effective review-kind answers (passed, failed), counted from the log."""
    tallies: dict[str, list[int]] = {}
    for row in store.reviews(["d"]):
        if row.kind == "review":
            counts = tallies.setdefault(row.card_id, [0, 0])
            counts[row.rating == 1] += 1
    return {card: (p, f) for card, (p, f) in tallies.items() if p or f}


def _stored(path: Path) -> dict[str, tuple[int, int]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT card_id, passed, failed FROM card_review_tallies WHERE deck = 'd'"
        ).fetchall()
    finally:
        conn.close()
    return {card: (p, f) for card, p, f in rows if p or f}


def _sections_from_log(store: Store) -> dict[str | None, tuple[int, int]]:
    section_of = {card.id: card.section for card in DECK.cards}
    per_section: dict[str | None, list[int]] = {card.section: [0, 0] for card in DECK.cards}
    for card_id, (passed, failed) in _recounted(store).items():
        per_section[section_of[card_id]][0] += passed
        per_section[section_of[card_id]][1] += failed
    return {section: (p, f) for section, (p, f) in per_section.items()}


def _days_from_log(store: Store, config: Config) -> list[DayRow]:
    """Effective answers (not manual rows) per study day, from each answer's local time."""
    shift = config.day_starts_at * 3_600_000
    counts = Counter[int]()
    for row in store.reviews(["d"]):
        if row.kind != "manual":
            local = to_ms(row.reviewed_at) + row.utc_offset_min * 60_000
            counts[(local - shift) // 86_400_000] += 1
    return [DayRow("d", day, n) for day, n in sorted(counts.items())]


def _downgrade_to_v4(path: Path, folder: Path) -> None:
    """What a file written before migration 5 looks like: the schema objects a version-4
    database has, as it has them, nothing added since (tallies, triggers, indexes, the
    importance column of migration 7, the 'basic' card type of migration 9)."""
    reference = Database.connect(folder / "v4.db")
    try:
        migrate(reference, target=4)
        wanted = dict(reference.query("SELECT name, sql FROM sqlite_master"))
        columns = {
            table: {row[1] for row in reference.query(f"PRAGMA table_info({table})")}
            for (table,) in reference.query("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
    finally:
        reference.close()
    conn = sqlite3.connect(path)
    try:
        for kind, name, sql in conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall():
            if kind in ("index", "trigger", "view") and wanted.get(name, "") != sql:
                conn.execute(f"DROP {kind.upper()} IF EXISTS {name}")
            elif kind == "table" and name not in wanted:
                conn.execute(f"DROP TABLE IF EXISTS {name}")
        for table, keep in columns.items():
            for row in conn.execute(f"PRAGMA table_info({table})").fetchall():
                if row[1] not in keep:
                    conn.execute(f"ALTER TABLE {table} DROP COLUMN {row[1]}")
        present = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
        for name, sql in wanted.items():
            if sql and name not in present:
                conn.execute(sql)
        # a constraint a later migration relaxed in place (cards.type taking 'basic',
        # migration 9) goes back to its old text the same way
        tables = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'"))
        stale = {n: wanted[n] for n, sql in tables.items() if n in wanted and sql != wanted[n]}
        if stale:
            conn.execute("PRAGMA writable_schema = ON")
            for name, sql in stale.items():
                conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (sql, name))
            conn.execute("PRAGMA writable_schema = RESET")
        conn.execute("PRAGMA user_version = 4")
        conn.commit()
        downgraded = dict(conn.execute("SELECT name, sql FROM sqlite_master").fetchall())
    finally:
        conn.close()
    assert {n: " ".join((q or "").split()) for n, q in downgraded.items()} == {
        n: " ".join((q or "").split()) for n, q in wanted.items()
    }


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(histories)
def test_tallies_and_sections_equal_a_recount_of_the_log(ops: list[Op]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "quiz.db"
        with Store.open(path) as store:
            _play(store, ops)
            expected = _recounted(store)
            sections = {
                row.section: (row.passed, row.failed)
                for row in section_rows(database_of(store), ["d"])
            }
            assert sections == _sections_from_log(store)
            # the cards by state read along with the sections equal their own query
            db = database_of(store)
            assert sections_and_cards(db)[1] == card_counts(db)
            for hour in (0, 4, 23):
                config = Config(day_starts_at=hour)
                days = day_rows(database_of(store), config, ["d"])
                assert days == _days_from_log(store, config)
        assert _stored(path) == expected

        upgraded = Path(folder) / "old.db"
        shutil.copyfile(path, upgraded)
        _downgrade_to_v4(upgraded, Path(folder))
        with Store.open(upgraded) as store:  # migrations 5 and 6 backfill from the log
            config = Config(day_starts_at=4)
            assert day_rows(database_of(store), config) == _days_from_log(store, config)
        assert _stored(upgraded) == expected


def test_an_undone_review_answer_leaves_the_section_figures(tmp_path: Path) -> None:
    path = tmp_path / "quiz.db"
    with Store.open(path) as store:
        _play(
            store,
            [("answer", "c3", "review", 1, 60, 480), ("answer", "c4", "review", 3, 60, 480)],
        )
        before = {r.section: (r.passed, r.failed) for r in section_rows(database_of(store))}
        assert before["二、乙"] == (1, 1)
        last = store.last_review(decks=["d"], card_id="c4")
        assert last is not None
        store.undo_review(last.id, now=local(10, 2, 9))
        after = {r.section: (r.passed, r.failed) for r in section_rows(database_of(store))}
        assert after["二、乙"] == (0, 1)
        assert after["一、甲"] == (0, 0)
