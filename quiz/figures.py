"""Figures: a number with its unit and qualifier (5%左右, 3000亿元, 第一个百年), read into a
value, a unit and a qualifier, so that one figure compares equal to itself in any spelling.

    >>> f = parse_figure("1200万人左右")
    >>> (f.value, f.unit, f.qualifier, f.kind)
    ('12000000', '人', '约', <FigureKind.COUNT: 'count'>)
    >>> parse_figure("一千二百萬人上下").same_as(f)
    True
    >>> parse_figure("十四五") is None  # a name, not a figure
    True

Spellings read: ASCII and full-width digits (５％), a decimal point, thousands separators
(3,000), Chinese numerals (三千, 二十六万, 一千二百, 两, 一万五, 百分之五点五, the financial
forms 叁仟), mixed forms (3千亿, 1.3万亿), 万/亿 scaling applied to the value (26万人 and
260000人 are one figure; so are 3000亿元 and 0.3万亿元), years written digit by digit
(2035年 = 二〇三五年 = 二零三五年; 公元前214年 = 前214年, a negative value: 前三年, "the
first three years", reads so too, which is harmless when both sides read alike), ordinals
(第一个百年 = 第1个百年), ranges (4.5%—5% = 4.5—5% = 百分之四点五到百分之五, value
"4.5~5"; 3—5万人 = 3万—5万人), a place word alone before 万/亿 (千亿元 = 1000亿元),
percent (5%, 百分之五)
kept apart from percentage points (5个百分点), and the Traditional forms of every numeral,
unit and qualifier character (萬, 億, 兩, 個百分點 ...). Qualifiers are compared by meaning,
in five groups (`QUALIFIERS`): about (约 5% = 5%左右), at least or over (以上, 多, 余, 超过),
at most or under (以内, 以下, 不超过), nearly (近, 将近), since (以来).

English figures read too: a magnitude word (9 million = 9,000,000), percent written out
(40 per cent = 40%), a fraction (1/4 = 2/8: value "1/4"), a share with what it is a share
of (1/4 of global territory: the unit is "of global territory"), units of time and
measure (4 years = 4年, 300 km = 300公里) and qualifiers before the number (about,
around, over, more than, under, nearly ...), in the same groups as the Chinese ones.

What counts as a figure (`strict`, the default, for the answers of cards): digits alone
or with a unit; Chinese numerals with a unit of measure (人, 元, 年, %, 倍 ...); an ordinal
(第 + number + a measure word + a noun); digits with a measure word and a noun (26个省份);
a sum in digits with what it pays (2,500元学习津贴) and a year with the event it dates
(1840年鸦片战争), the name read as part of the unit.
Chinese numerals with nothing but a measure word (两个, 四个意识) are names of formulas
more often than counts and are not figures; neither are names like 十四五 that are no
well-formed number. `strict=False` reads anything that starts like a figure and keeps
the rest as its unit (for typed answers, compared with a card's figure).

Pure and light: the standard library's `unicodedata` and `dataclasses` only, about 1 ms
to import (it is on the study path; `quiz.grade` imports it on the first grading).
Values are exact (integers and powers of ten, no floats).
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "Figure",
    "FigureKind",
    "FigureMatch",
    "QUALIFIERS",
    "find_figures",
    "is_figure",
    "parse_figure",
]

MAX_DIGITS = 30  # a longer run of digits is a code or an identifier, not a figure
MAX_NOUN_CHARS = 8  # the noun after a measure word: 26个省份, 第一个百年
MAX_NAMED_CHARS = 10  # what a sum pays for, the event a year dates: 1978年党的十一届三中全会


class FigureKind(StrEnum):
    """What a figure measures, for the hint that names it (`LABELS`)."""

    PERCENT = "percent"  # 5%, 百分之五, 5‰
    POINTS = "points"  # 3个百分点
    YEAR = "year"  # 2035年, 二〇三五年
    ORDINAL = "ordinal"  # 第一个百年
    MULTIPLE = "multiple"  # 两倍
    MONEY = "money"  # 3000亿元
    COUNT = "count"  # 26万人, 1.3万亿斤
    NUMBER = "number"  # 3000 (no unit)
    FRACTION = "fraction"  # 1/4, 1/4 of global territory


ENGLISH_LABELS: dict[FigureKind, str] = {
    FigureKind.PERCENT: "percent",
    FigureKind.POINTS: "percentage points",
    FigureKind.YEAR: "year",
    FigureKind.ORDINAL: "ordinal",
    FigureKind.MULTIPLE: "multiple",
    FigureKind.MONEY: "amount of money",
    FigureKind.COUNT: "count",
    FigureKind.NUMBER: "number",
    FigureKind.FRACTION: "fraction",
}

LABELS: dict[FigureKind, str] = {
    FigureKind.PERCENT: "百分比",
    FigureKind.POINTS: "百分点",
    FigureKind.YEAR: "年份",
    FigureKind.ORDINAL: "序数",
    FigureKind.MULTIPLE: "倍数",
    FigureKind.MONEY: "金额",
    FigureKind.COUNT: "数量",
    FigureKind.NUMBER: "数字",
    FigureKind.FRACTION: "分数",
}

# ----------------------------------------------------------------------- vocabulary

CN_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
CN_SMALL = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 4, "亿": 8}  # powers of ten
SCALE_POWERS = {"十": 1, "百": 2, "千": 3, "万": 4, "亿": 8}
POINT = "点"
ERAS = {"公元前": "-", "前": "-", "公元": "+"}
RANGE = "~"  # between the two ends of a range's value: "4.5~5"
RANGE_MARKS = frozenset("—–-~至到")
IMPLIED_ONE = {"十": 10, "百": 100, "千": 1000, "万": 10_000}
CN_NUMERAL_CHARS = frozenset(CN_DIGITS) | frozenset(CN_SMALL) | frozenset(CN_BIG) | {POINT}

# (written, group) pairs; the group is the meaning qualifiers are compared by.
ABOUT, OVER, UNDER, NEARLY, SINCE = "约", "以上", "以内", "近", "以来"
PREFIX_QUALIFIERS = {
    "约": ABOUT, "大约": ABOUT, "大概": ABOUT,
    "超过": OVER, "超": OVER, "逾": OVER, "不低于": OVER, "不少于": OVER,
    "至少": OVER, "多于": OVER, "高于": OVER,
    "不超过": UNDER, "不高于": UNDER, "至多": UNDER, "最多": UNDER, "不到": UNDER,
    "不足": UNDER, "低于": UNDER, "少于": UNDER,
    "近": NEARLY, "将近": NEARLY, "接近": NEARLY,
}  # fmt: skip
SUFFIX_QUALIFIERS = {
    "左右": ABOUT, "上下": ABOUT, "前后": ABOUT,
    "以上": OVER, "之上": OVER, "多": OVER, "余": OVER, "有余": OVER,
    "以下": UNDER, "以内": UNDER, "之内": UNDER, "之下": UNDER,
    "以来": SINCE,
}  # fmt: skip
INNER_QUALIFIERS = {"多": OVER, "余": OVER}  # 20多万, 3000余亿元, 1万余人
# English, as `_normalise` leaves it: lower case, spaces dropped (more than -> morethan).
ENGLISH_QUALIFIERS = {
    "about": ABOUT, "around": ABOUT, "approximately": ABOUT, "roughly": ABOUT, "some": ABOUT,
    "over": OVER, "morethan": OVER, "atleast": OVER, "upwardsof": OVER,
    "under": UNDER, "lessthan": UNDER, "fewerthan": UNDER, "upto": UNDER, "atmost": UNDER,
    "nearly": NEARLY, "almost": NEARLY, "closeto": NEARLY,
}  # fmt: skip
ENGLISH_MAGNITUDES = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}
QUALIFIERS: dict[str, str] = {**PREFIX_QUALIFIERS, **SUFFIX_QUALIFIERS}
"""Every qualifier read, as written (Simplified) -> the group it is compared by."""

PERCENT, PERMILLE, POINTS = "%", "‰", "百分点"
PERCENT_WORDS = {"百分之": PERCENT, "千分之": PERMILLE}
ORDINAL_MARK = "第"

# Units of measure: a figure with one of these is a figure whatever its numerals.
MEASURES = {
    "%": PERCENT, "‰": PERMILLE, "个百分点": POINTS, "百分点": POINTS,
    "元": "元", "美元": "美元", "港元": "港元", "欧元": "欧元", "日元": "日元",
    "英镑": "英镑", "块": "块",
    "人": "人", "人次": "人次", "户": "户",
    "年": "年", "个月": "个月", "月": "月", "周": "周", "天": "天", "日": "日",
    "小时": "小时", "分钟": "分钟", "秒": "秒", "岁": "岁", "周岁": "周岁",
    "倍": "倍",
    "斤": "斤", "公斤": "公斤", "千克": "公斤", "克": "克", "吨": "吨",
    "吨标准煤": "吨标准煤",
    "米": "米", "公里": "公里", "千米": "公里", "厘米": "厘米", "毫米": "毫米",
    "平方米": "平方米", "平方公里": "平方公里", "平方千米": "平方公里",
    "立方米": "立方米", "亩": "亩", "公顷": "公顷",
    "千瓦": "千瓦", "千瓦时": "千瓦时", "瓦": "瓦", "兆瓦": "兆瓦",
    # English units (lower case, as `_normalise` leaves them), to the same canonical units
    "percent": PERCENT,
    "years": "年", "year": "年", "months": "个月", "month": "个月", "weeks": "周",
    "week": "周", "days": "天", "day": "天", "hours": "小时", "hour": "小时",
    "minutes": "分钟", "minute": "分钟", "seconds": "秒",
    "km": "公里", "kilometres": "公里", "kilometre": "公里", "kilometers": "公里",
    "kilometer": "公里", "miles": "mile", "mile": "mile", "metres": "米", "metre": "米",
    "meters": "米", "meter": "米", "kg": "公斤", "kilograms": "公斤", "kilogram": "公斤",
    "tonnes": "吨", "tonne": "吨", "tons": "吨", "ton": "吨", "hectares": "公顷",
    "hectare": "公顷", "acres": "acre", "acre": "acre",
    "dollars": "美元", "dollar": "美元", "euros": "欧元", "euro": "欧元", "yuan": "元",
}  # fmt: skip
# Measure words: a figure with digits (26个), or an ordinal (第一个), and then a noun.
MEASURE_WORDS = frozenset(
    "个 项 次 家 所 座 套 辆 台 件 名 位 批 届 条 张 艘 架 处 类 种 门 轮 场 篇 支 只 头 "
    "份 道 层 级 期 款 株 棵 册 本 首 片 间 栋 幢 部 例 起 笔 宗 对 方 度".split()
)
UNITS = {**MEASURES, **{word: word for word in MEASURE_WORDS}}
# Sums that may name what they pay for after them (2,500元学习津贴).
_NAMING_SUMS = ("元", "美元", "港元", "欧元", "日元")
_UNIT_LENGTHS = sorted({len(unit) for unit in UNITS}, reverse=True)

FINANCIAL = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰仟", "一二三四五六七八九十百千")
# The Traditional forms of the characters above (OpenCC s2t; tests/grade/test_figures.py
# checks the table against OpenCC both ways).
TRADITIONAL = str.maketrans(
    "萬億兩點個貳參陸圓噸畝項屆輛臺戶處條張門類種級場頭餘約內將過於來時鐘週歲頃標準煉"
    "層間棟筆對隻幾釐歐鎊塊齡冊輪後裏鍾",
    "万亿两点个贰参陆圆吨亩项届辆台户处条张门类种级场头余约内将过于来时钟周岁顷标准炼"
    "层间栋笔对只几厘欧镑块龄册轮后里钟",
)


# ----------------------------------------------------------------------- the figure


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure read from `text`.

    `value` is exact and canonical (a decimal string without exponent or trailing
    zeros: 26万 -> "260000", 1.3万亿 -> "1300000000000", 5.50 -> "5.5"); `unit` is the
    canonical unit after the scale ("人", "元", "%", "百分点", "个省份", "" for none);
    `qualifier` the group of its qualifiers ("约", "以上", "以内", "近", "以来", "" for
    none, several joined by "+"); `ordinal` whether it is written with 第.

    `text` is the figure as written, outer spaces left out. Spans (start, end) into
    `text`: `digits` the numerals of the number itself ("3000" of 3000亿元, "二十六" of
    二十六万人, "5.5" of 5.5%), `amount` the number with its 第, 百分之 and scale (3000亿),
    `core` the figure without its leading and trailing qualifiers; `text[:core[0]]`,
    `text[core[0]:amount[1]]`, `text[amount[1]:core[1]]` and `text[core[1]:]` are the
    qualifier before, the number, the unit and the qualifier after.
    `inner_qualifier` says a qualifier sits inside the number (20多万).
    """

    text: str
    value: str
    unit: str
    qualifier: str
    ordinal: bool
    kind: FigureKind
    digits: tuple[int, int]
    amount: tuple[int, int]
    core: tuple[int, int]
    inner_qualifier: bool = False

    def same_as(self, other: Figure) -> bool:
        """The same figure: same value, unit, qualifier and ordinal."""
        return not self.differences(other)

    def differences(self, other: Figure) -> tuple[str, ...]:
        """What differs from `other`: any of "value", "unit", "qualifier" (an ordinal
        and a cardinal differ in "unit")."""
        found = []
        if self.value != other.value:
            found.append("value")
        if self.unit != other.unit or self.ordinal != other.ordinal:
            found.append("unit")
        if self.qualifier != other.qualifier:
            found.append("qualifier")
        return tuple(found)

    @property
    def is_range(self) -> bool:
        """A range (4.5%—5%, 3—5万人): `value` holds both ends, "4.5~5"."""
        return RANGE in self.value

    @property
    def label(self) -> str:
        """The kind in Chinese (百分比, 金额, 年份 ...)."""
        return LABELS[self.kind]

    @property
    def english_label(self) -> str:
        """The kind in English (percent, count, year ...), for a card in English."""
        return ENGLISH_LABELS[self.kind]

    @property
    def before(self) -> str:
        """The qualifier written before the figure (约 of 约5%), or ""."""
        return self.text[: self.core[0]]

    @property
    def after(self) -> str:
        """The qualifier written after the figure (左右 of 5%左右), or ""."""
        return self.text[self.core[1] :]

    @property
    def unit_text(self) -> str:
        """The unit as written, between the number and a trailing qualifier."""
        return self.text[self.amount[1] : self.core[1]]


