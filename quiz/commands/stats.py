"""`quiz stats [DECK...]`: scores and retention as aligned tables, `--json` for every figure
with stable keys, `--csv FILE|-` for the review log."""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from quiz.stats import Stats, Tally

ORDER = 40
SPARK = "▁▂▃▄▅▆▇█"


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "stats",
        parents=[parent],
        help="scores, retention, streaks and what is coming",
        description="Show what you know, what you forget and what is due. Days start at "
        "04:00 local time (see the config file).",
    )
    parser.add_argument("decks", nargs="*", metavar="DECK", help="deck names or deck files")
    parser.add_argument("--json", action="store_true", help="every figure as JSON")
    parser.add_argument(
        "--csv", metavar="FILE", help="write the review log as CSV to FILE ('-' for stdout)"
    )
    parser.add_argument("--now", help=argparse.SUPPRESS)  # fixed clock for reproducible output
    parser.set_defaults(func=run)


def deck_names(values: Sequence[str]) -> list[str]:
    """Deck names from the command line: a path to a deck file counts by its stem."""
    names = []
    for value in values:
        is_file = value.endswith((".yaml", ".yml")) or "/" in value
        names.append(Path(value).stem if is_file else value)
    return sorted(dict.fromkeys(names))


def _now(value: str | None) -> datetime:
    from quiz.errors import QuizError

    if not value:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise QuizError(f"--now: not an ISO date and time: {value!r}") from exc
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)


def run(args: argparse.Namespace) -> int:
    from quiz.config import load_config
    from quiz.paths import resolve_db_path
    from quiz.stats import StatsRows, compute

    if args.json and args.csv == "-":
        from quiz.errors import QuizError

        raise QuizError("--json and --csv - would both write to standard output; give --csv a file")
    config = load_config()
    now = _now(args.now)
    decks = deck_names(args.decks)
    path = resolve_db_path(args.db)
    if not path.exists():
        rows = StatsRows(decks=tuple(decks))
        if args.csv:
            _write_csv_header_only(args.csv)
        missing: Path | None = path
    else:
        from quiz.store import Store
        from quiz.store.db import place_is_writable
        from quiz.store.stats_queries import stats_rows

        opener = Store.open if place_is_writable(path) else Store.open_read_only
        with opener(path) as store:
            rows = stats_rows(store, now=now, config=config, decks=decks)
            _check_decks_known(decks, rows.titles, store.deck_names(), path)
            if args.csv:
                _write_review_log(store, decks, args.csv)
        missing = None
    stats = compute(rows, now=now, config=config)
    if args.csv and args.csv != "-" and not args.json:
        print(f"review log written to {args.csv}")
    if args.json:
        # one line: the C encoder (indent would fall back to the slow Python one); use jq to read
        print(json.dumps(stats.to_dict(), ensure_ascii=False, sort_keys=True))
    elif not (args.csv == "-"):
        from quiz.text.escapes import printable

        table = render(
            stats,
            config_label=_zone_label(config),
            missing=missing,
            weak_below=config.desired_retention,
            zone=config.timezone,
            columns=shutil.get_terminal_size((100, 24)).columns,
        )
        sys.stdout.write(printable(table))  # a deck's words never act on the terminal
    return 0


def _check_decks_known(asked: Sequence[str], found: Any, known: Sequence[str], path: Path) -> None:
    """A deck name the database does not know is a typo or an unsynced deck: say so and
    which decks there are, rather than show an empty report."""
    from quiz.errors import QuizError

    unknown = [name for name in asked if name not in found]
    if not unknown:
        return
    names = ", ".join(unknown)
    there = ", ".join(known) if known else "none yet"
    raise QuizError(
        f"{path}: no deck named {names} (decks: {there}); a new deck file needs `quiz sync` first"
    )


def _zone_label(config: Any) -> str:
    zone = config.timezone
    return f"{config.day_starts_at:02d}:00 {getattr(zone, 'key', None) or zone}"


# --------------------------------------------------------------------------- review log


