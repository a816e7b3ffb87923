"""Document layout: the title, numbered headings, sections, paragraphs and sentences of a
cleaned text, each with its offsets and source line number.

Offsets index the text given (the Simplified mirror and the original have the same
length), so the caller cuts labels and card texts from the original at the same places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from quiz.generate.people import is_byline
from quiz.text.phrases import CJK, mask_quotes

_NUMERALS = "一二三四五六七八九十百零〇"
HEADING_NUMBER = re.compile(
    f"(?:第[{_NUMERALS}\\d]+[章节部分篇编]\\s*"
    f"|[{_NUMERALS}]+[、．.]\\s*"
    f"|[（(][{_NUMERALS}]+[）)]\\s*"
    f"|\\d{{1,2}}(?:[、．]|\\.(?!\\d))\\s*"
    f"|[（(]\\d{{1,2}}[）)]\\s*"
    f"|#{{1,6}}\\s+)"
)
MAX_HEADING = 40
MAX_SHORT_LINE = 24
SENTENCE_END = re.compile(
    r"(?:[。！？!?；;]+|…{1,2}|(?<=[A-Za-z\d)\"'”])\.(?=\s|$))[”’」』）)\]\"']*"
)
# In a line without Chinese a semicolon joins the clauses (or the items: Great Britain;
# France; Russia) of one sentence.
LATIN_SENTENCE_END = re.compile(
    r"(?:[。！？!?；]+|…{1,2}|(?<=[A-Za-z\d)\"'”])\.(?=\s|$))[”’」』）)\]\"']*"
)
_FINAL_PUNCT = "。！？!?；;.…"
META_LINE = re.compile(
    r"^\s*(?:来源|文章来源|出处|作者|编辑|责任编辑|责编|审核|校对|发布时间|发布日期|发表时间|"
    r"时间|日期|字号|原标题|记者|通讯员|摄影|图片来源|本文来源|转载|声明|关键词|标签)\s*[:：]"
)
RUN_IN_MAX = 10
# A quotation longer than the masked ones (60 characters) still holds its semicolons, up to
# this length.
MAX_QUOTED_SENTENCE = 200
_DASH_ITEM = re.compile("(?<=[。；！？])——(?=[^—])")
_KANA_OR_HANGUL = re.compile("[\u3040-\u30ff\u31f0-\u31ff\uac00-\ud7af]")
# A title line that goes on in the next one: it ends with a preposition or connective
# (国务院关于 / 推动某某工作的意见), or the next line ends with the document's genre.
_TITLE_GOES_ON = re.compile("(?:关于|關於|關于|的|和|与|與|及)$")
_TITLE_ABOUT = re.compile("关于|關於|關于")
_DOCUMENT_GENRE = re.compile(
    "(?:意见|意見|通知|决定|決定|办法|辦法|方案|规定|規定|条例|條例|纲要|綱要|规划|規劃|"
    "批复|批復|公告|通告|报告|報告|决议|決議)$"
)
# What a title line carries before the title: a news agency's dateline (新华社北京3月5日电
# 题：) or a document number (某政发〔2014〕20号).
_TITLE_PREFIX = re.compile(
    r"^(?:\S{1,10}?[社网網台报報]\S{0,8}?\d{1,2}月\d{1,2}日[电電]\s*(?:[题題]\s*[:：]\s*)?"
    r"|[题題]\s*[:：]\s*"
    r"|\S{1,8}?[〔\[［(（]\d{4}[〕\]］)）]\s*\d{1,4}\s*[号號]\s*)"
)
_NAV_TOKEN_MAX = 6
_NAV_MIN_TOKENS = 5
# A line set off as an aside: an occasion or attribution after a dash (——2016年1月6日在某市
# 人民代表大会上) or a whole line in brackets (（2024年3月5日在…会议上）, （受权发布）).
_ASIDE_LINE = re.compile(r"^(?:[—－-]{1,2}|[(（].*[)）]$)")
# A byline: a post and a name (市长 王某, 记者 张某 李某), each a short word of its own.
_BYLINE = re.compile(
    f"^(?:[{CJK}]{{1,5}}[长長者员員任席理记記授师師]\\s+)+[{CJK}]{{2,3}}(?:\\s+[{CJK}]{{2,3}})*$"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or a heading) of one paragraph: `text[start:end]`."""

    start: int
    end: int
    line: int
    paragraph: int
    section: tuple[int, int] | None
    heading: bool = False


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered heading; `title` and `subtitle` are offset ranges (subtitle after `，`).

    `style` is the numbering pattern (`N、`, `（N）`, `D.`): headings of one style are siblings.
    """

    start: int
    end: int
    line: int
    style: str
    number: str
    title: tuple[int, int]
    subtitle: tuple[int, int] | None
    label: tuple[int, int]


@dataclass(slots=True)
class Paragraph:
    index: int
    line: int
    start: int
    end: int
    section: tuple[int, int] | None
    heading: Heading | None = None
    sentences: list[Sentence] = field(default_factory=list)


@dataclass(slots=True)
class Layout:
    title: tuple[int, int] | None
    headings: list[Heading]
    paragraphs: list[Paragraph]

    @property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]


_CREDIT = re.compile(r"[摄攝]\s*[）)]?\s*[|｜]?$")
_NOTE = re.compile(r"^[（(][^（）()]*[）)]$")
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_GARBLE_MARKS = re.compile(
    "[\u2500-\u257f\u3100-\u312f\ufffd\ue000-\uf8ff]"  # box drawing, bopomofo, U+FFFD
    f"|[（(][a-z{_TONED}ü ]*[{_TONED}][a-z{_TONED}ü ]*[）)]"  # a pinyin annotation left over
)
MAX_CREDIT = 30
# The formulaic frame of a report or notice (现将…报告如下, 请予审议, 特此通知): no content.
_STOCK = re.compile(
    r"^现将.{0,60}(?:报告|汇报|通报|说明|公布|通知|介绍)如下"
    r"|^(?:现)?(?:报告|汇报|通报|说明|公告|通知)如下[：:，,。]?$"
    r"|(?:请予|提请|请)(?:以)?(?:审议|审阅|审查|批示|指正)"
    r"|^(?:现在，?)?我代表.{1,20}向.{0,12}(?:大会|会议)(?:报告|作)"
    r"|^特此(?:报告|通知|公告|函告|说明)"
    r"|^妥否[，,]?请"
)
ZONE = re.compile(
    # （记者李国利、黄一宸）, 【記者王小明／台北報導】
    r"[（(【][^（）()【】]*(?:记者|記者|通讯员|通訊員|摄影|攝影|编辑|編輯|撰稿)[^（）()【】]*[）)】]"
    r"|^[^，。,]{0,24}?\d{1,2}月\d{1,2}日[电電]"  # 新华社北京2月28日电 (a dateline)
)


def unfit_sentence(sentence: str, *, last: bool, alone: bool) -> str | None:
    """Why a sentence of the Simplified mirror can hold no card, or None when it can:
    a photo credit (新华社记者 某某 摄), an editorial note wholly in brackets, a formulaic
    report frame (现将…报告如下，请予审议), a leftover of garbled text or of a pinyin
    annotation, a Japanese or Korean sentence, or the cut-off end of a truncated paragraph
    (`last` sentence of a paragraph, not `alone` in it, without closing punctuation)."""
    text = sentence.strip()
    if len(text) <= MAX_CREDIT and _CREDIT.search(text):
        return "photo credit"
    if _NOTE.match(text):
        return "note in brackets"
    if _GARBLE_MARKS.search(text):
        return "garbled or annotated"
    if _may_be_stock(text) and _STOCK.search(text):
        return "formulaic"
    if _KANA_OR_HANGUL.search(text):
        return "not Chinese"  # a learner page's Japanese or Korean gloss: its Han words too
    if last and not alone and _cjk(text[-1:]):  # notes in English often end without a stop
        return "cut off"
    return None


def _may_be_stock(text: str) -> bool:
    """A quick test for `_STOCK`: each of its frames holds one of these."""
    return any(word in text for word in _STOCK_WORDS)


_STOCK_WORDS = ("请", "如下", "我代表", "特此", "妥否")


def _has_cjk(text: str) -> bool:
    return _CJK_CHAR.search(text) is not None


_CJK_CHAR = re.compile(f"[{CJK}]")


def _cjk(text: str) -> bool:
    return _CJK_CHAR.fullmatch(text) is not None


def credit_zones(sentence: str) -> list[tuple[int, int]]:
    """Bylines and datelines inside a sentence (offsets of `sentence`): never an answer."""
    if not _ZONE_MARKS.search(sentence):
        return []  # a quick test: a byline opens a bracket, a dateline says 电
    return [m.span() for m in ZONE.finditer(sentence)]


_ZONE_MARKS = re.compile("[（(【电電]")


def is_meta_line(line: str) -> bool:
    """Source, author, date and similar labelled lines: never a card."""
    return META_LINE.match(line) is not None


def _substantial(line: str) -> bool:
    cjk = len(re.findall(f"[{CJK}]", line))
    words = len(re.findall(r"[A-Za-z]{2,}", line))
    return cjk >= 2 or words >= 2


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence ranges in `text[start:end]`; a run-in head of a few characters (督察全面化。)
    stays with the sentence after it. Quotations never split a sentence, nor does a semicolon
    inside a long one."""
    masked = mask_quotes(text[start:end])
    ranges = []
    at = 0
    ends = SENTENCE_END if _has_cjk(masked) else LATIN_SENTENCE_END
    for match in ends.finditer(masked):
        ranges.append((at, match.end()))
        at = match.end()
    if at < len(masked) and masked[at:].strip():
        ranges.append((at, len(masked)))
    merged: list[tuple[int, int]] = []
    pending: tuple[int, int] | None = None
    for s, e in ranges:
        s += len(masked[s:e]) - len(masked[s:e].lstrip())
        if s >= e:
            continue
        if pending is not None:
            s = pending[0]
            pending = None
        if e - s <= RUN_IN_MAX and masked[s:e].rstrip()[-1:] in "。." and e < len(masked):
            pending = (s, e)
            continue
        piece = text[start + s : start + e].rstrip()
        if (
            piece[-1:] in "；;"
            and piece.count("“") > piece.count("”")
            and e < len(masked)
            and e - s <= MAX_QUOTED_SENTENCE
        ):
            pending = (s, e)  # “今年甲增至272人；乙增到115人……”: one quotation, one sentence
            continue
        merged.append((s, e))
    if pending is not None:
        merged.append(pending)
    return [(start + s, start + len(masked[s:e].rstrip()) + s) for s, e in merged]


