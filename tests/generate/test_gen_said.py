"""_Said finds a text's registered phrases where the alternation of them all finds them,
whether it runs the alternation (few phrases) or looks them up by first character."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.generate import chinese
from quiz.generate.chinese import _alternation, _Said

_CHARS = st.sampled_from(list("全体人民共同富裕乡村振兴體體區發展.*+ab"))


def _found(words: set[str], text: str) -> list[tuple[int, int]]:
    pattern = _alternation(words)
    return [] if pattern is None else [(m.start(), m.end()) for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.sets(st.text(_CHARS, min_size=1, max_size=6), max_size=12), st.text(_CHARS, max_size=60))
def test_spans_are_the_alternations(words: set[str], text: str) -> None:
    many = _Said(words)
    many.lengths = {}
    for word in words:  # the lookup, whatever the number of phrases
        many.lengths.setdefault(word[0], []).append(len(word))
    many.lengths = {char: sorted(set(sizes), reverse=True) for char, sizes in many.lengths.items()}
    assert many.spans(text) == _found(words, text)
    assert _Said(words).spans(text) == _found(words, text)


def test_many_phrases_are_looked_up_in_both_scripts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chinese, "MANY_PHRASES", 100)
    words = {
        f"{a}{b}{c}" for a in "全人共乡振體區" for b in "体民同村兴發展" for c in "人富裕興展區"
    }
    words |= {f"{a}{b}" for a in "全体人民共同富裕乡村振兴體區發展" for b in "体民同富裕村兴發展區"}
    words |= {"全体人民共同富裕", "乡村振兴", "體區發展"}
    assert len(words) > chinese.MANY_PHRASES
    said = _Said(words)
    assert said.lengths is not None
    for text in ("推进全体人民共同富裕和乡村振兴", "推進體區發展與全體人民共同富裕", ""):
        assert said.spans(text) == _found(words, text)
    assert said.spans("推进全体人民共同富裕")[0] == (2, 10)  # the longest phrase at a place
    assert _Said(set()).spans("全体人民") == []
