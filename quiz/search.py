"""The card search language the browser and custom study share: parse a query once, test
cards against it. Pure: no Textual, no SQL (the review-log lookup `rated:` needs comes in
through the `Context`).

A query is terms separated by spaces; a card matches when every term does. A term is free
text (found in the card's text, answer, section, tags, deck or state, in either script:
汉字 finds 漢字), or `key:value`; `-` before a term negates it; `"…"` quotes a phrase or a
value with spaces (`section:"二、工作回顾"`). The keys are in `KEYS`: each names a function
that turns the value into a test, so a new key (`flag:N`) is one more entry there.

    >>> query = parse('is:due -tag:formula 三会')
    >>> [term.label for term in query.terms]
    ['is:due', '-tag:formula', '三会']
"""

from __future__ import annotations

import fnmatch
import math
import operator
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from quiz.deck import DEFAULT_IMPORTANCE
from quiz.errors import QuizError
from quiz.store.models import FLAG_NAMES, CardRow, CardState, CardStatus, to_ms

if TYPE_CHECKING:
    from quiz.config import Config

STATUS_NAMES = {0: "new", 1: "learning", 2: "review", 3: "relearning"}
RATED_MAX_DAYS = 365
"""Anki's own bound on `rated:N`."""


class SearchError(QuizError):
    """A query that cannot be read; the message says which term and why."""

    exit_code = 2


# --------------------------------------------------------------------------- card text


def folded(text: str) -> str:
    """Text as searched: lower case and Simplified, so a search typed in either script
    finds cards written in the other (the IME need not match the deck)."""
    from quiz.text.script import to_simplified

    return to_simplified(text.casefold())


@lru_cache(maxsize=8192)
def _folded_label(text: str) -> str:
    """`folded` for the short strings many cards share (sections, tags, deck names)."""
    return folded(text)


def status_name(row: CardRow, now: datetime | None = None) -> str:
    """The card's state as the browser searches and shows it (`buried` while buried at
    `now`, when given)."""
    if row.retired_at is not None:
        return "retired"
    if row.suspended:
        return "suspended"
    if now is not None and row.buried_until is not None and row.buried_until > now:
        return "buried"
    return STATUS_NAMES.get(int(row.state.status), "?")


def card_text(row: CardRow) -> str:
    """The card's words: the sentence of a cloze, the prompt and pairs of a matching set."""
    from quiz.text.escapes import printable

    if row.type == "match":
        pairs = row.body.get("pairs", ())
        lines = [str(row.body.get("prompt", ""))]
        lines += [f"{left}  ↔  {right}" for left, right in pairs]
        return printable("\n".join(lines))
    return printable(row.sentence or "")


def searchable(row: CardRow, now: datetime | None = None) -> str:
    """Everything a free-text term may match, folded (see `folded`)."""
    parts = [row.deck, status_name(row, now), row.type, row.answer or "", card_text(row), *row.tags]
    if row.state.leech:
        parts.append("leech")
    if row.section:
        parts.append(row.section)
    return folded("\n".join(parts))


def due_by(state: CardState, moment: datetime) -> bool:
    """A scheduled (not new) card due at or before `moment` (the study day's end: due today).
    What `is:due` means, and what makes an answer in a custom session a real review."""
    return state.status != CardStatus.NEW and state.due is not None and state.due <= moment


# --------------------------------------------------------------------------- context


@dataclass
class Context:
    """What a test needs besides the card: the time, the study day, deck titles and (for
    `rated:`) the review log.

    `rated(since, rating)` returns the (deck, card id) of the cards with an effective
    non-cram answer since `since` (of that rating, when not None); the store provides it.
    """

    now: datetime
    day_start: datetime
    day_end: datetime
    day_of: Callable[[datetime], int]
    titles: Mapping[str, str] = field(default_factory=dict)
    rated: Callable[[datetime, int | None], Iterable[tuple[str, str]]] | None = None
    _rated_cache: dict[tuple[int, int | None], frozenset[tuple[str, str]]] = field(
        default_factory=dict, repr=False
    )

    @classmethod
    def at(
        cls,
        now: datetime,
        config: Config,
        *,
        titles: Mapping[str, str] | None = None,
        rated: Callable[[datetime, int | None], Iterable[tuple[str, str]]] | None = None,
    ) -> Context:
        """The context of a search at `now` under `config`'s study day."""
        from quiz import srs

        return cls(
            now=now,
            day_start=srs.day_start(now, config),
            day_end=srs.day_end(now, config),
            day_of=lambda moment: srs.day_index(moment, config),
            titles=dict(titles or {}),
            rated=rated,
        )

    @property
    def today(self) -> int:
        return self.day_of(self.now)

    def rated_keys(self, days: int, rating: int | None) -> frozenset[tuple[str, str]]:
        """Cards answered in the last `days` study days (1: today), read once per query."""
        cached = self._rated_cache.get((days, rating))
        if cached is not None:
            return cached
        if self.rated is None:
            keys: frozenset[tuple[str, str]] = frozenset()
        else:
            since = self.day_start - timedelta(days=days - 1)
            keys = frozenset(self.rated(since, rating))
        self._rated_cache[(days, rating)] = keys
        return keys


