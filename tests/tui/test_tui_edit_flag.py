"""Editing a card in a session (`e`) and flagging it (ctrl+1..4, `*`), through the real app,
deck files and database: every key path of the form and of the flags, and the browser
finding a flag."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, Static, TextArea
from tui_support import START, build_app, screen_text

from quiz.deck import BasicCard, ClozeCard, load_deck
from quiz.tui.app import QuizApp
from quiz.tui.screens.edit_card import EditCardScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.widgets.matching import MatchBoard
from quiz.tui.widgets.session_bar import SessionBar


def study(app: QuizApp) -> StudyScreen:
    for screen in reversed(app.screen_stack):
        if isinstance(screen, StudyScreen):
            return screen
    raise AssertionError("no study screen")


def form(app: QuizApp) -> EditCardScreen:
    assert isinstance(app.screen, EditCardScreen), app.screen
    return app.screen


def notices(app: QuizApp) -> str:
    return " ".join(str(n.message) for n in app._notifications)


async def _set(pilot, widget_id: str, value: str) -> None:  # type: ignore[no-untyped-def]
    """Replace a form field's text the way a user does: focus, select all, type."""
    widget = pilot.app.screen.query_one(widget_id)
    widget.focus()
    await pilot.pause()
    if isinstance(widget, TextArea):
        widget.text = value
    else:
        assert isinstance(widget, Input)
        widget.value = ""
        if value:
            await pilot.press(*value)
    await pilot.pause()