@dataclass(frozen=True, slots=True)
class FigureMatch:
    """A figure found in a longer text: `text[start:end]` reads as `figure`."""

    start: int
    end: int
    figure: Figure


def parse_figure(text: str, *, strict: bool = True) -> Figure | None:
    """Read the whole of `text` (outer spaces aside) as a figure, or return None.

    `strict` (the default) says whether `text` is a figure at all (see the module doc:
    四个意识 and 十四五 are not); `strict=False` reads what starts as a figure and keeps
    any rest as part of its unit, for typed answers. Never raises.
    """
    chars, index = _normalise(text)
    parsed = _parse(chars, 0, strict=strict, whole=True)
    if parsed is None or parsed.end != len(chars):
        return None
    return parsed.figure(text, index, 0)


def is_figure(text: str) -> bool:
    """Whether a card's answer is a figure (`parse_figure(text)` is not None)."""
    return parse_figure(text) is not None


def find_figures(text: str, *, bare: bool = False) -> list[FigureMatch]:
    """The figures in a sentence, left to right, none overlapping, each as long as it
    reads (`约5%左右`, `3000亿元`, `第一个`). A noun after a measure word is left out
    (26个省份 gives 26个: where the noun ends is the segmenter's call); numbers in digits
    without a unit only with `bare` (section and list numbers are bare; a bare Chinese
    numeral never, as in `parse_figure`). Finding is not judging:
    dates (2024年3月) and the numbers of headings come out too.

    >>> [(m.start, m.end, m.figure.value) for m in find_figures("增长5%左右，新增26万人")]
    [(2, 6, '5'), (9, 13, '260000')]
    """
    chars, index = _normalise(text)
    found: list[FigureMatch] = []
    position = 0
    while position < len(chars):
        parsed = None
        if chars[position] in _STARTS and _may_start(chars, position):
            parsed = _parse(chars, position, strict=True, whole=False)
        if parsed is None or (not bare and not parsed.unit and not parsed.ordinal):
            position += 1
            continue
        end = parsed.end
        if (
            end < len(chars)
            and _is_latin_or_digit(chars[end])
            and _is_latin_or_digit(chars[end - 1])
        ):
            position += 1  # 5G, 3D
            continue
        figure = parsed.figure(text, index, position)
        found.append(FigureMatch(index[position], index[end - 1] + 1, figure))
        position = end
    return found


