"""Issue 11, item 8: `r` also re-reads decks/, the deck table says Retention, a YAML
error for an unquoted `: ` says to quote, one lapse is "1 lapse", and `quiz export`
says where it looked for a deck."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tui_support import build_app, screen_text

from quiz.deck import DeckError, parse_deck
from quiz.tui.screens.home import HomeScreen
from quiz.tui.widgets.deck_table import DeckTable

EXTRA = """\
title: A deck added while the app runs
cards:
  - text: "Water is {{c1::H2O}}."
"""


async def test_r_re_reads_decks_added_to_the_folder(tmp_path: Path) -> None:
    app = build_app(tmp_path, which=("jianti",))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Retention" in screen_text(app) and "Kept" not in screen_text(app)
        (tmp_path / "decks" / "extra.yaml").write_text(EXTRA, encoding="utf-8")
        (tmp_path / "decks" / "broken.yaml").write_text("title: [\n", encoding="utf-8")
        await pilot.press("r")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        table = app.screen.query_one(DeckTable)
        assert "extra" in [str(key.value) for key in table.rows]
        assert "A deck added while the app runs" in screen_text(app)
        assert app.store.card("extra", parse_deck(EXTRA, name="extra").cards[0].id) is not None
        warnings = " ".join(str(n.message) for n in app._notifications)
        assert "broken.yaml:" in warnings, "a bad file is named, not a crash"


def test_an_unquoted_colon_says_to_quote_the_text_with_its_line() -> None:
    text = "title: t\ncards:\n  - text: 落实{{c1::三会一课}}: 主题党日\n"
    with pytest.raises(DeckError) as caught:
        parse_deck(text, name="d")
    message = str(caught.value)
    assert message.startswith("<d>:3: ") and "quote the text" in message
    assert "mapping values are not allowed" not in message


def test_export_from_elsewhere_says_where_it_looked_and_takes_a_path(tmp_path: Path) -> None:
    deck = tmp_path / "project" / "decks" / "mine.yaml"
    deck.parent.mkdir(parents=True)
    deck.write_text(EXTRA, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    def quiz(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "quiz", *args], capture_output=True, text=True, cwd=elsewhere
        )

    missing = quiz("export", "anki", "mine")
    assert missing.returncode == 1
    assert f"looked for {elsewhere / 'mine'}" in missing.stderr
    assert str(elsewhere / "decks" / "mine.yaml") in missing.stderr
    assert "Traceback" not in missing.stderr
    by_path = quiz("export", "anki", str(deck.with_suffix("")), "-o", "out.apkg")
    assert by_path.returncode == 0, by_path.stderr
    assert (elsewhere / "out.apkg").stat().st_size > 0
