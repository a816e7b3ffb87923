"""The parallel-phrases pass: runs of same-shaped phrases a dense political text states
without quotation marks.

A teacher asks 稳中求进、以进促稳、先立后破 or 政治关、法律关、政策关 though no quotation
marks set them off: their shape says they are one formula. `parallel_runs(text, tokens, …)`
reads one sentence, splits its clauses into items at 、 and ， and finds the runs of items of
one length (the first and last may be the end of a longer part, cut on a word boundary:
严把|政治关) that are one of these (`Run.kind`):

- `paired`: four or more four-character items in pairs, 、 inside a pair and ， between them
  (坚持真理、坚守理想，践行初心、担当使命: a creed or a motto; two pairs only when no item
  is a verb and its object, 扩大内需、优化供给，做优增量、盘活存量 being what the text will
  do), or each pair sharing a character at one place (数据同源、服务同根、一次认证、一网通办);
- `framed`: three or more items of two to five characters that share a character at one place,
  only one of them at an edge (政治关、法律关、政策关; 稳企业、稳市场、稳预期) or any inside
  (国家蒙辱、人民蒙难、文明蒙尘), some item no dictionary word (广州市、深圳市、珠海市 and
  篮球、足球、棒球 are lists of words), counting nothing (一条跑道、一条小径);
- `coined`: three or more four-character items, two of them or more no words of the
  dictionary (以进|促稳, 先立|后|破) and the others one word each: phrases made for the
  formula;
- `mirrored`: two items, the second the first with its ends swapped (江山就是人民、人民就是
  江山), blanked whole: each half gives the other away.

Items sharing a word of two characters or more at an edge (绿色金融、普惠金融; 理论自信、制度
自信) are compounds of one kind: the list pass's enumerations. So are items whose every
word is a noun of everyday language (公共服务、生态环保); an item opened by a verb of action
(加快发展、深化改革) is a clause of the text, not a formula, unless the run is paired.
A run is a stretch of a longer list, not a formula, when 等 closes it (进博会、广交会、
服贸会等: examples) or a 、 joins it to parts of another shape (智博会、西洽会、国才会、
中新双边合作机制会议); a part is cut to an item only where it opens or closes its clause
(not 不遗余力 of …、不拘一格、不遗余力引进、培养: one of another list). Items that share only
a suffix making a word of any word are general language (具体化、精准化、常态化: `DERIVING`),
and items opened by an adverb say how or how much (更加充实、更有保障、更可持续): a run of
them is none, and one among others is never asked (持续推进 of 稳中求进、循序渐进、持续推进).

>>> def runs(tokens, words):  # `words`: the dictionary (jieba's, in the pass)
...     text = "".join(tokens)
...     found = parallel_runs(text, tokens, is_word=set(words.split()).__contains__)
...     return [(run.kind, [text[s:e] for s, e in run.spans]) for run in found]
>>> runs("严把 政治 关 、 法律 关 、 政策 关 、 保密 关 、 文字 关 。".split(),
...      "严把 政治 法律 政策 保密 文字 关")
[('framed', ['政治关', '法律关', '政策关', '保密关', '文字关'])]
>>> runs("要 坚持 稳中求进 、 以进 促稳 、 先立 后 破 。".split(), "要 坚持 稳中求进 后 破")
[('coined', ['稳中求进', '以进促稳', '先立后破'])]
>>> runs("江山 就是 人民 、 人民 就是 江山 。".split(), "江山 就是 人民")
[('mirrored', ['江山就是人民、人民就是江山'])]
>>> runs("加快 发展 、 深化 改革 、 扩大 开放 。".split(), "加快 发展 深化 改革 扩大 开放")
[]
>>> runs("办好 进博 会 、 广交会 、 服贸会 、 消博会 等 展会 。".split(), "进博 会 广交会 等 展会")
[]
>>> runs("推进 监督 具体化 、 精准 化 、 常态 化 。".split(), "推进 监督 具体化 具体 精准 常态 化")
[]

`Run.asked` is what the cards blank: every other item from the first, so each blank keeps
the items beside it as its cue (政治关, 政策关 and 文字关 of the five).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import NamedTuple

from quiz.generate.keywords import NAME_KIND, NOUN_KIND, VERBAL_KIND
from quiz.generate.names import ACTION_VERBS, ADVERBS
from quiz.generate.rank import COMMON_IDF
from quiz.text.phrases import CJK, NUMERALS, common_prefix, common_suffix, mask_quotes

MIN_ITEM, MAX_ITEM = 2, 6
MIN_RUN = 3
MIN_PAIRED = 4
# Three pairs or more are a creed whatever their words; two pairs with a verb and its object
# among them (扩大内需、优化供给，做优增量、盘活存量) say what the text will do.
LONG_PAIRED = 6
PAIRED_ITEM = COINED_ITEM = 4
MIN_COINED = 2
MAX_FRAMED = 5
# Suffixes that make a word of (nearly) any word: 具体化, 常态化; 系统性, 协同性. Items sharing
# only such a suffix, their stems dictionary words, are general language, not a formula.
DERIVING = frozenset("化性")
# Adverbs of degree: an item they open (更加充实, 更有保障) says how much.
DEGREE = frozenset("更 更加 更为 最 越 越来越 愈 愈加 较 比较 很 十分 非常".split())
_STOP = re.compile(r"[。；;：:！？!?（）()\s]")
_ITEM = re.compile(r"[^、，,]+")
_PURE = re.compile(f"[{CJK}]+")


@dataclass(frozen=True, slots=True)
class Run:
    """A run of parallel items in one sentence: its kind and the spans to blank (each
    item, or for a `mirrored` pair the pair whole), offsets in the sentence."""

    kind: str
    spans: tuple[tuple[int, int], ...]
    plain: frozenset[int] = frozenset()  # items (by index) that are a clause, never asked
    everyday: frozenset[int] = frozenset()  # items that are the frame and one everyday noun

    @property
    def asked(self) -> list[tuple[tuple[int, int], ...]]:
        """What cards blank: every other item from the first (政治关、…、政策关、…、文字关
        of five), so each blank has the items beside it for its cue and the run costs half
        its length in cards; each with the item after it, asked when the first cannot be
        (一次认证 reads as a count: 一网通办 instead). A `plain` item is never asked (持续|
        推进 of 稳中求进、循序渐进、持续推进 says what is done; it names nothing).

        >>> Run("framed", ((0, 4), (5, 9), (10, 14)), frozenset({2})).asked
        [((0, 4), (5, 9))]
        """
        choices = (
            tuple(self.spans[j] for j in (i, i + 1) if j < len(self.spans) and j not in self.plain)
            for i in range(0, len(self.spans), 2)
        )
        return [choice for choice in choices if choice]


class _Part(NamedTuple):  # a tuple: a sentence makes one per part, and a frozen
    # dataclass costs three object.__setattr__ calls to make
    start: int
    end: int
    separator: str  # the 、 or ， after it ("" at the end of the clause)


def parallel_runs(
    text: str,
    tokens: Sequence[str],
    *,
    is_word: Callable[[str], bool] = lambda _word: True,
    weight: Callable[[str], float | None] = lambda _word: None,
    kind: Callable[[str], int | None] = lambda _word: None,
) -> list[Run]:
    """The runs of parallel items of one sentence (see the module). `tokens` is jieba's cut
    of `text` (items start and end where its words do); `is_word`, `weight` and `kind` are
    the dictionary, jieba's IDF and the keyword kind of a word."""
    table = _WordTable(tokens)
    words_of = _Words(table.words, is_word, weight, kind)
    masked = mask_quotes(text)
    runs: list[Run] = []
    at = 0
    for region in _STOP.split(masked):
        start = masked.index(region, at) if region else at
        at = start + len(region)
        if not _may_hold_run(region):
            continue
        parts = [
            _Part(start + m.start(), start + m.end(), region[m.end() : m.end() + 1])
            for m in _ITEM.finditer(region)
        ]
        for stretch in _same_length_runs(masked, parts, table):
            run = _classify(masked, stretch, words_of)
            if run is not None:
                runs.append(run)
    return runs


