"""`quiz optimize` on a real collection database and a real config file: it reads the log
(cram and undone answers left out), prints the figures before and after, writes the
parameters where the scheduler reads them (keeping the rest of the file), and `quiz stats`
then says which parameters are in use."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from fsrs_synth import DEFAULT

from quiz.cli import main
from quiz.config import load_config, parameters_source
from quiz.optimize import MIN_REVIEWS
from quiz.srs import Scheduler
from quiz.store import Store, fsrs_log

NOW = "2026-12-03T10:00:00+00:00"
CONFIG = """# my settings
[limits]
new_per_day = 30   # more than Anki's

[scheduling]
desired_retention = 0.85
"""


@pytest.fixture
def config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(CONFIG, encoding="utf-8")
    monkeypatch.setenv("QUIZ_CONFIG", str(path))
    return path


def test_optimize_writes_the_parameters_the_scheduler_then_uses(
    make_log_db: Callable[..., Path], config_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = make_log_db(1500, cram=25)
    assert main(["--db", str(db), "optimize", "--now", NOW]) == 0
    out = capsys.readouterr().out
    assert "in use (default)" in out and "optimised now" in out
    before, after = (
        float(line.split()[-2]) for line in out.splitlines() if line.startswith(("in use", "opt"))
    )
    assert after < before
    text = config_file.read_text(encoding="utf-8")
    assert text.startswith("# my settings\n[limits]\nnew_per_day = 30   # more than Anki's")
    data = tomllib.loads(text)
    weights = data["scheduling"]["fsrs_parameters"]
    assert len(weights) == 21 and tuple(weights) != DEFAULT
    assert data["scheduling"]["desired_retention"] == 0.85
    config = load_config()
    assert config.fsrs_parameters == tuple(weights)
    source, record = parameters_source(config)
    assert source == "optimized" and record is not None
    assert record.at.isoformat() == "2026-12-03T10:00:00+00:00"
    assert record.reviews > MIN_REVIEWS and record.decks == ()
    assert Scheduler(config).fsrs_scheduler.parameters == tuple(weights)

    assert main(["--db", str(db), "stats", "--json", "--now", NOW]) == 0
    shown = json.loads(capsys.readouterr().out)["fsrs"]
    assert shown == {
        "source": "optimized",
        "at": "2026-12-03T10:00:00+00:00",
        "reviews": record.reviews,
        "cards": record.cards,
        "decks": [],
    }
    assert main(["--db", str(db), "stats", "--now", NOW]) == 0
    assert f"optimised on 2026-12-03 from {record.reviews:,} reviews" in capsys.readouterr().out


def test_cram_and_undone_answers_are_left_out(
    make_log_db: Callable[..., Path], tmp_path: Path
) -> None:
    db = make_log_db(600, cram=40)
    with Store.open(db) as store:
        rows = list(fsrs_log.answers(store, day_starts_at=4))
        assert fsrs_log.answer_count(store) == len(rows)
        kinds = dict(store._db.query("SELECT kind, count(*) FROM review_log GROUP BY kind"))
    assert kinds["cram"] == 40 and kinds["undo"] > 0
    answered = sum(n for kind, n in kinds.items() if kind in ("learn", "review", "relearn"))
    assert len(rows) == answered - kinds["undo"]


def test_a_dry_run_writes_nothing(
    make_log_db: Callable[..., Path], config_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = make_log_db(800)
    assert main(["--db", str(db), "optimize", "--dry-run", "--now", NOW]) == 0
    assert "--dry-run: nothing written" in capsys.readouterr().out
    assert config_file.read_text(encoding="utf-8") == CONFIG


def test_a_short_log_is_refused_and_says_how_many_more(
    make_log_db: Callable[..., Path], config_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = make_log_db(30)
    assert main(["--db", str(db), "optimize"]) == 1
    err = capsys.readouterr().err
    assert f"quiz: {db}: not enough reviews to optimise" in err and " more " in err
    assert config_file.read_text(encoding="utf-8") == CONFIG


def test_unknown_deck_and_missing_database_are_clear_errors(
    make_log_db: Callable[..., Path],
    config_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = make_log_db(100)
    assert main(["--db", str(db), "optimize", "nosuch"]) == 1
    assert "no deck named nosuch (decks: synth)" in capsys.readouterr().err
    assert main(["--db", str(tmp_path / "none.db"), "optimize"]) == 1
    assert "no collection database yet" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()
    assert config_file.read_text(encoding="utf-8") == CONFIG


def test_a_broken_config_is_reported_and_left_alone(
    make_log_db: Callable[..., Path], config_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = make_log_db(800)
    config_file.write_text("[scheduling\n", encoding="utf-8")
    assert main(["--db", str(db), "optimize"]) == 1
    assert f"{config_file}: invalid TOML" in capsys.readouterr().err
    assert config_file.read_text(encoding="utf-8") == "[scheduling\n"


def test_weights_edited_by_hand_are_not_called_optimised(
    make_log_db: Callable[..., Path], config_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = make_log_db(800)
    assert main(["--db", str(db), "optimize", "--now", NOW]) == 0
    text = config_file.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    first = data["scheduling"]["fsrs_parameters"][0]
    config_file.write_text(text.replace(f"[{first}, ", "[0.5, ", 1), encoding="utf-8")
    assert parameters_source(load_config())[0] == "config"
    assert main(["--db", str(db), "stats", "--json", "--now", NOW]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["fsrs"] == {"source": "config"}


def test_optimize_is_listed_in_quiz_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "optimize" in capsys.readouterr().out
