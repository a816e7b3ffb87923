"""`quiz generate` and `quiz check` end to end: real files, real output, every bad input."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.deck import load_deck

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_e348ded4e9286363.txt"
DECK = ROOT / "decks" / "000_e348ded4e9286363.yaml"


def test_generate_regenerates_the_committed_deck(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds" / SEED.name)
    monkeypatch.chdir(tmp_path)
    assert main(["generate"]) == 0
    out, err = capsys.readouterr()
    # the result on stdout, the cleaner's note about it on stderr
    assert "seeds/000_e348ded4e9286363.txt -> decks/000_e348ded4e9286363.yaml:" in out
    assert " cloze, " in out and "433 pinyin" in err and "pinyin" not in out
    written = tmp_path / "decks" / DECK.name
    assert written.read_bytes() == DECK.read_bytes()
    assert main(["generate"]) == 0
    assert written.read_bytes() == DECK.read_bytes()


def test_generate_verbose_lists_changes_with_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["generate", str(SEED), "--out", str(tmp_path), "-v"]) == 0
    out = capsys.readouterr().err
    assert out.count("\n") > 20


def test_generate_script_option(tmp_path: Path) -> None:
    assert main(["generate", str(SEED), "--out", str(tmp_path), "--script", "simplified"]) == 0
    deck = load_deck(tmp_path / DECK.name)
    assert deck.title == "抓基层打基础 锻造党的坚强组织体系"


BAD_INPUTS = {
    "empty.txt": b"",
    "binary.txt": b"\x00\x01\x02\x03\x89PNG\r\n\x1a\n" * 20,
    "undecodable.txt": bytes(range(0x80, 0x100)) * 4,
}


@pytest.mark.parametrize("name", [*BAD_INPUTS, "missing.txt"])
def test_bad_input_is_one_line_exit_1_and_nothing_written(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / name
    if name in BAD_INPUTS:
        source.write_bytes(BAD_INPUTS[name])
    out_dir = tmp_path / "out"
    assert main(["generate", str(source), "--out", str(out_dir)]) == 1
    err = capsys.readouterr().err
    first = err.splitlines()[0]
    assert first.startswith("quiz: ") and name in first
    assert "Traceback" not in err
    assert not out_dir.exists() or not any(out_dir.iterdir())


def test_good_files_are_written_when_another_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    out_dir = tmp_path / "out"
    assert main(["generate", str(bad), str(SEED), "--out", str(out_dir)]) == 1
    assert [p.name for p in out_dir.iterdir()] == [DECK.name]
    assert "1 file(s) failed" in capsys.readouterr().err


def test_text_without_cards_says_why(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "plain.txt"
    source.write_text("just some words here.\n", encoding="utf-8")
    assert main(["generate", str(source), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "no cards" in err and "no Chinese" in err
    assert not (tmp_path / "out").exists()


# --------------------------------------------------------------------------- check

GOOD = """title: 小测
cards:
  - id: a1
    type: cloze
    text: 认真落实“{{c1::三会一课}}”制度
  - type: match
    prompt: 配对
    pairs:
      - [甲, 一]
      - [乙, 二]
      - [丙, 三]
"""

BROKEN = {
    "yaml.yaml": ("title: [unclosed\n", "invalid YAML"),
    "types.yaml": ("title: 小测\ncards:\n  - type: cloze\n    text: 1\n    line: -3\n", "line"),
    "noblank.yaml": ("title: t\ncards:\n  - text: 没有空格\n", "found none"),
    "twoblanks.yaml": (
        "title: t\ncards:\n  - text: '{{c1::甲}}和{{c1::乙}}'\n",
        "c1 appears twice",
    ),
    "dupes.yaml": (
        "title: t\ncards:\n  - id: x\n    text: '{{c1::甲}}乙'\n"
        "  - id: x\n    text: '{{c1::丙}}丁'\n",
        "duplicate card id",
    ),
    "empty.yaml": ("", "empty file"),
}


def test_check_accepts_good_decks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(GOOD, encoding="utf-8")
    assert main(["check", str(good), str(DECK)]) == 0
    out = capsys.readouterr().out
    assert f"{good}: ok: 2 cards" in out and "ok:" in out.splitlines()[1]


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_check_reports_file_line_and_never_a_traceback(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text, expected = BROKEN[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{path}")
    assert expected in err and "Traceback" not in err
    if name not in {"empty.yaml"}:
        assert f"{path}:" in err and any(ch.isdigit() for ch in err.split(":")[1])


def test_check_binary_and_missing_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    binary = tmp_path / "deck.yaml"
    binary.write_bytes(b"\x00\xff\xfe" * 10)
    good = tmp_path / "good.yaml"
    good.write_text(GOOD, encoding="utf-8")
    assert main(["check", str(binary), str(tmp_path / "nope.yaml"), str(good)]) == 1
    captured = capsys.readouterr()
    assert str(binary) in captured.err and "nope.yaml" in captured.err
    assert "ok: 2 cards" in captured.out


FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    ("fixture", "encoding"),
    [
        ("report_regional.txt", "gb18030"),
        ("report_regional.txt", "utf-16"),
        ("news_traditional.txt", "big5"),
        ("news_traditional.txt", "utf-8-sig"),
    ],
)
def test_encodings_give_the_same_cards(fixture: str, encoding: str, tmp_path: Path) -> None:
    source = FIXTURES / fixture
    encoded = tmp_path / "in" / fixture
    encoded.parent.mkdir()
    encoded.write_bytes(source.read_text(encoding="utf-8").encode(encoding))
    assert main(["generate", str(source), "--out", str(tmp_path / "a")]) == 0
    assert main(["generate", str(encoded), "--out", str(tmp_path / "b")]) == 0
    stem = source.stem + ".yaml"
    first, second = load_deck(tmp_path / "a" / stem), load_deck(tmp_path / "b" / stem)
    assert first.cards == second.cards and first.title == second.title


def test_generate_reports_what_it_kept_and_all_keeps_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(SEED, tmp_path / SEED.name)
    monkeypatch.chdir(tmp_path)
    assert main(["generate", SEED.name, "--out", "capped", "-v"]) == 0
    out = capsys.readouterr().out
    found = re.search(
        r"found (\d+) candidates, kept (\d+) \([\d.]+ per 1,000 characters\), "
        r"left out (\d+): ",
        out,
    )
    assert found, out
    total, kept, left = map(int, found.groups())
    assert kept + left == total and left > 0
    assert out.count("left out (") == left  # -v lists every card left out, with its reason
    assert main(["generate", SEED.name, "--out", "all", "--all"]) == 0
    out = capsys.readouterr().out
    assert f"found {total} candidates, kept {total} " in out
    capped = load_deck(tmp_path / "capped" / f"{SEED.stem}.yaml")
    every = load_deck(tmp_path / "all" / f"{SEED.stem}.yaml")
    assert {c.id for c in capped} < {c.id for c in every}
