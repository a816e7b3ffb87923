"""The day's review order kept in memory (quiz/review_order.py) and the answer counts the
session keeps itself agree with what the store says, read afresh: study days by bisection
equal `srs.day_index`, the order is lowest retrievability first (the scheduler's own
figure), and after any sequence of study actions the session's counts and next review are
those a fresh read gives."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from srs_helpers import Clock, cloze_deck, numbered_deck

from quiz import srs
from quiz.config import Config
from quiz.review_order import ReviewOrder, StudyDays
from quiz.session import Counts, StudySession
from quiz.srs import Rating
from quiz.store import CardState, CardStatus, Store, StoreError, to_ms
from quiz.store.queue import count_due, count_new, due_reviews

ZONES = [UTC, ZoneInfo("Asia/Shanghai"), ZoneInfo("Europe/Berlin"), ZoneInfo("Asia/Kolkata")]
ZONES.append(ZoneInfo("America/St_Johns"))  # -3:30 with daylight saving time
START = datetime(2024, 1, 1, tzinfo=UTC)
NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


@settings(max_examples=200, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    hour=st.integers(0, 23),
    moments=st.lists(st.integers(0, 3 * 365 * 86_400_000), min_size=1, max_size=40),
)
def test_study_days_by_bisection_equal_day_index(
    zone: ZoneInfo, hour: int, moments: list[int]
) -> None:
    config = Config(timezone=zone, day_starts_at=hour)
    base = to_ms(START)
    days = StudyDays(base + min(moments), base + max(moments), config)
    for offset in moments:
        moment = base + offset
        expected = srs.day_index(START + timedelta(milliseconds=offset), config)
        assert days.index(moment) == expected
    outside = START - timedelta(days=3)  # before the range read: still right
    assert days.index(to_ms(outside)) == srs.day_index(outside, config)


memories = st.lists(
    st.tuples(
        st.integers(0, 400 * 24),  # hours since the last review
        st.floats(0.1, 500.0, allow_nan=False),  # stability
        st.integers(0, 300 * 24),  # hours overdue
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=100, deadline=None)
@given(zone=st.sampled_from(ZONES), cards=memories)
def test_order_is_lowest_retrievability_first(zone: ZoneInfo, cards: list[tuple]) -> None:
    config = Config(timezone=zone)
    scheduler = srs.Scheduler(config)
    rows = []
    states = {}
    for n, (hours_since, stability, overdue) in enumerate(cards):
        last = NOW - timedelta(hours=hours_since)
        due = NOW - timedelta(hours=overdue)
        key = ("甲", f"c{n:03d}")
        states[key] = CardState(
            status=CardStatus.REVIEW, stability=stability, due=due, last_review=last, reps=3
        )
        rows.append((*key, to_ms(due), to_ms(last), stability, None))
    order = ReviewOrder(rows, now=NOW, config=config)
    shown = order.heads(NOW, len(rows))
    assert sorted(shown) == sorted(states)
    chances = [scheduler.retrievability(states[key], NOW) for key in shown]
    for earlier, later in zip(chances, chances[1:], strict=False):
        assert earlier <= later + 1e-12
    assert order.count(NOW) == len(rows)
    first = shown[0]
    order.discard(first)
    assert first not in order.heads(NOW, len(rows)) and order.count(NOW) == len(rows) - 1


def test_cards_buried_until_later_today_come_back_then() -> None:
    config = Config(timezone=UTC)
    later = NOW + timedelta(hours=2)
    rows = [
        ("甲", "a", to_ms(NOW), to_ms(NOW - timedelta(days=9)), 1.0, to_ms(later)),
        ("甲", "b", to_ms(NOW), to_ms(NOW - timedelta(days=2)), 5.0, None),
    ]
    order = ReviewOrder(rows, now=NOW, config=config)
    assert order.heads(NOW, 5) == [("甲", "b")] and order.count(NOW) == 1
    assert order.heads(later, 5) == [("甲", "a"), ("甲", "b")] and order.count(later) == 2


# --------------------------------------------------------------------------- the session

CONFIG = Config(timezone=UTC, new_per_day=3, reviews_per_day=6, enable_fuzzing=True)
UNLIMITED = replace(CONFIG, new_per_day=100, reviews_per_day=100)
DECKS = [cloze_deck(extra=3), numbered_deck("乙", 10)]


def _seed_reviews(store: Store, now: datetime) -> None:
    """Give most cards a review memory: varied stabilities and last reviews, some due
    today, some later, one buried until later today."""
    for index, row in enumerate(store.cards()):
        if index % 4 == 0:
            continue  # stays new
        state = CardState(
            status=CardStatus.REVIEW,
            stability=0.5 + (index * 7) % 23,
            difficulty=5.0,
            due=now + timedelta(hours=(index * 5) % 40 - 20),
            last_review=now - timedelta(days=1 + (index * 3) % 17, hours=index),
            reps=2,
        )
        store.record_review(row.deck, row.card_id, rating=3, kind="manual", after=state, now=now)
    store.bury("乙", ["乙005"], now + timedelta(hours=1))


def fresh(store: Store, config: Config, now: datetime) -> tuple[Counts, float | None]:
    """The counts and the lowest retrievability among due reviews, read from the store."""
    names = [deck.name for deck in DECKS]
    done = store.day_counts(names, srs.day_start(now, config))
    reviews_left = srs.remaining(config.reviews_per_day, done.reviews)
    end = srs.day_end(now, config)
    reviews = store.due_cards(names, end, now=now, statuses=(CardStatus.REVIEW,))
    assert len(reviews) == sum(
        1
        for row in due_reviews(store, names, end, now=now)
        if row[5] is None or row[5] <= to_ms(now)
    )
    cutoff = now + config.learn_ahead + timedelta(milliseconds=1)
    counts = Counts(
        new=count_new(
            store, names, now=now, limit=srs.remaining(config.new_per_day, done.introduced)
        ),
        learning=count_due(
            store, names, cutoff, now=now, statuses=(CardStatus.LEARNING, CardStatus.RELEARNING)
        ),
        review=min(len(reviews), reviews_left),
    )
    scheduler = srs.Scheduler(config)
    lowest = min((scheduler.retrievability(row.state, now) for row in reviews), default=None)
    return counts, lowest if reviews_left else None


actions = st.lists(
    st.one_of(
        st.tuples(st.just("answer"), st.sampled_from(list(Rating))),
        st.tuples(st.just("undo"), st.none()),
        st.tuples(st.just("suspend"), st.none()),
        st.tuples(st.just("unsuspend"), st.none()),
        st.tuples(st.just("bury"), st.none()),
        st.tuples(st.just("wait"), st.sampled_from([1, 30, 90, 60 * 20, 60 * 24])),
        st.tuples(st.just("outside"), st.none()),
    ),
    min_size=1,
    max_size=25,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(script=actions, config=st.sampled_from([CONFIG, UNLIMITED]))
# undoing the suspension of a card that was unsuspended and answered elsewhere since: the
# card keeps that answer's schedule (not due) and is not shown first
# another process answers the learning card the session was about to show: the carried
# learning count sees the commit (the store's data_version) and is read again
@example(script=[("answer", Rating.Again), ("wait", 30), ("outside", None)], config=CONFIG)
@example(
    script=[
        ("suspend", None),
        ("unsuspend", None),
        ("outside", None),
        ("undo", None),
        ("undo", None),
        ("answer", Rating.Again),
    ],
    config=CONFIG,
)
def test_the_sessions_own_counts_match_a_fresh_read(
    script: list[tuple[str, object]], config: Config
) -> None:
    clock = Clock(NOW)
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "quiz.db")
        other = Store.open(Path(folder) / "quiz.db")  # another process on the same file
        try:
            store.sync_decks(DECKS, now=clock())
            _seed_reviews(store, clock())
            session = StudySession(store, DECKS, config, clock)
            suspended = []
            undone = None  # what undo brought back comes next, whatever its retrievability
            answered_outside: set[tuple[str, str]] = set()
            for action, argument in script:
                item = session.next_card()
                counts, lowest = fresh(store, config, clock())
                assert session.counts() == counts
                if (
                    item is not None
                    and item != undone
                    and item.kind == "review"
                    and lowest is not None
                ):
                    scheduler = srs.Scheduler(config)
                    assert scheduler.retrievability(item.state, clock()) <= lowest + 1e-12
                if action == "answer" and item is not None:
                    assert isinstance(argument, Rating)
                    session.answer(item, argument, duration_ms=1000)
                elif action == "undo":
                    try:
                        undone = session.undo()
                    except StoreError as exc:
                        # the answer was answered over by the other process ("outside"):
                        # it cannot be taken back, and undo says so (it leaves the stack)
                        assert "is not the latest answer" in str(exc), exc
                        assert answered_outside
                        undone = None
                elif action == "suspend" and item is not None:
                    session.suspend(item)
                    suspended.append(item)
                elif action == "unsuspend" and suspended:
                    session.unsuspend(suspended.pop())
                elif action == "bury" and item is not None:
                    session.bury(item)
                elif action == "wait":
                    assert isinstance(argument, int)
                    clock.advance(minutes=argument)
                elif action == "outside" and item is not None:
                    # another process answers the card the session was about to show
                    row = other.card(item.deck, item.card_id)
                    assert row is not None
                    later = replace(
                        row.state,
                        status=CardStatus.REVIEW,
                        stability=3.0,
                        due=clock() + timedelta(days=3),
                        last_review=clock(),
                        reps=9,
                    )
                    other.record_review(
                        item.deck, item.card_id, rating=3, kind="manual", after=later, now=clock()
                    )
                    answered_outside.add(item.key)
                    clock.advance(seconds=2)  # past the moment a queue read is reused
                    shown = session.next_card()
                    assert shown is None or shown.key != item.key
            clock.advance(seconds=2)  # past the moment a queue read is reused
            assert session.counts() == fresh(store, config, clock())[0]
            session.close()
        finally:
            other.close()
            store.close()


def test_a_review_buried_by_its_siblings_answer_leaves_todays_count(
    store: Store, clock: Clock
) -> None:
    config = replace(CONFIG, reviews_per_day=100)  # so the count is not the limit
    store.sync_decks(DECKS, now=clock())
    _seed_reviews(store, clock())  # sib-a stays new, its sibling sib-b is a review due today
    session = StudySession(store, DECKS, config, clock)
    while (item := session.next_card()) is not None and item.card_id != "sib-a":
        session.answer(item, Rating.Good, duration_ms=1000)
        clock.advance(seconds=2)
    assert item is not None, "sib-a comes up among today's new cards"
    sibling = store.card("party", "sib-b")
    assert sibling is not None and sibling.buried_until is None
    reviews_before = session.counts().review
    session.answer(item, Rating.Good, duration_ms=1000)
    clock.advance(seconds=2)
    sibling = store.card("party", "sib-b")
    assert sibling is not None and sibling.buried_until is not None
    assert session.counts() == fresh(store, config, clock())[0]
    assert session.counts().review == reviews_before - 1


def test_another_processs_answers_count_towards_the_limits_within_a_minute(
    db_path: Path, clock: Clock
) -> None:
    config = replace(CONFIG, new_per_day=5)
    deck = numbered_deck("丙", 12)
    with Store.open(db_path) as mine, Store.open(db_path) as theirs:
        session = StudySession(mine, [deck], config, clock)
        assert session.counts().new == 5
        other = StudySession(theirs, [deck], config, clock)
        for _ in range(2):
            item = other.next_card()
            assert item is not None and item.kind == "new"
            other.answer(item, Rating.Good, duration_ms=500)
            clock.advance(seconds=2)
        clock.advance(minutes=1)
        assert session.counts().new == 3
        other.close()
        session.close()


def test_a_card_brought_back_by_undo_and_answered_elsewhere_leaves_the_count(
    store: Store, clock: Clock
) -> None:
    """Undo puts a review card up next; another process answers it before it is shown, and
    a card of lower retrievability comes first: the day's count drops all the same."""
    store.sync_decks(DECKS, now=clock())
    _seed_reviews(store, clock())
    with StudySession(store, DECKS, UNLIMITED, clock) as session:
        first = session.next_card()
        assert first is not None and first.kind == "review"
        session.suspend(first)  # the lowest retrievability leaves for now
        second = session.next_card()
        assert second is not None and second.kind == "review"
        session.answer(second, Rating.Again, duration_ms=1000)
        assert session.undo() == second
        session.unsuspend(first)  # back, ahead of the card undo put up next
        row = store.card(*second.key)
        assert row is not None
        later = replace(row.state, due=clock() + timedelta(days=3), last_review=clock(), reps=9)
        store.record_review(*second.key, rating=3, kind="manual", after=later, now=clock())
        clock.advance(seconds=2)  # past the moment a queue read is reused
        shown = session.next_card()
        assert shown is not None and shown.key == first.key
        assert session.counts() == fresh(store, UNLIMITED, clock())[0]
