"""Key-phrase extractors: rules for what a student must learn, then jieba TF-IDF for the rest.

Every extractor works on one sentence of the Simplified mirror and returns spans (offsets
into that string), so the caller can cut the same offsets out of the original text. The
rules find quoted terms, numbered formulas, 《titles》, same-shaped enumerations and
parallel clauses; `Segmenter` wraps jieba (the only text module that imports it) for word
boundaries and the IDF weights `quiz.generate.keywords` ranks keywords by, with the rule
phrases registered as words while a document is processed.
"""

from __future__ import annotations

import gc
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
NUMERALS = "一二两兩三四五六七八九十百千万萬双雙"
CLASSIFIERS = "个個项項条條种種件座大"
_CJK_RE = re.compile(f"[{CJK}]")

# --------------------------------------------------------------------------- spans


@dataclass(frozen=True, slots=True)
class Span:
    """A phrase found by a rule: `text[start:end]` of the sentence it was found in."""

    start: int
    end: int
    rule: str

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Enumeration:
    """Same-shaped items separated by `、` (and a final 和/与/及) in one clause."""

    items: tuple[tuple[int, int], ...]

    def texts(self, text: str) -> list[str]:
        return [text[start:end] for start, end in self.items]


def has_cjk(text: str) -> bool:
    return _CJK_RE.search(text) is not None


# --------------------------------------------------------------------------- quotes

QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", "‘": "’", '"': '"', "〝": "〞"}
_QUOTE_RE = re.compile(
    r"“([^“”\n]{1,60})”|「([^「」\n]{1,60})」|『([^『』\n]{1,60})』|‘([^‘’\n]{1,60})’"
    r'|"([^"\n]{1,60})"|〝([^〝〞\n]{1,60})〞'
)
QUOTE_MARKS = "".join(QUOTE_PAIRS) + "".join(QUOTE_PAIRS.values())
# What every quotation _QUOTE_RE finds opens with
_OPENING_QUOTE = re.compile(r'[“「『‘"〝]')
MIN_ANSWER = 2
MAX_ANSWER = 12

_FORMULA_FULL = re.compile(
    f"[{NUMERALS}][{CJK}][{NUMERALS}][{CJK}]"  # 三会一课, 五位一体, 一岗双责
    f"|[{NUMERALS}]+[{CLASSIFIERS}][{CJK}]{{2,4}}"  # 两个确立, 四个意识, 三大攻坚战
    f"|[{NUMERALS}][{CJK}]{{1,2}}[{NUMERALS}][{CJK}]{{1,2}}"  # 一书一单, 两学一做
)
_FORMULA_UNIT = "年月日天次周期届岁号时分秒"


def is_formula(text: str) -> bool:
    """A numbered formula such as 三会一课 or 四个意识 (the whole string)."""
    if _FORMULA_FULL.fullmatch(text) is None:
        return False
    return text[1] not in _FORMULA_UNIT


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Every quotation's inside, whatever its length (callers decide what is usable)."""
    if _OPENING_QUOTE.search(text) is None:
        return []  # a quick test: most sentences quote nothing
    return list(_quoted_spans(text))


@lru_cache(maxsize=8192)
def _quoted_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans = []
    for match in _QUOTE_RE.finditer(text):
        group = next(i for i in range(1, 7) if match.group(i) is not None)
        spans.append((match.start(group), match.end(group)))
    return tuple(spans)


def quoted_terms(text: str) -> list[Span]:
    """Quoted terms and slogans of 2 to 12 characters; numbered ones are tagged `formula`."""
    if _OPENING_QUOTE.search(text) is None:
        return []  # as quoted_spans
    return list(_quoted_terms(text))


