"""Document layout: title, numbered headings with subtitles, sections, sentences, lines."""

from __future__ import annotations

import pytest

from quiz.generate.pipeline import build_deck
from quiz.generate.structure import clean_title, layout, parse_heading, split_sentences
from quiz.text.script import to_traditional

DOC = """学习材料

来源：某某网 2024-01-01

这是开头的一段正文，介绍全文的内容。它有两句话。

一、完善组织之“形”，推动基层组织由“建起来”变“强起来”

督察全面化。系统梳理党支部建设基础工作。运行常态化。督察员定期开展督察。

（一）抓好学习

正文第二段，说“学”和“做”。

二、铸牢思想之“魂”
"""


@pytest.mark.parametrize("text", [DOC, to_traditional(DOC)], ids=["simplified", "traditional"])
def test_layout(text: str) -> None:
    lay = layout(text)
    assert lay.title is not None and text[lay.title[0] : lay.title[1]] == text.splitlines()[0]
    first = lay.paragraphs[0]
    assert first.line == 5 and first.section is None
    assert len(first.sentences) == 2
    heads = lay.headings
    assert [h.line for h in heads] == [7, 11, 15]
    assert [h.style for h in heads] == ["N、", "（N）", "N、"]
    top = heads[0]
    assert text[top.title[0] : top.title[1]] == text.splitlines()[6][2:10]
    assert top.subtitle is not None
    assert text[top.subtitle[0] : top.subtitle[1]].endswith("”")
    assert heads[1].subtitle is None
    body = lay.paragraphs[2]
    assert body.section == top.label and body.line == 9
    # a run-in head of a few characters stays with the sentence after it
    texts = [text[s.start : s.end] for s in body.sentences]
    assert len(texts) == 2 and texts[0].startswith(text.splitlines()[8][:6])


def test_meta_lines_never_become_paragraphs() -> None:
    lay = layout(DOC)
    assert all(p.line != 3 for p in lay.paragraphs)


def test_numbered_items_with_several_sentences_are_not_headings() -> None:
    text = "1. 第一句话很长很长。第二句话也很长很长。"
    assert parse_heading(text, 0, len(text), 1) is None
    assert parse_heading("1.5亿元的投资", 0, 7, 1) is None
    heading = parse_heading("（三）坚持人民至上，办好民生实事。后面是正文", 0, 22, 1)
    assert heading is not None and heading.number == "（三）"


def test_quotes_never_split_sentences() -> None:
    text = "他说：“今天开会。明天出发！”大家都同意。然后散会。"
    ranges = split_sentences(text, 0, len(text))
    assert [text[s:e] for s, e in ranges] == [
        "他说：“今天开会。明天出发！”大家都同意。",
        "然后散会。",
    ]


def test_english_sentences() -> None:
    text = "Spaced repetition works. It costs 3.5 hours a week! Does it?"
    ranges = split_sentences(text, 0, len(text))
    assert [text[s:e] for s, e in ranges] == [
        "Spaced repetition works.",
        "It costs 3.5 hours a week!",
        "Does it?",
    ]


def test_a_semicolon_splits_a_chinese_line_but_not_an_english_one() -> None:
    text = "The Allies: Britain; France; Russia. They fought on; the war went on."
    ranges = split_sentences(text, 0, len(text))
    assert [text[s:e] for s, e in ranges] == [
        "The Allies: Britain; France; Russia.",
        "They fought on; the war went on.",
    ]
    for chinese in ("一是加强领导；二是完善制度。", "一是加強領導；二是完善制度。"):
        ranges = split_sentences(chinese, 0, len(chinese))
        assert len(ranges) == 2


def test_articles_of_a_regulation_are_items_not_headings() -> None:
    text = "第一条 为了规范政府工作，根据宪法制定本条例。\n第二章 总则\n"
    lay = layout(text)
    assert [h.number for h in lay.headings] == ["第二章"]


