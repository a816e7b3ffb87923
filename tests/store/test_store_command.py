"""`quiz sync`: deck files into the database, one report line per deck, clear errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.deck import write_deck
from quiz.store import Store

TEXTS = ("认真落实“{{c1::三会一课}}”制度", "堅持{{c1::縱向到底}}，實現全覆蓋")


@pytest.fixture
def collection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_deck) -> Path:
    monkeypatch.chdir(tmp_path)
    write_deck(make_deck("x", *TEXTS), tmp_path / "decks" / "x.yaml")
    return tmp_path


def test_sync_reports_each_deck_and_skips_unchanged(
    collection: Path, capsys: pytest.CaptureFixture[str], make_deck
) -> None:
    db = str(collection / "quiz.db")
    assert main(["sync", "--db", db]) == 0
    assert capsys.readouterr().out == "decks/x.yaml: 2 added, 0 kept, 0 carried over, 0 retired\n"
    assert main(["sync", "--db", db, "x"]) == 0
    assert capsys.readouterr().out == "decks/x.yaml: unchanged, skipped\n"
    write_deck(make_deck("x", TEXTS[0]), collection / "decks" / "x.yaml")
    assert main(["sync", "--db", db, "decks/x.yaml"]) == 0
    assert capsys.readouterr().out == "decks/x.yaml: 0 added, 1 kept, 0 carried over, 1 retired\n"
    assert main(["sync", "--db", db, "--force"]) == 0
    assert capsys.readouterr().out == "decks/x.yaml: 0 added, 1 kept, 0 carried over, 0 retired\n"
    with Store.open(db) as store:
        assert len(store.cards(["x"], include_retired=True)) == 2


def test_sync_names_broken_decks_and_refused_databases(
    collection: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (collection / "decks" / "bad.yaml").write_text("title: t\ncards:\n  - type: cloze\n")
    db = collection / "quiz.db"
    assert main(["sync", "--db", str(db)]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith("decks/bad.yaml:3: ")
    assert "decks/x.yaml: 2 added" in captured.out  # the good deck is still synced

    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    assert main(["sync", "--db", str(db), "x"]) == 1
    assert "newer than this quiz" in capsys.readouterr().err
    assert main(["sync", "--db", str(db), "nope"]) == 1
    assert capsys.readouterr().err.startswith("quiz: nope: no such deck file")
