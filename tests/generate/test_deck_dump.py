"""dump_deck writes the same bytes with libyaml's emitter as with PyYAML's own: every
character libyaml writes otherwise sends the deck to the pure-Python emitter."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from quiz import deck
from quiz.deck import ClozeCard, Deck, MatchCard, dump_deck

pytestmark = pytest.mark.skipif(deck._CDumper is None, reason="PyYAML without libyaml")


def _dump(data: Any, dumper: Any) -> str:
    return yaml.dump(
        data,
        Dumper=dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1_000_000,
        indent=2,
    )


def _shapes(char: str) -> list[Any]:
    """The character alone, inside a word, before a space, at a line's ends and in a flow
    sequence: where YAML's choice of quoting and style turns."""
    return [char, f"a{char}b", f"{char} x", f"发{char}\n{char}", deck._Flow([char])]


def test_every_other_code_point_is_written_alike_by_both_emitters() -> None:
    chars = [
        chr(point)
        for point in range(0x10000)
        if not 0xD800 <= point < 0xE000 and deck._emitted_alike(chr(point))
    ]
    assert len(chars) == 0x10000 - 0x800 - 3  # all of the BMP but U+0085, U+2028, U+2029
    data = {"strings": [shape for char in chars for shape in _shapes(char)]}
    assert _dump(data, deck._CDumper) == _dump(data, deck._Dumper)


@pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029", "\U00010000", "😀", "\U00020000"])
def test_a_deck_holding_a_character_libyaml_escapes_is_dumped_by_pyyaml(char: str) -> None:
    data = {"strings": _shapes(char)}
    assert not deck._emitted_alike(data)
    assert _dump(data, deck._CDumper) != _dump(data, deck._Dumper)  # why the test is needed
    card = ClozeCard(id="c1", text=f"学习{{{{c1::三会一课}}}}{char}。", hint=f"sān{char}")
    shown = Deck(name="d", title=f"标题{char}", cards=(card,))
    assert dump_deck(shown) == _dump(shown.to_dict(), deck._Dumper)


@pytest.mark.parametrize("title", ["标题", "标题\U0002b6ad"])
def test_a_deck_with_one_such_card_is_written_part_by_part_as_pyyaml_writes_it_whole(
    title: str,
) -> None:
    """Only the parts holding such a character go to the pure-Python emitter; the bytes
    are those of the whole deck dumped by it."""
    cards = (
        ClozeCard(id="c1", text="学习{{c1::三会一课}}。", accept=("三會一課",), hint="sān"),
        ClozeCard(id="c2", text="鳥名{{c1::\U0002b6ad}}，見於古籍。", tags=("keyword",)),
        MatchCard(id="m1", prompt="配对", pairs=(("甲", "一"), ("乙\U0002b6ad", "二"))),
        ClozeCard(id="c3", text="“{{c1::两个确立}}”\n第二行", section="一、总则", line=3),
    )
    for source in (None, "seeds/a.txt"):
        shown = Deck(name="d", title=title, cards=cards, source=source)
        assert not deck._emitted_alike(shown.to_dict())
        assert dump_deck(shown) == _dump(shown.to_dict(), deck._Dumper)
    empty = Deck(name="d", title="标题\U0002b6ad", cards=())
    assert dump_deck(empty) == _dump(empty.to_dict(), deck._Dumper)
