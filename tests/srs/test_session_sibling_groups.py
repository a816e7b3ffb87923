"""Siblings across card types (issue 11, item 1): a matching set and the cloze cards of the
sentences it was cut from are buried together for the day, whichever comes first."""

from __future__ import annotations

from datetime import UTC, datetime

from srs_helpers import Clock

from quiz.config import Config
from quiz.deck import ClozeCard, Deck, MatchCard
from quiz.session import StudySession
from quiz.siblings import sibling_keys
from quiz.srs import Rating
from quiz.store import Store

CONFIG = Config(timezone=UTC, enable_fuzzing=False)

LEADS = MatchCard(
    id="leads",
    prompt="Match each lead with its end",
    pairs=(
        ("Hold the line", "keep it whole"),
        ("Reach the edge", "cover it all"),
        ("Link the levels", "share the load"),
    ),
    section="One",
    line=3,
)


def lead_deck() -> Deck:
    cards = (
        LEADS,
        ClozeCard(id="c-line", text="Hold {{c1::the line}}, keep it whole.", section="One", line=3),
        ClozeCard(id="c-edge", text="Reach {{c1::the edge}}, cover it all.", section="One", line=4),
        ClozeCard(id="c-other", text="An {{c1::unrelated}} sentence.", section="One", line=5),
        ClozeCard(
            id="c-elsewhere",
            text="They {{c1::said}}: hold the line, keep it whole.",
            section="Two",
            line=9,
        ),
    )
    return Deck(name="d", title="Leads", cards=cards)


def test_a_set_groups_the_clozes_whose_sentence_holds_one_of_its_pairs() -> None:
    keys = sibling_keys(lead_deck().cards)
    assert keys["leads"] == keys["c-line"] == keys["c-edge"]
    assert keys["c-other"] not in {keys["leads"]}
    assert keys["c-elsewhere"] != keys["leads"], "another section is another place"


def test_matching_a_set_buries_its_cloze_cards_for_the_day(store: Store, clock: Clock) -> None:
    session = StudySession(store, [lead_deck()], CONFIG, clock)
    first = session.next_card()
    assert first is not None and first.card_id == "leads"
    session.answer(first, Rating.Good, duration_ms=1000)
    seen = []
    while (item := session.next_card()) is not None:
        seen.append(item.card_id)
        session.answer(item, Rating.Easy, duration_ms=1000)
    assert "c-line" not in seen and "c-edge" not in seen
    assert "c-other" in seen and "c-elsewhere" in seen
    clock.set(datetime(2026, 11, 27, 4, 0, tzinfo=UTC))
    back = []
    while (item := session.next_card()) is not None:
        back.append(item.card_id)
        session.answer(item, Rating.Easy, duration_ms=1000)
    assert len({"c-line", "c-edge"} & set(back)) == 1, "back the next day, one a day"


def test_a_cloze_answered_first_buries_its_set(store: Store, clock: Clock) -> None:
    deck = lead_deck()
    reordered = Deck(name=deck.name, title=deck.title, cards=(*deck.cards[1:], deck.cards[0]))
    session = StudySession(store, [reordered], CONFIG, clock)
    first = session.next_card()
    assert first is not None and first.card_id == "c-line"
    session.answer(first, Rating.Good, duration_ms=1000)
    seen = []
    while (item := session.next_card()) is not None:
        seen.append(item.card_id)
        session.answer(item, Rating.Easy, duration_ms=1000)
    assert "leads" not in seen and "c-edge" not in seen


def test_an_existing_collection_is_regrouped_once_after_the_upgrade(tmp_path, clock: Clock) -> None:
    """A store synced before groups existed holds each card's own key; the migration makes
    the next sync store the groups even though the deck did not change."""
    from quiz.store.db import Database
    from quiz.store.migrations import migrate

    path = tmp_path / "old.db"
    db = Database.connect(path)
    migrate(db, target=7)
    db.close()
    deck = lead_deck()
    with Store.open(path) as store:
        store.sync_deck(deck, now=clock())
        keys = {row.card_id: row.sibling_key for row in store.cards(["d"])}
        assert keys["leads"] == keys["c-line"]
