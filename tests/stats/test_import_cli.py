"""`quiz import` writes a valid YAML deck (checked with load_deck), refuses to clobber,
and reports bad files by file and line without a traceback or a half-written deck."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from quiz.deck import BasicCard, ClozeCard, load_deck

ANKI_TEXT = """#separator:tab
#html:false
#notetype column:1
#tags column:4
Cloze\t认真落实“{{c1::三会一课}}”\t\tformula
Cloze\t堅持{{c1::縱向到底}}，實現全覆蓋\t\t
Basic\t完善组织之“形”\t建起来变强起来\t
Basic\t铸牢思想之“魂”\t走形式变下功夫\t
"""


def _quiz(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args], capture_output=True, text=True, cwd=cwd
    )


def test_import_writes_a_loadable_deck_into_decks(tmp_path: Path) -> None:
    source = tmp_path / "from anki.txt"
    source.write_text(ANKI_TEXT, encoding="utf-8")
    result = _quiz("import", str(source), "--deck", "policy", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    deck = load_deck(tmp_path / "decks" / "policy.yaml")
    assert deck.name == "policy" and deck.title == "policy"
    cloze = [c for c in deck.cards if isinstance(c, ClozeCard)]
    basic = [c for c in deck.cards if isinstance(c, BasicCard)]
    assert [c.answer for c in cloze] == ["三会一课", "縱向到底"]
    assert cloze[0].tags == ("formula",)
    assert [(c.front, c.back) for c in basic] == [
        ("完善组织之“形”", "建起来变强起来"),
        ("铸牢思想之“魂”", "走形式变下功夫"),
    ]
    again = _quiz("import", str(source), "--deck", "policy", cwd=tmp_path)
    assert again.returncode == 1 and "--force" in again.stderr
    assert _quiz("import", str(source), "--deck", "policy", "--force", cwd=tmp_path).returncode == 0


def test_export_csv_then_import_round_trips_through_the_cli(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text(ANKI_TEXT, encoding="utf-8")
    assert _quiz("import", str(source), "--deck", "a", cwd=tmp_path).returncode == 0
    exported = _quiz("export", "csv", "a", "-o", "a.txt", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert _quiz("import", "a.txt", "--deck", "b", cwd=tmp_path).returncode == 0
    first, second = load_deck(tmp_path / "decks/a.yaml"), load_deck(tmp_path / "decks/b.yaml")
    assert [c.to_dict() for c in first.cards] == [c.to_dict() for c in second.cards]


def test_bad_file_names_file_and_line_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("#separator:tab\nq1\ta1\nq2\n", encoding="utf-8")
    result = _quiz("import", str(bad), cwd=tmp_path)
    assert result.returncode == 1
    assert f"{bad}:3:" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "decks").exists()
