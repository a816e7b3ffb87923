"""Choice cards in the real app: a new card's first showing is a choice of four, picked by
1-4, a-d or a click; a right pick suggests Good, a wrong one Again; the log says it was a
choice; ctrl+t switches between choice and typed; a card without look-alikes stays typed."""

from __future__ import annotations

from pathlib import Path

from tui_support import FixedClock, build_app, screen_text
from tui_support import test_config as make_config

from quiz.tui.app import QuizApp
from quiz.tui.screens.study import StudyScreen
from quiz.tui.widgets.answer_input import AnswerInput
from quiz.tui.widgets.choice import ChoiceList
from quiz.tui.widgets.key_hints import KeyHints

LETTERS = "abcd"


def study(app: QuizApp) -> StudyScreen:
    screen = app.screen
    assert isinstance(screen, StudyScreen)
    return screen


def logged(app: QuizApp, card_id: str) -> list[tuple[int | None, str | None, bool]]:
    return [(r.rating, r.typed, r.choice) for r in app.store.card_history("xuanze", card_id)]


def wrong_row(screen: StudyScreen) -> int:
    assert screen.choice is not None
    return next(row for row in range(4) if not screen.choice.is_right(row))


async def test_a_new_card_is_a_choice_and_a_right_digit_suggests_good(tmp_path: Path) -> None:
    app = build_app(tmp_path, which=["xuanze"], study=["xuanze"])
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = study(app)
        assert screen.item is not None and screen.item.card.id == "x-yishi"
        assert screen.phase == "choosing" and screen.choice is not None
        assert sorted(screen.choice.options) == ["四个全面", "四个意识", "四个服务", "四个自信"]
        assert not app.screen.query_one(AnswerInput).display
        assert "1-4 a-d Pick" in str(app.screen.query_one(KeyHints).render())
        text = screen_text(app)
        assert "引导党员牢固树立“＿＿＿＿”" in text
        for row, option in enumerate(screen.choice.options):
            assert f"{row + 1} {LETTERS[row]}  {option}" in text
        right = screen.choice.right
        await pilot.press(str(right + 1))
        await pilot.pause()
        assert screen.phase == "answer" and screen.suggested == 3
        assert "✓    四个意识" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert logged(app, "x-yishi") == [(3, "四个意识", True)]
        # 两个确立 has no look-alike in the deck: typed, as the help says
        assert screen.item.card.id == "x-queli" and screen.phase == "question"
        assert app.screen.query_one(AnswerInput).display
        await pilot.press(*"两个确立", "enter", "enter")
        await pilot.pause()
        assert logged(app, "x-queli") == [(3, "两个确立", False)]


async def test_a_wrong_letter_suggests_again_and_marks_both(tmp_path: Path) -> None:
    app = build_app(tmp_path, which=["xuanze"], study=["xuanze"])
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = study(app)
        row = wrong_row(screen)
        assert screen.choice is not None
        picked = screen.choice.options[row]
        await pilot.press(LETTERS[row])
        await pilot.pause()
        assert screen.phase == "answer" and screen.suggested == 1
        text = screen_text(app)
        assert f"✗    {picked}" in text and "✓    四个意识" in text
        await pilot.press("enter")
        await pilot.pause()
        assert logged(app, "x-yishi") == [(1, picked, True)]


async def test_a_click_picks_an_option(tmp_path: Path) -> None:
    app = build_app(tmp_path, which=["xuanze"], study=["xuanze"])
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = study(app)
        assert screen.choice is not None
        right = screen.choice.right
        assert await pilot.click(f"#choice-{right}")
        await pilot.pause()
        assert screen.phase == "answer" and screen.suggested == 3
        await pilot.press("4")  # the user's own rating overrides the suggestion
        await pilot.pause()
        assert logged(app, "x-yishi") == [(4, "四个意识", True)]


async def test_keys_before_a_pick_do_not_rate_and_undo_brings_the_choice_back(
    tmp_path: Path,
) -> None:
    app = build_app(tmp_path, which=["xuanze"], study=["xuanze"])
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = study(app)
        await pilot.press("enter", "space", "e", "h")  # no rating, no pick, no hint
        assert screen.phase == "choosing" and screen.suggested is None
        assert screen.choice is not None
        first = screen.choice
        await pilot.press(str(first.right + 1), "3")
        await pilot.pause()
        assert logged(app, "x-yishi") == [(3, "四个意识", True)]
        await pilot.press("ctrl+z")  # undo from the typed card that came next
        await pilot.pause()
        assert screen.item.card.id == "x-yishi" and screen.phase == "choosing"
        assert screen.choice == first  # the same showing, the same options
        assert logged(app, "x-yishi") == []


