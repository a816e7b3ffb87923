"""`quiz generate [PATH ...]`: turn source texts into YAML decks (seeds/* -> decks/*.yaml)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

ORDER = 20


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "generate",
        parents=[parent],
        help="generate cloze and matching decks from texts",
        description="Read each text (.txt, .md, .html), clean it, and write its cards to "
        "DIR/<stem>.yaml. A directory PATH means every .txt, .md and .html file in it. Without "
        "PATH, every file in seeds/ is regenerated into decks/. A deck edited by hand since "
        "quiz wrote it (or never written by quiz) is left alone unless --force.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="source texts (default: seeds/*)")
    parser.add_argument("--out", metavar="DIR", help="where decks go (default: decks/)")
    parser.add_argument(
        "--script",
        choices=("keep", "simplified", "traditional"),
        default="keep",
        help="characters of the cards: as in the source (default), or converted",
    )
    parser.add_argument(
        "--force", action="store_true", help="overwrite decks even when edited by hand"
    )
    parser.add_argument(
        "--all",
        action="store_true",
        dest="keep_all",
        help="keep every card found, not only the most important ones (by default a deck "
        "keeps about 8 cards per 1,000 characters, and every formula, quotation and heading)",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="list every cleaning change and every card left out, with its line",
    )
    parser.set_defaults(func=run)


SOURCE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})


def source_files(paths: list[str], root: Path) -> list[Path]:
    """The files to generate from: the given paths (a directory stands for its text files,
    sorted), else every file in `root/seeds`."""
    from quiz.errors import QuizError

    if paths:
        files: list[Path] = []
        for given in map(Path, paths):
            if not given.is_dir():
                files.append(given)
                continue
            texts = sorted(
                p
                for p in given.iterdir()
                if p.is_file()
                and p.suffix.lower() in SOURCE_SUFFIXES
                and not p.name.startswith(".")
            )
            if not texts:
                raise QuizError(f"{given}: no .txt, .md or .html files in this directory")
            files.extend(texts)
        return files
    from quiz.paths import seeds_dir

    seeds = seeds_dir(root)
    files = (
        sorted(p for p in seeds.iterdir() if p.is_file() and not p.name.startswith("."))
        if seeds.is_dir()
        else []
    )
    if not files:
        raise QuizError(f"{seeds}: no source texts to generate from (give a PATH)")
    return files


def source_label(path: Path, root: Path) -> str:
    """The `source` written into the deck: relative to the collection root when inside it."""
    try:
        return (
            Path(os.path.relpath(path.resolve(), root.resolve())).as_posix()
            if path.resolve().is_relative_to(root.resolve())
            else path.as_posix()
        )
    except (OSError, ValueError):
        return path.as_posix()


def run(args: argparse.Namespace) -> int:
    from quiz.errors import QuizError
    from quiz.generate.pipeline import generate_deck
    from quiz.generate.stamp import HandEditedError, write_generated
    from quiz.paths import decks_dir

    root = Path.cwd()
    out_dir = Path(args.out) if args.out else decks_dir(root)
    failed = 0
    written: dict[Path, Path] = {}
    for path in source_files(args.paths, root):
        target = out_dir / f"{path.stem}.yaml"
        if target in written:
            failed += 1
            print(
                f"quiz: {_shown(path)}: its deck {_shown(target)} was just written from "
                f"{_shown(written[target])}; rename one of them",
                file=sys.stderr,
            )
            continue
        try:
            label = source_label(path, root)
            deck, report = generate_deck(
                path, script=args.script, source_label=label, keep_all=args.keep_all
            )
            write_generated(deck, target, source=label, force=args.force)
        except HandEditedError as exc:
            failed += 1
            print(f"quiz: {_shown(target)}: {exc.reason}", file=sys.stderr)
            continue
        except QuizError as exc:
            failed += 1
            print(f"quiz: {exc}", file=sys.stderr)
            continue
        except OSError as exc:
            failed += 1
            print(f"quiz: {target}: cannot write: {exc.strerror or exc}", file=sys.stderr)
            continue
        written[target] = path
        print(f"{_shown(path)} -> {_shown(target)}: {report.cloze} cloze, {report.match} match")
        print(_indent(report.summary()))
        if args.verbose:
            for line in report.left_out_lines():
                print(_indent(line))
        if report.clean_report is not None:
            cleaned = report.clean_report.format(args.verbose)
            if cleaned:
                print(_indent(cleaned))
    if failed:
        print(f"quiz: {failed} file(s) failed; nothing was written for them", file=sys.stderr)
        return 1
    return 0


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def _indent(text: str) -> str:
    return "\n".join(f"  {line}" if line else line for line in text.splitlines())
