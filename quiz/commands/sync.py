"""`quiz sync [DECK...]`: bring deck files into the database and say what changed.

New cards are added, unchanged ones keep their schedule, lightly edited ones carry their
history over, removed ones are retired (never deleted). A deck whose content is unchanged
since its last sync is skipped unless `--force`.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from quiz.errors import QuizError

ORDER = 30


class NoDeckFilesError(QuizError):
    """No deck file to sync."""


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "sync",
        parents=[parent],
        help="sync deck files into the database",
        description="Sync DECKs (default: decks/*.yaml here) into the collection database: "
        "add new cards, keep the history of unchanged and lightly edited ones, retire "
        "removed ones.",
    )
    parser.add_argument(
        "decks", nargs="*", metavar="DECK", help="deck files, or deck names in decks/"
    )
    parser.add_argument(
        "--force", action="store_true", help="sync even decks whose content is unchanged"
    )
    parser.set_defaults(func=run)


def deck_files(names: list[str], root: Path) -> list[Path]:
    """The deck files named on the command line (files, folders, or names in decks/), or
    every deck in decks/; each once."""
    from quiz.commands.check import deck_files as named_decks

    if not names and not any((root / "decks").glob("*.yaml")):
        raise NoDeckFilesError(f"{root / 'decks'}: no deck files (*.yaml) to sync")
    paths = named_decks(names, root)
    for path in paths:
        if not path.exists():
            raise NoDeckFilesError(
                f"{path}: no such deck file, and no {root / 'decks' / path}.yaml"
            )
    _refuse_same_name(paths)
    return list(dict.fromkeys(paths))


def _refuse_same_name(paths: list[Path]) -> None:
    """A deck is known by its file's stem: two different files with one stem would take
    turns retiring each other's cards."""
    seen: dict[str, Path] = {}
    for path in paths:
        first = seen.setdefault(path.stem, path)
        if first != path and first.resolve() != path.resolve():
            raise NoDeckFilesError(
                f"{first} and {path} are both deck '{path.stem}'; rename one of them"
            )


def run(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from quiz.commands.check import load_or_report
    from quiz.paths import resolve_db_path
    from quiz.store import Store

    paths = deck_files(list(args.decks), Path())
    failed = False
    with Store.open(resolve_db_path(args.db)) as store:
        for path in paths:
            deck = load_or_report(path)
            if deck is None:
                failed = True
                continue
            report = store.sync_deck(
                deck, now=datetime.now(UTC), force=bool(args.force), label=str(path)
            )
            print(report.format())
    return 1 if failed else 0
