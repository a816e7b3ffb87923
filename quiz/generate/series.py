"""The named-items pass: a list whose items each describe a thing and name it.

A 、-list whose every item is a description and the name it describes (解决…痛点的党小组
开放日、消除…难点的红色智慧田、打通…堵点的红色能量站) counts off the parts of a programme:
the names are what a teacher asks, and no quotation marks say so.

(A series by shared head word, 任务清单 / 体检清单 / 权责事项清单, was tried and left out:
without part-of-speech tags every report's topic words form such groups, 科技创新 / 产业创新
/ 区域创新, and the strict reader keeps few of them.)

>>> text = "推出解决痛点的党小组开放日、消除难点的红色智慧田、打通堵点的红色能量站。"
>>> [text[s:e] for s, e in named_items(text)]
['党小组开放日', '红色智慧田', '红色能量站']
>>> named_items("加强制度建设、队伍建设、作风建设。")  # no description: an enumeration
[]

`ordinal_names(text)` finds a series counted by ordinals: 第一个百年奋斗目标 and
第二个百年奋斗目标 name two things of one kind, and the text says which is which.

>>> text = "实现了第一个百年奋斗目标，正在向第二个百年奋斗目标迈进。"
>>> [text[s:e] for s, e in ordinal_names(text)]
['第一个百年奋斗目标', '第二个百年奋斗目标']
>>> ordinal_names("这是第一个要求，也是第二个要求。")  # two characters: no name
[]

`joined_pairs(tokens)` finds a series of pairs the text joins with dashes and lists: the
poles of an axis (甲城－乙城、丙城－丁城、戊城－己城), each pair one thing to learn.

>>> tokens = ["发挥", "东阳", "－", "西平", "、", "南川", "－", "北塘", "和", "江口", "－", "山城",
...           "联合", "的", "作用"]
>>> ["".join(tokens)[s:e] for s, e in joined_pairs(tokens)]
['东阳－西平', '南川－北塘', '江口－山城']
>>> joined_pairs(["开通", "东阳", "－", "西平", "－", "南川", "航线"])  # a route, no pairs
[]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate

from quiz.text.phrases import CJK, common_prefix, common_suffix, mask_quotes

MIN_SERIES = 3
# Characters that link clauses or words (的, 和, 在 …): a name holds none of them.
_LINKING = frozenset("的地得了着过和与及或在是为对从把被将以于而也都就还又再这那")
MIN_NAME, MAX_NAME = 3, 8
_CLAUSE = re.compile("[，,；;：:。！？!?]")


_ORDINAL_SERIES = re.compile(f"第([一二三四五六七八九十]{{1,3}})个(?=[{CJK}])")
MIN_ORDINAL_NAME, MAX_ORDINAL_NAME = 3, 10


def ordinal_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of each 第N个X of a series the text counts with two ordinals or more
    (see the module): X is what every occurrence of the series shares, three to ten CJK
    characters; each ordinal where first said."""
    groups: dict[str, list[tuple[str, int, str]]] = {}
    for match in _ORDINAL_SERIES.finditer(text):
        tail = re.match(f"[{CJK}]{{1,{MAX_ORDINAL_NAME}}}", text[match.end() :])
        if tail is None or len(tail.group()) < MIN_ORDINAL_NAME:
            continue
        groups.setdefault(tail.group()[:2], []).append(
            (match.group(1), match.start(), tail.group())
        )
    found: list[tuple[int, int]] = []
    for occurrences in groups.values():
        if len({ordinal for ordinal, _at, _tail in occurrences}) < 2:
            continue
        shared = common_prefix([tail for _ordinal, _at, tail in occurrences])
        if len(shared) < MIN_ORDINAL_NAME:
            continue
        seen: set[str] = set()
        for ordinal, at, _tail in occurrences:
            if ordinal not in seen:
                seen.add(ordinal)
                found.append((at, at + len(f"第{ordinal}个") + len(shared)))
    return sorted(found)


def _series_clauses(masked: str) -> Iterator[tuple[int, list[str]]]:
    """Each clause of a (quote-masked) sentence that is a 、-list of MIN_SERIES pieces or
    more: where it starts, and its pieces."""
    at = 0
    for clause in _CLAUSE.split(masked):
        start = masked.index(clause, at)
        at = start + len(clause)
        pieces = clause.split("、")
        if len(pieces) >= MIN_SERIES:
            yield start, pieces


def named_items(sentence: str) -> list[tuple[int, int]]:
    """The names a 、-list of described items gives (see the module): after the last 的 of
    each item, 3 to 8 characters with no function word; none unless every item of a run
    of MIN_SERIES or more has one."""
    if "的" not in sentence or sentence.count("、") < MIN_SERIES - 1:
        return []  # a quick test: no run of described items (masking only takes marks away)
    found: list[tuple[int, int]] = []
    for start, parts in _series_clauses(mask_quotes(sentence)):
        names: list[tuple[int, int]] = []
        offset = start
        for part in parts:
            cut = part.rfind("的")
            name = part[cut + 1 :] if cut >= 0 else ""
            name = name.rstrip("等")
            if cut < 0 or not _is_name(name):
                names = []
                break
            names.append((offset + cut + 1, offset + cut + 1 + len(name)))
            offset += len(part) + 1
        found.extend(names)
    return found


