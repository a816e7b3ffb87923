"""Real processes on a real file: a SIGKILLed writer loses no answer it reported as
committed, and two processes answering at once both keep every review, never "locked"."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from quiz.store import Store

pytestmark = pytest.mark.slow

WRITER = """
import os, sys, time
from datetime import datetime, timedelta, UTC
from quiz.store import Store, CardState, CardStatus

path, go, me, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
deck, ids = "d", sys.argv[5:]
start = datetime(2026, 11, 26, 8, tzinfo=UTC)
with Store.open(path) as store:
    print("ready", flush=True)
    while go != "-" and not os.path.exists(go):  # start together with the other writer
        time.sleep(0.005)
    for n in range(count):
        now = start + timedelta(seconds=n)
        card_id = ids[n % len(ids)]
        state = CardState(status=CardStatus.REVIEW, stability=1.0 + n, difficulty=5.0,
                          due=now + timedelta(days=1), last_review=now, reps=n + 1)
        review_id = store.record_review(deck, card_id, rating=3, kind="review", after=state,
                                        now=now, duration_ms=n)
        print(review_id, card_id, n, flush=True)
        if n == 0 and go != "-":  # overlap for sure: both have committed before either goes on
            open(go + "." + me, "w").close()
            while not all(os.path.exists(go + "." + w) for w in ("a", "b")):
                time.sleep(0.005)
"""


def _setup(db_path: Path, make_deck, now: datetime, count: int) -> list[str]:
    texts = [f"第{n}条：坚持{{{{c1::答案{n}}}}}不动摇" for n in range(count)]
    with Store.open(db_path, now=now) as store:
        store.sync_deck(make_deck("d", *texts), now=now)
        return [c.card_id for c in store.cards(["d"])]


def _writer(
    db_path: Path, count: int, ids: list[str], go: str = "-", me: str = "a"
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path), go, me, str(count), *ids],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_sigkill_loses_no_committed_answer(db_path: Path, make_deck, now: datetime) -> None:
    ids = _setup(db_path, make_deck, now, 5)
    child = _writer(db_path, 1_000_000, ids)
    assert child.stdout is not None
    reported: list[tuple[int, str, int]] = []
    assert child.stdout.readline() == "ready\n"
    for line in child.stdout:
        review_id, card_id, n = line.split()
        reported.append((int(review_id), card_id, int(n)))
        if len(reported) == 300:
            break
    os.kill(child.pid, signal.SIGKILL)
    rest, _err = child.communicate(timeout=30)  # lines printed before the kill
    reported += [(int(a), b, int(c)) for a, b, c in (line.split() for line in rest.splitlines())]
    assert child.returncode == -signal.SIGKILL

    with Store.open(db_path, now=now) as store:
        logged = {r.id: r for r in store.reviews(["d"])}
        for review_id, card_id, n in reported:
            assert review_id in logged, f"committed review {review_id} lost"
            assert logged[review_id].card_id == card_id and logged[review_id].duration_ms == n
        # every card's state is its latest logged answer's: log and card moved together
        for card in store.cards(["d"]):
            history = store.card_history("d", card.card_id)
            if history:
                assert card.state == history[-1].after


def test_two_processes_answering_at_once_keep_everything(
    db_path: Path, make_deck, now: datetime
) -> None:
    ids = _setup(db_path, make_deck, now, 8)
    count = 400
    go = db_path.parent / "go"
    first = _writer(db_path, count, ids[:4], str(go), "a")
    second = _writer(db_path, count, ids[4:], str(go), "b")
    for proc in (first, second):
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
    go.touch()
    outputs = [proc.communicate(timeout=120) for proc in (first, second)]
    for proc, (out, err) in zip((first, second), outputs, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err
        assert len(out.splitlines()) == count
    # the two writers really ran at the same time: their commits interleave
    firsts, seconds = ([int(line.split()[0]) for line in out.splitlines()] for out, _ in outputs)
    assert min(firsts) < max(seconds) and min(seconds) < max(firsts)
    with Store.open(db_path, now=now) as store:
        reviews = list(store.reviews(["d"]))
        assert len(reviews) == 2 * count
        reported = {int(line.split()[0]) for out, _ in outputs for line in out.splitlines()}
        assert reported == {r.id for r in reviews}
        for card in store.cards(["d"]):
            assert card.state.reps == store.card_history("d", card.card_id)[-1].after.reps
