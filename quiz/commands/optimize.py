"""`quiz optimize [DECK...]`: fit the FSRS parameters to your own review log (Anki's
"Optimize") and write them where the scheduler reads them, `[scheduling] fsrs_parameters`
in the config file.

The parameters are the learner's, not a deck's: one set for every deck (as Anki's one
preset), fitted on the DECKs' reviews (default: all of them). Only this command imports
the optimiser (`quiz.optimize` and the fsrs-rs binding).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quiz.optimize import Fit

ORDER = 45


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "optimize",
        parents=[parent],
        help="fit the FSRS parameters to your review log",
        description="Fit the 21 FSRS parameters to your own answers (the first of each day "
        "per card; cram and undone answers left out), print how well the parameters in "
        "use and the fitted ones predict them (log loss, RMSE), and write the fitted ones "
        "to [scheduling] fsrs_parameters in the config file when they predict better. One "
        "set serves every deck; DECKs choose whose reviews it learns from (default: all).",
    )
    parser.add_argument("decks", nargs="*", metavar="DECK", help="deck names or deck files")
    parser.add_argument(
        "--dry-run", action="store_true", help="print the figures, write nothing"
    )
    parser.add_argument(
        "--retention",
        action="store_true",
        help="also simulate a year of study to find the desired retention that minimises "
        "the time per card remembered (a few seconds more)",
    )
    parser.add_argument("--now", help=argparse.SUPPRESS)  # fixed clock for reproducible output
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quiz import optimize
    from quiz.commands.stats import _check_decks_known, _now, deck_names
    from quiz.config import Optimized, load_config, parameters_digest, parameters_source
    from quiz.errors import QuizError
    from quiz.paths import config_path, resolve_db_path
    from quiz.store import Store, fsrs_log
    from quiz.store.db import place_is_writable
    from quiz.store.stats_queries import deck_titles

    config = load_config()
    now = _now(args.now)
    decks = deck_names(args.decks)
    path = resolve_db_path(args.db)
    if not path.exists():
        raise QuizError(f"{path}: no collection database yet: study first, then optimise")
    opener = Store.open if place_is_writable(path) else Store.open_read_only
    with _progress() as progress, opener(path) as store:
        _check_decks_known(decks, deck_titles(store._db, decks), store.deck_names(), path)
        total = fsrs_log.answer_count(store, decks)
        roots = optimize.lineage_roots(fsrs_log.carried(store, decks))
        rows = fsrs_log.answers(store, day_starts_at=config.day_starts_at, decks=decks)
        answers = (
            optimize.Answer((deck, card), day, rating, before, after)
            for deck, card, day, rating, before, after in progress.rows(rows, total)
        )
        histories = optimize.card_histories(answers, roots)
        try:
            reviews = optimize.require_enough(histories)
        except optimize.NotEnoughReviews as exc:
            raise QuizError(f"{path}: {exc}") from exc
        current = config.fsrs_parameters
        fit = progress.wait(
            f"fitting 21 parameters to {reviews:,} reviews",
            lambda: optimize.optimize(histories, current=current, answers=total),
        )
    source, _record = parameters_source(config)
    print(_report(fit, source))
    retention = None
    if args.retention:
        with _progress() as progress:
            retention = progress.wait(
                "simulating a year of study",
                lambda: optimize.workload_retention(
                    fit.parameters if fit.improved else fit.previous,
                    cards=len(histories),
                    new_per_day=config.new_per_day,
                    reviews_per_day=config.reviews_per_day,
                ),
            )
        print(_retention_line(retention, config.desired_retention))
    if not fit.improved:
        print("the parameters in use predict your answers at least as well: nothing written")
        return 0
    target = config_path()
    if args.dry_run:
        print(f"--dry-run: nothing written (would set [scheduling] fsrs_parameters in {target})")
        return 0
    record = Optimized(
        at=now.astimezone(UTC).replace(microsecond=0),
        reviews=fit.reviews,
        cards=fit.cards,
        decks=tuple(decks),
        log_loss=fit.after.log_loss,
        rmse=fit.after.rmse,
        digest=parameters_digest(fit.parameters),
    )
    from quiz.config import write_fsrs_parameters

    write_fsrs_parameters(target, fit.parameters, record)
    print(f"written to {target}\n([scheduling] fsrs_parameters: the next answer uses them)")
    return 0


def _report(fit: Fit, source: str) -> str:
    label = {"default": "default", "optimized": "optimised before", "config": "from config"}
    rows = [
        (f"in use ({label.get(source, source)})", fit.before),
        ("optimised now", fit.after),
    ]
    import textwrap

    lines = [
        f"{fit.answers:,} answers; FSRS learns from {fit.reviews:,} reviews of {fit.cards:,} cards",
        "(a card's first answer on each day after its first)",
        "",
        f"{'':26}{'log loss':>10}{'RMSE':>9}",
    ]
    lines += [f"{name:26}{ev.log_loss:>10.4f}{ev.rmse:>9.2%}" for name, ev in rows]
    weights = "parameters: " + " ".join(f"{w:g}" for w in fit.parameters)
    lines += ["", *textwrap.wrap(weights, 78, subsequent_indent="  ")]
    return "\n".join(lines)


def _retention_line(retention: float, desired: float) -> str:
    floor = "the lowest the library tries; " if retention <= 0.7 else ""
    return (
        f"retention with the least work per card remembered (a simulated year): {retention:.2f}"
        f"\n({floor}desired_retention is {desired:.2f}: set in [scheduling])"
    )


# --------------------------------------------------------------------------- progress


class _Progress:
    """A progress bar on standard error while the log is read and the parameters fitted
    (nothing when standard error is not a terminal). The binding holds the interpreter
    while it fits, so on a terminal the fit runs in a forked child and the bar keeps
    moving (and ctrl+c stops it at once)."""

    def __init__(self, live: Any) -> None:
        self.live = live

    def rows(self, rows: Iterator[Any], total: int) -> Iterator[Any]:
        if self.live is None:
            yield from rows
            return
        task = self.live.add_task("reading the review log", total=max(total, 1))
        for count, row in enumerate(rows, 1):
            if count % 20_000 == 0:
                self.live.update(task, completed=count)
            yield row
        self.live.update(task, completed=max(total, 1))

    def wait(self, label: str, work: Callable[[], Any]) -> Any:
        """`work()`, in a forked child when a bar is shown and fork is available. The
        parent never calls into the binding itself, so no thread pool of the library's
        exists yet when it forks."""
        import multiprocessing

        if self.live is None or "fork" not in multiprocessing.get_all_start_methods():
            return work()
        task = self.live.add_task(label, total=None)
        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=_run_child, args=(work, send), daemon=True)
        child.start()
        send.close()
        try:
            while not receive.poll(0.1):
                if not child.is_alive():
                    break
                self.live.advance(task)
            ok, value = receive.recv() if receive.poll() else (False, "the fit stopped")
        except EOFError:
            ok, value = False, "the fit stopped without a result"
        finally:
            child.join(timeout=1)
            if child.is_alive():
                child.kill()
        self.live.update(task, total=1, completed=1)
        if not ok:
            from quiz.errors import QuizError

            raise QuizError(f"optimise: {value}")
        return value


def _run_child(work: Callable[[], Any], send: Any) -> None:
    try:
        send.send((True, work()))
    except BaseException as exc:  # report any failure to the parent, which raises it
        send.send((False, f"{type(exc).__name__}: {exc}"))
    finally:
        send.close()


@contextmanager
def _progress() -> Iterator[_Progress]:
    if not sys.stderr.isatty():
        yield _Progress(None)
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=False,
    )
    with bar:
        yield _Progress(bar)
