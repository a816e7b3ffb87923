"""`quiz import` on what users really have: spreadsheets saved as UTF-16 'Unicode text',
GBK or Big5 CSV, and Anki's .apkg package (which needs a clear pointer, not 'byte 17')."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from quiz.deck import MatchCard
from quiz.export.csv import ImportFileError, read_text_deck

SIMPLIFIED = "组织,体系\n政党,优势\n基层,堡垒\n"
TRADITIONAL = "組織,體系\n政黨,優勢\n基層,堡壘\n"


def _pairs(path: Path) -> list[tuple[str, str]]:
    deck = read_text_deck(path)
    return [pair for card in deck.cards if isinstance(card, MatchCard) for pair in card.pairs]


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-16", SIMPLIFIED),  # Excel's "Unicode text": UTF-16 with a BOM
        ("utf-16", TRADITIONAL),
        ("gbk", SIMPLIFIED),  # Excel's CSV on a Simplified Chinese Windows
        ("big5", TRADITIONAL),  # ... on a Traditional one
    ],
)
def test_spreadsheet_encodings_import_like_utf8(tmp_path: Path, encoding: str, text: str) -> None:
    source = tmp_path / "words.csv"
    source.write_bytes(text.encode(encoding))
    reference = tmp_path / "reference.csv"
    reference.write_text(text, encoding="utf-8")
    assert _pairs(source) == _pairs(reference)
    assert _pairs(source)[0][0] in ("组织", "組織")


def test_an_anki_package_gets_a_pointer_to_the_text_export(tmp_path: Path) -> None:
    package = tmp_path / "deck.apkg"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("collection.anki2", b"SQLite format 3\x00")
    with pytest.raises(ImportFileError) as raised:
        read_text_deck(package)
    message = str(raised.value)
    assert message.startswith(f"{package}: an Anki package") and "Notes in Plain Text" in message


def test_random_bytes_are_refused_naming_the_file(tmp_path: Path) -> None:
    noise = tmp_path / "noise.txt"
    noise.write_bytes(bytes(range(128, 256)) * 20)
    with pytest.raises(ImportFileError) as raised:
        read_text_deck(noise)
    assert str(raised.value).startswith(f"{noise}: ")


def test_damaged_utf8_is_refused_not_patched(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.csv"
    damaged.write_bytes(TRADITIONAL.encode("utf-8")[:-5] + b"\xff\xfe" + "堡壘\n".encode())
    with pytest.raises(ImportFileError) as raised:
        read_text_deck(damaged)
    assert "not UTF-8 text" in str(raised.value)
