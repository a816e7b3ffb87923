"""Fixtures for the store tests: a fixed clock, a database path in tmp_path, decks from YAML."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.deck import Deck, parse_deck
from quiz.store import Store

NOW = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "quiz.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path, now=NOW) as opened:
        yield opened


def cloze_deck(name: str, *texts: str, title: str = "测试") -> Deck:
    """A deck of cloze cards (ids derived from content, as the generator does)."""
    lines = [f"title: {title}", "cards:"]
    for text in texts:
        lines += ["  - type: cloze", f"    text: '{text}'"]
    return parse_deck("\n".join(lines) + "\n", name=name)


@pytest.fixture
def make_deck() -> Callable[..., Deck]:
    return cloze_deck


def _table_dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the quiz tables, for before/after comparisons."""
    conn = sqlite3.connect(path)
    try:
        return {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in ("decks", "cards", "review_log", "sessions")
        }
    finally:
        conn.close()


@pytest.fixture
def dump_tables() -> Callable[[Path], dict[str, list[tuple[object, ...]]]]:
    return _table_dump
