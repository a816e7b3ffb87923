"""Custom study: which cards a search, or one of its presets (the weakest section, today's
failures, study ahead), puts in a session, and in what order. What `quiz study --filter`
and the deck list's custom-study dialog share.

A custom session answers a card that is due today as a real review and any other card as
a cram answer (its schedule untouched): see `quiz.session.StudySession(custom=True)`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from quiz import search
from quiz.search import Context, Entry, Query, due_by, quote

if TYPE_CHECKING:
    from quiz.config import Config
    from quiz.store import CardRow, Store

FAILED_TODAY = "rated:1:1"
"""Cards answered Again today (cram answers too)."""
MIN_SECTION_ANSWERS = 1
"""A section needs this many review answers before it can be the weakest."""


def study_ahead(days: int) -> str:
    """The query of the cards due within `days` study days (overdue and today's included)."""
    return f"prop:due<={days}"


@dataclass(frozen=True, slots=True)
class CustomStudy:
    """The cards a custom session studies, in order, and what the search found.

    `keys` leave out suspended and buried cards (`suspended`, `buried` count them); `due`
    of them are due today and will be answered as real reviews, the rest crammed.
    """

    query: str
    keys: tuple[tuple[str, str], ...]
    matched: int
    due: int
    suspended: int = 0
    buried: int = 0

    @property
    def crammed(self) -> int:
        return len(self.keys) - self.due

    def describe(self) -> str:
        """'12 cards: 3 due (real reviews), 9 crammed' and what was left out."""
        count = len(self.keys)
        text = f"{count} card{'s' if count != 1 else ''}"
        if count:
            text += f": {self.due} due (real reviews), {self.crammed} crammed"
        left = [
            f"{n} {what}"
            for n, what in ((self.suspended, "suspended"), (self.buried, "buried"))
            if n
        ]
        if left:
            text += f" ({', '.join(left)} left out)"
        return text


def context(store: Store, decks: Sequence[str], now: datetime, config: Config) -> Context:
    """A search context over `store`: deck titles, the study day, the log for `rated:`."""
    titles = {row.name: row.title for row in store.decks()}
    names = list(decks)
    return Context.at(
        now,
        config,
        titles=titles,
        rated=lambda since, rating: store.answered_since(names, since, rating),
    )


def choose(rows: Sequence[CardRow | Entry], query: Query, ctx: Context) -> CustomStudy:
    """The cards of `rows` a session on `query` studies: the due ones first (the most
    overdue first), then the others in deck order; suspended and buried cards left out."""
    matched = query.select(rows, ctx)
    studied: list[CardRow] = []
    suspended = buried = 0
    for row in matched:
        if row.suspended:
            suspended += 1
        elif row.buried_until is not None and row.buried_until > ctx.now:
            buried += 1
        else:
            studied.append(row)
    due = [row for row in studied if due_by(row.state, ctx.day_end)]
    due.sort(key=lambda row: row.state.due or ctx.now)
    due_keys = {row.key for row in due}
    rest = [row for row in studied if row.key not in due_keys]
    return CustomStudy(
        query=query.text,
        keys=tuple(row.key for row in (*due, *rest)),
        matched=len(matched),
        due=len(due),
        suspended=suspended,
        buried=buried,
    )


def select_cards(
    store: Store, decks: Sequence[str], query: str | Query, now: datetime, config: Config
) -> CustomStudy:
    """Read the cards of `decks` `query` may match (the store narrows by its plan) and
    choose those it matches (see `choose`).

    Raises:
        SearchError: the query cannot be read.
    """
    parsed = search.parse(query) if isinstance(query, str) else query
    ctx = context(store, decks, now, config)
    plan = parsed.plan(ctx)  # the store leaves out what cannot match (SQL, indexes)
    names = [name for name in decks if plan.deck_ok(name, ctx.titles.get(name))]
    return choose(store.search_cards(names, plan) if names else [], parsed, ctx)


def weakest_section(store: Store, decks: Sequence[str]) -> tuple[str, str, float] | None:
    """(deck, section, retention) of the section with the lowest true retention (review
    answers passed, as the stats count them) among those with answers; None when no
    section has any. Ties go to the one with more failures, then to document order."""
    from quiz.stats import Tally
    from quiz.store.stats_queries import database_of, section_rows

    best: tuple[tuple[float, int, int], str, str, float] | None = None
    for row in section_rows(database_of(store), list(decks)):
        tally = Tally(row.passed, row.failed)
        if row.section is None or tally.total < MIN_SECTION_ANSWERS or tally.rate is None:
            continue
        rank = (tally.rate, -row.failed, row.first_position)
        if best is None or rank < best[0]:
            best = (rank, row.deck, row.section, tally.rate)
    return None if best is None else (best[1], best[2], best[3])


def section_query(section: str) -> str:
    """The query of one section's cards."""
    return f"section:{quote(section)}"
