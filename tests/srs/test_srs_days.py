"""The study day starts at 04:00 local time, in any time zone, across daylight saving."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from quiz.config import Config
from quiz.srs import day_end, day_index, day_start, study_date

SHANGHAI = Config(timezone=ZoneInfo("Asia/Shanghai"))


def shanghai(*args: int) -> datetime:
    return datetime(*args, tzinfo=ZoneInfo("Asia/Shanghai")).astimezone(UTC)  # type: ignore[misc]


def test_0359_belongs_to_yesterday_and_0400_to_today() -> None:
    before = shanghai(2026, 11, 26, 3, 59)
    at = shanghai(2026, 11, 26, 4, 0)
    assert before == datetime(2026, 11, 25, 19, 59, tzinfo=UTC)
    assert study_date(before, SHANGHAI) == date(2026, 11, 25)
    assert study_date(at, SHANGHAI) == date(2026, 11, 26)
    assert day_index(at, SHANGHAI) == day_index(before, SHANGHAI) + 1
    assert day_start(before, SHANGHAI) == shanghai(2026, 11, 25, 4, 0)
    assert day_end(before, SHANGHAI) == at
    assert day_start(at, SHANGHAI) == at
    assert day_end(at, SHANGHAI) == shanghai(2026, 11, 27, 4, 0)


def test_results_are_utc() -> None:
    now = shanghai(2026, 11, 26, 12, 0)
    assert day_start(now, SHANGHAI).tzinfo is UTC
    assert day_end(now, SHANGHAI).tzinfo is UTC


def test_late_evening_is_still_today() -> None:
    assert study_date(shanghai(2026, 11, 26, 23, 59), SHANGHAI) == date(2026, 11, 26)
    assert study_date(shanghai(2026, 11, 27, 0, 30), SHANGHAI) == date(2026, 11, 26)


def test_fixed_offset_zone_and_other_start_hour() -> None:
    config = Config(timezone=timezone(timedelta(hours=-5)), day_starts_at=6)
    now = datetime(2026, 3, 1, 10, 59, tzinfo=UTC)  # 05:59 at UTC-5
    assert study_date(now, config) == date(2026, 2, 28)
    assert study_date(now + timedelta(minutes=1), config) == date(2026, 3, 1)
    assert day_end(now, config) == datetime(2026, 3, 1, 11, 0, tzinfo=UTC)


def test_midnight_start() -> None:
    config = Config(timezone=UTC, day_starts_at=0)
    now = datetime(2026, 11, 26, 0, 0, tzinfo=UTC)
    assert day_start(now, config) == now
    assert day_end(now - timedelta(seconds=1), config) == now


def test_daylight_saving_day_is_23_hours_long() -> None:
    config = Config(timezone=ZoneInfo("America/New_York"))
    # clocks go forward at 02:00 on 2026-03-08
    now = datetime(2026, 3, 7, 12, 0, tzinfo=ZoneInfo("America/New_York")).astimezone(UTC)
    assert day_end(now, config) - day_start(now, config) == timedelta(hours=23)
    assert day_end(now, config).astimezone(config.timezone).hour == 4


def test_consecutive_days_have_consecutive_indexes() -> None:
    now = shanghai(2026, 1, 1, 12, 0)
    indexes = [day_index(now + timedelta(days=n), SHANGHAI) for n in range(400)]
    assert indexes == list(range(indexes[0], indexes[0] + 400))
    assert day_index(datetime(1970, 1, 1, 12, tzinfo=UTC), Config(timezone=UTC)) == 0


def test_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        day_start(datetime(2026, 11, 26, 12, 0), SHANGHAI)