class Entry:
    """A card being searched, with its free-text haystack folded once (the browser keeps
    these between keystrokes)."""

    __slots__ = ("_haystack", "row")

    def __init__(self, row: CardRow, haystack: str | None = None) -> None:
        self.row = row
        self._haystack = haystack

    def haystack(self, now: datetime | None = None) -> str:
        if self._haystack is None:
            self._haystack = searchable(self.row, now)
        return self._haystack


Test = Callable[[Entry, Context], bool]


@dataclass(frozen=True, slots=True)
class Compare:
    """A comparison of one of the store's card columns (`COLUMNS`) with a value."""

    column: str
    op: str
    value: int | float | str


@dataclass(frozen=True, slots=True)
class Sections:
    """Only cards whose section passes `test` (given the section heading) can match."""

    test: Callable[[str], bool]


@dataclass(frozen=True, slots=True)
class Decks:
    """Only cards of decks passing `test` (given the deck's name and title) can match."""

    test: Callable[[str, str | None], bool]


@dataclass(frozen=True, slots=True)
class Keys:
    """Only these (deck, card id) can match."""

    keys: frozenset[tuple[str, str]]


Narrowing = Compare | Sections | Decks | Keys
Narrow = Callable[["Context"], tuple[Narrowing, ...]]
COLUMNS = (
    "status",
    "suspended",
    "leech",
    "lapses",
    "reps",
    "stability",
    "difficulty",
    "importance",
    "due",
    "buried_until",
    "type",
    "flag",
)
"""The card columns a `Compare` may name (the store maps each to its SQL; times are epoch
milliseconds, `importance` counts a card without one as DEFAULT_IMPORTANCE)."""
OPERATORS = ("<", "<=", ">", ">=", "=", "!=")
_SLACK_MS = 2 * 3600 * 1000
"""A day's length may differ from 24 h by a clock change: `prop:due` narrows this much
wider (the exact test then decides)."""


def _nothing(context: Context) -> tuple[Narrowing, ...]:
    return ()


