"""Find mojibake spans in a line and repair them when the repair can be proven.

The typical damage: GBK/GB18030 bytes decoded one byte late, so every pair straddles two
characters (``。基層`` -> ``?;鶎``) until an ASCII byte puts the decoder back in step.
Such a span is recognised by rare characters, private-use code points, a ``?`` glued to
Han characters, Latin letters wedged between Han characters and, in a text of one
script, characters of the other. A repair re-encodes the span, puts back the lost lead
byte and decodes again; it is accepted only when every resulting character is a known,
mostly common Han character or CJK punctuation. Otherwise the caller drops the sentence.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from quiz.text.charset import HAN_CLASS, common_han, known_han
from quiz.text.script import Script, to_simplified, to_traditional

# Lead bytes to try in place of a lost one: GB2312 row 1 (、。“”《》…) and row 3
# (full-width ASCII), the rows whose characters sit next to ordinary text most often.
_LOST_LEADS = (b"\xa1", b"\xa3")
_MAX_PUNCT_VARIANTS = 4
_CLUSTER_GAP = 3
_WINDOW_BACK = 3


@dataclass(frozen=True)
class Garble:
    """A garbled span ``line[start:end]`` and its proven repair, or ``None``."""

    start: int
    end: int
    repair: str | None


@cache
def _signal_re() -> re.Pattern[str]:
    known = known_han()
    rare = "".join(chr(code) for code in range(0x4E00, 0xA000) if chr(code) not in known)
    han = HAN_CLASS
    return re.compile(
        "(?P<junk>[\ue000-\uf8ff\ufffd])"
        f"|(?P<rare>[\u3400-\u4dbf\uf900-\ufaff{re.escape(rare)}])"
        f"|(?P<anchor>\\?(?=[{han}])|(?<=[{han}])\\?)"
        f"|(?P<latin>(?<=[{han}])[A-Za-z](?=[{han}]))"
    )


_WEIGHTS = {"junk": 3, "rare": 2, "anchor": 2, "latin": 1}
_HAN_RE = re.compile(f"[{HAN_CLASS}]")
_ASCII_PUNCT = frozenset(",.:;!?()")
_ALLOWED_NON_HAN = re.compile("[\u3000-\u303f\uff01-\uff5e\u2014\u2026\u201c\u201d\u2018\u2019]")
_BOUNDARY = re.compile(r"[\s\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u201c\u201d]")


def find_garbles(line: str, script: Script) -> list[Garble]:
    """Garbled spans of ``line`` (a line of a text in ``script``), left to right."""
    signals = [
        (match.start(), match.lastgroup or "")
        for match in _signal_re().finditer(line)
        if match.lastgroup
    ]
    if not signals:
        return []
    garbles: list[Garble] = []
    for cluster in _clusters(signals):
        start, end, score, strong = _extent(line, cluster, script)
        if score < 4 and not any(kind == "junk" for _, kind in cluster):
            continue
        if not strong:
            continue
        if garbles and start < garbles[-1].end:
            continue
        repair = _repair(line, start, end, script)
        if repair is not None:
            garbles.append(Garble(repair[0], repair[1], repair[2]))
        else:
            garbles.append(Garble(start, end, None))
    return garbles


def _clusters(signals: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    clusters: list[list[tuple[int, str]]] = [[signals[0]]]
    for position, kind in signals[1:]:
        if position - clusters[-1][-1][0] <= _CLUSTER_GAP + 1:
            clusters[-1].append((position, kind))
        else:
            clusters.append([(position, kind)])
    return clusters


def _extent(
    line: str, cluster: list[tuple[int, str]], script: Script
) -> tuple[int, int, int, bool]:
    """Grow a cluster over neighbouring weak signals; return its span and its score."""
    start = cluster[0][0]
    end = cluster[-1][0] + 1
    score = sum(_WEIGHTS[kind] for _, kind in cluster)
    strong = any(kind in ("junk", "rare", "anchor") for _, kind in cluster)
    weak = _weak_signals(line, max(0, start - 6), min(len(line), end + 6), script)
    for position in weak:
        if start - 2 <= position < start:
            start = position
        elif end <= position <= end + 1:
            end = position + 1
    score += sum(1 for position in weak if start <= position < end)
    return start, end, score, strong


def _weak_signals(line: str, lo: int, hi: int, script: Script) -> list[int]:
    """Positions of uncommon Han characters and characters of the other script."""
    window = line[lo:hi]
    common = common_han()
    if script == "traditional":
        other = to_traditional(window)
    elif script == "simplified":
        other = to_simplified(window)
    else:
        other = window
    found = []
    for index, (char, converted) in enumerate(zip(window, other, strict=False)):
        if _HAN_RE.match(char) and (char not in common or char != converted):
            found.append(lo + index)
    return found


def _repair(line: str, start: int, end: int, script: Script) -> tuple[int, int, str] | None:
    """The best provable repair of ``line[start:end]`` (possibly widened), or ``None``."""
    best: tuple[tuple[float, int, int], int, int, str] | None = None
    for span_start in _start_candidates(line, start):
        for span_end in _end_candidates(line, end):
            for rank, decoded in enumerate(_decodings(line[span_start:span_end])):
                quality = _quality(decoded)
                if quality is None:
                    continue
                key = (quality, -span_start, -rank)
                if best is None or key > best[0]:
                    best = (key, span_start, span_end, decoded)
    if best is None:
        return None
    _, span_start, span_end, decoded = best
    if script == "traditional":
        decoded = to_traditional(decoded)
    elif script == "simplified":
        decoded = to_simplified(decoded)
    return span_start, span_end, decoded


def _start_candidates(line: str, start: int) -> list[int]:
    if line[start] == "?":
        return [start]
    if start > 0 and line[start - 1] == "?":
        return [start - 1]
    candidates = [start]
    for back in range(1, _WINDOW_BACK + 1):
        position = start - back
        if position < 0 or _BOUNDARY.match(line[position]) or line[position] == "?":
            break
        candidates.append(position)
    return candidates


def _end_candidates(line: str, end: int) -> list[int]:
    candidates = [end]
    if end < len(line) and "\x40" <= line[end] <= "\x7e" and line[end] != "?":
        candidates.append(end + 1)  # an ASCII trail byte: where the decoder fell back in step
    return candidates


def _decodings(span: str) -> list[str]:
    """Every strict GB18030 decoding of the span's bytes with a lost lead byte restored."""
    if span.startswith("?"):
        body, leads = span[1:], list(_LOST_LEADS)
    else:
        body, leads = span, [b"", *_LOST_LEADS]
    if "?" in body or not body:
        return []
    bodies = [body]
    simplified = to_simplified(body)
    if simplified != body:
        bodies.append(simplified)
    results: list[str] = []
    for text in bodies:
        for encoded in _byte_variants(text):
            for lead in leads:
                try:
                    results.append((lead + encoded).decode("gb18030"))
                except UnicodeDecodeError:
                    continue
            if not span.startswith("?"):
                try:
                    results.append(encoded[1:].decode("gb18030"))
                except UnicodeDecodeError:
                    pass
    return results


