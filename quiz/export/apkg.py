"""An Anki package (.apkg, as Anki or quiz writes it) read back as a deck.

A package is a zip holding an Anki collection: `collection.anki21b` (zstd-compressed
SQLite, Anki 2.1.50 and later), else `collection.anki21` or `collection.anki2` (plain
SQLite, older Ankis and genanki). Only the newest one holds the notes (a modern package's
`collection.anki2` holds one note asking to update Anki). Its notes become rows of the
text reader (`quiz.export.csv`), so the two imports make the same cards of the same
notes: note type, fields (HTML reduced to text), tags, GUID, deck. Media files, review
history and scheduling stay behind; `ImportNotes` says what was left out.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import zipfile
from pathlib import Path

from quiz.deck import Deck
from quiz.export.csv import (
    ImportFileError,
    ImportNotes,
    _Row,
    clean_fields,
    rows_to_deck,
)

COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
_CLOZE_KIND = b"\x08\x01"  # Notetype.Config field 1 (kind) = 1 (cloze), as Anki encodes it
MAX_COLLECTION_BYTES = 512 * 1024 * 1024


def read_apkg(
    path: str | os.PathLike[str], *, name: str | None = None, notes: ImportNotes | None = None
) -> Deck:
    """The deck of the notes of an .apkg (named `name`, the file stem by default).

    Raises:
        ImportFileError: not a readable package, or its notes make no deck.
    """
    path = Path(path)
    label = str(path)
    notes = notes if notes is not None else ImportNotes()
    data = _collection_bytes(path)
    with tempfile.TemporaryDirectory(prefix="quiz-apkg-") as folder:
        db_path = Path(folder) / "collection.sqlite"
        db_path.write_bytes(data)
        try:
            db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
            try:
                rows = _rows(db, notes)
            finally:
                db.close()
        except sqlite3.DatabaseError as exc:
            raise ImportFileError(f"{label}: not an Anki collection inside ({exc})") from exc
    notes.media.update(_media_in_package(path))
    return rows_to_deck(rows, name=name or path.stem, label=label, notes=notes)


def _collection_bytes(path: Path) -> bytes:
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError as exc:
        raise ImportFileError(f"{path}: cannot read (no such file)") from exc
    except (OSError, zipfile.BadZipFile) as exc:
        raise ImportFileError(f"{path}: not an Anki package ({exc})") from exc
    with archive:
        names = set(archive.namelist())
        member = next((m for m in COLLECTIONS if m in names), None)
        if member is None:
            raise ImportFileError(f"{path}: a zip without an Anki collection inside")
        if archive.getinfo(member).file_size > MAX_COLLECTION_BYTES:
            raise ImportFileError(f"{path}: the collection inside is too large")
        data = archive.read(member)
    if member.endswith("b"):
        import zstandard

        try:
            data = zstandard.ZstdDecompressor().decompressobj().decompress(data)
        except zstandard.ZstdError as exc:
            raise ImportFileError(f"{path}: {member} is damaged ({exc})") from exc
    return data


def _media_in_package(path: Path) -> set[str]:
    """The names of the media files the package carries (legacy JSON map only; a modern
    package's map is compressed protobuf, and its files are named in the fields anyway)."""
    with zipfile.ZipFile(path) as archive:
        if "media" not in archive.namelist():
            return set()
        try:
            mapping = json.loads(archive.read("media") or b"{}")
        except ValueError:
            return set()
    return {str(v) for v in mapping.values()} if isinstance(mapping, dict) else set()


def _tables(db: sqlite3.Connection) -> set[str]:
    return {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _notetypes(db: sqlite3.Connection) -> dict[int, tuple[str, bool, tuple[str, ...]]]:
    """Note type id -> (name, is cloze, field names)."""
    if "notetypes" in _tables(db):  # the schema of Anki 2.1.28 and later
        fields: dict[int, list[str]] = {}
        for ntid, fname in db.execute("SELECT ntid, name FROM fields ORDER BY ntid, ord"):
            fields.setdefault(ntid, []).append(fname)
        return {
            ntid: (name, bytes(config or b"").startswith(_CLOZE_KIND), tuple(fields.get(ntid, ())))
            for ntid, name, config in db.execute("SELECT id, name, config FROM notetypes")
        }
    (models,) = db.execute("SELECT models FROM col").fetchone()
    return {
        int(mid): (
            str(model.get("name", "")),
            model.get("type") == 1,
            tuple(str(f.get("name", "")) for f in model.get("flds", [])),
        )
        for mid, model in json.loads(models).items()
    }


def _decks(db: sqlite3.Connection) -> dict[int, str]:
    if "decks" in _tables(db):
        query = "SELECT id, name FROM decks"
        return {did: name.replace("\x1f", "::") for did, name in db.execute(query)}
    (decks,) = db.execute("SELECT decks FROM col").fetchone()
    return {int(did): str(deck.get("name", "")) for did, deck in json.loads(decks).items()}


def _rows(db: sqlite3.Connection, notes: ImportNotes) -> list[_Row]:
    notetypes = _notetypes(db)
    decks = _decks(db)
    deck_of = dict(db.execute("SELECT nid, MIN(did) FROM cards GROUP BY nid"))
    rows: list[_Row] = []
    query = "SELECT id, guid, mid, flds, tags FROM notes ORDER BY id"
    for number, (nid, guid, mid, flds, tags) in enumerate(db.execute(query), start=1):
        name, is_cloze, field_names = notetypes.get(mid, (f"note type {mid}", False, ()))
        if is_cloze and "cloze" not in name.casefold():
            name = f"{name} (cloze)"  # the text reader knows a cloze note type by its name
        rows.append(
            _Row(
                line=number,
                guid=str(guid) or None,
                notetype=name,
                deck=decks.get(deck_of.get(nid, 0)) or None,
                fields=clean_fields(str(flds).split("\x1f"), True, notes),
                tags=tuple(str(tags).split()),
                names=field_names,
            )
        )
    return rows
