"""Statistics from a real SQLite store holding the hand-written log of stats_log.py.

Hand computation (study days start 04:00 Shanghai time; today is 26 Nov):
- effective answers: c1 learn 1 Oct, review 24 Nov, cram today; c2 learn 20 Nov, review
  (fail) and relearn at 03:30/03:45 on 25 Nov = study day 24 Nov, review today; c3 learn
  (fail) today, its undone pass left out; m1 learn 25 Nov  -> 9 in total, 3 today.
- study days: 1 Oct, 20 Nov, 24, 25, 26 Nov -> streak 3 now, longest 3, 5 study days.
- true retention (review kind only): c1 mature pass 24 Nov (interval 30 d), c2 young
  fail 24 Nov (3 d), c2 young pass today (1 d) -> today 1/1; 7/30/365 days 2 of 3, young
  1 of 2, mature 1 of 1. The cram answer and learning answers are not counted.
- due: c3 (learning, due 09:31 today), c2 on 30 Nov (day 4), m1 on 20 Dec (day 24); c1 is
  due in January (beyond 30 days); c4 is suspended.
- sections: 一、甲 (c1, c2): both studied, 1 lapse, retention 2 of 3; 二、乙 (c3, c4, m1):
  2 studied (c4 never), no review answers yet.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from stats_log import CONFIG, NOW

from quiz.stats import compute
from quiz.store import Store
from quiz.store.stats_queries import stats_rows


def _stats(path: Path, decks: tuple[str, ...] = ()):
    with Store.open(path) as store:
        return compute(
            stats_rows(store, now=NOW, config=CONFIG, decks=decks), now=NOW, config=CONFIG
        )


def test_counts_and_reviews(log_db: Path) -> None:
    stats = _stats(log_db)
    assert stats.cards.to_dict() == {
        "new": 0,
        "learning": 1,
        "review": 3,
        "relearning": 0,
        "suspended": 1,
        "leech": 0,
        "total": 5,
    }
    assert (stats.reviews_today, stats.reviews_total) == (3, 9)
    assert [d.count for d in stats.per_day[-3:]] == [3, 1, 3]


def test_true_retention(log_db: Path) -> None:
    ret = _stats(log_db).retention
    assert (ret["today"].total.passed, ret["today"].total.failed) == (1, 0)
    for window in ("7d", "30d", "365d"):
        assert (ret[window].young.passed, ret[window].young.failed) == (1, 1)
        assert (ret[window].mature.passed, ret[window].mature.failed) == (1, 0)
        assert ret[window].total.rate == pytest.approx(2 / 3)


def test_streak_uses_the_four_oclock_day(log_db: Path) -> None:
    assert _stats(log_db).streak.to_dict() == {"current": 3, "longest": 3, "study_days": 5}


def test_due_forecast(log_db: Path) -> None:
    stats = _stats(log_db)
    due = {i: d.count for i, d in enumerate(stats.forecast) if d.count}
    assert due == {0: 1, 4: 1, 24: 1}
    assert stats.due_today == 1
    assert stats.forecast[24].day.isoformat() == "2026-12-20"


def test_sessions_share_correct(log_db: Path) -> None:
    sessions = _stats(log_db).sessions
    assert [(s.kind, s.reviews, s.correct) for s in sessions] == [
        ("study", 1, 1),
        ("study", 2, 1),
        ("study", 2, 1),
        ("cram", 1, 1),
    ]


def test_retention_per_section(log_db: Path) -> None:
    first, second = _stats(log_db).sections
    assert (first.section, first.cards, first.studied, first.lapses) == ("一、甲", 2, 2, 1)
    assert (first.retention.passed, first.retention.failed) == (2, 1)
    assert (second.section, second.cards, second.studied) == ("二、乙", 3, 2)
    assert second.retention.rate is None


def test_weakest_cards_with_sentences(log_db: Path) -> None:
    stats = _stats(log_db)
    assert [c.card_id for c in stats.weakest_by_lapses] == ["c2"]
    assert stats.weakest_by_lapses[0].sentence == "增强政治领导力、思想引领力"
    # FSRS's curve R = (1 + F t / S) ^ -d, t in whole study days (04:00 boundaries, as Anki):
    # m1 (S 25, learnt the evening of the 25th: 1 day) is below c1 (S 60, 2 days).
    factor = 0.9 ** (1 / -0.1542) - 1
    by_r = {c.card_id: c.retrievability for c in stats.weakest_by_retrievability}
    assert [c.card_id for c in stats.weakest_by_retrievability][:2] == ["m1", "c1"]
    assert by_r["m1"] == pytest.approx((1 + factor * 1 / 25) ** -0.1542)
    assert by_r["c1"] == pytest.approx((1 + factor * 2 / 60) ** -0.1542)
    assert by_r["c2"] == 1.0  # reviewed this morning: no study day has passed
    match = next(c for c in stats.weakest_by_retrievability if c.card_id == "m1")
    assert match.sentence == "配对"


def test_deck_filter(log_db: Path) -> None:
    stats = _stats(log_db, ("other",))
    assert stats.reviews_total == 0 and stats.cards.total == 0
    assert [d.name for d in stats.decks] == ["other"]


def test_single_review_log(tmp_path: Path) -> None:
    from stats_log import DECK, local, review

    path = tmp_path / "one.db"
    with Store.open(path) as store:
        store.sync_deck(DECK, now=local(11, 1, 9))
        t = local(11, 26, 3, 59)  # before 04:00: yesterday's study day
        store.record_review("d", "c1", rating=1, kind="learn", now=t, after=review(1, t, t, 1))
    stats = _stats(path)
    assert (stats.reviews_today, stats.reviews_total) == (0, 1)
    assert stats.per_day[-2].count == 1
    assert stats.streak.current == 1 and stats.streak.longest == 1
    assert stats.retention["365d"].total.rate is None  # a learning answer is not retention
    assert stats.due_today == 1  # its due time has passed: overdue counts today


def test_empty_database(empty_db: Path) -> None:
    stats = _stats(empty_db)
    assert stats.empty and stats.due_today == 0 and stats.decks == ()
    data = stats.to_dict()
    assert data["reviews"]["total"] == 0 and data["sessions"] == [] and data["sections"] == []


def test_an_undone_review_leaves_retention_days_and_sections(tmp_path: Path) -> None:
    from stats_log import DECK, local, review

    path = tmp_path / "undo.db"
    with Store.open(path) as store:
        store.sync_deck(DECK, now=local(10, 1, 9))
        t = local(10, 1, 9)
        store.record_review(
            "d", "c1", rating=3, kind="learn", now=t, after=review(30, t + timedelta(days=30), t, 1)
        )
        t = local(11, 26, 9)
        kept = store.record_review(
            "d", "c1", rating=3, kind="review", now=t, after=review(60, t, t, 2)
        )
        undone = store.record_review(
            "d",
            "c1",
            rating=1,
            kind="review",
            now=local(11, 26, 9, 5),
            after=review(5, t, t, 3, lapses=1),
        )
        store.undo_review(undone, now=local(11, 26, 9, 6))
        assert kept
    stats = _stats(path)
    assert stats.reviews_today == 1 and stats.reviews_total == 2
    today = stats.retention["today"]
    assert (today.mature.passed, today.mature.failed, today.young.total) == (1, 0, 0)
    first = stats.sections[0]
    assert (first.retention.passed, first.retention.failed) == (1, 0)


def test_forecast_bounds_follow_the_day_start_and_daylight_saving() -> None:
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from quiz.config import Config
    from quiz.store.stats_queries import forecast_bounds

    bounds = forecast_bounds(NOW, CONFIG)
    # 04:00 in Shanghai is 20:00 UTC: today ends at 20:00 UTC on the 26th
    assert bounds[0] == int(datetime(2026, 11, 26, 20, tzinfo=UTC).timestamp() * 1000)
    assert all(b - a == 86_400_000 for a, b in zip(bounds, bounds[1:], strict=False))
    berlin = Config(timezone=ZoneInfo("Europe/Berlin"))
    autumn = forecast_bounds(datetime(2026, 10, 23, 12, tzinfo=UTC), berlin, days=3)
    # clocks go back on 25 Oct 2026: that study day lasts 25 hours
    assert [b - a for a, b in zip(autumn, autumn[1:], strict=False)] == [90_000_000, 86_400_000]


def test_in_memory_store_gives_the_same_figures(log_db: Path) -> None:
    from stats_log import build_log

    memory = Store.memory()
    build_log(memory)
    rows = stats_rows(memory, now=NOW, config=CONFIG)
    in_memory = compute(rows, now=NOW, config=CONFIG).to_dict()
    memory.close()
    assert in_memory == _stats(log_db).to_dict()


def test_queries_read_indexes_never_the_whole_log(log_db: Path) -> None:
    """Each aggregate is answered from an index (range counts, covering scans) or from
    the tallies kept beside the log; a full scan of review_log would not stay fast on a
    million reviews."""
    from quiz.store import stats_queries as q

    plans: list[str] = []
    with Store.open(log_db) as store:
        db = q.database_of(store)
        query = db.query

        def explain(sql: str, params: object = ()) -> list[object]:
            plans.extend(str(row[-1]) for row in query("EXPLAIN QUERY PLAN " + sql, params))
            return query(sql, params)

        db.query = explain  # type: ignore[method-assign]
        q.day_rows(db, CONFIG)
        q.retention_rows(db, NOW, CONFIG)
        q.section_rows(db)
        q.due_rows(db, NOW, CONFIG)
        q.card_counts(db)
        q.excluded_rows(db, CONFIG)
    text = "\n".join(plans)
    assert "review_log_retention" in text
    assert "SCAN answer_hours" in text  # answers per day: a row per deck and day
    assert "COVERING INDEX sqlite_autoindex_review_log_1" in text  # undone: via undo markers
    # sections: the cards' covering index and each card's tallies by key, no log pass
    assert "COVERING INDEX cards_section_stats" in text
    assert "SEARCH t USING PRIMARY KEY" in text
    assert not any(p.startswith("SCAN review_log") or p.startswith("SCAN r") for p in plans)


def test_a_regenerated_card_keeps_its_section_history(tmp_path: Path) -> None:
    from stats_log import local, review

    from quiz.deck import ClozeCard, Deck
    from quiz.generate.ids import cloze_id

    def deck(sentence_after: str) -> Deck:
        text = "认真落实“{{c1::三会一课}}”" + sentence_after
        probe = ClozeCard("", text)
        card = ClozeCard(cloze_id(probe.answer, probe.sentence), text, section="一、甲")
        return Deck(name="d", title="基层组织", cards=(card,))

    first, edited = deck("制度，坚持不懈"), deck("制度，长期坚持不懈")
    path = tmp_path / "carry.db"
    with Store.open(path) as store:
        store.sync_deck(first, now=local(10, 1, 8))
        old_id = first.cards[0].id
        t = local(10, 1, 9)
        store.record_review(
            "d",
            old_id,
            rating=3,
            kind="learn",
            now=t,
            after=review(30, t + timedelta(days=30), t, 1),
        )
        t = local(11, 1, 9)
        store.record_review(
            "d",
            old_id,
            rating=1,
            kind="review",
            now=t,
            after=review(5, t + timedelta(days=5), t, 2, lapses=1),
        )
        report = store.sync_deck(edited, now=local(11, 2, 9))
        assert report.carried_over == 1
    (section,) = _stats(path).sections
    assert (section.cards, section.lapses) == (1, 1)
    assert (section.retention.passed, section.retention.failed) == (0, 1)