# ----------------------------------------------------------------------- normalising


def _normalise(text: str) -> tuple[list[str], list[int]]:
    """The characters of `text` that count, one for one (full-width forms to ASCII,
    Traditional and financial numerals to Simplified, spaces dropped), and where each
    one stands in `text`. ASCII and CJK ideographs are NFKC-stable: only the rest is
    normalised one by one (a sentence a microsecond or so per character)."""
    chars: list[str] = []
    index: list[int] = []
    for position, char in enumerate(text.translate(_FOLD)):
        if not (char.isascii() or "\u4e00" <= char <= "\u9fff"):
            if unicodedata.category(char) == "Cf":
                continue
            folded = unicodedata.normalize("NFKC", char)
            if len(folded) == 1:
                char = folded.translate(_FOLD)
        if char.isspace():
            continue
        chars.append(char.lower() if "A" <= char <= "Z" else char)
        index.append(position)
    return chars, index


def _may_start(chars: list[str], position: int) -> bool:
    """Whether a figure may begin here: not inside a number or a Latin word."""
    if position == 0:
        return True
    previous = chars[position - 1]
    if _is_latin_or_digit(previous):
        return False
    if (
        previous in ".,"
        and position > 1
        and chars[position - 2].isdigit()
        and chars[position].isdigit()
    ):
        return False  # inside 3,000 or 1.5
    return not (previous in CN_NUMERAL_CHARS and chars[position] in CN_NUMERAL_CHARS)


