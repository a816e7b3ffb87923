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
"""

from __future__ import annotations

import re

from quiz.text.phrases import CJK, common_prefix, mask_quotes

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


def named_items(sentence: str) -> list[tuple[int, int]]:
    """The names a 、-list of described items gives (see the module): after the last 的 of
    each item, 3 to 8 characters with no function word; none unless every item of a run
    of MIN_SERIES or more has one."""
    if "的" not in sentence or sentence.count("、") < MIN_SERIES - 1:
        return []  # a quick test: no run of described items (masking only takes marks away)
    masked = mask_quotes(sentence)
    found: list[tuple[int, int]] = []
    at = 0
    for clause in _CLAUSE.split(masked):
        start = masked.index(clause, at)
        at = start + len(clause)
        parts = clause.split("、")
        if len(parts) < MIN_SERIES:
            continue
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
