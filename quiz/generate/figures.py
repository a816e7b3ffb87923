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
(增长, 达到, 完成 … before it), `year` (a target year or an era date), or `fact`.

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

from quiz.text.phrases import CJK

MAX_FIGURES = 8
_DIGITS = r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?"
_CN_DIGITS = "零〇一二两兩三四五六七八九十百千"
# 八万一千, 一百一十四万亿: a number in words holds its 万 and 亿 (the last one is the
# magnitude of the figure, 万亿元, and may stand apart)
_CN_NUMBER = f"[{_CN_DIGITS}](?:[{_CN_DIGITS}万萬亿億]*[{_CN_DIGITS}])?(?:点[{_CN_DIGITS}]+)?"
_MAGNITUDE = "(?:[万萬]亿|[万萬億亿千])?"
_UNITS = (
    "个百分点|個百分點|千分点|%|％|‰|倍|"
    "美元|港元|港币|元|人次|万人|萬人|人|户|戶|个|個|项|項|家|所|座|套|辆|輛|台|吨|噸|斤|亩|畝|"
    "公顷|公頃|平方公里|平方千米|平方米|公里|千米|米|千瓦时|千瓦|瓦|标准箱|標準箱|架|艘|条|條|名|岁|歲|"
    "天|小时|小時|立方米|方|度|件|种|種|批|场|場|次|篇|部|所学校|张|張|间|間|条航线|條航線"
)
# Classifiers: a count in Chinese numerals before one is a phrase (十件大事), not a figure.
_COUNTERS = frozenset(
    "个 個 项 項 家 所 座 套 件 种 種 批 场 場 次 篇 部 张 張 间 間 条 條 名 台 架 艘".split()
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
    "目标|目標|预期|預期|力争|力爭|争取|爭取|确保|確保|计划|計劃|控制在|"
    "[拟擬](?:安排|按|發行|发行|连续|連續|新增|增加|投入|下达|下達)"
)
_RESULT_WORDS = re.compile(
    "增长|增長|增速|达到|達到|达|達|完成|实现|實現|突破|超过|超過|新增|累计|累計|下降|降低|"
    "提高|提升|占|佔|总量|總量|总额|總額|规模|規模|产量|產量|收入|人口|面积|面積|全长|全長|长|長"
)
# A paragraph that states the text's targets (主要预期目标是：…): its every figure is one.
TARGETS = re.compile("(?:预期|預期|主要|发展|發展)目[标標]")
# The quantities a report's readers are asked first: output, income, population, jobs.
HEADLINE = re.compile(
    "生产总值|生產總值|GDP|经济总量|經濟總量|预算收入|預算收入|财政收入|財政收入|可支配收入|"
    "常住人口|总人口|總人口|新增就业|新增就業|失业率|失業率|居民消费价格|居民消費價格|粮食产量|糧食產量"
)


def is_headline(sentence: str, start: int) -> bool:
    """The clause before the figure at `start` names a headline quantity.

    >>> is_headline("全市地区生产总值增长5.3%，进出口增长2%。", 10)
    True
    """
    return HEADLINE.search(_clause_before(sentence, start)) is not None


_TARGET_YEAR_BEFORE = re.compile("(?:到|至|于|於|在)\\s*$")
_TARGET_YEAR_AFTER = re.compile("^\\s*(?:前|以前)")  # 2017年末 is a date, 2035年前 a goal
_CLAUSE = re.compile("[，,；;：:。！？!?（）()]")
_OPEN_QUOTES = "“‘「『《〈"
_CLOSE_QUOTES = "”’」』》〉"


@dataclass(frozen=True, slots=True)
class FigureSpan:
    """A figure in a sentence: `[start, end)`, its text and what it is."""

    start: int
    end: int
    text: str
    kind: str  # target | result | year | fact


def figure_spans(sentence: str) -> list[FigureSpan]:
    """The figures of one sentence worth a blank, in text order (see the module)."""
    first = _FIGURE_START.search(sentence)  # a quick test: most sentences hold no number
    years = "年" in sentence and _YEAR_DIGIT.search(sentence) is not None
    if first is None and not years:
        return []
    quoted = _quoted(sentence)
    found: list[tuple[int, int]] = []
    for match in _FIGURE.finditer(sentence, first.start()) if first is not None else ():
        start, end = match.span()
        end += len(_qualifier_at(sentence, end))
        if _ordinal(sentence, start) or _date_part(sentence, end) or _in(quoted, start):
            continue
        if match.group("num") and not _digits_stand_alone(sentence, start, match.end("num")):
            continue
        found.append((start, end))
    for match in _YEAR.finditer(sentence) if years else ():
        start, end = match.span()
        if _date_part(sentence, end) or _in(quoted, start) or sentence[end : end + 1] == "代":
            continue
        before = sentence[max(0, start - 3) : start]
        era = match.group("era") is not None
        if not era and not (
            _TARGET_YEAR_BEFORE.search(before) or _TARGET_YEAR_AFTER.match(sentence[end:])
        ):
            continue
        if _RANGE_END.search(sentence, 0, start):
            continue  # the end of a range (2019—2023年)
        found.append((start, end))
    found = _without_overlaps(found)
    target_sentence = _TARGET_WORDS.search(sentence) is not None
    if len(found) > MAX_FIGURES and not target_sentence:
        return []  # a table written out as prose: no figure of it stands out
    spans = []
    for start, end in found:
        clause = _clause_before(sentence, start)
        text = sentence[start:end]
        said = sentence[end : end + 20] if _YEAR.fullmatch(text) else clause
        if sum(1 for ch in said if _is_cjk(ch)) < 2:
            continue  # nothing says what the figure measures (or, for a year, what happens)
        spans.append(FigureSpan(start, end, text, _kind(text, clause, target_sentence)))
    return spans


def _kind(text: str, clause: str, target_sentence: bool) -> str:
    if _YEAR.fullmatch(text):
        return "year"
    if target_sentence or text.endswith(("左右", "以上", "以内", "以內")):
        return "target"
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