async def test_ctrl_t_types_a_choice_card_and_the_session_follows(tmp_path: Path) -> None:
    app = build_app(tmp_path, which=["xuanze"], study=["xuanze"])
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = study(app)
        assert screen.phase == "choosing"
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert screen.phase == "question" and screen.choice is None
        assert not app.screen.query_one(ChoiceList).display
        await pilot.press(*"四个意识", "enter", "enter")
        await pilot.pause()
        assert logged(app, "x-yishi") == [(3, "四个意识", False)]
        await pilot.press(*"两个确立", "enter", "enter")
        await pilot.pause()
        assert screen.item.card.id == "x-zixin" and screen.phase == "question"  # typed now


async def test_ctrl_t_on_a_typed_card_asks_it_as_a_choice(tmp_path: Path) -> None:
    app = build_app(
        tmp_path, which=["xuanze"], study=["xuanze"], config=make_config(choice="never")
    )
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = study(app)
        assert screen.phase == "question"  # "never": typed
        await pilot.press(*"四个")  # typed a little, then changed one's mind
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert screen.phase == "choosing" and screen.choice is not None
        await pilot.press(str(screen.choice.right + 1), "enter")
        await pilot.pause()
        # 两个确立: no choice to switch to, it says so and stays typed
        assert screen.item.card.id == "x-queli"
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert screen.phase == "question"
        assert any("stays typed" in str(n.message) for n in app._notifications)


async def test_always_asks_a_review_card_as_a_choice_and_caps_it_at_hard(
    tmp_path: Path,
) -> None:
    clock = FixedClock()
    app = build_app(
        tmp_path, clock=clock, which=["xuanze"], study=["xuanze"],
        config=make_config(choice="always"),
    )  # fmt: skip
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = study(app)
        assert screen.choice is not None
        await pilot.press(str(screen.choice.right + 1), "4")  # Easy: a review in 4 days+
        await pilot.pause()
        clock.advance(days=30)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")  # summary -> home
        await pilot.pause()
        await pilot.press("enter")  # study the deck again
        await pilot.pause()
        screen = study(app)
        assert screen.item is not None and screen.item.card.id == "x-yishi"
        assert screen.item.kind == "review" and screen.phase == "choosing"
        assert screen.choice is not None
        await pilot.press(str(screen.choice.right + 1))
        assert screen.suggested == 2  # recognising a card seen before: Hard at most


async def test_new_mode_asks_a_review_card_typed(tmp_path: Path) -> None:
    clock = FixedClock()
    app = build_app(tmp_path, clock=clock, which=["xuanze"], study=["xuanze"])
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = study(app)
        assert screen.choice is not None
        await pilot.press(str(screen.choice.right + 1), "4")
        await pilot.pause()
        clock.advance(days=30)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter", "enter")
        await pilot.pause()
        screen = study(app)
        assert screen.item is not None and screen.item.card.id == "x-yishi"
        assert screen.item.kind == "review" and screen.phase == "question"


def test_the_store_entries_give_the_same_choices_as_the_deck_file(tmp_path: Path) -> None:
    """A deck not read from its file this run (its entries come from the store) asks the
    same options as the deck read from YAML: the choice depends on the cards only."""
    from quiz.choice import ChoicePool
    from quiz.deck import ClozeCard

    app = build_app(tmp_path, which=["xuanze"])
    deck = app.decks["xuanze"]
    from_store = ChoicePool(app.store.answer_entries("xuanze"))
    from_file = ChoicePool.from_cards(deck.cards)
    for card in deck.cards:
        assert isinstance(card, ClozeCard)
        for reviews in range(3):
            assert from_store.choice(card, reviews) == from_file.choice(card, reviews)
    app.store.close()


async def test_the_marks_of_a_pick_are_gone_when_the_next_choice_comes(tmp_path: Path) -> None:
    """A typed card after a choice card takes the marks off the hidden options (after its
    paint); the choice card brought back by undo shows its options unmarked."""
    app = build_app(tmp_path, which=["xuanze"], study=["xuanze"])
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = study(app)
        options = list(screen.query_one(ChoiceList).query(".choice-option"))
        await pilot.press(LETTERS[wrong_row(screen)])
        await pilot.pause()
        assert any(option.has_class("-wrong") for option in options)
        assert any(option.has_class("-right") for option in options)
        await pilot.press("1")  # Again: a typed card comes next
        await pilot.pause()
        assert screen.phase == "question"
        marks = {"-right", "-wrong", "-dim"}
        assert not any(option.classes & marks for option in options)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert screen.phase == "choosing"
        assert not any(option.classes & marks for option in options)
