"""Fixtures of the stats tests: the hand-written log on a real database, an empty one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from stats_log import build_log

from quiz.store import Store


@pytest.fixture
def log_db(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "quiz.db"
    with Store.open(path) as store:
        build_log(store)
    yield path


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    path = tmp_path / "empty.db"
    Store.open(path).close()
    return path
