"""Scores and retention from the review log: pure figures computed from the aggregated rows
the store's stats queries hand over (no SQL, no UI, time passed in).

Days are study days: local days that start at `Config.day_starts_at` (04:00), numbered as
days since 1970-01-01 like `quiz.srs.day_index`. Each review carries its own UTC offset, so
a review is counted in the local day it happened in, wherever the user was.

True retention follows Anki: only reviews of cards in review state (interval of a day or
more, i.e. the first review of the day), Again fails, Hard/Good/Easy pass; learning, cram
and undone answers are left out. Young/mature split at an interval of 21 days.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from quiz import srs
from quiz.config import Config, Optimized, ParametersSource, parameters_source

MATURE_DAYS = 21
FORECAST_DAYS = 30
PER_DAY_DAYS = 30
HEATMAP_DAYS = 365
RETENTION_WINDOWS: tuple[tuple[str, int], ...] = (
    ("today", 1),
    ("7d", 7),
    ("30d", 30),
    ("365d", 365),
)
"""Name and length in days (ending today) of each retention window."""
CARD_STATES: tuple[str, ...] = ("new", "learning", "review", "relearning", "suspended")
EPOCH_DAY = date(1970, 1, 1)


# --------------------------------------------------------------------------- input rows


@dataclass(frozen=True, slots=True)
class CardCountRow:
    """Active cards of one deck by state; `suspended` cards are not in the four states,
    `leech` counts leeches whatever their state, `total` every active card."""

    deck: str
    new: int = 0
    learning: int = 0
    review: int = 0
    relearning: int = 0
    suspended: int = 0
    leech: int = 0
    total: int = 0


@dataclass(frozen=True, slots=True)
class DayRow:
    """How many effective answers (cram included) a deck had on one study day
    (`day` = days since 1970-01-01)."""

    deck: str
    day: int
    reviews: int


@dataclass(frozen=True, slots=True)
class RetentionRow:
    """Review-kind answers of a deck over the last `days` study days (today included),
    split young/mature by the interval the card had and passed/failed."""

    deck: str
    days: int
    young_passed: int = 0
    young_failed: int = 0
    mature_passed: int = 0
    mature_failed: int = 0


@dataclass(frozen=True, slots=True)
class SessionRow:
    """One study session: when it started and how its answers went."""

    session_id: int
    started_at_ms: int
    kind: str
    reviews: int
    correct: int


@dataclass(frozen=True, slots=True)
class DueRow:
    """How many scheduled cards of a deck fall due on study day `day` counted from today
    (0 is today, overdue cards included)."""

    deck: str
    day: int
    count: int


@dataclass(frozen=True, slots=True)
class SectionRow:
    """Cards of one section of a deck's source text and how their reviews went.

    `studied` cards have left the new state; `reps` and `lapses` are summed over the
    cards; `passed`/`failed` count review-kind answers (true retention);
    `first_position` orders sections as the document does.
    """

    deck: str
    section: str | None
    first_position: int
    cards: int
    studied: int
    reps: int
    lapses: int
    passed: int
    failed: int


@dataclass(frozen=True, slots=True)
class WeakRow:
    """A studied card that may be weak: its lapses and memory (stability, last review)."""

    deck: str
    card_id: str
    type: str
    answer: str | None
    sentence: str | None
    section: str | None
    lapses: int
    reps: int
    state: int
    stability: float | None
    difficulty: float | None
    last_review_ms: int | None


@dataclass(frozen=True, slots=True)
class StatsRows:
    """Everything the store's stats queries return for one `quiz stats` call."""

    decks: tuple[str, ...] = ()
    cards: tuple[CardCountRow, ...] = ()
    days: tuple[DayRow, ...] = ()
    retention: tuple[RetentionRow, ...] = ()
    time_today_ms: int = 0
    sessions: tuple[SessionRow, ...] = ()
    due: tuple[DueRow, ...] = ()
    sections: tuple[SectionRow, ...] = ()
    weak_by_lapses: tuple[WeakRow, ...] = ()
    weak_by_retrievability: tuple[WeakRow, ...] = ()
    titles: Mapping[str, str] = field(default_factory=dict)


# --------------------------------------------------------------------------- figures


@dataclass(frozen=True, slots=True)
class CardCounts:
    new: int = 0
    learning: int = 0
    review: int = 0
    relearning: int = 0
    suspended: int = 0
    leech: int = 0
    total: int = 0

    def __add__(self, other: CardCounts) -> CardCounts:
        return CardCounts(*(getattr(self, name) + getattr(other, name) for name in self.__slots__))

    def to_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class Tally:
    """Passed and failed answers; `rate` is None when there were none."""

    passed: int = 0
    failed: int = 0

    @property
    def total(self) -> int:
        return self.passed + self.failed

    @property
    def rate(self) -> float | None:
        return self.passed / self.total if self.total else None

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.passed + other.passed, self.failed + other.failed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "failed": self.failed,
            "total": self.total,
            "rate": _r(self.rate),
        }


