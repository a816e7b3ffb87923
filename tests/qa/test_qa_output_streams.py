"""One output convention for every command: what a command produced (files written,
reports, data) goes to stdout; progress, notes about the result and errors go to stderr.
So `quiz X > file` keeps the results and the terminal still shows the notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.cli import main

SOURCE = "认真落实“三会一课”制度，严格党的组织生活。\n坚持“四个意识”，做到“两个维护”。\n"


@pytest.fixture
def collection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("QUIZ_DB", str(tmp_path / "quiz.db"))
    monkeypatch.delenv("QUIZ_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "t.txt").write_text(SOURCE + "手机版\n", encoding="utf-8")
    return tmp_path


def _run(capsys: pytest.CaptureFixture[str], *argv: str, code: int = 0) -> tuple[str, str]:
    assert main(list(argv)) == code
    captured = capsys.readouterr()
    return captured.out, captured.err


def test_every_command_puts_results_on_stdout_and_notes_on_stderr(
    collection: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, err = _run(capsys, "generate")
    assert out.startswith("seeds/t.txt -> decks/t.yaml: ") and "cleaned" not in out
    assert "cleaned: " in err
    out, err = _run(capsys, "check")
    assert out.startswith("decks/t.yaml: ok: ") and err == ""
    out, err = _run(capsys, "sync")
    assert out.startswith("decks/t.yaml: ") and "added" in out and err == ""
    out, err = _run(capsys, "stats")
    assert out and err == ""
    out, err = _run(capsys, "stats", "--csv", "log.csv")
    assert "review log written to log.csv" in out and err == ""
    out, err = _run(capsys, "export", "anki", "t")
    assert out.startswith("t.apkg: ") and err == ""
    assert (collection / "t.apkg").is_file()
    out, err = _run(capsys, "export", "csv", "t", "-o", "t.txt")
    assert out.startswith("t.txt: ") and err == ""
    out, err = _run(capsys, "export", "csv", "t")
    assert out.startswith("#separator:") and err == ""  # the data itself
    out, err = _run(capsys, "import", "t.txt", "--deck", "back")
    assert out.endswith("decks/back.yaml: written from t.txt\n") and err == ""


def test_errors_go_to_stderr_only(collection: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, err = _run(capsys, "export", "anki", "nope", code=1)
    assert out == "" and err.startswith("quiz: ")
    out, err = _run(capsys, "check", "nope.yaml", code=1)
    assert out == "" and "nope.yaml" in err


def test_export_anki_help_says_where_the_file_goes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "default ./<deck name>.apkg in the current folder" in text
