"""A matching round in the real app: keys, arrows and the mouse; a locked right pair, a
flashing wrong one, and the round's mistakes and time turned into the rating."""

from __future__ import annotations

from pathlib import Path

from tui_support import FixedClock, build_app, screen_text

from quiz.tui.app import QuizApp
from quiz.tui.screens.study import StudyScreen
from quiz.tui.widgets.matching import LEFT_KEYS, RIGHT_KEYS, MatchBoard, MatchItem


async def to_the_match_card(app: QuizApp, pilot) -> StudyScreen:  # type: ignore[no-untyped-def]
    """Bury the two cloze cards that come first in the deck."""
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, StudyScreen)
    while screen.item.card.type != "match":
        await pilot.press("minus")
        await pilot.pause()
    return screen


def partner(board: MatchBoard, left_row: int) -> int:
    round_ = board.round
    assert round_ is not None
    return round_.right.index(round_.left[left_row])


async def test_a_round_with_one_mistake_is_rated_hard(tmp_path: Path) -> None:
    clock = FixedClock()
    app = build_app(tmp_path, clock=clock, study=["jianti"])
    async with app.run_test(size=(100, 34)) as pilot:
        screen = await to_the_match_card(app, pilot)
        assert screen.phase == "playing"
        board = screen.query_one(MatchBoard)
        assert "把各部分标题与其目标配对" in screen_text(app)
        wrong = next(r for r in range(3) if r != partner(board, 0))
        await pilot.press(LEFT_KEYS[0], RIGHT_KEYS[wrong])
        assert board.round is not None and board.round.mistakes == 1
        assert board.item("left", 0).has_class("-wrong")
        assert board.item("right", wrong).has_class("-wrong")
        assert "1 mistake" in screen_text(app)
        for row in range(3):
            await pilot.press(LEFT_KEYS[row], RIGHT_KEYS[partner(board, row)])
            assert board.item("left", row).has_class("-locked")
        clock.advance(seconds=12)
        await pilot.pause()
        assert screen.phase == "matched"
        assert screen.suggested == 2  # one mistake in three pairs: Hard
        await pilot.press("enter")
        await pilot.pause()
        history = app.store.card_history("jianti", "m-titles")
        assert [r.rating for r in history] == [2]


async def test_arrows_enter_and_the_mouse_pick_too_and_the_rating_can_be_overridden(
    tmp_path: Path,
) -> None:
    app = build_app(tmp_path, study=["jianti"])
    async with app.run_test(size=(100, 34)) as pilot:
        screen = await to_the_match_card(app, pilot)
        board = screen.query_one(MatchBoard)
        assert app.focused is board.item("left", 0)
        await pilot.press("tab")  # Tab moves through the items (it is the hint key only in a cloze)
        assert app.focused is board.item("right", 0)
        await pilot.press(
            "shift+tab", "down", "enter"
        )  # pick left row 1; focus jumps to the right column
        assert board.round is not None and board.round.selected == ("left", 1)
        assert isinstance(app.focused, MatchItem) and app.focused.side == "right"
        target = partner(board, 1)
        await pilot.click(f"#match-right-{target}")
        assert board.round.is_locked("left", 1)
        for row in (0, 2):
            await pilot.click(f"#match-left-{row}")
            await pilot.click(f"#match-right-{partner(board, row)}")
        await pilot.pause()
        assert board.round.mistakes == 0 and screen.phase == "matched"
        assert screen.suggested == 3
        await pilot.press("4")  # the user knows better: Easy
        await pilot.pause()
        assert [r.rating for r in app.store.card_history("jianti", "m-titles")] == [4]


