"""Learner word lists: runs of `词语 — meaning` lines (the pinyin gloss already cleaned away)
made into pairs of each word with its meaning."""

from __future__ import annotations

import re

from quiz.generate.matching import MIN_SET, PairSource
from quiz.generate.structure import Heading
from quiz.text.phrases import CJK

# 你好 — hello / 2. 谢谢：thank you / 再见 - goodbye: a short Chinese word, a dash, colon or
# equals sign, and a meaning in Latin letters (an English gloss).
_ENTRY = re.compile(
    rf"^\s*(?:\d{{1,3}}\s*[.、)）]\s*)?(?P<word>[{CJK}]{{1,8}})\s*"
    r"(?:[—–-]{1,2}|[:：=])\s*"
    r"(?P<meaning>[A-Za-z][A-Za-z ,;'’/().-]{0,39}?)\s*[.;。]?\s*$"
)


def vocabulary_runs(text: str) -> list[list[PairSource]]:
    """Runs of at least MIN_SET neighbouring entry lines (blank lines allowed between), in
    text order; each entry pairs its word with its meaning."""
    runs: list[list[PairSource]] = []
    run: list[PairSource] = []
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        match = _ENTRY.match(line)
        if match is not None:
            word, meaning = match.span("word"), match.span("meaning")
            run.append(
                PairSource(
                    (offset + word[0], offset + word[1]),
                    (offset + meaning[0], offset + meaning[1]),
                    number,
                )
            )
        elif line.strip():
            if len(run) >= MIN_SET:
                runs.append(run)
            run = []
        offset += len(line) + 1
    if len(run) >= MIN_SET:
        runs.append(run)
    return runs


def section_before(headings: list[Heading], offset: int) -> tuple[int, int] | None:
    """The label of the last heading that starts before `offset`, if any."""
    label = None
    for heading in headings:
        if heading.start >= offset:
            break
        label = heading.label
    return label