def _is_latin_or_digit(char: str) -> bool:
    return char.isascii() and char.isalnum()


# ----------------------------------------------------------------------- parsing


_FOLD = {**TRADITIONAL, **FINANCIAL}
# where a figure may begin (in normalised characters): a numeral, 第, 百分之/千分之, or a
# qualifier before the number
_STARTS = (
    frozenset("0123456789")
    | CN_NUMERAL_CHARS
    | {ORDINAL_MARK}
    | {word[0] for word in ERAS}
    | {word[0] for word in PERCENT_WORDS}
    | {word[0] for word in PREFIX_QUALIFIERS}
    | {word[0] for word in ENGLISH_QUALIFIERS}
)


class _Parsed:
    """What `_parse` read, in positions of the normalised characters (a plain class:
    a dataclass costs a third of a millisecond at import, and this one is internal)."""

    __slots__ = (
        "end", "mantissa", "exponent", "unit", "groups", "ordinal", "year_digits",
        "core_start", "core_end", "digits", "amount_end", "inner", "upper", "denominator",
    )  # fmt: skip

    def __init__(
        self,
        *,
        end: int,
        mantissa: int,  # value = mantissa * 10 ** exponent
        exponent: int,
        unit: str,
        groups: list[str],
        ordinal: bool,
        year_digits: bool,  # written digit by digit (2035, 二〇三五)
        core_start: int,
        core_end: int,
        digits: tuple[int, int],
        amount_end: int,
        inner: bool,
        upper: tuple[int, int] | None = None,  # a range's upper end (mantissa, exponent)
        denominator: int = 1,  # a fraction's (1/4), in lowest terms
    ) -> None:
        self.end, self.mantissa, self.exponent, self.unit = end, mantissa, exponent, unit
        self.groups, self.ordinal, self.year_digits = groups, ordinal, year_digits
        self.core_start, self.core_end, self.digits = core_start, core_end, digits
        self.amount_end, self.inner, self.upper = amount_end, inner, upper
        self.denominator = denominator

    def figure(self, text: str, index: list[int], start: int) -> Figure:
        """The figure read from `chars[start:self.end]`, whose characters stand at
        `index` in `text`; its spans count from its own first character."""
        first, last = index[start], index[self.end - 1] + 1

        def at(position: int) -> int:
            return (index[position] if position < self.end else last) - first

        def span(begin: int, end: int) -> tuple[int, int]:
            return (at(begin), index[end - 1] + 1 - first if end > begin else at(begin))

        kind = _kind(self.unit, self.ordinal, self.year_digits)
        if self.denominator != 1:
            kind = FigureKind.FRACTION
        core = span(self.core_start, self.core_end)
        return Figure(
            text=text[first:last],
            value=_canonical(self.mantissa, self.exponent)
            + ("" if self.denominator == 1 else f"/{self.denominator}")
            + ("" if self.upper is None else RANGE + _canonical(*self.upper)),
            unit=self.unit,
            qualifier="+".join(sorted(set(self.groups))),
            ordinal=self.ordinal,
            kind=kind,
            digits=span(*self.digits),
            amount=(core[0], span(self.core_start, self.amount_end)[1]),
            core=core,
            inner_qualifier=self.inner,
        )


