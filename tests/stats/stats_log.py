"""A small collection with a fixed, hand-written review log (Shanghai time, UTC+8), whose
statistics are worked out by hand in test_stats_queries.py. Shared by the stats tests
(a module of its own: `conftest` is a name every test folder has)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from quiz.config import Config
from quiz.deck import ClozeCard, Deck, MatchCard
from quiz.store import CardState, CardStatus, Store

SHANGHAI = ZoneInfo("Asia/Shanghai")
CONFIG = Config(timezone=SHANGHAI)
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=SHANGHAI).astimezone(UTC)


def local(month: int, day: int, hour: int, minute: int = 0, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=SHANGHAI)


DECK = Deck(
    name="d",
    title="基层组织",
    cards=(
        ClozeCard("c1", "认真落实“{{c1::三会一课}}”", section="一、甲", line=3),
        ClozeCard("c2", "增强{{c1::政治领导力}}、思想引领力", section="一、甲", line=4),
        ClozeCard("c3", "堅持{{c1::縱向到底}}，實現全覆蓋", section="二、乙", line=9),
        ClozeCard("c4", "牵住{{c1::牛鼻子}}", section="二、乙", line=10),
        MatchCard(
            "m1", "配对", (("完善组织", "形"), ("铸牢思想", "魂")), section="二、乙", line=11
        ),
    ),
)


def review(
    stability: float, due: datetime, last: datetime, reps: int, lapses: int = 0
) -> CardState:
    return CardState(
        status=CardStatus.REVIEW,
        stability=stability,
        difficulty=5.0,
        due=due,
        last_review=last,
        reps=reps,
        lapses=lapses,
    )


def build_log(store: Store) -> None:
    """The review log the hand-computed figures describe (see test_stats_queries.py)."""
    store.sync_deck(DECK, now=local(9, 30, 12))
    # c1: learnt on 1 Oct with a 30-day interval, then a mature review passed on 24 Nov.
    t = local(10, 1, 9)
    store.record_review(
        "d", "c1", rating=3, kind="learn", now=t, after=review(30, t + timedelta(days=30), t, 1)
    )
    s1 = store.start_session(["d"], local(11, 24, 8, 55))
    t = local(11, 24, 9)
    store.record_review(
        "d",
        "c1",
        rating=3,
        kind="review",
        now=t,
        session_id=s1,
        after=review(60, t + timedelta(days=60), t, 2),
    )
    # c2: learnt 20 Nov (3 days); failed at 03:30 on 25 Nov (still the 24th's study day),
    # relearnt at 03:45, passed today as a young card.
    t = local(11, 20, 9)
    store.record_review(
        "d", "c2", rating=3, kind="learn", now=t, after=review(3, t + timedelta(days=3), t, 1)
    )
    s2 = store.start_session(["d"], local(11, 25, 3, 25))
    t = local(11, 25, 3, 30)
    store.record_review(
        "d",
        "c2",
        rating=1,
        kind="review",
        now=t,
        session_id=s2,
        after=CardState(
            status=CardStatus.RELEARNING,
            step=0,
            stability=1.0,
            difficulty=6.0,
            due=t + timedelta(minutes=10),
            last_review=t,
            reps=2,
            lapses=1,
        ),
    )
    t = local(11, 25, 3, 45)
    store.record_review(
        "d",
        "c2",
        rating=3,
        kind="relearn",
        now=t,
        session_id=s2,
        after=review(1, t + timedelta(days=1), t, 3, lapses=1),
    )
    # m1: learnt on the evening of 25 Nov, next due 20 Dec.
    t = local(11, 25, 20)
    store.record_review(
        "d", "m1", rating=3, kind="learn", now=t, after=review(25, t + timedelta(days=25), t, 1)
    )
    # today: c2 passes (young), c3 is learnt with a fail, then a pass that is undone.
    s3 = store.start_session(["d"], local(11, 26, 8, 55))
    t = local(11, 26, 9)
    store.record_review(
        "d",
        "c2",
        rating=3,
        kind="review",
        now=t,
        session_id=s3,
        after=review(4, t + timedelta(days=4), t, 4, lapses=1),
    )
    t = local(11, 26, 9, 30)
    store.record_review(
        "d",
        "c3",
        rating=1,
        kind="learn",
        now=t,
        session_id=s3,
        after=CardState(
            status=CardStatus.LEARNING,
            step=0,
            stability=0.5,
            difficulty=7.0,
            due=t + timedelta(minutes=1),
            last_review=t,
            reps=1,
        ),
    )
    t = local(11, 26, 9, 31)
    undone = store.record_review(
        "d",
        "c3",
        rating=3,
        kind="learn",
        now=t,
        session_id=s3,
        after=CardState(
            status=CardStatus.LEARNING,
            step=1,
            stability=0.9,
            difficulty=6.5,
            due=t + timedelta(minutes=10),
            last_review=t,
            reps=2,
        ),
    )
    store.undo_review(undone, now=local(11, 26, 9, 32), session_id=s3)
    store.end_session(s3, local(11, 26, 9, 33))
    # a cram answer: counted as an answer, never in retention
    s4 = store.start_session(["d"], local(11, 26, 9, 45), kind="cram")
    store.record_review(
        "d", "c1", rating=4, kind="cram", now=local(11, 26, 9, 50), session_id=s4, after=None
    )
    store.set_suspended("d", ["c4"])
