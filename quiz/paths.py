"""Where things live: the database, the config file, the decks and seeds of a collection.

`--db PATH` beats `QUIZ_DB`, which beats the platform's user data directory.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "quiz"


def default_db_path() -> Path:
    """The collection database: `$QUIZ_DB`, else `<user data dir>/quiz/quiz.db`."""
    env = os.environ.get("QUIZ_DB")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "quiz.db"


def resolve_db_path(cli_value: str | os.PathLike[str] | None) -> Path:
    """The database path for this run: the command-line value when given."""
    if cli_value:
        return Path(cli_value).expanduser()
    return default_db_path()


def config_path() -> Path:
    """The config file: `$QUIZ_CONFIG`, else `<user config dir>/quiz/config.toml`."""
    env = os.environ.get("QUIZ_CONFIG")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return platformdirs.user_config_path(APP_NAME, appauthor=False) / "config.toml"


def decks_dir(root: Path | None = None) -> Path:
    """The deck folder of the collection in `root` (the working directory by default)."""
    return (root or Path.cwd()) / "decks"


def seeds_dir(root: Path | None = None) -> Path:
    """The source-text folder of the collection in `root` (the working directory by default)."""
    return (root or Path.cwd()) / "seeds"
