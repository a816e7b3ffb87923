"""StudySession on a real store file: queue order, daily limits, the 04:00 boundary,
sibling burying, suspend and bury, and a session reopened on the same file."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from srs_helpers import Clock, cloze_deck, numbered_deck

from quiz.config import Config
from quiz.session import Counts, StudySession
from quiz.srs import Rating
from quiz.store import CardState, CardStatus, Store

CONFIG = Config(timezone=UTC, enable_fuzzing=False)


def answer_all(session: StudySession, rating: Rating = Rating.Good) -> list[str]:
    """Answer every card the session offers (at the clock's current time); their kinds."""
    kinds = []
    while (item := session.next_card()) is not None:
        kinds.append(item.kind)
        session.answer(item, rating, duration_ms=1500)
        assert len(kinds) < 1000
    return kinds


def graduate(store: Store, clock: Clock, deck_cards: int, name: str = "rev") -> StudySession:
    """A session whose deck's cards were all answered Easy once (now review cards)."""
    deck = numbered_deck(name, deck_cards)
    session = StudySession(store, [deck], replace(CONFIG, new_per_day=999), clock)
    assert answer_all(session, Rating.Easy) == ["new"] * deck_cards
    return session


def test_fresh_deck_offers_new_cards_in_deck_order_up_to_the_daily_limit(
    store: Store, clock: Clock
) -> None:
    deck = numbered_deck("d", 30)
    session = StudySession(store, [deck], CONFIG, clock)
    assert session.counts() == Counts(new=20, learning=0, review=0)
    first = session.next_card()
    assert first is not None and first.kind == "new" and first.card is deck.cards[0]
    assert first.state.status == CardStatus.NEW and first.due is None
    assert session.next_card() == first, "asking twice shows the same card"
    session.answer(first, Rating.Good, duration_ms=2000)
    assert session.counts() == Counts(new=19, learning=1, review=0)
    kinds = answer_all(session, Rating.Easy)
    assert kinds.count("new") == 19
    assert session.counts() == Counts(new=0, learning=0, review=0)
    assert session.next_card() is None


def test_due_learning_comes_first_and_learn_ahead_ends_the_session(
    store: Store, clock: Clock
) -> None:
    session = StudySession(store, [numbered_deck("d", 3)], CONFIG, clock)
    first = session.next_card()
    assert first is not None
    assert session.answer(first, Rating.Again, duration_ms=900).interval == "1m"
    second = session.next_card()
    assert second is not None and second.kind == "new" and second.key != first.key
    clock.advance(minutes=1)
    again = session.next_card()
    assert again is not None and again.key == first.key and again.kind == "learning"
    session.answer(again, Rating.Good, duration_ms=900)  # next step: 10 minutes
    assert session.next_card() == second
    session.answer(second, Rating.Easy, duration_ms=900)
    third = session.next_card()
    assert third is not None and third.kind == "new"
    session.answer(third, Rating.Easy, duration_ms=900)
    # only the learning card is left, due in 10 minutes: inside the 20-minute learn-ahead
    ahead = session.next_card()
    assert ahead is not None and ahead.key == first.key
    assert session.counts() == Counts(new=0, learning=1, review=0)
    strict = StudySession(
        store, [numbered_deck("d", 3)], replace(CONFIG, learn_ahead=timedelta(0)), clock
    )
    assert strict.next_card() is None
    assert strict.counts() == Counts()


def test_review_limit_and_lowest_retrievability_first(store: Store, clock: Clock) -> None:
    graduate(store, clock, 6)
    clock.advance(days=40)
    session = StudySession(
        store, [numbered_deck("rev", 6)], replace(CONFIG, reviews_per_day=4), clock
    )
    assert session.counts() == Counts(new=0, learning=0, review=4)
    shown = []
    while (item := session.next_card()) is not None:
        assert item.kind == "review"
        retrievability = session.scheduler.retrievability(item.state, clock())
        others = [
            session.scheduler.retrievability(row.state, clock())
            for row in store.cards(["rev"])
            if row.state.status == CardStatus.REVIEW and row.state.due <= clock()
        ]
        assert retrievability <= min(others) + 1e-12
        shown.append(item.key)
        session.answer(item, Rating.Good, duration_ms=1000)
    assert len(shown) == 4
    assert session.counts().review == 0


def test_new_cards_are_spread_among_reviews(store: Store, clock: Clock) -> None:
    graduate(store, clock, 12)
    clock.advance(days=60)
    decks = [numbered_deck("rev", 12), numbered_deck("fresh", 3)]
    session = StudySession(store, decks, CONFIG, clock)
    assert session.counts() == Counts(new=3, learning=0, review=12)
    kinds = []
    for _ in range(15):
        item = session.next_card()
        assert item is not None
        kinds.append(item.kind)
        session.answer(item, Rating.Good, duration_ms=1000)
    assert kinds.count("new") == 3 and kinds.count("review") == 12
    positions = [index for index, kind in enumerate(kinds) if kind == "new"]
    assert positions[0] >= 3, kinds
    assert all(
        later - earlier >= 3 for earlier, later in zip(positions, positions[1:], strict=False)
    )


def test_the_day_turns_at_four_local_time(store: Store) -> None:
    shanghai = ZoneInfo("Asia/Shanghai")
    clock = Clock(datetime(2026, 11, 26, 3, 0, tzinfo=shanghai))
    config = replace(CONFIG, timezone=shanghai, new_per_day=2)
    deck = numbered_deck("d", 6)
    session = StudySession(store, [deck], config, clock)
    assert answer_all(session, Rating.Easy) == ["new", "new"]
    clock.set(datetime(2026, 11, 26, 3, 59, tzinfo=shanghai))
    assert session.counts().new == 0 and session.next_card() is None
    clock.set(datetime(2026, 11, 26, 4, 0, tzinfo=shanghai))
    assert session.counts().new == 2
    item = session.next_card()
    assert item is not None and item.kind == "new"


def test_siblings_are_buried_for_the_rest_of_the_day(store: Store, clock: Clock) -> None:
    deck = cloze_deck()
    session = StudySession(store, [deck], CONFIG, clock)
    assert session.counts().new == 6
    first = session.next_card()
    assert first is not None and first.card_id == "sib-a"
    session.answer(first, Rating.Good, duration_ms=1000)
    assert session.counts().new == 4, "the sibling is buried, not counted"
    seen = []
    while (item := session.next_card()) is not None:
        seen.append(item.card_id)
        session.answer(item, Rating.Easy, duration_ms=1000)
    assert "sib-b" not in seen
    clock.set(datetime(2026, 11, 27, 4, 0, tzinfo=UTC))
    assert session.counts().new == 1
    upcoming = session.next_card()
    assert upcoming is not None and upcoming.card_id == "sib-b"


def test_siblings_stay_when_burying_is_off(store: Store, clock: Clock) -> None:
    session = StudySession(store, [cloze_deck()], replace(CONFIG, bury_siblings=False), clock)
    first = session.next_card()
    assert first is not None
    session.answer(first, Rating.Good, duration_ms=1000)
    second = session.next_card()
    assert second is not None and second.card_id == "sib-b"


def test_suspended_cards_never_come_up_until_unsuspended(store: Store, clock: Clock) -> None:
    deck = numbered_deck("d", 3)
    session = StudySession(store, [deck], CONFIG, clock)
    item = session.next_card()
    assert item is not None
    session.suspend(item)
    assert session.counts().new == 2
    assert store.card("d", item.card_id).suspended  # type: ignore[union-attr]
    offered = []
    while (other := session.next_card()) is not None:
        offered.append(other.card_id)
        session.answer(other, Rating.Easy, duration_ms=1000)
    assert item.card_id not in offered and len(offered) == 2
    session.unsuspend(item)
    back = session.next_card()
    assert back is not None and back.key == item.key


def test_buried_card_returns_the_next_day(store: Store, clock: Clock) -> None:
    session = StudySession(store, [numbered_deck("d", 2)], CONFIG, clock)
    item = session.next_card()
    assert item is not None
    session.bury(item)
    assert session.counts().new == 1
    other = session.next_card()
    assert other is not None and other.key != item.key
    session.answer(other, Rating.Easy, duration_ms=1000)
    assert session.next_card() is None
    clock.set(datetime(2026, 11, 27, 4, 0, tzinfo=UTC))
    back = session.next_card()
    assert back is not None and back.key == item.key


def test_retired_cards_never_come_up(store: Store, clock: Clock) -> None:
    deck = numbered_deck("d", 3)
    StudySession(store, [deck], CONFIG, clock).close()
    shorter = replace(deck, cards=deck.cards[1:])
    session = StudySession(store, [shorter], CONFIG, clock)
    assert session.sync_reports[0].retired == 1
    assert session.counts().new == 2
    assert deck.cards[0].id not in answer_all_ids(session)


def answer_all_ids(session: StudySession) -> list[str]:
    ids = []
    while (item := session.next_card()) is not None:
        ids.append(item.card_id)
        session.answer(item, Rating.Easy, duration_ms=1000)
    return ids


def test_a_reopened_session_continues_with_reduced_counts(db_path: Path, clock: Clock) -> None:
    deck = numbered_deck("d", 30)
    with Store.open(db_path) as store, StudySession(store, [deck], CONFIG, clock) as session:
        for _ in range(5):
            item = session.next_card()
            assert item is not None
            session.answer(item, Rating.Good, duration_ms=1000)
        assert session.counts() == Counts(new=15, learning=5, review=0)
    clock.advance(minutes=2)
    with Store.open(db_path) as store:
        session = StudySession(store, [deck], CONFIG, clock)
        assert session.counts() == Counts(new=15, learning=5, review=0)
        item = session.next_card()
        assert item is not None and item.kind == "new"
        assert item.card_id == deck.cards[5].id
        session.close()
        assert store.session(session.session_id).ended_at == clock()  # type: ignore[union-attr]


def test_match_cards_are_scheduled_like_any_card(store: Store, clock: Clock) -> None:
    deck = cloze_deck()
    match_only = replace(deck, cards=deck.cards[-1:])
    session = StudySession(store, [match_only], CONFIG, clock)
    item = session.next_card()
    assert item is not None and item.card.type == "match"
    outcome = session.answer(item, Rating.Good, duration_ms=12000)
    assert outcome.interval == "10m"
    row = store.card(match_only.name, "match-1")
    assert row is not None and row.state.status == CardStatus.LEARNING and row.state.reps == 1


def test_sibling_burial_survives_reopen_and_undo_lifts_it(db_path: Path, clock: Clock) -> None:
    deck = cloze_deck()
    with Store.open(db_path) as store:
        session = StudySession(store, [deck], CONFIG, clock)
        first = session.next_card()
        assert first is not None and first.card_id == "sib-a"
        session.answer(first, Rating.Good, duration_ms=1000)
        buried = store.card("party", "sib-b")
        assert buried is not None and buried.buried_until == datetime(2026, 11, 27, 4, tzinfo=UTC)
        session.close()
    with Store.open(db_path) as store:
        again = StudySession(store, [deck], CONFIG, clock)
        assert again.counts().new == 4
        assert again.undo() is None, "undo belongs to the session that answered"
    with Store.open(db_path) as store:
        session = StudySession(store, [deck], CONFIG, clock)
        second = session.next_card()
        assert second is not None and second.card_id != "sib-b"
        session.answer(second, Rating.Good, duration_ms=1000)
        assert session.undo() is not None
        assert session.counts().new == 4


def test_undo_unburies_the_siblings(store: Store, clock: Clock) -> None:
    session = StudySession(store, [cloze_deck()], CONFIG, clock)
    first = session.next_card()
    assert first is not None
    session.answer(first, Rating.Good, duration_ms=1000)
    assert session.counts().new == 4
    session.undo()
    assert session.counts() == Counts(new=6)
    sibling = store.card("party", "sib-b")
    assert sibling is not None and sibling.buried_until is None


def test_learning_siblings_are_not_buried(store: Store, clock: Clock) -> None:
    session = StudySession(store, [cloze_deck()], replace(CONFIG, bury_siblings=False), clock)
    for _ in range(2):  # both siblings become learning cards
        item = session.next_card()
        assert item is not None and item.card_id.startswith("sib-")
        session.answer(item, Rating.Again, duration_ms=1000)
    buried_session = StudySession(store, [cloze_deck()], CONFIG, clock)
    clock.advance(minutes=1)
    item = buried_session.next_card()
    assert item is not None and item.kind == "learning"
    buried_session.answer(item, Rating.Again, duration_ms=1000)
    clock.advance(minutes=1)
    assert buried_session.counts().learning == 2
    other = store.card("party", "sib-b" if item.card_id == "sib-a" else "sib-a")
    assert other is not None and other.buried_until is None


def test_reviews_come_in_order_of_lowest_retrievability(store: Store, clock: Clock) -> None:
    deck = numbered_deck("mix", 6)
    session = StudySession(store, [deck], replace(CONFIG, new_per_day=0), clock)
    now = clock()
    # (stability, days since the last review): all due, forgotten to different degrees
    memories = [(30.0, 20), (2.0, 3), (10.0, 25), (5.0, 5), (60.0, 90), (1.0, 1)]
    for card, (stability, days) in zip(deck.cards, memories, strict=True):
        state = CardState(
            status=CardStatus.REVIEW,
            stability=stability,
            difficulty=5.0,
            due=now - timedelta(hours=1),
            last_review=now - timedelta(days=days),
            reps=3,
        )
        store.record_review("mix", card.id, rating=None, kind="manual", after=state, now=now)
    expected = sorted(
        deck.cards,
        key=lambda c: session.scheduler.retrievability(store.card("mix", c.id).state, now),  # type: ignore[union-attr]
    )
    shown = []
    while (item := session.next_card()) is not None:
        assert item.kind == "review"
        shown.append(item.card)
        session.answer(item, Rating.Good, duration_ms=1000)
    assert shown == expected
    assert [c.id for c in shown] != [c.id for c in deck.cards], "not simply deck order"


def test_a_session_without_decks_is_empty_not_an_error(store: Store, clock: Clock) -> None:
    with StudySession(store, [], CONFIG, clock) as session:
        assert session.next_card() is None
        assert session.counts() == Counts()
        summary = session.summary()
        assert (summary.reviewed, summary.next_due, summary.accuracy) == (0, None, None)
        assert session.undo() is None


def test_the_learning_count_is_read_when_the_counts_are_asked_for(
    store: Store, clock: Clock
) -> None:
    """Picking the next card needs the heads and the new and review counts only; the
    learning count (thousands of overdue learning cards make it the costly one) is read
    for `counts()`, once per read of the queue."""
    session = StudySession(store, [numbered_deck("d", 3)], CONFIG, clock)
    first = session.next_card()
    assert first is not None
    session.answer(first, Rating.Good, duration_ms=1000)  # now a learning card
    statements: list[str] = []
    store._db.conn.set_trace_callback(statements.append)
    try:
        second = session.next_card()
        assert second is not None and second.card_id != first.card_id
        picked = list(statements)
        assert session.counts() == Counts(new=2, learning=1, review=0)
        assert session.counts() == Counts(new=2, learning=1, review=0)  # the same read
        counted = statements[len(picked) :]
    finally:
        store._db.conn.set_trace_callback(None)
    learning = [sql for sql in picked + counted if "count(*)" in sql and "c.state IN" in sql]
    assert not [sql for sql in picked if sql in learning]
    assert len([sql for sql in counted if sql in learning]) == 1


def test_the_learning_count_follows_answers_and_the_window_between_reads(
    store: Store, clock: Clock
) -> None:
    """Between two whole counts (COUNTS_REFRESH apart) the learning count is carried: an
    answer moves it by its card, the learn-ahead window moving on adds the cards due in
    the stretch it gained. It is always what the store counts."""
    from quiz.store.queue import count_due

    config = replace(CONFIG, learn_ahead=timedelta(0), new_per_day=10)
    session = StudySession(store, [numbered_deck("d", 6)], config, clock)
    learning = (CardStatus.LEARNING, CardStatus.RELEARNING)

    def whole() -> int:
        cutoff = clock() + timedelta(milliseconds=1)
        return count_due(store, None, cutoff, now=clock(), statuses=learning)

    seen = []
    for step in range(8):
        item = session.next_card()
        assert item is not None
        if item.kind == "new":
            session.answer(item, Rating.Again, duration_ms=1000)  # due again in a minute
        else:
            session.answer(item, Rating.Good, duration_ms=1000)
        clock.advance(seconds=25)
        counts = session.counts()
        assert counts.learning == whole(), step
        seen.append(counts.learning)
    assert max(seen) > 0  # cards came into the window between whole counts
