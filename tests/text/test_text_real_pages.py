"""Cleaning on what real pages showed: a garbled heading whose pinyin note survived, a
question before a loanword, doubled "?" and lone lower-case letters for lost bytes,
pinyin offered as an alternative, parentheses before a comma, and CRLF line ends."""

from __future__ import annotations

import pytest

from quiz.text.clean import clean
from quiz.text.garble import find_garbles
from quiz.text.script import to_simplified

# --- a garbled span that kept its pinyin annotation ------------------------------------

# A regional report copied from a page with pinyin notes: "（一）經(jīng)濟運行" decoded
# one byte out of step became "。ㄒ唬┙(jīng)濟運行"; the note glossed the lost 經.
GARBLED_HEADING = (
    "增長9.6%。\n。ㄒ唬┙(jīng)濟運行穩中有進。工業支撐作用明顯，實現規上工業增加值600億元。"
)


@pytest.mark.parametrize("text", [GARBLED_HEADING, to_simplified(GARBLED_HEADING)])
def test_garbled_heading_with_a_stranded_pinyin_note_drops_its_sentence(text: str) -> None:
    result = clean(text)
    lines = result.text.split("\n")
    assert len(lines) == 2
    assert lines[1] == text.split("\n")[1].split("。", 2)[2]  # 工業支撐... kept whole
    [dropped] = [c for c in result.report.changes if c.kind == "garbled-dropped"]
    assert dropped.line == 2
    assert dropped.before.startswith("。ㄒ唬┙(jīng)")  # the stray 。 goes with it
    assert "ㄒ" not in result.text and "jīng" not in result.text


def misaligned_heading(heading: str) -> str:
    """``heading`` GBK-encoded, read one byte early (the previous line's 。 trail byte
    in front) and with its last character's trail byte lost: （一）經 -> 。ㄒ唬┙."""
    return (b"\xa1" + heading.encode("gbk")[:-1]).decode("gbk")


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("經(jīng)濟(jì)發展穩中有進。\n{}(jīng)濟運行穩中有進。", "（一）經"),
        ("经(jīng)济(jì)发展稳中有进。\n{}(jīng)济运行稳中有进。", "（一）经"),
    ],
    ids=["traditional", "simplified"],
)
def test_stranded_note_names_the_lost_character_when_the_text_proves_it(
    text: str, repaired: str
) -> None:
    garbled = misaligned_heading(repaired)
    result = clean(text.format(garbled))
    second = result.text.split("\n")[1]
    assert second == repaired + text.split("\n")[1][-8:]  # 濟運行穩中有進。
    [change] = [c for c in result.report.changes if c.kind.startswith("garbled")]
    assert (change.kind, change.line) == ("garbled-repaired", 2)
    assert (change.before, change.after) == (garbled + "(jīng)", repaired)


@pytest.mark.parametrize("line", ["第①(yī)條", "第Ⅱ(èr)部分很重要。"])
def test_a_pinyin_note_after_one_symbol_is_not_enough(line: str) -> None:
    assert find_garbles(line, "traditional") == []


# --- questions, loanwords and lost bytes ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "你好吗?我叫T恤。",
        "你好嗎?我叫T恤。",
        "真的吗?我买了T恤和U盘。",
        "真的嗎?我買了T恤和U盤。",
        "他是谁?我是A型血。",
        "真的吗??我不信。",
    ],
)
def test_a_question_before_a_loanword_is_kept(text: str) -> None:
    result = clean(text)
    assert result.text.replace("？", "?") == text
    assert not any(c.kind.startswith("garbled") for c in result.report.changes)


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("前文很好。樹立大抓基層的鮮明??向，推動全覆蓋。後文也好。", "前文很好。後文也好。"),
        ("前文很好。树立大抓基层的鲜明??向，推动全覆盖。后文也好。", "前文很好。后文也好。"),
        # 課 in GBK is 0x92 0x6E: without its lead byte only "n" is left
        ("開會很好。通過活動共辦、黨n同聽等方式共享。後文也好。", "開會很好。後文也好。"),
        ("开会很好。通过活动共办、党n同听等方式共享。后文也好。", "开会很好。后文也好。"),
    ],
)
def test_lost_characters_drop_their_sentence(line: str, kept: str) -> None:
    result = clean(line)
    assert result.text == kept
    assert [c.kind for c in result.report.changes] == ["garbled-dropped"]


