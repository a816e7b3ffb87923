"""read_source: encodings detected (not guessed), markup reduced, bad files refused."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from quiz.errors import QuizError
from quiz.text.read import ReadError, decode_bytes, read_source

FIXTURES = Path(__file__).parent / "fixtures"
SIMPLIFIED = (FIXTURES / "gov_report_simplified.txt").read_text(encoding="utf-8")
TRADITIONAL = (FIXTURES / "traditional_original.txt").read_text(encoding="utf-8")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        (SIMPLIFIED, "utf-8", "utf-8"),
        (SIMPLIFIED, "gbk", "gbk"),
        (TRADITIONAL, "utf-8", "utf-8"),
        (TRADITIONAL, "big5", "big5"),
        (TRADITIONAL, "gbk", "gbk"),  # GBK holds Traditional characters too
    ],
    ids=[
        "simplified-utf8",
        "simplified-gbk",
        "traditional-utf8",
        "traditional-big5",
        "traditional-gbk",
    ],
)
def test_whole_documents_in_each_encoding(
    tmp_path: Path, text: str, encoding: str, expected: str
) -> None:
    path = write(tmp_path, "doc.txt", text.encode(encoding))
    source = read_source(path)
    assert source.text == text
    assert source.encoding == expected or {source.encoding, expected} <= {"gb2312", "gbk"}
    assert source.kind == "txt"
    assert source.path == path


def test_gb18030_only_characters(tmp_path: Path) -> None:
    text = "𠀀是扩展B区的字，€是欧元符号。"
    path = write(tmp_path, "ext.txt", text.encode("gb18030"))
    source = read_source(path)
    assert source.text == text
    assert source.encoding == "gb18030"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("中文", "gbk"),
        ("你好", "gbk"),
        ("测试", "gbk"),
        ("学习", "gbk"),
        ("中文", "big5"),
        ("臺灣", "big5"),
        ("繁體中文", "big5"),
        ("學習", "big5"),
        ("中文", "utf-8"),
        ("學習", "utf-8"),
    ],
)
def test_short_texts_are_not_misread(tmp_path: Path, text: str, encoding: str) -> None:
    # Two GBK characters are also valid UTF-8 (Hebrew and Greek letters): scoring decides.
    path = write(tmp_path, "short.txt", text.encode(encoding))
    assert read_source(path).text == text


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + "繁體中文\n第二行".encode(), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "简体中文\n第二行".encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + "简体中文\n第二行".encode("utf-16-be"), "utf-16"),
        ("简体中文 ABC\n第二行".encode("utf-16-le"), "utf-16-le"),
        ("繁體中文 ABC\n第二行".encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_byte_order_marks_and_bomless_utf16(tmp_path: Path, data: bytes, encoding: str) -> None:
    source = read_source(write(tmp_path, "bom.txt", data))
    assert source.encoding == encoding
    assert source.text.split("\n")[1] == "第二行"
    assert "\ufeff" not in source.text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_bomless_utf16_without_any_ascii(tmp_path: Path, encoding: str) -> None:
    text = "基層治理是國家治理體系的重要組成部分，實施紅色引擎之「釘釘子」行動。"
    source = read_source(write(tmp_path, "u16.txt", text.encode(encoding)))
    assert (source.text, source.encoding) == (text, encoding)


def test_bomless_utf16_of_a_whole_document(tmp_path: Path) -> None:
    source = read_source(write(tmp_path, "u16.txt", TRADITIONAL.encode("utf-16-le")))
    assert source.text == TRADITIONAL
    assert source.encoding == "utf-16-le"


def test_windows_and_old_mac_newlines_become_newlines(tmp_path: Path) -> None:
    source = read_source(write(tmp_path, "crlf.txt", "第一行\r\n第二行\r第三行".encode()))
    assert source.text == "第一行\n第二行\n第三行"


def test_english_notes_read_as_they_are() -> None:
    source = read_source(FIXTURES / "english_notes.txt")
    assert source.encoding == "utf-8"
    assert source.text.startswith("Photosynthesis: notes")


def test_html_page_reduced_to_one_block_per_line() -> None:
    source = read_source(FIXTURES / "news_page.html")
    assert source.kind == "html"
    lines = source.text.split("\n")
    assert "我国首条跨海高铁全线贯通" in lines
    assert "泉州湾跨海大桥" in lines
    assert "全线开通后，福州至厦门最快55分钟可达，“一小时生活圈”由此形成。" in lines
    assert "建设团队攻克了一系列技术难题——这为今后" in source.text  # &mdash; decoded
    for furniture in ("统计代码", "font-size", "视频", "京ICP备", "_hmt"):
        assert furniture not in source.text  # script, style, nav and footer are gone
    assert "<" not in source.text and "&nbsp;" not in source.text


def test_gbk_html_page_declares_its_charset(tmp_path: Path) -> None:
    page = (FIXTURES / "news_page.html").read_text(encoding="utf-8")
    page = page.replace('charset="utf-8"', 'charset="gb2312"').replace("©", "(C)")
    source = read_source(write(tmp_path, "page.htm", page.encode("gbk")))
    assert source.kind == "html"
    assert source.encoding in {"gb2312", "gbk"}
    assert "福厦高铁全长277.42公里" in source.text


def test_html_sniffed_in_a_txt_file(tmp_path: Path) -> None:
    data = "<!DOCTYPE html><html><body><p>第一段</p><p>第二段</p></body></html>".encode()
    source = read_source(write(tmp_path, "saved.txt", data))
    assert source.kind == "html"
    assert source.text == "第一段\n第二段"


def test_html_with_unclosed_header_keeps_its_text(tmp_path: Path) -> None:
    data = "<html><body><header><p>全文都在页眉里。</p></body></html>".encode()
    assert read_source(write(tmp_path, "broken.html", data)).text == "全文都在页眉里。"


def test_markdown_reduced_line_for_line() -> None:
    source = read_source(FIXTURES / "learner_page.md")
    assert source.kind == "md"
    raw = (FIXTURES / "learner_page.md").read_text(encoding="utf-8")
    assert source.text.count("\n") == raw.count("\n")  # line numbers stay the file's
    lines = source.text.split("\n")
    assert lines[0] == "Lesson 3: Greetings 问候"
    assert '你好 (nǐ hǎo) means "hello".' in lines  # bullet gone, line kept
    assert "A: 你好!你叫什么名字?" in lines  # emphasis gone
    assert "see the grammar notes for details" in source.text  # link -> its text
    assert "你好吗? 我很好,谢谢!" in lines  # fenced code kept as text
    assert "```" not in source.text and "https://" not in source.text


def test_markdown_table_rows_become_plain_lines(tmp_path: Path) -> None:
    table = "| 词语 | 拼音 | 意思 | 例句 |\n|---|---|---|---|\n| 你好 | nǐ hǎo | hello | 你好！ |\n"
    source = read_source(write(tmp_path, "vocab.md", table.encode()))
    assert source.text.split("\n") == [
        "词语 — 拼音 — 意思 — 例句",
        "",
        "你好 — nǐ hǎo — hello — 你好！",
        "",
    ]


def test_read_error_is_a_quiz_error() -> None:
    assert issubclass(ReadError, QuizError)


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "seeds" / "x.txt"
    with pytest.raises(ReadError, match=r"x\.txt: no such file"):
        read_source(path)


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="is a directory"):
        read_source(tmp_path)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", "\ufeff".encode(), "\u3000\n".encode()])
def test_empty_or_blank_file(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, "x.txt", data)
    with pytest.raises(ReadError, match=r"x\.txt: empty file"):
        read_source(path)


def test_html_without_text(tmp_path: Path) -> None:
    path = write(tmp_path, "x.html", b"<html><script>var a = 1;</script></html>")
    with pytest.raises(ReadError, match=r"x\.html: no text after removing markup"):
        read_source(path)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
        bytes(range(256)) * 8,
        "正文".encode() + b"\x00\x01\x02\x03" + "还有".encode() * 3,
        b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 20 + "中文".encode(),
    ],
)
def test_binary_file(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, "x.txt", data)
    with pytest.raises(ReadError, match=r"x\.txt: binary file \(not text\)"):
        read_source(path)


@pytest.mark.parametrize(
    "data",
    [
        b"\xff" * 64,
        b"\xfe\xfe\xff\xff\x80\x80" * 10,
        "café crème brûlée à côté".encode("latin-1"),
    ],
)
def test_undecodable_file(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, "x.txt", data)
    with pytest.raises(ReadError, match=r"x\.txt: cannot decode as UTF-8, UTF-16, GB18030"):
        read_source(path)


def test_broken_utf8_after_a_bom(tmp_path: Path) -> None:
    path = write(tmp_path, "x.txt", codecs.BOM_UTF8 + b"abc\xff\xfe\xfd")
    with pytest.raises(ReadError, match=r"x\.txt: not valid UTF-8-SIG"):
        read_source(path)


def test_decode_bytes_names_the_file_it_was_given() -> None:
    with pytest.raises(ReadError, match="^notes/a.md: empty file"):
        decode_bytes(b"", "notes/a.md")


def test_a_few_bad_bytes_in_utf8_are_kept_for_the_cleaner(tmp_path: Path) -> None:
    from quiz.text.clean import clean

    sentence = "基层党组织作为党的肌体的神经末梢。"
    good = ("严密的组织体系是政党的优势所在。" + sentence * 3).encode()
    cut_download = good[:-1]  # the last character lost a byte
    stray_byte = good[:10] + b"\xff" + good[10:]
    for data in (cut_download, stray_byte):
        source = read_source(write(tmp_path, "x.txt", data))
        assert source.encoding == "utf-8"
        result = clean(source.text)
        assert result.report.counts() == {"garbled-dropped": 1}
        assert "\ufffd" not in result.text
        assert sentence * 2 in result.text


def test_big5_page_with_furniture_reads_and_cleans(tmp_path: Path) -> None:
    from quiz.text.clean import clean

    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5">'
        "<title>長期照顧</title></head><body>"
        "<nav><a>回首頁</a> | <a>網站導覽</a></nav>"
        "<div>首頁 &gt; 政策 &gt; 長期照顧</div>"
        "<h1>長期照顧十年計畫</h1>"
        "<p>為因應高齡化趨勢,政府推動長期照顧服務。</p>"
        "<p>列印 | 轉寄 | 分享</p>"
        "<footer>版權所有 衛生福利部</footer></body></html>"
    )
    source = read_source(write(tmp_path, "ltc.htm", page.encode("big5")))
    assert source.encoding in {"big5", "big5hkscs", "cp950"}
    result = clean(source.text)
    lines = [line for line in result.text.split("\n") if line]
    assert lines == ["長期照顧十年計畫", "為因應高齡化趨勢，政府推動長期照顧服務。"]


def test_html_blocks_keep_their_source_line_numbers(tmp_path: Path) -> None:
    from quiz.text.clean import clean

    page = "\n".join(
        [
            "<html><head><title>頁面</title></head>",  # 1
            "<body>",  # 2
            "<nav>首頁 | 新聞</nav>",  # 3
            "<h1>長江流域</h1>",  # 4
            "<p>長江流域是中華文明的發祥地之一。</p><p>第二段在同一行。</p>",  # 5
            "<p>",  # 6
            "  第三段從這裡開始,",  # 7
            "  一直到這裡。</p>",  # 8
            "<p>分享到：</p>",  # 9
            "</body></html>",  # 10
        ]
    )
    source = read_source(write(tmp_path, "page.html", page.encode()))
    lines = source.text.split("\n")
    assert lines[3] == "長江流域"  # line 4
    assert lines[4] == "長江流域是中華文明的發祥地之一。"  # line 5
    assert lines[5] == "第二段在同一行。"  # also from line 5: the next free line
    assert lines[6] == "第三段從這裡開始, 一直到這裡。"  # starts on line 7
    assert lines[8] == "分享到："
    report = clean(source.text).report
    assert [(c.kind, c.line) for c in report.changes] == [("punctuation", 7), ("chrome", 9)]


def test_html_on_one_line_still_gives_one_block_per_line(tmp_path: Path) -> None:
    data = "<html><body><h1>标题</h1><p>第一段。</p><p>第二段。</p></body></html>".encode()
    assert read_source(write(tmp_path, "min.html", data)).text == "标题\n第一段。\n第二段。"
