"""`quiz export anki DECK -o FILE.apkg` and `quiz export csv DECK [-o FILE]`: a deck file
to Anki, as a package or as Anki's text format."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quiz.export.history import CardHistory

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
    parser.add_argument(
        "--with-history",
        action="store_true",
        help="anki: carry each card's schedule and the review log from the database "
        "(--db), so Anki shows the same due dates; import it with 'Import any learning "
        "progress' checked",
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
        if args.with_history:
            from quiz.config import load_config

            config = load_config()
            history = _history(args.db, deck.name)
            count = write_apkg(deck, output, history=history, config=config)
            answers = sum(len(h.reviews) for h in history.values())
            studied = sum(1 for h in history.values() if h.status)
            created += f"; {studied} cards scheduled, {answers} answers in the review log"
        else:
            count = write_apkg(deck, output)
        print(f"{output}: {count} notes from {len(deck)} cards of {deck.name}{created}")
        return 0
    if args.with_history:
        raise QuizError("--with-history: only for `quiz export anki` (a text file has no schedule)")
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


def _history(db: str | None, deck: str) -> dict[str, CardHistory]:
    """Every card's schedule and effective answers, read from the database read-only."""
    from quiz.errors import QuizError
    from quiz.export.history import CardHistory, Review
    from quiz.paths import resolve_db_path
    from quiz.store import Store

    path = resolve_db_path(db)
    if not path.exists():
        raise QuizError(f"{path}: no database, so no history to export (study first, or --db)")
    out: dict[str, CardHistory] = {}
    with Store.open_read_only(path) as store:
        for row in store.cards([deck]):
            reviews = [
                Review(
                    at=r.reviewed_at,
                    rating=r.rating,
                    kind=r.kind,
                    duration_ms=r.duration_ms,
                    before_due=r.before.due,
                    before_status=int(r.before.status),
                    before_last=r.before.last_review,
                    after_due=r.after.due,
                    after_status=int(r.after.status),
                )
                for r in store.card_history(deck, row.card_id)
                if r.rating is not None
            ]
            s = row.state
            out[row.card_id] = CardHistory(
                status=int(s.status),
                step=s.step,
                stability=s.stability,
                difficulty=s.difficulty,
                due=s.due,
                last_review=s.last_review,
                reps=s.reps,
                lapses=s.lapses,
                suspended=row.suspended,
                reviews=reviews,
            )
    return out
