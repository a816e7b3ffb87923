"""Spellings of one figure, written independently of `quiz.figures` (the parser must read
what this module writes): digits ASCII or full width, thousands separators, Chinese
numerals (两 or 二), 万/亿 scaling, years digit by digit, 百分之, the qualifier before or
after, Simplified or Traditional. Used by the grading and hint property tests."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from hypothesis import strategies as st

DIGITS = "零一二三四五六七八九"
FULL_WIDTH = str.maketrans("0123456789.,%", "０１２３４５６７８９．，％")
TRADITIONAL = str.maketrans("万亿两个点", "萬億兩個點")
SCALES = {"": 0, "万": 4, "亿": 8, "万亿": 12}

# unit -> how it may be written after the number (百分之 is handled apart)
UNITS = {
    "%": ["%"],
    "百分点": ["个百分点", "百分点"],
    "元": ["元"],
    "人": ["人"],
    "斤": ["斤"],
    "倍": ["倍"],
    "吨": ["吨"],
    "年": ["年"],
}
# group -> (before, after) spellings of a qualifier with that meaning
QUALIFIERS = {
    "": [("", "")],
    "约": [("", "左右"), ("约", ""), ("", "上下"), ("大约", "")],
    "以上": [("", "以上"), ("超过", ""), ("不低于", "")],
    "以内": [("", "以内"), ("", "以下"), ("不超过", "")],
}


@dataclass(frozen=True)
class Spec:
    """A figure to spell: value, unit and qualifier group."""

    value: Fraction
    unit: str
    qualifier: str


def chinese_integer(n: int, *, liang: bool = False) -> str:
    """The usual Chinese numeral for n >= 0: 二十六万, 一千二百, 三万零五百, 一万零一亿."""
    if n == 0:
        return "零"
    return _below(n, liang=liang, leading=True)


def _below(n: int, *, liang: bool, leading: bool) -> str:
    for big, power in (("亿", 8), ("万", 4)):
        high, low = divmod(n, 10**power)
        if high:
            out = _below(high, liang=liang, leading=leading) + big
            if low:
                out += ("零" if low < 10 ** (power - 1) else "") + _below(
                    low, liang=liang, leading=False
                )
            return out
    return _section(n, leading=leading, liang=liang)


def _section(n: int, *, leading: bool, liang: bool) -> str:
    out = ""
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        if digit == 1 and unit == "十" and leading and not out:
            out += "十"
            continue
        written = "两" if digit == 2 and liang and unit in ("千", "百") else DIGITS[digit]
        out += written + unit
    return out


def decimal_text(value: Fraction) -> str | None:
    """`value` as a terminating decimal with at most 4 places, or None."""
    for places in range(5):
        scaled = value * 10**places
        if scaled.denominator == 1:
            digits = str(scaled.numerator).rjust(places + 1, "0")
            return digits if not places else digits[:-places] + "." + digits[-places:]
    return None


def chinese_decimal(text: str, *, liang: bool = False) -> str:
    whole, _, fraction = text.partition(".")
    written = chinese_integer(int(whole), liang=liang)
    if fraction:
        written += "点" + "".join(DIGITS[int(d)] for d in fraction)
    return written


def with_separators(digits: str) -> str:
    whole, dot, fraction = digits.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return ",".join([whole, *groups]) + dot + fraction


@st.composite
def specs(draw: st.DrawFn) -> Spec:
    unit = draw(st.sampled_from(sorted(UNITS)))
    if unit == "年":
        value = Fraction(draw(st.integers(1900, 2100)))
    else:
        mantissa = draw(st.integers(1, 99_999))
        exponent = draw(st.sampled_from([-2, -1, 0, 0, 1, 4, 8]))
        value = Fraction(mantissa) * Fraction(10) ** exponent
    qualifier = draw(st.sampled_from(sorted(QUALIFIERS)))
    return Spec(value, unit, qualifier)


@st.composite
def spellings(draw: st.DrawFn, spec: Spec) -> str:
    """One spelling of `spec`, chosen by hypothesis."""
    before, after = draw(st.sampled_from(QUALIFIERS[spec.qualifier]))
    if spec.unit == "年":
        year = str(int(spec.value))
        number = draw(
            st.sampled_from(
                [
                    year,
                    year.translate(FULL_WIDTH),
                    "".join("〇一二三四五六七八九"[int(d)] for d in year),
                    "".join(DIGITS[int(d)] for d in year),
                ]
            )
        )
        return before + number + "年" + after
    scales = [
        name
        for name, power in SCALES.items()
        if decimal_text(spec.value / 10**power) is not None
        and (not name or spec.unit not in ("%", "百分点", "倍"))
    ]
    scale = draw(st.sampled_from(scales))
    digits = decimal_text(spec.value / 10 ** SCALES[scale])
    assert digits is not None
    liang = draw(st.booleans())
    forms = [digits, with_separators(digits), digits.translate(FULL_WIDTH)]
    # Chinese numerals below their scale (三千亿, 一万亿; never 一万万)
    if Fraction(digits) < {"": 10**16, "万": 10**4, "亿": 10**8, "万亿": 10**4}[scale]:
        forms.append(chinese_decimal(digits, liang=liang))
    number = draw(st.sampled_from(forms)) + scale
    if spec.unit == "%" and draw(st.booleans()):
        written = before + "百分之" + number + after
    else:
        unit = draw(st.sampled_from(UNITS[spec.unit]))
        if spec.unit == "%" and draw(st.booleans()):
            unit = "％"
        written = before + number + unit + after
    if draw(st.booleans()):
        written = written.translate(TRADITIONAL)
    return written