def _is_name(text: str) -> bool:
    return (
        MIN_NAME <= len(text) <= MAX_NAME
        and re.fullmatch(f"[{CJK}]+", text) is not None
        and not any(ch in _LINKING for ch in text)
    )


def sibling_names(text: str, known: Callable[[str], bool]) -> list[tuple[int, int]]:
    """(start, end) of each item of a 、-list of same-length items (the middle ones fix the
    length, as `phrases.enumerations` reads a list) that `known` does not know as a name
    while two or more of its siblings are: a name listed among names of its own shape is
    one too, where jieba cut it apart (深圳|前|海 beside 广州南沙 and 珠海横琴).

    >>> known = {"南川北塘", "江口山城"}.__contains__
    >>> text = "充分发挥东阳西平、南川北塘、江口山城等平台作用。"
    >>> [text[s:e] for s, e in sibling_names(text, known)]
    ['东阳西平']
    >>> sibling_names("加强东阳西平、南川北塘、江口山城建设。", {"南川北塘"}.__contains__)
    []
    >>> known = {"东阳计划", "南川计划"}.__contains__  # the last is 江口山城计划, no 江口山城
    >>> sibling_names("实施东阳计划、南川计划、江口山城计划。", known)
    []
    """
    if text.count("、") < MIN_SERIES - 1:
        return []  # a quick test: no list of MIN_SERIES items (masking only takes 、 away)
    found: list[tuple[int, int]] = []
    for start, pieces in _series_clauses(mask_quotes(text)):
        length = len(pieces[1])
        if not MIN_SIBLING <= length <= MAX_SIBLING or any(
            len(piece) != length for piece in pieces[1:-1]
        ):
            continue
        first_end = start + len(pieces[0])
        clause_end = start + sum(map(len, pieces)) + len(pieces) - 1
        last_start = clause_end - len(pieces[-1])
        items = [(first_end - length, first_end)]
        offset = first_end + 1
        for piece in pieces[1:-1]:
            items.append((offset, offset + len(piece)))
            offset += len(piece) + 1
        items.append((last_start, last_start + length))
        if items[0][0] < start or items[-1][1] > clause_end:
            continue
        names = [text[s:e] for s, e in items]
        if not all(re.fullmatch(f"[{CJK}]+", name) for name in names):
            continue
        # what the known ones share (战略 of 甲乙战略、丙丁战略) the others must have too:
        # else the list's end was cut at the wrong length (丙丁戊己|战略)
        shared = [name for name in names if known(name)]
        prefix, suffix = common_prefix(shared), common_suffix(shared)
        if not all(name.startswith(prefix) and name.endswith(suffix) for name in names):
            continue
        if sum(1 for name in names if known(name)) >= MIN_KNOWN:
            found.extend(item for item, name in zip(items, names, strict=True) if not known(name))
    return found


MIN_SIBLING, MAX_SIBLING = 3, 8
MIN_KNOWN = 2


# Dashes that join two names into a pair (东阳－西平), and words that list the pairs.
PAIR_JOINERS = frozenset("－-–‐~～")
PAIR_SEPARATORS = frozenset("、 和 及 与".split())
MIN_PAIRS = 2
MIN_SIDE, MAX_SIDE = 2, 4


def joined_pairs(tokens: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) in the sentence of each pair of a run of MIN_PAIRS or more dash-joined
    pairs (word－word) listed with 、, 和, 及 or 与 (see the module); a chain of three or
    more joined names (a route) is no pair."""
    ends = list(accumulate(map(len, tokens), initial=0))
    found: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []

    def pair_at(i: int) -> bool:
        return (
            i + 2 < len(tokens)
            and _side(tokens[i])
            and tokens[i + 1] in PAIR_JOINERS
            and _side(tokens[i + 2])
            and (i == 0 or tokens[i - 1] not in PAIR_JOINERS)
            and (i + 3 == len(tokens) or tokens[i + 3] not in PAIR_JOINERS)
        )

    at = 0
    while at < len(tokens):
        if not pair_at(at):
            at += 1
            continue
        run.append((ends[at], ends[at + 3]))
        after = at + 3
        if after < len(tokens) and tokens[after] in PAIR_SEPARATORS and pair_at(after + 1):
            at = after + 1
            continue
        if len(run) >= MIN_PAIRS:
            found.extend(run)
        run = []
        at = after
    return found


def _side(token: str) -> bool:
    return MIN_SIDE <= len(token) <= MAX_SIDE and re.fullmatch(f"[{CJK}]+", token) is not None
