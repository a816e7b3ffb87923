"""Editing one card in its deck file (`quiz.deck_edit`, the app's `e`): on real files, the
rest of the file byte for byte (comments included), the card's id kept, c1..cN texts,
basic cards, refusals with their reason, and regeneration keeping the deck."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from quiz.deck import BasicCard, ClozeCard, Deck, load_deck
from quiz.deck_edit import (
    CardFields,
    EditError,
    check_fields,
    editable,
    form_fields,
    parse_accept,
    save_edit,
)
from quiz.generate.pipeline import build_deck
from quiz.generate.stamp import HandEditedError, deck_state, write_generated

DECK = """\
title: 测试
# a comment of my own, kept
cards:
  - id: 6b170ffde162
    type: cloze
    text: 基層黨組織作為黨的肌體的“{{c1::神經末梢}}”，必須將抓基層作為長遠之計
    accept: [神经末梢]          # other accepted answers (the other script)
    hint: shén jīng mò shāo     # pinyin answers are accepted too
    line: 17
    tags: [quote]
    importance: 85
  - text: "{{c1::巴黎::a city}}是{{c2::法国}}的首都。"   # one card per number
  - type: basic                                      # Anki's Basic note
    front: What is 2+2?
    back: "4"
  # the last one has no id
  - text: 认真落实{{c1::三会一课}}制度。
  - {text: "{{c1::flow}} style", accept: [f]}
