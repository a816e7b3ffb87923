"""`quiz check DECK...`: validate deck files, reporting every problem as `file:line: message`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quiz.deck import Deck

ORDER = 25


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "check",
        parents=[parent],
        help="validate deck files",
        description="Check hand-written or generated decks against the deck schema. A "
        "directory stands for its *.yaml files; without DECK, decks/*.yaml is checked.",
    )
    parser.add_argument(
        "decks", nargs="*", metavar="DECK", help="deck files or directories (default: decks/)"
    )
    parser.set_defaults(func=run)


def deck_files(given: list[str], root: Path) -> list[Path]:
    """The decks named on a command line: files as given, deck names as `root/decks/NAME.yaml`,
    directories as their *.yaml (sorted), and `root/decks` when nothing is given. A name
    that is none of these is kept as given, for the caller to report it unreadable."""
    from quiz.errors import QuizError
    from quiz.paths import decks_dir

    folder = decks_dir(root)
    if not given and not folder.is_dir():
        raise QuizError(f"{folder}: no such directory (give the DECK files to check)")
    files: list[Path] = []
    for path in map(Path, given) if given else [folder]:
        named = folder / f"{path}.yaml"
        if not path.exists() and path.name == str(path) and named.is_file():
            files.append(named)
        elif not path.is_dir():
            files.append(path)
        else:
            found = sorted(
                p for p in path.glob("*.yaml") if p.is_file() and not p.name.startswith(".")
            )
            if not found:
                raise QuizError(f"{path}: no .yaml decks in this directory")
            files.extend(found)
    return files


def load_or_report(path: Path) -> Deck | None:
    """The deck in `path`, or None after printing each of its `file:line` problems."""
    from quiz.deck import DeckError, load_deck

    try:
        return load_deck(path)
    except DeckError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return None


def run(args: argparse.Namespace) -> int:
    failed = False
    for path in deck_files(args.decks, Path()):
        deck = load_or_report(path)
        if deck is None:
            failed = True
            continue
        count = len(deck.cards)
        print(f"{path}: ok: {count} card{'s' if count != 1 else ''}")
    return 1 if failed else 0