# A whole part a run could start from: MIN_ITEM to MAX_ITEM CJK characters between
# separators (or the region's ends).
_SHORT_PART = re.compile(f"(?<![^、，,])[{CJK}]{{{MIN_ITEM},{MAX_ITEM}}}(?![^、，,])")
_SEPARATOR = re.compile("[、，,]")


def _may_hold_run(region: str) -> bool:
    """A quick test for a clause (`_STOP` to `_STOP`): a run needs two parts of it, so a
    separator, and one whole part of MIN_ITEM to MAX_ITEM CJK characters (the part each of
    `_same_length_runs`'s stretches starts from); a clause without both holds none.

    >>> [_may_hold_run(region) for region in ("政治关、法律关", "严把政治关", "推进高质量发展的，")]
    [True, False, False]
    """
    return _SEPARATOR.search(region) is not None and _SHORT_PART.search(region) is not None


class _WordTable:
    """Where jieba's words of a sentence end, built on first use (most sentences hold no
    run and never ask): the word boundaries (`in`) and the words between two offsets."""

    def __init__(self, tokens: Sequence[str]) -> None:
        self._tokens = tokens
        self._ends: list[int] | None = None
        self._bounds: set[int] = set()
        self._position: dict[int, int] = {}

    def _table(self) -> list[int]:
        if self._ends is None:
            self._ends = list(accumulate(map(len, self._tokens), initial=0))
            self._bounds = set(self._ends)
        return self._ends

    def __contains__(self, offset: object) -> bool:
        self._table()
        return offset in self._bounds

    def words(self, start: int, end: int) -> list[str]:
        """The words from `start` to `end` ([] unless both are word boundaries)."""
        ends = self._table()
        if not self._position:  # where each word starts, built when words are first asked
            self._position = {start: i for i, start in enumerate(ends[:-1])}
        at = self._position.get(start)
        if at is None or end not in self._bounds:
            return []
        found = []
        while at < len(self._tokens) and ends[at] < end:
            found.append(self._tokens[at])
            at += 1
        return found