async def test_six_long_pairs_fit_80x24_with_the_ratings_in_view(tmp_path: Path) -> None:
    from tui_support import open_store, test_config

    from quiz.deck import load_deck
    from quiz.tui.widgets.rating import RatingBar

    pairs = "".join(
        f"      - [第{i}部分标题完善组织之形{i}, 推动基层组织由建起来变强起来之第{i}项目标与要求]\n"
        for i in range(6)
    )
    path = tmp_path / "six.yaml"
    path.write_text(
        f"title: 六组\ncards:\n  - id: m6\n    type: match\n    pairs:\n{pairs}", "utf-8"
    )
    deck = load_deck(path)
    clock = FixedClock()
    store = open_store(tmp_path / "quiz.db", [deck], clock)
    app = QuizApp(store, [deck], test_config(), clock, study=["six"], cursor_blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        board = screen.query_one(MatchBoard)
        for row in range(6):
            await pilot.press(LEFT_KEYS[row], RIGHT_KEYS[partner(board, row)])
        await pilot.pause()
        assert screen.phase == "matched"
        bar = screen.query_one(RatingBar)
        assert bar.region.height > 0 and bar.region.bottom <= 23  # above the key guide
        assert "All 6 pairs found" in screen_text(app)
    store.close()


async def test_stray_space_and_a_repeated_digit_are_no_mistakes(tmp_path: Path) -> None:
    """A2's round: Space and a digit pressed twice must not pick a pair; only a completed
    wrong pair counts, and a clean round after them is still rated Good."""
    app = build_app(tmp_path, study=["jianti"])
    async with app.run_test(size=(100, 34)) as pilot:
        screen = await to_the_match_card(app, pilot)
        board = screen.query_one(MatchBoard)
        round_ = board.round
        assert round_ is not None
        await pilot.press("space")  # focus is on left row 0: Space does not pick it
        assert round_.selected is None
        await pilot.press(LEFT_KEYS[2], "space", "space")  # focus went across: still no pick
        assert round_.selected == ("left", 2) and round_.mistakes == 0
        await pilot.press(LEFT_KEYS[2])  # the same digit again lets it go
        assert round_.selected is None and round_.mistakes == 0
        await pilot.press(LEFT_KEYS[2], LEFT_KEYS[0])  # another left item: the pick moves
        assert round_.selected == ("left", 0) and round_.mistakes == 0
        assert "0 mistakes" in screen_text(app)
        await pilot.press(LEFT_KEYS[0])  # and let go of it
        for row in range(3):
            await pilot.press(LEFT_KEYS[row], RIGHT_KEYS[partner(board, row)])
        await pilot.pause()
        assert screen.phase == "matched" and round_.mistakes == 0
        assert screen.suggested == 3


async def test_the_key_guide_of_a_round_fits_80_columns(tmp_path: Path) -> None:
    app = build_app(tmp_path, study=["jianti"])
    async with app.run_test(size=(80, 24)) as pilot:
        await to_the_match_card(app, pilot)
        last_row = screen_text(app).splitlines()[-1]
        assert "1-6 a-f ⏎ Pick" in last_row
        assert last_row.rstrip().endswith("esc End")  # nothing cut off at the edge


async def test_letters_pick_only_after_a_left_item_is_picked(tmp_path: Path) -> None:
    """Issue 11: a word typed into a round (the answer of the card before, then Enter)
    made a mistake: the letters picked right items and Enter the focused left one. A letter
    now picks only once a left item is picked (by its digit, Enter or a click)."""
    app = build_app(tmp_path, study=["jianti"])
    async with app.run_test(size=(100, 34)) as pilot:
        screen = await to_the_match_card(app, pilot)
        board = screen.query_one(MatchBoard)
        round_ = board.round
        assert round_ is not None
        wrong = next(r for r in range(3) if r != partner(board, 0))
        await pilot.press(RIGHT_KEYS[wrong], "a", "b", "c")  # letters first: no pick
        assert round_.selected is None and round_.mistakes == 0
        assert "pick a left item first" in screen_text(app)
        await pilot.press("enter")  # Enter picks the focused left item, nothing else
        assert round_.selected == ("left", 0) and round_.mistakes == 0
        await pilot.press(RIGHT_KEYS[partner(board, 0)])  # now a letter completes the pair
        assert board.item("left", 0).has_class("-locked") and round_.mistakes == 0
        for row in (1, 2):
            await pilot.press(LEFT_KEYS[row], RIGHT_KEYS[partner(board, row)])
        await pilot.pause()
        assert screen.phase == "matched" and round_.mistakes == 0
