"""`quiz import FILE [--deck NAME]`: an Anki text file (from `quiz export csv` or Anki's
"Notes in Plain Text") as a YAML deck in decks/, written atomically and checked by loading
it back."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

ORDER = 61


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "import",
        parents=[parent],
        help="an Anki text/CSV file as a deck in decks/",
        description="Read Anki's text format (#separator, #html, #columns, #notetype/"
        "#deck/#tags/#guid column headers) and write decks/<NAME>.yaml.",
    )
    parser.add_argument("file", metavar="FILE", help="the text file to import")
    parser.add_argument("--deck", metavar="NAME", help="the deck's name (default: file stem)")
    parser.add_argument("--out", metavar="DIR", help="deck folder (default: ./decks)")
    parser.add_argument("--force", action="store_true", help="replace an existing deck file")
    parser.set_defaults(func=run)


def import_file(
    source: Path, *, name: str | None = None, out_dir: Path | None = None, force: bool = False
) -> Path:
    """Import `source` into `out_dir/<name>.yaml`; returns the deck file's path.

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
    deck = read_text_deck(source, name=deck_name)
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


def run(args: argparse.Namespace) -> int:
    target = import_file(
        Path(args.file),
        name=args.deck,
        out_dir=Path(args.out) if args.out else None,
        force=args.force,
    )
    print(f"{target}: written from {args.file}")
    return 0
