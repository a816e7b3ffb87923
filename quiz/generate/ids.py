"""Stable, content-derived card ids.

An id is a short hash of the normalised answer and sentence, so a card keeps its id when
the rest of the text changes, in either script, and whatever its punctuation or spacing.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from quiz.text.script import to_simplified

ID_LENGTH = 12


@lru_cache(maxsize=16384)
def normalise(text: str) -> str:
    """Simplified, case-folded, full-width folded, without punctuation, symbols or spaces.

    Remembered: a sentence is normalised for each of its cards and for the duplicate check."""
    folded = unicodedata.normalize("NFKC", to_simplified(text)).casefold()
    return folded.translate(_DROPPED)


class _Dropped(dict[int, int | None]):
    """str.translate's table of the characters normalise drops (punctuation, symbols,
    separators, controls: None) and keeps (themselves), filled in as characters are met:
    the translation runs in C, each character's category is looked up once."""

    def __missing__(self, point: int) -> int | None:
        kept = None if unicodedata.category(chr(point))[0] in "PSZC" else point
        self[point] = kept
        return kept


_DROPPED = _Dropped()


def _digest(*parts: str) -> str:
    joined = "\x1f".join(parts).encode("utf-8")
    return hashlib.blake2b(joined, digest_size=16).hexdigest()[:ID_LENGTH]


def cloze_id(answer: str, sentence: str) -> str:
    """The id of a cloze card blanking `answer` in `sentence` (the sentence with the answer)."""
    return _digest("cloze", normalise(answer), normalise(sentence))


def match_id(pairs: Iterable[tuple[str, str]]) -> str:
    """The id of a matching set: its pairs, order-independent."""
    keys = sorted(normalise(left) + "\x1e" + normalise(right) for left, right in pairs)
    return _digest("match", *keys)


def sentence_key(sentence: str) -> str:
    """Cards sharing this key come from one sentence (siblings, buried together)."""
    return _digest("sentence", normalise(sentence))
