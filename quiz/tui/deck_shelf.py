"""The decks of a collection by name: those read from their files this run, and the others
rebuilt from the store's copy of their cards on first use.

Parsing a large YAML deck costs far more than drawing a card (10,000 cards take ~0.7 s),
so a deck file that has not changed since its last sync is not read at start-up; the
store already holds every card of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.deck import Deck
from quiz.text.escapes import printable

if TYPE_CHECKING:
    from quiz.store import Store


class DeckShelf(Mapping[str, Deck]):
    """name -> Deck, in the order given; decks not loaded from files come from `store`."""

    def __init__(
        self,
        store: Store,
        loaded: Iterable[Deck],
        names: Iterable[str] = (),
        paths: Mapping[str, Path] | None = None,
    ) -> None:
        self.store = store
        self._decks: dict[str, Deck] = {deck.name: deck for deck in loaded}
        self._paths: dict[str, Path] = dict(paths or {})
        self._names = list(dict.fromkeys([*self._decks, *names]))
        self._titles: dict[str, str] | None = None

    def __getitem__(self, name: str) -> Deck:
        if name not in self._names:
            raise KeyError(name)
        deck = self._decks.get(name)
        if deck is None:
            deck = self._rebuild(name)
            self._decks[name] = deck
        return deck

    def __contains__(self, name: object) -> bool:
        return name in self._names  # (Mapping's own would rebuild the deck to find out)

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def loaded(self, name: str) -> Deck | None:
        """The deck if it is in memory already (read from its file or rebuilt), else None."""
        return self._decks.get(name)

    def section(self, name: str, section: str | None) -> Deck | None:
        """The deck as far as one section goes: the whole deck when it is in memory, else
        only that section's cards from the store (what a context hint needs, in deck
        order, without rebuilding a large deck)."""
        if name not in self._names:
            return None
        deck = self._decks.get(name)
        if deck is not None:
            return deck
        cards = tuple(row.to_card() for row in self.store.section_cards(name, section))
        return Deck(name=name, title=self.title(name), cards=cards)

    def path(self, name: str) -> Path | None:
        """The deck's file (where an edit in the app is written), if known."""
        deck = self._decks.get(name)
        if deck is not None and deck.path is not None:
            return deck.path
        return self._paths.get(name)

    def title(self, name: str) -> str:
        """The deck's title without loading its cards."""
        if name in self._decks:
            return printable(self._decks[name].title)
        if self._titles is None:
            self._titles = {row.name: row.title for row in self.store.decks()}
        return printable(self._titles.get(name, name))

    def replace(self, decks: Iterable[Deck]) -> None:
        """Put freshly loaded decks on the shelf (after a regenerate)."""
        for deck in decks:
            self._decks[deck.name] = deck
            if deck.name not in self._names:
                self._names.append(deck.name)
        self._titles = None

    def _rebuild(self, name: str) -> Deck:
        row = next((r for r in self.store.decks() if r.name == name), None)
        cards = tuple(card.to_card() for card in self.store.cards([name]))
        return Deck(
            name=name,
            title=row.title if row else name,
            cards=cards,
            source=row.source if row else None,
        )