"""


@pytest.fixture
def deck_file(tmp_path: Path) -> Path:
    path = tmp_path / "decks" / "d.yaml"
    path.parent.mkdir()
    path.write_text(DECK, encoding="utf-8")
    return path


def _edit(path: Path, index: int, **changes: object) -> tuple[Deck, Deck]:
    before = load_deck(path)
    card = before.cards[index]
    assert isinstance(card, ClozeCard | BasicCard)
    fields = form_fields(card)
    fields = CardFields(**{**_as_dict(fields), **changes})  # type: ignore[arg-type]
    after = save_edit(path, card, fields)
    assert after == load_deck(path)  # what it returns is what is on disk
    return before, after


def _as_dict(fields: CardFields) -> dict[str, object]:
    return {
        "text": fields.text,
        "answer": fields.answer,
        "accept": fields.accept,
        "hint": fields.hint,
    }


def _lines_changed(old: str, new: str) -> tuple[list[str], list[str]]:
    import difflib

    gone, added = [], []
    for line in difflib.ndiff(old.splitlines(), new.splitlines()):
        if line.startswith("- "):
            gone.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return gone, added


def test_the_form_starts_with_the_card_blank_written_as_underscores() -> None:
    deck = load_deck_text(DECK)
    first, paris, france, basic, *_ = deck.cards
    assert form_fields(first) == CardFields(  # type: ignore[arg-type]
        "基層黨組織作為黨的肌體的“___”，必須將抓基層作為長遠之計",
        "神經末梢",
        ("神经末梢",),
        "shén jīng mò shāo",
    )
    # c1..cN: the other blanks stay written as blanks; a hint in the blank is the hint
    assert form_fields(paris) == CardFields("___是{{c2::法国}}的首都。", "巴黎", (), "a city")  # type: ignore[arg-type]
    assert form_fields(france).text == "{{c1::巴黎::a city}}是___的首都。"  # type: ignore[arg-type]
    assert form_fields(basic) == CardFields("What is 2+2?", "4")  # type: ignore[arg-type]
    assert parse_accept(" 三會一課 | | sanhuiyike |三會一課") == ("三會一課", "sanhuiyike")


def load_deck_text(text: str) -> Deck:
    from quiz.deck import parse_deck

    return parse_deck(text, name="d")


def test_an_edit_changes_only_its_values_and_keeps_comments(deck_file: Path) -> None:
    before, after = _edit(deck_file, 0, answer="神经末梢", accept=("神經末梢",), hint="")
    new = deck_file.read_text(encoding="utf-8")
    gone, added = _lines_changed(DECK, new)
    assert gone == [
        "    text: 基層黨組織作為黨的肌體的“{{c1::神經末梢}}”，必須將抓基層作為長遠之計",
        "    accept: [神经末梢]          # other accepted answers (the other script)",
        "    hint: shén jīng mò shāo     # pinyin answers are accepted too",
    ]
    assert added == [
        "    text: 基層黨組織作為黨的肌體的“{{c1::神经末梢}}”，必須將抓基層作為長遠之計",
        "    accept: [神經末梢]          # other accepted answers (the other script)",
        "    edited: true",
    ]
    card = after.cards[0]
    assert isinstance(card, ClozeCard)
    assert (card.id, card.answer, card.accept, card.hint, card.edited) == (
        "6b170ffde162",
        "神经末梢",
        ("神經末梢",),
        None,
        True,
    )
    assert after.cards[1:] == before.cards[1:]  # every other card as it was, in order


def test_a_card_without_an_id_gets_its_id_written(deck_file: Path) -> None:
    before, after = _edit(deck_file, 4, text="认真落实了___制度。", accept=("三會一課",))
    assert [c.id for c in after.cards] == [c.id for c in before.cards]
    gone, added = _lines_changed(DECK, deck_file.read_text(encoding="utf-8"))
    assert gone == ["  - text: 认真落实{{c1::三会一课}}制度。"]
    assert added == [
        f"  - id: {before.cards[4].id}",
        "    text: 认真落实了{{c1::三会一课}}制度。",
        "    accept: [三會一課]",
        "    edited: true",
    ]
    assert "# the last one has no id" in deck_file.read_text(encoding="utf-8")


def test_a_text_with_several_blanks_becomes_an_entry_per_blank(deck_file: Path) -> None:
    before, after = _edit(
        deck_file, 2, text="{{c1::巴黎::a city}}是___的首都！", accept=("France",)
    )
    assert [c.id for c in after.cards] == [c.id for c in before.cards]
    paris, france = after.cards[1], after.cards[2]
    assert isinstance(paris, ClozeCard) and isinstance(france, ClozeCard)
    assert (paris.number, paris.inline_hint, paris.sentence) == (1, "a city", "巴黎是法国的首都！")
    assert (france.number, france.accept, france.edited) == (2, ("France",), True)
    # and the card of the other blank can now take accepted answers of its own
    _before, again = _edit(deck_file, 1, accept=("Paris",), hint="a capital")
    paris = again.cards[1]
    assert isinstance(paris, ClozeCard)
    assert (paris.accept, paris.inline_hint) == (("Paris",), "a capital")
    # the hint in c1's blank is in the text both entries share
    assert again.cards[2] == replace(france, text="{{c1::巴黎::a capital}}是{{c2::法国}}的首都！")


def test_entries_of_one_text_keep_the_same_text(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(
        "title: t\ncards:\n"
        "- {id: a, cloze: 1, text: '{{c1::巴黎}}是{{c2::法国}}的首都。'}\n"
        "- id: b\n  cloze: 2\n  text: '{{c1::巴黎}}是{{c2::法国}}的首都。'\n",
        encoding="utf-8",
    )
    _before, after = _edit(path, 1, answer="法蘭西")
    assert [c.sentence for c in after.cards] == ["巴黎是法蘭西的首都。"] * 2  # type: ignore[union-attr]
    assert all(c.edited for c in after.cards)


def test_a_basic_card_is_edited_on_its_front_and_back(deck_file: Path) -> None:
    _before, after = _edit(deck_file, 3, text="What is 2+3?", answer="5", accept=("five",))
    card = after.cards[3]
    assert isinstance(card, BasicCard)
    assert (card.front, card.back, card.accept, card.edited) == (
        "What is 2+3?",
        "5",
        ("five",),
        True,
    )


def test_a_flow_style_entry_is_written_again_in_flow_style(deck_file: Path) -> None:
    _before, after = _edit(deck_file, 5, text="___ style, edited", hint="h")
    line = deck_file.read_text(encoding="utf-8").splitlines()[-1]
    assert line.startswith("  - {") and line.endswith("}")
    card = after.cards[5]
    assert isinstance(card, ClozeCard)
    assert (card.sentence, card.accept, card.hint) == ("flow style, edited", ("f",), "h")


@pytest.mark.parametrize(
    ("index", "changes", "reason"),
    [
        (0, {"text": "基層黨組織作為黨的肌體"}, "No blank"),
        (0, {"text": "___作為___"}, "2 blanks"),
        (0, {"answer": " "}, "answer is empty"),
        (0, {"answer": "a}}b"}, "cannot hold"),
        (1, {"text": "___是法国的首都。"}, "Keep the text's other blanks (c2)"),
        (4, {"text": "{{c1::x}}认真落实___制度。"}, "Only the one blank"),
        (3, {"answer": ""}, "back is empty"),
        (3, {"text": "  "}, "front is empty"),
    ],
)
def test_a_broken_edit_is_refused_with_its_reason(
    deck_file: Path, index: int, changes: dict[str, str], reason: str
) -> None:
    deck = load_deck(deck_file)
    card = deck.cards[index]
    assert isinstance(card, ClozeCard | BasicCard)
    fields = CardFields(**{**_as_dict(form_fields(card)), **changes})  # type: ignore[arg-type]
    message = check_fields(card, fields)
    assert message is not None and reason in message
    with pytest.raises(EditError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        save_edit(deck_file, card, fields)
    assert deck_file.read_text(encoding="utf-8") == DECK  # nothing written


def test_nothing_changed_and_a_file_changed_on_disk_are_refused(deck_file: Path) -> None:
    deck = load_deck(deck_file)
    card = deck.cards[0]
    assert isinstance(card, ClozeCard)
    with pytest.raises(EditError, match="Nothing changed"):
        save_edit(deck_file, card, form_fields(card))
    deck_file.write_text(DECK.replace("神經末梢}}", "神經中樞}}"), encoding="utf-8")
    changed = CardFields(**{**_as_dict(form_fields(card)), "hint": "x"})  # type: ignore[arg-type]
    with pytest.raises(EditError, match="changed on disk"):
        save_edit(deck_file, card, changed)


def test_a_bom_and_crlf_file_keeps_both(deck_file: Path) -> None:
    deck_file.write_bytes(b"\xef\xbb\xbf" + DECK.replace("\n", "\r\n").encode("utf-8"))
    _edit(deck_file, 3, answer="four")
    raw = deck_file.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == raw.count(b"\n")  # the lines added end like the others


def test_a_matching_set_is_not_edited_here() -> None:
    from quiz.deck import MatchCard

    card = MatchCard(id="m", prompt="p", pairs=(("a", "b"), ("c", "d")))
    assert "deck file" in (editable(card) or "")


def test_regeneration_keeps_a_deck_edited_in_the_app(tmp_path: Path) -> None:
    deck = build_deck("坚持纵向到底，实现党的组织全覆盖。认真落实“三会一课”制度。\n", name="x")[0]
    path = tmp_path / "x.yaml"
    write_generated(deck, path, source="x.txt")
    loaded = load_deck(path)
    card = next(c for c in loaded.cards if isinstance(c, ClozeCard))
    save_edit(path, card, CardFields(**{**_as_dict(form_fields(card)), "hint": "提示"}))  # type: ignore[arg-type]
    assert path.read_text(encoding="utf-8").startswith("# generated by quiz from x.txt")
    assert deck_state(path).value == "edited"
    with pytest.raises(HandEditedError, match="1 card edited in quiz; use --force"):
        write_generated(deck, path, source="x.txt")
    write_generated(deck, path, source="x.txt", force=True)
    assert not any(c.edited for c in load_deck(path).cards)
