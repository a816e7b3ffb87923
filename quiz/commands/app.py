"""`quiz` (no subcommand) opens the app on the collection here; `quiz study` goes straight
into a session.

The collection is the working directory: decks in `decks/*.yaml`, source texts in
`seeds/`. When `decks/` is missing it is generated from `seeds/` first (the generator, and
jieba, are imported only then). Every deck is synced into the database before the app opens.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quiz.errors import QuizError

if TYPE_CHECKING:
    from quiz.config import Config
    from quiz.custom import CustomStudy
    from quiz.deck import Deck
    from quiz.store import Store
    from quiz.tui.deck_shelf import DeckShelf

DEFAULT = True
ORDER = 20
BENCH_EXIT_ENV = "QUIZ_BENCH_EXIT_ON_FIRST_CARD"


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "study",
        parents=[parent],
        help="study in the app, straight into a session",
        description="Open the app straight into a study session on DECKs (default: all "
        "decks in decks/). Esc ends the session; every answer is saved as you go.",
    )
    parser.add_argument(
        "decks",
        nargs="*",
        metavar="DECK",
        help="a deck file, or a deck name in decks/ (default: every deck)",
    )
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument(
        "--cram",
        action="store_true",
        help="study every card of the decks now without changing their schedules",
    )
    modes.add_argument(
        "--filter",
        metavar="QUERY",
        help="custom study of the cards matching QUERY, the browser's search (e.g. "
        "'section:二、 is:due', 'tag:formula', 'prop:lapses>3'): cards due today are "
        "real reviews, the others crammed",
    )
    modes.add_argument(
        "--weakest",
        action="store_true",
        help="custom study of the section with the lowest retention",
    )
    modes.add_argument(
        "--failed-today",
        action="store_true",
        help="custom study of the cards failed today (the query rated:1:1)",
    )
    modes.add_argument(
        "--ahead",
        metavar="N",
        type=_days,
        help="custom study of the cards due in the next N days (the query prop:due<=N)",
    )
    parser.set_defaults(func=run_study)


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of days") from None
    if not 1 <= days <= 36500:
        raise argparse.ArgumentTypeError(f"{text}: from 1 to 36500 days")
    return days


def custom_query(args: argparse.Namespace) -> str | None:
    """The search a `quiz study` custom-study option stands for (None: none given;
    `--weakest` is resolved once the database is open, see `_custom_study`).

    Raises:
        SearchError: `--filter`'s query cannot be read.
    """
    from quiz import search

    if getattr(args, "filter", None) is not None:
        search.parse(args.filter)  # a bad query stops here, before any database is made
        return str(args.filter)
    if getattr(args, "failed_today", False):
        from quiz.custom import FAILED_TODAY

        return FAILED_TODAY
    if getattr(args, "ahead", None) is not None:
        return f"prop:due<={args.ahead}"
    return None


def run_default(args: argparse.Namespace) -> int:
    """`quiz`: the home screen."""
    return _run(args, study=None, cram=False)


def run_study(args: argparse.Namespace) -> int:
    """`quiz study [DECK...] [--cram | --filter QUERY | --weakest | --failed-today |
    --ahead N]`: a session at once."""
    query = custom_query(args)
    weakest = bool(getattr(args, "weakest", False))
    return _run(args, study=list(args.decks), cram=bool(args.cram), custom=query, weakest=weakest)


class NoDecksError(QuizError):
    """There is nothing to study here."""


def _deck_paths(root: Path) -> list[Path]:
    decks = root / "decks"
    return sorted(decks.glob("*.yaml")) if decks.is_dir() else []


def ensure_decks(root: Path) -> list[Path]:
    """The deck files of the collection in `root`, generated from `seeds/` when there are none."""
    paths = _deck_paths(root)
    if paths:
        return paths
    from quiz.generate.collection import regenerate_one, seed_files

    seeds = seed_files(root)
    if not seeds:
        raise NoDecksError(
            f"{root / 'decks'}: no decks here, and no texts in {root / 'seeds'} to make them "
            "from; run quiz in a collection folder or `quiz generate FILE`"
        )
    print(
        f"quiz: generating decks from {len(seeds)} text(s) in {root / 'seeds'} …",
        file=sys.stderr,
        flush=True,
    )
    for seed in seeds:
        regenerate_one(seed, root / "decks")
    return _deck_paths(root)


def _chosen_paths(names: list[str], root: Path, available: list[Path]) -> list[Path]:
    by_name = {path.stem: path for path in available}
    by_file = {path.resolve(): path for path in available}
    chosen: list[Path] = []
    for name in names:
        candidate = Path(name)
        if candidate.suffix in (".yaml", ".yml") or candidate.exists():
            if not candidate.is_file():
                raise NoDecksError(f"{candidate}: no such deck file")
            chosen.append(by_file.get(candidate.resolve(), candidate))
        elif name in by_name:
            chosen.append(by_name[name])
        else:
            known = ", ".join(sorted(by_name)) or "none"
            raise NoDecksError(f"{name}: no deck of that name in {root / 'decks'} (decks: {known})")
    return chosen


def _unchanged_since_sync(path: Path, synced_at: datetime | None) -> bool:
    """Whether the deck file was last modified before its last sync (then it is not read)."""
    if synced_at is None:
        return False
    return path.stat().st_mtime < synced_at.timestamp()


def open_collection(
    root: Path, store: Store, study: list[str] | None, now: datetime
) -> tuple[DeckShelf, list[str] | None, list[str]]:
    """Sync the collection's deck files into `store`.

    Returns the shelf of decks, the names to study at once (None: open the home screen),
    and the problems of deck files that could not be read (those decks are left out; they
    are reported only when the user did not name the decks to study).

    Raises:
        DeckError: a deck the user named to study cannot be read (every problem listed).
    """
    from quiz.deck import DeckError, load_deck
    from quiz.tui.deck_shelf import DeckShelf

    study_files_only = bool(study) and all(_is_file(name) for name in study or [])
    available = [] if study_files_only else ensure_decks(root)
    chosen = _chosen_paths(study, root, available) if study else []
    synced = {row.name: row.synced_at for row in store.decks()}
    loaded: list[Deck] = []
    names: list[str] = []
    problems: list[str] = []
    named = set(chosen)
    for path in dict.fromkeys([*available, *chosen]):
        if _unchanged_since_sync(path, synced.get(path.stem)):
            names.append(path.stem)
            continue
        try:
            deck = load_deck(path)
        except DeckError as exc:
            if path in named:
                raise  # the deck asked for cannot be studied: say why, open nothing
            if not named:  # a notice about other decks would only distract
                problems.extend(str(problem) for problem in exc.problems)
            continue
        store.sync_deck(deck, now=now)
        loaded.append(deck)
        names.append(deck.name)
    if not names:
        raise NoDecksError("no deck could be read:\n" + "\n".join(problems))
    study_names = None if study is None else [path.stem for path in chosen]
    paths = {path.stem: path for path in dict.fromkeys([*available, *chosen])}
    return DeckShelf(store, loaded, names, paths), study_names, problems


def _run(
    args: argparse.Namespace,
    *,
    study: list[str] | None,
    cram: bool,
    custom: str | None = None,
    weakest: bool = False,
) -> int:
    """Open the app; `custom` / `weakest`: straight into a custom study of that search or
    of the weakest section (found once the database is open)."""
    from datetime import UTC

    from quiz.config import load_config
    from quiz.paths import resolve_db_path
    from quiz.store import Store
    from quiz.tui.app import QuizApp

    def clock() -> datetime:
        return datetime.now(UTC)

    config = load_config()
    _check_named_decks(Path.cwd(), study)  # a bad deck named stops here: no database made
    with Store.open(resolve_db_path(args.db)) as store:
        shelf, study_names, problems = open_collection(Path.cwd(), store, study, clock())
        if study is not None:
            # A session writes at once (its record, then every answer): a database another
            # process keeps locked is refused here, with exit 1, before the screen is taken.
            store.check_writable()
        chosen = None
        if (custom is not None or weakest) and study_names is not None:
            names = study_names or list(shelf)
            query = None if weakest else custom
            study_names, chosen = _custom_study(store, names, query, config, clock())
        # The benchmark's hook: leave as soon as the first card is on screen.
        bench = bool(os.environ.get(BENCH_EXIT_ENV))

        def first_card_drawn() -> None:
            app.exit()

        app = QuizApp(
            store,
            shelf,
            config,
            clock,
            study=study_names,
            cram=cram,
            custom=chosen,
            root=Path.cwd(),
            warnings=problems,
            on_first_card=first_card_drawn if bench else None,
            theme_file=store.path.with_name(store.path.stem + "-theme.txt"),
        )
        app.run(headless=bench)
    return 0


class NothingToStudyError(QuizError):
    """A custom study that selects no card."""


def _custom_study(
    store: Store, decks: list[str], query: str | None, config: Config, now: datetime
) -> tuple[list[str], CustomStudy]:
    """The decks and cards of a custom study of `query` over `decks` (None: the weakest
    section's cards, in its deck).

    Raises:
        NothingToStudyError: no section has answers yet, or no card to study matches.
    """
    from quiz.custom import section_query, select_cards, weakest_section

    if query is None:
        weakest = weakest_section(store, decks)
        if weakest is None:
            raise NothingToStudyError(
                "--weakest: no section has review answers yet; study first (quiz stats "
                "shows each section's retention)"
            )
        deck, section, rate = weakest
        print(
            f"quiz: the weakest section: {section} ({deck}, {rate:.0%} retention)",
            file=sys.stderr,
        )
        decks, query = [deck], section_query(section)
    chosen = select_cards(store, decks, query, now, config)
    if not chosen.keys:
        raise NothingToStudyError(f"{query}: nothing to study ({chosen.describe()})")
    return decks, chosen


def _check_named_decks(root: Path, study: list[str] | None) -> None:
    """Read the decks named to study before the database is opened (or created), so a
    deck that cannot be studied leaves nothing behind.

    Raises:
        NoDecksError: a name that is no deck here.
        DeckError: a named deck file that cannot be read.
    """
    from quiz.deck import load_deck

    if not study:
        return
    # Deck names need the collection's decks (generated from seeds/ when there are none).
    available = [] if all(_is_file(name) for name in study) else ensure_decks(root)
    for path in _chosen_paths(study, root, available):
        load_deck(path)


def _is_file(name: str) -> bool:
    return Path(name).suffix in (".yaml", ".yml")
