"""A config file the user named (QUIZ_CONFIG) that does not exist is reported, not silently
replaced by the defaults; the default path missing stays silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.config import Config, load_config


def test_a_missing_file_named_by_quiz_config_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "nonexistent.toml"
    monkeypatch.setenv("QUIZ_CONFIG", str(missing))
    told: list[str] = []
    assert load_config(warn=told.append) == Config()
    assert told == [
        f"quiz: {missing}: no such config file (QUIZ_CONFIG); using the default settings"
    ]


def test_the_warning_goes_to_stderr_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QUIZ_CONFIG", str(tmp_path / "typo.toml"))
    load_config()
    captured = capsys.readouterr()
    assert captured.out == "" and "typo.toml: no such config file" in captured.err


def test_the_default_path_missing_is_silent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("QUIZ_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))  # no quiz/config.toml there
    told: list[str] = []
    assert load_config(warn=told.append) == Config()
    assert load_config(tmp_path / "given.toml", warn=told.append) == Config()  # a caller's path
    assert told == [] and capsys.readouterr().err == ""


def test_an_existing_named_file_is_read_without_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "quiz.toml"
    path.write_text("[limits]\nnew_per_day = 5\n", "utf-8")
    monkeypatch.setenv("QUIZ_CONFIG", str(path))
    told: list[str] = []
    assert load_config(warn=told.append).new_per_day == 5 and told == []