class _Item(NamedTuple):  # a tuple, as _Part
    start: int
    end: int
    separator: str  # what follows the item in its clause
    cut: bool = False  # the end of a longer part, cut to the run's length


@dataclass(frozen=True, slots=True)
class _Words:
    """What the dictionary says of a sentence's words."""

    of: Callable[[int, int], list[str]]  # the words from one offset to another ([]: no words)
    is_word: Callable[[str], bool]
    weight: Callable[[str], float | None]
    kind: Callable[[str], int | None]


@dataclass(frozen=True, slots=True)
class _Stretch:
    """Consecutive items of one length and the parts a 、 joins to either end of them that
    are no items (a list going on in other words: 智博会、西洽会、国才会、中新双边合作机制会议)."""

    items: list[_Item]
    before: _Part | None = None
    after: _Part | None = None


def _same_length_runs(text: str, parts: Sequence[_Part], bounds: Container[int]) -> list[_Stretch]:
    """Each longest stretch of consecutive parts of one length (MIN_ITEM to MAX_ITEM CJK
    characters), with the end of the part before and the start of the part after when they
    are longer, open or close their clause and a word boundary cuts them to that length
    (严把|政治关; not 不遗余力 of …、不拘一格、不遗余力引进、培养、使用: that part is one of
    another list)."""
    found = []
    index = 0
    while index < len(parts):
        length = parts[index].end - parts[index].start
        stop = index
        while (
            stop < len(parts)
            and parts[stop].end - parts[stop].start == length
            and _PURE.fullmatch(text, parts[stop].start, parts[stop].end)
        ):
            stop += 1
        if stop == index or not MIN_ITEM <= length <= MAX_ITEM:
            index = max(stop, index + 1)
            continue
        items = [_Item(p.start, p.end, p.separator) for p in parts[index:stop]]
        before_part = after_part = None
        if index > 0:
            before = parts[index - 1]
            start = before.end - length
            if (
                before.end - before.start > length
                and start in bounds
                and _PURE.fullmatch(text, start, before.end)
                and (index < 2 or parts[index - 2].separator != "、")
            ):
                items.insert(0, _Item(start, before.end, before.separator, cut=True))
            elif before.separator == "、":
                before_part = before
        if stop < len(parts):
            after = parts[stop]
            end = after.start + length
            if (
                after.end - after.start > length
                and end in bounds
                and _PURE.fullmatch(text, after.start, end)
                and after.separator != "、"
            ):
                items.append(_Item(after.start, end, "", cut=True))
            elif parts[stop - 1].separator == "、":
                after_part = after
        if len(items) >= 2:
            found.append(_Stretch(items, before_part, after_part))
        index = stop
    return found


