"""Deck sync: idempotent, hash skip, and regenerating from an edited text keeps history for
unchanged cards, carries lightly edited ones over, retires removed ones and revives returns."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from quiz.deck import ClozeCard, Deck, load_deck, write_deck
from quiz.store import CardState, CardStatus, Store, StoreError, SyncReport

ORIGINAL = (
    "认真落实“{{c1::三会一课}}”、主题党日、组织生活会等制度",
    "坚持{{c1::纵向到底}}，实现党的组织全覆盖",
    "增强{{c1::政治领导力}}、思想引领力、群众组织力、社会号召力",
    "推動基層組織由“建起來”變“{{c1::強起來}}”",  # Traditional
)
# The source was edited: one sentence lightly reworded, one dropped, one new; the
# Traditional card lightly edited too (its answer unchanged).
EDITED = (
    "认真落实“{{c1::三会一课}}”、主题党日、组织生活会、谈心谈话等制度",  # light edit
    "坚持{{c1::纵向到底}}，实现党的组织全覆盖",  # unchanged
    "推動基層黨組織由“建起來”變“{{c1::強起來}}”",  # light edit, Traditional
    "把{{c1::牛鼻子}}牢牢抓在手上",  # new
)


def _answer_all(store: Store, deck: str, now: datetime) -> dict[str, int]:
    ids = {}
    for card in store.cards([deck]):
        state = CardState(
            status=CardStatus.REVIEW,
            stability=5.0,
            difficulty=4.0,
            due=now + timedelta(days=5),
            last_review=now,
            reps=1,
        )
        ids[card.answer or card.card_id] = store.record_review(
            deck, card.card_id, rating=3, kind="learn", after=state, now=now
        )
    return ids


def test_sync_adds_cards_in_position_order(store: Store, make_deck, now: datetime) -> None:
    report = store.sync_deck(make_deck("d", *ORIGINAL), now=now)
    assert (report.added, report.kept, report.retired, report.skipped) == (4, 0, 0, False)
    cards = store.cards(["d"])
    assert [c.position for c in cards] == [0, 1, 2, 3]
    assert [c.answer for c in cards] == ["三会一课", "纵向到底", "政治领导力", "強起來"]
    assert all(c.state == CardState() and c.added_at == now for c in cards)
    assert cards[0].to_card() == make_deck("d", *ORIGINAL).cards[0]
    assert [d.name for d in store.decks()] == ["d"]


def test_sync_twice_changes_nothing(
    store: Store, make_deck, now: datetime, db_path: Path, dump_tables
) -> None:
    deck = make_deck("d", *ORIGINAL)
    store.sync_deck(deck, now=now)
    _answer_all(store, "d", now)
    before = dump_tables(db_path)
    again = store.sync_deck(deck, now=now + timedelta(hours=1))
    assert again.skipped and again.format() == "d: unchanged, skipped"
    forced = store.sync_deck(deck, now=now + timedelta(hours=2), force=True)
    assert not forced.skipped
    assert (forced.added, forced.kept, forced.carried_over, forced.retired) == (0, 4, 0, 0)
    assert dump_tables(db_path) == before


def test_regenerated_deck_keeps_carries_over_and_retires(
    store: Store, make_deck, now: datetime
) -> None:
    store.sync_deck(make_deck("d", *ORIGINAL), now=now)
    old = {c.answer: c for c in store.cards(["d"])}
    reviews = _answer_all(store, "d", now)

    later = now + timedelta(days=1)
    report = store.sync_deck(make_deck("d", *EDITED), now=later, label="decks/d.yaml")
    assert report.format() == "decks/d.yaml: 1 added, 1 kept, 2 carried over, 1 retired"

    new = {c.answer: c for c in store.cards(["d"])}
    assert list(new) == ["三会一课", "纵向到底", "強起來", "牛鼻子"]
    # unchanged: same id, same state, same history
    assert new["纵向到底"].card_id == old["纵向到底"].card_id
    assert new["纵向到底"].state == old["纵向到底"].state.__class__(
        status=CardStatus.REVIEW,
        stability=5.0,
        difficulty=4.0,
        due=now + timedelta(days=5),
        last_review=now,
        reps=1,
    )
    # lightly edited: a new id that inherits the predecessor's state and history
    for answer in ("三会一课", "強起來"):
        card = new[answer]
        assert card.card_id != old[answer].card_id
        assert card.carried_from == old[answer].card_id
        assert card.state.status == CardStatus.REVIEW and card.state.reps == 1
        assert [r.id for r in store.card_history("d", card.card_id)] == [reviews[answer]]
        predecessor = store.card("d", old[answer].card_id)
        assert predecessor is not None and predecessor.retired_at == later
    assert (old["三会一课"].card_id, new["三会一课"].card_id) in report.carried
    # removed: retired with its history, never deleted
    gone = store.card("d", old["政治领导力"].card_id)
    assert gone is not None and gone.retired_at == later
    assert [r.id for r in store.card_history("d", gone.card_id)] == [reviews["政治领导力"]]
    assert store.deck_counts(["d"], now=later, day_end=later)["d"].retired == 3
    # new
    assert new["牛鼻子"].state == CardState() and new["牛鼻子"].carried_from is None


def test_a_different_sentence_with_the_same_answer_starts_over(
    store: Store, make_deck, now: datetime
) -> None:
    store.sync_deck(make_deck("d", "认真落实“{{c1::三会一课}}”、主题党日等制度"), now=now)
    report = store.sync_deck(
        make_deck("d", "{{c1::三会一课}}是党的组织生活的基本制度，要长期坚持"), now=now
    )
    assert (report.added, report.carried_over, report.retired) == (1, 0, 1)


def test_best_match_wins_one_to_one(store: Store, make_deck, now: datetime) -> None:
    store.sync_deck(make_deck("d", "坚持{{c1::纵向到底}}，实现党的组织全覆盖"), now=now)
    report = store.sync_deck(
        make_deck(
            "d",
            "坚持{{c1::纵向到底}}，实现党组织全覆盖",  # closest
            "坚持{{c1::纵向到底}}，实现党的组织有效覆盖工作",  # similar, but second best
        ),
        now=now,
    )
    assert (report.added, report.carried_over, report.retired) == (1, 1, 0)
    winner = [c for c in store.cards(["d"]) if c.carried_from]
    assert [c.sentence for c in winner] == ["坚持纵向到底，实现党组织全覆盖"]


def test_a_card_that_comes_back_is_revived_with_its_state(
    store: Store, make_deck, now: datetime
) -> None:
    full = make_deck("d", *ORIGINAL)
    store.sync_deck(full, now=now)
    _answer_all(store, "d", now)
    store.sync_deck(make_deck("d", *ORIGINAL[:2]), now=now + timedelta(days=1))
    report = store.sync_deck(full, now=now + timedelta(days=2))
    assert (report.revived, report.kept, report.added) == (2, 2, 0)
    cards = store.cards(["d"])
    assert len(cards) == 4 and all(c.retired_at is None and c.state.reps == 1 for c in cards)


def test_a_reverted_edit_takes_the_progress_back(store: Store, make_deck, now: datetime) -> None:
    original = make_deck("d", ORIGINAL[0])
    store.sync_deck(original, now=now)
    store.sync_deck(make_deck("d", EDITED[0]), now=now)
    edited = store.cards(["d"])[0]
    state = CardState(
        status=CardStatus.REVIEW,
        stability=9.0,
        difficulty=3.0,
        due=now + timedelta(days=9),
        last_review=now,
        reps=4,
    )
    review = store.record_review("d", edited.card_id, rating=4, kind="review", after=state, now=now)
    report = store.sync_deck(original, now=now + timedelta(days=1))
    assert report.revived == 1
    back = store.cards(["d"])[0]
    assert back.card_id == original.cards[0].id and back.state == state
    assert [r.id for r in store.card_history("d", back.card_id)] == [review]


def test_deck_with_repeated_ids_is_refused_whole(store: Store, now: datetime) -> None:
    # A hand-built Deck (load_deck refuses this already; the store must too).
    cards = (ClozeCard(id="same", text="{{c1::甲}}乙"), ClozeCard(id="same", text="{{c1::丙}}丁"))
    deck = Deck(name="d", title="t", cards=cards)
    with pytest.raises(StoreError, match="repeated.*same"):
        store.sync_deck(deck, now=now)
    assert store.decks() == [] and store.cards() == []


def test_report_format_names_the_deck_file(tmp_path: Path, store: Store, make_deck, now) -> None:
    deck_file = tmp_path / "decks" / "x.yaml"
    write_deck(make_deck("x", *ORIGINAL), deck_file)
    report = store.sync_deck(load_deck(deck_file), now=now)
    assert report.format() == f"{deck_file}: 4 added, 0 kept, 0 carried over, 0 retired"
    assert SyncReport("x", 3, 50, 1, 2).format() == "x: 3 added, 50 kept, 1 carried over, 2 retired"
