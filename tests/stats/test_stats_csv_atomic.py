"""`quiz stats --csv FILE` writes through a temporary file: a failure part way (an
interrupt, a database error) leaves the older file as it was and no stray file beside it."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.commands.stats import _csv_out


def test_a_failed_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "log.csv"
    target.write_text("id,deck\n1,组织\n", encoding="utf-8")
    target.chmod(0o640)
    with pytest.raises(KeyboardInterrupt), _csv_out(str(target)) as out:
        out.write("id,deck\n")
        raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "id,deck\n1,组织\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.csv"]


def test_a_finished_write_replaces_it_and_keeps_its_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUIZ_CONFIG", str(tmp_path / "none.toml"))
    target = tmp_path / "log.csv"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    assert main(["--db", str(tmp_path / "none.db"), "stats", "--csv", str(target)]) == 0
    with target.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header[:3] == ["id", "deck", "card_id"]
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.csv"]
