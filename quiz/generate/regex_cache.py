"""Compiled regular expressions kept from one `quiz generate` run to the next.

Python compiles every pattern anew in each process, and a character class over the CJK
blocks (`[㐀-䶿一-鿿豈-﫿]`) costs about a millisecond: re's compiler walks its 28,000 code
points one by one to build the class's bitmap. The text and generate modules hold some
two hundred such patterns, a tenth of a second of every run, more than the rest of a
small run's work beyond jieba. Within `kept()`, what re's compiler hands to
`_sre.compile` (the pattern's final flags, its code and its groups) is kept in a cache
file next to jieba's once two runs have compiled the pattern, and later runs build the
same pattern object from it at once (a pattern of one document alone is not kept).

A kept pattern is the very object re would compile (same pattern, flags, code and
groups; tests/generate/test_regex_cache.py compares them), so nothing the patterns match
changes. The file is keyed by the Python build and the compiler's own source files, read
only when this user wrote it (as quiz's other caches), and any fault in it only costs
the time of compiling afresh.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import tempfile
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from quiz.generate.keyword_table import read_own_file

try:
    import _sre
    from re import _compiler as _re_compiler  # type: ignore[attr-defined]
    from re import _parser as _re_parser  # type: ignore[attr-defined]

    _ORIGINAL = _re_compiler.compile
    _WORD = next(kind for kind in "IL" if array(kind).itemsize == _sre.CODESIZE)
except (ImportError, AttributeError):  # a Python whose re is laid out otherwise
    _re_compiler = None

MAX_KEPT_BYTES = 400_000
"""Compiled code in the file at most; past it, only the patterns of the last run stay."""
MAX_SEEN = 1024
"""Patterns compiled once and not kept (yet), remembered by digest."""

_Key = tuple[str, int]
# the final flags, the code (as CODESIZE-byte words: a list of ints would take ten
# times the memory), the number of groups less one, and the group names both ways
_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]


class _Kept:
    """The patterns of earlier runs (`known`) and those this run compiled.

    A pattern is kept from the second run that compiles it on: the modules' patterns
    recur, while a document's own (its phrases as one alternation) mostly do not, and
    keeping those would only grow the file. The first time, only its digest is noted
    (`seen`)."""

    def __init__(self, path: Path):
        self.path = path
        # let go of as each is built (the file is read again to save): the run's peak
        # memory comes later, with jieba's dictionary
        self.known, self.seen = _load(path)
        self.oversize = sum(len(entry[1]) for entry in self.known.values()) > MAX_KEPT_BYTES
        self.built: dict[_Key, Any] = {}
        self.bad: set[_Key] = set()
        self.new: dict[_Key, _Entry] = {}  # compiled again this run: to be kept
        self.first: set[bytes] = set()  # compiled for the first time this run

    def compile(self, pattern: Any, flags: int = 0) -> Any:
        """re's `_compiler.compile`, with the compiler's output kept by pattern and flags."""
        if not isinstance(pattern, str) or flags & re.DEBUG:
            return _ORIGINAL(pattern, flags)
        flags = int(flags)  # re passes a plain int; marshal writes no int subclass
        key = (pattern, flags)
        compiled = self.built.get(key)
        if compiled is not None:
            return compiled
        entry = self.known.pop(key, None) or self.new.get(key)
        if entry is not None:
            try:
                compiled = _build(pattern, entry)
            except Exception:  # noqa: BLE001 - a bad entry: compile afresh below
                self.bad.add(key)
            else:
                self.built[key] = compiled
                return compiled
        # what re._compiler.compile does, keeping the arguments of _sre.compile
        parsed = _re_parser.parse(pattern, flags)
        code = array(_WORD, _re_compiler._code(parsed, flags)).tobytes()
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry = (
            flags | parsed.state.flags,
            code,
            parsed.state.groups - 1,
            groupindex,
            tuple(indexgroup),
        )
        digest = _digest(key)
        if digest in self.seen:
            self.new[key] = entry
        else:
            self.first.add(digest)
        return _build(pattern, entry)

    def save(self) -> None:
        """Write the file when this run compiled a pattern it did not hold, or to trim it."""
        if not self.new and not self.first and not self.oversize:
            return
        known, seen = _load(self.path)
        kept = {key: entry for key, entry in known.items() if key not in self.bad}
        kept.update(self.new)
        if sum(len(entry[1]) for entry in kept.values()) > MAX_KEPT_BYTES:
            kept = {key: kept[key] for key in self.built.keys() | self.new.keys() if key in kept}
        seen = (seen - {_digest(key) for key in self.new}) | self.first
        if len(seen) > MAX_SEEN:
            seen = set(self.first)
        try:
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".quiz-regex.")
            with os.fdopen(fd, "wb") as handle:
                marshal.dump((kept, seen), handle)
            os.replace(tmp, self.path)
        except (OSError, ValueError):
            pass  # a cache that cannot be written only costs time


def _load(path: Path) -> tuple[dict[_Key, _Entry], set[bytes]]:
    try:
        loaded = marshal.loads(read_own_file(path))
    except (OSError, EOFError, ValueError, TypeError):
        loaded = None
    if isinstance(loaded, tuple) and len(loaded) == 2:
        known, seen = loaded
        if isinstance(known, dict) and isinstance(seen, set):
            return known, seen
    return {}, set()


def _digest(key: _Key) -> bytes:
    return hashlib.blake2b(
        f"{key[1]}:{key[0]}".encode("utf-8", "surrogatepass"), digest_size=16
    ).digest()


def _build(pattern: str, entry: _Entry) -> Any:
    flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, flags, array(_WORD, code).tolist(), groups, groupindex, indexgroup)


@contextmanager
def kept(path: Path | None = None) -> Iterator[None]:
    """Within the block, patterns compiled by an earlier run come from the cache file;
    at its end, the patterns compiled anew are noted in the file (see `_Kept`)."""
    if _re_compiler is None:
        yield
        return
    cache = _Kept(path or default_path())
    _re_compiler.compile = cache.compile
    try:
        yield
    finally:
        _re_compiler.compile = _ORIGINAL
        cache.save()


def default_path() -> Path:
    """Keyed by the Python build and the files of its regular-expression compiler."""
    stamp = [sys.version, str(_sre.MAGIC), str(_sre.CODESIZE)]
    for module in ("_compiler", "_parser", "_constants"):
        origin = getattr(sys.modules.get(f"re.{module}"), "__file__", None)
        try:
            stamp.append(f"{origin}:{Path(origin).stat().st_mtime_ns}" if origin else "none")
        except OSError:
            stamp.append(str(origin))
    digest = hashlib.blake2b("|".join(stamp).encode("utf-8"), digest_size=6).hexdigest()
    return Path(tempfile.gettempdir()) / f"quiz-regex.{digest}.cache"
