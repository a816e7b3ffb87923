"""quiz.stats over hand-made aggregated rows: retention windows, streaks, forecast,
weakest cards and sections, with figures worked out by hand in the comments."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.config import Config
from quiz.stats import (
    CardCountRow,
    DayRow,
    DueRow,
    RetentionRow,
    SectionRow,
    SessionRow,
    StatsRows,
    WeakRow,
    compute,
    day_number,
    streak_of,
)

SHANGHAI = Config(timezone=ZoneInfo("Asia/Shanghai"))
# 10:00 in Shanghai on 2026-11-26; the study day began at 04:00 local = 20:00 UTC the day before.
NOW = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)
TODAY = date(2026, 11, 26)
T = day_number(TODAY)
DAY_MS = 86_400_000


def _rows() -> StatsRows:
    return StatsRows(
        decks=("a", "b"),
        cards=(
            CardCountRow(
                "a", new=5, learning=1, review=3, relearning=1, suspended=2, leech=1, total=12
            ),
            CardCountRow("b", new=2, review=1, total=3),
        ),
        days=(
            DayRow("a", T, 5),
            DayRow("a", T - 1, 3),
            DayRow("a", T - 2, 4),
            DayRow("a", T - 10, 2),
            DayRow("a", T - 100, 1),
            DayRow("a", T - 400, 7),
            DayRow("b", T - 1, 2),
        ),
        # review answers on those days: a T: young 2 pass 1 fail, mature 1 pass; a T-1: mature
        # 2 pass 1 fail; a T-2: young 1 pass; a T-10: young 2 fail; a T-100: mature 1 pass;
        # b T-1: young 1 pass 1 fail. Summed over each window:
        retention=(
            RetentionRow("a", 1, young_passed=2, young_failed=1, mature_passed=1),
            RetentionRow("a", 7, young_passed=3, young_failed=1, mature_passed=3, mature_failed=1),
            RetentionRow("a", 30, young_passed=3, young_failed=3, mature_passed=3, mature_failed=1),
            RetentionRow(
                "a", 365, young_passed=3, young_failed=3, mature_passed=4, mature_failed=1
            ),
            RetentionRow("b", 7, young_passed=1, young_failed=1),
            RetentionRow("b", 30, young_passed=1, young_failed=1),
            RetentionRow("b", 365, young_passed=1, young_failed=1),
        ),
        time_today_ms=5000,
        due=(
            DueRow("a", 0, 3),
            DueRow("a", 0, 2),
            DueRow("a", 1, 4),
            DueRow("b", 29, 1),  # last forecast day
            DueRow("b", 30, 9),  # beyond the forecast
        ),
        sessions=(
            SessionRow(2, int(NOW.timestamp() * 1000) - 3_600_000, "study", 4, 3),
            SessionRow(1, int(NOW.timestamp() * 1000) - DAY_MS, "cram", 5, 5),
        ),
        sections=(
            SectionRow("a", "二、铸牢思想之“魂”", 7, 4, 4, 10, 3, 2, 2),
            SectionRow("a", "一、完善組織之「形」", 0, 8, 5, 5, 0, 1, 0),
            SectionRow("b", None, 0, 3, 0, 0, 0, 0, 0),
        ),
        titles={"a": "標題甲"},
    )


def test_card_counts_add_up_per_deck_and_overall() -> None:
    stats = compute(_rows(), now=NOW, config=SHANGHAI)
    assert stats.cards.to_dict() == {
        "new": 7,
        "learning": 1,
        "review": 4,
        "relearning": 1,
        "suspended": 2,
        "leech": 1,
        "total": 15,
    }
    assert [d.name for d in stats.decks] == ["a", "b"]
    assert stats.decks[0].title == "標題甲" and stats.decks[1].title == "b"


def test_retention_windows_hand_computed() -> None:
    stats = compute(_rows(), now=NOW, config=SHANGHAI)
    ret = stats.retention
    # today: young 2 pass 1 fail, mature 1 pass -> 3 of 4
    assert (ret["today"].young.passed, ret["today"].young.failed) == (2, 1)
    assert ret["today"].total.rate == pytest.approx(0.75)
    # 7 days (T-6..T): young 2+1+1 pass, 1+1 fail; mature 1+2 pass, 1 fail -> 7 of 10
    assert (ret["7d"].young.passed, ret["7d"].young.failed) == (4, 2)
    assert (ret["7d"].mature.passed, ret["7d"].mature.failed) == (3, 1)
    assert ret["7d"].total.rate == pytest.approx(0.7)
    # 30 days adds T-10: two young fails -> young 4 of 8, total 7 of 12
    assert ret["30d"].young.rate == pytest.approx(0.5)
    assert ret["30d"].total.rate == pytest.approx(7 / 12)
    # 365 days adds T-100 (mature pass) but not T-400 -> 8 of 13
    assert ret["365d"].mature.passed == 4
    assert ret["365d"].total.rate == pytest.approx(8 / 13)
    deck_b = stats.decks[1].retention
    assert deck_b["today"].total.rate is None
    assert deck_b["7d"].total.rate == pytest.approx(0.5)


def test_reviews_today_total_and_per_day() -> None:
    stats = compute(_rows(), now=NOW, config=SHANGHAI)
    assert stats.reviews_today == 5
    assert stats.reviews_total == 5 + 3 + 4 + 2 + 1 + 7 + 2
    assert stats.time_today_ms == 5000
    assert len(stats.per_day) == 30
    assert stats.per_day[-1].day == TODAY and stats.per_day[-1].count == 5
    assert stats.per_day[-2].count == 5  # 3 in a + 2 in b
    assert stats.per_day[0].day == TODAY - timedelta(days=29)
    assert len(stats.heatmap) == 365 and sum(d.count for d in stats.heatmap) == 17


def test_streaks_current_and_longest() -> None:
    stats = compute(_rows(), now=NOW, config=SHANGHAI)
    assert stats.streak.to_dict() == {"current": 3, "longest": 3, "study_days": 6}
    # deck b studied only yesterday: the streak still runs until today is over
    assert stats.decks[1].streak.current == 1


@pytest.mark.parametrize(
    ("days", "current", "longest"),
    [
        ([], 0, 0),
        ([0], 1, 1),
        ([-1], 1, 1),
        ([-2], 0, 1),
        ([-9, -8, -7, -6, -1, 0], 2, 4),
        ([-5, -4, -3, -2], 0, 4),
        ([-4, -3, -2, -1], 4, 4),
    ],
)
def test_streak_of(days: list[int], current: int, longest: int) -> None:
    streak = streak_of((T + d for d in days), T)
    assert (streak.current, streak.longest, streak.study_days) == (current, longest, len(days))


def test_forecast_sums_days_per_deck_and_overall() -> None:
    stats = compute(_rows(), now=NOW, config=SHANGHAI)
    counts = [d.count for d in stats.forecast]
    assert len(counts) == 30 and stats.forecast[0].day == TODAY
    assert counts[0] == 5 and counts[1] == 4 and counts[29] == 1 and sum(counts) == 10
    assert stats.due_today == 5
    assert [d.due_today for d in stats.decks] == [5, 0]


def test_sections_in_document_order_with_retention() -> None:
    stats = compute(_rows(), now=NOW, config=SHANGHAI)
    first, second, third = stats.sections
    assert first.section == "一、完善組織之「形」" and first.retention.rate == 1.0
    assert second.section == "二、铸牢思想之“魂”" and second.retention.rate == 0.5
    assert (second.studied, second.reps, second.lapses) == (4, 10, 3)
    assert third.deck == "b" and third.retention.rate is None


def test_sessions_in_time_order_with_scores() -> None:
    stats = compute(_rows(), now=NOW, config=SHANGHAI)
    assert [s.session_id for s in stats.sessions] == [1, 2]
    assert [s.score for s in stats.sessions] == [1.0, 0.75]


def _weak(card_id: str, lapses: int, stability: float, days_ago: float) -> WeakRow:
    last = NOW - timedelta(days=days_ago)
    return WeakRow(
        "a",
        card_id,
        "cloze",
        "三会一课",
        "认真落实三会一课",
        "一",
        lapses,
        5,
        2,
        stability,
        5.0,
        int(last.timestamp() * 1000),
    )


def test_weakest_cards_use_the_fsrs_forgetting_curve() -> None:
    rows = StatsRows(
        weak_by_lapses=(_weak("x", 6, 10.0, 10), _weak("y", 2, 3.0, 1)),
        weak_by_retrievability=(_weak("x", 6, 10.0, 10), _weak("z", 0, 2.0, 30)),
    )
    stats = compute(rows, now=NOW, config=Config(timezone=UTC))
    by_lapses = stats.weakest_by_lapses
    assert [c.card_id for c in by_lapses] == ["x", "y"]
    # FSRS defines stability as the interval at which recall falls to 90%.
    assert by_lapses[0].retrievability == pytest.approx(0.9)
    by_r = stats.weakest_by_retrievability
    assert [c.card_id for c in by_r] == ["z", "x"]
    assert by_r[0].retrievability < 0.9
    assert by_r[0].sentence == "认真落实三会一课"


def test_empty_rows_give_zeros_and_serialise() -> None:
    stats = compute(StatsRows(), now=NOW, config=SHANGHAI)
    assert stats.empty
    data = stats.to_dict()
    assert data["cards"]["total"] == 0 and data["reviews"]["total"] == 0
    assert data["due_today"] == 0 and data["decks"] == {}
    assert data["retention"]["today"]["total"]["rate"] is None
    assert data["streak"] == {"current": 0, "longest": 0, "study_days": 0}
    assert len(data["forecast"]) == 30 and data["heatmap"] == []
    json.dumps(data)


def test_json_keys_are_stable_and_deterministic() -> None:
    first = json.dumps(compute(_rows(), now=NOW, config=SHANGHAI).to_dict(), sort_keys=True)
    second = json.dumps(compute(_rows(), now=NOW, config=SHANGHAI).to_dict(), sort_keys=True)
    assert first == second
    data = json.loads(first)
    for key in ("cards", "reviews", "due_today", "retention", "decks", "forecast", "streak"):
        assert key in data
    assert set(data["decks"]) == {"a", "b"}
    assert set(data["retention"]) == {"today", "7d", "30d", "365d"}


@given(st.sets(st.integers(min_value=-60, max_value=0), max_size=40))
def test_streak_property_matches_counting_by_hand(offsets: set[int]) -> None:
    streak = streak_of((T + d for d in offsets), T)
    # the longest run, by walking every day
    longest = run = 0
    for day in range(-61, 1):
        run = run + 1 if day in offsets else 0
        longest = max(longest, run)
    current, day = 0, (0 if 0 in offsets else -1)
    while day in offsets:
        current, day = current + 1, day - 1
    assert (streak.current, streak.longest, streak.study_days) == (current, longest, len(offsets))
    assert streak.current <= streak.longest <= streak.study_days