# Cached for a few sentences: the rule pass and the formula-expansion pass read each one.
@lru_cache(maxsize=16)
def _quoted_terms(text: str) -> tuple[Span, ...]:
    found = []
    for start, end in quoted_spans(text):
        inner = text[start:end]
        items = _quoted_list(inner) if len(inner) > MAX_ANSWER else []
        if items:  # “东进、西协、南联、北拓、中优”: too long for one blank, each item is one
            for at, item in items:
                rule = "formula" if is_formula(item) else "slogan"
                found.append(Span(start + at, start + at + len(item), rule))
            continue
        if len(inner) > MAX_ANSWER and _QUOTED_NAME.fullmatch(inner):
            found.append(Span(start, end, "quote"))  # “百县千镇万村高质量发展工程”
            continue
        if not MIN_ANSWER <= len(inner) <= MAX_ANSWER or not _has_word_char(inner):
            continue
        found.append(Span(start, end, "formula" if is_formula(inner) else "quote"))
    return tuple(found)


# A quoted name longer than MAX_ANSWER: one run of CJK characters up to MAX_QUOTED_NAME
# (“粤港澳大湾区香港青年实习计划”); with punctuation or longer, a quoted sentence.
MAX_QUOTED_NAME = 16
_QUOTED_NAME = re.compile(f"[{CJK}]{{{MAX_ANSWER + 1},{MAX_QUOTED_NAME}}}")
# Items of a quoted list: two to six CJK characters each, three items or more.
_LIST_ITEM = re.compile(f"[{CJK}]{{2,6}}")
MIN_QUOTED_LIST = 3


def _quoted_list(inner: str) -> list[tuple[int, str]]:
    """The items of a quoted 、-list (“四化同步、城乡融合、五区共兴”) with their offsets,
    or [] when `inner` is no such list.

    >>> _quoted_list("东进、西协、南联")
    [(0, '东进'), (3, '西协'), (6, '南联')]
    >>> _quoted_list("稳中求进、以进促稳"), _quoted_list("要坚持、不动摇的一个很长的句子、还有")
    ([], [])
    """
    parts = inner.split("、")
    if len(parts) < MIN_QUOTED_LIST or not all(_LIST_ITEM.fullmatch(p) for p in parts):
        return []
    items, at = [], 0
    for part in parts:
        items.append((at, part))
        at += len(part) + 1
    return items