@dataclass(frozen=True, slots=True)
class Term:
    """One term of a query: what was written, its test (negation applied), and what it
    lets the store leave out before testing (`narrow`: always a superset of the matches;
    none for a negated term)."""

    label: str
    test: Test
    cost: int = 1
    """Cheap terms are tried first; free text (folding the card's text) is the dearest."""
    narrow: Narrow = _nothing

    def __call__(self, entry: Entry, context: Context) -> bool:
        return self.test(entry, context)


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query; `matches` is True when every term matches (no term: every card)."""

    text: str
    terms: tuple[Term, ...]

    def matches(self, entry: Entry | CardRow, context: Context) -> bool:
        if isinstance(entry, CardRow):
            entry = Entry(entry)
        return all(term(entry, context) for term in self.terms)

    def select(self, rows: Iterable[CardRow | Entry], context: Context) -> list[CardRow]:
        """The rows that match, in their order."""
        entries = (row if isinstance(row, Entry) else Entry(row) for row in rows)
        return [entry.row for entry in entries if self.matches(entry, context)]

    @property
    def empty(self) -> bool:
        return not self.terms

    def plan(self, context: Context) -> Plan:
        """What every term lets the store leave out, gathered (see `Plan`)."""
        compares: list[Compare] = []
        sections: list[Callable[[str], bool]] = []
        decks: list[Callable[[str, str | None], bool]] = []
        keys: frozenset[tuple[str, str]] | None = None
        for term in self.terms:
            for narrowing in term.narrow(context):
                if isinstance(narrowing, Compare):
                    compares.append(narrowing)
                elif isinstance(narrowing, Sections):
                    sections.append(narrowing.test)
                elif isinstance(narrowing, Decks):
                    decks.append(narrowing.test)
                else:
                    keys = narrowing.keys if keys is None else keys & narrowing.keys
        return Plan(tuple(compares), tuple(sections), tuple(decks), keys)


@dataclass(frozen=True, slots=True)
class Plan:
    """What the store may leave out before a query is tested on each card: the cards
    failing a comparison, outside the sections and decks the tests accept, or (when
    `keys` is not None) not among those keys. A superset of the matches, never fewer."""

    compares: tuple[Compare, ...] = ()
    sections: tuple[Callable[[str], bool], ...] = ()
    decks: tuple[Callable[[str, str | None], bool], ...] = ()
    keys: frozenset[tuple[str, str]] | None = None

    def section_ok(self, section: str) -> bool:
        return all(test(section) for test in self.sections)

    def deck_ok(self, name: str, title: str | None) -> bool:
        return all(test(name, title) for test in self.decks)


# --------------------------------------------------------------------------- the keys


def _need(key: str, value: str, what: str) -> None:
    if not value:
        raise SearchError(f"{key}: needs {what}")


def _text_term(value: str) -> Test:
    needle = folded(value)

    def test(entry: Entry, context: Context) -> bool:
        return needle in entry.haystack(context.now)

    return test


Made = tuple[Test, Narrow]
"""What a key makes of its value: the test, and what the store may leave out for it."""


def _deck_term(value: str) -> Made:
    _need("deck", value, "a deck name, e.g. deck:jianti")
    needle = folded(value)

    def accepts(deck: str, title: str | None) -> bool:
        return needle in _folded_label(deck) or (
            title is not None and needle in _folded_label(title)
        )

    def test(entry: Entry, context: Context) -> bool:
        return accepts(entry.row.deck, context.titles.get(entry.row.deck))

    return test, lambda context: (Decks(accepts),)


def _section_term(value: str) -> Made:
    _need("section", value, 'part of a section heading, e.g. section:"二、"')
    needle = folded(value)

    def accepts(section: str) -> bool:
        return needle in _folded_label(section)

    def test(entry: Entry, context: Context) -> bool:
        section = entry.row.section
        return section is not None and accepts(section)

    return test, lambda context: (Sections(accepts),)


def _tag_term(value: str) -> Made:
    _need("tag", value, "a tag, e.g. tag:formula (tag:quo* for a prefix)")
    pattern = folded(value)
    wildcard = "*" in pattern

    def one(tag: str) -> bool:
        tag = _folded_label(tag)
        if wildcard:
            return fnmatch.fnmatchcase(tag, pattern)
        return tag == pattern or tag.startswith(pattern + "::")

    def test(entry: Entry, context: Context) -> bool:
        return any(one(tag) for tag in entry.row.tags)

    return test, _nothing


def _type_term(value: str) -> Made:
    kinds = ("cloze", "match", "basic")
    if value.casefold() not in kinds:
        raise SearchError(f"type:{value}: a card type is one of {', '.join(kinds)}")
    wanted = value.casefold()
    narrowed = (Compare("type", "=", wanted),)
    return (lambda entry, context: entry.row.type == wanted), (lambda context: narrowed)


def _status(status: CardStatus) -> Made:
    narrowed = (Compare("status", "=", int(status)),)
    return (lambda entry, context: entry.row.state.status == status), (lambda context: narrowed)


def _flag(column: str, read: Callable[[CardRow], bool]) -> Made:
    narrowed = (Compare(column, "=", 1),)
    return (lambda entry, context: read(entry.row)), (lambda context: narrowed)


def _is_due() -> Made:
    def narrow(context: Context) -> tuple[Narrowing, ...]:
        return (
            Compare("status", "!=", int(CardStatus.NEW)),
            Compare("due", "<=", to_ms(context.day_end)),
        )

    return (lambda entry, context: due_by(entry.row.state, context.day_end)), narrow


def _is_buried() -> Made:
    def test(entry: Entry, context: Context) -> bool:
        until = entry.row.buried_until
        return until is not None and until > context.now

    return test, lambda context: (Compare("buried_until", ">", to_ms(context.now)),)


def _is_edited() -> Made:
    """A card changed in the app with `e` (marked `edited: true` in its deck file)."""
    return (lambda entry, context: bool(entry.row.body.get("edited"))), _nothing


IS_VALUES: dict[str, Made] = {
    "new": _status(CardStatus.NEW),
    "learning": _status(CardStatus.LEARNING),
    "review": _status(CardStatus.REVIEW),
    "relearning": _status(CardStatus.RELEARNING),
    "due": _is_due(),
    "suspended": _flag("suspended", lambda row: row.suspended),
    "buried": _is_buried(),
    "leech": _flag("leech", lambda row: row.state.leech),
    "edited": _is_edited(),
}


def _flag_term(value: str) -> Made:
    """flag:1 … flag:4 or flag:red … flag:blue (Anki's ctrl+1..4); flag:0 or flag:none for
    cards without one."""
    names = {name: number for number, name in FLAG_NAMES.items()} | {"none": 0}
    wanted = value.casefold()
    number = names.get(wanted)
    if number is None and wanted.isascii() and wanted.isdigit() and int(wanted) <= 4:
        number = int(wanted)
    if number is None:
        choices = ", ".join([*(f"flag:{n}" for n in FLAG_NAMES.values()), "flag:1-4", "flag:none"])
        raise SearchError(f"flag:{value}: one of {choices}")
    narrowed = (Compare("flag", "=", number),)
    return (lambda entry, context: entry.row.flag == number), (lambda context: narrowed)


def _is_term(value: str) -> Made:
    made = IS_VALUES.get(value.casefold())
    if made is None:
        raise SearchError(f"is:{value}: one of {', '.join('is:' + name for name in IS_VALUES)}")
    return made


def _due_days(entry: Entry, context: Context) -> float | None:
    state = entry.row.state
    if state.status == CardStatus.NEW or state.due is None:
        return None
    return context.day_of(state.due) - context.today


PROPS: dict[str, Callable[[Entry, Context], float | None]] = {
    "due": _due_days,  # study days from today: 0 today, 1 tomorrow, -3 three days overdue
    "lapses": lambda entry, context: entry.row.state.lapses,
    "reps": lambda entry, context: entry.row.state.reps,
    "stability": lambda entry, context: entry.row.state.stability,
    "difficulty": lambda entry, context: entry.row.state.difficulty,
    "importance": lambda entry, context: (
        DEFAULT_IMPORTANCE if entry.row.importance is None else entry.row.importance
    ),
}
COMPARISONS: dict[str, Callable[[float, float], bool]] = {
    "<=": operator.le,
    ">=": operator.ge,
    "!=": operator.ne,
    "<": operator.lt,
    ">": operator.gt,
    "=": operator.eq,
}
_PROP = re.compile(r"([a-z]+)(<=|>=|!=|<|>|=)(.*)", re.IGNORECASE)


def _due_narrow(op: str, days: float) -> Narrow:
    """prop:due OP days as a range of due times (a day ends `days` after today's end)."""
    day = 86_400_000

    def narrow(context: Context) -> tuple[Narrowing, ...]:
        end = to_ms(context.day_end)  # the first moment of tomorrow: day 1
        whole = math.floor(days)
        upper = {"<=": whole, "<": math.ceil(days) - 1, "=": days}.get(op)
        lower = {">=": math.ceil(days), ">": whole + 1, "=": days}.get(op)
        found: list[Narrowing] = [Compare("status", "!=", int(CardStatus.NEW))]
        if upper is not None:  # due on day <= upper: before day upper + 1 starts
            found.append(Compare("due", "<", end + int(upper) * day + _SLACK_MS))
        if lower is not None:  # due on day >= lower: from day lower's start
            found.append(Compare("due", ">=", end + (int(lower) - 1) * day - _SLACK_MS))
        return tuple(found)

    return narrow


def _prop_term(value: str) -> Made:
    example = "e.g. prop:lapses>3, prop:due<=7"
    found = _PROP.fullmatch(value)
    if found is None:
        raise SearchError(f"prop:{value}: a property, a comparison and a number ({example})")
    name, op, number = found.group(1).casefold(), found.group(2), found.group(3)
    read = PROPS.get(name)
    if read is None:
        raise SearchError(f"prop:{value}: properties are {', '.join(PROPS)} ({example})")
    try:
        bound = float(number)
    except ValueError:
        raise SearchError(f"prop:{value}: {number!r} is not a number ({example})") from None
    if not math.isfinite(bound):
        raise SearchError(f"prop:{value}: {number!r} is not a number ({example})")
    compare = COMPARISONS[op]

    def test(entry: Entry, context: Context) -> bool:
        measured = read(entry, context)
        return measured is not None and compare(measured, bound)

    if name == "due":
        return test, _due_narrow(op, bound)
    narrowed = (Compare(name, op, bound),)
    return test, lambda context: narrowed


def _rated_term(value: str) -> Made:
    usage = "rated:N (answered in the last N days, 1 = today) or rated:N:R (rating R, 1-4)"
    days_text, _, rating_text = value.partition(":")
    digits = days_text.isascii() and days_text.isdigit() and len(days_text) <= 3
    if not digits or not 1 <= int(days_text) <= RATED_MAX_DAYS:
        raise SearchError(f"rated:{value}: {usage}; N from 1 to {RATED_MAX_DAYS}")
    rating: int | None = None
    if rating_text:
        if rating_text not in ("1", "2", "3", "4"):
            raise SearchError(f"rated:{value}: {usage}")
        rating = int(rating_text)
    days = int(days_text)

    def test(entry: Entry, context: Context) -> bool:
        return entry.row.key in context.rated_keys(days, rating)

    return test, lambda context: (Keys(context.rated_keys(days, rating)),)


KEYS: dict[str, Callable[[str], Made]] = {
    "deck": _deck_term,
    "section": _section_term,
    "tag": _tag_term,
    "type": _type_term,
    "is": _is_term,
    "state": _is_term,  # what the browser's placeholder once offered
    "prop": _prop_term,
    "rated": _rated_term,
    "flag": _flag_term,
}
"""`key:` -> a function of the value giving the term's test and narrowing (SearchError on
a bad value). A new key, such as `flag:N`, is one entry here (and a `COLUMNS` name if the
store is to narrow by it)."""
KEY_COST = {"rated": 2, "section": 2, "deck": 2, "tag": 2}
TEXT_COST = 3


# --------------------------------------------------------------------------- parsing


def tokens(text: str) -> list[tuple[str, str]]:
    """The query's terms as (written, unquoted): spaces separate terms except inside
    `"…"` (an unclosed quote runs to the end)."""
    found: list[tuple[str, str]] = []
    written: list[str] = []
    plain: list[str] = []
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
            written.append(char)
        elif char.isspace() and not quoted:
            if written:
                found.append(("".join(written), "".join(plain)))
                written, plain = [], []
        else:
            written.append(char)
            plain.append(char)
    if written:
        found.append(("".join(written), "".join(plain)))
    return found


_KEY = re.compile(r"([A-Za-z]+):")


def parse(text: str) -> Query:
    """Read a query.

    Raises:
        SearchError: an unknown `key:` or a value the key cannot take (the message names
            the term and what it may be). Quote a term to search for it as text.
    """
    terms: list[Term] = []
    for written, plain in tokens(text):
        negate = written.startswith("-") and len(written) > 1
        if negate:
            written, plain = written[1:], plain[1:]
        key = _KEY.match(written)  # a quoted key ("a:b") is text
        if key is not None:
            name = key.group(1).casefold()
            make = KEYS.get(name)
            if make is None:
                known = " ".join(f"{k}:" for k in KEYS if k != "state")
                raise SearchError(
                    f"unknown search key {key.group(1)}: in {written!r} (keys: {known}); "
                    f'quote it to find it as text: "{written}"'
                )
            test, narrow = make(plain[key.end() :])
            cost = KEY_COST.get(name, 1)
        elif not plain:
            continue  # "" or a lone quote: nothing to look for
        else:
            test, narrow, cost = _text_term(plain), _nothing, TEXT_COST
        label = ("-" if negate else "") + written
        if negate:
            terms.append(Term(label, _negated(test), cost))  # no narrowing: a complement
        else:
            terms.append(Term(label, test, cost, narrow))
    terms.sort(key=lambda term: term.cost)  # stable: the written order among equals
    return Query(text, tuple(terms))


def _negated(test: Test) -> Test:
    return lambda entry, context: not test(entry, context)


def quote(value: str) -> str:
    """`value` as one term's value: quoted when it holds a space or a quote (a quote
    inside is dropped: the language has no escape)."""
    value = value.replace('"', "")
    return f'"{value}"' if any(char.isspace() for char in value) or not value else value


def select(rows: Sequence[CardRow], query: str | Query, context: Context) -> list[CardRow]:
    """The rows matching `query` (parsed first when a string), in their order."""
    parsed = parse(query) if isinstance(query, str) else query
    return parsed.select(rows, context)
