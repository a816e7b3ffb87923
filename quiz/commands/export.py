"""`quiz export anki DECK -o FILE.apkg` and `quiz export csv DECK [-o FILE]`: a deck file
to Anki, as a package or as Anki's text format."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ORDER = 60


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "export",
        parents=[parent],
        help="a deck to Anki (.apkg) or to Anki's text format",
        description="Export a deck file for Anki. Cloze cards become cloze notes (hints "
        "kept), matching sets one basic note per pair; note ids come from card ids, so "
        "importing a newer export updates the notes in Anki.",
    )
    parser.add_argument("format", choices=("anki", "csv"), help="anki: .apkg; csv: text")
    parser.add_argument("deck", metavar="DECK", help="a deck file (or a deck name in decks/)")
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="where to write (anki: default ./<deck name>.apkg in the current folder; "
        "csv: default stdout)",
    )
    parser.set_defaults(func=run)


def deck_path(value: str) -> Path:
    """A deck argument as a file: an existing file, a path without its `.yaml`, else
    `decks/<name>.yaml` under the working directory.

    Raises:
        QuizError: nothing there; the message says every place it looked.
    """
    from quiz.errors import QuizError
    from quiz.paths import decks_dir

    path = Path(value)
    if path.is_dir():
        raise QuizError(f"{path}: is a folder; give one deck file (or a deck's name)")
    if path.is_file():
        return path
    candidates = (
        [path.with_name(path.name + ".yaml")] if path.suffix not in {".yaml", ".yml"} else []
    )
    if path.parent == Path("."):
        candidates.append(
            decks_dir() / f"{path.stem if path.suffix in {'.yaml', '.yml'} else value}.yaml"
        )
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    looked = ", ".join(str(p.absolute()) for p in [path, *candidates])
    raise QuizError(
        f"{value}: no such deck (looked for {looked}); give the deck file's path, or run "
        "quiz in the folder that holds decks/"
    )


def run(args: argparse.Namespace) -> int:
    from quiz.deck import load_deck, write_text_atomic
    from quiz.errors import QuizError

    deck = load_deck(deck_path(args.deck))
    if args.format == "anki":
        from quiz.export.anki import write_apkg

        output = Path(args.output) if args.output else Path(f"{deck.name}.apkg")
        created = _missing_folder(output)
        count = write_apkg(deck, output)
        print(f"{output}: {count} notes from {len(deck)} cards of {deck.name}{created}")
        return 0
    from quiz.export.csv import deck_to_text

    text = deck_to_text(deck)
    if not args.output or args.output == "-":
        sys.stdout.write(text)
        return 0
    created = _missing_folder(Path(args.output))
    try:
        write_text_atomic(args.output, text)
    except OSError as exc:
        raise QuizError(f"{args.output}: cannot write ({exc.strerror or exc})") from exc
    print(f"{args.output}: {len(deck)} cards of {deck.name}{created}")
    return 0


def _missing_folder(output: Path) -> str:
    """What to add to the report when the output's folder is missing (it gets created)."""
    missing = [folder for folder in output.parents if not folder.exists()]
    return f" (created the folder {missing[-1]})" if missing else ""