def _parse(chars: list[str], start: int, *, strict: bool, whole: bool) -> _Parsed | None:
    """Read a figure at `start`. `whole`: `chars` must end with it (a noun may follow a
    measure word, and, unless `strict`, any rest joins the unit)."""
    groups: list[str] = []
    position = start
    word = _longest(chars, position, PREFIX_QUALIFIERS)
    if word:
        groups.append(PREFIX_QUALIFIERS[word])
        position += len(word)
    else:
        word = _english_word(chars, position, ENGLISH_QUALIFIERS)
        after = chars[position + len(word) : position + len(word) + 1]
        if word and after and after[0].isdigit():
            groups.append(ENGLISH_QUALIFIERS[word])  # about 9 million, more than 40%
            position += len(word)
    core_start = position
    # 公元前214年, 前219年: a year before the common era (negative); 公元2035年 = 2035年
    era = _longest(chars, position, ERAS)
    position += len(era)
    before_era = bool(era) and ERAS[era] == "-"
    ordinal = not era and chars[position : position + 1] == [ORDINAL_MARK]
    if ordinal:
        position += 1
    percent_word = "" if ordinal else _longest(chars, position, PERCENT_WORDS)
    position += len(percent_word)
    number_start = position
    amount = _amount(chars, position, groups)
    if amount is None:
        return None
    mantissa, exponent, digits_end, position, chinese, year_digits, inner, scale, denominator = (
        amount
    )
    first_digits = digits = (number_start, digits_end)
    upper: tuple[int, int] | None = None
    range_unit = ""
    ranged = _range_end(chars, position, percent_word, groups)
    if ranged is not None:  # 4.5%—5%, 3—5万人, 2021—2025年
        range_unit, second_word, second = ranged
        high, high_exponent, high_end, position, _, _, high_inner, high_scale, _ = second
        percent_word = percent_word or second_word  # 5%—百分之六: the unit is in the word
        if high_scale and not scale and not range_unit:
            exponent += high_scale  # 3—5万人: the scale written once is the range's
        upper = (high, high_exponent)
        digits = (number_start, high_end)
        inner = inner or high_inner
    amount_end = position
    if year_digits and chars[position : position + 1] != ["年"]:
        return None  # 二〇三五 reads digit by digit only as a year
    unit = PERCENT_WORDS[percent_word] if percent_word else ""
    measure_word = False
    written = _unit_at(chars, position)
    if percent_word and upper is not None and written and UNITS[written] == unit:
        position += len(written)  # 百分之五到6%: the sign after the range says it again
    elif written and not percent_word:
        unit = UNITS[written]
        measure_word = written in MEASURE_WORDS
        position += len(written)
    if range_unit and range_unit != unit:
        return None  # 5%—6个百分点 is no range
    if era and (unit != "年" or upper is not None or exponent):
        return None  # an era marks a year
    if before_era:
        mantissa = -mantissa
    if strict and not unit and not ordinal and chinese:
        return None  # a bare Chinese numeral (一, 三千) is a word more often than a figure
    lone_place = chinese and "".join(chars[digits[0] : amount_end]) in ("百", "千")
    if strict and lone_place and not measure_word:
        return None  # 百年, 千年: words; 千项 is a count, 千亿元 an amount
    if strict and chinese and measure_word and not ordinal and not _large(amount, mantissa):
        return None  # 两个, 八项, 四个意识: the name of a formula, not a count
    if measure_word and whole and (ordinal or not chinese or not strict):
        noun_end = _noun_end(chars, position)
        unit += "".join(chars[position:noun_end])
        position = noun_end
    elif whole and _names_after(chars, position, unit, chinese, year_digits, first_digits):
        # 2,500元学习津贴, 1840年鸦片战争: what the sum pays for, the event the year dates
        noun_end = _noun_end(chars, position, MAX_NAMED_CHARS)
        unit += "".join(chars[position:noun_end])
        position = noun_end
    core_end = position
    word = _longest(chars, position, SUFFIX_QUALIFIERS)
    if word in INNER_QUALIFIERS and not unit:
        word = ""  # 20多 with nothing after: 多 qualifies a unit or a scale
    if word:
        groups.append(SUFFIX_QUALIFIERS[word])
        position += len(word)
    if whole and position < len(chars) and (unit == PERCENT or denominator > 1):
        if _share_of(chars, position):  # 1/4 of global territory: what it is a share of
            unit += "".join(chars[position:])
            core_end = position = len(chars)
    if whole and position < len(chars):
        if strict:
            return None
        if word:  # 5%左右了: the rest, qualifier and all, is an unknown unit
            groups.pop()
        unit += "".join(chars[core_end:])
        core_end = position = len(chars)
    return _Parsed(
        end=position,
        mantissa=mantissa,
        exponent=exponent,
        unit=unit,
        groups=groups,
        ordinal=ordinal,
        year_digits=year_digits
        or bool(era)
        or (unit[:1] == "年" and _four_digits(chars, first_digits)),
        upper=upper,
        core_start=core_start,
        core_end=core_end,
        digits=digits,
        amount_end=amount_end,
        inner=inner,
        denominator=denominator,
    )


