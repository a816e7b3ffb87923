"""A collection's texts and their decks: which files to generate from, and regenerating one.

`quiz generate`, the app's `r` (regenerate) and the first run of `quiz study` (decks made
from `seeds/` when there are none) all go through `regenerate`, so they write the same
stamped deck and report the same counts. The generator (and jieba with it) is imported only
when a deck is made: the app imports this module freely.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.errors import QuizError

if TYPE_CHECKING:
    from quiz.deck import Deck
    from quiz.generate.pipeline import GenerateReport, ScriptChoice

SOURCE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})


def text_files(folder: Path) -> list[Path]:
    """The source texts in `folder` (.txt, .md, .html), by name; hidden files left out."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES and not p.name.startswith(".")
    )


def seed_files(root: Path) -> list[Path]:
    """The source texts of the collection in `root` (its `seeds/` folder)."""
    from quiz.paths import seeds_dir

    return text_files(seeds_dir(root))


def source_files(paths: list[str], root: Path) -> list[Path]:
    """The files to generate from: the given paths (a directory stands for its texts),
    else every text in `root/seeds`.

    Raises:
        QuizError: a given directory holds no text, or there are no seeds.
    """
    if paths:
        files: list[Path] = []
        for given in map(Path, paths):
            if not given.is_dir():
                files.append(given)
                continue
            texts = text_files(given)
            if not texts:
                raise QuizError(f"{given}: no .txt, .md or .html files in this directory")
            files.extend(texts)
        return files
    from quiz.paths import seeds_dir

    files = seed_files(root)
    if not files:
        raise QuizError(f"{seeds_dir(root)}: no source texts to generate from (give a PATH)")
    return files


def source_label(path: Path, root: Path) -> str:
    """The `source` written into the deck: relative to the collection root when inside it."""
    try:
        if path.resolve().is_relative_to(root.resolve()):
            return Path(os.path.relpath(path.resolve(), root.resolve())).as_posix()
        return path.as_posix()
    except (OSError, ValueError):
        return path.as_posix()


def regenerate(
    source: Path,
    target: Path,
    *,
    root: Path,
    script: ScriptChoice = "keep",
    force: bool = False,
    keep_all: bool = False,
    progress: Callable[[str], None] | None = None,
) -> tuple[Deck, GenerateReport]:
    """Generate the deck of `source` and write it, stamped, to `target` (`progress` is
    told each step as it starts, see `generate_deck`, then "writing").

    Raises:
        HandEditedError: `target` holds hand edits (and not `force`); it is left as it is.
        QuizError: the source cannot be read or gives no cards.
        OSError: the deck cannot be written.
    """
    from quiz.generate.pipeline import generate_deck
    from quiz.generate.stamp import write_generated

    label = source_label(source, root)
    deck, report = generate_deck(
        source, script=script, source_label=label, keep_all=keep_all, progress=progress
    )
    if progress is not None:
        progress("writing")
    write_generated(deck, target, source=label, force=force)
    return deck, report


def regenerate_one(seed: Path, decks_dir: Path) -> Deck:
    """Regenerate the deck of one seed into `decks_dir/<stem>.yaml` and read it back (what
    the app studies is what is on disk)."""
    from quiz.deck import load_deck

    target = decks_dir / f"{seed.stem}.yaml"
    regenerate(seed, target, root=decks_dir.parent)
    return load_deck(target)
