"""Text holding terminal escape codes (a card synced before decks refused them) never
reaches the terminal as codes: the study screen, the deck list and the browser draw it
without ESC or other control characters."""

from __future__ import annotations

from pathlib import Path

from tui_support import FixedClock
from tui_support import test_config as study_config

from quiz.deck import ClozeCard, Deck
from quiz.store import Store
from quiz.tui.app import QuizApp
from quiz.tui.screens.browser import BrowserScreen
from quiz.tui.screens.study import StudyScreen

HOSTILE = ClozeCard(
    id="esc",
    text="坚持{{c1::纵向到底}}\x1b]2;TITLE\x07 \x1b[2J，实现\x1b[31m全覆盖\x1b[0m。\x07",
    section="一、\x1b[1m标题\x1b[0m",
)


def _drawn(app: QuizApp) -> str:
    strips = app.screen._compositor.render_strips()
    return "".join(segment.text for strip in strips for segment in strip)


def _no_controls(text: str) -> bool:
    return not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in text)


async def test_escape_codes_in_a_stored_card_are_not_drawn(tmp_path: Path) -> None:
    clock = FixedClock()
    deck = Deck(name="esc", title="标题\x1b]2;PWNED\x07", cards=(HOSTILE,))
    store = Store.open(tmp_path / "quiz.db")
    store.sync_deck(deck, now=clock())
    app = QuizApp(store, [deck], study_config(), clock, cursor_blink=False)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "标题" in _drawn(app) and _no_controls(_drawn(app))  # the deck list
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        drawn = _drawn(app)
        assert "坚持" in drawn and "全覆盖" in drawn and _no_controls(drawn)
        await pilot.press("enter")  # reveal
        await pilot.pause()
        assert "纵向到底" in _drawn(app) and _no_controls(_drawn(app))
        await pilot.press("3", "escape")
        await pilot.pause()
        app.action_browse()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)
        for _ in range(50):  # the rows are read in a thread
            if "坚持" in _drawn(app):
                break
            await pilot.pause(0.05)
        drawn = _drawn(app)
        bad = [hex(ord(c)) for c in drawn if not _no_controls(c)]
        assert "坚持" in drawn and not bad, bad
    store.close()