def _classify(text: str, stretch: _Stretch, words: _Words) -> Run | None:
    """The run `stretch` makes, of the first kind it fits (see the module), or None."""
    items = stretch.items
    texts = [text[item.start : item.end] for item in items]
    for first, second, a, b in zip(texts, texts[1:], items, items[1:], strict=False):
        if _mirrored(first, second):
            return Run("mirrored", ((a.start, b.end),))
    if sum(1 for item in items if not item.cut) < 2:
        return None
    if any("的" in t or t.endswith("等") for t in texts):
        return None  # 产生的效益、解决的就业: phrases of the clause, not items
    if text.startswith("等", items[-1].end):
        return None  # 进博会、广交会、服贸会等: examples of a list, not a formula
    named = sum(1 for item in items if _names(words.of(item.start, item.end), words.kind))
    if named * 2 >= len(items):
        return None  # 汉高祖、汉文帝、汉景帝: people, listed
    length = len(texts[0])
    alone = stretch.before is None and stretch.after is None  # no list goes on from it
    if length == PAIRED_ITEM and alone:
        paired = _paired(items)
        if len(paired) >= MIN_PAIRED and (
            len(paired) >= LONG_PAIRED
            or not any(_verb_object(words.of(item.start, item.end), words) for item in paired)
        ):
            return Run("paired", tuple((item.start, item.end) for item in paired))
    if length <= MAX_FRAMED:
        framed = _framed(text, stretch, words)
        if framed is not None:
            return framed
    if length == PAIRED_ITEM and alone:
        paired = _framed_pairs(text, items)
        if len(paired) >= MIN_PAIRED:
            return Run("paired", tuple((item.start, item.end) for item in paired))
    if length == COINED_ITEM and alone:
        return _coined_run(text, items, words)
    return None


def _mirrored(first: str, second: str) -> bool:
    """`second` is `first` with its two ends swapped around the same middle (江山|就是|人民,
    人民|就是|江山; 我|为|人人, 人人|为|我)."""
    if len(first) != len(second) or first == second or len(first) < 4:
        return False
    if second[-1] not in first[:-2] or second[0] not in first[2:]:
        return False  # second ends with a head of first and opens with a tail of it
    for cut in range(1, len(first) - 1):
        for middle_end in range(cut + 1, len(first)):
            head, middle, tail = first[:cut], first[cut:middle_end], first[middle_end:]
            if head != tail and second == tail + middle + head:
                return True
    return False


def _whole_pairs(items: Sequence[_Item]) -> list[_Item]:
    """The items as whole pairs: a cut item at an end that leaves one over goes (…，因地制宜|
    发展新质生产力 opens a pair of its own); [] when one is still left over."""
    kept = list(items)
    if len(kept) % 2 and kept[-1].cut:
        kept.pop()
    if len(kept) % 2 and kept[0].cut:
        kept.pop(0)
    return [] if len(kept) % 2 else kept


def _paired(items: Sequence[_Item]) -> list[_Item]:
    """The items joined in pairs by their separators, 、 inside each pair and ， (or ,)
    between the pairs (坚持真理、坚守理想，践行初心、担当使命); else []."""
    kept = _whole_pairs(items)
    separators = [item.separator for item in kept[:-1]]
    if all(s == "、" for s in separators[0::2]) and all(s in "，," for s in separators[1::2]):
        return kept
    return []


def _framed_pairs(text: str, items: Sequence[_Item]) -> list[_Item]:
    """The items in pairs that each share a character at one place (数据同源、服务同根、
    一次认证、一网通办: 同, then 一); else []."""
    kept = _whole_pairs(items)
    texts = [text[item.start : item.end] for item in kept]
    if all(_frame(pair) is not None for pair in zip(texts[0::2], texts[1::2], strict=True)):
        return kept
    return []