@dataclass(frozen=True, slots=True)
class Retention:
    """True retention over one window, young and mature cards apart."""

    young: Tally = Tally()
    mature: Tally = Tally()

    @property
    def total(self) -> Tally:
        return self.young + self.mature

    def to_dict(self) -> dict[str, Any]:
        return {
            "young": self.young.to_dict(),
            "mature": self.mature.to_dict(),
            "total": self.total.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class DayCount:
    day: date
    count: int


@dataclass(frozen=True, slots=True)
class Streak:
    """Consecutive study days: the run still going (ending today or yesterday) and the
    longest ever, plus how many days had any answer."""

    current: int = 0
    longest: int = 0
    study_days: int = 0

    def to_dict(self) -> dict[str, int]:
        return {"current": self.current, "longest": self.longest, "study_days": self.study_days}


@dataclass(frozen=True, slots=True)
class SessionScore:
    session_id: int
    started_at: datetime
    kind: str
    reviews: int
    correct: int

    @property
    def score(self) -> float | None:
        return self.correct / self.reviews if self.reviews else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.session_id,
            "started_at": self.started_at.isoformat(),
            "kind": self.kind,
            "reviews": self.reviews,
            "correct": self.correct,
            "score": _r(self.score),
        }


@dataclass(frozen=True, slots=True)
class WeakCard:
    deck: str
    card_id: str
    type: str
    answer: str | None
    sentence: str | None
    section: str | None
    lapses: int
    reps: int
    retrievability: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "deck": self.deck,
            "card_id": self.card_id,
            "type": self.type,
            "answer": self.answer,
            "sentence": self.sentence,
            "section": self.section,
            "lapses": self.lapses,
            "reps": self.reps,
            "retrievability": _r(self.retrievability),
        }


