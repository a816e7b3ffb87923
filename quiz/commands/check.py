"""`quiz check DECK...`: validate deck files, reporting every problem as `file:line: message`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

ORDER = 25


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "check",
        parents=[parent],
        help="validate deck files",
        description="Check hand-written or generated decks against the deck schema.",
    )
    parser.add_argument("decks", nargs="+", metavar="DECK", help="deck files (.yaml)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quiz.deck import DeckError, load_deck

    failed = False
    for path in args.decks:
        try:
            deck = load_deck(path)
        except DeckError as exc:
            failed = True
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            continue
        count = len(deck.cards)
        print(f"{path}: ok: {count} card{'s' if count != 1 else ''}")
    return 1 if failed else 0
