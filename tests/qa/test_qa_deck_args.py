"""`quiz check` and `quiz sync` read their DECK arguments alike: a file, a deck name in
decks/, or a folder of decks; a name that is none of these is named in the error."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.cli import main

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


@pytest.fixture
def collection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("QUIZ_CONFIG", str(tmp_path / "none.toml"))
    _write(tmp_path / "decks" / "simple.yaml", "组织", "s1", "严密的{{c1::组织体系}}")
    _write(tmp_path / "decks" / "trad.yaml", "組織", "t1", "嚴密的{{c1::組織體系}}")
    _write(tmp_path / "more" / "extra.yaml", "基層", "e1", "抓{{c1::基層}}打基礎")
    return tmp_path


def test_check_takes_a_deck_name_like_sync(
    collection: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "trad", "simple"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "decks/trad.yaml: ok: 1 card",
        "decks/simple.yaml: ok: 1 card",
    ]


def test_sync_takes_a_folder_like_check(
    collection: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(collection / "q.db")
    assert main(["sync", "--db", db, "more", "decks/"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "more/extra.yaml: 1 added, 0 kept, 0 carried over, 0 retired",
        "decks/simple.yaml: 1 added, 0 kept, 0 carried over, 0 retired",
        "decks/trad.yaml: 1 added, 0 kept, 0 carried over, 0 retired",
    ]


def test_an_unknown_name_is_named_and_nothing_is_synced(
    collection: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = collection / "q.db"
    assert main(["sync", "--db", str(db), "trad", "nope"]) == 1
    assert capsys.readouterr().err == "quiz: nope: no such deck file, and no decks/nope.yaml\n"
    assert not db.exists()
    assert main(["check", "trad", "nope"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "decks/trad.yaml: ok: 1 card\n"
    assert captured.err.startswith("nope: ")


def test_an_empty_folder_is_refused(collection: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (collection / "empty").mkdir()
    assert main(["sync", "--db", str(collection / "q.db"), "empty"]) == 1
    assert capsys.readouterr().err == "quiz: empty: no .yaml decks in this directory\n"


def test_study_with_a_bad_deck_makes_no_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "data" / "quiz.db"
    monkeypatch.setenv("QUIZ_DB", str(db))
    (tmp_path / "bad.yaml").write_text("title: x\ncards: 3\n", encoding="utf-8")
    assert main(["study", "bad.yaml"]) == 1
    assert "bad.yaml:2: `cards` must be a list" in capsys.readouterr().err
    assert not db.exists() and not db.parent.exists()  # nothing made before failing
    assert main(["study", "nosuch"]) == 1
    assert not db.exists()
