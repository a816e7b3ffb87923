"""Hypothesis properties of clean(): it never raises, keeps the line count, is
idempotent and invents no characters beyond widened punctuation and proven repairs."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.text.clean import clean

# Pieces that exercise every cleaner: Han in both scripts, pinyin, chrome words, tags,
# entities, separators, ASCII punctuation, odd spaces, controls, garble-looking bits.
FRAGMENTS = [
    "機", "机", "會", "会", "黨", "党", "組織", "组织", "發展", "发展", "一", "〇",
    "(jī)", "（jī）", "(nǐ hǎo)", "(ji1)", "(試行)", "(2022年)", "(see above)", "(a)",
    "打印", "纠错", "手機版", "微信扫一扫", "00:00/00:00", "来源:", "责任编辑", "ICP备",
    "<br>", "</p>", "/p>", "&nbsp;", "&amp;", "&#20013;", "<", ">", "&",
    "|", "｜", "·", " ", "  ", "\u3000", "\u00a0", "\t", "\u200b", "\x07", "\ufeff",
    ",", ":", ";", "?", "!", ".", "(", ")", "，", "。", "“", "”", "《", "》",
    "3.14", "12:30", "a, b", "Hello", "SHOW", "x", "h", "w",
    "\ue24f", "\ufffd", "鶎", "狱", "硎", "菄", "Ⅻ", "①", "ぷ", "Ｈ",
    "\n", "\n", "\n", "\r", "\u2028",
    # page furniture that only context or a line's end gives away, and lost bytes
    "相关阅读", "相關閱讀：", "目录", "目錄", "参考资料", "[編輯]", "1 ", "2. ", "名称由来",
    "新华社记者 鞠鹏 摄", "(中評社 林艷攝) |", "（记者 李华）", "10:21 回复 点赞(12)",
    "2024-05-12 08:30", "点击蓝字", "本條目", "地址：", "電話：", "（受权发布）",
    "中国共产党第二十届中央委员会第二次全体会议公", "??", "n", "T", "┙", "ㄒ", "吗",
    "(或“zhōngwén”)", "\r\n",
]  # fmt: skip

texts = st.one_of(
    st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join),
    st.text(max_size=60),
    st.text(alphabet=st.characters(exclude_categories=()), max_size=30),  # lone surrogates
    st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x9FFF), max_size=60),
)
FULL_WIDTH = set("，：；？！。（）")
PROPERTY_SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY_SETTINGS
@given(texts)
def test_never_raises_and_keeps_the_line_count(text: str) -> None:
    result = clean(text)
    assert result.text.count("\n") == text.count("\n")
    for change in result.report.changes:
        assert 1 <= change.line <= text.count("\n") + 1


@PROPERTY_SETTINGS
@given(texts)
def test_idempotent(text: str) -> None:
    once = clean(text).text
    assert clean(once).text == once


@PROPERTY_SETTINGS
@given(texts)
def test_invents_no_characters(text: str) -> None:
    result = clean(text)
    # Entities decode to new characters and proven repairs restore lost ones; the
    # report names both, so they are the only other source allowed.
    reported = "".join(
        change.after
        for change in result.report.changes
        if change.kind in {"html", "garbled-repaired"}
    )
    allowed = set(text) | FULL_WIDTH | {" "} | set(reported)
    assert set(result.text) <= allowed


def _clean_lines() -> list[str]:
    from pathlib import Path

    from quiz.text.read import read_source

    root = Path(__file__).resolve().parents[2]
    sources = [root / "seeds" / "000_e348ded4e9286363.txt"]
    sources += sorted((Path(__file__).parent / "fixtures").iterdir())
    lines: list[str] = []
    for source in sources:
        lines += [line for line in clean(read_source(source).text).text.split("\n") if line]
    return lines


CLEAN_LINES = _clean_lines()


@PROPERTY_SETTINGS
@given(st.lists(st.sampled_from(CLEAN_LINES), min_size=1, max_size=12))
def test_clean_text_is_left_alone_in_any_company(lines: list[str]) -> None:
    # Lines that came out of the cleaner, mixed from different texts and scripts, are
    # never taken for furniture, spam or garble by the context they land in.
    text = "\n".join(lines)
    result = clean(text)
    assert result.text == text
    assert result.report.changes == []


def test_nested_half_width_parentheses_widen_in_one_cleaning() -> None:
    """Found by test_idempotent: the outer pair of (機(試行)機) was left for a second run."""
    once = clean("(機(試行)機)").text
    assert once == "（機（試行）機）"
    assert clean(once).text == once
