"""quiz/deck.py as the generator uses it: deterministic dump, lossless round trip, atomic write."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.deck import ClozeCard, Deck, MatchCard, dump_deck, load_deck, parse_deck, write_deck
from quiz.generate.ids import cloze_id, match_id

DECK = Path(__file__).resolve().parents[2] / "decks" / "000_e348ded4e9286363.yaml"

WORDS = st.text(alphabet="甲乙丙丁戊己庚辛壬癸天地玄黄“”：:#'\"- ", min_size=1, max_size=12)


@settings(max_examples=40, deadline=None)
@given(before=WORDS, answer=WORDS.filter(lambda s: s.strip() and ":" not in s), after=WORDS)
def test_cloze_dump_round_trips(before: str, answer: str, after: str) -> None:
    answer = answer.strip()
    card = ClozeCard(
        id=cloze_id(answer, before + answer + after),
        text=f"{before}{{{{c1::{answer}}}}}{after}",
        accept=("乙",),
        hint="yǐ",
        section="一、总则",
        line=3,
        tags=("quote",),
    )
    pairs = (("甲", "一"), ("乙", "二"), ("丙", "三"))
    match = MatchCard(id=match_id(pairs), prompt="配对", pairs=pairs, line=4, tags=("lead",))
    deck = Deck(name="d", title="题: 目", cards=(card, match), source="seeds/d.txt")
    text = dump_deck(deck)
    again = parse_deck(text, name="d")
    assert again == deck
    assert dump_deck(again) == text


def test_committed_deck_loads_and_dumps_to_the_same_bytes(tmp_path: Path) -> None:
    deck = load_deck(DECK)
    assert dump_deck(deck) == DECK.read_text(encoding="utf-8")
    target = tmp_path / "sub" / "deck.yaml"
    write_deck(deck, target)
    assert target.read_bytes() == DECK.read_bytes()
    assert [p.name for p in target.parent.iterdir()] == ["deck.yaml"]  # no temp file left
