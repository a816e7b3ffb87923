"""Hints for cloze answers: the pinyin, with tone marks, of the Simplified answer.

pypinyin needs its phrase table to read polyphones right (三重一大 is sān chóng yī dà),
and importing that table costs more than the rest of a small run, so `PinyinHints` keeps
the hints it has made in a small cache file next to jieba's and only loads pypinyin for
answers it has not seen.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import tempfile
from importlib.util import find_spec
from pathlib import Path

from quiz.generate.keyword_table import read_own_file

MAX_CACHED = 200_000
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


class PinyinHints:
    """`pinyin_hint` with a persistent cache; call `save()` when done."""

    def __init__(self, cache: Path | None = None):
        self.cache = cache or _default_cache()
        self.known: dict[str, str | None] = {}
        self.added = False
        try:
            loaded = marshal.loads(read_own_file(self.cache))
        except (OSError, EOFError, ValueError, TypeError):
            loaded = None
        if isinstance(loaded, dict):
            self.known = loaded

    def __call__(self, simplified: str) -> str | None:
        if simplified not in self.known:
            self.known[simplified] = pinyin_hint(simplified)
            self.added = True
        return self.known[simplified]

    def save(self) -> None:
        if not self.added:
            return
        if len(self.known) > MAX_CACHED:
            self.known = {}
        try:
            fd, tmp = tempfile.mkstemp(dir=self.cache.parent, prefix=".quiz-pinyin.")
            with os.fdopen(fd, "wb") as handle:
                marshal.dump(self.known, handle)
            os.replace(tmp, self.cache)
            self.added = False
        except OSError:
            pass  # a cache that cannot be written only costs time


def _default_cache() -> Path:
    """Keyed by the installed pypinyin (its location and time), found without importing it."""
    spec = find_spec("pypinyin")
    origin = Path(spec.origin) if spec is not None and spec.origin else None
    try:
        stamp = f"{origin}:{origin.stat().st_mtime_ns}" if origin else "none"
    except OSError:
        stamp = str(origin)
    digest = hashlib.blake2b(stamp.encode("utf-8"), digest_size=6).hexdigest()
    return Path(tempfile.gettempdir()) / f"quiz-pinyin.{digest}.cache"
