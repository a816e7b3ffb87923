"""A lightly edited matching set keeps its history on regeneration (issue 11, item 4), as
a lightly edited cloze card does: same section, most pairs unchanged."""

from __future__ import annotations

from datetime import datetime, timedelta

from quiz.deck import Deck, MatchCard
from quiz.generate.ids import match_id
from quiz.store import CardState, CardStatus, Store

PAIRS = (("纵向到底", "组织全覆盖"), ("横向到边", "工作全覆盖"), ("上下贯通", "责任全覆盖"))


def set_deck(*sets: tuple[tuple[tuple[str, str], ...], str | None]) -> Deck:
    cards = tuple(
        MatchCard(id=match_id(pairs), prompt="配对", pairs=pairs, section=section, line=3)
        for pairs, section in sets
    )
    return Deck(name="d", title="d", cards=cards)


def answer(store: Store, card_id: str, now: datetime) -> int:
    state = CardState(
        status=CardStatus.REVIEW,
        stability=5.0,
        difficulty=4.0,
        due=now + timedelta(days=5),
        last_review=now,
        reps=1,
    )
    return store.record_review("d", card_id, rating=3, kind="learn", after=state, now=now)


def test_an_edited_pair_keeps_the_sets_history(store: Store, now: datetime) -> None:
    store.sync_deck(set_deck((PAIRS, "一")), now=now)
    old_id = match_id(PAIRS)
    review = answer(store, old_id, now)
    edited = (PAIRS[0], ("横向到边", "党的工作全覆盖"), PAIRS[2])  # one half edited
    report = store.sync_deck(set_deck((edited, "一")), now=now + timedelta(days=1))
    assert (report.carried_over, report.added, report.retired) == (1, 0, 0)
    new = store.card("d", match_id(edited))
    assert new is not None and new.carried_from == old_id
    assert new.state.status == CardStatus.REVIEW and new.state.reps == 1
    assert [r.id for r in store.card_history("d", new.card_id)] == [review]


def test_another_place_or_other_pairs_start_afresh(store: Store, now: datetime) -> None:
    store.sync_deck(set_deck((PAIRS, "一")), now=now)
    answer(store, match_id(PAIRS), now)
    moved = (PAIRS[0], PAIRS[1], ("上下贯通", "全覆盖"))
    other = (("甲", "乙"), ("丙", "丁"), PAIRS[2])  # one pair of three kept: a new set
    report = store.sync_deck(set_deck((moved, "二"), (other, "一")), now=now)
    assert (report.carried_over, report.added, report.retired) == (0, 2, 1)
    for pairs in (moved, other):
        card = store.card("d", match_id(pairs))
        assert card is not None and card.carried_from is None and card.state.reps == 0
