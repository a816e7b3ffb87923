"""Pictures of the app at 80x24 with a fixed clock and small decks in both scripts.

Update after an intended change with `pytest tests/tui --snapshot-update`, and look at
the pictures (the report pytest-textual-snapshot writes) before committing them.
"""

from __future__ import annotations

from pathlib import Path

from tui_support import build_app

SIZE = (80, 24)


async def _history_read(pilot) -> None:  # type: ignore[no-untyped-def]
    """The home screen reads the review log in a worker; picture it once that is done."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_home(tmp_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(build_app(tmp_path), terminal_size=SIZE, run_before=_history_read)


def test_help(tmp_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(build_app(tmp_path), press=["question_mark"], terminal_size=SIZE)


def test_cloze_question(tmp_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = build_app(tmp_path, study=["jianti"])
    assert snap_compare(app, press=["tab"], terminal_size=SIZE)


def test_cloze_answer(tmp_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = build_app(tmp_path, study=["jianti"])
    assert snap_compare(app, press=[*"三会二课", "enter"], terminal_size=SIZE)


def test_cloze_traditional_wide(tmp_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    """Traditional text and markup-looking card text, wider terminal, after a reveal."""
    app = build_app(tmp_path, study=["fanti"])
    assert snap_compare(app, press=["minus", "space"], terminal_size=(120, 30))


def test_edit_form(tmp_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    """`e` after the answer: the card's form, with a refused edit's reason (two blanks)."""
    app = build_app(tmp_path, study=["jianti"])

    async def two_blanks(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("space", "e")
        await pilot.pause()
        pilot.app.screen.query_one("#edit-text").text = "认真落实“___”、___等制度。"
        await pilot.press("ctrl+s")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=two_blanks)


def test_matching(tmp_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = build_app(tmp_path, study=["jianti"])
    assert snap_compare(app, press=["minus", "minus", "2"], terminal_size=SIZE)


def test_summary(tmp_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = build_app(tmp_path, study=["jianti"])
    keys = [*"三会一课", "enter", "enter", "space", "1", "escape"]
    assert snap_compare(app, press=keys, terminal_size=SIZE)


def test_browser(tmp_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    """The card list with each card's importance (— for none) and the first card's detail."""
    assert snap_compare(build_app(tmp_path), terminal_size=SIZE, run_before=_browse)


async def _read(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _browse(pilot) -> None:  # type: ignore[no-untyped-def]
    """Open the browser and wait for its cards: the snapshot is taken after `run_before`,
    and the browser reads its cards in a worker (a busy machine may not have drawn them
    by the time a `press` returns)."""
    await _read(pilot)
    await pilot.press("b")
    await _read(pilot)


def test_choice_card(tmp_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    """A new card asked as a choice of four same-shape options, keys in the guide."""
    app = build_app(tmp_path, which=["xuanze"], study=["xuanze"])
    assert snap_compare(app, terminal_size=SIZE)


def test_choice_card_after_a_wrong_pick(tmp_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    """The pick marked ✗, the right option ✓, Again suggested."""
    app = build_app(tmp_path, which=["xuanze"], study=["xuanze"])
    assert snap_compare(app, press=["b"], terminal_size=SIZE)


def test_custom_study_dialog(tmp_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    """`f` on the deck list: the search box with its count, the presets under it."""

    async def opened(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("f")
        await _read(pilot)
        await pilot.press("slash", *"is:new")
        await pilot.pause(0.3)  # the count follows the typing after a moment

    assert snap_compare(build_app(tmp_path), terminal_size=SIZE, run_before=opened)
