"""Line breaking of Chinese and mixed text: lines fit, nothing is lost, and closing
punctuation does not start a line (kinsoku)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.content import Content

from quiz.tui.cjk_wrap import NO_LINE_END, NO_LINE_START, break_offsets, wrap_content

TRADITIONAL = "習近平總書記指出，嚴密的組織體系，是馬克思主義政黨的優勢所在、力量所在。"
SIMPLIFIED = "认真落实“三会一课”、主题党日等制度，严格党的组织生活。"


def lines(text: str, width: int) -> list[str]:
    return wrap_content(Content(text), width).plain.split("\n")


def test_a_full_stop_takes_its_character_along() -> None:
    assert lines(TRADITIONAL, 20) == [
        "習近平總書記指出，嚴",
        "密的組織體系，是馬克",
        "思主義政黨的優勢所",
        "在、力量所在。",
    ]


def test_an_opening_quote_does_not_end_a_line() -> None:
    wrapped = lines(SIMPLIFIED, 10)
    assert all(line[-1] not in NO_LINE_END for line in wrapped)
    assert all(line[0] not in NO_LINE_START for line in wrapped)
    assert "".join(wrapped) == SIMPLIFIED


def test_latin_words_break_at_spaces_and_styles_survive() -> None:
    content = Content.assemble("The quick ", ("brown", "bold"), " fox jumps over 《三会一课》")
    wrapped = wrap_content(content, 16)
    assert wrapped.plain.split("\n") == ["The quick brown", "fox jumps over", "《三会一课》"]
    assert any(span.style == "bold" for span in wrapped.spans)


def test_short_text_and_tiny_widths_are_left_alone() -> None:
    assert break_offsets("三会一课", 40) == []
    assert break_offsets(TRADITIONAL, 2) == []


@given(
    st.text(alphabet=st.sampled_from(list("三会一课制度組織 ，。、“”《》abc de")), max_size=80),
    st.integers(min_value=6, max_value=40),
)
def test_every_line_fits_and_no_character_is_lost(text: str, width: int) -> None:
    wrapped = lines(text, width)
    assert all(cell_len(line) <= width for line in wrapped)
    assert "".join(wrapped).replace(" ", "") == text.replace(" ", "")


def test_a_hanging_indent_keeps_the_continuation_in_the_text_column() -> None:
    for text in (
        "Pinyin: 坚持纵向到底，实现党的组织全覆盖。",
        "Pinyin: 堅持縱向到底，實現黨的組織全覆蓋。",
    ):
        lines = wrap_content(Content(text), 20, hanging=8).plain.split("\n")
        assert lines[0].startswith("Pinyin: ") and len(lines) > 1
        for line in lines[1:]:
            assert line.startswith(" " * 8) and not line[8].isspace()
            assert cell_len(line) <= 20
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
