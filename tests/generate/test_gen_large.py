"""Large inputs: a text above the documented size limit is refused at once (before it is
read), and long work reports its steps on stderr while stdout keeps only the result."""

from __future__ import annotations

from pathlib import Path

import pytest

import quiz.commands.generate as generate_command
from quiz.cli import main
from quiz.text.read import MAX_SOURCE_BYTES, ReadError, read_source

SEED = Path(__file__).parents[2] / "seeds" / "000_e348ded4e9286363.txt"


def test_a_source_above_the_limit_is_refused_before_it_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # sparse: the size is what counts, nothing is read
        handle.truncate(MAX_SOURCE_BYTES + 1)
    with pytest.raises(ReadError, match=r"big\.txt: 10\.0 MB is more than quiz reads \(10 MB"):
        read_source(big)
    assert main(["generate", str(big), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "split the text into parts" in err and "reading" not in err
    assert not (tmp_path / "out").exists()


def test_the_limit_is_documented_in_the_readme() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert f"{MAX_SOURCE_BYTES / 1e6:g} MB" in readme


def test_long_work_reports_its_steps_on_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The seed stands for a large file: progress from 0 bytes, a heartbeat every 10 ms.
    monkeypatch.setattr(generate_command, "PROGRESS_FROM_BYTES", 0)
    monkeypatch.setattr(generate_command, "HEARTBEAT_SECONDS", 0.01)
    assert main(["generate", str(SEED), "--out", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert " cloze, " in out and "quiz: " not in out  # results only: no progress line
    steps = [line.split(": ", 2)[2] for line in err.splitlines() if line.startswith("quiz: ")]
    assert steps[0] == f"reading {SEED.stat().st_size / 1e6:.1f} MB …"
    assert "cleaning …" in steps and "making cards …" in steps and "writing …" in steps
    assert any(step.startswith("still ") for step in steps)
    assert steps[-1].startswith("done in ")


def test_small_files_get_no_progress_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["generate", str(SEED), "--out", str(tmp_path)]) == 0
    assert "quiz: " not in capsys.readouterr().err
