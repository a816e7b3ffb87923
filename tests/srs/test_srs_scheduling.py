"""srs.Scheduler: the same schedule as py-fsrs, reproducible fuzz, lapses and leeches."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import fsrs
import pytest

from quiz.config import Config
from quiz.srs import (
    LEARNING,
    NEW,
    RELEARNING,
    REVIEW,
    Memory,
    Rating,
    Scheduler,
    format_interval,
    fuzz_seed,
    fuzzed_days,
    is_leech_milestone,
    to_fsrs_card,
)

START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
NO_FUZZ = Config(enable_fuzzing=False, timezone=UTC)

# (rating, minutes after the previous answer's due time; negative = early, positive = late)
SCRIPT: list[tuple[Rating, int]] = [
    (Rating.Good, 0),
    (Rating.Good, 0),
    (Rating.Good, 60 * 24 * 2),
    (Rating.Hard, 0),
    (Rating.Again, 60 * 5),
    (Rating.Good, 0),
    (Rating.Easy, -60 * 24),
    (Rating.Again, 0),
    (Rating.Hard, 0),
    (Rating.Good, 3),
    (Rating.Good, 60 * 24 * 30),
]


def run_script(config: Config, script: list[tuple[Rating, int]]) -> list[tuple[Memory, fsrs.Card]]:
    """Answer the script with quiz's scheduler and the library's side by side."""
    ours = Scheduler(config)
    library = fsrs.Scheduler(
        desired_retention=config.desired_retention,
        learning_steps=config.learning_steps,
        relearning_steps=config.relearning_steps,
        maximum_interval=config.maximum_interval,
        enable_fuzzing=False,
    )
    memory = Memory()
    card = fsrs.Card(card_id=1, due=START)
    now = START
    steps = []
    for rating, delay in script:
        now = max(now, (memory.due or START) + timedelta(minutes=delay))
        memory = ours.review(memory, rating, now, card_key="deck/1").after
        card, _ = library.review_card(card, rating, now)
        steps.append((memory, card))
    return steps


def test_intervals_equal_the_librarys_for_a_scripted_history() -> None:
    for memory, card in run_script(NO_FUZZ, SCRIPT):
        assert memory.due == card.due
        assert memory.last_review == card.last_review
        assert memory.stability == card.stability
        assert memory.difficulty == card.difficulty
        assert memory.status == int(card.state)
        assert memory.step == card.step


def test_custom_steps_and_retention_follow_the_library_too() -> None:
    config = replace(
        NO_FUZZ,
        desired_retention=0.8,
        learning_steps=(timedelta(minutes=5),),
        relearning_steps=(timedelta(minutes=2), timedelta(hours=1)),
        maximum_interval=30,
    )
    script = SCRIPT + [(Rating.Easy, 0)] * 6
    for memory, card in run_script(config, script):
        assert (memory.due, memory.stability, memory.difficulty) == (
            card.due,
            card.stability,
            card.difficulty,
        )
    assert all(m.due - m.last_review <= timedelta(days=30) for m, _ in run_script(config, script))


def test_counters_and_kinds() -> None:
    scheduler = Scheduler(NO_FUZZ)
    first = scheduler.review(Memory(), Rating.Good, START, card_key="k")
    assert (first.kind, first.before.status, first.after.status) == ("learn", NEW, LEARNING)
    assert first.elapsed_days is None
    assert first.after.reps == 1 and first.after.lapses == 0
    assert first.new_state is first.after
    assert first.interval == timedelta(minutes=10) and first.interval_text == "10m"
    graduated = scheduler.review(first.after, Rating.Good, START + first.interval, card_key="k")
    assert (graduated.kind, graduated.after.status) == ("learn", REVIEW)
    later = graduated.after.due
    assert later is not None
    lapse = scheduler.review(graduated.after, Rating.Again, later, card_key="k")
    assert lapse.kind == "review" and lapse.lapsed
    assert lapse.after.status == RELEARNING and lapse.after.lapses == 1
    assert lapse.elapsed_days == graduated.interval.days
    relearn = scheduler.review(lapse.after, Rating.Good, later + lapse.interval, card_key="k")
    assert relearn.kind == "relearn" and not relearn.lapsed
    assert relearn.after.status == REVIEW and relearn.after.lapses == 1
    assert relearn.after.reps == 4


def test_again_on_a_learning_card_is_not_a_lapse() -> None:
    scheduler = Scheduler(NO_FUZZ)
    result = scheduler.review(Memory(), Rating.Again, START, card_key="k")
    assert not result.lapsed and result.after.lapses == 0
    assert result.interval == timedelta(minutes=1)


def test_preview_gives_anki_like_labels_for_a_new_card() -> None:
    labels = {
        rating: result.interval_text
        for rating, result in Scheduler(NO_FUZZ).preview(Memory(), START, card_key="k").items()
    }
    assert labels[Rating.Again] == "1m"
    assert labels[Rating.Hard] == "6m"
    assert labels[Rating.Good] == "10m"
    assert labels[Rating.Easy].endswith("d")


def test_preview_does_not_change_the_state() -> None:
    state = Memory()
    Scheduler(NO_FUZZ).preview(state, START, card_key="k")
    assert state == Memory()


def test_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        Scheduler(NO_FUZZ).review(Memory(), Rating.Good, datetime(2026, 1, 1), card_key="k")


def test_non_utc_aware_time_is_converted() -> None:
    from zoneinfo import ZoneInfo

    local = START.astimezone(ZoneInfo("Asia/Shanghai"))
    result = Scheduler(NO_FUZZ).review(Memory(), Rating.Good, local, card_key="k")
    assert result.after.last_review == START and result.after.last_review.tzinfo is UTC


def test_retrievability_matches_the_library_and_is_zero_for_new_cards() -> None:
    scheduler = Scheduler(NO_FUZZ)
    assert scheduler.retrievability(Memory(), START) == 0.0
    memory, card = run_script(NO_FUZZ, SCRIPT[:3])[-1]
    later = START + timedelta(days=20)
    days = scheduler.elapsed_days(memory, later)
    assert days is not None and memory.last_review is not None
    assert days == (later.date() - memory.last_review.date()).days
    card.last_review = later - timedelta(days=days)
    expected = scheduler.fsrs_scheduler.get_card_retrievability(card, later)
    assert scheduler.retrievability(memory, later) == pytest.approx(expected)
    assert 0 < scheduler.retrievability(memory, later) < 1


def test_to_fsrs_card_round_trips_the_fields() -> None:
    memory = Memory(
        status=REVIEW,
        step=None,
        stability=3.5,
        difficulty=6.25,
        due=START,
        last_review=START - timedelta(days=3),
        reps=4,
    )
    card = to_fsrs_card(memory)
    assert card.state == fsrs.State.Review and card.step is None
    assert (card.stability, card.difficulty, card.due) == (3.5, 6.25, START)
    assert to_fsrs_card(Memory()).state == fsrs.State.Learning and to_fsrs_card(Memory()).step == 0


def test_unknown_status_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown card status"):
        Scheduler(NO_FUZZ).review(Memory(status=7), Rating.Good, START, card_key="k")


# --------------------------------------------------------------------------- fuzz


WELL_KNOWN = Memory(
    status=REVIEW,
    stability=40.0,
    difficulty=5.0,
    due=START,
    last_review=START - timedelta(days=40),
    reps=6,
)


def good_interval(config: Config, key: str) -> timedelta:
    return Scheduler(config).review(WELL_KNOWN, Rating.Good, START, card_key=key).interval


def test_fuzz_is_reproducible_per_card_and_answer() -> None:
    fuzzy = Config(timezone=UTC)
    assert good_interval(fuzzy, "deck/a") == good_interval(fuzzy, "deck/a")
    spread = {good_interval(fuzzy, f"deck/{n}") for n in range(40)}
    assert len(spread) > 3, "fuzz should differ between cards"
    plain = good_interval(NO_FUZZ, "deck/a")
    assert all(abs(interval - plain) <= plain * 0.1 for interval in spread)
    assert all(interval % timedelta(days=1) == timedelta(0) for interval in spread)


def test_fuzz_depends_on_the_review_count() -> None:
    fuzzy = Scheduler(Config(timezone=UTC))
    intervals = {
        fuzzy.review(replace(WELL_KNOWN, reps=reps), Rating.Good, START, card_key="k").interval
        for reps in range(40)
    }
    assert len(intervals) > 3


def test_fuzz_stays_inside_ankis_range() -> None:
    for seed in range(200):
        assert fuzzed_days(2, 36500, seed) == 2
        assert 2 <= fuzzed_days(3, 36500, seed) <= 4
        assert 93 <= fuzzed_days(100, 36500, seed) <= 107
        assert fuzzed_days(36500, 36500, seed) <= 36500


# --------------------------------------------------------------------------- leeches


def test_leech_milestones_follow_anki() -> None:
    hits = [n for n in range(1, 25) if is_leech_milestone(n, 8)]
    assert hits == [8, 12, 16, 20, 24]
    assert [n for n in range(1, 8) if is_leech_milestone(n, 3)] == [3, 5, 7]
    assert [n for n in range(1, 5) if is_leech_milestone(n, 1)] == [1, 2, 3, 4]


def test_eighth_lapse_makes_a_leech() -> None:
    scheduler = Scheduler(NO_FUZZ)
    memory = Memory()
    now = START
    leech_at = []
    for lapse in range(1, 10):
        # relearn back to review, then forget it again
        while memory.status != REVIEW:
            result = scheduler.review(memory, Rating.Good, now, card_key="k")
            memory, now = result.after, result.after.due or now
        result = scheduler.review(memory, Rating.Again, now, card_key="k")
        memory, now = result.after, result.after.due or now
        assert memory.lapses == lapse
        if result.became_leech:
            leech_at.append(lapse)
    assert leech_at == [8]


# --------------------------------------------------------------------------- labels


@pytest.mark.parametrize(
    ("interval", "label"),
    [
        (timedelta(seconds=0), "<1m"),
        (timedelta(seconds=59), "<1m"),
        (timedelta(minutes=1), "1m"),
        (timedelta(minutes=5, seconds=30), "6m"),
        (timedelta(minutes=10), "10m"),
        (timedelta(minutes=59, seconds=50), "1h"),
        (timedelta(minutes=90), "1.5h"),
        (timedelta(days=1), "1d"),
        (timedelta(days=4), "4d"),
        (timedelta(days=29), "29d"),
        (timedelta(days=45), "1.5mo"),
        (timedelta(days=365), "1y"),
        (timedelta(days=800), "2.2y"),
    ],
)
def test_format_interval(interval: timedelta, label: str) -> None:
    assert format_interval(interval) == label


# --------------------------------------------------------------------------- study days


def test_elapsed_time_counts_study_days_like_anki() -> None:
    scheduler = Scheduler(NO_FUZZ)
    evening = datetime(2026, 11, 26, 20, 0, tzinfo=UTC)
    morning = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)  # 13 hours later, the next study day
    state = replace(WELL_KNOWN, stability=1.5, last_review=evening, due=morning)
    assert scheduler.elapsed_days(state, morning) == 1
    result = scheduler.review(state, Rating.Good, morning, card_key="k")
    assert result.elapsed_days == 1
    library = scheduler.fsrs_scheduler
    as_one_day = to_fsrs_card(replace(state, last_review=morning - timedelta(days=1)))
    expected, _ = library.review_card(as_one_day, Rating.Good, morning)
    assert result.after.stability == expected.stability
    raw, _ = library.review_card(to_fsrs_card(state), Rating.Good, morning)
    assert result.after.stability is not None and raw.stability is not None
    assert result.after.stability > raw.stability, "not treated as a same-day review"


def test_reviews_before_the_day_turns_are_the_same_study_day() -> None:
    scheduler = Scheduler(NO_FUZZ)
    early = datetime(2026, 11, 26, 5, 0, tzinfo=UTC)
    late = datetime(2026, 11, 27, 3, 59, tzinfo=UTC)  # 23 hours later, before 04:00
    state = replace(WELL_KNOWN, stability=1.5, last_review=early, due=late)
    assert scheduler.elapsed_days(state, late) == 0
    short_term = scheduler.fsrs_scheduler.review_card(
        to_fsrs_card(replace(state, last_review=late)), Rating.Good, late
    )[0]
    assert scheduler.review(state, Rating.Good, late, card_key="k").after.stability == (
        short_term.stability
    )
    assert scheduler.elapsed_days(Memory(), late) is None


def test_fuzz_never_puts_the_buttons_out_of_order() -> None:
    fuzzy = Scheduler(Config(timezone=UTC))
    inversions_without_rule = 0
    for n in range(150):
        # stability 3 reviewed again the same day: the library gives Hard 3d, Good 3d
        state = replace(
            WELL_KNOWN, stability=3.0 + n % 3, difficulty=1.0 + n % 9, last_review=START
        )
        preview = fuzzy.preview(state, START, card_key=f"deck/{n}")
        hard, good, easy = (
            preview[r].interval.days for r in (Rating.Hard, Rating.Good, Rating.Easy)
        )
        assert hard < good < easy, (n, hard, good, easy)
        seed = fuzz_seed(f"deck/{n}", state.reps)
        plain = {
            r: Scheduler(NO_FUZZ).review(state, r, START, card_key="k").interval.days
            for r in (Rating.Hard, Rating.Good)
        }
        raw_hard = fuzzed_days(plain[Rating.Hard], 36500, seed)
        raw_good = fuzzed_days(plain[Rating.Good], 36500, seed)
        inversions_without_rule += raw_good <= raw_hard
        assert good == max(raw_good, hard + 1)
    assert inversions_without_rule > 0, "the rule is exercised"


def test_learning_steps_of_a_day_are_due_at_the_start_of_that_study_day() -> None:
    config = replace(NO_FUZZ, learning_steps=(timedelta(minutes=10), timedelta(days=1)))
    scheduler = Scheduler(config)
    evening = datetime(2026, 11, 26, 22, 0, tzinfo=UTC)
    first = scheduler.review(Memory(), Rating.Again, evening, card_key="k")
    assert first.after.due == evening + timedelta(minutes=10)
    second = scheduler.review(first.after, Rating.Good, first.after.due, card_key="k")
    assert second.after.status == LEARNING and second.interval_text == "1d"
    assert second.after.due == datetime(2026, 11, 27, 4, 0, tzinfo=UTC), "due by study day"
    library = scheduler.fsrs_scheduler.review_card(
        to_fsrs_card(first.after), Rating.Good, first.after.due
    )[0]
    assert library.due - first.after.due == timedelta(days=1)
    assert (library.stability, library.step) == (second.after.stability, second.after.step)


def test_a_day_step_on_a_25_hour_day_still_waits_for_the_next_day() -> None:
    from zoneinfo import ZoneInfo

    berlin = ZoneInfo("Europe/Berlin")  # clocks go back at 03:00 on 2026-10-25
    config = replace(
        NO_FUZZ, timezone=berlin, learning_steps=(timedelta(minutes=10), timedelta(days=1))
    )
    scheduler = Scheduler(config)
    now = datetime(2026, 10, 25, 4, 30, tzinfo=berlin).astimezone(UTC)
    first = scheduler.review(Memory(), Rating.Again, now, card_key="k")
    later = first.after.due
    assert later is not None
    second = scheduler.review(first.after, Rating.Good, later, card_key="k")
    assert second.after.due == datetime(2026, 10, 26, 4, 0, tzinfo=berlin).astimezone(UTC)
