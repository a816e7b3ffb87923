"""`text.count(part)` for the many answers of one long text, without a scan of it each.

A deck asks how often the text says each answer (ChineseCards.repeats): one `str.count`
per answer reads the whole text each time, and a long text has more answers too (some
5,600 on 220,000 characters took 1 s). `Occurrences` counts the first DIRECT answers so;
from then on it keeps where each character stands in the text, and counts an answer from
the places of its rarest character: only there can it start, at that character's offset
in it. The count is str.count's (occurrences that do not overlap, taken from the left).

>>> always = {"direct": 0, "long_text": 0, "scan_share": 0}  # the places, from the first
>>> said = Occurrences("推進高質量發展，高質量發展是首要任務。", **always)
>>> said.count("高質量發展"), said.count("發展是"), said.count("質量"), said.count("改革")
(2, 1, 2, 0)
>>> Occurrences("啊啊啊啊啊", **always).count("啊啊")  # as str.count: no overlaps
2
"""

from __future__ import annotations

from array import array

DIRECT = 512
"""Answers counted with str.count before the places are kept: keeping them costs about
as much as 500 counts (a loop over the text in Python against one in C)."""
SCAN_SHARE = 128
"""An answer whose rarest character stands at more than one place in SCAN_SHARE of the
text is counted with str.count (a check per place costs about that many characters'
scan)."""
LONG_TEXT = 20_000
"""A text shorter than this is always counted with str.count."""


class Occurrences:
    def __init__(
        self,
        text: str,
        *,
        direct: int = DIRECT,
        long_text: int = LONG_TEXT,
        scan_share: int = SCAN_SHARE,
    ):
        self.text = text
        self._scan_share = scan_share
        # answers still to count with str.count (None: all of them, the text is short)
        self._direct: int | None = direct if len(text) >= long_text else None
        self._places: dict[str, array[int]] | None = None

    def count(self, part: str) -> int:
        """`self.text.count(part)`."""
        if not part:
            return self.text.count(part)
        if self._places is None:
            if self._direct is None or self._direct > 0:
                if self._direct is not None:
                    self._direct -= 1
                return self.text.count(part)
            self._places = _places(self.text)
        places = self._places
        empty: array[int] = array("I")
        # the character of `part` the text says least, and where it stands in `part`
        offset, rarest = min(
            enumerate(places.get(char, empty) for char in part), key=lambda item: len(item[1])
        )
        text, size = self.text, len(part)
        if len(rarest) * self._scan_share > len(text):  # 发展: its places are many, scan instead
            return text.count(part)
        found = 0
        free = 0  # where the next occurrence may start (none overlaps the one before)
        for place in rarest:
            start = place - offset
            if start >= free and text.startswith(part, start):
                found += 1
                free = start + size
        return found


def _places(text: str) -> dict[str, array[int]]:
    """Where each character of `text` stands, in order (4 bytes a place)."""
    places: dict[str, array[int]] = {}
    for at, char in enumerate(text):
        found = places.get(char)
        if found is None:
            found = places[char] = array("I")
        found.append(at)
    return places
