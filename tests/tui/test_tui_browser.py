"""The card browser and the home screen: search by text, tag, deck and state; suspend and
unsuspend; a card's history; home counts after studying."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable
from tui_support import FixedClock, build_app, restart_session, screen_text

from quiz.tui.format import clip
from quiz.tui.screens.browser import BrowserScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen


def test_clip_counts_wide_characters_double() -> None:
    assert clip("堅持縱向到底", 8) == "堅持縱…"
    assert clip("short  text\nhere", 40) == "short text here"


async def test_browse_search_suspend_and_history(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("b")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)
        table = app.screen.query_one("#browser-cards", DataTable)
        assert table.row_count == 5
        await pilot.press("slash", *"縱向", "enter")
        await pilot.pause()
        assert table.row_count == 1
        assert "堅持縱向到底，實現黨的組織全覆蓋。" in screen_text(app)
        await pilot.press("at")
        await pilot.pause()
        assert app.store.card("fanti", "t-zongxiang").suspended
        await pilot.press("slash", "ctrl+u", *"is:suspended", "enter")
        await pilot.pause()
        assert table.row_count == 1
        await pilot.press("at")  # and back
        await pilot.pause()
        assert not app.store.card("fanti", "t-zongxiang").suspended
        assert table.row_count == 0  # no longer suspended, so no longer found
        assert "No card matches." in screen_text(app)
        await pilot.press("slash", "ctrl+u", *"確認", "enter")
        await pilot.pause()
        assert "Never answered." in screen_text(app)
        assert "按 [bold]確認[/] 鍵" in screen_text(app)  # literally, in the history panel
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_history_lists_answers_and_home_counts_move(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "抓基层打基础" in screen_text(app)
        await pilot.press("enter")  # the first deck: jianti
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        await pilot.press(*"三个代表", "enter", "enter")
        await pilot.pause()
        await pilot.press("escape", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        table = app.screen.query_one(DataTable)
        assert [str(c) for c in table.get_row("jianti")][:4] == ["抓基层打基础", "2", "1", "0"]
        await pilot.press("b")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("slash", *"三会一课", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "Again" in text and "三个代表" in text
        assert "learning" in text


async def test_home_shows_true_retention_once_a_review_is_answered(tmp_path: Path) -> None:
    clock = FixedClock()
    app = build_app(tmp_path, clock=clock, which=("fanti",), study=["fanti"])

    async def answer_good(pilot, card_id: str) -> None:  # type: ignore[no-untyped-def]
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        while screen.item.card.id != card_id:
            await pilot.press("minus")  # bury the other card
            await pilot.pause()
        await pilot.press("space", "3")
        await pilot.pause()

    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await answer_good(pilot, "t-zongxiang")  # new -> second learning step
        await answer_good(pilot, "t-zongxiang")  # learnt ahead -> review, due in days
        clock.advance(days=5)
        await restart_session(app, pilot)
        await answer_good(pilot, "t-zongxiang")  # a review: counts for true retention
        kinds = [r.kind for r in app.store.card_history("fanti", "t-zongxiang")]
        assert kinds == ["learn", "learn", "review"]
        for key in ("escape", "enter"):
            await pilot.press(key)
            await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        row = [str(c) for c in app.screen.query_one(DataTable).get_row("fanti")]
        assert row[-1] == "100%"


async def test_typing_over_the_table_starts_a_search(tmp_path: Path) -> None:
    """As in Anki's browser: letters typed on the table land in the search box (q included:
    it is a search letter here, not Quit); @ still suspends, and Enter returns to the table."""
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BrowserScreen)
        table = screen.query_one("#browser-cards", DataTable)
        search = screen.query_one("#browser-search")
        assert app.focused is table
        await pilot.press(*"qsus")
        assert app.focused is search and search.value == "qsus"
        assert isinstance(app.screen, BrowserScreen)
        await pilot.press("ctrl+u")  # clear the box
        await pilot.press(*"纵向", "enter")
        await pilot.pause()
        assert app.focused is table and table.row_count == 1
        assert "縱向到底" in screen_text(app)
        await pilot.press("@")  # a table key, not a search
        await pilot.pause()
        assert search.value == "纵向"
        assert app.store.card("fanti", "t-zongxiang").suspended


async def test_a_buried_card_shows_as_buried_and_can_be_searched(tmp_path: Path) -> None:
    clock = FixedClock()
    app = build_app(tmp_path, clock=clock, study=["jianti"])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("minus")  # bury c-sanhui until tomorrow
        await pilot.pause()
        while not isinstance(app.screen, HomeScreen):
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("b")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press(*"buried", "enter")
        await pilot.pause()
        table = app.screen.query_one("#browser-cards", DataTable)
        assert table.row_count == 1
        text = screen_text(app)
        assert "三会一课" in text and "buried" in text


async def test_the_browser_shows_each_card_importance_in_80_columns(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#browser-cards", DataTable)
        assert [str(c.label) for c in table.columns.values()] == [
            "Deck",  # two decks: each card says which (issue 11)
            "Answer",
            "State",
            "Due",
            "Imp",
            "Flag",
            "Card",
        ]
        by_answer = {
            str(table.get_row_at(n)[1]): str(table.get_row_at(n)[4]) for n in range(table.row_count)
        }
        assert by_answer["三会一课"] == "80" and by_answer["確認"] == "30"
        assert by_answer["四个意识"] == "—" and by_answer["縱向到底"] == "—"
        text = screen_text(app)
        assert "importance — (as 50)" in text  # the first card's detail: 縱向到底 has none
        assert "堅持縱向到底，實現黨的組織" in text  # the card's text still has room beside
        await pilot.press("down")  # 確認
        await pilot.pause()
        assert "importance 30" in screen_text(app)
