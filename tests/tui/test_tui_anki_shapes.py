"""Anki's card shapes in the app (issue 11, item 2): a text with c1 and c2 is a card per
number with the other blank filled, a hint written in the blank shows at once, and a
Basic card asks its front and takes its back."""

from __future__ import annotations

from pathlib import Path

from tui_support import build_app, screen_text

from quiz.tui.screens.study import StudyScreen


async def test_c1_c2_text_asks_one_blank_with_its_hint_shown_and_the_other_filled(
    tmp_path: Path,
) -> None:
    app = build_app(tmp_path, which=("shapes",), study=["shapes"])
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        assert screen.item.card.id == "capital"
        text = screen_text(app)
        assert "[a city]是法国的首都。" in text, "c2 shown filled, c1's hint in its blank"
        await pilot.press(*"巴黎", "enter")
        assert "Correct" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        # the c2 card is a sibling of the c1 card: buried for the day, the basic card is next
        assert screen.item.card.id == "sum"
        text = screen_text(app)
        assert "What is 2+2?" in text and "{{" not in text
        await pilot.press("4", "enter")
        assert "Correct" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert [r.card_id for r in app.store.reviews(["shapes"])] == ["capital", "sum"]
        assert app.store.card("shapes", "capital-c2").buried_until is not None