def test_title_is_the_first_line_the_body_names_again() -> None:
    text = (
        "跳至內容\n\n中文維基百科\n\n中文維基百科是維基百科協同寫作計劃的中文版本，自2002年成立。\n"
    )
    lay = layout(text)
    assert lay.title is not None and text[lay.title[0] : lay.title[1]] == "中文維基百科"
    plain = "抓基层打基础\n\n中国某所党委\n\n正文第一句很长，说明了很多很多的内容。\n"
    first = layout(plain).title
    assert first is not None and plain[first[0] : first[1]] == "抓基层打基础"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (  # a title broken after 关于 goes on in the next line
            "市人民政府关于\n加快发展数字经济的若干意见\n各区人民政府：\n"
            "为推动数字经济高质量发展，结合本市实际，提出如下意见。\n",
            "市人民政府关于加快发展数字经济的若干意见",
        ),
        (  # two parallel clauses and the genre in the second line: joined with a space
            "国务院关于支持某省加快发展\n奋力开创现代化建设新局面的意见\n"
            "各省、自治区、直辖市人民政府：\n为支持某省加快发展，现提出如下意见。\n",
            "国务院关于支持某省加快发展 奋力开创现代化建设新局面的意见",
        ),
        (  # a page's menu row is no title
            "本市网首页 新闻 区县 民生热线 电子报 网站投稿\n春耕备耕有序推进\n"
            "记者从市农业农村局获悉，全市春耕备耕工作有序推进，农资供应充足。\n",
            "春耕备耕有序推进",
        ),
    ],
)
def test_title_lines(text: str, title: str) -> None:
    for form, expected in ((text, title), (to_traditional(text), to_traditional(title))):
        lay = layout(form)
        assert lay.title is not None
        assert clean_title(form[lay.title[0] : lay.title[1]]) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("新华社广州4月2日电 题：大湾区里的青年创业者", "大湾区里的青年创业者"),
        (
            "某政发〔2020〕7号《某省人民政府关于加强水资源管理的通知》",
            "某省人民政府关于加强水资源管理的通知",
        ),
        ("关于2024年全县工作情况的报告", "关于2024年全县工作情况的报告"),
    ],
)
def test_clean_title_drops_dateline_and_document_number(raw: str, expected: str) -> None:
    assert clean_title(raw) == expected
    assert clean_title(to_traditional(raw)) == to_traditional(expected)


def test_dash_items_run_together_on_one_line_are_paragraphs() -> None:
    text = (
        "过去一年，全市经济运行总体平稳。——工业生产稳步回升。全年工业增加值增长百分之六。"
        "——服务消费持续扩大。全年零售总额增长百分之八。\n"
    )
    for form in (text, to_traditional(text)):
        lay = layout(form)
        firsts = [form[p.sentences[0].start : p.sentences[0].end] for p in lay.paragraphs]
        assert [p.line for p in lay.paragraphs] == [1, 1, 1]
        assert firsts[1:] == [to(form, "——工业生产稳步回升。"), to(form, "——服务消费持续扩大。")]
        assert all(
            p.end <= q.start for p, q in zip(lay.paragraphs, lay.paragraphs[1:], strict=False)
        )


def to(form: str, simplified: str) -> str:
    """`simplified` in the script of `form`."""
    return simplified if form.startswith("过去") else to_traditional(simplified)


def test_a_semicolon_inside_a_long_quotation_does_not_split_it() -> None:
    text = (
        "“今年参加展会的本地企业从去年的两百家增加到三百多家；外地企业从去年的一百家增加到"
        "一百五十家；来自海外的参展企业也超过了五十家，展位面积比去年扩大了一倍。”"
        "组委会负责人介绍说。\n"
    )
    for form in (text, to_traditional(text)):
        (paragraph,) = layout(form).paragraphs
        first = form[paragraph.sentences[0].start : paragraph.sentences[0].end]
        assert len(first) > 60 and first.count("；") == 2 and "”" in first, first


def test_a_dash_item_is_no_title() -> None:
    text = (
        "过去一年，全市经济运行总体平稳，各项事业取得新进展，人民生活持续改善，社会大局保持稳定。"
        "——工业生产稳步回升。全年工业增加值增长百分之六。"
        "——服务消费持续扩大。全年零售总额增长百分之八。\n"
    )
    for form in (text, to_traditional(text)):
        deck, _report = build_deck(form, name="notes")
        assert deck.title == "notes"


@pytest.mark.parametrize(
    "head",
    [
        "——2016年1月6日在某市第十五届人民代表大会第五次会议上\n市长 王某\n",
        "（2024年3月5日在某市第十四届人民代表大会第二次会议上）\n",
        "记者 张某 李某\n",
    ],
)
def test_an_occasion_or_byline_is_no_title(head: str) -> None:
    body = (
        "各位代表：\n"
        "现在，我代表市人民政府，向大会报告政府工作，请予审议，并请市政协委员和其他列席人员提出意见。\n"
        "一、过去一年工作回顾\n"
        "过去一年，全市经济运行总体平稳，各项事业取得新进展，人民生活持续改善。\n"
    )
    for form in (head + body, to_traditional(head + body)):
        deck, _report = build_deck(form, name="report")
        assert deck.title == "report", deck.title


def test_the_title_above_an_occasion_line_is_kept() -> None:
    text = (
        "政府工作报告\n"
        "——2016年1月6日在某市第十五届人民代表大会第五次会议上\n"
        "市长 王某\n"
        "现在，我代表市人民政府，向大会报告政府工作，请予审议，并请市政协委员和其他列席人员提出意见。\n"
    )
    for form, title in ((text, "政府工作报告"), (to_traditional(text), "政府工作報告")):
        deck, _report = build_deck(form, name="report")
        assert deck.title == title
