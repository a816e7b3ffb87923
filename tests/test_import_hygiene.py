"""The core never imports Textual, and the study path never imports jieba."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

CORE = [
    "quiz.deck",
    "quiz.deck_edit",
    "quiz.errors",
    "quiz.paths",
    "quiz.cli",
    "quiz.generate.ids",
    "quiz.text.script",
    "quiz.text.read",
    "quiz.text.clean",
    "quiz.figures",
    "quiz.grade",
    "quiz.hints",
    "quiz.choice",
    "quiz.pinyin",
    "quiz.srs",
    "quiz.config",
    "quiz.stats",
    "quiz.session",
    "quiz.search",
    "quiz.custom",
    "quiz.store",
    "quiz.optimize",
]


def _loaded_after_import(module: str) -> set[str]:
    code = f"import sys, {module}; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return {name.split(".")[0] for name in out.split()}


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_neither_textual_nor_jieba(module: str) -> None:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not written yet")
    loaded = _loaded_after_import(module)
    assert "textual" not in loaded
    assert "jieba" not in loaded


def test_cli_help_is_light() -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys\nfrom quiz.cli import build_parser\nbuild_parser()\n"
            "print(' '.join(sys.modules))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    names = {name.split(".")[0] for name in out.split()}
    assert "textual" not in names and "jieba" not in names
