"""Terminal escape codes and control characters never act on the terminal: `quiz check`
refuses a deck holding them (file:line), the cleaner removes whole ANSI sequences from a
source text (the bare `[31m` left by a lost ESC too) and reports them, `quiz import` drops
them, and `printable` makes any text safe to show."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.cli import main
from quiz.deck import DeckError, load_deck
from quiz.text.clean import clean
from quiz.text.escapes import escape_sequences, printable

HOSTILE_DECK = r"""title: 控制字符
cards:
  - id: ok
    type: cloze
    text: 实现{{c1::全覆盖}}。
  - id: esc
    type: cloze
    text: "坚持{{c1::纵向到底}}\x1b]2;TITLE\x07 \x1b[2J，实现\x1b[31m全覆盖\x1b[0m。"
  - id: c1
    type: match
    prompt: "配对\u009b2J"
    pairs:
      - [甲, 乙]
      - [丙, "丁\x08"]
"""


def test_a_deck_with_escape_codes_is_refused_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE_DECK, encoding="utf-8")
    with pytest.raises(DeckError) as caught:
        load_deck(path)
    lines = [(problem.line, problem.message) for problem in caught.value.problems]
    assert [line for line, _ in lines] == [8, 11, 14]
    assert "U+001B (ESC)" in lines[0][1] and "U+009B (CSI)" in lines[1][1]
    assert "U+0008 (BS)" in lines[2][1]
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:8: control character U+001B (ESC)" in err
    assert "\x1b" not in err and "\x9b" not in err  # the message itself is safe to print


def test_tab_and_newline_stay_allowed_in_a_deck(tmp_path: Path) -> None:
    path = tmp_path / "fine.yaml"
    path.write_text('title: t\ncards:\n  - text: "甲\\t{{c1::乙}}\\n丙"\n', encoding="utf-8")
    assert load_deck(path).cards[0].text == "甲\t{{c1::乙}}\n丙"


def test_the_cleaner_removes_whole_ansi_sequences_and_reports_them() -> None:
    text = (
        "第一行\n"
        "坚持\x1b[31m纵向到底\x1b[0m，实现[1;32m全覆盖[0m。\x1b]2;TITLE\x07标题\x1b[2J\n"
        "第三行"
    )
    cleaned = clean(text)
    assert cleaned.text == "第一行\n坚持纵向到底，实现全覆盖。标题\n第三行"
    assert cleaned.report.counts() == {"escape": 6}
    assert [change.line for change in cleaned.report.changes] == [2] * 6
    assert "6 terminal escape codes" in cleaned.report.format()


def test_printable_removes_sequences_and_shows_other_controls() -> None:
    hostile = "a\x1b]2;TITLE\x07b\x1b[2Jc\x9b31md\x07e\tf\ng"
    assert printable(hostile) == "abcd\\x07e\tf\ng"
    assert printable("三会一课") == "三会一课"
    assert escape_sequences(hostile) == ["\x1b]2;TITLE\x07", "\x1b[2J", "\x9b31m"]


def test_import_drops_escape_codes(tmp_path: Path) -> None:
    source = tmp_path / "notes.txt"
    source.write_text(
        "#separator:tab\n#html:false\n坚持{{c1::纵向\x1b[31m到底\x1b[0m}}。\x1b]2;X\x07\t\n",
        encoding="utf-8",
    )
    assert main(["import", str(source), "--out", str(tmp_path / "decks")]) == 0
    deck = load_deck(tmp_path / "decks" / "notes.yaml")
    assert deck.cards[0].text == "坚持{{c1::纵向到底}}。"


def test_an_escape_code_spelled_as_an_html_entity_goes_whole() -> None:
    cleaned = clean("坚持&#27;[31m纵向到底&#27;[0m，实现全覆盖。")
    assert "[31m" not in cleaned.text and "[0m" not in cleaned.text
    assert cleaned.report.counts()["escape"] == 2
