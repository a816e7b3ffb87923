"""Fixtures for the study-engine tests: a settable clock and a real store file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from srs_helpers import Clock

from quiz.store import Store


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 11, 26, 9, 0, tzinfo=UTC))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "quiz.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    opened = Store.open(db_path)
    try:
        yield opened
    finally:
        opened.close()
