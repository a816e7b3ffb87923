"""`quiz export anki` and `quiz export csv` read by Anki's own importers (its Rust
backend, headless) into a fresh collection: every note arrives with its note type, fields,
tags and deck; a cloze renders with its hint on the front and its phrase on the back;
Check Database finds nothing to fix; importing a newer export updates the notes."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from anki_helpers import check_database, fresh_collection, import_apkg, import_text

from quiz.deck import ClozeCard, MatchCard, load_deck
from quiz.export import deck_notes

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = next((ROOT / "decks").glob("*.yaml"))
SHAPES = Path(__file__).parent / "fixtures" / "shapes.yaml"


def _quiz(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "quiz", *args], capture_output=True, text=True, cwd=cwd
    )
    assert result.returncode == 0, result.stderr
    return result


def _export(deck: Path, fmt: str, tmp_path: Path) -> Path:
    out = tmp_path / f"{deck.stem}.{'apkg' if fmt == 'anki' else 'txt'}"
    _quiz("export", fmt, str(deck), "-o", str(out), cwd=tmp_path)
    return out


def _text(html_text: str) -> str:
    """A rendered card as its visible text (no <style>, tags or entities)."""
    body = re.sub(r"<style>.*?</style>", "", html_text, flags=re.S)
    visible = html.unescape(re.sub(r"<[^>]+>", "", body.replace("<br>", "\n")))
    return visible.replace("\u200b", "")  # the zero-width guard after a hint's `}`


def _field(value: str) -> str:
    """A field as quiz wrote it: Anki holds HTML (quiz's text escaped, lines as <br>)."""
    return html.unescape(value.replace("<br>", "\n"))


def _by_guid(col) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {col.get_note(nid).guid: col.get_note(nid) for nid in col.find_notes("")}


@pytest.mark.parametrize("deck_file", [SAMPLE, SHAPES], ids=["sample", "shapes"])
def test_every_note_arrives_with_its_fields_tags_and_deck(deck_file: Path, tmp_path: Path) -> None:
    deck = load_deck(deck_file)
    expected = deck_notes(deck)
    apkg = _export(deck_file, "anki", tmp_path)
    col = fresh_collection(tmp_path / "anki")
    log = import_apkg(col, apkg)
    assert len(log.new) == len(expected) and not log.conflicting and not log.missing_notetype
    notes = _by_guid(col)
    assert sorted(notes) == sorted(note.guid for note in expected)
    for note in expected:
        arrived = notes[note.guid]
        assert arrived.note_type()["name"] == note.notetype
        values = [_field(value) for value in arrived.fields]
        assert values == list(note.fields), note.guid
        assert sorted(arrived.tags) == sorted(note.tags), note.guid
        decks = {col.decks.name(card.did) for card in arrived.cards()}
        assert decks == {deck.title}
    assert check_database(col) == []
    col.close()


def test_a_cloze_renders_its_hint_in_front_and_its_phrase_behind(tmp_path: Path) -> None:
    deck = load_deck(SHAPES)
    col = fresh_collection(tmp_path / "anki")
    import_apkg(col, _export(SHAPES, "anki", tmp_path))
    notes = _by_guid(col)
    for card in deck.cards:
        if not isinstance(card, ClozeCard) or card.number not in (None, 1):
            continue
        note = notes[card.id]
        rendered = note.cards()[0]
        front, back = _text(rendered.question()), _text(rendered.answer())
        shown_hint = card.display_hint or "..."
        assert f"[{shown_hint}]" in front, (card.id, front)
        assert card.answer not in front.replace(f"[{shown_hint}]", "")
        assert card.answer in back and f"[{shown_hint}]" not in back
        assert back.startswith(_text(rendered.question()).split("[")[0] + card.answer)
    # the sentence with c1 and c2 is one note making two cards, one blank each
    paris = next(n for n in notes.values() if "巴黎" in n["Text"])
    fronts = sorted(_text(c.question()) for c in paris.cards())
    assert fronts == ["[a city]是法国的首都。", "巴黎是[...]的首都。"]
    backs = sorted(_text(c.answer()) for c in paris.cards())
    assert backs == ["巴黎是法国的首都。", "巴黎是法国的首都。"]
    col.close()


def test_the_hint_with_closing_braces_and_the_markup_look_as_written(tmp_path: Path) -> None:
    col = fresh_collection(tmp_path / "anki")
    import_apkg(col, _export(SHAPES, "anki", tmp_path))
    notes = _by_guid(col)
    brace = notes["brace01"].cards()[0]
    assert _text(brace.question()) == ("C++ 用 std::vector，答案是[ends with }}]")
    assert _text(brace.answer()).startswith("C++ 用 std::vector，答案是雙括號")
    markup = notes["markup01"].cards()[0]
    assert _text(markup.question()).startswith("<b>不是粗體</b> & &amp; 坚持[...]")
    assert "<b>" not in markup.question().replace("&lt;b&gt;", "")
    col.close()


def test_a_second_import_updates_instead_of_duplicating(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    deck_file = work / "shapes.yaml"
    shutil.copy(SHAPES, deck_file)
    col = fresh_collection(tmp_path / "anki")
    first = import_apkg(col, _export(deck_file, "anki", work))
    count = col.note_count()
    again = import_apkg(col, _export(deck_file, "anki", work))
    assert not again.new and len(again.updated) + len(again.duplicate) == len(first.new)
    assert col.note_count() == count
    deck_file.write_text(
        deck_file.read_text(encoding="utf-8").replace("主題黨日", "主題黨日活動"), encoding="utf-8"
    )
    time.sleep(1.1)  # Anki updates a note "if newer": its modification time is in seconds
    newer = import_apkg(col, _export(deck_file, "anki", work))
    assert not newer.new and "hint01" in {col.get_note(n.id.nid).guid for n in newer.updated}
    assert col.note_count() == count
    assert "主題黨日活動" in _by_guid(col)["hint01"]["Text"]
    assert check_database(col) == []
    col.close()


@pytest.mark.parametrize("deck_file", [SAMPLE, SHAPES], ids=["sample", "shapes"])
def test_the_text_export_fills_the_same_notes_in_anki(deck_file: Path, tmp_path: Path) -> None:
    """Anki's text importer finds quiz's note types by name (they come with a quiz .apkg),
    puts each row in its fields, takes GUIDs, tags and deck from their columns."""
    expected = {note.guid: note for note in deck_notes(load_deck(deck_file))}
    col = fresh_collection(tmp_path / "anki")
    import_apkg(col, _export(deck_file, "anki", tmp_path))  # brings the note types
    col.remove_notes(list(col.find_notes("")))
    log = import_text(col, _export(deck_file, "csv", tmp_path))
    assert len(log.new) == len(expected) and not log.missing_notetype
    deck = load_deck(deck_file)
    for guid, arrived in _by_guid(col).items():
        note = expected[guid]
        assert arrived.note_type()["name"] == note.notetype
        assert [_field(value) for value in arrived.fields] == list(note.fields), guid
        assert sorted(arrived.tags) == sorted(note.tags)
        assert {col.decks.name(card.did) for card in arrived.cards()} == {deck.title}
    assert check_database(col) == []
    # read again over the notes the .apkg made, it finds them all unchanged
    again = import_text(col, _export(deck_file, "csv", tmp_path))
    assert len(again.new) == 0 and len(again.duplicate) == len(expected)
    col.close()


def test_the_text_export_into_a_collection_without_quiz_note_types(tmp_path: Path) -> None:
    """Anki's text importer makes no note types: into a collection that never saw a quiz
    .apkg it imports none of the rows and says each one's note type is missing (the README
    says to import the .apkg once first)."""
    col = fresh_collection(tmp_path / "anki")
    log = import_text(col, _export(SHAPES, "csv", tmp_path))
    assert len(log.missing_notetype) == len(deck_notes(load_deck(SHAPES)))
    assert col.note_count() == 0
    col.close()


def test_the_shapes_fixture_has_every_shape() -> None:
    deck = load_deck(SHAPES)
    kinds = {note.kind for note in deck_notes(deck)}
    assert kinds == {"cloze", "basic", "front-back"}
    assert any(isinstance(card, MatchCard) for card in deck.cards)
    assert any(isinstance(c, ClozeCard) and c.number == 2 for c in deck.cards)
