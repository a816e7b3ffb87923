"""The store narrows a search by its plan (`Store.search_cards`) and never loses a match:
on a real database file, every query of a grammar of valid terms finds exactly the cards
that testing each card of the collection finds."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.config import Config
from quiz.custom import context, select_cards
from quiz.deck import ClozeCard, Deck
from quiz.search import parse
from quiz.store import CardState, CardStatus, Store

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)
CONFIG = Config(timezone=ZoneInfo("Asia/Shanghai"), enable_fuzzing=False)
SECTIONS = ("一、完善組織之“形”", "二、铸牢思想之“魂”", None)
TAGS = (("formula",), ("quote", "heading::lead"), ())


def _deck(name: str, title: str) -> Deck:
    return Deck(
        name=name,
        title=title,
        cards=tuple(
            ClozeCard(
                id=f"{name}{n:02d}",
                text=f"第{n}句：堅持{{{{c1::縱向{n}}}}}，实现全覆盖。",
                section=SECTIONS[n % 3],
                tags=TAGS[n % 4 % 3],
                importance=None if n % 5 == 0 else n * 7 % 101,
            )
            for n in range(24)
        ),
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path: Path = tmp_path_factory.mktemp("search") / "quiz.db"
    with Store.open(path, now=NOW) as opened:
        for name, title in (("jianti", "抓基层打基础"), ("fanti", "抓基層打基礎")):
            deck = _deck(name, title)
            opened.sync_deck(deck, now=NOW)
            for n, card in enumerate(deck.cards):
                if n % 4 == 0:
                    continue  # stays new
                status = CardStatus(1 + n % 3)
                state = CardState(
                    status=status,
                    step=0 if status != CardStatus.REVIEW else None,
                    stability=0.5 + n,
                    difficulty=1 + n % 9,
                    due=NOW + timedelta(hours=13 * n - 100),
                    last_review=NOW - timedelta(days=n),
                    reps=n % 7,
                    lapses=n % 5,
                    leech=n % 11 == 0,
                )
                when = NOW - timedelta(hours=n % 40)
                opened.record_review(
                    name,
                    card.id,
                    rating=1 + n % 3,
                    kind="manual" if n % 6 == 0 else "learn",
                    after=state,
                    now=when,
                )
            opened.set_suspended(name, [f"{name}05", f"{name}13"], True)
            opened.bury(name, [f"{name}06"], NOW + timedelta(hours=5))
        yield opened


TERMS = st.sampled_from(
    [
        "is:new",
        "is:learning",
        "is:review",
        "is:relearning",
        "is:due",
        "is:suspended",
        "is:buried",
        "is:leech",
        "type:cloze",
        "type:match",
        "deck:fanti",
        "deck:基层",
        "section:铸牢",
        "section:組織",
        "tag:quote",
        "tag:heading",
        "rated:1",
        "rated:2:1",
        "rated:3:4",
        "縱向1",
        "全覆盖",
        *(
            f"prop:{name}{op}{value}"
            for name in ("due", "lapses", "reps", "stability", "difficulty", "importance")
            for op in ("<", "<=", ">", ">=", "=", "!=")
            for value in ("-2", "0", "1", "2.5", "4", "50")
        ),
    ]
)
QUERIES = st.lists(st.tuples(st.booleans(), TERMS), min_size=1, max_size=3).map(
    lambda terms: " ".join(("-" if negate else "") + term for negate, term in terms)
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(QUERIES)
def test_narrowing_in_sql_finds_what_testing_every_card_finds(store: Store, query: str) -> None:
    decks = ["fanti", "jianti"]
    parsed = parse(query)
    everything = parsed.select(store.cards(decks), context(store, decks, NOW, CONFIG))
    narrowed = select_cards(store, decks, query, NOW, CONFIG)
    assert sorted(narrowed.keys) == sorted(
        row.key
        for row in everything
        if not row.suspended and not (row.buried_until is not None and row.buried_until > NOW)
    )
    assert narrowed.matched == len(everything)


def test_an_unknown_column_is_a_programming_error(store: Store) -> None:
    from quiz.search import Compare, Plan

    with pytest.raises(ValueError, match="cannot search by colour"):
        store.search_cards(["fanti"], Plan(compares=(Compare("colour", "=", 1),)))
    with pytest.raises(ValueError, match="cannot search by lapses ;"):
        store.search_cards(["fanti"], Plan(compares=(Compare("lapses", ";", 1),)))


def test_a_huge_due_bound_is_clamped_not_an_overflow(store: Store) -> None:
    assert len(select_cards(store, ["fanti"], "prop:due<=1e300", NOW, CONFIG).keys) > 0
    assert select_cards(store, ["fanti"], "prop:due>1e300", NOW, CONFIG).keys == ()


@pytest.mark.parametrize(
    "query", ["is:due", "prop:due=1", "rated:1:1", "section:铸牢 is:review", "tag:heading"]
)
def test_the_collection_gives_each_kind_of_term_cards_to_find(store: Store, query: str) -> None:
    """The property above is only worth something if its terms find some cards, not all."""
    assert 0 < select_cards(store, ["fanti", "jianti"], query, NOW, CONFIG).matched < 48