def parse_heading(text: str, start: int, end: int, line: int) -> Heading | None:
    """The numbered heading `text[start:end]` is (or begins with), else None."""
    match = HEADING_NUMBER.match(text, start, end)
    if match is None:
        return None
    body_start = match.end()
    number = match.group().strip()
    masked = mask_quotes(text[body_start:end])
    stop = SENTENCE_END.search(masked)
    body_end = body_start + (stop.start() if stop else len(masked))
    if not 2 <= body_end - body_start <= MAX_HEADING:
        return None
    if stop and number[0].isdigit() or number[:1] in "（(" and number[1:2].isdigit() and stop:
        return None  # "1. A sentence." is a numbered item, not a heading
    style = re.sub(r"\d+", "D", re.sub(f"[{_NUMERALS}]+", "N", number.replace("(", "（")))
    comma = re.search(r"[，,：:]", masked[: body_end - body_start])
    if comma is not None and comma.start() >= 2 and body_end - body_start - comma.end() >= 2:
        title = (body_start, body_start + comma.start())
        subtitle: tuple[int, int] | None = (body_start + comma.end(), body_end)
    else:
        title = (body_start, body_end)
        subtitle = None
    label = (start, title[1])
    return Heading(start, body_end, line, style, number, title, subtitle, label)


