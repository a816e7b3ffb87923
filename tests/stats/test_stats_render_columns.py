"""`quiz stats` tables name each line's deck only when there are several decks."""

from __future__ import annotations

from pathlib import Path

from stats_log import CONFIG, NOW, local

from quiz.commands.stats import render
from quiz.deck import ClozeCard, Deck
from quiz.stats import compute
from quiz.store import Store
from quiz.store.stats_queries import stats_rows


def _text(path: Path) -> str:
    with Store.open(path) as store:
        rows = stats_rows(store, now=NOW, config=CONFIG)
    return render(compute(rows, now=NOW, config=CONFIG), columns=80)


def _header(text: str, first: str) -> list[str]:
    return next(line for line in text.splitlines() if line.startswith(first)).split()


def test_one_deck_has_no_deck_column(log_db: Path) -> None:
    text = _text(log_db)
    assert _header(text, "Section") == ["Section", "cards", "studied", "lapses", "retention"]
    assert _header(text, "Most lapses") == ["Most", "lapses", "lapses", "recall"]
    assert "一、甲" in text and "二、乙" in text


def test_several_decks_name_the_deck_on_each_line(log_db: Path) -> None:
    other = Deck(
        name="e",
        title="另一篇",
        cards=(ClozeCard("e1", "坚持{{c1::问题导向}}", section="第一节", line=1),),
    )
    with Store.open(log_db) as store:
        store.sync_deck(other, now=local(10, 1, 8))
    text = _text(log_db)
    assert _header(text, "Section")[:2] == ["Section", "deck"]
    assert _header(text, "Most lapses")[-1] == "deck"
    assert any(line.startswith("第一节") and " e " in line for line in text.splitlines())
