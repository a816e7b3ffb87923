"""The kept compiled patterns (quiz.generate.regex_cache): the very objects re compiles,
from a cold run and from the file alike; a bad file only costs time."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from quiz.generate import regex_cache

MODULES = [
    "quiz.text.clean",
    "quiz.text.chrome",
    "quiz.text.garble",
    "quiz.text.phrases",
    "quiz.generate.chinese",
    "quiz.generate.figures",
    "quiz.generate.structure",
]


def _module_patterns() -> list[re.Pattern[str]]:
    """The patterns the generator's modules compile at import (CJK classes, named groups,
    flags), as re compiled them."""
    found: dict[tuple[str, int], re.Pattern[str]] = {}
    for name in MODULES:
        for value in vars(importlib.import_module(name)).values():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found[(value.pattern, value.flags)] = value
    return list(found.values())


def _same(kept: re.Pattern[str], fresh: re.Pattern[str]) -> None:
    assert kept == fresh  # re compares pattern, flags and the compiled code
    assert (kept.groups, kept.groupindex, kept.flags) == (
        fresh.groups,
        fresh.groupindex,
        fresh.flags,
    )


def _fresh(pattern: str, flags: int) -> re.Pattern[str]:
    return regex_cache._ORIGINAL(pattern, flags)  # type: ignore[no-any-return]


def test_patterns_from_a_cold_run_and_from_the_file_are_re_s_own(tmp_path: Path) -> None:
    path = tmp_path / "regex.cache"
    patterns = _module_patterns()
    assert len(patterns) > 50
    for _run in range(2):  # kept once a second run compiles them
        cold = regex_cache._Kept(path)
        for pattern in patterns:
            # compiled from the source flags (re adds UNICODE to a str pattern itself)
            flags = pattern.flags & ~re.UNICODE
            _same(cold.compile(pattern.pattern, flags), _fresh(pattern.pattern, flags))
        cold.save()
    warm = regex_cache._Kept(path)
    assert len(warm.known) == len(patterns)
    for pattern in patterns:
        flags = pattern.flags & ~re.UNICODE
        _same(warm.compile(pattern.pattern, flags), _fresh(pattern.pattern, flags))
    assert not warm.new  # every one came from the file


def test_kept_block_serves_re_compile_and_then_leaves_re_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "regex.cache"
    source = "(?P<year>[0-9]{4})年(?P<han>[㐀-䶿一-鿿豈-\ufaff]+)"
    for _run in range(3):
        re.purge()
        with regex_cache.kept(path):
            compiled = re.compile(source, re.MULTILINE)
            assert compiled.match("2035年基本实现").group("han") == "基本实现"
        _same(compiled, _fresh(source, re.MULTILINE))
    assert (source, re.MULTILINE) in regex_cache._Kept(path).known
    from re import _compiler  # type: ignore[attr-defined]

    assert _compiler.compile is regex_cache._ORIGINAL


@pytest.mark.parametrize(
    "content",
    [b"\x00garbage", b"", b"\xe9\x00\x00\x00"],
    ids=["garbage", "empty", "truncated"],
)
def test_a_bad_cache_file_only_costs_a_compile(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "regex.cache"
    path.write_bytes(content)
    kept = regex_cache._Kept(path)
    _same(kept.compile("[一-鿿]{2,}", 0), _fresh("[一-鿿]{2,}", 0))


def test_a_wrong_entry_is_compiled_afresh(tmp_path: Path) -> None:
    path = tmp_path / "regex.cache"
    kept = regex_cache._Kept(path)
    kept.known[("[一-鿿]{2,}", 0)] = (32, b"\xff\xff\x00\x00", 0, {}, (None,))  # no opcode
    _same(kept.compile("[一-鿿]{2,}", 0), _fresh("[一-鿿]{2,}", 0))


def test_a_pattern_of_one_run_alone_is_not_kept(tmp_path: Path) -> None:
    path = tmp_path / "regex.cache"
    first = regex_cache._Kept(path)
    first.compile("甲|乙", 0)  # the modules' pattern, say
    first.compile("三会一课|两学一做", 0)  # one document's phrases
    first.save()
    assert regex_cache._Kept(path).known == {}  # only their digests
    second = regex_cache._Kept(path)
    second.compile("甲|乙", 0)
    second.compile("新质生产力", 0)  # the next document's
    second.save()
    assert set(regex_cache._Kept(path).known) == {("甲|乙", 0)}


def test_the_file_holds_at_most_max_kept_bytes_of_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "regex.cache"
    words = ["甲", "乙", "丙", "丁"]
    for _run in range(2):
        kept = regex_cache._Kept(path)
        for word in words:
            kept.compile(word, 0)
        kept.save()
    assert len(regex_cache._Kept(path).known) == 4
    monkeypatch.setattr(regex_cache, "MAX_KEPT_BYTES", 1)
    for _run in range(2):  # a run that asks two of them and compiles one anew, twice
        kept = regex_cache._Kept(path)
        kept.compile("甲", 0)
        kept.compile("戊", 0)
        kept.save()
    assert set(regex_cache._Kept(path).known) == {("甲", 0), ("戊", 0)}
    only = regex_cache._Kept(path)  # a run that compiles nothing anew trims the file too
    only.compile("甲", 0)
    only.save()
    assert set(regex_cache._Kept(path).known) == {("甲", 0)}
