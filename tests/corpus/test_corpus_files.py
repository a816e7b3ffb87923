"""The quality corpus is well formed: every marks file parses and follows the layout in
tests/corpus/README.md, every text decodes, and every hand-picked mark and target figure
survives cleaning verbatim (so the benchmark never scores a phrase the cleaner removes)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from quiz.text.clean import clean
from quiz.text.read import read_source

CORPUS = Path(__file__).resolve().parent
TEXTS = CORPUS / "texts"
MARKS = CORPUS / "marks"

KINDS = {
    "national-report",
    "provincial-work-report",
    "city-work-report",
    "central-document",
    "speech",
    "news",
    "textbook",
    "encyclopedia",
    "traditional",
    "learner-page",
    "english-note",
    "other",
}
SCRIPTS = {"simplified", "traditional", "english", "mixed"}
REPORT_KINDS = {"national-report", "provincial-work-report", "city-work-report"}
SUFFIXES = {".txt", ".html", ".md"}
SLUGS = sorted(path.stem for path in MARKS.glob("*.yaml"))


@cache
def marks_of(slug: str) -> dict[str, Any]:
    data = yaml.safe_load((MARKS / f"{slug}.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{slug}.yaml: not a mapping"
    return data


def text_file(slug: str) -> Path:
    found = [path for path in TEXTS.glob(f"{slug}.*") if path.stem == slug]
    assert len(found) == 1, f"{slug}: expected one text file in texts/, found {found}"
    return found[0]


@cache
def cleaned_text(slug: str) -> str:
    return clean(read_source(text_file(slug)).text).text


def test_every_text_has_marks_and_every_marks_file_a_text() -> None:
    texts = sorted(path.stem for path in TEXTS.iterdir() if path.is_file())
    assert texts == SLUGS


def test_corpus_size_and_long_texts() -> None:
    assert len(SLUGS) >= 12
    long = [slug for slug in SLUGS if len(cleaned_text(slug)) > 5000]
    assert len(long) >= 4, long


@pytest.mark.parametrize("slug", SLUGS)
def test_marks_file_layout(slug: str) -> None:
    data = marks_of(slug)
    allowed = {"title", "kind", "script", "origin", "notes", "marks", "figures"}
    assert set(data) <= allowed, set(data) - allowed
    assert isinstance(data.get("title"), str) and data["title"].strip()
    assert isinstance(data.get("notes"), str) and data["notes"].strip()
    assert data.get("kind") in KINDS
    assert data.get("script") in SCRIPTS
    origin = data.get("origin")
    assert isinstance(origin, dict)
    assert re.fullmatch(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", str(origin.get("repo", "")))
    assert isinstance(origin.get("path"), str) and origin["path"]
    if "commit" in origin:
        assert re.fullmatch(r"[0-9a-f]{40}", str(origin["commit"]))
    marks = data.get("marks")
    assert isinstance(marks, list) and 15 <= len(marks) <= 30, len(marks or [])
    assert all(isinstance(mark, str) and mark.strip() == mark and mark for mark in marks)
    assert len(set(marks)) == len(marks), "a mark is listed twice"


@pytest.mark.parametrize("slug", SLUGS)
def test_figures_only_for_work_reports(slug: str) -> None:
    data = marks_of(slug)
    if data["kind"] in {"provincial-work-report", "city-work-report"}:
        assert data.get("figures"), "a local work report lists its 主要预期目标 figures"
    if "figures" in data:
        assert data["kind"] in REPORT_KINDS
        figures = data["figures"]
        assert isinstance(figures, list) and figures
        assert all(isinstance(figure, str) and figure for figure in figures)
        assert len(set(figures)) == len(figures), "a figure is listed twice"


@pytest.mark.parametrize("slug", SLUGS)
def test_text_decodes(slug: str) -> None:
    path = text_file(slug)
    assert path.suffix in SUFFIXES
    assert read_source(path).text.strip()


@pytest.mark.parametrize("slug", SLUGS)
def test_marks_and_figures_survive_cleaning(slug: str) -> None:
    data = marks_of(slug)
    text = cleaned_text(slug)
    missing = [phrase for phrase in data["marks"] + data.get("figures", []) if phrase not in text]
    assert not missing, f"{slug}: not in the cleaned text: {missing}"