def _share_of(chars: list[str], position: int) -> bool:
    """`of` and words at `position`, to the end: what a share is of (of global territory)."""
    rest = chars[position:]
    return (
        rest[:2] == ["o", "f"]
        and len(rest) >= 5
        and all("a" <= char <= "z" or char in "-'" for char in rest)
    )


def _english_word(chars: list[str], position: int, words: dict[str, int] | dict[str, str]) -> str:
    """The longest of `words` written at `position`, or ""."""
    found = ""
    for word in words:
        if len(word) > len(found) and "".join(chars[position : position + len(word)]) == word:
            found = word
    return found


_Amount = tuple[int, int, int, int, bool, bool, bool, int, int]


def _amount(chars: list[str], position: int, groups: list[str]) -> _Amount | None:
    """The number at `position` with its scale and a qualifier inside it: (mantissa,
    exponent, end of the mantissa, end, written in Chinese, digit by digit, a qualifier
    inside, the power of ten of its scale). 20多万, 3000余亿元: the qualifier, then the
    scale; 1万余人: the scale, then the qualifier (added to `groups`). Last, a fraction's
    denominator in lowest terms (1/4; 1 for none); an English magnitude word scales
    digits (9 million)."""
    number = _number(chars, position)
    if number is None:
        return None
    mantissa, exponent, digits_end, position, chinese, by_digit = number
    denominator = 1
    if not chinese and exponent == 0 and chars[position : position + 1] == ["/"]:
        below = _number(chars, position + 1)
        if below is not None and not below[4] and below[1] == 0 and below[0] > 0:
            divisor = math.gcd(mantissa, below[0])
            mantissa, denominator = mantissa // divisor, below[0] // divisor
            digits_end = position = below[3]
    inner = False
    scaled = 0
    for _ in range(2):
        if chars[position : position + 1] and chars[position] in INNER_QUALIFIERS:
            follows = chars[position + 1 : position + 2]
            if follows and (follows[0] in SCALE_POWERS or _unit_at(chars, position + 1)):
                groups.append(INNER_QUALIFIERS[chars[position]])
                inner = True
                position += 1
        length = 0 if scaled or _unit_at(chars, position) else _scale(chars, position, chinese)
        if length:
            scaled = sum(SCALE_POWERS[char] for char in chars[position : position + length])
            exponent += scaled
            position += length
    magnitude = "" if chinese or scaled else _english_word(chars, position, ENGLISH_MAGNITUDES)
    if magnitude:
        scaled = ENGLISH_MAGNITUDES[magnitude]
        exponent += scaled
        position += len(magnitude)
    return mantissa, exponent, digits_end, position, chinese, by_digit, inner, scaled, denominator


def _range_end(
    chars: list[str], position: int, percent_word: str, groups: list[str]
) -> tuple[str, str, _Amount] | None:
    """After a number at `position`, the rest of a range (—5%, 到百分之五, ~5万): the
    unit written after the first number ("" for none), the 百分之 before the second
    ("" for none) and the second number."""
    unit = ""
    written = "" if percent_word else _unit_at(chars, position)
    if written and written not in MEASURE_WORDS:
        unit = UNITS[written]
        position += len(written)
    if position >= len(chars) or chars[position] not in RANGE_MARKS:
        return None
    mark = chars[position]
    position += 1
    if mark == "—" and chars[position : position + 1] == ["—"]:
        position += 1  # ——
    second_word = _longest(chars, position, PERCENT_WORDS)
    if second_word:
        if (percent_word or unit) and PERCENT_WORDS[second_word] != (
            PERCENT_WORDS.get(percent_word) or unit
        ):
            return None
        position += len(second_word)
        unit = PERCENT_WORDS[second_word]
    inside: list[str] = []
    second = _amount(chars, position, inside)
    if second is None:
        return None
    groups.extend(inside)
    return unit, second_word, second


