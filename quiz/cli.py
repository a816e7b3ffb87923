"""The `quiz` command line: argument parsing and dispatch.

Each subcommand lives in `quiz/commands/<name>.py` and exposes `register(subparsers,
parent)`; a module may set `DEFAULT = True` to run when no subcommand is given. Command
modules import their heavy dependencies (jieba, textual) inside the function that runs,
so `quiz --help` stays fast and light.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import pkgutil
import sys
from collections.abc import Sequence
from types import ModuleType

from quiz import __version__
from quiz.errors import QuizError


def _command_modules() -> list[ModuleType]:
    import quiz.commands as package

    modules = [
        importlib.import_module(f"{package.__name__}.{info.name}")
        for info in pkgutil.iter_modules(package.__path__)
        if not info.name.startswith("_")
    ]
    return sorted(modules, key=lambda m: (getattr(m, "ORDER", 50), m.__name__))


def build_parser() -> tuple[argparse.ArgumentParser, list[ModuleType]]:
    """The parser with every subcommand, and the command modules in help order."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the collection database (default: $QUIZ_DB, else the user data directory)",
    )
    parser = argparse.ArgumentParser(
        prog="quiz",
        description="Learn a text by heart: generate cloze and matching cards, study them "
        "with spaced repetition, and see your scores.",
        epilog="Without a COMMAND, quiz opens the app on the decks in ./decks. "
        "`quiz COMMAND --help` tells more.",
        parents=[parent],
    )
    parser.add_argument("--version", action="version", version=f"quiz {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = _command_modules()
    for module in modules:
        module.register(subparsers, parent)
    return parser, modules


def main(argv: Sequence[str] | None = None) -> int:
    """Run quiz; returns the process exit code."""
    parser, modules = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "db"):
        args.db = None
    handler = getattr(args, "func", None)
    if handler is None:
        defaults = [m for m in modules if getattr(m, "DEFAULT", False)]
        if not defaults:
            parser.print_help()
            return 0
        handler = defaults[0].run_default
    try:
        return int(handler(args) or 0)
    except QuizError as exc:
        print(f"quiz: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("quiz: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    finally:
        if argv is None:  # the command line, not a caller: the process ends with this return
            # Nothing it holds (jieba's dictionary, the modules, a run's data) needs the
            # collection Python makes at exit to walk it, only to be let go.
            gc.freeze()
