"""A card's `importance` in the deck format: loaded, validated with file:line problems,
dumped after `tags` only when set, and reported by `quiz check` like any other problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.cli import main
from quiz.deck import (
    DEFAULT_IMPORTANCE,
    ClozeCard,
    DeckError,
    MatchCard,
    dump_deck,
    parse_deck,
    rank,
)

SIMPLIFIED = """\
title: 抓基层打基础
cards:
  - id: s1
    type: cloze
    text: 认真落实“{{c1::三会一课}}”制度
    tags: [quote]
    importance: 90
  - id: s2
    type: match
    prompt: 配对
    pairs:
      - [政治领导力, 政治]
      - [思想引领力, 思想]
    importance: 0
  - id: s3
    type: cloze
    text: 坚持{{c1::纵向到底}}，实现全覆盖
"""

TRADITIONAL = """\
title: 抓基層打基礎
cards:
  - id: t1
    type: cloze
    text: 認真落實“{{c1::三會一課}}”制度
    importance: 100
  - id: t2
    type: match
    prompt: 配對
    pairs:
      - [政治領導力, 政治]
      - [思想引領力, 思想]
    tags: [list]
    importance: 35
"""


def test_importance_loads_in_either_script_and_is_optional() -> None:
    simplified = parse_deck(SIMPLIFIED, name="s")
    assert [card.importance for card in simplified.cards] == [90, 0, None]
    assert isinstance(simplified.cards[1], MatchCard)
    traditional = parse_deck(TRADITIONAL, name="t")
    assert [card.importance for card in traditional.cards] == [100, 35]
    assert traditional.cards[1].tags == ("list",)


def test_dump_puts_importance_after_tags_and_leaves_it_out_when_unset() -> None:
    text = dump_deck(parse_deck(SIMPLIFIED, name="s"))
    assert "  tags: [quote]\n  importance: 90\n- id: s2\n" in text
    assert "  - [思想引领力, 思想]\n  importance: 0\n- id: s3\n" in text  # 0 is kept
    third = text[text.index("id: s3") :]
    assert "importance" not in third
    assert dump_deck(parse_deck(text, name="s")) == text  # deterministic round trip


def test_dump_is_deterministic_for_traditional_cards() -> None:
    deck = parse_deck(TRADITIONAL, name="t")
    text = dump_deck(deck)
    assert text == dump_deck(parse_deck(text, name="t"))
    assert text.index("tags: [list]") < text.index("importance: 35")
    assert parse_deck(text, name="t") == deck


def test_a_card_built_in_code_has_no_importance_by_default() -> None:
    card = ClozeCard(id="x", text="堅持{{c1::縱向到底}}")
    assert card.importance is None
    assert "importance" not in card.to_dict()
    assert ClozeCard(id="x", text="堅持{{c1::縱向到底}}", importance=7).to_dict()["importance"] == 7


def test_a_card_without_importance_ranks_in_the_middle() -> None:
    assert DEFAULT_IMPORTANCE == 50
    assert rank(None) == 50
    assert [rank(v) for v in (0, 49, 50, 51, 100)] == [0, 49, 50, 51, 100]


BAD_VALUES = {
    "yes": "a yes/no value True",
    "7.5": "a decimal number 7.5",
    "'80'": "a string '80'",
    "high": "a string 'high'",
    "[1, 2]": "a list [1, 2]",
    "101": "from 0 to 100, not 101",
    "-1": "from 0 to 100, not -1",
}


@pytest.mark.parametrize("value", sorted(BAD_VALUES))
def test_a_bad_importance_is_a_problem_at_its_line(value: str) -> None:
    text = TRADITIONAL.replace("importance: 35", f"importance: {value}")
    with pytest.raises(DeckError) as caught:
        parse_deck(text, name="t", path=Path("decks/t.yaml"))
    [problem] = caught.value.problems
    line = text.splitlines().index(f"    importance: {value}") + 1
    assert (problem.path, problem.line) == ("decks/t.yaml", line)
    assert problem.message.startswith("`importance` must be")
    assert BAD_VALUES[value] in problem.message
    assert str(problem).startswith(f"decks/t.yaml:{line}: `importance` must be")


def test_every_bad_importance_of_a_deck_is_listed() -> None:
    text = SIMPLIFIED.replace("importance: 90", "importance: 900").replace(
        "importance: 0", "importance: 0.5"
    )
    with pytest.raises(DeckError) as caught:
        parse_deck(text, name="s")
    assert [p.line for p in caught.value.problems] == [7, 14]


def test_quiz_check_reports_a_bad_importance(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(SIMPLIFIED, encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(TRADITIONAL.replace("importance: 100", "importance: 100.0"), encoding="utf-8")
    assert main(["check", str(good), str(bad)]) == 1
    captured = capsys.readouterr()
    assert f"{good}: ok: 3 cards" in captured.out
    assert captured.err.startswith(
        f"{bad}:6: `importance` must be a whole number from 0 to 100, not a decimal number 100.0"
    )
    assert "Traceback" not in captured.err