def _large(amount: _Amount, mantissa: int) -> bool:
    """A count too large to name a formula (九千六百多万名, 千项): 100 or more, or
    written with a scale or 多/余."""
    return abs(mantissa) * 10 ** max(amount[1], 0) >= 100 or bool(amount[6] or amount[7])


def _longest(chars: list[str], position: int, words: dict[str, str]) -> str:
    for length in (4, 3, 2, 1):
        word = "".join(chars[position : position + length])
        if len(word) == length and word in words:
            return word
    return ""


def _unit_at(chars: list[str], position: int) -> str:
    for length in _UNIT_LENGTHS:
        word = "".join(chars[position : position + length])
        if len(word) == length and word in UNITS:
            return word
    return ""


def _names_after(
    chars: list[str],
    position: int,
    unit: str,
    chinese: bool,
    year_digits: bool,
    digits: tuple[int, int],
) -> bool:
    """A sum in digits, or a year written digit by digit, and Han characters after it: the
    thing it pays for or the event it dates (2,500元学习津贴, 1840年鸦片战争), read as
    part of its unit (the name counts, like the noun after a measure word: 26个省份)."""
    if position >= len(chars) or not _is_han(chars[position]):
        return False
    if _longest(chars, position, SUFFIX_QUALIFIERS):
        return False  # 2012年以来, 300元左右: a qualifier, not a name
    if unit == "年":
        return year_digits or _four_digits(chars, digits)
    return unit in _NAMING_SUMS and not chinese


def _noun_end(chars: list[str], position: int, longest: int = MAX_NOUN_CHARS) -> int:
    """The end of the noun after a measure word: Han characters up to a qualifier."""
    end = position
    while end < len(chars) and end - position < longest and _is_han(chars[end]):
        if end > position and "".join(chars[end:]) in SUFFIX_QUALIFIERS:
            break
        end += 1
    return end


def _is_han(char: str) -> bool:
    code = ord(char)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or code == 0x3007


def _four_digits(chars: list[str], digits: tuple[int, int]) -> bool:
    written = chars[digits[0] : digits[1]]
    return len(written) == 4 and all(char.isdigit() for char in written)


def _scale(chars: list[str], position: int, chinese: bool) -> int:
    """How many characters of scale (千, 万, 亿, 千亿, 万亿 ...) stand at `position`:
    at most one of 十百千 (digits only), then 万, then 亿."""
    length = 0
    if not chinese and position < len(chars) and chars[position] in CN_SMALL:
        length = 1
    for big in ("万", "亿"):
        if position + length < len(chars) and chars[position + length] == big:
            length += 1
    return length


def _number(chars: list[str], position: int) -> tuple[int, int, int, int, bool, bool] | None:
    """(mantissa, exponent, end of the mantissa, end of the numeral, written in Chinese
    numerals, written digit by digit) of the number at `position`; a Chinese numeral's
    own 万/亿 are in its value and after its mantissa (二十六 of 二十六万)."""
    if position >= len(chars):
        return None
    if chars[position].isascii() and chars[position].isdigit():
        return _ascii_number(chars, position)
    end = position
    while end < len(chars) and chars[end] in CN_NUMERAL_CHARS:
        end += 1
    # the whole run, or a shorter reading where a unit starting with a numeral begins
    # (三百分点 is 3 points, 三千万千瓦 30 million kW); never a reading that leaves
    # numerals to be misread as a scale
    readings = []
    for stop in range(end, position, -1):
        followed = bool(_unit_at(chars, stop))
        if stop < end and not followed:
            continue
        read = _chinese("".join(chars[position:stop]))
        if read is not None:
            readings.append((stop, read))
            if followed:
                break
    if not readings:
        return None
    stop, (mantissa, exponent, by_digit) = readings[-1]
    digits_end = stop
    scale = SCALE_POWERS if POINT in chars[position:stop] else CN_BIG
    while not by_digit and digits_end - 1 > position and chars[digits_end - 1] in scale:
        digits_end -= 1
    return mantissa, exponent, digits_end, stop, True, by_digit


def _ascii_number(chars: list[str], position: int) -> tuple[int, int, int, int, bool, bool] | None:
    end = position
    written: list[str] = []
    while end < len(chars) and chars[end].isascii() and chars[end].isdigit():
        written.append(chars[end])
        end += 1
    # thousands separators: 3,000 and 12,345,678 (a comma with exactly three digits after)
    if len(written) <= 3:
        while (
            end + 3 < len(chars) + 1
            and chars[end : end + 1] == [","]
            and all(c.isascii() and c.isdigit() for c in chars[end + 1 : end + 4])
            and len(chars[end + 1 : end + 4]) == 3
            and not (end + 4 < len(chars) and chars[end + 4].isascii() and chars[end + 4].isdigit())
        ):
            written.extend(chars[end + 1 : end + 4])
            end += 4
    exponent = 0
    if (
        chars[end : end + 1] == ["."]
        and end + 1 < len(chars)
        and chars[end + 1].isascii()
        and chars[end + 1].isdigit()
    ):
        end += 1
        while end < len(chars) and chars[end].isascii() and chars[end].isdigit():
            written.append(chars[end])
            exponent -= 1
            end += 1
    if len(written) > MAX_DIGITS:
        return None
    return int("".join(written)), exponent, end, end, False, False


