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
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] not in "PSZC")


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