def _framed(text: str, stretch: _Stretch, words: _Words) -> Run | None:
    """The items that share a frame (see `_frame`), three or more: the whole items, and a
    cut one at either end when the frame holds a character at an edge (稳就业 of 着力|稳就业,
    传播力 of 提升政务新媒体|传播力: the shared head or tail says where the item is) and
    it fits; none unless some item is no dictionary word (政治关, 稳企业: words the frame
    made; 广州市、深圳市 or 篮球、足球 are words of a list), when a list goes on from them in
    parts that do not fit the frame (智博会、西洽会、国才会、中新双边合作机制会议), when the
    frame is a suffix that makes a word of any word (组织化、系统化、项目化; 系统性、整体性:
    `DERIVING`), or when every item is a clause opened by an adverb (更加充实、更有保障、
    更可持续: what the clause says of its subject). An item opened by an adverb among
    others (持续|推进 of 稳中求进、循序渐进、持续推进) is in the run but never asked."""
    items = stretch.items
    whole = [text[item.start : item.end] for item in items if not item.cut]
    shared = _frame(whole)
    if shared is None:
        return None
    length = len(whole[0])

    def fits(start: int) -> bool:
        return _PURE.fullmatch(text, start, start + length) is not None and all(
            text[start + i] == whole[0][i] for i in shared
        )

    if stretch.before is not None and not fits(stretch.before.end - length):
        return None
    if stretch.after is not None and (
        not fits(stretch.after.start) or text.startswith("等", stretch.after.start + length)
    ):
        return None
    at_edge = 0 in shared or length - 1 in shared
    kept = [item for item in items if (not item.cut or at_edge) and fits(item.start)]
    if len(kept) < MIN_RUN:
        return None
    texts = [text[item.start : item.end] for item in kept]
    if all(words.is_word(t) for t in texts):
        return None
    if any(texts[0][i] in NUMERALS for i in shared):
        return None  # 一条跑道、一条小径、一片绿地: things counted
    if (
        shared == {length - 1}
        and texts[0][-1] in DERIVING
        and all(words.is_word(t[:-1]) for t in texts)
    ):
        return None  # 具体化、精准化、常态化: words of general language
    for ends in (Counter(t[:2] for t in texts), Counter(t[-2:] for t in texts)):
        word, count = ends.most_common(1)[0]
        if len(texts) > MIN_RUN and count >= len(texts) - 1 and words.is_word(word):
            return None  # 海洋船舶、海工装备、海洋电力: kinds of one word, a list
    plain = frozenset(
        i for i, item in enumerate(kept) if _qualified(words.of(item.start, item.end))
    )
    if len(plain) == len(kept):
        return None
    everyday = frozenset(
        i
        for i, item in enumerate(kept)
        if _frame_and_noun(text[item.start : item.end], shared, words)
    )
    return Run("framed", tuple((item.start, item.end) for item in kept), plain, everyday)


def _frame_and_noun(item: str, shared: set[int], words: _Words) -> bool:
    """The item is its frame's characters and one noun of everyday language (新|技术,
    政治|关, 全|过程: IDF under COMMON_IDF): it teaches the frame, not a word of its own."""
    rest = "".join(ch for i, ch in enumerate(item) if i not in shared)
    return words.is_word(rest) and _everyday([rest], words)


def _frame(texts: Sequence[str]) -> set[int] | None:
    """The places where all `texts` have one character, when they make a frame: some, no
    two side by side at an edge (绿色金融、普惠金融 share a word: the list pass's), and at
    least half the places left to differ (一张床、一张桌 is a count)."""
    length = len(texts[0])
    shared = {i for i in range(length) if len({t[i] for t in texts}) == 1}
    if not shared or len(shared) * 2 > length:
        return None
    if {0, 1} <= shared or {length - 1, length - 2} <= shared:
        return None
    return shared


def _coined_run(text: str, items: Sequence[_Item], words: _Words) -> Run | None:
    """Four-character items each made for the formula or one dictionary word (稳中求进、
    以进促稳、先立后破), two of them or more coined, none a clause of the text or everyday
    nouns, and no dictionary word shared at an edge (珠肇高铁、深南高铁: a list of kinds)."""
    item_words = [words.of(item.start, item.end) for item in items]
    if any(not found for found in item_words):
        return None
    coined = 0
    for found in item_words:
        if _clause(found, words) or _everyday(found, words):
            return None  # 加快|发展, 公共|服务: what the text does or names
        if _coined(found, words.is_word):
            coined += 1
        elif len(found) > 1:
            return None  # 生物|制造: two words of the dictionary
    if len(items) < MIN_RUN or coined < MIN_COINED:
        return None
    texts = [text[item.start : item.end] for item in items]
    for shared in (common_prefix(texts), common_suffix(texts)):
        if len(shared) >= 2 and words.is_word(shared):
            return None
    return Run("coined", tuple((item.start, item.end) for item in items))