def _chinese(written: str) -> tuple[int, int, bool] | None:
    """(mantissa, exponent, digit by digit) of a Chinese numeral, or None if malformed:
    二十六万 -> (260000, 0), 一点三万亿 -> (13, 11), 二〇三五 -> (2035, 0, True)."""
    if not written or len(written) > MAX_DIGITS:
        return None
    if POINT in written:
        whole, _, fraction = written.partition(POINT)
        scale_start = len(fraction)
        while scale_start > 0 and fraction[scale_start - 1] in SCALE_POWERS:
            scale_start -= 1
        decimals, scale = fraction[:scale_start], fraction[scale_start:]
        value = _chinese_integer(whole)
        if (
            value is None
            or not decimals
            or any(char not in CN_DIGITS or char == "两" for char in decimals)
            or (scale and _scale(list(scale), 0, chinese=False) != len(scale))
        ):
            return None
        mantissa = value * 10 ** len(decimals) + int("".join(str(CN_DIGITS[c]) for c in decimals))
        exponent = sum(SCALE_POWERS[char] for char in scale) - len(decimals)
        return mantissa, exponent, False
    if len(written) >= 2 and all(char in CN_DIGITS and char != "两" for char in written):
        return int("".join(str(CN_DIGITS[char]) for char in written)), 0, True
    value = _chinese_integer(written)
    return None if value is None else (value, 0, False)


def _chinese_integer(written: str, *, leading: bool = True) -> int | None:
    """A positional Chinese integer (亿 and 万 sections, 十百千 inside, 零 for gaps, the
    last unit implied: 一万五 = 15000, 三百五 = 350), or None if malformed."""
    for big, power in (("亿", 8), ("万", 4)):
        if big in written:
            high_text, _, low_text = written.partition(big)
            # 千亿元, 百万人, 万亿元: a place word alone before 万/亿 means one of it
            high = IMPLIED_ONE.get(high_text) or _chinese_integer(high_text)
            if high is None or high == 0:
                return None
            gap = low_text.startswith(("零", "〇"))
            low_text = low_text.lstrip("零〇")
            if not low_text:
                return high * 10**power
            if not gap and len(low_text) == 1 and low_text in CN_DIGITS:
                low: int | None = CN_DIGITS[low_text] * 10 ** (power - 1)
            else:
                low = _chinese_integer(low_text, leading=False)
            if low is None or low >= 10**power:
                return None
            return high * 10**power + low
    return _below_ten_thousand(written, leading=leading)


def _below_ten_thousand(written: str, *, leading: bool) -> int | None:
    """Below 10000: 一千二百, 三百五 (the last place implied), 一千零五; `leading`: at the
    start of the numeral, where a place alone means one of it (十五, 千项)."""
    total, last_unit, pending, gap = 0, 10_000, None, False
    for index, char in enumerate(written):
        if char in CN_DIGITS:
            if pending is not None:
                return None  # two digits in a row: 十四五
            if CN_DIGITS[char] == 0:
                if index == 0 and len(written) > 1:
                    return None
                gap = True
                if len(written) == 1:
                    return 0
                continue
            pending = CN_DIGITS[char]
        elif char in CN_SMALL:
            unit = CN_SMALL[char]
            if unit >= last_unit:
                return None
            if pending is None:
                if index == 0 and (leading or char == "十"):
                    pending = 1  # 十五, 百万, 千项: the place alone means one of it
                elif char != "十" or not gap:
                    return None
                else:
                    pending = 1  # 一千零十
            total += pending * unit
            pending, last_unit, gap = None, unit, False
        else:
            return None
    if pending is not None:
        total += pending if gap or last_unit == 10_000 else pending * last_unit // 10
    return total


def _canonical(mantissa: int, exponent: int) -> str:
    """260000, 0.3, 1300000000000, -219: the value without exponent or trailing zeros."""
    if mantissa < 0:
        return "-" + _canonical(-mantissa, exponent)
    if mantissa == 0:
        return "0"
    while mantissa % 10 == 0 and exponent < 0:
        mantissa //= 10
        exponent += 1
    if exponent >= 0:
        return str(mantissa * 10**exponent)
    digits = str(mantissa).rjust(-exponent + 1, "0")
    return digits[:exponent] + "." + digits[exponent:]


def _kind(unit: str, ordinal: bool, year_digits: bool) -> FigureKind:
    if ordinal:
        return FigureKind.ORDINAL
    if unit in (PERCENT, PERMILLE) or unit.startswith(PERCENT + "of"):
        return FigureKind.PERCENT
    if unit == POINTS:
        return FigureKind.POINTS
    if unit[:1] == "年" and year_digits:
        return FigureKind.YEAR  # 2035年, 1840年鸦片战争
    if unit == "倍":
        return FigureKind.MULTIPLE
    if unit.endswith("元") or unit in ("英镑", "块") or unit.startswith(_NAMING_SUMS):
        return FigureKind.MONEY  # 3000亿元, 2,500元学习津贴
    return FigureKind.COUNT if unit else FigureKind.NUMBER