def test_a_lone_capital_in_traditional_text_read_as_gbk_drops_its_sentence() -> None:
    # 組 is 0xBD 0x4D in GBK: without its lead byte only "M" is left.
    line = "前文很好。堅持嚴密的M織體系，是馬克思主義政黨的優勢。後文也好。"
    result = clean(line)
    assert result.text == "前文很好。後文也好。"
    assert [c.kind for c in result.report.changes] == ["garbled-dropped"]


@pytest.mark.parametrize(
    "line",
    [
        "选择A或B都可以。",
        "他用iPhone拍照。",
        "卡拉OK和T恤。",
        "選A還是選B都可以。",
        "他去醫院做B超檢查。",
        "我買了一件T恤。",
        "多吃水果補充維生素C很重要。",
        "政府推動e化服務。",
        "做X光檢查之前不要吃東西。",
    ],
)
def test_capital_letters_and_words_inside_han_are_kept(line: str) -> None:
    assert clean(line).text == line


# --- pinyin offered as an alternative ------------------------------------------------------


@pytest.mark.parametrize(
    ("dirty", "expected"),
    [
        ("學生用拼音來發音中文(或“zhōngwén”)。", "學生用拼音來發音中文。"),
        ("学生用拼音来发音中文(或“zhōngwén”)。", "学生用拼音来发音中文。"),
        ("你好（即 nǐ hǎo）是问候。", "你好是问候。"),
        ("你好（讀作 nǐ hǎo）是問候。", "你好是問候。"),
    ],
)
def test_pinyin_alternatives_are_removed(dirty: str, expected: str) -> None:
    result = clean(dirty)
    assert result.text == expected
    assert [c.kind for c in result.report.changes] == ["pinyin"]


@pytest.mark.parametrize("text", ["他说(或者 ok)都行。", "这个词(或“卡拉OK”)很常见。"])
def test_alternatives_that_are_not_pinyin_stay(text: str) -> None:
    assert "(" in clean(text).text or "（" in clean(text).text


# --- parentheses next to punctuation ------------------------------------------------------


@pytest.mark.parametrize(
    ("dirty", "expected"),
    [
        ("一個孩子(子),組合成一個漢字。", "一個孩子（子），組合成一個漢字。"),
        ("一个孩子(子),组合成一个汉字。", "一个孩子（子），组合成一个汉字。"),
        ("價格(人民幣).", "價格（人民幣）。"),
        ("价格(人民币).", "价格（人民币）。"),
    ],
)
def test_parentheses_then_the_mark_after_them_are_widened(dirty: str, expected: str) -> None:
    assert clean(dirty).text == expected


# --- line ends ---------------------------------------------------------------------------


def test_crlf_line_ends_are_line_breaks_not_control_characters() -> None:
    for text in ("這是第一行。\r\n那是第二行。\r\n", "这是第一行。\r\n那是第二行。\r\n"):
        result = clean(text)
        assert result.text == text.replace("\r\n", "\n")
        assert result.report.changes == []


def test_a_lone_carriage_return_inside_a_line_is_still_reported() -> None:
    result = clean("第一行\r第二行。")
    assert result.report.counts() == {"control": 1}


def test_repeated_pinyin_alternatives_all_go_in_one_pass() -> None:
    for text in (
        "機(或“jī”)(或“jī”)會",
        "机(或“jī”)(或“jī”)会",
        "機(jī)(或“jī”)會",
        "机(jī)(或“jī”)会",
    ):
        once = clean(text).text
        assert once == text[0] + text[-1]
        assert clean(once).text == once


def test_context_rules_see_lines_without_their_notes() -> None:
    # The heading's edit link and the entry's pinyin go first, then the block is seen.
    lines = ["參考資料[編輯]", "1. 長(cháng)江簡介", "長江發源於青藏高原。"]
    assert clean("\n".join(lines)).text.split("\n") == ["", "", lines[2]]


def test_a_control_character_does_not_hide_a_footnote_mark() -> None:
    for text in ("長城\r[編輯]", "长城\r[编辑]", "長城\u200b[1]"):
        once = clean(text).text
        assert once == text[:2]
        assert clean(once).text == once


def test_a_dropped_garble_that_tips_the_script_is_judged_again() -> None:
    # Found by hypothesis: the first run saw a mixed text, the second a Simplified one.
    text = "機\ue24f;机機機组织??"
    once = clean(text).text
    assert clean(once).text == once
