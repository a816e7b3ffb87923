"""The .apkg is a zip holding an Anki SQLite collection: open it and read the notes back."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

from quiz.deck import ClozeCard, Deck, MatchCard, write_deck
from quiz.export.anki import CLOZE_MODEL, anki_deck_id, stable_id, write_apkg

DECK = Deck(
    name="jiceng",
    title="抓基层打基础",
    cards=(
        ClozeCard(
            "9c1f3a2b7e40",
            "认真落实“{{c1::三会一课}}”、主题党日",
            accept=("三會一課",),
            hint="sān huì yī kè",
            section="二、铸牢思想之“魂”",
            line=31,
            tags=("formula", "two words"),
        ),
        ClozeCard(
            "aa01", "堅持{{c1::縱向到底::纵向}}，實現<全覆蓋>", section="一、完善組織之「形」"
        ),
        MatchCard(
            "51be0c9d2a11",
            "把各部分标题与其目标配对",
            (
                ("完善组织之“形”", "推动基层组织由“建起来”变“强起来”"),
                ("铸牢思想之“魂”", "推动学习教育由“走形式”变“下功夫”"),
                ("Build", "Strong"),
            ),
            section="三",
        ),
    ),
)


def _read_collection(apkg: Path, tmp_path: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(apkg) as archive:
        assert "collection.anki2" in archive.namelist()
        archive.extract("collection.anki2", tmp_path)
    return sqlite3.connect(tmp_path / "collection.anki2")


def test_notes_fields_tags_and_guids(tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    assert write_apkg(DECK, out) == 5  # two cloze notes and one note per pair
    db = _read_collection(out, tmp_path)
    notes = {
        guid: (mid, flds.split("\x1f"), tags.split())
        for guid, mid, flds, tags in db.execute("SELECT guid, mid, flds, tags FROM notes")
    }
    assert set(notes) == {
        "9c1f3a2b7e40",
        "aa01",
        "51be0c9d2a11.1",
        "51be0c9d2a11.2",
        "51be0c9d2a11.3",
    }
    mid, fields, tags = notes["9c1f3a2b7e40"]
    assert mid == CLOZE_MODEL.model_id
    assert fields == [
        "认真落实“{{c1::三会一课::sān huì yī kè}}”、主题党日",
        "三會一課",
        "二、铸牢思想之“魂”",
        "31",
    ]
    assert tags == ["formula", "two_words"]
    # text is HTML in Anki: markup-like characters are escaped, the inline hint is kept
    assert notes["aa01"][1][0] == "堅持{{c1::縱向到底::纵向}}，實現&lt;全覆蓋&gt;"
    assert notes["51be0c9d2a11.2"][1] == [
        "铸牢思想之“魂”",
        "推动学习教育由“走形式”变“下功夫”",
        "三",
        "",
        "把各部分标题与其目标配对",
    ]
    models = json.loads(db.execute("SELECT models FROM col").fetchone()[0])
    kinds = {m["name"]: (m["type"], [f["name"] for f in m["flds"]]) for m in models.values()}
    assert kinds["quiz Cloze"] == (1, ["Text", "Extra", "Section", "Line"])
    assert kinds["quiz Basic"] == (0, ["Front", "Back", "Section", "Line", "Prompt"])
    decks = json.loads(db.execute("SELECT decks FROM col").fetchone()[0])
    assert decks[str(anki_deck_id(DECK))]["name"] == "抓基层打基础"
    # one card per cloze note and per pair
    assert db.execute("SELECT count(*) FROM cards").fetchone()[0] == 5
    db.close()


def test_ids_are_derived_not_random() -> None:
    assert anki_deck_id(DECK) == stable_id("quiz", "deck", "jiceng")
    assert 1 << 30 <= anki_deck_id(DECK) < 1 << 31
    assert stable_id("a") != stable_id("b")
    code = "from quiz.export.anki import CLOZE_MODEL; print(CLOZE_MODEL.model_id)"
    runs = {
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        for _ in range(2)
    }
    assert runs == {f"{CLOZE_MODEL.model_id}\n"}


def test_cli_export_anki(tmp_path: Path) -> None:
    deck_file = tmp_path / "jiceng.yaml"
    write_deck(DECK, deck_file)
    out = tmp_path / "out" / "j.apkg"
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "export", "anki", str(deck_file), "-o", str(out)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "5 notes" in result.stdout and result.stderr == ""  # a result: stdout
    assert zipfile.is_zipfile(out)
    missing = subprocess.run(
        [sys.executable, "-m", "quiz", "export", "anki", str(tmp_path / "nope.yaml")],
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 1 and "nope.yaml" in missing.stderr
    assert "Traceback" not in missing.stderr
