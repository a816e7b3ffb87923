"""Script detection and conversion: 1:1 offsets, both directions, other_script."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.text.script import (
    _differences,
    detect_script,
    other_script,
    to_simplified,
    to_traditional,
)


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("抓基層打基礎 鍛造黨的堅強組織體系", "traditional"),
        ("抓基层打基础 锻造党的坚强组织体系", "simplified"),
        ("臺灣地區老年人口比例逐年上升", "traditional"),
        ("发展", "simplified"),
        ("發展", "traditional"),
        ("中文人口", "none"),  # characters both scripts share
        ("English notes only.", "none"),
        ("", "none"),
        ("發展發展 发展", "traditional"),  # the majority decides
    ],
)
def test_detect_script(text: str, script: str) -> None:
    assert detect_script(text) == script


@pytest.mark.parametrize(
    ("simplified", "traditional"),
    [
        ("三会一课", "三會一課"),
        ("党支部组织生活", "黨支部組織生活"),
        ("两个确立", "兩個確立"),
        ("坚持纵向到底", "堅持縱向到底"),
    ],
)
def test_conversion_both_ways_and_other_script(simplified: str, traditional: str) -> None:
    assert to_traditional(simplified) == traditional
    assert to_simplified(traditional) == simplified
    assert other_script(simplified) == traditional
    assert other_script(traditional) == simplified


def test_other_script_of_shared_text_is_itself() -> None:
    assert other_script("人口") == "人口"
    assert other_script("ABC") == "ABC"


def test_seed_converts_one_to_one() -> None:
    from pathlib import Path

    seed = Path(__file__).resolve().parents[2] / "seeds" / "000_e348ded4e9286363.txt"
    text = seed.read_text(encoding="utf-8")
    simplified = to_simplified(text)
    assert len(simplified) == len(text)
    assert simplified.count("\n") == text.count("\n")
    assert len(to_traditional(simplified)) == len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x3000, max_codepoint=0x9FFF), max_size=80))
def test_conversion_keeps_length(text: str) -> None:
    assert len(to_simplified(text)) == len(text)
    assert len(to_traditional(text)) == len(text)
    assert len(other_script(text)) == len(text)


@given(st.text(alphabet="发展與改革abc 1，。\U0001f600\u3400", max_size=40), st.data())
def test_differences_counts_each_changed_character(text: str, data: st.DataObject) -> None:
    """The count of changed characters is the plain comparison, position by position,
    whatever the characters (astral ones too) and lengths."""
    changed = data.draw(st.text(alphabet="发發展與与改革abc 1，。\U0001f600", max_size=40))
    assert _differences(text, changed) == sum(a != b for a, b in zip(text, changed, strict=False))
    same_length = data.draw(
        st.lists(
            st.sampled_from("发發展與与改革a \U0001f600"), min_size=len(text), max_size=len(text)
        )
    )
    other = "".join(same_length)
    assert _differences(text, other) == sum(a != b for a, b in zip(text, other, strict=True))


def test_differences_of_a_long_text_as_converted() -> None:
    seed = (Path(__file__).resolve().parents[2] / "seeds").glob("*.txt")
    text = next(iter(sorted(seed))).read_text(encoding="utf-8")
    for converted in (to_simplified(text), to_traditional(text)):
        assert len(converted) == len(text)
        count = _differences(text, converted)
        assert count == sum(a != b for a, b in zip(text, converted, strict=True)) > 0