@contextmanager
def _csv_out(target: str) -> Iterator[TextIO]:
    """Standard output for '-', else a temporary file beside `target` renamed over it once
    everything is written: a failure part way leaves no half-written log (and an older
    file as it was)."""
    import os
    import tempfile

    from quiz.deck import replacement_mode
    from quiz.errors import QuizError

    if target == "-":
        yield sys.stdout
        return
    path = Path(target)
    try:
        mode = replacement_mode(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise QuizError(f"{target}: cannot write ({exc.strerror or exc})") from exc
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            yield out
        os.replace(tmp, path)
    except OSError as exc:
        raise QuizError(f"{target}: cannot write ({exc.strerror or exc})") from exc
    finally:
        Path(tmp).unlink(missing_ok=True)


def _write_csv_header_only(target: str) -> None:
    from quiz.store.stats_queries import REVIEW_LOG_COLUMNS

    with _csv_out(target) as out:
        csv.writer(out, lineterminator="\n").writerow(REVIEW_LOG_COLUMNS)


def _write_review_log(store: Any, decks: Sequence[str], target: str) -> None:
    from quiz.store.stats_queries import REVIEW_LOG_COLUMNS, review_log_rows

    with _csv_out(target) as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(REVIEW_LOG_COLUMNS)
        writer.writerows(review_log_rows(store, decks))


# --------------------------------------------------------------------------- tables


def cell_width(text: str) -> int:
    """Terminal columns `text` takes: East Asian wide and full-width characters take two."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def _fit(text: str, width: int) -> str:
    if cell_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = cell_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    max_width: int = 40,
    columns: int | None = None,
) -> str:
    """Columns aligned by display width; the first column left, the others right. With
    `columns` (the terminal's width) the first column gives up cells so lines fit."""
    first = first_width(headers, rows, columns) if columns else max_width
    cells = [
        [_fit(str(c), first if i == 0 else max_width) for i, c in enumerate(row)]
        for row in [headers, *rows]
    ]
    widths = [max(cell_width(row[i]) for row in cells) for i in range(len(headers))]
    lines = []
    for row in cells:
        parts = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - cell_width(cell))
            parts.append(cell + pad if i == 0 else pad + cell)
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines) + "\n"


def first_width(
    headers: Sequence[str], rows: Sequence[Sequence[str]], columns: int, most: int = 40
) -> int:
    """The cells left for a table's first column once the others fit in `columns`."""
    others = [
        max(cell_width(str(row[i])) for row in [headers, *rows]) for i in range(1, len(headers))
    ]
    return max(12, min(most, columns - sum(others) - 2 * len(others)))


