"""Headless study sessions through the real app, store file and decks: typed answers (right,
wrong, pinyin), reveal and self-grading, hints, undo, suspend/bury, and the summary."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static
from tui_support import FixedClock, build_app, restart_session, screen_text

from quiz.tui.app import QuizApp
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from quiz.tui.widgets.answer_input import AnswerInput
from quiz.tui.widgets.key_hints import KeyHints
from quiz.tui.widgets.rating import RatingBar
from quiz.tui.widgets.verdict import VerdictView


def study_screen(app: QuizApp) -> StudyScreen:
    screen = app.screen
    assert isinstance(screen, StudyScreen)
    return screen


def effective_reviews(app: QuizApp, deck: str, card_id: str) -> list[tuple[int | None, str | None]]:
    return [(r.rating, r.typed) for r in app.store.card_history(deck, card_id)]


def suggested_button(app: QuizApp) -> str | None:
    bar = app.screen.query_one(RatingBar)
    marked = [b.id for b in bar.query("Button") if b.has_class("-suggested")]
    return marked[0] if marked else None


async def test_a_right_typed_answer_suggests_good_and_enter_commits_it(tmp_path: Path) -> None:
    app = build_app(tmp_path, study=["jianti"])
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = study_screen(app)
        assert screen.item.card.id == "c-sanhui"
        assert "认真落实“＿＿＿＿”" in screen_text(app)
        await pilot.press(*"三会一课", "enter")
        assert screen.phase == "answer"
        assert screen.suggested == 3 and suggested_button(app) == "rate-3"
        verdict = str(app.screen.query_one(VerdictView).visual)
        assert "Correct" in verdict
        assert "认真落实“三会一课”" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert effective_reviews(app, "jianti", "c-sanhui") == [(3, "三会一课")]
        assert screen.item.card.id == "c-yishi"  # the next card is up
        assert screen.done == 1


async def test_a_wrong_answer_shows_the_diff_and_suggests_again(tmp_path: Path) -> None:
    app = build_app(tmp_path, study=["jianti"])
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press(*"三个代表", "enter")
        screen = study_screen(app)
        assert screen.suggested == 1
        text = screen_text(app)
        assert "Not quite" in text
        assert "you     三个代表" in text and "answer  三会一课" in text
        await pilot.press("enter")
        await pilot.pause()
        assert effective_reviews(app, "jianti", "c-sanhui") == [(1, "三个代表")]
        await pilot.press(*"四个意思", "enter")  # one character off a 4-character answer
        assert screen.suggested == 2
        assert "Almost" in screen_text(app)


async def test_pinyin_and_the_other_script_count_as_right(tmp_path: Path) -> None:
    app = build_app(tmp_path, study=["jianti"])
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press(*"san1 hui4 yi1 ke4", "enter")
        screen = study_screen(app)
        assert screen.suggested == 3
        assert "pinyin accepted for 三会一课" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"四個意識", "enter")  # Traditional for a Simplified card
        assert screen.suggested == 3
        await pilot.press("4")
        await pilot.pause()
        assert effective_reviews(app, "jianti", "c-sanhui") == [(3, "san1 hui4 yi1 ke4")]
        assert effective_reviews(app, "jianti", "c-yishi") == [(4, "四個意識")]


async def test_reveal_with_space_or_empty_enter_then_grade_yourself(tmp_path: Path) -> None:
    app = build_app(tmp_path, study=["jianti"])
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = study_screen(app)
        await pilot.press("space")
        assert screen.phase == "answer"
        assert "rate yourself" in screen_text(app)
        assert screen.suggested == 3
        await pilot.press("2")
        await pilot.pause()
        assert screen.item.card.id == "c-yishi"
        await pilot.press("enter")  # Enter on an empty answer reveals too
        assert screen.phase == "answer"
        await pilot.press("space")  # Space now accepts the suggestion
        await pilot.pause()
        assert effective_reviews(app, "jianti", "c-sanhui") == [(2, None)]
        assert effective_reviews(app, "jianti", "c-yishi") == [(3, None)]


async def test_each_hint_climbs_the_ladder_and_lowers_the_suggestion(tmp_path: Path) -> None:
    app = build_app(tmp_path, study=["jianti"])
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = study_screen(app)
        # the blank's four ＿ show the length: the first hint is the first character
        await pilot.press("tab")
        assert "认真落实“三＿＿＿”" in screen_text(app)  # the first character is given
        assert "Length" not in screen_text(app)
        await pilot.press("tab")
        assert "sān huì yī kè" in screen_text(app)
        await pilot.press("tab")
        # the next sentence's own blank is another card's answer: blanked
        assert "↓ 引导党员牢固树立“＿＿＿＿”" in screen_text(app)
        assert screen.hint_count == 3
        await pilot.press(*"三会一课", "enter")
        assert screen.suggested == 2  # right, but with hints: Hard
        await pilot.press("enter")
        await pilot.pause()
        history = app.store.card_history("jianti", "c-sanhui")
        assert [(r.rating, r.hints) for r in history] == [(2, 3)]


async def test_a_figure_in_another_spelling_is_right_and_its_hints_hide_the_number(
    tmp_path: Path,
) -> None:
    app = build_app(tmp_path, which=["shuzi"], study=["shuzi"])
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = study_screen(app)
        assert screen.item.card.id == "f-gdp"
        await pilot.press(*"百分之五左右", "enter")
        assert screen.suggested == 3  # as good as the main spelling
        text = screen_text(app)
        assert "Correct" in text and "same figure, other spelling" in text
        await pilot.press("enter")
        await pilot.pause()
        assert screen.item.card.id == "f-jobs"
        await pilot.press("tab")
        assert "Figure:    数量：…万人左右" in screen_text(app)
        await pilot.press("tab")
        assert "城镇新增就业____万人左右，" in screen_text(app)  # the digits, in the blank
        await pilot.press("tab")
        assert "城镇新增就业1___万人左右，" in screen_text(app)
        await pilot.press(*"1200万人", "enter")  # the qualifier left out: a miss
        assert screen.suggested == 1
        text = screen_text(app)
        assert "Almost" in text and "qualifier missing: 左右" in text
        await pilot.press("enter")
        await pilot.pause()
        history = app.store.card_history("shuzi", "f-jobs")
        assert [(r.rating, r.hints, r.typed) for r in history] == [(1, 3, "1200万人")]


async def test_undo_brings_the_card_back_and_cancels_the_answer(tmp_path: Path) -> None:
    app = build_app(tmp_path, study=["jianti"])
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = study_screen(app)
        await pilot.press(*"三会一课", "enter", "enter")
        await pilot.pause()
        assert screen.item.card.id == "c-yishi"
        assert screen.phase == "question"  # typing: `u` is a letter here, ctrl+z undoes
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert screen.item.card.id == "c-sanhui"
        assert screen.done == 0
        assert effective_reviews(app, "jianti", "c-sanhui") == []
        await pilot.press("space", "u")  # after the answer is shown `u` undoes
        await pilot.pause()
        assert "Nothing to undo" in " ".join(str(n.message) for n in app._notifications)


async def test_bury_and_suspend_skip_the_card(tmp_path: Path) -> None:
    app = build_app(tmp_path, study=["jianti"])
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = study_screen(app)
        await pilot.press("minus")  # on an empty answer `-` buries
        await pilot.pause()
        assert screen.item.card.id == "c-yishi"
        await pilot.press("at")
        await pilot.pause()
        assert screen.item.card.id == "m-titles"
        assert app.store.card("jianti", "c-sanhui").buried_until is not None
        assert app.store.card("jianti", "c-yishi").suspended
        await pilot.press("u")  # undo takes back the suspension, as in Anki
        await pilot.pause()
        assert screen.item.card.id == "c-yishi"
        assert not app.store.card("jianti", "c-yishi").suspended
        assert screen.done == 0


async def test_the_summary_counts_the_session_and_goes_home(tmp_path: Path) -> None:
    clock = FixedClock()
    app = build_app(tmp_path, clock=clock, study=["jianti"])
    async with app.run_test() as pilot:
        await pilot.pause()
        clock.advance(seconds=4)
        await pilot.press(*"三会一课", "enter", "enter")
        await pilot.pause()
        clock.advance(seconds=6)
        await pilot.press(*"不知道", "enter", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        text = str(app.screen.query_one("#summary-text", Static).visual)
        assert "2 cards studied in 0:10" in text
        assert "50%" in text and "1 right, 1 again" in text
        assert "2 cloze cards" in text
        assert "more cards are due now" in text or "a card is due in" in text
        session = app.store.sessions(limit=1)[0]
        assert session.ended_at is not None
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Studied 2 cards today" in screen_text(app)


async def test_quitting_mid_session_keeps_every_answer_and_resumes(tmp_path: Path) -> None:
    clock = FixedClock()
    app = build_app(tmp_path, clock=clock, study=["jianti"])
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press(*"三会一课", "enter", "enter")
        await pilot.pause()
        await pilot.press(*"四个", "ctrl+q")  # quit with an answer half typed
        await pilot.pause()
    assert app.store.sessions()[0].ended_at is not None  # the quit ended the session
    app.store.close()
    clock.advance(minutes=1)
    again = build_app(tmp_path, clock=clock, study=["jianti"])
    async with again.run_test() as pilot:
        await pilot.pause()
        screen = study_screen(again)
        assert effective_reviews(again, "jianti", "c-sanhui") == [(3, "三会一课")]
        assert screen.item.card.id == "c-yishi"  # carries on where it stopped
        counts = screen.session.counts()
        assert (counts.new, counts.learning) == (2, 1)
        assert screen.done == 1 and " 1/4 " in screen_text(again)  # the day's bar goes on
    again.store.close()


async def test_card_text_that_looks_like_markup_is_shown_as_typed(tmp_path: Path) -> None:
    app = build_app(tmp_path, study=["fanti"])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = study_screen(app)
        if screen.item.card.id != "t-markup":
            await pilot.press("minus")
            await pilot.pause()
        assert screen.item.card.id == "t-markup"
        text = screen_text(app)
        assert "按 [bold]＿＿[/] 鍵，再看 [red]提示[/red] 與 [link=x]連結[/link]。" in text
        assert "[b]標記[/b] 測試" in text
        assert "抓基層打基礎 [i]標題[/i]" in text  # the deck title under the card
        await pilot.press(*"[bold]確認", "enter")
        text = screen_text(app)
        assert "按 [bold]確認[/] 鍵" in text
        assert "[bold]確認" in text  # the typed text in the diff, literally


async def test_cram_leaves_schedules_alone(tmp_path: Path) -> None:
    app = build_app(tmp_path, study=["jianti"], cram=True)
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = study_screen(app)
        assert "Cram" in screen_text(app)
        await pilot.press(*"三会一课", "enter", "enter")
        await pilot.pause()
        row = app.store.card("jianti", "c-sanhui")
        assert row is not None and row.state.is_new  # untouched
        assert [r.kind for r in app.store.card_history("jianti", "c-sanhui")] == ["cram"]
        assert screen.item.card.id == "c-yishi"


async def test_command_palette_offers_the_app_commands(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test() as pilot:
        await pilot.pause()
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {
            "Study all decks",
            "Browse cards",
            "Statistics",
            "Regenerate decks",
            "Keys",
        } <= titles
        assert "Theme" in " ".join(titles)  # Textual's theme switcher is kept
        every = [command.title for command in app.get_system_commands(app.screen)]
        assert every.count("Keys") == 1  # ours, not also Textual's key panel
        study_all = next(
            c for c in app.get_system_commands(app.screen) if c.title == "Study all decks"
        )
        study_all.callback()
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)


async def test_a_card_that_becomes_a_leech_is_announced(tmp_path: Path) -> None:
    from tui_support import test_config

    clock = FixedClock()
    config = test_config(leech_threshold=1)
    app = build_app(tmp_path, clock=clock, which=("fanti",), study=["fanti"], config=config)
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = study_screen(app)

        async def answer(rating: str) -> None:
            while screen.item.card.id != "t-zongxiang":
                await pilot.press("minus")
                await pilot.pause()
            await pilot.press("space", rating)
            await pilot.pause()

        await answer("3")
        await answer("3")  # graduated: a review card due in days
        clock.advance(days=5)
        await restart_session(app, pilot)
        screen = study_screen(app)
        await answer("1")  # a lapse: with a threshold of 1, a leech
        history = app.store.card_history("fanti", "t-zongxiang")
        assert [(r.kind, r.rating) for r in history] == [("learn", 3), ("learn", 3), ("review", 1)]
        titles = [str(n.title) for n in app._notifications]
        assert "Leech" in titles
        row = app.store.card("fanti", "t-zongxiang")
        assert row is not None and row.state.leech and row.suspended


async def test_a_card_due_within_a_minute_is_said_so_in_the_summary(tmp_path: Path) -> None:
    """Not 'a card is due now (09:31)' when it is not due yet: 'in under a minute', to the
    second; a card due later today shows just the clock time."""
    clock = FixedClock()
    app = build_app(tmp_path, clock=clock, study=["jianti"])
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press(*"不知道", "enter", "1")  # Again: back in a minute
        await pilot.pause()
        clock.advance(seconds=35)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        text = str(app.screen.query_one("#summary-text", Static).visual)
        assert "a card is due in under a minute  (09:31:00)" in text
        assert "due now" not in text


async def test_h_is_the_hint_key_when_the_answer_box_is_not_focused_and_after_the_answer(
    tmp_path: Path,
) -> None:
    """While typing, h is a letter (pinyin); with the focus away from the box it climbs the
    ladder; after the answer it shows the sentences around, leaving the rating alone."""
    app = build_app(tmp_path, study=["jianti"])
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = study_screen(app)
        answer = screen.query_one(AnswerInput)
        await pilot.press("h")
        assert answer.value == "h" and screen.hint_count == 0  # typed, not a hint
        await pilot.press("backspace")
        screen.set_focus(None)
        await pilot.press("h")
        assert screen.hint_count == 1 and "认真落实“三＿＿＿”" in screen_text(app)
        assert answer.value == ""
        await pilot.press("enter")  # reveal (Enter reaches the screen without the box)
        await pilot.pause()
        assert screen.phase == "answer"
        suggested = screen.suggested
        assert "Around it" not in screen_text(app)
        assert "h Hint" in str(screen.query_one(KeyHints).visual)
        await pilot.press("h")
        text = screen_text(app)
        assert "Around it: ↓ 引导党员牢固树立“＿＿＿＿”" in text
        assert screen.hint_count == 1 and screen.suggested == suggested
        await pilot.press("h")  # nothing more to show: no second copy
        assert screen_text(app).count("Around it") == 1
        await pilot.press("enter")
        await pilot.pause()
        history = app.store.card_history("jianti", "c-sanhui")
        assert [(r.rating, r.hints) for r in history] == [(suggested, 1)]


HEADING_DECK = """\
title: 标题卡
cards:
  - id: h1
    type: cloze
    text: 一、完善组织之“形”，推动基层组织由“{{c1::建起来}}”变“强起来”
    section: 一、完善组织之“形”
    tags: [quote, heading]
  - id: s1
    type: cloze
    text: 坚持{{c1::纵向到底}}，实现党的组织全覆盖。
    section: 一、完善组织之“形”
