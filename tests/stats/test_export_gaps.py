"""The small gaps of the text format and `quiz export`: the deck's `source` crosses, an
empty deck's export reads back as that empty deck, a missing output folder is created and
named, tags with spaces become one Anki tag each."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from quiz.deck import ClozeCard, Deck, load_deck
from quiz.export.csv import deck_to_text, parse_text_deck

DECK = Deck(
    name="d",
    title="抓基层 打基础",
    source="seeds/抓基层.txt",
    cards=(ClozeCard("c1", "认真落实“{{c1::三会一课}}”", tags=("two words", "formula")),),
)


def _quiz(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args], capture_output=True, text=True, cwd=cwd
    )


def test_the_source_crosses_the_text_format() -> None:
    text = deck_to_text(DECK)
    assert "#quiz source:seeds/抓基层.txt\n" in text
    back = parse_text_deck(text, name="d")
    assert back.source == DECK.source and back.title == DECK.title


def test_a_tag_with_spaces_is_one_anki_tag() -> None:
    back = parse_text_deck(deck_to_text(DECK), name="d")
    assert back.cards[0].tags == ("two_words", "formula")


def test_an_empty_deck_exports_and_imports_as_an_empty_deck(tmp_path: Path) -> None:
    (tmp_path / "decks").mkdir()
    (tmp_path / "decks" / "empty.yaml").write_text(
        "title: 空的 deck\nsource: seeds/x.txt\ncards: []\n", encoding="utf-8"
    )
    exported = _quiz("export", "csv", "empty", "-o", "empty.txt", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    imported = _quiz("import", "empty.txt", "--deck", "back", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    deck = load_deck(tmp_path / "decks" / "back.yaml")
    assert (deck.title, deck.source, deck.cards) == ("空的 deck", "seeds/x.txt", ())


def test_a_file_without_headers_or_notes_is_still_refused(tmp_path: Path) -> None:
    (tmp_path / "blank.txt").write_text("\n\n", encoding="utf-8")
    result = _quiz("import", "blank.txt", cwd=tmp_path)
    assert result.returncode == 1 and "blank.txt: no notes found" in result.stderr
    assert not (tmp_path / "decks").exists()


def test_export_into_a_missing_folder_creates_it_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "decks").mkdir()
    (tmp_path / "decks" / "d.yaml").write_text(
        "title: d\ncards:\n- text: 认真落实{{c1::三会一课}}\n", encoding="utf-8"
    )
    for fmt, out in (("csv", "out/text/d.txt"), ("anki", "pkg/d.apkg")):
        result = _quiz("export", fmt, "d", "-o", out, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        folder = out.split("/")[0]
        assert result.stdout.rstrip().endswith(f"(created the folder {folder})")
        assert (tmp_path / out).is_file()
        again = _quiz("export", fmt, "d", "-o", out, cwd=tmp_path)
        assert "created" not in again.stdout