def layout(text: str) -> Layout:
    """Split a cleaned text into paragraphs (non-empty lines), headings and sentences."""
    paragraphs: list[Paragraph] = []
    headings: list[Heading] = []
    candidates: list[tuple[int, int]] = []  # short lines before the body: title, byline …
    body_start: int | None = None
    section: tuple[int, int] | None = None
    body_seen = False
    offset = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line_start, line_end = offset, offset + len(raw)
        offset = line_end + 1
        stripped = raw.strip()
        if not stripped or is_meta_line(stripped):
            continue
        start = line_start + len(raw) - len(raw.lstrip())
        end = line_start + len(raw.rstrip())
        heading = parse_heading(text, start, end, number)
        if heading is None and not body_seen:
            if _may_be_title(stripped):
                candidates.append((start, end))
            if is_byline(stripped):  # 广东省省长 孟凡利: its own paragraph, the body to come
                paragraph = Paragraph(len(paragraphs), number, start, end, section, None)
                paragraph.sentences.append(Sentence(start, end, number, paragraph.index, section))
                paragraphs.append(paragraph)
                continue
            if _is_body(stripped):
                body_seen = True
                body_start = start
            else:
                continue
        elif heading is None and _is_short_line(stripped):
            section = (start, end)
            continue
        if heading is not None:
            headings.append(heading)
            section = heading.label
            body_seen = True
            body_start = start if body_start is None else body_start
        paragraph = Paragraph(len(paragraphs), number, start, end, section, heading)
        sentence_from = start
        if heading is not None:
            paragraph.sentences.append(
                Sentence(start, heading.end, number, paragraph.index, section, heading=True)
            )
            sentence_from = heading.end
            while sentence_from < end and not _is_word_char(text[sentence_from]):
                sentence_from += 1
        for piece_start, piece_end in _dash_items(text, sentence_from, end):
            if piece_start != sentence_from:  # a run-together list item: its own paragraph
                paragraph.end = piece_start
                paragraphs.append(paragraph)
                paragraph = Paragraph(len(paragraphs), number, piece_start, piece_end, section)
            for s, e in split_sentences(text, piece_start, piece_end):
                paragraph.sentences.append(Sentence(s, e, number, paragraph.index, section))
        paragraphs.append(paragraph)
    title = _pick_title(text, candidates, body_start)
    numbered = document_number(text, candidates)
    if numbered is not None:
        paragraphs = _with_number(paragraphs, numbered)
        # the lines right above the number are the title (not a page's index table above)
        title = (numbered[0], text.rindex("\n", numbered[0], numbered[1]))
    return Layout(title, headings, paragraphs)


