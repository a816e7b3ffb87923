"""The figures pass: numbers with their unit and what they measure, as cloze answers.

A work report is made of targets (国内生产总值增长5%左右) and results (地区生产总值
33757.93亿元); a history chapter of dates (公元前221年); readers are examined on exactly
these. `figure_spans(sentence)` finds them in one Simplified sentence:

- a number (ASCII or full-width digits, a decimal, 3,000, or Chinese numerals such as
  二十六 or 百分之五) with its 万/亿 magnitude, its unit (%, 个百分点, 亿元, 万人, 斤 …) and
  its qualifier (左右, 以上, 以内 …): the whole is the answer (5%左右, 1.3万亿斤以上);
- a target year (到2035年, 2035年前) or an era date (公元前221年, 前219年);
- only where its clause names what it measures (two or more Chinese characters before it in
  the clause), never a bare number (a section or page number has no unit), an ordinal
  (第3), a day of the calendar (2024年3月5日), a year alone (2023年，我们…) or a figure of a
  sentence holding more than `MAX_FIGURES` of them that states no target (a table in prose).

Each span says what it is, which the scoring step weighs: `target` (a goal of the text:
目标/预期/力争/拟安排 in the sentence, or a qualified figure such as 5%左右 or 以上), `result`
(增长, 达到, 完成 … before it), `total` (合共14条航线: what the parts come to), `year` (a
target year, an era date, a year with the event it dates: 1840年鸦片战争), `named` (how a
document is divided: 共有十一章三十五节), or `fact`.

>>> [(s.text, s.kind) for s in figure_spans("预期目标是：生产总值增长5%左右；新增就业1200万人。")]
[('5%左右', 'target'), ('1200万人', 'target')]
>>> [(s.text, s.kind) for s in figure_spans("全市地区生产总值达到33757.93億元，增長5.3%。")]
[('33757.93億元', 'result'), ('5.3%', 'result')]
>>> [s.text for s in figure_spans("第3条　2024年3月5日发布，共12页。")]
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.generate.structure import Layout
from quiz.text.phrases import CJK

MAX_FIGURES = 8
_OPEN_QUOTES = "“‘「『《〈"
_CLOSE_QUOTES = "”’」』》〉"
_DIGITS = r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?"
_CN_DIGITS = "零〇一二两兩三四五六七八九十百千"
# 八万一千, 一百一十四万亿: a number in words holds its 万 and 亿 (the last one is the
# magnitude of the figure, 万亿元, and may stand apart)
_CN_NUMBER = f"[{_CN_DIGITS}](?:[{_CN_DIGITS}万萬亿億]*[{_CN_DIGITS}])?(?:点[{_CN_DIGITS}]+)?"
_MAGNITUDE = "(?:[万萬]亿|[万萬億亿千])?"
# Longest first: a regular expression takes the first alternative that matches, so 个月
# before 个 (为期20个月, not 20个 of 20个月) and 条航线 before 条.
_UNITS = "|".join(
    sorted(
        (
            "个百分点 個百分點 千分点 % ％ ‰ 倍 美元 港元 港币 元 人次 万人 萬人 人 户 戶 "
            "个 個 个月 個月 项 項 家 所 座 套 辆 輛 台 吨 噸 斤 亩 畝 公顷 公頃 平方公里 "
            "平方千米 平方米 公里 千米 米 千瓦时 千瓦 瓦 标准箱 標準箱 架 艘 条 條 名 岁 歲 "
            "天 小时 小時 立方米 方 度 件 种 種 批 场 場 次 篇 部 所学校 张 張 间 間 条航线 條航線"
        ).split(),
        key=lambda unit: (-len(unit), unit),
    )
)
# Classifiers: a count in Chinese numerals before one is a phrase (十件大事), not a figure.
_COUNTERS = frozenset(
    "个 個 项 項 家 所 座 套 件 种 種 批 场 場 次 篇 部 张 張 间 間 条 條 名 台 架 艘 "
    "所学校 条航线 條航線".split()
)
_QUALIFIER = "(?:左右|以上|以内|以內|以下|多|余|餘)?"
_FIGURE = re.compile(
    f"(?P<pct>百分之{_CN_NUMBER})"
    f"|(?P<num>(?:{_DIGITS}[%％]?\\s*[—－~～]\\s*)?{_DIGITS}|{_CN_NUMBER})"
    f"(?:多|余|餘)?\\s*{_MAGNITUDE}\\s*(?P<unit>{_UNITS})"
)
_YEAR = re.compile("(?P<era>公元前|前)?\\s*(?P<year>[0-9０-９]{3,4})\\s*年")
# What every figure starts with (a digit, a numeral, 百分之) and every year holds (a digit)
_FIGURE_START = re.compile(f"[0-9０-９{_CN_DIGITS}]")
_YEAR_DIGIT = re.compile("[0-9０-９]")
_QUALIFIER_RE = re.compile(_QUALIFIER)
_DATE_PART = re.compile("\\s*[0-9０-９一二三四五六七八九十]{1,2}\\s*[月日号]")
_RANGE_END = re.compile("[0-9０-９][—\\-－~～至到]\\s*$")  # 2019—|2023年
_MAGNITUDE_CHAR = re.compile("[万萬亿億千]")
# 拟 before what is planned (拟安排, 拟按3%安排, 拟发行) states a target too; 虚拟, 模拟 do not.
_TARGET_WORDS = re.compile(
    "目标|目標|预期|預期|力争|力爭|争取|爭取|确保|確保|控制在|"
    "[拟擬](?:安排|按|發行|发行|连续|連續|新增|增加|投入|下达|下達)"
)
# 计划 plans where it goes on (计划投资8.6亿元, 年度计划完成…); closing a clause it plans the
# figures of that clause (完成37.8亿元的年度投资计划。), and names a scheme for the rest
# (改善综援计划，包括…由2,500元增加至4,000元: facts of the scheme); in quotation marks it
# is a name (「…试验计划」服务券).
_PLAN = re.compile("计划|計劃")
_PLAN_ENDS = re.compile("[\\s，,。；;、：:！？!?）)]|$")
_RESULT_WORDS = re.compile(
    "增长|增長|增速|达到|達到|达|達|完成|实现|實現|突破|超过|超過|新增|累计|累計|下降|降低|"
    "提高|提升|占|佔|总量|總量|总额|總額|规模|規模|产量|產量|收入|人口|面积|面積|全长|全長|长|長|"
    "增加|扩大|擴大|扩展|擴展|缩减|縮減|减少|減少|调高|調高|降至"
)
# A total (合共14条航线, 至总数8,000张, 共安排883个): what the parts come to, a result
# however small its unit (`total`: the scoring step asks it like a sum, not a mere count).
_TOTAL_WORDS = re.compile(
    "合共|共计|共計|总共|總共|合计|合計|总计|總計|总数|總數|"
    "(?<![公中])共(?:有|安排|办理|辦理|完成|实施|實施|建成|开工|開工|涉及)"
)
# A paragraph that states the text's targets (主要预期目标是：…): its every figure is one.
TARGETS = re.compile("(?:预期|預期|主要|发展|發展)目[标標]")
# The quantities a report's readers are asked first: output, income, population, jobs.
HEADLINE = re.compile(
    "生产总值|生產總值|GDP|经济总量|經濟總量|预算收入|預算收入|财政收入|財政收入|可支配收入|"
    "常住人口|总人口|總人口|新增就业|新增就業|失业率|失業率|居民消费价格|居民消費價格|"
    "粮食(?:年)?产量|糧食(?:年)?產量"
)


# The top-level part of a report that reviews the past (一、2025年工作回顾, 一、过去五年
# 的工作): its figures are results, whatever qualifier or plan word they carry.
_REVIEW = re.compile("回顾|回顧|过去[一五]年|過去[一五]年|主要成绩|主要成績")


def review_paragraphs(text: str, lay: Layout) -> set[int]:
    """The paragraphs under a top-level heading (the style of the text's first heading)
    that reviews the past (`_REVIEW`: 一、2025年工作回顾), up to the next heading of that
    style.

    >>> from quiz.generate.structure import layout
    >>> text = "一、2025年工作回顾\\n产值增长5%以上。\\n二、2026年工作安排\\n产值增长5%以上。\\n"
    >>> sorted(review_paragraphs(text, layout(text)))
    [0, 1]
    """
    if not lay.headings:
        return set()
    top = lay.headings[0].style
    found: set[int] = set()
    inside = False
    for paragraph in lay.paragraphs:
        heading = paragraph.heading
        if heading is not None and heading.style == top:
            title = text[heading.title[0] : heading.title[1]]
            inside = _REVIEW.search(title) is not None
        if inside:
            found.add(paragraph.index)
    return found


# A line set apart above a paragraph, stating figures without a stop (2022年重大项目共安排
# 883个，年度社会投资占比74.3%): a subheading, whose figures are what the paragraph reports.
MAX_SUBHEAD = 48
_STOPS = "。！？!?；;…．.”』」"


def subhead_paragraphs(text: str, lay: Layout) -> set[int]:
    """The paragraphs that are a subheading stating figures (see MAX_SUBHEAD): one
    sentence, no heading number, at most MAX_SUBHEAD characters, no stop at its end, a
    figure in it, and a paragraph after it.

    >>> from quiz.generate.structure import layout
    >>> text = ("前言写了一段话，说明情况。\\n"
    ...         "2022年全市重大项目共安排883个，年度社会投资占比74.3%\\n"
    ...         "其中，政府投资575.5亿元。\\n")
    >>> sorted(subhead_paragraphs(text, layout(text)))
    [1]
    """
    found: set[int] = set()
    for paragraph, following in zip(lay.paragraphs, lay.paragraphs[1:], strict=False):
        if paragraph.heading is not None or len(paragraph.sentences) != 1:
            continue
        line = text[paragraph.start : paragraph.end].strip()
        if not line or len(line) > MAX_SUBHEAD or line[-1] in _STOPS:
            continue
        if following.sentences and figure_spans(line):
            found.add(paragraph.index)
    return found


def is_headline(sentence: str, start: int) -> bool:
    """The clause before the figure at `start` names a headline quantity.

    >>> is_headline("全市地区生产总值增长5.3%，进出口增长2%。", 10)
    True
    """
    return HEADLINE.search(_clause_before(sentence, start)) is not None


# A sum written right before the allowance it is (每名学生可获得2,500元学习津贴, 每月多了300元
# 补贴): the amount and what it pays are asked together; not a sum for a scheme or fund
# (20亿元先导资助计划: the name goes on) nor one in a name (“2,500元”).
_SUMS = frozenset({"元", "美元", "港元", "港币"})
_PAYS_FOR = re.compile(
    f"[{CJK}]{{0,4}}?(?:津贴|津貼|补贴|補貼|补助|補助|资助|資助|奖金|獎金|助学金|助學金|"
    "救助金|慰问金|慰問金|补偿金|補償金|养老金|養老金|生活费|生活費)"
    f"(?=$|[^{CJK}]|[等和及与與的])"
)
# How a document is divided, as its readers are asked (《纲要》共有十一章三十五节, 全文共分
# 为6章42条): its chapters or parts counted after 共, with its sections or articles; never
# one chapter's number (第十一章: an ordinal).
_PARTS = re.compile(
    f"(?:共有|共分为|共分|共|分为)\\s*(?P<parts>(?:{_CN_NUMBER}|{_DIGITS})\\s*[章编編篇]"
    f"(?:\\s*(?:{_CN_NUMBER}|{_DIGITS})\\s*[节節条條])?)"
)
# A year written right before the event it dates (1840年鸦片战争, 1919年五四运动, 1978年
# 十一届三中全会): the year and the event are asked together, as a history test asks them.
# (never opened by a function word: 2020年的一场革命)
_EVENT = re.compile(
    "(?![的地得了着过和与與及或在是为為对對从從把被将將以于於而也都就还還又再这這那])"
    f"[{CJK}]{{2,8}}?(?:战争|戰爭|革命|运动(?!会)|運動(?!會)|起义|起義|战役|戰役|事变|事變|"
    "条约|條約|变法|變法|全会|全會)"
)
# A sentence or clause giving an example (例如每月开支为600元，…; 不能低于某个数据（比如30%）):
# its figures illustrate, they are no facts of the text.
_EXAMPLE = re.compile("^[\\s—－-]*(?:例如|比如|譬如|举例来说|舉例來說|打个比方|打個比方)")
_EXAMPLE_IN = re.compile("例如|比如|譬如")
# A figure qualified so is a target or a rounded headline (5%左右, 1200万人以上).
ROUNDED = ("左右", "以上", "以内", "以內")
_TARGET_YEAR_BEFORE = re.compile("(?:到|至|于|於|在)\\s*$")
_TARGET_YEAR_AFTER = re.compile("^\\s*(?:前|以前)")  # 2017年末 is a date, 2035年前 a goal
_CLAUSE = re.compile("[，,；;：:。！？!?（）()]")


@dataclass(frozen=True, slots=True)
class FigureSpan:
    """A figure in a sentence: `[start, end)`, its text and what it is."""

    start: int
    end: int
    text: str
    kind: str  # target | result | total | year | named | fact


def figure_spans(sentence: str) -> list[FigureSpan]:
    """The figures of one sentence worth a blank, in text order (see the module)."""
    first = _FIGURE_START.search(sentence)  # a quick test: most sentences hold no number
    years = "年" in sentence and _YEAR_DIGIT.search(sentence) is not None
    if first is None and not years:
        return []
    quoted = _quoted(sentence)
    found: list[tuple[int, int]] = []
    allowances: set[tuple[int, int]] = set()
    for match in _FIGURE.finditer(sentence, first.start()) if first is not None else ():
        start, end = match.span()
        end += len(_qualifier_at(sentence, end))
        if _ordinal(sentence, start) or _date_part(sentence, end) or _in(quoted, start):
            continue
        if match.group("num") and not _digits_stand_alone(sentence, start, match.end("num")):
            continue
        if match.group("unit") in _SUMS and not _qualifier_at(sentence, match.end()):
            paid = _PAYS_FOR.match(sentence, end)
            if paid is not None:
                end = paid.end()  # 2,500元学习津贴: the sum with what it pays
                allowances.add((start, end))
        found.append((start, end))
    parts = {match.span("parts") for match in _PARTS.finditer(sentence)}
    found.extend(parts)  # 共有十一章三十五节: how the document is made
    events: set[tuple[int, int]] = set()
    for match in _YEAR.finditer(sentence) if years else ():
        start, end = match.span()
        if _date_part(sentence, end) or _in(quoted, start) or sentence[end : end + 1] == "代":
            continue
        before = sentence[max(0, start - 3) : start]
        era = match.group("era") is not None
        event = None if era else _EVENT.match(sentence, end)
        if event is not None:
            end = event.end()  # 1840年鸦片战争: the year with the event it dates
            events.add((start, end))
        elif not era and not (
            _TARGET_YEAR_BEFORE.search(before) or _TARGET_YEAR_AFTER.match(sentence[end:])
        ):
            continue
        if _RANGE_END.search(sentence, 0, start):
            continue  # the end of a range (2019—2023年)
        found.append((start, end))
    found = _without_overlaps(found)
    target_sentence = _TARGET_WORDS.search(sentence) is not None
    plans = _plans(sentence)
    if len(found) > MAX_FIGURES and not (target_sentence or plans):
        return []  # a table written out as prose: no figure of it stands out
    spans = []
    example = _EXAMPLE.match(sentence) is not None
    for start, end in found:
        clause = _clause_before(sentence, start)
        text = sentence[start:end]
        if example or _EXAMPLE_IN.search(clause):
            continue  # 例如每月开支为600元，可获50元补贴: an illustration, no fact to learn
        if (start, end) in events:
            spans.append(FigureSpan(start, end, text, "year"))
            continue
        if (start, end) in parts:
            spans.append(FigureSpan(start, end, text, "named"))
            continue
        said = sentence[end : end + 20] if _YEAR.fullmatch(text) else clause
        if sum(1 for ch in said if _is_cjk(ch)) < 2:
            continue  # nothing says what the figure measures (or, for a year, what happens)
        planned = target_sentence or any(a <= start < b for a, b in plans)
        kind = _kind(text, clause, planned)
        if kind == "fact" and (start, end) in allowances:
            kind = "result"  # 可获得2,500元学习津贴: what the measure gives
        spans.append(FigureSpan(start, end, text, kind))
    return spans


# A count named with its programme (find_named_counts in the Chinese pass): its noun runs
# this long at most, at least this long.
MAX_PROGRAMME = 10
MIN_PROGRAMME = 4
# What a count of 件 names when it counts matters to be done (30件民生实事, 十件大事): a
# programme, not a tally.
_MATTERS = ("实事", "實事", "大事", "要事", "好事")
# 等 closing a list of names right before the count: the count is their total.
_LISTED_BEFORE = re.compile("、[^，,；;：:。！？!?、]+等\\s*$")


def named_count_shape(sentence: str, start: int, end: int) -> bool:
    """Whether the figure `sentence[start:end]` may be a count of a programme's units: a
    count in digits by a measure word (20个, 30件), without 万 or 亿, after 等 that closes a
    list of names or counting by 件 (what it counts is read by `counts_programme`).

    >>> named_count_shape("推动甲园、乙园、丙园等20个先进制造业园区建设。", 11, 14)
    True
    >>> named_count_shape("年内开工项目57个，完成投资34.8亿元。", 6, 9)
    False
    """
    figure = sentence[start:end]
    if not figure[:1].isdigit() or figure[-1] not in _COUNTERS:
        return False
    if re.search("[万萬亿億]", figure):
        return False
    return figure[-1] == "件" or _LISTED_BEFORE.search(sentence[:start]) is not None


def counts_programme(sentence: str, start: int, end: int, noun: str) -> bool:
    """Whether `noun`, after the count `sentence[start:end]`, names a programme the count
    sizes: after a list closed by 等 any noun (等20个|重点片区), by 件 a matter to be done
    (30件|民生实事: `_MATTERS`).

    >>> counts_programme("坚持标准推进30件民生实事。", 6, 9, "民生实事")
    True
    >>> counts_programme("办理人大代表建议95件。", 8, 11, "")
    False
    """
    if sentence[end - 1] == "件" and not _LISTED_BEFORE.search(sentence[:start]):
        return noun.endswith(_MATTERS)
    return bool(noun)


def _plans(sentence: str) -> list[tuple[int, int]]:
    """Where the sentence's 计划 plan the figures (see `_PLAN`): the whole sentence for a
    计划 that goes on, the clause before it for one closing a clause."""
    spans = []
    for match in _PLAN.finditer(sentence):
        after = sentence[match.end() : match.end() + 1]
        if after and after in _CLOSE_QUOTES:
            continue  # 「…试验计划」: a name
        if _PLAN_ENDS.match(sentence, match.end()) is None:
            return [(0, len(sentence))]  # 计划投资, 年度计划完成
        opens = max((m.end() for m in _CLAUSE.finditer(sentence, 0, match.start())), default=0)
        spans.append((opens, match.start()))
    return spans


def _kind(text: str, clause: str, target_sentence: bool) -> str:
    if _YEAR.fullmatch(text):
        return "year"
    if target_sentence or text.endswith(ROUNDED):
        return "target"
    if _TOTAL_WORDS.search(clause[-8:]):
        return "total"
    if _RESULT_WORDS.search(clause[-8:]):
        return "result"
    return "fact"


def _qualifier_at(sentence: str, at: int) -> str:
    match = _QUALIFIER_RE.match(sentence, at)
    return match.group(0) if match else ""


def _digits_stand_alone(sentence: str, start: int, num_end: int) -> bool:
    """A Chinese-numeral figure is a whole number word, not the end of another word (统一
    of 统一市场 has 一 but no unit after it; 十四五 is a name)."""
    number = sentence[start:num_end]
    whole = _FIGURE.match(sentence, start)
    counted = (
        whole is not None
        and whole.group("unit") in _COUNTERS
        and not _MAGNITUDE_CHAR.search(whole.group(0))
    )
    if number[0].isdigit():
        if counted and len(number) < 2:
            return False  # 3个中心: a small count is part of the phrase, not a figure
        return not (start > 0 and (sentence[start - 1].isdigit() or sentence[start - 1] == "."))
    if counted:
        return False  # 十件大事, 两家: a count written in words names, it does not measure
    return not (start > 0 and sentence[start - 1] in _CN_DIGITS + "万萬亿億")


def _ordinal(sentence: str, start: int) -> bool:
    return start > 0 and sentence[start - 1] in "第第"


def _date_part(sentence: str, end: int) -> bool:
    """The year or month of a calendar date (2024年3月, 3月5日)."""
    return _DATE_PART.match(sentence, end) is not None


def _clause_before(sentence: str, start: int) -> str:
    head = sentence[:start]
    cut = max((m.end() for m in _CLAUSE.finditer(head)), default=0)
    return head[cut:]


_QUOTE_MARK = re.compile(f"[{_OPEN_QUOTES}{_CLOSE_QUOTES}]")


def _quoted(sentence: str) -> list[tuple[int, int]]:
    spans = []
    depth_start: int | None = None
    # only the quote marks move the state: the others are skipped in C
    for found in _QUOTE_MARK.finditer(sentence):
        at, ch = found.start(), found.group()
        if ch in _OPEN_QUOTES and depth_start is None:
            depth_start = at
        elif ch in _CLOSE_QUOTES and depth_start is not None:
            spans.append((depth_start, at))
            depth_start = None
    return spans


def _in(spans: list[tuple[int, int]], at: int) -> bool:
    return any(start < at < end for start, end in spans)


def _without_overlaps(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return kept


_CJK_CHAR = re.compile(f"[{CJK}]")


def _is_cjk(ch: str) -> bool:
    return _CJK_CHAR.match(ch) is not None
