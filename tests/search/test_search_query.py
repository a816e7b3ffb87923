"""The search language (`quiz.search`) the browser and custom study share: each key, in
both scripts, negation and quotes, and the errors a bad term gives."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from quiz.config import Config
from quiz.search import Context, Entry, SearchError, parse, quote, select
from quiz.store.models import CardRow, CardState, CardStatus

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)
CONFIG = Config(timezone=ZoneInfo("UTC"), enable_fuzzing=False)


def row(
    card_id: str,
    sentence: str,
    answer: str,
    *,
    deck: str = "jianti",
    section: str | None = None,
    tags: tuple[str, ...] = (),
    state: CardState | None = None,
    suspended: bool = False,
    importance: int | None = None,
    type_: str = "cloze",
) -> CardRow:
    return CardRow(
        deck=deck,
        card_id=card_id,
        type=type_,
        body={"text": sentence},
        answer=answer,
        sentence=sentence,
        section=section,
        line=1,
        position=0,
        sibling_key=card_id,
        tags=tags,
        state=state or CardState(),
        suspended=suspended,
        importance=importance,
    )


def review(due: datetime, *, lapses: int = 0, reps: int = 3, leech: bool = False) -> CardState:
    return CardState(
        status=CardStatus.REVIEW,
        stability=10.0,
        difficulty=5.0,
        due=due,
        last_review=due - timedelta(days=10),
        reps=reps,
        lapses=lapses,
        leech=leech,
    )


SANHUI = row(
    "sanhui",
    "认真落实“三会一课”、主题党日等制度。",
    "三会一课",
    section="二、铸牢思想之“魂”",
    tags=("formula", "quote"),
    importance=80,
)
ZONGXIANG = row(
    "zongxiang",
    "堅持縱向到底，實現黨的組織全覆蓋。",
    "縱向到底",
    deck="fanti",
    section="一、完善組織之“形”",
    tags=("heading::lead",),
    state=review(NOW + timedelta(hours=2), lapses=4, reps=9, leech=True),
)
YISHI = row(
    "yishi",
    "引导党员牢固树立“四个意识”。",
    "四个意识",
    section="二、铸牢思想之“魂”",
    state=review(NOW + timedelta(days=3)),
    suspended=True,
)
ROWS = [SANHUI, ZONGXIANG, YISHI]


def context(**changes: object) -> Context:
    base = Context.at(NOW, CONFIG, titles={"jianti": "抓基层打基础", "fanti": "抓基層打基礎"})
    return replace(base, **changes)


def ids(query: str, ctx: Context | None = None) -> list[str]:
    return [r.card_id for r in select(ROWS, query, ctx or context())]


def test_an_empty_query_matches_every_card() -> None:
    assert ids("") == ["sanhui", "zongxiang", "yishi"]
    assert ids("   ") == ids("")
    assert parse("").empty


def test_free_text_in_either_script_finds_cards_in_the_other() -> None:
    assert ids("纵向 全覆盖") == ["zongxiang"]  # Simplified typed, Traditional card
    assert ids("縱向") == ["zongxiang"]
    assert ids("三會一課") == ["sanhui"]  # Traditional typed, Simplified card
    assert ids("横向") == []
    assert ids("FORMULA") == ["sanhui"], "case does not matter"


def test_every_term_must_match_and_a_minus_negates() -> None:
    assert ids("三会 主题") == ["sanhui"]
    assert ids("三会 縱向") == []
    assert ids("-三会") == ["zongxiang", "yishi"]
    assert ids("-") == [], "a lone minus is text: no card holds it"


def test_deck_matches_the_name_or_the_title_in_either_script() -> None:
    assert ids("deck:fanti") == ["zongxiang"]
    assert ids("deck:抓基层") == ids("")  # both titles fold to the same Simplified
    assert ids("deck:基層打基礎 -deck:fanti") == ["sanhui", "yishi"]


def test_section_is_part_of_the_heading_in_either_script_and_quotes_keep_spaces() -> None:
    assert ids("section:铸牢") == ["sanhui", "yishi"]
    assert ids("section:鑄牢思想") == ["sanhui", "yishi"]
    assert ids("section:完善组织") == ["zongxiang"]
    spaced = row("s", "句子{{c1::甲}}", "甲", section="Part one: the start")
    assert [r.card_id for r in select([spaced], 'section:"one: the"', context())] == ["s"]
    assert quote("Part one") == '"Part one"' and quote("二、铸牢") == "二、铸牢"


def test_tag_is_a_whole_tag_its_children_or_a_wildcard() -> None:
    assert ids("tag:formula") == ["sanhui"]
    assert ids("tag:form") == [], "a tag matches whole, not in part"
    assert ids("tag:form*") == ["sanhui"]
    assert ids("tag:heading") == ["zongxiang"], "heading::lead is a child of heading"


def test_is_states_due_suspended_and_leech() -> None:
    assert ids("is:new") == ["sanhui"]
    assert ids("is:review") == ["zongxiang", "yishi"]
    assert ids("is:due") == ["zongxiang"], "due in 2 hours, before the day ends at 04:00"
    assert ids("is:suspended") == ["yishi"]
    assert ids("is:leech") == ["zongxiang"]
    assert ids("-is:suspended -is:new") == ["zongxiang"]
    assert ids("state:new") == ids("is:new"), "the old spelling still works"


def test_is_buried_follows_the_clock() -> None:
    buried = replace(SANHUI, buried_until=NOW + timedelta(hours=1))
    assert select([buried], "is:buried", context()) == [buried]
    assert select([buried], "is:buried", context(now=NOW + timedelta(hours=2))) == []


def test_prop_compares_numbers_and_due_counts_days_from_today() -> None:
    assert ids("prop:lapses>3") == ["zongxiang"]
    assert ids("prop:lapses>=4") == ["zongxiang"]
    assert ids("prop:reps=3") == ["yishi"]
    assert ids("prop:due<=0") == ["zongxiang"]
    assert ids("prop:due=3") == ["yishi"]
    assert ids("prop:due<=7") == ["zongxiang", "yishi"], "a new card has no due day"
    assert ids("prop:importance>=80") == ["sanhui"]
    assert ids("prop:importance=50") == ["zongxiang", "yishi"], "none ranks as 50"
    assert ids("prop:stability>5.5") == ["zongxiang", "yishi"]


def test_type_selects_the_kind_of_card() -> None:
    match = row("m", "", "", type_="match")
    assert [r.card_id for r in select([SANHUI, match], "type:match", context())] == ["m"]
    assert [r.card_id for r in select([SANHUI, match], "-type:match", context())] == ["sanhui"]


def test_rated_asks_the_log_once_per_query_for_the_days_wanted() -> None:
    asked: list[tuple[datetime, int | None]] = []

    def rated(since: datetime, rating: int | None) -> list[tuple[str, str]]:
        asked.append((since, rating))
        return (
            [("fanti", "zongxiang")]
            if rating == 1
            else [("fanti", "zongxiang"), ("jianti", "sanhui")]
        )

    ctx = context(rated=rated)
    assert ids("rated:1:1", ctx) == ["zongxiang"]
    assert ids("rated:2", ctx) == ["sanhui", "zongxiang"]
    day_start = datetime(2026, 11, 26, 4, 0, tzinfo=UTC)
    assert asked == [(day_start, 1), (day_start - timedelta(days=1), None)]


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("foo:bar", "unknown search key foo:"),
        ("三会 Colour:2", "unknown search key Colour:"),
        ("flag:pink", "flag:pink: one of flag:red"),
        ("is:happy", "is:new"),
        ("type:essay", "cloze, match, basic"),
        ("tag:", "tag: needs"),
        ("section:", "section: needs"),
        ("prop:lapses", "a property, a comparison and a number"),
        ("prop:colour>3", "properties are due, lapses"),
        ("prop:lapses>many", "'many' is not a number"),
        ("prop:lapses>nan", "is not a number"),
        ("rated:0", "N from 1 to 365"),
        ("rated:1:5", "rating R, 1-4"),
        ("rated:" + "9" * 5000, "N from 1 to 365"),
    ],
)
def test_a_bad_term_is_refused_with_what_it_may_be(query: str, says: str) -> None:
    with pytest.raises(SearchError) as caught:
        parse(query)
    assert says in str(caught.value)


def test_a_quoted_key_or_a_colon_after_chinese_is_text() -> None:
    colon = row("c", "目标:到2035年{{c1::基本实现}}", "基本实现")
    assert select([colon], "目标:到2035", context()) == [colon]
    url = row("u", "见 http://example.org", "x")
    assert select([url], '"http://example"', context()) == [url]


def test_the_browser_entry_keeps_its_folded_text() -> None:
    entry = Entry(ZONGXIANG)
    assert "纵向到底" in entry.haystack(NOW)
    assert parse("纵向").matches(entry, context())
