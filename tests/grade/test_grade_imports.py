"""Grading is on the study path: it loads neither textual nor jieba, and pypinyin
(slow to import) only when a typed answer looks like pinyin or a pinyin hint is built."""

from __future__ import annotations

import subprocess
import sys


def loaded_after(code: str) -> set[str]:
    script = f"import sys\n{code}\nprint(' '.join(sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    return {name.split(".")[0] for name in out.split()}


def test_grading_characters_does_not_load_pypinyin() -> None:
    loaded = loaded_after(
        "from quiz.deck import ClozeCard\n"
        "from quiz.grade import grade, suggest_rating, mask\n"
        "from quiz.hints import length_text\n"
        "card = ClozeCard(id='x', text='落实{{c1::三会一课}}')\n"
        "for typed in ('三会一课', '三會一課', '三会一果', '两个确立', '', '[三会]'):\n"
        "    suggest_rating(grade(typed, card), 0, 1000)\n"
        "mask(card); length_text('三会一课')"
    )
    assert {"textual", "jieba", "pypinyin"}.isdisjoint(loaded)


def test_pinyin_typed_loads_pypinyin_but_not_jieba() -> None:
    loaded = loaded_after(
        "from quiz.deck import ClozeCard\n"
        "from quiz.grade import grade\n"
        "assert grade('sanhuiyike', ClozeCard(id='x', text='{{c1::三会一课}}')).correct"
    )
    assert "pypinyin" in loaded
    assert {"textual", "jieba"}.isdisjoint(loaded)


def test_warm_up_loads_the_dictionaries_grading_needs() -> None:
    loaded = loaded_after("from quiz.grade import warm_up\nwarm_up()")
    assert {"opencc", "pypinyin"} <= loaded
    assert {"textual", "jieba"}.isdisjoint(loaded)
