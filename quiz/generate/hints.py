"""Hints for cloze answers: the pinyin, with tone marks, of the Simplified answer."""

from __future__ import annotations

import re

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def pinyin_hint(simplified: str) -> str | None:
    """`三会一课` -> `sān huì yī kè`; None when the answer has no Chinese character.

    Characters without a reading (Latin letters, `+`, digits, punctuation) are kept as they
    are, with no space around punctuation: `双向进入、交叉任职` -> `shuāng xiàng jìn rù、jiāo …`.
    """
    if not _HAN.search(simplified):
        return None
    from pypinyin import Style, lazy_pinyin

    hint = ""
    for part in lazy_pinyin(simplified, style=Style.TONE, errors="default"):
        part = part.strip()
        if not part:
            continue
        if part.isalnum() and hint and hint[-1].isalnum():
            hint += " "
        hint += part
    return hint or None