"""


async def test_a_heading_card_does_not_repeat_its_heading_above_it(tmp_path: Path) -> None:
    from tui_support import open_store
    from tui_support import test_config as study_config

    from quiz.deck import load_deck

    (tmp_path / "decks").mkdir()
    path = tmp_path / "decks" / "h.yaml"
    path.write_text(HEADING_DECK, encoding="utf-8")
    deck = load_deck(path)
    clock = FixedClock()
    store = open_store(tmp_path / "quiz.db", [deck], clock)
    app = QuizApp(store, [deck], study_config(), clock, study=["h"], cursor_blink=False)
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = study_screen(app)
        assert screen.item.card.id == "h1"
        assert screen_text(app).count("完善组织之“形”") == 1  # in its text, not above it too
        await pilot.press("enter", "3")
        await pilot.pause()
        assert screen.item.card.id == "s1"
        assert screen_text(app).count("完善组织之“形”") == 1  # an ordinary card keeps it
    store.close()


async def test_ctrl_q_quits_from_a_session_and_the_readme_and_help_say_so(
    tmp_path: Path,
) -> None:
    from quiz.tui.screens.help import help_content

    app = build_app(tmp_path, study=["jianti"])
    async with app.run_test() as pilot:
        await pilot.pause()
        study_screen(app)
        quit_keys = {k for k, b in app.active_bindings.items() if b.binding.action == "quit"}
        assert "ctrl+q" in quit_keys
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert "ctrl+q" in readme
    assert "ctrl+q" in help_content().plain


async def test_the_bar_above_a_card_explains_itself(tmp_path: Path) -> None:
    from quiz.tui.screens.help import help_content

    app = build_app(tmp_path, study=["jianti"])
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = study_screen(app)
        tips = {
            name: str(screen.query_one(f"#session-{name}").tooltip)
            for name in ("counts", "progress", "done", "timer")
        }
        assert "new (blue) + learning (red) + review (green)" in tips["counts"]
        assert "Today's answers" in tips["progress"] == tips["done"]
        assert "paused" in tips["timer"] and "60 s" in tips["timer"]
    legend = help_content().plain
    assert "The bar above a card" in legend and "new + learning + review" in legend
