"""Properties of the scheduling policy over arbitrary answer histories and times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.config import Config
from quiz.srs import (
    REVIEW,
    Memory,
    Rating,
    Scheduler,
    day_end,
    day_index,
    day_start,
    fuzzed_days,
    study_date,
)

START = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
ratings = st.sampled_from(list(Rating))
# minutes after the card falls due (negative: answered early, bounded by the last review)
delays = st.integers(min_value=-600, max_value=60 * 24 * 90)
histories = st.lists(st.tuples(ratings, delays), min_size=1, max_size=25)
zones = st.sampled_from(
    [UTC, timezone(timedelta(hours=8)), timezone(timedelta(hours=-9, minutes=-30))]
)


@settings(max_examples=60, deadline=None)
@given(history=histories, fuzz=st.booleans(), maximum=st.sampled_from([30, 365, 36500]))
def test_any_history_keeps_the_state_consistent(
    history: list[tuple[Rating, int]], fuzz: bool, maximum: int
) -> None:
    config = Config(timezone=UTC, enable_fuzzing=fuzz, maximum_interval=maximum)
    scheduler = Scheduler(config)
    memory = Memory()
    now = START
    lapses = 0
    for count, (rating, delay) in enumerate(history, start=1):
        due = memory.due or START
        now = max(now + timedelta(seconds=1), due + timedelta(minutes=delay))
        result = scheduler.review(memory, rating, now, card_key="deck/card")
        lapses += int(memory.status == REVIEW and rating == Rating.Again)
        memory = result.after
        assert memory.reps == count and memory.lapses == lapses
        assert memory.last_review == now and memory.due is not None and memory.due > now
        assert memory.stability is not None and memory.stability > 0
        assert memory.difficulty is not None and 1 <= memory.difficulty <= 10
        if memory.status == REVIEW:
            assert memory.step is None
            assert 1 <= result.interval.days <= maximum
            assert result.interval % timedelta(days=1) == timedelta(0)
        else:
            assert memory.step is not None and result.interval < timedelta(days=1)
        again = scheduler.review(result.before, rating, now, card_key="deck/card")
        assert again == result, "the same answer gives the same result"


@settings(max_examples=200, deadline=None)
@given(
    moment=st.datetimes(
        min_value=datetime(2000, 1, 1), max_value=datetime(2090, 1, 1), timezones=st.just(UTC)
    ),
    zone=zones,
    hour=st.integers(min_value=0, max_value=23),
)
def test_day_boundaries_bracket_every_moment(moment: datetime, zone: timezone, hour: int) -> None:
    config = Config(timezone=zone, day_starts_at=hour)
    start, end = day_start(moment, config), day_end(moment, config)
    assert start <= moment < end
    assert end - start == timedelta(days=1)
    assert start.astimezone(zone).hour == hour and start.astimezone(zone).minute == 0
    assert day_index(end, config) == day_index(moment, config) + 1
    assert study_date(start, config) == study_date(moment, config)
    assert day_index(start - timedelta(microseconds=1), config) == day_index(moment, config) - 1


@given(
    days=st.integers(min_value=0, max_value=36500),
    maximum=st.integers(min_value=1, max_value=36500),
    seed=st.integers(min_value=0, max_value=2**64),
)
def test_fuzz_stays_near_the_interval_and_under_the_maximum(
    days: int, maximum: int, seed: int
) -> None:
    days = min(days, maximum)
    fuzzed = fuzzed_days(days, maximum, seed)
    assert fuzzed == fuzzed_days(days, maximum, seed)
    if days < 3:
        assert fuzzed == days
    else:
        assert 2 <= fuzzed <= maximum
        assert abs(fuzzed - days) <= max(2, round(days * 0.1) + 2)
