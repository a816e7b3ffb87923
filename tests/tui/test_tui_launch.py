"""The launch path and what QA found around it: `quiz study` ends on the deck list, `q`
quits from the summary and home, decks unchanged since their sync are studied without
being rebuilt, a broken deck the user named stops the command, titles and card text take
the free width, the answer prompt offers pinyin only for Chinese answers, and the grader
warms up in a thread once the first card is up."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.widgets import DataTable
from tui_support import START, FixedClock, build_app, screen_text, write_decks
from tui_support import test_config as study_config

from quiz.cli import main
from quiz.commands.app import open_collection
from quiz.deck import DeckError
from quiz.store import Store
from quiz.tui.app import QuizApp
from quiz.tui.screens.browser import BrowserScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import PLACEHOLDER_HAN, PLACEHOLDER_PLAIN, StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from quiz.tui.widgets.answer_input import AnswerInput

LONG_TITLE = "抓基层打基础：锻造党的坚强组织体系的十个方面与具体要求和做法"

DUPLICATE_IDS = """\
title: 重复
cards:
  - id: same
    type: cloze
    text: 坚持{{c1::纵向到底}}。
  - id: same
    type: cloze
    text: 实现{{c1::全覆盖}}。
"""

ENGLISH_DECK = """\
title: Rivers
cards:
  - id: nile
    type: cloze
    text: The {{c1::Nile}} flows north into the Mediterranean.
