"""Study settings: Anki's scheduling defaults, daily limits and the local day boundary,
read from a TOML file (`[scheduling]`, `[limits]`, `[study]`) with file-naming errors.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from quiz.errors import QuizError

LeechAction = Literal["suspend", "tag"]
ChoiceMode = Literal["new", "always", "never"]

FSRS_PARAMETER_COUNT = 21
MAX_INTERVAL_LIMIT = 36500
CONFIG_ENV = "QUIZ_CONFIG"
"""The environment variable naming the config file (see `quiz.paths.config_path`)."""


class ConfigError(QuizError):
    """A config file that cannot be used; the message names the file and the key."""


def local_timezone() -> tzinfo:
    """The machine's time zone, with its daylight-saving rules when they can be found.

    Tries `$TZ`, then the zone `/etc/localtime` points at, then that file's rules, and
    falls back to the current fixed UTC offset.
    """
    name = os.environ.get("TZ", "").lstrip(":")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    localtime = Path("/etc/localtime")
    try:
        target = str(localtime.resolve())
        if "/zoneinfo/" in target:
            return ZoneInfo(target.split("/zoneinfo/", 1)[1])
        with localtime.open("rb") as handle:
            return ZoneInfo.from_file(handle, key="localtime")
    except (OSError, ValueError, ZoneInfoNotFoundError):
        pass
    return datetime.now().astimezone().tzinfo or ZoneInfo("UTC")


@dataclass(frozen=True, slots=True)
class Optimized:
    """What `quiz optimize` records beside the parameters it writes (`[scheduling]
    fsrs_optimized`): when, from how many reviews of how many cards and which decks (empty:
    all), the fit's log loss and RMSE, and a digest of the parameters it wrote, so that
    weights edited by hand afterwards are not taken for the optimised ones."""

    at: datetime
    reviews: int
    cards: int
    decks: tuple[str, ...]
    log_loss: float
    rmse: float
    digest: str


@dataclass(frozen=True, slots=True)
class Config:
    """Everything a study session needs to know besides the cards.

    The defaults are Anki's: FSRS with 90% desired retention, learning steps of 1 and 10
    minutes, one 10-minute relearning step, 20 new cards and 200 reviews a day, a day that
    starts at 04:00 local time, siblings buried, leeches at 8 lapses (tagged and suspended).
    """

    desired_retention: float = 0.9
    learning_steps: tuple[timedelta, ...] = (timedelta(minutes=1), timedelta(minutes=10))
    relearning_steps: tuple[timedelta, ...] = (timedelta(minutes=10),)
    maximum_interval: int = MAX_INTERVAL_LIMIT
    enable_fuzzing: bool = True
    fsrs_parameters: tuple[float, ...] | None = None
    fsrs_optimized: Optimized | None = None
    new_per_day: int = 20
    reviews_per_day: int = 200
    day_starts_at: int = 4
    leech_threshold: int = 8
    leech_action: LeechAction = "suspend"
    bury_siblings: bool = True
    learn_ahead: timedelta = timedelta(minutes=20)
    max_answer_seconds: int = 60
    """The longest time one answer is credited with (Anki's "maximum answer seconds"):
    a card left on screen is stored and counted as this much; the study timer also
    pauses after this long without a key, and while the terminal has lost focus."""
    choice: ChoiceMode = "new"
    """When a cloze card is asked as a choice of four: on its first showing ("new", the
    default: recognition before recall), "always", or "never" (always typed)."""
    timezone: tzinfo = field(default_factory=local_timezone)


def parameters_digest(parameters: Sequence[float]) -> str:
    """A short check of a set of parameters as written to the config (four decimals), so
    that the record of an optimisation is believed only for the parameters it wrote."""
    text = ",".join(f"{float(w):.4f}" for w in parameters)
    return hashlib.blake2b(text.encode(), digest_size=6).hexdigest()


ParametersSource = Literal["default", "optimized", "config"]


def parameters_source(config: Config) -> tuple[ParametersSource, Optimized | None]:
    """Which FSRS parameters the scheduler uses: FSRS's defaults, the ones `quiz optimize`
    wrote (with its record), or weights typed into the config file."""
    if config.fsrs_parameters is None:
        return "default", None
    record = config.fsrs_optimized
    if record is not None and record.digest == parameters_digest(config.fsrs_parameters):
        return "optimized", record
    return "config", None


# --------------------------------------------------------------------------- loading

_Parser = Callable[[Any], Any]


def _steps(value: Any) -> tuple[timedelta, ...]:
    if not isinstance(value, list):
        raise ValueError('expected a list of durations such as ["1m", "10m"]')
    steps = tuple(parse_duration(item) for item in value)
    if any(step <= timedelta(0) for step in steps):
        raise ValueError("every step must be longer than zero")
    return steps


_DURATION_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "": 60}


def parse_duration(value: Any) -> timedelta:
    """A step such as `"30s"`, `"10m"`, `"1h"`, `"2d"`, or a bare number of minutes (Anki's)."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a duration")
    if isinstance(value, int | float):
        return timedelta(minutes=value)
    if isinstance(value, str):
        found = _DURATION_RE.match(value.lower())
        if found:
            return timedelta(seconds=float(found.group(1)) * _UNIT_SECONDS[found.group(2)])
    raise ValueError(f"{value!r} is not a duration (use e.g. 30s, 10m, 1h, 2d)")


def _number(low: float, high: float, *, exclusive: bool = False) -> _Parser:
    def parse(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"expected a number, not {value!r}")
        inside = low < value < high if exclusive else low <= value <= high
        if not inside:
            bounds = f"between {low} and {high}" + (" (exclusive)" if exclusive else "")
            raise ValueError(f"{value} is out of range: must be {bounds}")
        return float(value)

    return parse


def _whole(low: int, high: int) -> _Parser:
    def parse(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"expected a whole number, not {value!r}")
        if not low <= value <= high:
            raise ValueError(f"{value} is out of range: must be from {low} to {high}")
        return value

    return parse


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, not {value!r}")
    return value


def _timezone(value: Any) -> tzinfo:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("expected a time zone name such as 'Asia/Shanghai'")
    try:
        return ZoneInfo(value.strip())
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {value!r}") from exc


def _leech_action(value: Any) -> LeechAction:
    if value == "suspend":
        return "suspend"
    if value == "tag":
        return "tag"
    raise ValueError(f"expected 'suspend' or 'tag', not {value!r}")


def _choice(value: Any) -> ChoiceMode:
    if value == "new":
        return "new"
    if value == "always":
        return "always"
    if value == "never":
        return "never"
    raise ValueError(f"expected 'new', 'always' or 'never', not {value!r}")


def _minutes(value: Any) -> timedelta:
    return timedelta(minutes=_number(0, 24 * 60)(value))


def _fsrs_parameters(value: Any) -> tuple[float, ...]:
    if not isinstance(value, list) or not all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in value
    ):
        raise ValueError("expected a list of numbers (the FSRS model weights)")
    if len(value) != FSRS_PARAMETER_COUNT:
        raise ValueError(f"expected {FSRS_PARAMETER_COUNT} numbers, found {len(value)}")
    import fsrs

    try:
        fsrs.Scheduler(parameters=value)
    except ValueError as exc:
        raise ValueError(" ".join(str(exc).split())) from exc
    return tuple(float(v) for v in value)


_OPTIMIZED_KEYS = ("at", "reviews", "cards", "decks", "log_loss", "rmse", "digest")


def _fsrs_optimized(value: Any) -> Optimized:
    if not isinstance(value, Mapping):
        raise ValueError("expected a table written by `quiz optimize`")
    unknown = sorted(set(value) - set(_OPTIMIZED_KEYS))
    missing = [key for key in _OPTIMIZED_KEYS if key not in value]
    if unknown or missing:
        what = [f"unknown {', '.join(unknown)}"] if unknown else []
        what += [f"missing {', '.join(missing)}"] if missing else []
        raise ValueError(f"{'; '.join(what)} (expected {', '.join(_OPTIMIZED_KEYS)})")
    at = value["at"]
    if not isinstance(at, datetime) or at.tzinfo is None:
        raise ValueError("at: expected a date and time with its offset (1979-05-27T07:32:00Z)")
    decks = value["decks"]
    if not isinstance(decks, list) or not all(isinstance(d, str) for d in decks):
        raise ValueError("decks: expected a list of deck names")
    digest = value["digest"]
    if not isinstance(digest, str):
        raise ValueError("digest: expected a string")
    return Optimized(
        at=at,
        reviews=_whole(0, 10**12)(value["reviews"]),
        cards=_whole(0, 10**12)(value["cards"]),
        decks=tuple(decks),
        log_loss=_number(0, 100)(value["log_loss"]),
        rmse=_number(0, 1)(value["rmse"]),
        digest=digest,
    )


# table -> key -> (Config field, parser)
_SCHEMA: dict[str, dict[str, tuple[str, _Parser]]] = {
    "scheduling": {
        "desired_retention": ("desired_retention", _number(0.7, 0.99)),
        "learning_steps": ("learning_steps", _steps),
        "relearning_steps": ("relearning_steps", _steps),
        "maximum_interval": ("maximum_interval", _whole(1, MAX_INTERVAL_LIMIT)),
        "enable_fuzzing": ("enable_fuzzing", _boolean),
        "fsrs_parameters": ("fsrs_parameters", _fsrs_parameters),
        "fsrs_optimized": ("fsrs_optimized", _fsrs_optimized),
    },
    "limits": {
        "new_per_day": ("new_per_day", _whole(0, 9999)),
        "reviews_per_day": ("reviews_per_day", _whole(0, 99999)),
    },
    "study": {
        "day_starts_at": ("day_starts_at", _whole(0, 23)),
        "leech_threshold": ("leech_threshold", _whole(1, 99)),
        "leech_action": ("leech_action", _leech_action),
        "bury_siblings": ("bury_siblings", _boolean),
        "learn_ahead_minutes": ("learn_ahead", _minutes),
        "max_answer_seconds": ("max_answer_seconds", _whole(1, 3600)),
        "timezone": ("timezone", _timezone),
        "choice": ("choice", _choice),
    },
}


def config_from_mapping(data: Mapping[str, Any], *, source: str = "<config>") -> Config:
    """Build a Config from parsed TOML; unknown tables or keys and bad values are errors."""
    changes: dict[str, Any] = {}
    problems: list[str] = []
    for table, values in data.items():
        schema = _SCHEMA.get(table)
        if schema is None:
            known = ", ".join(f"[{name}]" for name in _SCHEMA)
            problems.append(f"unknown table [{table}] (expected {known})")
            continue
        if not isinstance(values, Mapping):
            problems.append(f"`{table}` must be a table such as [{table}]")
            continue
        for key, value in values.items():
            if key not in schema:
                known = ", ".join(schema)
                problems.append(f"[{table}] {key}: unknown key (expected one of: {known})")
                continue
            name, parse = schema[key]
            try:
                changes[name] = parse(value)
            except ValueError as exc:
                problems.append(f"[{table}] {key}: {exc}")
    if problems:
        raise ConfigError(f"{source}: " + f"\n{source}: ".join(problems))
    return replace(Config(), **changes)


def load_config(
    path: str | os.PathLike[str] | None = None, *, warn: Callable[[str], None] | None = None
) -> Config:
    """Read the config file (default: `quiz.paths.config_path()`); a missing file gives
    the defaults. When the file was named by the user (`$QUIZ_CONFIG`) and is missing,
    `warn` is told so (default: one line on stderr): a typo must not pass silently.

    Raises:
        ConfigError: the file is unreadable, not TOML, or holds an unknown key or a bad
            value; the message names the file, the key and what is wrong.
    """
    named_by_user = path is None and bool(os.environ.get(CONFIG_ENV))
    if path is None:
        from quiz.paths import config_path

        path = config_path()
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if named_by_user:
            (warn or _to_stderr)(
                f"quiz: {path}: no such config file ({CONFIG_ENV}); using the default settings"
            )
        return Config()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    return config_from_mapping(data, source=str(path))


def _to_stderr(message: str) -> None:
    print(message, file=sys.stderr)


# --------------------------------------------------------------------------- writing


def write_fsrs_parameters(
    path: str | os.PathLike[str], parameters: Sequence[float], record: Optimized
) -> None:
    """Set `[scheduling] fsrs_parameters` and its `fsrs_optimized` record in the config
    file, keeping the rest of it as it was (comments, order, other keys: tomlkit edits
    the document in place); a missing file is created. The new text is read back through
    `config_from_mapping` before it replaces the file (atomically): an unusable config is
    never written.

    Raises:
        ConfigError: the file cannot be read, parsed or written.
    """
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    from quiz.deck import write_text_atomic

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from exc
    try:
        document = tomlkit.parse(text)
        scheduling = document.get("scheduling")
        if scheduling is None:
            scheduling = tomlkit.table()
            document["scheduling"] = scheduling
        weights = tomlkit.array()
        weights.extend(round(float(w), 4) for w in parameters)
        scheduling["fsrs_parameters"] = weights
        scheduling["fsrs_parameters"].comment(
            f"written by `quiz optimize` on {record.at:%Y-%m-%d}"
        )
        info = tomlkit.inline_table()
        info.update(
            {
                "at": record.at,
                "reviews": record.reviews,
                "cards": record.cards,
                "decks": list(record.decks),
                "log_loss": round(record.log_loss, 4),
                "rmse": round(record.rmse, 4),
                "digest": record.digest,
            }
        )
        scheduling["fsrs_optimized"] = info
        new_text = tomlkit.dumps(document)
    except TOMLKitError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    config_from_mapping(tomllib.loads(new_text), source=str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(path, new_text)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write: {exc.strerror or exc}") from exc
