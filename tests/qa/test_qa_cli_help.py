"""The first things a new user types: `quiz --help` says what a bare `quiz` does, and
every command's --help works without loading the heavy libraries."""

from __future__ import annotations

import subprocess
import sys

import pytest

COMMANDS = ["study", "generate", "check", "sync", "stats", "export", "import"]


def _help(*args: str) -> subprocess.CompletedProcess[str]:
    code = (
        "HEAVY = ('jieba', 'textual', 'fsrs', 'genanki')\n"
        "import sys, runpy; sys.argv = ['quiz', *sys.argv[1:]]\n"
        "try:\n    runpy.run_module('quiz', run_name='__main__')\n"
        "except SystemExit as exit:\n"
        "    heavy = sorted(m for m in HEAVY if m in sys.modules)\n"
        "    print('HEAVY:' + ','.join(heavy)); raise\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=False
    )


def test_top_level_help_names_the_bare_command() -> None:
    result = _help("--help")
    assert result.returncode == 0
    assert "Without a COMMAND, quiz opens the app" in result.stdout
    for command in COMMANDS:
        assert f"    {command} " in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_help_is_light(command: str) -> None:
    result = _help(command, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"usage: quiz {command}")
    assert result.stdout.rstrip().endswith("HEAVY:")  # nothing heavy imported
