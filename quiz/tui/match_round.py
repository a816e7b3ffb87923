"""The state of one matching round: shuffled columns, the current pick, locked pairs, mistakes.

Pure logic without Textual, so it is tested directly; `widgets.matching` draws it. The
shuffle is deterministic for a seed (the card id and its review count), so a round is
reproducible and a review of the same card next time shows a different order.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from enum import Enum
from typing import Literal

Side = Literal["left", "right"]


class PickResult(Enum):
    """What a pick did."""

    SELECTED = "selected"  # the item is now the current pick
    UNSELECTED = "unselected"  # the current pick was picked again and let go
    MATCHED = "matched"  # it completed a right pair, which is now locked
    MISSED = "missed"  # it completed a wrong pair: a mistake
    IGNORED = "ignored"  # the item is already locked, or out of range


@dataclass
class MatchRound:
    """Two shuffled columns built from `pairs`, and the player's progress through them."""

    pairs: tuple[tuple[str, str], ...]
    seed: str
    left: list[int] = field(init=False)  # display row -> pair index
    right: list[int] = field(init=False)
    selected: tuple[Side, int] | None = field(init=False, default=None)
    locked: set[int] = field(init=False, default_factory=set)  # pair indices done
    mistakes: int = field(init=False, default=0)
    last_miss: tuple[int, int] | None = field(init=False, default=None)  # (left row, right row)

    def __post_init__(self) -> None:
        rng = random.Random(self.seed)
        count = len(self.pairs)
        self.left = list(range(count))
        self.right = list(range(count))
        rng.shuffle(self.left)
        rng.shuffle(self.right)
        if count > 1:
            # A row never faces its own partner: reading straight across is no help.
            for row in range(count):
                if self.left[row] == self.right[row]:
                    swap = (row + 1) % count
                    self.right[row], self.right[swap] = self.right[swap], self.right[row]

    @classmethod
    def for_card(cls, card_id: str, reviews: int, pairs: tuple[tuple[str, str], ...]) -> MatchRound:
        """The round for a card at its `reviews`-th review."""
        return cls(pairs=pairs, seed=f"{card_id}:{reviews}")

    def text(self, side: Side, row: int) -> str:
        index = (self.left if side == "left" else self.right)[row]
        return self.pairs[index][0 if side == "left" else 1]

    def is_locked(self, side: Side, row: int) -> bool:
        return (self.left if side == "left" else self.right)[row] in self.locked

    @property
    def size(self) -> int:
        return len(self.pairs)

    @property
    def done(self) -> bool:
        return len(self.locked) == len(self.pairs)

    def pick(self, side: Side, row: int) -> PickResult:
        """Pick the item at `row` of a column; a pick on each side makes a guess."""
        if not 0 <= row < self.size or self.is_locked(side, row):
            return PickResult.IGNORED
        self.last_miss = None
        if self.selected is None or self.selected[0] == side:
            if self.selected == (side, row):
                self.selected = None
                return PickResult.UNSELECTED
            self.selected = (side, row)
            return PickResult.SELECTED
        other_side, other_row = self.selected
        self.selected = None
        left_row, right_row = (other_row, row) if other_side == "left" else (row, other_row)
        if self.left[left_row] == self.right[right_row]:
            self.locked.add(self.left[left_row])
            return PickResult.MATCHED
        self.mistakes += 1
        self.last_miss = (left_row, right_row)
        return PickResult.MISSED
