"""What the generator tests share: both scripts, a text's cloze cards, and their answers
(in Simplified, so one expectation serves a text and its Traditional conversion)."""

from __future__ import annotations

from quiz.deck import ClozeCard
from quiz.generate.pipeline import build_deck
from quiz.text.script import to_simplified, to_traditional

SCRIPTS = [str, to_traditional]


def clozes(text: str, **options: object) -> list[ClozeCard]:
    """The cloze cards `build_deck` makes of `text` (options as it takes them)."""
    deck, _report = build_deck(text, name="t", **options)  # type: ignore[arg-type]
    return [card for card in deck if isinstance(card, ClozeCard)]


def answers(cards: list[ClozeCard], tag: str | None = None) -> set[str]:
    """The cards' answers in Simplified, of the cards tagged `tag` if given."""
    return {to_simplified(c.answer) for c in cards if tag is None or tag in c.tags}


def tagged(cards: list[ClozeCard], tag: str) -> set[str]:
    """The answers of the cards tagged `tag`, in Simplified."""
    return answers(cards, tag)