def _names(item_words: Sequence[str], kind: Callable[[str], int | None]) -> bool:
    """A word of the item names a person (汉|高祖 in jieba's tags)."""
    return any(kind(word) == NAME_KIND for word in item_words)


def _clause(item_words: Sequence[str], words: _Words) -> bool:
    """The item says what is done: it opens with a verb of action or an adverb (加快|发展,
    深入|推进), or is two words, the first a verb (a dictionary word that is no noun)."""
    if not item_words:
        return False
    first = item_words[0]
    if first in ACTION_VERBS or first[:2] in ADVERBS:
        return True
    return (
        len(item_words) == 2
        and len(first) == 2
        and words.is_word(first)
        and words.weight(first) is None
    )


def _qualified(item_words: Sequence[str]) -> bool:
    """The item opens with an adverb, of manner (持续|推进) or degree (更加|充实, 更|有|
    保障): it says how the clause's verb is done or how much, it names nothing."""
    return bool(item_words) and (item_words[0][:2] in ADVERBS or item_words[0] in DEGREE)


def _verb_object(item_words: Sequence[str], words: _Words) -> bool:
    """The item is a verb and its object (优化|供给, 凝聚|共识): two dictionary words, the
    first no noun, the second one."""
    if len(item_words) != 2 or not all(words.is_word(w) for w in item_words):
        return False
    verb, noun = item_words
    return words.kind(verb) in (None, VERBAL_KIND) and words.kind(noun) == NOUN_KIND


def _everyday(item_words: Sequence[str], words: _Words) -> bool:
    """Every word of the item is a noun of everyday language (公共|服务)."""
    return all(
        words.kind(word) == NOUN_KIND and (words.weight(word) or 0.0) < COMMON_IDF
        for word in item_words
    )


def _coined(item_words: Sequence[str], is_word: Callable[[str], bool]) -> bool:
    """An item made for the formula: a word of it is no dictionary word (以进|促稳), or it
    is three words or more (先立|后|破)."""
    return len(item_words) >= 3 or any(not is_word(word) for word in item_words)


# A sibling heading this short may name one of a series (共建人文湾区, 构筑休闲湾区).
MAX_SERIES_TITLE = 8


def heading_series(
    titles: Sequence[Sequence[str]], *, weight: Callable[[str], float | None]
) -> list[tuple[int, int, int]]:
    """A series the sibling headings of one part name, one a heading: MIN_RUN short titles
    or more (jieba's words of each, `titles`) ending in the same word of two characters or
    more that is no everyday word (湾区, jieba's IDF COMMON_IDF or more: not 建设 or
    水平), each with a word of its own
    before it (共建|人文|湾区, 构筑|休闲|湾区, 塑造|健康|湾区): (title index, start, end)
    of that word and the shared one in each.

    >>> titles = [["共建", "人文", "湾区"], ["构筑", "休闲", "湾区"], ["拓展", "就业"],
    ...           ["塑造", "健康", "湾区"]]
    >>> heading_series(titles, weight={"湾区": 12.0}.get)
    [(0, 2, 6), (1, 2, 6), (3, 2, 6)]
    >>> heading_series([["加强", "队伍", "建设"], ["推进", "制度", "建设"], ["完善", "作风",
    ...                  "建设"]], weight={"建设": 3.9}.get)
    []
    """
    by_tail: dict[str, list[int]] = {}
    for index, tokens in enumerate(titles):
        if (
            len(tokens) >= 2
            and sum(map(len, tokens)) <= MAX_SERIES_TITLE
            and len(tokens[-1]) >= 2
            and len(tokens[-2]) >= 2
            and all(_PURE.fullmatch(token) for token in tokens[-2:])
        ):
            by_tail.setdefault(tokens[-1], []).append(index)
    found = []
    for tail, members in by_tail.items():
        if len(members) < MIN_RUN or (weight(tail) or 0.0) < COMMON_IDF:
            continue
        names = {titles[i][-2] for i in members}
        if len(names) < MIN_RUN:
            continue  # 推动高质量发展 said again is no series
        for index in members:
            length = sum(map(len, titles[index]))
            found.append((index, length - len(titles[index][-2]) - len(tail), length))
    return sorted(found)
