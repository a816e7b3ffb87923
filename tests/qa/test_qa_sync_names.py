"""`quiz sync` with two different files of one deck name refuses before touching the
database: a deck is known by its file's stem, so they would retire each other's cards."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DECK = """title: {title}
cards:
- id: {card_id}
  type: cloze
  text: {text}
"""


def _write(path: Path, title: str, card_id: str, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(DECK.format(title=title, card_id=card_id, text=text), encoding="utf-8")
    return path


def _quiz(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"QUIZ_CONFIG": str(tmp / "none.toml"), "PATH": ""}
    return subprocess.run(
        [sys.executable, "-m", "quiz", "--db", str(tmp / "q.db"), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp,
    )


def test_two_files_of_one_deck_name_are_refused(tmp_path: Path) -> None:
    simplified = _write(tmp_path / "decks" / "notes.yaml", "组织", "s1", "严密的{{c1::组织体系}}")
    traditional = _write(tmp_path / "other" / "notes.yaml", "組織", "t1", "嚴密的{{c1::組織體系}}")
    result = _quiz(tmp_path, "sync", str(simplified), str(traditional))
    assert result.returncode == 1
    assert f"{simplified} and {traditional} are both deck 'notes'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "q.db").exists()  # refused before the database was touched


def test_one_file_named_twice_syncs_once(tmp_path: Path) -> None:
    _write(tmp_path / "decks" / "notes.yaml", "組織", "t1", "嚴密的{{c1::組織體系}}")
    result = _quiz(tmp_path, "sync", "notes", "decks/notes.yaml")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "decks/notes.yaml: 1 added, 0 kept, 0 carried over, 0 retired"
    ]