# A document's own number (发文字号) standing alone: 国办发〔2018〕123号, 粤府办〔2019〕12号.
DOCUMENT_NUMBER = re.compile(
    f"[{CJK}]{{1,10}}[〔\\[［(（]\\d{{4}}[〕\\]］)）]\\s*\\d{{1,4}}\\s*[号號]"
)
MAX_TITLE_LINES = 3


def document_number(
    text: str, candidates: list[tuple[int, int]]
) -> tuple[int, int, int, int] | None:
    r"""(title start, start, end, line) of a document's number on a line of its own right
    under the title's lines (国务院办公厅关于推进 / 某某工作的意见 / 国办发〔2018〕123号),
    among the short lines before the body (`candidates`), or None.

    >>> text = "首页 新闻\n某省人民政府关于加强\n某某工作的通知\n某府发〔2024〕5号\n各市："
    >>> lines = [(6, 16), (17, 24), (25, 36)]
    >>> title, start, end, line = document_number(text, lines)
    >>> text[title:start], text[start:end], line
    ('某省人民政府关于加强\n某某工作的通知\n', '某府发〔2024〕5号', 4)
    >>> document_number("某某工作的意见\n某某工作领导小组", [(0, 7), (8, 16)]) is None
    True
    """
    for index, (start, end) in enumerate(candidates):
        if index == 0 or DOCUMENT_NUMBER.fullmatch(text[start:end].strip()) is None:
            continue
        first = index
        while (
            first > 0
            and index - first < MAX_TITLE_LINES
            and text[candidates[first - 1][1] : candidates[first][0]].count("\n") == 1
        ):
            first -= 1
        if first == index:
            return None  # nothing right above it: no title to ask it with
        return candidates[first][0], start, end, text.count("\n", 0, start) + 1
    return None


