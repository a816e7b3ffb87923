"""Every screen pictured at 60x20 and 160x50 (issue 11, item 6), besides the 80x24 set in
test_tui_snapshots.py. Update after an intended change with `--snapshot-update` and look
at the pictures before committing them."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_support import build_app

SIZES = [pytest.param((60, 20), id="60x20"), pytest.param((160, 50), id="160x50")]


async def _settled(pilot) -> None:  # type: ignore[no-untyped-def]
    """Screens read the store in workers: picture them once those are done."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _open(pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    await _settled(pilot)
    for key in keys:
        await pilot.press(key)
        await _settled(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_home(tmp_path: Path, snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(build_app(tmp_path), terminal_size=size, run_before=_settled)


@pytest.mark.parametrize("size", SIZES)
def test_help(tmp_path: Path, snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    app = build_app(tmp_path)
    assert snap_compare(app, terminal_size=size, run_before=lambda p: _open(p, "question_mark"))


@pytest.mark.parametrize("size", SIZES)
def test_cloze_question_with_hints(tmp_path: Path, snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    app = build_app(tmp_path, study=["jianti"])
    assert snap_compare(app, press=["tab", "tab", "tab"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_cloze_answer(tmp_path: Path, snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    app = build_app(tmp_path, study=["jianti"])
    assert snap_compare(app, press=[*"三会二课", "enter"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_anki_shapes(tmp_path: Path, snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    app = build_app(tmp_path, which=("shapes",), study=["shapes"])
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_matching(tmp_path: Path, snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    app = build_app(tmp_path, study=["jianti"])
    assert snap_compare(app, press=["minus", "minus", "2"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_summary(tmp_path: Path, snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    app = build_app(tmp_path, study=["jianti"])
    keys = [*"三会一课", "enter", "enter", "space", "1", "escape"]
    assert snap_compare(app, press=keys, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_browser(tmp_path: Path, snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    app = build_app(tmp_path)
    assert snap_compare(app, terminal_size=size, run_before=lambda p: _open(p, "b"))


@pytest.mark.parametrize("size", SIZES)
def test_stats(tmp_path: Path, snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    app = build_app(tmp_path)
    assert snap_compare(app, terminal_size=size, run_before=lambda p: _open(p, "s"))
