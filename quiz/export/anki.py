"""A deck as an Anki package (.apkg) built with genanki.

Ids are derived, never random: the note types' ids from their names (one "quiz Cloze",
one "quiz Basic" and one "quiz Front/Back" note type in Anki however many decks are
exported), the Anki deck's id
from the quiz deck's name, and each note's GUID from its card id (see `quiz.export`).
"""

from __future__ import annotations

import hashlib
import html
import os
import sqlite3
import tempfile
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import genanki

from quiz.config import Config
from quiz.deck import Deck, replacement_mode
from quiz.errors import QuizError
from quiz.export import (
    BASIC_FIELDS,
    BASIC_NOTETYPE,
    CLOZE_FIELDS,
    CLOZE_NOTETYPE,
    FRONT_BACK_FIELDS,
    FRONT_BACK_NOTETYPE,
    Note,
    deck_notes,
)
from quiz.export.history import CardHistory, write_history

_CSS = """.card { font-family: "Noto Sans CJK SC", "PingFang SC", sans-serif; font-size: 22px;
  text-align: left; line-height: 1.6; }
.cloze { font-weight: bold; color: #1565c0; }
.section, .extra { font-size: 15px; color: #666; margin-top: 12px; }
"""


class ExportError(QuizError):
    """The export file cannot be written."""


def stable_id(*parts: str) -> int:
    """A deterministic id in genanki's recommended range [2**30, 2**31)."""
    digest = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=8).digest()
    return (1 << 30) + int.from_bytes(digest, "big") % (1 << 30)


_SECTION = '{{#Section}}<div class="section">{{Section}}</div>{{/Section}}'
_EXTRA = '{{#Extra}}<div class="extra">{{Extra}}</div>{{/Extra}}'


def _model(
    name: str, fields: Sequence[str], template: str, qfmt: str, afmt: str, **kw: Any
) -> genanki.Model:
    """One of quiz's note types, its id derived from its name (stable across exports)."""
    return genanki.Model(
        stable_id("quiz", "model", name),
        name,
        fields=[{"name": field} for field in fields],
        templates=[{"name": template, "qfmt": qfmt, "afmt": afmt}],
        css=_CSS,
        **kw,
    )


CLOZE_MODEL = _model(
    CLOZE_NOTETYPE,
    CLOZE_FIELDS,
    "Cloze",
    "{{cloze:Text}}",
    "{{cloze:Text}}" + _EXTRA + _SECTION,
    model_type=genanki.Model.CLOZE,
)
BASIC_MODEL = _model(
    BASIC_NOTETYPE,
    BASIC_FIELDS,
    "Card 1",
    '{{#Prompt}}<div class="extra">{{Prompt}}</div>{{/Prompt}}{{Front}}',
    '{{FrontSide}}<hr id="answer">{{Back}}' + _SECTION,
)
FRONT_BACK_MODEL = _model(
    FRONT_BACK_NOTETYPE,
    FRONT_BACK_FIELDS,
    "Card 1",
    "{{Front}}",
    '{{FrontSide}}<hr id="answer">{{Back}}' + _EXTRA + _SECTION,
)

_MODELS = {"cloze": CLOZE_MODEL, "basic": BASIC_MODEL, "front-back": FRONT_BACK_MODEL}


def _html(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")


def anki_deck_id(deck: Deck) -> int:
    return stable_id("quiz", "deck", deck.name)


def _genanki_note(note: Note) -> genanki.Note:
    model = _MODELS[note.kind]
    return genanki.Note(
        model=model,
        fields=[_html(value) for value in note.fields],
        tags=list(note.tags),
        guid=note.guid,
    )


def build_package(deck: Deck) -> genanki.Package:
    """The genanki package of a deck (one Anki deck named after the deck's title)."""
    anki_deck = genanki.Deck(anki_deck_id(deck), deck.title)
    for note in deck_notes(deck):
        anki_deck.add_note(_genanki_note(note))
    return genanki.Package(anki_deck)


def write_apkg(
    deck: Deck,
    path: str | os.PathLike[str],
    *,
    timestamp: float | None = None,
    history: Mapping[str, CardHistory] | None = None,
    config: Config | None = None,
) -> int:
    """Write the deck to `path` atomically; returns the number of notes. With `history`
    (card id -> its schedule and log, see `quiz.export.history`) the cards carry their
    schedule and the package its review log, counted in `config`'s study days.

    Raises:
        ExportError: the file cannot be written.
    """
    path = Path(path)
    package = build_package(deck)
    count = len(package.decks[0].notes)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = replacement_mode(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    try:
        package.write_to_file(tmp, timestamp=timestamp)
        if history is not None:
            _add_history(Path(tmp), deck, history, config or Config())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    finally:
        Path(tmp).unlink(missing_ok=True)
    return count


def _add_history(
    package: Path, deck: Deck, history: Mapping[str, CardHistory], config: Config
) -> None:
    """Rewrite the package with its collection's cards scheduled and its revlog filled."""
    with tempfile.TemporaryDirectory(prefix="quiz-apkg-") as folder:
        with zipfile.ZipFile(package) as archive:
            members = {name: archive.read(name) for name in archive.namelist()}
        collection = Path(folder) / "collection.anki2"
        collection.write_bytes(members["collection.anki2"])
        db = sqlite3.connect(collection)
        try:
            with db:
                write_history(db, deck, history, config)
        finally:
            db.close()
        members["collection.anki2"] = collection.read_bytes()
    with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
