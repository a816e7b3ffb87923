"""Anki's card shapes in a deck file (issue 11, item 2): blanks c1..cN make a card per
number, `type: basic` makes a front/back card; both survive a dump, the store, and Anki
export and import."""

from __future__ import annotations

import sqlite3
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.deck import BasicCard, ClozeCard, DeckError, dump_deck, parse_deck
from quiz.export.anki import write_apkg
from quiz.export.csv import deck_to_text, parse_text_deck
from quiz.store import Store
from quiz.store.db import Database
from quiz.store.migrations import migrate

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

DECK = """\
title: shapes
cards:
  - text: "{{c1::Paris}} is the capital of {{c2::France::a country}}."
    section: Europe
    line: 3
  - id: named
    text: "{{c1::H}} and {{c3::O}} make water."
  - type: basic
    front: What is 2+2?
    back: "4"
    accept: [four]
    line: 9
"""


def test_blanks_c1_to_cn_are_a_card_per_number_with_the_others_filled() -> None:
    deck = parse_deck(DECK, name="shapes")
    paris, france, hydrogen, oxygen, basic = deck.cards
    assert isinstance(paris, ClozeCard) and isinstance(france, ClozeCard)
    assert (paris.number, paris.answer, paris.after) == (1, "Paris", " is the capital of France.")
    assert (france.number, france.answer, france.before) == (
        2,
        "France",
        "Paris is the capital of ",
    )
    assert france.inline_hint == "a country" and paris.inline_hint is None
    assert paris.sibling_key == france.sibling_key, "one sentence: siblings"
    assert paris.id != france.id and paris.section == france.section == "Europe"
    assert (hydrogen.id, oxygen.id) == ("named", "named-c3")
    assert isinstance(basic, BasicCard)
    assert (basic.front, basic.back, basic.answers) == ("What is 2+2?", "4", ("4", "four"))


def test_a_dumped_deck_loads_back_equal() -> None:
    deck = parse_deck(DECK, name="shapes")
    dumped = dump_deck(deck)
    assert "cloze: 2" in dumped and "type: basic" in dumped
    assert parse_deck(dumped, name="shapes") == deck


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("  - text: '{{c1::a}} {{c2::b}}'\n    hint: x\n", "<d>:4: `hint` with blanks c1, c2"),
        ("  - text: '{{c1::a}} {{c2::b}}'\n    cloze: 3\n", "<d>:4: `cloze` must be one of"),
        ("  - type: basic\n    front: q\n", "<d>:3: a basic card needs a non-empty `back`"),
        ("  - type: quiz\n    front: q\n", "card type must be 'cloze', 'match' or 'basic'"),
    ],
)
def test_shapes_that_cannot_be_used_are_refused_with_their_line(text: str, message: str) -> None:
    with pytest.raises(DeckError) as caught:
        parse_deck("title: t\ncards:\n" + text, name="d")
    assert message in str(caught.value)


def test_the_store_keeps_both_shapes_on_a_database_of_before(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = Database.connect(path)
    migrate(db, target=8)  # cards.type took only 'cloze' and 'match'
    db.close()
    deck = parse_deck(DECK, name="shapes")
    with Store.open(path, now=NOW) as store:
        store.sync_deck(deck, now=NOW)
        rebuilt = tuple(row.to_card() for row in store.cards(["shapes"]))
    assert sorted(rebuilt, key=lambda c: c.id) == sorted(deck.cards, key=lambda c: c.id)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO cards (deck, card_id, type, body, position, sibling_key, added_at)"
            " VALUES ('shapes', 'x', 'bogus', '{}', 0, 'k', 0)"
        )
    conn.close()


def test_anki_text_export_and_import_round_trip() -> None:
    deck = parse_deck(DECK, name="shapes")
    text = deck_to_text(deck)
    assert text.count("{{c1::Paris}}") == 1, "one note for the c1/c2 text"
    assert "quiz Front/Back" in text
    back = parse_text_deck(text, name="shapes")
    assert [c.id for c in back.cards] == [c.id for c in deck.cards]
    assert [type(c) for c in back.cards] == [type(c) for c in deck.cards]
    basic = back.cards[-1]
    assert isinstance(basic, BasicCard) and basic.accept == ("four",) and basic.line == 9


def test_apkg_holds_a_note_per_text_and_the_basic_card(tmp_path: Path) -> None:
    deck = parse_deck(DECK, name="shapes")
    out = tmp_path / "shapes.apkg"
    assert write_apkg(deck, out, timestamp=0) == 3
    with zipfile.ZipFile(out) as package:
        (tmp_path / "c.db").write_bytes(package.read("collection.anki2"))
    conn = sqlite3.connect(tmp_path / "c.db")
    fields = [row[0] for row in conn.execute("SELECT flds FROM notes ORDER BY id")]
    conn.close()
    assert any("{{c1::Paris}}" in f and "{{c2::France::a country}}" in f for f in fields)
    assert any(f.startswith("What is 2+2?\x1f4") for f in fields)