"""


def _age(root: Path) -> None:
    """Make every deck file older than its sync (so the next launch does not read it)."""
    old = START.timestamp() - 3600
    for path in (root / "decks").glob("*.yaml"):
        os.utime(path, (old, old))


async def test_quiz_study_ends_on_the_deck_list_and_q_quits(tmp_path: Path) -> None:
    app = build_app(tmp_path, study=[])  # `quiz study`: every deck
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        await pilot.press("space", "enter")  # reveal, accept the suggestion
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "⏎ Back to decks" in screen_text(app) and "q Quit" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # not quitting
        assert app.is_running
        assert "Studied 1 card today" in screen_text(app)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_q_on_the_summary_quits(tmp_path: Path) -> None:
    app = build_app(tmp_path, study=["jianti"])
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    with Store.open(tmp_path / "quiz.db") as store:
        assert store.sessions(limit=1)[0].ended_at is not None


async def test_unchanged_decks_are_studied_without_being_rebuilt(tmp_path: Path) -> None:
    clock = FixedClock()
    write_decks(tmp_path)
    with Store.open(tmp_path / "quiz.db") as store:
        open_collection(tmp_path, store, [], clock())  # the first launch syncs
    _age(tmp_path)
    with Store.open(tmp_path / "quiz.db") as store:
        shelf, study, problems = open_collection(tmp_path, store, [], clock())
        assert study == [] and not problems
        assert all(shelf.loaded(name) is None for name in shelf)  # nothing read
        app = QuizApp(store, shelf, study_config(), clock, study=study, cursor_blink=False)
        async with app.run_test() as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, StudyScreen) and screen.item is not None
            assert screen.item.card.id == "t-zongxiang"  # fanti comes first by name
            assert screen.session.sync_reports == []
            assert all(shelf.loaded(name) is None for name in shelf)  # still not rebuilt
            await pilot.press(*"纵向到底", "enter")  # the other script, from the store's body
            await pilot.pause()
            assert screen.phase == "answer" and screen.suggested == 3
            await pilot.press("enter")
            await pilot.pause()
        assert store.last_review(decks=["fanti"], card_id="t-zongxiang") is not None


def test_a_named_broken_deck_stops_quiz_study_with_its_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_decks(tmp_path)
    (tmp_path / "decks" / "dup.yaml").write_text(DUPLICATE_IDS, "utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("QUIZ_DB", str(tmp_path / "quiz.db"))
    monkeypatch.setenv("QUIZ_CONFIG", str(tmp_path / "none.toml"))
    assert main(["study", "dup"]) == 1  # before any app is built
    err = capsys.readouterr().err
    assert f"{Path('decks') / 'dup.yaml'}:6: duplicate card id 'same'" in err.replace(
        str(tmp_path) + os.sep, ""
    )
    assert main(["study", "decks/dup.yaml"]) == 1  # named by its file too
    assert "duplicate card id 'same'" in capsys.readouterr().err
    with Store.open(tmp_path / "quiz.db") as store:
        assert store.sessions() == []


def test_broken_decks_not_named_are_left_out_quietly(tmp_path: Path) -> None:
    clock = FixedClock()
    write_decks(tmp_path)
    (tmp_path / "decks" / "dup.yaml").write_text(DUPLICATE_IDS, "utf-8")
    with Store.open(tmp_path / "quiz.db") as store:
        shelf, study, problems = open_collection(tmp_path, store, ["jianti"], clock())
        assert study == ["jianti"] and problems == [] and "dup" not in shelf
        with pytest.raises(DeckError, match=r"dup\.yaml:6: duplicate card id"):
            open_collection(tmp_path, store, ["dup", "jianti"], clock())
        # Every deck (`quiz study`, `quiz`): the broken one is reported and left out.
        _shelf, _study, problems = open_collection(tmp_path, store, [], clock())
        assert any("dup.yaml:6:" in problem for problem in problems)


def _deck_with_title(root: Path, title: str) -> None:
    path = root / "decks" / "jianti.yaml"
    text = path.read_text("utf-8").replace("title: 抓基层打基础", f"title: {title}", 1)
    path.write_text(text, "utf-8")


async def test_titles_and_card_text_take_the_free_width(tmp_path: Path) -> None:
    write_decks(tmp_path)
    _deck_with_title(tmp_path, LONG_TITLE)
    clock = FixedClock()
    with Store.open(tmp_path / "quiz.db") as store:
        shelf, _study, _problems = open_collection(tmp_path, store, None, clock())
        app = QuizApp(store, shelf, study_config(), clock, root=tmp_path, cursor_blink=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            # 42 cells (the Retention column takes 9): was cut at 28
            assert LONG_TITLE[:21] in screen_text(app)
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
            home = screen_text(app)
            assert LONG_TITLE[:12] in home and LONG_TITLE[:24] not in home  # cut to fit
            assert all(len(line) <= 80 for line in home.splitlines())
            await pilot.resize_terminal(106, 30)
            await pilot.press("b")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, BrowserScreen)
            # the whole sentence (56 cells) fits in 106 columns (100 before the Flag
            # column): it was cut at 40
            assert "认真落实“三会一课”、主题党日等制度，严格党的组织生活。" in screen_text(app)
            table = app.screen.query_one("#browser-cards", DataTable)
            assert table.virtual_size.width <= table.content_region.width  # no sideways scroll


async def test_the_answer_prompt_offers_pinyin_only_for_chinese_answers(tmp_path: Path) -> None:
    app = build_app(tmp_path, study=["jianti"])
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.screen.query_one(AnswerInput).placeholder == PLACEHOLDER_HAN
    english = tmp_path / "english"
    (english / "decks").mkdir(parents=True)
    (english / "decks" / "rivers.yaml").write_text(ENGLISH_DECK, "utf-8")
    clock = FixedClock()
    with Store.open(english / "quiz.db") as store:
        shelf, study, _ = open_collection(english, store, ["rivers"], clock())
        app = QuizApp(store, shelf, study_config(), clock, study=study, cursor_blink=False)
        async with app.run_test() as pilot:
            await pilot.pause()
            assert app.screen.query_one(AnswerInput).placeholder == PLACEHOLDER_PLAIN
            assert "Type the answer …" in screen_text(app)
            assert "pinyin" not in screen_text(app)


async def test_the_grader_warms_up_in_a_thread_after_the_first_card(tmp_path: Path) -> None:
    app = build_app(tmp_path, study=["jianti"])
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen) and screen.item is not None
        assert screen.warm_up is None  # not while the first card is being painted
        for _ in range(40):
            await pilot.pause(0.05)
            if screen.warm_up is not None:
                break
        assert screen.warm_up is not None
        await screen.warm_up.wait()
        assert screen.warm_up.is_finished and screen.warm_up.error is None
        await pilot.press(*"sanhuiyike", "enter")  # pinyin, graded with the tables loaded
        await pilot.pause()
        assert screen.phase == "answer" and screen.suggested == 3


async def test_a_context_hint_reads_one_section_not_the_whole_deck(tmp_path: Path) -> None:
    clock = FixedClock()
    write_decks(tmp_path)
    with Store.open(tmp_path / "quiz.db") as store:
        open_collection(tmp_path, store, [], clock())
    _age(tmp_path)
    with Store.open(tmp_path / "quiz.db") as store:
        shelf, study, _ = open_collection(tmp_path, store, ["jianti"], clock())
        app = QuizApp(store, shelf, study_config(), clock, study=study, cursor_blink=False)
        async with app.run_test() as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, StudyScreen) and screen.item is not None
            assert screen.item.card.id == "c-sanhui"
            for _ in range(3):  # first character, the authored reading, context
                await pilot.press("tab")
                await pilot.pause()
            labels = [label for label, _text in screen.hints]
            assert "Around it" in labels
            context = dict(screen.hints)["Around it"]
            # the next card of its section, its own blank blanked (issue 11)
            assert "引导党员牢固树立“＿＿＿＿”" in context
            assert shelf.loaded("jianti") is None  # the deck was not rebuilt for it


async def test_the_chosen_theme_is_kept_for_the_next_run(tmp_path: Path) -> None:
    from tui_support import open_store

    clock = FixedClock()
    decks = write_decks(tmp_path)
    theme_file = tmp_path / "quiz-theme.txt"
    store = open_store(tmp_path / "quiz.db", decks, clock)
    app = QuizApp(store, decks, study_config(), clock, cursor_blink=False, theme_file=theme_file)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        app.theme = "gruvbox"  # what the palette's Theme command does
        await pilot.pause()
    assert theme_file.read_text("utf-8").strip() == "gruvbox"
    again = QuizApp(store, decks, study_config(), clock, cursor_blink=False, theme_file=theme_file)
    async with again.run_test() as pilot:
        await pilot.pause()
        assert again.theme == "gruvbox"
    theme_file.write_text("no-such-theme\n", "utf-8")  # a stale name: the default, no crash
    third = QuizApp(store, decks, study_config(), clock, cursor_blink=False, theme_file=theme_file)
    async with third.run_test() as pilot:
        await pilot.pause()
        assert third.theme == "textual-dark"
    store.close()
