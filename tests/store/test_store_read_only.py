"""A database in a read-only place is refused with one line that says so (WAL needs the
-wal and -shm files beside it), for an existing file and a new one, and nothing is written."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.store import Store

QUIZ = [sys.executable, "-m", "quiz"]


def _run_read_only(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run quiz with `folder` read-only: by its mode for a normal user; for root (who
    writes anyway) through a read-only bind mount in a private mount namespace."""
    env = {**os.environ, "QUIZ_CONFIG": str(folder.parent / "none.toml")}
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            return subprocess.run([*QUIZ, *args], capture_output=True, text=True, env=env)
        finally:
            folder.chmod(0o755)
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("running as root without unshare: cannot make a folder read-only")
    script = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" || exit 99; shift; exec "$@"'
    result = subprocess.run(
        [unshare, "-m", "sh", "-c", script, "sh", str(folder), *QUIZ, *args],
        capture_output=True,
        text=True,
        env=env,
    )
    if result.returncode == 99 or "unshare failed" in result.stderr:
        pytest.skip(f"cannot mount read-only here: {result.stderr.strip()}")
    return result


@pytest.mark.parametrize("existing", [True, False], ids=["existing", "new"])
def test_read_only_folder_is_named(tmp_path: Path, existing: bool) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "quiz.db"
    if existing:
        Store.open(db).close()
        for extra in folder.glob("quiz.db-*"):
            extra.unlink()
    before = sorted(p.name for p in folder.iterdir())
    deck = tmp_path / "d.yaml"
    deck.write_text("title: 組織\ncards:\n- id: a\n  type: cloze\n  text: 嚴密的{{c1::組織}}\n")
    result = _run_read_only(folder, "--db", str(db), "sync", str(deck))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"quiz: {db}: the database or its folder is read-only; quiz needs to write it and "
        "its quiz.db-wal and quiz.db-shm files beside it"
    ]
    assert sorted(p.name for p in folder.iterdir()) == before


def test_stats_reads_a_database_in_a_read_only_place(tmp_path: Path) -> None:
    """`quiz stats` only reads: in a read-only place it opens the database read-only
    (immutable, as no -shm can be made there) and shows the same figures as elsewhere."""
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "quiz.db"
    deck = tmp_path / "d.yaml"
    deck.write_text("title: 組織\ncards:\n- id: a\n  type: cloze\n  text: 嚴密的{{c1::組織}}\n")
    env = {**os.environ, "QUIZ_CONFIG": str(tmp_path / "none.toml")}
    synced = subprocess.run(
        [*QUIZ, "--db", str(db), "sync", str(deck)], capture_output=True, text=True, env=env
    )
    assert synced.returncode == 0, synced.stderr
    writable = subprocess.run(
        [*QUIZ, "--db", str(db), "stats", "--json"], capture_output=True, text=True, env=env
    )
    assert writable.returncode == 0, writable.stderr
    before = sorted(p.name for p in folder.iterdir())
    result = _run_read_only(folder, "--db", str(db), "stats", "--json")
    assert result.returncode == 0, result.stderr
    assert (result.stdout, result.stderr) == (writable.stdout, writable.stderr)
    assert sorted(p.name for p in folder.iterdir()) == before
