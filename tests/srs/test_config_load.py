"""Config: Anki's defaults, TOML loading, and errors that name the file and the key."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import fsrs
import pytest

from quiz.config import Config, ConfigError, load_config, parse_duration


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_are_ankis() -> None:
    config = Config()
    assert config.desired_retention == 0.9
    assert config.learning_steps == (timedelta(minutes=1), timedelta(minutes=10))
    assert config.relearning_steps == (timedelta(minutes=10),)
    assert config.maximum_interval == 36500
    assert config.enable_fuzzing is True
    assert (config.new_per_day, config.reviews_per_day) == (20, 200)
    assert config.day_starts_at == 4
    assert config.leech_threshold == 8
    assert config.leech_action == "suspend"
    assert config.bury_siblings is True
    assert config.learn_ahead == timedelta(minutes=20)
    assert config.choice == "new"  # a new card's first showing is a choice of four
    assert config.fsrs_parameters is None
    assert config.timezone is not None


def test_config_is_frozen() -> None:
    config = Config()
    with pytest.raises(AttributeError):
        config.new_per_day = 5  # type: ignore[misc]


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    loaded = load_config(tmp_path / "nowhere" / "config.toml")
    assert loaded == Config(timezone=loaded.timezone)


def test_default_path_comes_from_quiz_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "[limits]\nnew_per_day = 7\n")
    monkeypatch.setenv("QUIZ_CONFIG", str(path))
    assert load_config().new_per_day == 7


def test_full_file_is_read(tmp_path: Path) -> None:
    params = list(fsrs.scheduler.DEFAULT_PARAMETERS)
    params[0] = 0.5
    path = write(
        tmp_path,
        f"""
[scheduling]
desired_retention = 0.85
learning_steps = ["30s", "5m", "1h"]
relearning_steps = [15]
maximum_interval = 365
enable_fuzzing = false
fsrs_parameters = {params}

[limits]
new_per_day = 5
reviews_per_day = 50

[study]
day_starts_at = 0
leech_threshold = 4
leech_action = "tag"
bury_siblings = false
learn_ahead_minutes = 0
timezone = "Asia/Shanghai"
choice = "always"
""",
    )
    config = load_config(path)
    assert config.desired_retention == 0.85
    assert config.learning_steps == (
        timedelta(seconds=30),
        timedelta(minutes=5),
        timedelta(hours=1),
    )
    assert config.relearning_steps == (timedelta(minutes=15),)
    assert config.maximum_interval == 365
    assert config.enable_fuzzing is False
    assert config.fsrs_parameters == tuple(params)
    assert (config.new_per_day, config.reviews_per_day) == (5, 50)
    assert config.day_starts_at == 0
    assert config.leech_threshold == 4
    assert config.leech_action == "tag"
    assert config.bury_siblings is False
    assert config.learn_ahead == timedelta(0)
    assert config.choice == "always"
    assert config.timezone == ZoneInfo("Asia/Shanghai")


def test_empty_learning_steps_are_allowed(tmp_path: Path) -> None:
    assert load_config(write(tmp_path, "[scheduling]\nlearning_steps = []\n")).learning_steps == ()


@pytest.mark.parametrize(
    ("text", "key", "what"),
    [
        ("[scheduling]\ndesired_retention = 1.5\n", "desired_retention", "out of range"),
        ("[scheduling]\ndesired_retention = 'high'\n", "desired_retention", "expected a number"),
        ("[scheduling]\nlearning_steps = '1m'\n", "learning_steps", "list of durations"),
        ("[scheduling]\nlearning_steps = ['1 fortnight']\n", "learning_steps", "not a duration"),
        ("[scheduling]\nlearning_steps = ['0m']\n", "learning_steps", "longer than zero"),
        ("[scheduling]\nmaximum_interval = 0\n", "maximum_interval", "out of range"),
        ("[scheduling]\nenable_fuzzing = 'yes'\n", "enable_fuzzing", "true or false"),
        ("[scheduling]\nfsrs_parameters = [1, 2]\n", "fsrs_parameters", "expected 21 numbers"),
        ("[limits]\nnew_per_day = -1\n", "new_per_day", "out of range"),
        ("[limits]\nreviews_per_day = 2.5\n", "reviews_per_day", "whole number"),
        ("[study]\nday_starts_at = 24\n", "day_starts_at", "out of range"),
        ("[study]\nleech_threshold = 0\n", "leech_threshold", "out of range"),
        ("[study]\nleech_action = 'delete'\n", "leech_action", "'suspend' or 'tag'"),
        ("[study]\nbury_siblings = 1\n", "bury_siblings", "true or false"),
        ("[study]\nchoice = 'sometimes'\n", "choice", "'new', 'always' or 'never'"),
        ("[study]\ntimezone = 'Mars/Olympus'\n", "timezone", "unknown time zone"),
        ("[study]\nnew_per_day = 3\n", "new_per_day", "unknown key"),
        ("[limits]\nnew_cards = 3\n", "new_cards", "unknown key"),
    ],
)
def test_bad_values_name_file_key_and_problem(
    tmp_path: Path, text: str, key: str, what: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert str(path) in message
    assert key in message
    assert what in message


def test_fsrs_parameters_out_of_bounds_are_rejected(tmp_path: Path) -> None:
    params = list(fsrs.scheduler.DEFAULT_PARAMETERS)
    params[4] = 50.0
    path = write(tmp_path, f"[scheduling]\nfsrs_parameters = {params}\n")
    with pytest.raises(ConfigError, match=r"fsrs_parameters: .*parameters\[4\] = 50.0"):
        load_config(path)


def test_unknown_table_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "[display]\ntheme = 'dark'\n")
    with pytest.raises(ConfigError, match=r"unknown table \[display\]"):
        load_config(path)


def test_every_problem_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "[limits]\nnew_per_day = -1\nreviews_per_day = -1\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert "new_per_day" in str(caught.value) and "reviews_per_day" in str(caught.value)


def test_invalid_toml_names_the_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "[limits]\nnew_per_day = = 3\n")
    with pytest.raises(ConfigError, match=r"invalid TOML.*line 2") as caught:
        load_config(path)
    assert str(path) in str(caught.value)


def test_binary_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(path)


def test_a_folder_in_place_of_the_file_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "config.toml"
    folder.mkdir()
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(folder)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30s", timedelta(seconds=30)),
        ("10m", timedelta(minutes=10)),
        ("1.5h", timedelta(minutes=90)),
        ("2d", timedelta(days=2)),
        ("25", timedelta(minutes=25)),
        (10, timedelta(minutes=10)),
        (0.5, timedelta(seconds=30)),
    ],
)
def test_parse_duration(text: str | float, expected: timedelta) -> None:
    assert parse_duration(text) == expected


def test_local_timezone_follows_tz(monkeypatch: pytest.MonkeyPatch) -> None:
    from quiz.config import local_timezone

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    assert local_timezone() == ZoneInfo("Asia/Shanghai")
    monkeypatch.setenv("TZ", "Not/AZone")
    moment = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
    local = moment.astimezone(local_timezone())  # falls back to the machine's zone
    assert local == moment and isinstance(local.utcoffset(), timedelta)


def test_the_readme_example_is_a_valid_config(tmp_path: Path) -> None:
    import re

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(.*?)```", readme, re.S)
    assert example is not None, "README.md shows an example config.toml"
    config = load_config(write(tmp_path, example.group(1)))
    assert config == Config(timezone=ZoneInfo("Asia/Shanghai"))
