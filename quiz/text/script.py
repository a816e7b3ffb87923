"""Traditional/Simplified conversion with OpenCC.

OpenCC's character-level tables map every character to one character, so a converted
string has the same length as its source and offsets carry over 1:1.
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Convert Traditional characters to Simplified (OpenCC t2s)."""
    return str(_converter("t2s").convert(text)) if text else text


def to_traditional(text: str) -> str:
    """Convert Simplified characters to Traditional (OpenCC s2t)."""
    return str(_converter("s2t").convert(text)) if text else text
