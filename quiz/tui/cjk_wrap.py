"""Line breaking for Chinese (and mixed) text with the basic rules of kinsoku: closing
punctuation never starts a line and opening punctuation never ends one.

Textual folds a run of CJK characters at any cell, so `，` or `。` can land alone at the
start of a line. `break_offsets` finds better places; `wrap_content` applies them to a
styled `Content` (styles kept), so the widget only ever receives lines that fit.
"""

from __future__ import annotations

import unicodedata

from rich.cells import cell_len
from textual.content import Content

NO_LINE_START = set("，。、；：？！）」』”’》〉】〕］｝…—·,.;:?!)]}%‰ー々ゝゞ")
NO_LINE_END = set("（「『“‘《〈【〔［｛([{")


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _units(text: str) -> list[tuple[int, int]]:
    """(start, end) of each unbreakable unit: a wide character, a run of narrow non-space
    characters (a word), or a run of spaces."""
    units: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        char = text[start]
        end = start + 1
        if char.isspace():
            while end < len(text) and text[end].isspace() and text[end] != "\n":
                end += 1
        elif not _is_wide(char):
            while end < len(text) and not text[end].isspace() and not _is_wide(text[end]):
                end += 1
        units.append((start, end))
        start = end
    return units


def break_offsets(text: str, width: int) -> list[int]:
    """Offsets in `text` where lines should start (beyond the first), for lines of
    `width` cells. Newlines in `text` are kept as breaks by the caller."""
    if width < 4:
        return []
    breaks: list[int] = []
    line_start = 0
    used = 0
    units = _units(text)
    index = 0
    while index < len(units):
        start, end = units[index]
        size = cell_len(text[start:end])
        if used + size <= width or start == line_start:
            if size > width:  # a word wider than the line: fold it by cells
                cut = start
                while cut < end and cell_len(text[start : cut + 1]) <= width - used:
                    cut += 1
                cut = max(cut, start + 1)
                breaks.append(cut)
                line_start, used = cut, 0
                units[index] = (cut, end)
                continue
            used += size
            index += 1
            continue
        # `start` does not fit: the next line begins here, unless the rules say otherwise.
        cut = start
        if text[start].isspace():
            cut = end  # spaces at a break vanish into it
            index += 1
        else:
            back = index
            # Closing punctuation may not start the line: take the unit before it along.
            while (
                text[units[back][0]] in NO_LINE_START
                and back > 0
                and units[back - 1][0] > line_start
            ):
                back -= 1
            # Opening punctuation may not end the previous line.
            while (
                back > 0
                and text[units[back - 1][0]] in NO_LINE_END
                and units[back - 1][0] > line_start
            ):
                back -= 1
            cut = units[back][0]
            index = back
        breaks.append(cut)
        line_start, used = cut, 0
    return [b for b in breaks if 0 < b < len(text)]


def wrap_content(content: Content, width: int, hanging: int = 0) -> Content:
    """`content` with line breaks put in so that no line is wider than `width` cells; with
    `hanging`, the lines a long line is continued on are indented by that many cells (so
    text after a label stays in its column)."""
    lines = content.split("\n")
    out: list[Content] = []
    indent = Content(" " * hanging) if 0 < hanging < width // 2 else None
    for line in lines:
        offsets = break_offsets(line.plain, width)
        if not offsets:
            # Spaces at the very end may overhang; they are not worth a line of their own.
            out.append(line.rstrip() if cell_len(line.plain) > width else line)
            continue
        if indent is None:
            for piece in line.divide(offsets):
                out.append(piece.rstrip() if piece.plain.strip() else piece)
            continue
        head, rest = line.divide(offsets[:1])
        out.append(head.rstrip())
        rest_offsets = break_offsets(rest.plain, width - hanging)
        for piece in rest.divide(rest_offsets) if rest_offsets else [rest]:
            out.append(indent + piece.rstrip())
    return Content("\n").join(out)
