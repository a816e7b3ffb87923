"""normalise (card ids rest on it): its C translation drops exactly the characters whose
Unicode category is punctuation, symbol, separator or other."""

from __future__ import annotations

import unicodedata

from quiz.generate.ids import cloze_id, normalise
from quiz.text.script import to_simplified


def _by_category(text: str) -> str:
    folded = unicodedata.normalize("NFKC", to_simplified(text)).casefold()
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] not in "PSZC")


def test_every_code_point_is_kept_or_dropped_by_its_category() -> None:
    # the whole BMP, and every 97th code point beyond it (the table keeps what it meets)
    points = [*range(0x10000), *range(0x10000, 0x110000, 97)]
    every = "".join(chr(point) for point in points if not 0xD800 <= point < 0xE000)
    for start in range(0, len(every), 4096):
        chunk = every[start : start + 4096]
        assert normalise.__wrapped__(chunk) == _by_category(chunk)


def test_normalise_folds_script_width_case_and_punctuation() -> None:
    assert normalise("發展，ＡＢＣ　“三會一課”！") == "发展abc三会一课"
    assert cloze_id("三會一課", "落實“三會一課”制度。") == cloze_id("三会一课", "落实三会一课制度")
