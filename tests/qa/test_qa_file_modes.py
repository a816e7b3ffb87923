"""Files quiz writes (decks, Anki packages) get the permissions a plain write would give,
and a file written over keeps its own: a deck must stay readable by other tools and users."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.deck import load_deck, write_text_atomic
from quiz.export.anki import write_apkg

DECK = """title: 抓基層打基礎
cards:
- id: a1
  type: cloze
  text: 嚴密的組織體系，是馬克思主義{{c1::政黨}}的優勢所在。
- id: a2
  type: cloze
  text: 严密的组织体系，是马克思主义{{c1::政党}}的优势所在。
"""


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("umask_022")
def test_a_new_deck_file_is_readable_by_others(tmp_path: Path) -> None:
    target = tmp_path / "decks" / "d.yaml"
    write_text_atomic(target, DECK)
    assert mode(target) == 0o644
    assert load_deck(target).title == "抓基層打基礎"


@pytest.mark.usefixtures("umask_022")
def test_a_rewritten_deck_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "d.yaml"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_text_atomic(target, DECK)
    assert mode(target) == 0o640
    assert target.read_text(encoding="utf-8") == DECK
    assert [p.name for p in tmp_path.iterdir()] == ["d.yaml"]  # no temporary file left


def test_the_umask_is_honoured(tmp_path: Path) -> None:
    old = os.umask(0o077)
    try:
        write_text_atomic(tmp_path / "private.yaml", DECK)
    finally:
        os.umask(old)
    assert mode(tmp_path / "private.yaml") == 0o600


@pytest.mark.usefixtures("umask_022")
def test_an_anki_package_gets_the_usual_permissions(tmp_path: Path) -> None:
    source = tmp_path / "d.yaml"
    source.write_text(DECK, encoding="utf-8")
    package = tmp_path / "d.apkg"
    assert write_apkg(load_deck(source), package, timestamp=0.0) == 2
    assert mode(package) == 0o644
    package.chmod(0o600)
    write_apkg(load_deck(source), package, timestamp=0.0)
    assert mode(package) == 0o600