def _with_number(
    paragraphs: list[Paragraph], numbered: tuple[int, int, int, int]
) -> list[Paragraph]:
    """The paragraphs with one more before the first that starts after the number: the
    title and the number under it as one sentence, the number's card (see
    `document_number`); the paragraphs after it numbered again."""
    title_start, start, end, line = numbered
    if any(p.start <= start < p.end for p in paragraphs):
        return paragraphs  # the line is read already
    at = next((i for i, p in enumerate(paragraphs) if p.start > start), len(paragraphs))
    own = Paragraph(at, line, title_start, end, None)
    own.sentences.append(Sentence(title_start, end, line, at, None))
    result = [*paragraphs[:at], own]
    for index, paragraph in enumerate(paragraphs[at:], start=at + 1):
        paragraph.index = index
        paragraph.sentences = [replace(s, paragraph=index) for s in paragraph.sentences]
        result.append(paragraph)
    return result


def _dash_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A line cut where a sentence ends and a dash opens the next (…良好开局。——经济发展再上
    新台阶。…): the items of a list whose line breaks a scraped page lost."""
    cuts = [m.start() for m in _DASH_ITEM.finditer(text, start, end) if m.start() > start]
    bounds = [start, *cuts, end]
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def _pick_title(
    text: str, candidates: list[tuple[int, int]], body_start: int | None
) -> tuple[int, int] | None:
    """The first line before the body that the body names again (a page's leftover
    navigation never is), else simply the first one; with the next line when the title
    goes on there (国务院关于 / 某某工作的意见)."""
    picked = None
    if body_start is not None:
        body = text[body_start:]
        for index, (start, end) in enumerate(candidates):
            if text[start:end].strip() in body:
                picked = index
                break
    if picked is None and candidates:
        picked = 0
    if picked is None:
        return None
    start, end = candidates[picked]
    if picked + 1 < len(candidates):
        next_start, next_end = candidates[picked + 1]
        first, second = text[start:end].strip(), text[next_start:next_end].strip()
        adjacent = text[end:next_start].count("\n") == 1
        goes_on = _TITLE_GOES_ON.search(first) is not None or (
            _TITLE_ABOUT.search(first) is not None and _DOCUMENT_GENRE.search(second) is not None
        )
        if adjacent and goes_on and not _TITLE_ABOUT.search(second):
            end = next_end
    return (start, end)


def clean_title(title: str) -> str:
    """A title as a deck shows it: its lines joined (with no space after 关于 or 的),
    without a dateline or document number before it, and out of its 《》 if that is all."""
    lines = [line.strip() for line in title.split("\n") if line.strip()]
    joined = ""
    for line in lines:
        latin = joined[-1:].isascii() and line[0].isascii()
        if joined and (latin or not _TITLE_GOES_ON.search(joined)):
            joined += " "  # two parallel clauses (推动某某发展 奋力书写新篇章的意见)
        joined += line
    joined = " ".join(joined.split())
    stripped = _TITLE_PREFIX.sub("", joined, count=1).strip()
    if len(re.findall(f"[{CJK}]", stripped)) >= 4:
        joined = stripped
    if joined.startswith("《") and joined.endswith("》") and joined.count("《") == 1:
        joined = joined[1:-1]
    return joined


def _may_be_title(line: str) -> bool:
    """A line that could be the title: words, no sentence (a photo caption with its credit,
    生产总值增长8%。（新华社 摄）, is prose), not a body line, no aside (——在某会议上) and
    no byline (市长 王某)."""
    return (
        _substantial(line)
        and not _is_navigation(line)
        and not _ends_sentence(line)
        and not _is_body(line)
        and not re.search("[。！？]", line)
        and line[-1] not in "：:"  # 以下是报告全文：
        and not _ASIDE_LINE.match(line)
        and not _BYLINE.match(line)
    )


def _is_navigation(line: str) -> bool:
    """A row of short menu words (首页 新闻 县区 百姓呼声 …): a page's menu, no title."""
    tokens = line.split()
    return (
        len(tokens) >= _NAV_MIN_TOKENS
        and all(len(token) <= _NAV_TOKEN_MAX for token in tokens)
        and not re.search("[，。；！？、,;!?]", line)
    )


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _ends_sentence(line: str) -> bool:
    return line[-1] in _FINAL_PUNCT


def _is_body(line: str) -> bool:
    return len(line) > MAX_SHORT_LINE * 2 or (_ends_sentence(line) and _substantial(line))


def _is_short_line(line: str) -> bool:
    return len(line) <= MAX_SHORT_LINE and not _ends_sentence(line) and _substantial(line)