def sparkline(values: Sequence[int]) -> str:
    top = max(values, default=0)
    if top == 0:
        return SPARK[0] * len(values)
    return "".join(
        SPARK[min(len(SPARK) - 1, (v * (len(SPARK) - 1) + top - 1) // top)] for v in values
    )


def percent(tally: Tally) -> str:
    rate = tally.rate
    return "—" if rate is None else f"{rate:.0%} ({tally.passed}/{tally.total})"


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def render(
    stats: Stats,
    *,
    config_label: str = "",
    missing: Path | None = None,
    weak_below: float = 1.0,
    zone: tzinfo = UTC,
    columns: int = 100,
) -> str:
    """The figures as plain-text tables; the lowest-recall list keeps the cards whose
    recall has fallen below `weak_below` (the desired retention); sessions start in
    `zone`, the study days' time zone; tables fit in `columns` cells where they can."""
    out: list[str] = []
    day = stats.today.isoformat()
    out.append(
        f"quiz stats for {day}" + (f" (days start at {config_label})" if config_label else "")
    )
    if missing is not None:
        out.append(f"No study history yet: there is no database at {missing}.")
    elif stats.empty:
        out.append("No study history yet: study a deck with `quiz study` and come back.")
    out.append("")
    headers = ["Cards", "new", "learning", "review", "relearning", "suspended", "leech", "total"]
    counts = [["", *_counts(d.cards)] for d in stats.decks] + [["", *_counts(stats.cards)]]
    width = first_width(headers, counts, columns)
    rows = [[_deck_label(d, width), *_counts(d.cards)] for d in stats.decks]
    rows.append(["all decks", *_counts(stats.cards)])
    out.append(table(headers, rows, columns=columns))
    if len(stats.decks) > 1:
        deck_headers = ["Deck", "due", "today", "total", "retention 30d", "streak"]
        deck_rows = [
            [
                d.name,
                str(d.due_today),
                str(d.reviews_today),
                str(d.reviews_total),
                percent(d.retention["30d"].total),
                str(d.streak.current),
            ]
            for d in stats.decks
        ]
        width = first_width(deck_headers, deck_rows, columns)
        for row, deck in zip(deck_rows, stats.decks, strict=True):
            row[0] = _deck_label(deck, width)
        out.append(table(deck_headers, deck_rows, columns=columns))
    minutes = stats.time_today_ms / 60000
    out.append(
        f"Reviews: {stats.reviews_today} today ({minutes:.0f} min), {stats.reviews_total} in total."
        f"  Due today: {stats.due_today}."
    )
    streak = stats.streak
    out.append(
        f"Streak: {_plural(streak.current, 'day')}"
        f" (longest {streak.longest}, {_plural(streak.study_days, 'study day')})."
    )
    out.append("")
    labels = {"today": "today", "7d": "7 days", "30d": "30 days", "365d": "365 days"}
    ret_rows = [
        [labels.get(name, name), percent(r.young), percent(r.mature), percent(r.total)]
        for name, r in stats.retention.items()
    ]
    out.append(table(["True retention", "young", "mature", "total"], ret_rows))
    out.append(f"FSRS parameters: {stats.parameters.describe(zone)}")
    per_day = [d.count for d in stats.per_day]
    forecast = [d.count for d in stats.forecast]
    out.append(f"Reviews, last 30 days  {sparkline(per_day)}  (max {max(per_day, default=0)}/day)")
    out.append(f"Due, next 30 days      {sparkline(forecast)}  ({_plural(sum(forecast), 'card')})")
    out.append("")
    if stats.sessions:
        latest = stats.sessions[-10:]
        session_rows = [
            [
                s.started_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
                s.kind,
                str(s.reviews),
                _share(s.score),
            ]
            for s in latest
        ]
        zone_name = getattr(zone, "key", None) or str(zone)
        out.append(table([f"Session ({zone_name})", "kind", "answers", "correct"], session_rows))
    # with one deck, a deck column would repeat its name on every line: the text gets it
    several = len({d.name for d in stats.decks}) > 1
    if stats.sections:
        section_rows = [
            [
                s.section or "(no section)",
                *([s.deck] if several else []),
                str(s.cards),
                str(s.studied),
                str(s.lapses),
                percent(s.retention),
            ]
            for s in stats.sections
        ]
        headers = ["Section", *(["deck"] if several else []), "cards", "studied", "lapses"]
        out.append(table([*headers, "retention"], section_rows, columns=columns))
    fading = tuple(c for c in stats.weakest_by_retrievability if c.retrievability < weak_below)
    for title, cards in (
        ("Most lapses", stats.weakest_by_lapses),
        ("Lowest recall now", fading),
    ):
        if cards:
            weak_rows = [
                [
                    c.sentence or c.card_id,
                    str(c.lapses),
                    f"{c.retrievability:.1%}",
                    *([c.deck] if several else []),
                ]
                for c in cards
            ]
            headers = [title, "lapses", "recall", *(["deck"] if several else [])]
            out.append(table(headers, weak_rows, columns=columns))
    return "\n".join(out).rstrip("\n") + "\n"


def _deck_label(deck: Any, width: int = 40) -> str:
    """The deck's title and, whole, its name (what `quiz stats NAME` takes): a long title
    is cut instead of the name."""
    if deck.title == deck.name:
        return deck.title
    suffix = f" ({deck.name})"
    room = width - cell_width(suffix)
    return f"{_fit(deck.title, room)}{suffix}" if room >= 6 else str(deck.name)


def _counts(cards: Any) -> list[str]:
    return [
        str(v)
        for v in (
            cards.new,
            cards.learning,
            cards.review,
            cards.relearning,
            cards.suspended,
            cards.leech,
            cards.total,
        )
    ]
