"""`quiz` and `quiz study`: the collection is synced before the app opens, unchanged deck
files are not read again, broken ones are reported and left out, a missing decks/ is
generated from seeds/, and the whole command runs to the first card."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from tui_support import START, FixedClock, write_decks

from quiz.commands.app import NoDecksError, ensure_decks, open_collection
from quiz.store import Store


def _set_mtime(path: Path, when: float) -> None:
    os.utime(path, (when, when))


def test_unchanged_decks_are_not_read_again_and_broken_ones_are_reported(tmp_path: Path) -> None:
    clock = FixedClock()
    write_decks(tmp_path)
    with Store.open(tmp_path / "quiz.db") as store:
        shelf, study, problems = open_collection(tmp_path, store, None, clock())
        assert list(shelf) == ["fanti", "jianti"] and study is None and not problems
        assert shelf.title("jianti") == "抓基层打基础"
        # Written before the last sync: not parsed, even though it is now broken.
        broken = tmp_path / "decks" / "fanti.yaml"
        broken.write_text("title: x\ncards:\n  - type: cloze\n    text: no blank here\n", "utf-8")
        _set_mtime(broken, (START.timestamp() - 3600))
        shelf, _study, problems = open_collection(tmp_path, store, None, clock())
        assert not problems
        assert [c.id for c in shelf["fanti"].cards] == ["t-zongxiang", "t-markup"]  # from the store
        # Edited after the sync: read, found broken, reported and left out.
        _set_mtime(broken, START.timestamp() + 3600)
        shelf, _study, problems = open_collection(tmp_path, store, None, clock())
        assert list(shelf) == ["jianti"]
        assert problems and problems[0].startswith(f"{broken}:4:")


def test_study_names_and_files(tmp_path: Path) -> None:
    clock = FixedClock()
    write_decks(tmp_path)
    with Store.open(tmp_path / "quiz.db") as store:
        _shelf, study, _ = open_collection(tmp_path, store, ["jianti"], clock())
        assert study == ["jianti"]
        _shelf, study, _ = open_collection(tmp_path, store, [], clock())
        assert study == []  # every deck
        with pytest.raises(NoDecksError, match="nope: no deck of that name in .*decks"):
            open_collection(tmp_path, store, ["nope"], clock())


def test_no_decks_and_no_seeds_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NoDecksError, match="no decks here, and no texts in"):
        ensure_decks(tmp_path)


@pytest.mark.slow
def test_missing_decks_are_generated_from_seeds(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "notes.txt").write_text(
        "一、完善组织之“形”，推动基层组织由“建起来”变“强起来”\n"
        "认真落实“三会一课”、主题党日等制度，严格党的组织生活。\n"
        "引导党员牢固树立“四个意识”，坚定“四个自信”，做到“两个维护”。\n",
        encoding="utf-8",
    )
    paths = ensure_decks(tmp_path)
    assert paths == [tmp_path / "decks" / "notes.yaml"]
    assert "{{c1::" in paths[0].read_text("utf-8")


@pytest.mark.slow
def test_quiz_study_runs_to_the_first_card_and_records_a_session(tmp_path: Path) -> None:
    write_decks(tmp_path)
    env = dict(
        os.environ,
        QUIZ_DB=str(tmp_path / "quiz.db"),
        QUIZ_CONFIG=str(tmp_path / "none.toml"),
        QUIZ_BENCH_EXIT_ON_FIRST_CARD="1",
    )
    done = subprocess.run(
        [sys.executable, "-m", "quiz", "study", "jianti"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    with Store.open(tmp_path / "quiz.db") as store:
        assert [row.name for row in store.decks()] == ["fanti", "jianti"]
        sessions = store.sessions()
        assert len(sessions) == 1 and sessions[0].decks == ("jianti",)


@pytest.mark.slow
async def test_regenerate_runs_the_generator_in_a_worker_and_reports_the_sync(
    tmp_path: Path,
) -> None:
    from tui_support import build_app

    from quiz.tui.screens.home import HomeScreen

    app = build_app(tmp_path)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "notes.txt").write_text(
        "认真落实“三会一课”、主题党日等制度，严格党的组织生活。\n"
        "引导党员牢固树立“四个意识”，坚定“四个自信”，做到“两个维护”。\n",
        encoding="utf-8",
    )
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("r")
        await app.workers.wait_for_complete()
        for _ in range(50):
            await pilot.pause()
            if isinstance(app.screen, HomeScreen) and app._notifications:
                break
        messages = " ".join(str(n.message) for n in app._notifications)
        assert "decks/notes.yaml:" in messages and "added" in messages
        assert "notes" in app.deck_names
        assert (tmp_path / "decks" / "notes.yaml").is_file()
        assert app.store.cards(["notes"])


@pytest.mark.slow
async def test_regenerate_keeps_a_deck_edited_by_hand(tmp_path: Path) -> None:
    from tui_support import build_app

    from quiz.tui.screens.home import HomeScreen

    app = build_app(tmp_path)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "notes.txt").write_text(
        "引导党员牢固树立“四个意识”，坚定“四个自信”，做到“两个维护”。\n", encoding="utf-8"
    )
    deck_file = tmp_path / "decks" / "notes.yaml"
    deck_file.write_text(
        "title: 手写\ncards:\n  - type: cloze\n    text: 坚定“{{c1::四个自信}}”\n",
        encoding="utf-8",
    )
    before = deck_file.read_bytes()
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("r")
        await app.workers.wait_for_complete()
        for _ in range(50):
            await pilot.pause()
            if isinstance(app.screen, HomeScreen) and app._notifications:
                break
        messages = " ".join(str(n.message) for n in app._notifications)
        assert "notes.yaml" in messages and "kept as it is" in messages
    assert deck_file.read_bytes() == before


@pytest.mark.slow
def test_a_study_session_never_imports_jieba(tmp_path: Path) -> None:
    script = f"""
import asyncio, sys
sys.path.insert(0, {str(Path(__file__).parent)!r})
from pathlib import Path
from tui_support import build_app

async def main():
    app = build_app(Path({str(tmp_path)!r}), study=["jianti"])
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("tab", "tab", "tab", "tab", *"三会一课", "enter", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    print("jieba" in sys.modules, "textual" in sys.modules)

asyncio.run(main())
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.split() == ["False", "True"]
