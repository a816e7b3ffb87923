"""`quiz import` of a .apkg that is no Anki package: a message naming the file and what
is wrong, exit 1, no deck written (Anki's real packages are read in tests/anki)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize(
    ("members", "says"),
    [
        ({"readme.txt": b"hello"}, "a zip without an Anki collection inside"),
        ({"collection.anki2": b"SQLite format 3\x00" + b"\x00" * 90}, "not an Anki collection"),
        ({"collection.anki21b": b"not zstd at all"}, "collection.anki21b is damaged"),
    ],
    ids=["no-collection", "not-sqlite", "bad-zstd"],
)
def test_a_broken_package_is_refused_by_name(
    members: dict[str, bytes], says: str, tmp_path: Path
) -> None:
    package = _zip(tmp_path / "deck.apkg", members)
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "import", str(package)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"quiz: {package}: ") and says in result.stderr
    assert not (tmp_path / "decks").exists()
