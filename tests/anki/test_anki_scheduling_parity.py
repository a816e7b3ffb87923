"""Scheduling parity with Anki's own FSRS: the same card answered with the same ratings
at the same times (Anki's Rust core on a clock moved by libfaketime, its fuzz and load
balancer off; quiz's engine with fuzz off), the same desired retention, steps and FSRS
parameters. After every answer the due times match: to the minute in (re)learning, to
the study day in review. Run this file as a script to print the table."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from anki_helpers import ANKI_VERSION

from quiz.config import Config
from quiz.srs import REVIEW, Memory, Rating, Scheduler, day_index

try:
    import libfaketime
except ImportError as exc:  # pragma: no cover - depends on the machine
    if os.environ.get("CI"):
        raise
    pytest.skip(
        f"libfaketime moves Anki's clock and cannot be imported ({exc}); pip install -e '.[test]'",
        allow_module_level=True,
    )
FAKETIME = Path(libfaketime.__file__).parent / "vendor/libfaketime/src/libfaketime.so.1"
WORKER = Path(__file__).parent / "anki_clock.py"
START = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)
CONFIG = Config(
    timezone=UTC,
    enable_fuzzing=False,
    desired_retention=0.9,
    learning_steps=(timedelta(minutes=1), timedelta(minutes=10)),
    relearning_steps=(timedelta(minutes=10),),
)
G, A, H, E = Rating.Good, Rating.Again, Rating.Hard, Rating.Easy

# (rating, when relative to the due time quiz gave: timedelta, or None = at the due time)
SEQUENCES: dict[str, list[tuple[Rating, timedelta | None]]] = {
    "Good x5": [(G, None)] * 5,
    "Again, Good x4": [(A, None)] + [(G, None)] * 4,
    "Easy x3": [(E, None)] * 3,
    "Hard, Good, Again, Good x3": [(H, None), (G, None), (A, None)] + [(G, None)] * 3,
    "lapse after a long interval": [(G, None)] * 7 + [(A, None), (G, None), (G, None)],
    "early and late": [
        (G, None),
        (G, timedelta(minutes=-5)),  # a learning step answered early
        (G, timedelta(days=-1)),  # a review a day early
        (G, timedelta(days=6)),  # and six days late
        (H, timedelta(days=30)),
        (G, timedelta(hours=2)),
    ],
}


@dataclass(frozen=True)
class Step:
    rating: Rating
    at: datetime
    anki: str
    quiz: str
    same: bool


def _minutes(value: float) -> str:
    return f"{round(value)}m"


def run_both(sequence: list[tuple[Rating, timedelta | None]], folder: Path) -> list[Step]:
    scheduler = Scheduler(CONFIG)
    memory, now = Memory(), START
    answers: list[tuple[datetime, Rating, Memory]] = []
    for rating, offset in sequence:
        if memory.due is not None:
            now = memory.due + (offset or timedelta(0))
        memory = scheduler.review(memory, rating, now, card_key="parity").after
        answers.append((now, rating, memory))
    job = {
        "folder": str(folder),
        "params": list(scheduler.fsrs_scheduler.parameters),
        "retention": CONFIG.desired_retention,
        "steps": [step.total_seconds() / 60 for step in CONFIG.learning_steps],
        "relearn": [step.total_seconds() / 60 for step in CONFIG.relearning_steps],
        "answers": [[int(at.timestamp()), int(rating)] for at, rating, _ in answers],
    }
    env = {
        **os.environ,
        "TZ": "UTC",
        "ANKI_TEST_MODE": "1",
        "FAKETIME_NO_CACHE": "1",
        "FAKETIME": "@2026-01-01 00:00:00",
        "LD_PRELOAD": str(FAKETIME),
    }
    result = subprocess.run(
        [sys.executable, str(WORKER)],
        input=json.dumps(job),
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    steps = []
    for (at, rating, after), anki in zip(answers, json.loads(result.stdout), strict=True):
        assert anki["now"] == int(at.timestamp()), "Anki's clock did not move"
        assert after.due is not None
        if anki["due_secs"] is not None:  # (re)learning within the day: by the minute
            anki_minutes = (anki["due_secs"] - at.timestamp()) / 60
            quiz_minutes = (after.due - at).total_seconds() / 60
            same = after.status != REVIEW and abs(anki_minutes - quiz_minutes) < 1
            steps.append(Step(rating, at, _minutes(anki_minutes), _minutes(quiz_minutes), same))
        else:  # by study day
            quiz_days = day_index(after.due, CONFIG) - day_index(at, CONFIG)
            same = anki["due_days"] == quiz_days
            steps.append(Step(rating, at, f"{anki['due_days']}d", f"{quiz_days}d", same))
    return steps


@pytest.mark.parametrize("name", list(SEQUENCES))
def test_quiz_schedules_as_anki_does(name: str, tmp_path: Path) -> None:
    steps = run_both(SEQUENCES[name], tmp_path)
    table = "\n".join(
        f"{s.rating.name:5} {s.at:%m-%d %H:%M}  anki {s.anki:>6}  quiz {s.quiz:>6}"
        f"{'' if s.same else '  <- differs'}"
        for s in steps
    )
    assert all(s.same for s in steps), f"{name}:\n{table}"


if __name__ == "__main__":
    import tempfile

    print(f"Anki {ANKI_VERSION}")
    for label, sequence in SEQUENCES.items():
        with tempfile.TemporaryDirectory() as tmp:
            steps = run_both(sequence, Path(tmp))
        ratings = " ".join(s.rating.name for s in steps)
        anki, quiz = " ".join(s.anki for s in steps), " ".join(s.quiz for s in steps)
        print(f"| {label} | {ratings} | {anki} | {quiz} |")
