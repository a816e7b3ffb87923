"""The regeneration that `quiz generate`, the app's `r` and the first `quiz study` share."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.errors import QuizError
from quiz.generate.collection import (
    regenerate,
    regenerate_one,
    seed_files,
    source_files,
    source_label,
)
from quiz.generate.stamp import HandEditedError

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_e348ded4e9286363.txt"


def test_seed_files_are_the_texts_of_seeds(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("b.txt", "a.md", "c.html", ".hidden.txt", "notes.yaml", "image.png"):
        (seeds / name).write_text("x", encoding="utf-8")
    assert [p.name for p in seed_files(tmp_path)] == ["a.md", "b.txt", "c.html"]
    assert seed_files(tmp_path / "nowhere") == []


def test_source_files_name_what_is_wrong(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(QuizError, match="no .txt, .md or .html files"):
        source_files([str(tmp_path / "empty")], tmp_path)
    with pytest.raises(QuizError, match="no source texts to generate from"):
        source_files([], tmp_path)


def test_source_label_is_relative_inside_the_collection(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    inside = tmp_path / "seeds" / "x.txt"
    assert source_label(inside, tmp_path) == "seeds/x.txt"
    outside = Path("/elsewhere/y.txt")
    assert source_label(outside, tmp_path) == "/elsewhere/y.txt"


def test_regenerate_writes_what_the_cli_writes_and_keeps_hand_edits(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "decks").mkdir()
    seed = tmp_path / "seeds" / SEED.name
    shutil.copy(SEED, seed)
    deck = regenerate_one(seed, tmp_path / "decks")
    written = tmp_path / "decks" / f"{SEED.stem}.yaml"
    committed = ROOT / "decks" / f"{SEED.stem}.yaml"
    assert written.read_bytes() == committed.read_bytes()
    assert deck.cards and all(card.importance is not None for card in deck)
    written.write_text(written.read_text(encoding="utf-8") + "# my note\n", encoding="utf-8")
    with pytest.raises(HandEditedError):
        regenerate(seed, written, root=tmp_path)
    _deck, report = regenerate(seed, written, root=tmp_path, force=True, keep_all=True)
    assert report.found == report.cloze + report.match


def test_importing_the_collection_loads_no_generator() -> None:
    code = (
        "import sys, quiz.generate.collection as c, quiz.tui.screens.regenerate;"
        "print('jieba' in sys.modules, 'quiz.generate.pipeline' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
