"""`quiz generate [PATH ...]`: turn source texts into YAML decks (seeds/* -> decks/*.yaml)."""

from __future__ import annotations

import argparse
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


def run(args: argparse.Namespace) -> int:
    from quiz.generate import regex_cache

    with regex_cache.kept():  # the patterns of the modules below, compiled by an earlier run
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    from quiz.errors import QuizError
    from quiz.generate.collection import regenerate, source_files
    from quiz.generate.stamp import HandEditedError
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
            with Progress.for_file(path) as progress:
                _deck, report = regenerate(
                    path,
                    target,
                    root=root,
                    script=args.script,
                    force=args.force,
                    keep_all=args.keep_all,
                    progress=progress.step,
                )
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
        # What the deck holds is part of the result (stdout); what cleaning did to the
        # source is a note (stderr, below).
        print(_indent(report.summary()))
        if args.verbose:
            for line in report.left_out_lines():
                print(_indent(line))
        if report.clean_report is not None:
            cleaned = report.clean_report.format(args.verbose)
            if cleaned:
                print(_indent(cleaned), file=sys.stderr)  # a note on the result above
    if failed:
        print(f"quiz: {failed} file(s) failed; nothing was written for them", file=sys.stderr)
        return 1
    return 0


PROGRESS_FROM_BYTES = 1_000_000
"""Files this large (about 2 s of work and more) get progress lines on stderr."""
HEARTBEAT_SECONDS = 10.0


class Progress:
    """Progress of one large file on stderr: each step as it starts, a line every
    `HEARTBEAT_SECONDS` while a step runs, and the time taken. Silent for small files
    (their work takes no time worth reporting)."""

    def __init__(self, label: str, size: int | None, *, heartbeat: float | None = None):
        import threading
        import time

        self.label = label
        self.size = size
        self.heartbeat = HEARTBEAT_SECONDS if heartbeat is None else heartbeat
        self.what = ""
        self.started = self.step_started = time.monotonic()
        self._clock = time.monotonic
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        if size is not None:
            self._thread = threading.Thread(target=self._beat, name="quiz-progress", daemon=True)

    @classmethod
    def for_file(cls, path: Path) -> Progress:
        try:
            size = path.stat().st_size
        except OSError:
            size = 0
        from quiz.text.read import MAX_SOURCE_BYTES

        # A file over the size limit is refused at once: no progress to show for it.
        large = PROGRESS_FROM_BYTES <= size <= MAX_SOURCE_BYTES
        return cls(_shown(path), size if large else None)

    def step(self, what: str) -> None:
        if self.size is None:
            return
        with self._lock:
            self.what, self.step_started = what, self._clock()
            extra = f" {self.size / 1e6:.1f} MB" if what == "reading" else ""
            self._say(f"{what}{extra} …")

    def _beat(self) -> None:
        while not self._stop.wait(self.heartbeat):
            with self._lock:
                self._say(f"still {self.what} ({self._clock() - self.step_started:.0f} s) …")

    def _say(self, text: str) -> None:
        print(f"quiz: {self.label}: {text}", file=sys.stderr, flush=True)

    def __enter__(self) -> Progress:
        if self._thread is not None:
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._thread is None:
            return
        self._stop.set()
        self._thread.join()
        if exc[0] is None:
            self._say(f"done in {self._clock() - self.started:.0f} s")


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def _indent(text: str) -> str:
    return "\n".join(f"  {line}" if line else line for line in text.splitlines())
