"""`quiz stats` as a user runs it: tables, --json with stable keys, --csv, no database."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from quiz.commands.stats import cell_width, table

NOW = "2026-11-26T02:00:00+00:00"


def _quiz(*args: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    env = {"QUIZ_CONFIG": str(tmp / "none.toml"), "TZ": "Asia/Shanghai", "PATH": ""}
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args], capture_output=True, text=True, env=env, cwd=tmp
    )


def test_json_figures(log_db: Path, tmp_path: Path) -> None:
    result = _quiz("--db", str(log_db), "stats", "--json", "--now", NOW, tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["cards"]["total"] == 5 and data["due_today"] == 1
    assert data["reviews"]["today"] == 3 and data["reviews"]["total"] == 9
    assert data["retention"]["7d"]["total"]["passed"] == 2
    assert list(data["decks"]) == ["d"] and data["decks"]["d"]["title"] == "基层组织"
    again = _quiz("--db", str(log_db), "stats", "--json", "--now", NOW, tmp=tmp_path)
    assert again.stdout == result.stdout


def test_tables_and_deck_file_argument(log_db: Path, tmp_path: Path) -> None:
    result = _quiz("--db", str(log_db), "stats", "decks/d.yaml", "--now", NOW, tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "基层组织 (d)" in out and "True retention" in out and "67% (2/3)" in out
    assert "Streak: 3 days (longest 3, 5 study days)." in out
    assert "增强政治领导力、思想引领力" in out


def test_csv_review_log(log_db: Path, tmp_path: Path) -> None:
    result = _quiz("--db", str(log_db), "stats", "--csv", "-", tmp=tmp_path)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 11  # 9 effective answers, 1 undone answer, 1 undo marker
    assert sum(r["kind"] == "undo" for r in rows) == 1
    assert sum(r["undone"] == "1" for r in rows) == 1
    assert rows[0]["reviewed_at_utc"] == "2026-10-01T01:00:00.000Z"  # 09:00 in Shanghai
    target = tmp_path / "log.csv"
    assert _quiz("--db", str(log_db), "stats", "--csv", str(target), tmp=tmp_path).returncode == 0
    assert target.read_text(encoding="utf-8").splitlines()[0].startswith("id,deck,card_id")


def test_no_database_is_friendly(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "quiz.db"
    result = _quiz("--db", str(missing), "stats", tmp=tmp_path)
    assert result.returncode == 0 and "No study history yet" in result.stdout
    assert not missing.exists()
    data = json.loads(_quiz("--db", str(missing), "stats", "--json", tmp=tmp_path).stdout)
    assert data["cards"]["total"] == 0 and data["due_today"] == 0 and data["decks"] == {}


def test_empty_database(empty_db: Path, tmp_path: Path) -> None:
    result = _quiz("--db", str(empty_db), "stats", tmp=tmp_path)
    assert result.returncode == 0 and "No study history yet" in result.stdout
    assert "Traceback" not in result.stderr


def test_table_aligns_wide_characters() -> None:
    text = table(["Section", "n"], [["一、甲", "1"], ["abc", "22"], ["二、乙乙乙", "333"]])
    widths = {cell_width(line) for line in text.splitlines()}
    assert len(widths) == 1
    assert cell_width("三会一课") == 8 and cell_width("ab") == 2