async def test_e_after_the_answer_edits_the_card_and_it_keeps_its_id_and_history(
    tmp_path: Path,
) -> None:
    app = build_app(tmp_path, study=["jianti"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = study(app)
        await pilot.press(*"三会一课", "enter", "enter")  # answered Good: a history
        await pilot.pause()
        assert screen.item is not None and screen.item.card.id == "c-yishi"
        await pilot.press("space", "e")
        await pilot.pause()
        edit = form(app)
        assert edit.query_one("#edit-text", TextArea).text == (
            "引导党员牢固树立“___”，坚定“四个自信”，做到“两个维护”。"
        )
        assert edit.query_one("#edit-answer", Input).value == "四个意识"
        assert edit.query_one("#edit-accept", Input).value == "四個意識"
        await _set(pilot, "#edit-accept", "四個意識 | sigeyishi")
        await _set(pilot, "#edit-hint", "si ge")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        assert "keeps its history" in notices(app)
        card = load_deck(tmp_path / "decks" / "jianti.yaml").card("c-yishi")
        assert isinstance(card, ClozeCard)
        assert (card.accept, card.hint, card.edited) == (("四個意識", "sigeyishi"), "si ge", True)
        row = app.store.card("jianti", "c-yishi")
        assert row is not None and row.body["hint"] == "si ge" and row.body["edited"] is True
        assert screen.item is not None and screen.item.card == card  # on screen as it is now
        await pilot.press("3")  # rated after the edit: logged on the same card
        await pilot.pause()
        assert [r.rating for r in app.store.card_history("jianti", "c-yishi")] == [3]
        assert [r.rating for r in app.store.card_history("jianti", "c-sanhui")] == [3]
        ids = [c.card_id for c in app.store.cards(["jianti"])]
        assert ids == ["c-sanhui", "c-yishi", "m-titles"]  # no card added or retired


async def test_a_broken_edit_is_refused_in_the_form_with_its_reason(tmp_path: Path) -> None:
    app = build_app(tmp_path, study=["jianti"])
    deck_file = tmp_path / "decks" / "jianti.yaml"
    before = deck_file.read_bytes()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("space", "e")
        await pilot.pause()
        await _set(pilot, "#edit-text", "认真落实“___”、___等制度。")
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = form(app).query_one("#edit-error", Static)
        assert error.display and "2 blanks" in str(error.visual)
        await _set(pilot, "#edit-text", "认真落实三会一课等制度。")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "No blank" in str(form(app).query_one("#edit-error", Static).visual)
        await _set(pilot, "#edit-text", "认真落实“___”、主题党日等制度，严格党的组织生活。")
        await _set(pilot, "#edit-answer", "")
        await pilot.press("enter")  # Enter in a one-line field saves (and is refused)
        await pilot.pause()
        assert "answer is empty" in str(form(app).query_one("#edit-error", Static).visual)
        await pilot.press("escape")  # Esc closes without saving
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
    assert deck_file.read_bytes() == before


async def test_enter_saves_and_an_unchanged_form_writes_nothing(tmp_path: Path) -> None:
    app = build_app(tmp_path, study=["jianti"])
    deck_file = tmp_path / "decks" / "jianti.yaml"
    before = deck_file.read_bytes()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("space", "e")
        await pilot.pause()
        await pilot.press("enter")  # nothing changed: closed, nothing written
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        assert deck_file.read_bytes() == before
        await pilot.press("e")
        await pilot.pause()
        await _set(pilot, "#edit-answer", "三会一课制度")
        await _set(pilot, "#edit-text", "认真落实“___”、主题党日等，严格党的组织生活。")
        form(app).query_one("#edit-answer", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        card = load_deck(deck_file).card("c-sanhui")
        assert isinstance(card, ClozeCard)
        assert card.sentence == "认真落实“三会一课制度”、主题党日等，严格党的组织生活。"
        assert "三会一课制度" in screen_text(app)
        row = app.store.card("jianti", "c-sanhui")
        assert row is not None and row.answer == "三会一课制度"


async def test_e_needs_the_answer_first_and_a_matching_set_says_where_to_edit(
    tmp_path: Path,
) -> None:
    app = build_app(tmp_path, study=["jianti"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = study(app)
        screen.action_edit()  # `e` itself is a letter of the answer while typing
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen) and "Answer the card first" in notices(app)
        await pilot.press("minus", "minus")  # bury both cloze cards: the matching set
        await pilot.pause()
        assert screen.phase == "playing"
        board = screen.query_one(MatchBoard)
        assert board.round is not None
        for row, item in enumerate(board.round.left):
            await pilot.press(str(row + 1), "abcdef"[board.round.right.index(item)])
        await pilot.pause()
        assert screen.phase == "matched"  # `e` picked an item while playing, if it was one
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        assert "A matching set is edited in its deck file" in notices(app)


async def test_the_form_edits_a_c2_card_and_a_basic_card(tmp_path: Path) -> None:
    app = build_app(tmp_path, which=("shapes",), study=["shapes"])
    deck_file = tmp_path / "decks" / "shapes.yaml"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = study(app)
        assert screen.item is not None and screen.item.card.id == "capital"
        await pilot.press("space", "e")
        await pilot.pause()
        assert form(app).query_one("#edit-text", TextArea).text == "___是{{c2::法国}}的首都。"
        assert form(app).query_one("#edit-hint", Input).value == "a city"
        await _set(pilot, "#edit-accept", "Paris")
        await pilot.press("ctrl+s")
        await pilot.pause()
        deck = load_deck(deck_file)
        assert [c.id for c in deck.cards] == ["capital", "capital-c2", "sum"]
        first = deck.card("capital")
        assert isinstance(first, ClozeCard) and first.accept == ("Paris",)
        await pilot.press("3")  # c2 is its sibling, buried: the basic card is next
        await pilot.pause()
        assert screen.item is not None and screen.item.card.id == "sum"
        await pilot.press("space", "e")
        await pilot.pause()
        labels = [str(label.visual) for label in form(app).query(".edit-label")]
        assert labels[:2] == ["Front", "Back"]
        await _set(pilot, "#edit-text", "What is 2+3?")
        await _set(pilot, "#edit-answer", "5")
        await pilot.press("ctrl+s")
        await pilot.pause()
        card = load_deck(deck_file).card("sum")
        assert isinstance(card, BasicCard) and (card.front, card.back) == ("What is 2+3?", "5")
        assert "What is 2+3?" in screen_text(app)


def bar_flag(app: QuizApp) -> str:
    label = study(app).query_one(SessionBar).query_one("#session-flag")
    return str(label.visual) if label.display else ""


async def test_ctrl_digits_flag_a_card_and_the_same_again_clears(tmp_path: Path) -> None:
    app = build_app(tmp_path, study=["jianti"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+1")  # while typing: the answer box gets nothing
        await pilot.pause()
        assert app.store.card("jianti", "c-sanhui").flag_name == "red"  # type: ignore[union-attr]
        assert bar_flag(app) == "⚑ red" and "⚑ red" in screen_text(app)
        assert study(app).query_one("#answer", Input).value == ""
        await pilot.press("ctrl+3")
        await pilot.pause()
        assert app.store.card("jianti", "c-sanhui").flag_name == "green"  # type: ignore[union-attr]
        await pilot.press("ctrl+3")
        await pilot.pause()
        assert app.store.card("jianti", "c-sanhui").flag == 0  # type: ignore[union-attr]
        assert bar_flag(app) == "" and "Flag cleared" in notices(app)
        await pilot.press("space", "ctrl+2", "ctrl+4")  # after the answer too
        await pilot.pause()
        assert app.store.card("jianti", "c-sanhui").flag_name == "blue"  # type: ignore[union-attr]
        await pilot.press("3")
        await pilot.pause()
        assert bar_flag(app) == ""  # the next card has none


async def test_star_steps_through_the_flags_where_ctrl_digits_never_arrive(
    tmp_path: Path,
) -> None:
    app = build_app(tmp_path, study=["jianti"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        seen = []
        for _ in range(5):
            await pilot.press("asterisk")  # on an empty answer box: the flag key
            await pilot.pause()
            seen.append(app.store.card("jianti", "c-sanhui").flag_name)  # type: ignore[union-attr]
        assert seen == ["red", "orange", "green", "blue", None]
        await pilot.press("a", "asterisk")  # typed into an answer, `*` is a character
        await pilot.pause()
        assert study(app).query_one("#answer", Input).value == "a*"
        assert app.store.card("jianti", "c-sanhui").flag == 0  # type: ignore[union-attr]
        await pilot.press("enter", "asterisk")  # after the answer: the flag key again
        await pilot.pause()
        assert app.store.card("jianti", "c-sanhui").flag_name == "red"  # type: ignore[union-attr]


async def test_the_browser_shows_flags_and_finds_them(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    app.store.set_flag("jianti", "c-yishi", 1)
    app.store.set_flag("fanti", "t-markup", 2)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#browser-cards", DataTable)
        labels = [str(c.label) for c in table.columns.values()]
        flag_column = labels.index("Flag")
        flags = {
            str(table.get_row_at(n)[1]): str(table.get_row_at(n)[flag_column])
            for n in range(table.row_count)
        }
        assert flags["四个意识"] == "⚑1" and flags["確認"] == "⚑2"
        assert flags["三会一课"] == ""
        for query, found in (
            ("flag:red", ["四个意识"]),
            ("flag:2", ["確認"]),
            ("flag:1", ["四个意识"]),
        ):
            search = app.screen.query_one("#browser-search", Input)
            search.focus()
            search.value = query
            await pilot.press("enter")
            await pilot.pause()
            shown = [str(table.get_row_at(n)[1]) for n in range(table.row_count)]
            assert shown == found, query


async def test_an_answer_key_fixed_in_the_form_grades_what_was_typed_again(
    tmp_path: Path,
) -> None:
    app = build_app(tmp_path, study=["jianti"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = study(app)
        await pilot.press(*"三会一课制度", "enter")
        assert screen.suggested == 1 and screen.outcome == "wrong"
        await pilot.press("e")
        await pilot.pause()
        await _set(pilot, "#edit-text", "认真落实“___”、主题党日等，严格党的组织生活。")
        await _set(pilot, "#edit-answer", "三会一课制度")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert (screen.outcome, screen.suggested) == ("right", 3)
        assert "Correct" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert [(r.rating, r.typed) for r in app.store.card_history("jianti", "c-sanhui")] == [
            (3, "三会一课制度")
        ]


async def test_on_a_choice_card_e_waits_for_the_pick_and_then_edits(tmp_path: Path) -> None:
    app = build_app(tmp_path, which=("xuanze",), study=["xuanze"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = study(app)
        assert screen.phase == "choosing" and screen.choice is not None
        await pilot.press("e")  # no fifth option: not a pick, not yet an edit
        await pilot.pause()
        assert screen.phase == "choosing" and isinstance(app.screen, StudyScreen)
        assert "Answer the card first" in notices(app)
        await pilot.press(str(screen.choice.right + 1), "e")
        await pilot.pause()
        assert form(app).query_one("#edit-answer", Input).value == "四个意识"
        await pilot.press("escape")
        await pilot.pause()
        assert screen.phase == "answer"


def test_flags_and_edits_are_search_terms(tmp_path: Path) -> None:
    from dataclasses import replace

    import pytest

    from quiz.config import Config
    from quiz.deck import parse_deck
    from quiz.search import Context, SearchError, parse
    from quiz.store import Store

    deck = parse_deck(
        "title: t\ncards:\n- {id: a, text: '认真落实{{c1::三会一课}}', edited: true}\n"
        "- {id: b, text: '{{c1::四个意识}} 1'}\n",
        name="d",
    )
    with Store.open(tmp_path / "q.db") as store:
        store.sync_deck(deck, now=START)
        store.set_flag("d", "a", 1)
        edited, plain = (store.card("d", cid) for cid in ("a", "b"))
    assert edited is not None and plain is not None
    context = Context.at(START, Config())

    def matches(row: object, query: str) -> bool:
        return parse(query).matches(row, context)  # type: ignore[arg-type]

    for query in ("flag:red", "flag:1", "is:edited", "flag:1 三会一课", "-flag:none"):
        assert matches(edited, query), query
    for query in ("flag:2", "flag:blue", "flag:none"):
        assert not matches(edited, query), query
    # a card whose text holds a 1 is no flag:1, and an unflagged, unedited card is neither
    assert not matches(plain, "flag:1") and not matches(plain, "is:edited")
    assert matches(plain, "flag:none") and matches(replace(plain, flag=4), "flag:blue")
    with pytest.raises(SearchError, match="flag:pink"):
        parse("flag:pink")