def _byte_variants(text: str) -> list[bytes]:
    """GB18030 bytes of ``text``, with ASCII punctuation also tried as its full-width form
    (scrapers often narrowed full-width punctuation after the damage was done)."""
    punct_positions = [index for index, char in enumerate(text) if char in _ASCII_PUNCT]
    if len(punct_positions) > _MAX_PUNCT_VARIANTS:
        punct_positions = []
    variants: list[bytes] = []
    for choice in itertools.product((False, True), repeat=len(punct_positions)):
        chars = list(text)
        for widen, index in zip(choice, punct_positions, strict=True):
            if widen:
                chars[index] = chr(ord(chars[index]) + 0xFEE0)
        try:
            variants.append("".join(chars).encode("gb18030"))
        except UnicodeEncodeError:
            continue
    return variants


def _quality(decoded: str) -> float | None:
    """Share of common Han in a candidate repair, or ``None`` when it is not provable."""
    han = _HAN_RE.findall(decoded)
    if len(han) < 2:
        return None
    known, common = known_han(), common_han()
    if any(char not in known for char in han):
        return None
    for char in decoded:
        if not _HAN_RE.match(char) and not _ALLOWED_NON_HAN.match(char):
            return None
    share = sum(1 for char in han if char in common) / len(han)
    minimum = 1.0 if len(han) < 4 else 0.85
    return share if share >= minimum else None
