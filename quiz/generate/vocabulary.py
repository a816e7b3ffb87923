r"""Learner word lists: runs of `词语 — meaning` lines (the pinyin gloss already cleaned away)
or of word-table rows `牛奶 niúnǎi n. milk`, made into pairs of each word with its meaning.

>>> rows = "上班 shàng bān v. to work\n身体 shēntǐ n. body, health\n迟到 chídào v. to be late\n"
>>> [[rows[p.left[0]:p.left[1]] + "=" + rows[p.right[0]:p.right[1]] for p in run]
...  for run in vocabulary_runs(rows)]
[['上班=to work', '身体=body, health', '迟到=to be late']]
"""

from __future__ import annotations

import re

from quiz.generate.matching import MAX_SIDE, MIN_SET, PairSource
from quiz.generate.structure import Heading
from quiz.text.phrases import CJK

# 你好 — hello / 2. 谢谢：thank you / 再见 - goodbye: a short Chinese word, a dash, colon or
# equals sign, and a meaning in Latin letters (an English gloss).
_ENTRY = re.compile(
    rf"^\s*(?:\d{{1,3}}\s*[.、)）]\s*)?(?P<word>[{CJK}]{{1,8}})\s*"
    r"(?:[—–-]{1,2}|[:：=])\s*"
    r"(?P<meaning>[A-Za-z][A-Za-z ,;'’/().-]{0,39}?)\s*[.;。]?\s*$"
)


_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
# 牛奶 niúnǎi n. milk / 迟到 chídào v. to be late: a word-list table row of a word, its
# pinyin, an abbreviated part of speech and the meaning.
_TABLE_ENTRY = re.compile(
    rf"^\s*(?:\d{{1,3}}\s*[.、)）]\s*)?(?P<word>[{CJK}]{{1,8}})\s+"
    rf"[A-Za-z{_TONED}][A-Za-z{_TONED}' ]*?\s+"
    r"(?:n|v|vt|vi|adj|adv|mod|modal|num|prep|pron|conj|m|mw|part|int|interj|aux|pref|suf|"
    r"ph|phr|nu|qw)\.\s*"
    r"(?P<meaning>[A-Za-z(][A-Za-z ,;'’/()-]{0,39}?)\s*[.;。]?\s*$"
)


_USAGE_NOTE = re.compile(r"\([^()]*\)\s*")


def vocabulary_runs(text: str) -> list[list[PairSource]]:
    """Runs of at least MIN_SET neighbouring entry lines (blank lines allowed between), in
    text order; each entry pairs its word with its meaning. A meaning too long for a set
    loses a usage note in brackets before it (对 — (used before a noun) to, for: `to,
    for`); an entry still too long stays in the run but makes no pair."""
    runs: list[list[PairSource]] = []
    run: list[PairSource] = []
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        match = _ENTRY.match(line) or _TABLE_ENTRY.match(line)
        if match is not None:
            word, meaning = match.span("word"), match.span("meaning")
            note = _USAGE_NOTE.match(line, meaning[0])
            if meaning[1] - meaning[0] > MAX_SIDE and note is not None:
                meaning = (note.end(), meaning[1])
            if meaning[1] - meaning[0] > MAX_SIDE:
                offset += len(line) + 1
                continue
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