@dataclass(frozen=True, slots=True)
class SectionScore:
    """How well one section of the source is known."""

    deck: str
    section: str | None
    cards: int
    studied: int
    reps: int
    lapses: int
    retention: Tally

    def to_dict(self) -> dict[str, Any]:
        return {
            "deck": self.deck,
            "section": self.section,
            "cards": self.cards,
            "studied": self.studied,
            "reps": self.reps,
            "lapses": self.lapses,
            "retention": self.retention.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class DeckStats:
    """The per-deck part of the figures."""

    name: str
    title: str
    cards: CardCounts
    reviews_today: int
    reviews_total: int
    due_today: int
    retention: Mapping[str, Retention]
    streak: Streak
    sections: tuple[SectionScore, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "cards": self.cards.to_dict(),
            "reviews": {"today": self.reviews_today, "total": self.reviews_total},
            "due_today": self.due_today,
            "retention": {name: ret.to_dict() for name, ret in self.retention.items()},
            "streak": self.streak.to_dict(),
            "sections": [section.to_dict() for section in self.sections],
        }


@dataclass(frozen=True, slots=True)
class ParametersInUse:
    """Which FSRS parameters the scheduler uses (`quiz.config.parameters_source`): FSRS's
    defaults, the ones `quiz optimize` wrote (with when and from how many reviews), or
    weights typed into the config file."""

    source: ParametersSource = "default"
    record: Optimized | None = None

    @classmethod
    def of(cls, config: Config) -> ParametersInUse:
        source, record = parameters_source(config)
        return cls(source, record)

    def describe(self, zone: tzinfo = UTC) -> str:
        """One line for people, the date in `zone`."""
        record = self.record
        if self.source == "optimized" and record is not None:
            decks = ", ".join(record.decks) if record.decks else "all decks"
            return (
                f"optimised on {record.at.astimezone(zone):%Y-%m-%d} from "
                f"{record.reviews:,} reviews of {record.cards:,} cards ({decks})"
            )
        if self.source == "config":
            return "set in the config file"
        return "default (`quiz optimize` fits them to your answers)"

    def to_dict(self) -> dict[str, Any]:
        record = self.record
        if self.source != "optimized" or record is None:
            return {"source": self.source}
        return {
            "source": self.source,
            "at": record.at.astimezone(UTC).isoformat(),
            "reviews": record.reviews,
            "cards": record.cards,
            "decks": list(record.decks),
        }


@dataclass(frozen=True, slots=True)
class Stats:
    """Every figure `quiz stats` and the stats screen show."""

    today: date
    cards: CardCounts
    reviews_today: int
    reviews_total: int
    time_today_ms: int
    due_today: int
    retention: Mapping[str, Retention]
    per_day: tuple[DayCount, ...]
    forecast: tuple[DayCount, ...]
    heatmap: tuple[DayCount, ...]
    streak: Streak
    sessions: tuple[SessionScore, ...]
    weakest_by_lapses: tuple[WeakCard, ...]
    weakest_by_retrievability: tuple[WeakCard, ...]
    sections: tuple[SectionScore, ...]
    decks: tuple[DeckStats, ...]
    parameters: ParametersInUse = ParametersInUse()

    @property
    def empty(self) -> bool:
        return self.cards.total == 0 and self.reviews_total == 0

    def to_dict(self) -> dict[str, Any]:
        """Plain data with stable keys, for `--json`."""
        return {
            "today": self.today.isoformat(),
            "cards": self.cards.to_dict(),
            "reviews": {
                "today": self.reviews_today,
                "total": self.reviews_total,
                "time_today_ms": self.time_today_ms,
                "per_day": [_day_dict(d, "reviews") for d in self.per_day],
            },
            "due_today": self.due_today,
            "forecast": [_day_dict(d, "due") for d in self.forecast],
            "retention": {name: ret.to_dict() for name, ret in self.retention.items()},
            "streak": self.streak.to_dict(),
            "heatmap": [_day_dict(d, "reviews") for d in self.heatmap if d.count],
            "sessions": [session.to_dict() for session in self.sessions],
            "weakest": {
                "by_lapses": [card.to_dict() for card in self.weakest_by_lapses],
                "by_retrievability": [card.to_dict() for card in self.weakest_by_retrievability],
            },
            "sections": [section.to_dict() for section in self.sections],
            "decks": {deck.name: deck.to_dict() for deck in self.decks},
            "fsrs": self.parameters.to_dict(),
        }


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _day_dict(day: DayCount, key: str) -> dict[str, Any]:
    return {"date": day.day.isoformat(), key: day.count}


# --------------------------------------------------------------------------- computing


def day_number(day: date) -> int:
    """A date as days since 1970-01-01 (the numbering of `quiz.srs.day_index`)."""
    return (day - EPOCH_DAY).days


def day_date(number: int) -> date:
    return EPOCH_DAY + timedelta(days=number)


def compute(rows: StatsRows, *, now: datetime, config: Config) -> Stats:
    """All figures for the decks in `rows.decks` (all decks in the rows when empty)."""
    today = srs.study_date(now, config)
    today_n = day_number(today)
    names = sorted(
        set(rows.decks)
        | {r.deck for r in rows.cards}
        | {r.deck for r in rows.days}
        | {r.deck for r in rows.due}
    )
    days_by_deck: dict[str, list[DayRow]] = defaultdict(list)
    for day_row in rows.days:
        days_by_deck[day_row.deck].append(day_row)
    retention_by_deck: dict[str, list[RetentionRow]] = defaultdict(list)
    for retention_row in rows.retention:
        retention_by_deck[retention_row.deck].append(retention_row)
    forecast_by_deck = _forecast_by_deck(rows.due)
    sections = _section_scores(rows.sections)
    decks = tuple(
        DeckStats(
            name=name,
            title=rows.titles.get(name, name),
            cards=_card_counts(r for r in rows.cards if r.deck == name),
            reviews_today=sum(r.reviews for r in days_by_deck[name] if r.day == today_n),
            reviews_total=sum(r.reviews for r in days_by_deck[name]),
            due_today=forecast_by_deck.get(name, [0])[0],
            retention=_retention(retention_by_deck[name]),
            streak=_streak(days_by_deck[name], today_n),
            sections=tuple(s for s in sections if s.deck == name),
        )
        for name in names
    )
    all_days = list(rows.days)
    per_day_count = _counts_by_day(all_days)
    forecast_total = [0] * FORECAST_DAYS
    for counts in forecast_by_deck.values():
        for index, count in enumerate(counts):
            forecast_total[index] += count
    return Stats(
        today=today,
        cards=sum((deck.cards for deck in decks), CardCounts()),
        reviews_today=per_day_count.get(today_n, 0),
        reviews_total=sum(per_day_count.values()),
        time_today_ms=rows.time_today_ms,
        due_today=forecast_total[0],
        retention=_retention(rows.retention),
        per_day=_day_series(per_day_count, today_n, PER_DAY_DAYS),
        forecast=tuple(
            DayCount(today + timedelta(days=i), count) for i, count in enumerate(forecast_total)
        ),
        heatmap=_day_series(per_day_count, today_n, HEATMAP_DAYS),
        streak=_streak(all_days, today_n),
        sessions=tuple(
            SessionScore(
                session_id=s.session_id,
                started_at=datetime.fromtimestamp(s.started_at_ms / 1000, UTC),
                kind=s.kind,
                reviews=s.reviews,
                correct=s.correct,
            )
            for s in sorted(rows.sessions, key=lambda s: (s.started_at_ms, s.session_id))
        ),
        weakest_by_lapses=tuple(_weak_cards(rows.weak_by_lapses, now, config)),
        weakest_by_retrievability=tuple(
            sorted(
                _weak_cards(rows.weak_by_retrievability, now, config),
                key=lambda c: (c.retrievability, -c.lapses, c.deck, c.card_id),
            )
        ),
        sections=sections,
        decks=decks,
        parameters=ParametersInUse.of(config),
    )


def _card_counts(rows: Iterable[CardCountRow]) -> CardCounts:
    total = CardCounts()
    for row in rows:
        total = total + CardCounts(
            row.new, row.learning, row.review, row.relearning, row.suspended, row.leech, row.total
        )
    return total


def _counts_by_day(rows: Iterable[DayRow]) -> dict[int, int]:
    counts: dict[int, int] = defaultdict(int)
    for row in rows:
        if row.reviews:
            counts[row.day] += row.reviews
    return dict(counts)


def _day_series(counts: Mapping[int, int], today_n: int, length: int) -> tuple[DayCount, ...]:
    first = today_n - length + 1
    return tuple(DayCount(day_date(n), counts.get(n, 0)) for n in range(first, today_n + 1))


def _retention(rows: Sequence[RetentionRow]) -> dict[str, Retention]:
    result: dict[str, Retention] = {}
    for name, length in RETENTION_WINDOWS:
        inside = [r for r in rows if r.days == length]
        result[name] = Retention(
            young=Tally(sum(r.young_passed for r in inside), sum(r.young_failed for r in inside)),
            mature=Tally(
                sum(r.mature_passed for r in inside), sum(r.mature_failed for r in inside)
            ),
        )
    return result


def streak_of(study_days: Iterable[int], today_n: int) -> Streak:
    """Streaks over a set of study-day numbers: the current run ends today, or yesterday
    when today has not been studied yet (the day is not over)."""
    days = set(study_days)
    if not days:
        return Streak()
    longest = run = 0
    previous: int | None = None
    for day in sorted(days):
        run = run + 1 if previous is not None and day == previous + 1 else 1
        longest = max(longest, run)
        previous = day
    end = today_n if today_n in days else today_n - 1
    current = 0
    while end - current in days:
        current += 1
    return Streak(current=current, longest=longest, study_days=len(days))


def _streak(rows: Iterable[DayRow], today_n: int) -> Streak:
    return streak_of((r.day for r in rows if r.reviews > 0), today_n)


def _forecast_by_deck(rows: Iterable[DueRow]) -> dict[str, list[int]]:
    """Due cards per deck for each of the next FORECAST_DAYS study days (overdue in day 0)."""
    result: dict[str, list[int]] = {}
    for row in rows:
        if 0 <= row.day < FORECAST_DAYS:
            result.setdefault(row.deck, [0] * FORECAST_DAYS)[row.day] += row.count
    return result


def _section_scores(rows: Iterable[SectionRow]) -> tuple[SectionScore, ...]:
    ordered = sorted(rows, key=lambda r: (r.deck, r.first_position, r.section or ""))
    return tuple(
        SectionScore(
            deck=r.deck,
            section=r.section,
            cards=r.cards,
            studied=r.studied,
            reps=r.reps,
            lapses=r.lapses,
            retention=Tally(r.passed, r.failed),
        )
        for r in ordered
    )


def _memory(row: WeakRow) -> srs.Memory:
    """The scheduling state of a weak-card row, enough to ask for its retrievability."""
    return srs.Memory(
        status=row.state,
        stability=row.stability,
        difficulty=row.difficulty,
        last_review=(
            datetime.fromtimestamp(row.last_review_ms / 1000, UTC)
            if row.last_review_ms is not None
            else None
        ),
        reps=row.reps,
        lapses=row.lapses,
    )


def _weak_cards(rows: Iterable[WeakRow], now: datetime, config: Config) -> list[WeakCard]:
    rows = list(rows)
    if not rows:
        return []
    scheduler = srs.Scheduler(config)
    return [
        WeakCard(
            deck=row.deck,
            card_id=row.card_id,
            type=row.type,
            answer=row.answer,
            sentence=row.sentence,
            section=row.section,
            lapses=row.lapses,
            reps=row.reps,
            retrievability=scheduler.retrievability(_memory(row), now),
        )
        for row in rows
    ]