def _has_word_char(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


# --------------------------------------------------------------------------- formulas

_NUMERAL = re.compile(f"[{NUMERALS}]")  # what every formula _FORMULA_IN_TEXT finds opens with
_FORMULA_IN_TEXT = re.compile(
    f"([{NUMERALS}][{CJK}][{NUMERALS}][{CJK}]|[{NUMERALS}][个個件座][{CJK}]{{2}})"
    f"(?=$|[^{CJK}]|[和与與及的等])"
)
# A count (两个独立的汉字) looks like a formula (两个确立); one standing unquoted counts as
# a formula only beside another one (两个确立、四个意识) or with its expansion after it.


def formulas(text: str) -> list[Span]:
    """Numbered formulas standing unquoted in running text (两个确立、四个意识 ...)."""
    if _NUMERAL.search(text) is None:
        return []  # a quick test: every formula opens with a numeral
    return list(_formulas(text))


@lru_cache(maxsize=16)  # as _quoted_terms
def _formulas(text: str) -> tuple[Span, ...]:
    found = _unquoted_formulas(text)
    counted = [span for span in found if text[span.start + 1] in CLASSIFIERS]
    listed = {
        id(a)
        for a in counted
        for b in counted
        if a is not b and _FORMULA_LINK.fullmatch(text[min(a.end, b.end) : max(a.start, b.start)])
    }
    return tuple(
        span
        for span in found
        if span not in counted or id(span) in listed or _expansion_items(text, span) is not None
    )


def _unquoted_formulas(text: str) -> list[Span]:
    """Numbered formulas standing unquoted in running text (两个确立、四个意识 ...).

    Quoted formulas are found by `quoted_terms`; here the formula must end where the
    phrase ends (punctuation, 和/与/及/的/等), so 六个规定动作 does not yield 六个规定.
    """
    quoted = quoted_spans(text)
    found = []
    for match in _FORMULA_IN_TEXT.finditer(text):
        start, end = match.span(1)
        if any(qs <= start and end <= qe for qs, qe in quoted):
            continue
        if is_formula(text[start:end]):
            found.append(Span(start, end, "formula"))
    return found


# Between two formulas of one list: 、 or 和, and perhaps a verb (增强四个意识、坚定四个自信).
_FORMULA_LINK = re.compile(f"(?:[、，,和与與及]|以及)[{CJK}]{{0,2}}")


_NUMERAL_VALUE = dict(
    zip("一二两兩三四五六七八九十双雙", (1, 2, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 2, 2), strict=True)
)
_EXPANSION_OPEN = re.compile(r"[”」』\"]?(?:（|\(|：|:|，即|,即|即)")
_EXPANSION_CLOSE = {"（": "）", "(": ")"}


def formula_expansions(text: str) -> list[tuple[Span, list[tuple[int, int]]]]:
    """Formulas the text spells out right after them, with the items of the expansion:
    “三会一课”（支部党员大会、支部委员会、党小组会和党课） gives 三会一课 and four items.

    The count must match the formula: 四个意识 has four items; 三会一课 has three plus one
    (or three). Items are split at 、 and a final 和/与/及, or, counted off (三件大事：一是…，
    二是…，三是…), at their ordinals.
    """
    found = []
    for formula in [s for s in quoted_terms(text) if s.rule == "formula"] + formulas(text):
        items = _expansion_items(text, formula)
        if items is not None:
            found.append((formula, items))
    return found


def _expansion_items(text: str, formula: Span) -> list[tuple[int, int]] | None:
    opening = _EXPANSION_OPEN.match(text, formula.end)
    if opening is None:
        return None
    start = opening.end()
    closer = _EXPANSION_CLOSE.get(opening.group()[-1])
    stop = text.find(closer, start) if closer else -1
    points: list[tuple[int, int]] = []
    if stop < 0:
        end_match = re.compile(r"[。；;！？!?]").search(text, start)
        stop = end_match.start() if end_match else len(text)
        points = _counted_points(text, start, stop)
        comma = re.compile(r"[，,]").search(text, start, stop)
        if not points and comma is not None and "、" in text[start : comma.start()]:
            stop = comma.start()  # 即甲、乙、丙，这是…: the list ends where its clause does
    items = points or _split_items(text, start, stop)
    if len(items) >= 2 and len(items) in _expected_counts(formula.of(text)):
        return items
    return None


def _expected_counts(formula: str) -> set[int]:
    values = [_NUMERAL_VALUE[ch] for ch in formula if ch in _NUMERAL_VALUE]
    if not values:
        return set()
    return {values[0], sum(values)} if len(values) > 1 else {values[0]}


def _split_items(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """Items at 、 (the last one also at 和/与/及), or else at commas."""
    segment = text[start:stop]
    separator = r"、" if "、" in segment else r"[，,；;]"
    items: list[tuple[int, int]] = []
    at = start
    for match in re.finditer(separator, segment):
        items.append((at, start + match.start()))
        at = start + match.end()
    joiner = _LAST_JOINER.search(text, at, stop) if separator == "、" else None
    if joiner is not None and joiner.start() > at:
        items.append((at, joiner.start()))
        at = joiner.end()
    items.append((at, stop))
    trimmed = []
    for s, e in items:  # 一是八十回的抄本: the ordinal counts the item, it is not part of it
        ordinal = _ITEM_ORDINAL.match(text, s, e)
        trimmed.append((ordinal.end() if ordinal else s, e))
    return [(s, e) for s, e in trimmed if e > s and has_cjk(text[s:e])]


_POINT = re.compile("([一二三四五六七八九十])是")


def _counted_points(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The points of 一是…，二是…，三是… from `start` (its first ordinal) to `stop`, each
    without its ordinal and the punctuation closing it; [] unless the ordinals count on
    from 一 in order."""
    marks = [m for m in _POINT.finditer(text, start, stop)]
    if len(marks) < 2 or marks[0].start() != start:
        return []
    numbers = [_NUMERAL_VALUE[m.group(1)] for m in marks]  # 一是…，二是…, never 三是 first
    if numbers != list(range(1, len(marks) + 1)):
        return []
    ends = [m.start() for m in marks[1:]] + [stop]
    points = []
    for mark, end in zip(marks, ends, strict=True):
        while end > mark.end() and text[end - 1] in "，,；;、":
            end -= 1
        points.append((mark.end(), end))
    return points


_ITEM_ORDINAL = re.compile(
    "[一二三四五六七八九十]是|其[一二三四五六七八九十][，,、]?|第[一二三四五六七八九十][，,、]"
)


# --------------------------------------------------------------------------- titles

_TITLE_RE = re.compile(r"《([^《》\n]{1,60})》|〈([^〈〉\n]{1,60})〉")


def titles(text: str) -> list[Span]:
    """Titles of documents and works in 《》 (any length: a title is learnt whole)."""
    found: list[Span] = []
    if "《" not in text and "〈" not in text:
        return found  # a quick test: most sentences name no title
    for match in _TITLE_RE.finditer(text):
        group = 1 if match.group(1) is not None else 2
        if _has_word_char(match.group(group)):
            found.append(Span(match.start(group), match.end(group), "title"))
    return found


# --------------------------------------------------------------------------- enumerations

_CLAUSE_SPLIT = re.compile(r"[，,。；;：:！？!?（）()\s]")
_LAST_JOINER = re.compile(r"和|与|與|及|以及|或")
_MASK = "\ue000"


@lru_cache(maxsize=8192)
def mask_quotes(text: str) -> str:
    """`text` with the inside of quotations and titles replaced (same length), so their
    punctuation does not split clauses or enumerations. Remembered per sentence: the
    layout, the list, series, parallel and lead passes each mask the same sentence."""
    spans = list(_quoted_spans(text))
    spans.extend((s.start, s.end) for s in titles(text))
    if not spans:
        return text  # most sentences quote nothing: no copy to make
    chars = list(text)
    for start, end in spans:
        chars[start:end] = _MASK * (end - start)
    return "".join(chars)


def enumerations(text: str) -> list[Enumeration]:
    """Runs of three or more same-length items separated by `、` (the last may follow 和/与/及).

    The middle items fix the length; the first and last item are trimmed to it (the text
    before the first item belongs to the clause, not the list) and kept only when they
    share the middle items' common prefix or suffix, when there is one. Remembered per
    sentence (the generator asks for a sentence's lists more than once).
    """
    if "、" not in text:
        return []  # a quick test: no list without its 、 (masking only takes marks away)
    return list(_enumerations(text))


@lru_cache(maxsize=8192)
def _enumerations(text: str) -> tuple[Enumeration, ...]:
    masked = mask_quotes(text)
    found = []
    pos = 0
    for clause in _CLAUSE_SPLIT.split(masked):
        start = masked.index(clause, pos) if clause else pos
        pos = start + len(clause)
        if clause.count("、") < 1:
            continue
        enumeration = _enumeration_in(clause, start)
        if enumeration is not None:
            found.append(enumeration)
    return tuple(found)


def list_pieces(text: str, joiner: re.Pattern[str] | None = None) -> list[tuple[int, int]]:
    """The (start, end) of each piece of a 、-list, the last split once more at the word
    joining it (和, 与, 及, 以及, 或; or `joiner`).

    >>> text = "南渠、北渠和秦堤"
    >>> [text[s:e] for s, e in list_pieces(text)]
    ['南渠', '北渠', '秦堤']
    """
    parts: list[tuple[int, int]] = []
    at = 0
    for piece in text.split("、"):
        parts.append((at, at + len(piece)))
        at += len(piece) + 1
    last_start, last_end = parts[-1]
    found = (joiner or _LAST_JOINER).search(text, last_start, last_end)
    if found is not None and found.start() > last_start:
        parts[-1] = (last_start, found.start())
        parts.append((found.end(), last_end))
    return parts


def _enumeration_in(clause: str, offset: int) -> Enumeration | None:
    parts = list_pieces(clause)
    if len(parts) < 3:
        return None
    middle = [clause[s:e] for s, e in parts[1:-1]]
    length = len(middle[0])
    if length < 2 or any(len(item) != length for item in middle):
        return None
    prefix = common_prefix(middle)
    suffix = common_suffix(middle)
    single = None
    if len(middle) == 1:  # one middle item: the ends must share a part with it
        prefix = suffix = ""
        single = middle[0]
    items = []
    first_start, first_end = parts[0]
    if first_end - first_start >= length:
        first = clause[first_end - length : first_end]
        if _fits(first, prefix, suffix, single):
            items.append((first_end - length, first_end))
    items.extend(parts[1:-1])
    last_start, last_end = parts[-1]
    if last_end - last_start >= length:
        last = clause[last_start : last_start + length]
        if _fits(last, prefix, suffix, single):
            items.append((last_start, last_start + length))
    if len(items) < 3:
        return None
    texts = [clause[s:e] for s, e in items]
    if any(_MASK in t and t.count(_MASK) == len(t) for t in texts):
        return None
    return Enumeration(tuple((offset + s, offset + e) for s, e in items))


def _fits(item: str, prefix: str, suffix: str, single: str | None = None) -> bool:
    if single is not None and not (
        item[0] == single[0]
        or item[-1] == single[-1]
        or sum(a == b for a, b in zip(item, single, strict=False)) * 2 >= len(single)
    ):  # 稳中求进、进中求好、好中求快: half the places alike
        return False
    return item.startswith(prefix) and item.endswith(suffix)


def common_prefix(items: Sequence[str]) -> str:
    return os.path.commonprefix(list(items))


def common_suffix(items: Sequence[str]) -> str:
    return os.path.commonprefix([item[::-1] for item in items])[::-1]


# --------------------------------------------------------------------------- parallelism

_PUNCT_RE = re.compile(r"[^\w+]")


def shape(text: str) -> tuple[int, tuple[tuple[int, str], ...]]:
    """Length and punctuation positions: parallel clauses share their shape."""
    return len(text), tuple([(m.start(), m.group()) for m in _PUNCT_RE.finditer(text)])


def parallel_groups(clauses: Sequence[str], *, min_size: int = 3) -> list[list[int]]:
    """Indices of clauses that are parallel: same shape and a common part at the same places.

    A group needs `min_size` members that all have the same length and punctuation and
    share at least one character in the same position (坚持纵向到底 / 坚持横向到边, or
    督察全面化 / 运行常态化) or an inner punctuation mark.
    """
    by_shape: dict[tuple[int, tuple[tuple[int, str], ...]], list[int]] = {}
    for index, clause in enumerate(clauses):
        if len(clause) >= 2:
            by_shape.setdefault(shape(clause), []).append(index)
    groups = []
    for (_length, marks), members in by_shape.items():
        if len(members) < min_size:
            continue
        texts = [clauses[i] for i in members]
        if marks or any(len(set(column)) == 1 for column in zip(*texts, strict=False)):
            groups.append(members)
    groups.sort(key=lambda group: group[0])
    return groups


def differing_runs(texts: Sequence[str]) -> list[tuple[int, int]]:
    """Runs of positions where same-length `texts` differ (the part each one says alone)."""
    runs = []
    start = None
    for index, column in enumerate(zip(*texts, strict=True)):
        differs = len(set(column)) > 1 and _PUNCT_RE.fullmatch(column[0]) is None
        if differs and start is None:
            start = index
        elif not differs and start is not None:
            runs.append((start, index))
            start = None
    if start is not None:
        runs.append((start, len(texts[0])))
    return runs


# --------------------------------------------------------------------------- jieba


# Words that carry no content of their own: never an answer.
FILLER_WORDS = frozenset(
    """
    通过 进行 工作 加强 推动 坚持 开展 实现 提高 提升 不断 积极 有效 重要 各项 方面 问题
    情况 要求 方式 形式 措施 作用 基础 水平 能力 部分 过程 时间 同时 以及 其中 我们 他们
    主要 全面 深入 切实 认真 进一步 着力 持续 建立 完善 健全 落实 发挥 作为 成为 具有 需要
    可以 没有 已经 目前 今年 去年 内容 方法 方向 发展 建设 推进 加快 深化 强化 优化 相关
    一些 一个 这个 那个 这些 那些 自己 大家 人们 什么 怎么 如何 为了 因为 所以 但是 而且
    并且 或者 如果 虽然 还是 就是 也是 都是 不是 已经 正在 以来 之间 之中 当中 以上 以下
    方面 领域 环节 层面 体系 机制 制度 模式 意见 通知 活动 任务 目标 成效 成果 特色 实际
    有关 各类 各种 各级 广大 全体 充分 更加 始终 重点 关键 核心 根本 基本 一定 一批 一系列
    年度 地区 单位 部门 人员 同志 负责 组织 开始 结束 之后 之前 以后 以前 时候 今后 当前
    贯彻 贯彻落实 全市 全县 全区 全省 全国 全年 全体 我市 我县 我区 我省 我国 本市 本县
    东西 事情 概念 总数 项目 对话 导向 意义 精神 负责同志 有关部门 全部 所有 一切
    会议 全会 大会 全体会议 图片 照片 视频 内涵 队伍 轨道 报道 消息 文章
    """.split()
)

KEYWORD_TAGS = frozenset(
    {"n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "nl", "ng", "vn", "i", "l", "j"}
)
_WORD_RE = re.compile(f"[{CJK}]{{2,8}}|[A-Za-z][A-Za-z-]{{2,}}")


def is_filler(word: str) -> bool:
    return word in FILLER_WORDS or word.casefold() in ENGLISH_STOPWORDS


_NUMBERISH = re.compile(f"[\\d{NUMERALS}零〇○点.,%％．·年月日号时分秒个多余第]+")


def is_number(text: str) -> bool:
    """A number, a date or a count standing alone (二〇二二年, 30%, 第四)."""
    return _NUMBERISH.fullmatch(text) is not None


_COUNTED = re.compile(f"[{NUMERALS}\\d]+[{CLASSIFIERS}位名只件次]")
_TONE_MARKED = re.compile("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]")


def is_counted_phrase(text: str) -> bool:
    """A count and what is counted (一个女人, 两个独立); callers let formulas through."""
    return _COUNTED.match(text) is not None


def is_pinyin_gloss(text: str) -> bool:
    """Latin letters with tone marks (zhōngwén): a reading given as a gloss, not a term."""
    return text.isascii() is False and not has_cjk(text) and bool(_TONE_MARKED.search(text))


class Segmenter:
    """jieba's default tokenizer, plus TF-IDF weights from jieba.analyse's IDF table.

    Create one per process (jieba loads its dictionary once); `registered(words)` adds a
    document's rule phrases as words for the duration of a `with` block and removes them
    afterwards, so one document never changes how the next is cut.
    """

    def __init__(self) -> None:
        jieba = import_jieba()
        jieba.setLogLevel(60)
        self._tokenizer: Any = jieba.dt
        with _paused_gc():  # loading ~600k dictionary entries; collections only slow it down
            self._tokenizer.initialize()
        self._keyword_table: Any = None
        self._own: dict[str, int | None] = {}  # jieba's own counts of the registered words

    def cut(self, text: str) -> list[str]:
        # Interned: a document says 的, 发展 … thousands of times, and a caller keeping the
        # cut of every sentence keeps one string per word, not one per occurrence.
        return list(map(sys.intern, self._tokenizer.cut(text, HMM=True)))

    def boundaries(self, text: str) -> set[int]:
        """Offsets in `text` where a jieba word starts or ends."""
        bounds = {0}
        at = 0
        for word in self._tokenizer.cut(text, HMM=True):
            at += len(word)
            bounds.add(at)
        return bounds

    @contextmanager
    def registered(self, words: Iterable[str]) -> Iterator[None]:
        """Within the block, each of `words` is one jieba word (a blank never cuts it)."""
        tokenizer = self._tokenizer
        freq: dict[str, int] = tokenizer.FREQ
        saved: dict[str, int | None] = {}
        saved_total = tokenizer.total
        for word in sorted(set(words)):
            if len(word) < 2 or not _JIEBA_WORD.fullmatch(word):
                continue
            for end in range(1, len(word) + 1):
                piece = word[:end]
                if piece not in saved:
                    saved[piece] = freq.get(piece)
            wanted = max(tokenizer.suggest_freq(word, False) * 10, REGISTERED_FREQ)
            freq[word] = max(freq.get(word) or 0, wanted)
            tokenizer.total += freq[word] - (saved[word] or 0)
            for end in range(1, len(word)):
                freq.setdefault(word[:end], 0)
        self._own = saved
        try:
            yield
        finally:
            self._own = {}
            for piece, value in saved.items():
                if value is None:
                    freq.pop(piece, None)
                else:
                    freq[piece] = value
            tokenizer.total = saved_total

    def is_word(self, text: str) -> bool:
        """Whether jieba's dictionary (with any registered words) lists `text`."""
        return bool(self._tokenizer.FREQ.get(text))

    def in_dictionary(self, text: str) -> bool:
        """Whether jieba's own dictionary lists `text`: a word `registered` for a block
        counts only if jieba knew it before (a rule phrase is no word of the language)."""
        if text in self._own:
            return bool(self._own[text])
        return bool(self._tokenizer.FREQ.get(text))

    def frequency(self, word: str) -> int:
        """How often jieba's dictionary counts `word` (0 for a word it does not list)."""
        return self._tokenizer.FREQ.get(word) or 0

    def keyword_weight(self, word: str) -> float | None:
        """The IDF of a noun-ish dictionary word usable as an answer, else None."""
        if self._keyword_table is None:
            from quiz.generate.keyword_table import load_keyword_table

            jieba = import_jieba()

            dict_file = self._tokenizer.get_dict_file()
            dict_file.close()
            idf_path = Path(jieba.__file__).parent / "analyse" / "idf.txt"
            self._keyword_table = load_keyword_table(Path(dict_file.name), idf_path)
        return self._keyword_table.get(word)

    def is_attributive(self, word: str) -> bool:
        """Whether jieba tags `word` an adjective or the like (新, 新型, 西部), which may
        open a name but is no answer alone."""
        self.keyword_weight(word)  # loads the table
        return self._keyword_table.is_attributive(word)

    def is_distinguishing(self, word: str) -> bool:
        """Whether jieba tags `word` a distinguishing word or a direction (新型, 国家级,
        西部): it only describes the noun after it (an adjective may be a verb: 健全)."""
        self.keyword_weight(word)  # loads the table
        return self._keyword_table.is_distinguishing(word)

    def keyword_kind(self, word: str) -> int | None:
        """0 for a noun, 1 for a verbal noun, 2 for a name, 3 for an idiom; None for other
        words."""
        if self.keyword_weight(word) is None:
            return None
        return self._keyword_table.kind(word)


def import_jieba() -> Any:
    """Import jieba without pkg_resources.

    jieba only uses pkg_resources to open its own data files and falls back to plain paths
    when it is missing; importing pkg_resources costs about 0.15 s (a third of jieba's whole
    start-up) and a deprecation warning. It is hidden only while jieba is imported.
    """
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    hidden = "pkg_resources" not in sys.modules
    if hidden:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if hidden:
            del sys.modules["pkg_resources"]
    return jieba


@contextmanager
def _paused_gc() -> Iterator[None]:
    """Bulk loads of plain strings and numbers create no cycles: skip collections meanwhile."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


REGISTERED_FREQ = 20_000
_JIEBA_WORD = re.compile(f"[{CJK}a-zA-Z0-9+#&._%-]+")


# --------------------------------------------------------------------------- English

ENGLISH_STOPWORDS = frozenset(
    """
    a an the and or but if then else of in on at to for from by with without about into over
    under is are was were be been being it its this that these those there here as not no so
    such than too very can could should would may might must will shall do does did done have
    has had i you he she we they them his her our their your my me us what which who whom
    whose when where why how all any both each few more most other some only own same also
    just one two three first new after before while during through between again further once
    """.split()
)
