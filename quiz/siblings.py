"""Sibling groups: the cards of one sentence or one structure, of any type.

Anki buries a note's other cards for the day once one is answered. Here a card's own key
(`Card.sibling_key`: its sentence, or its blank numbers' shared text, or a set's id) is
the start; a matching set then joins every cloze card whose sentence holds both halves of
one of its pairs (the set was cut from that sentence, so the cloze gives the pair away and
the pair gives the cloze away). Groups are closed under that relation, and each group's
key is the smallest of its members' own keys, so the key is deterministic and a card
alone keeps its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from quiz.deck import Card, ClozeCard, MatchCard
from quiz.generate.ids import normalise


def sibling_keys(cards: Iterable[Card]) -> dict[str, str]:
    """card id -> sibling key for the cards of one deck (see the module docstring)."""
    cards = list(cards)
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        root = key
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(key, key) != root:  # path compression
            parent[key], key = root, parent[key]
        return root

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            low, high = sorted((ra, rb))
            parent[high] = low

    sentences: dict[str | None, list[tuple[str, str]]] = {}
    for card in cards:
        if isinstance(card, ClozeCard):
            sentences.setdefault(card.section, []).append(
                (card.sibling_key, normalise(card.sentence))
            )
    every = [entry for entries in sentences.values() for entry in entries]
    for card in cards:
        if not isinstance(card, MatchCard):
            continue
        halves = [(normalise(a), normalise(b)) for a, b in card.pairs]
        halves = [(a, b) for a, b in halves if a and b]
        # A set with a section was cut from that section; one without (headings) may
        # span the whole text.
        candidates = sentences.get(card.section, []) if card.section is not None else every
        for key, sentence in candidates:
            if any(a in sentence and b in sentence for a, b in halves):
                union(card.sibling_key, key)
    return {card.id: find(card.sibling_key) for card in cards}
