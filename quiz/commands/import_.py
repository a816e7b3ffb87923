"""`quiz import FILE [--deck NAME]`: an Anki package (.apkg, from Anki or `quiz export
anki`) or text file (from `quiz export csv` or Anki's "Notes in Plain Text") as a YAML deck
in decks/, written atomically and checked by loading it back; then what crossed only in
part (formatting, media, fields no card holds, c2.. blanks as more cards) is listed."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quiz.export.csv import ImportNotes

ORDER = 61


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "import",
        parents=[parent],
        help="an Anki package (.apkg) or text/CSV file as a deck in decks/",
        description="Read an Anki package (.apkg: notes, tags and deck; no media or "
        "scheduling) or Anki's text format (#separator, #html, #columns, #notetype/"
        "#deck/#tags/#guid column headers) and write decks/<NAME>.yaml.",
    )
    parser.add_argument("file", metavar="FILE", help="the .apkg or text file to import")
    parser.add_argument("--deck", metavar="NAME", help="the deck's name (default: file stem)")
    parser.add_argument("--out", metavar="DIR", help="deck folder (default: ./decks)")
    parser.add_argument("--force", action="store_true", help="replace an existing deck file")
    parser.set_defaults(func=run)


def import_file(
    source: Path,
    *,
    name: str | None = None,
    out_dir: Path | None = None,
    force: bool = False,
    notes: ImportNotes | None = None,
) -> Path:
    """Import `source` into `out_dir/<name>.yaml`; returns the deck file's path. What
    crossed only in part is added to `notes`.

    Raises:
        ImportFileError: the file cannot be read or makes no valid deck, or the deck file
            exists and `force` is not set.
    """
    from quiz.deck import DeckError, dump_deck, load_deck, parse_deck, write_text_atomic
    from quiz.export.csv import ImportFileError, read_text_deck
    from quiz.paths import decks_dir

    deck_name = name or source.stem
    if not deck_name or "/" in deck_name or deck_name.startswith("."):
        raise ImportFileError(f"--deck: {deck_name!r} is not a usable deck name")
    if _is_zip(source):
        from quiz.export.apkg import read_apkg

        deck = read_apkg(source, name=deck_name, notes=notes)
    else:
        deck = read_text_deck(source, name=deck_name, notes=notes)
    target = (out_dir or decks_dir()) / f"{deck_name}.yaml"
    if target.exists() and not force:
        raise ImportFileError(f"{target} exists; use --force to replace it")
    text = dump_deck(deck)
    try:
        parse_deck(text, name=deck_name)
    except DeckError as exc:
        raise ImportFileError(f"{source}: the notes make no valid deck:\n{exc}") from exc
    try:
        write_text_atomic(target, text)
    except OSError as exc:
        raise ImportFileError(f"{target}: cannot write ({exc.strerror or exc})") from exc
    load_deck(target)
    return target


def _is_zip(source: Path) -> bool:
    try:
        with source.open("rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False  # the reader says what is wrong with the file


def run(args: argparse.Namespace) -> int:
    from quiz.export.csv import ImportNotes

    notes = ImportNotes()
    target = import_file(
        Path(args.file),
        name=args.deck,
        out_dir=Path(args.out) if args.out else None,
        force=args.force,
        notes=notes,
    )
    print(f"{target}: written from {args.file}")
    for line in notes.lines():
        print(f"  kept in part: {line}")
    return 0
