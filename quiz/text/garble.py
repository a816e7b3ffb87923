"""Find mojibake spans in a line and repair them when the repair can be proven.

The damage this targets: GBK/GB18030 bytes decoded one byte late, so every byte pair
straddles two characters (``。基層`` -> ``?;鶎``) until an ASCII byte puts the decoder
back in step (a Latin letter glued to the span, or a ``?`` before an ASCII character).
A span is recognised by private-use code points, rare Han characters, a ``?`` glued to
Han characters, symbols and Latin letters wedged between Han characters. A repair
re-encodes the span, puts back the lost lead byte and decodes again. It counts as
proven only when the lost byte is a punctuation lead byte (the only ones context can
pin down) and every resulting character is a known, mostly common Han character or
CJK punctuation; otherwise the caller drops the sentence.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from quiz.text.charset import HAN_CLASS, char_class, common_han, frequent_han, known_han
from quiz.text.script import Script, to_simplified, to_traditional

# Lead bytes that can be put back: GB2312 row 1 (、。“”《》…) and row 3 (full-width
# ASCII). Only these yield a single plausible character in front of a span.
_LOST_LEADS = (b"\xa1", b"\xa3")
_FULL_STOP_TRAIL = b"\xa3"
# Without a "?" marking the lost byte, a repair must decode to a few characters at least.
_UNMARKED_MINIMUM_HAN = 2
_MAX_PUNCT_VARIANTS = 3
_MAX_BACKTRACK = 80
_MAX_REPAIR_SPAN = 300
_RARITY_SAMPLE = 200_000
RARE_TEXT_SHARE = 0.005  # above this share of rare characters, rarity is no evidence
_CLUSTER_GAP = 4
_EVIDENCE_WINDOW = 4
_BRACKETED_POINTS = 4
_QUESTION_ENDINGS = frozenset("吗嗎呢么麼吧谁誰啊呀")
# A capital letter alone between Han characters is a lost lead byte in Traditional text
# read as GBK (組 is 0xBD 0x4D: "M"), unless it names a choice or forms a loanword
# (維生素C, B超); a lone "e" is e化, e時代.
_LETTER_BEFORE = "選选第號号型級级或和與与及是為为素"
_LETTER_AFTER = "恤超光股線线盤盘型級级版字檔档罩座區区類类點点計计號号幣币調调"
_MAX_BRACKET = 40


@dataclass(frozen=True)
class Garble:
    """A garbled span ``line[start:end]`` and its proven repair, or ``None``."""

    start: int
    end: int
    repair: str | None


_HAN = f"[{HAN_CLASS}]"
# Symbols GBK rows 2-9 hold (enclosed numbers, roman numerals, Greek, Cyrillic, kana,
# bopomofo, box drawing, full-width Latin letters) turn up when pairs are misaligned;
# kana are left out, Japanese quoted in Chinese is real text.
_ODD_SYMBOLS = (
    "\u0370-\u03ff\u0400-\u04ff\u2160-\u217f\u2460-\u24ff\u2500-\u257f"
    "\u3105-\u312f\uff21-\uff3a\uff41-\uff5a\u2200-\u22ff"
)


_RARE_RANGES = "\u3400-\u4dbf\uf900-\ufaff"  # extension A and compatibility ideographs


@dataclass(frozen=True)
class TextProfile:
    """What the garble finder needs to know about the whole text, measured once."""

    rare: frozenset[str]  # its unified ideographs outside GB2312 (either script)
    rare_text: bool  # they are routine in it (Cantonese, a classic): no evidence then
    text: str = ""  # the text itself, where a repaired word must occur again


def text_profile(text: str) -> TextProfile:
    """Measure ``text`` for ``find_garbles``."""
    known = known_han()
    rare = frozenset(
        char for char in set(text) if "\u4e00" <= char <= "\u9fff" and char not in known
    )
    return TextProfile(rare, rare_share(text, rare) > RARE_TEXT_SHARE, text)


def rare_share(text: str, rare: frozenset[str] | None = None) -> float:
    """Share of a text's Han characters that are outside GB2312: near 0 in Mandarin prose,
    several percent in Cantonese or in texts full of names, where rarity proves nothing."""
    sample = text[:_RARITY_SAMPLE]
    counts = Counter(sample)  # the Han characters counted by kind, not found one by one
    han = sum(count for char, count in counts.items() if _HAN_RE.match(char))
    if not han:
        return 0.0
    if rare is None:
        rare = text_profile(sample).rare
    extra = len(re.findall(f"[{_RARE_RANGES}]", sample))
    return (sum(counts[char] for char in rare) + extra) / han


@lru_cache(maxsize=16)
def _signal_re(rare: frozenset[str]) -> re.Pattern[str]:
    """Every kind of signal, for a text whose rare characters are ``rare``."""
    odd = f"[{_ODD_SYMBOLS}]"
    junk = "[\ue000-\uf8ff\ufffd]"
    near = f"(?:{_HAN}|{odd}|{junk}|\\?)"  # what a misaligned pair decodes to
    trail = "[A-Za-z@\\[\\]^_`{|}~]"  # ASCII bytes that can be the trail of a GBK pair
    return re.compile(
        f"(?P<junk>{junk})"
        f"|(?P<rare>[{_RARE_RANGES}{char_class(rare)}])"
        f"|(?P<noted>{odd}(?=[(（][A-Za-z\u00c0-\u024f\u0300-\u036f][^()（）]{{0,30}}[)）]))"
        f"|(?P<doubled>(?<={_HAN})(?<![{''.join(sorted(_QUESTION_ENDINGS))}])\\?\\?(?={_HAN}))"
        f"|(?P<lone_lower>(?<={_HAN})[a-df-z](?={_HAN}|[，。、；：！？]))"
        f"|(?P<lone_upper>(?<={_HAN})(?<![{_LETTER_BEFORE}])[A-Z](?={_HAN})(?![{_LETTER_AFTER}]))"
        f"|(?P<anchor>\\?(?={_HAN})|(?<={_HAN})\\?)"
        f"|(?P<wedged>(?<={near}){odd}(?=(?:{near}|[A-Za-z]))|(?<=[A-Za-z]){odd}(?={near}))"
        f"|(?P<symbol>(?<={_HAN}){odd}|{odd}(?={_HAN}))"
        f"|(?P<odd_latin>(?<=(?:{odd}|\\?)){trail}(?={near})|(?<={near}){trail}(?={odd}))"
        f"|(?P<latin>(?<={near}){trail}(?={near}))"
    )


@lru_cache(maxsize=16)
def _candidate_re(rare: frozenset[str]) -> re.Pattern[str]:
    """Any character that can start a signal: a quick test before the full pattern."""
    return re.compile(
        f"[?A-Za-z@\\[\\]^_`{{|}}~\ue000-\uf8ff\ufffd{_ODD_SYMBOLS}{_RARE_RANGES}"
        f"{char_class(rare)}]"
    )


# Evidence, in points; a span is convincing at _CONVINCING points.
_WEIGHTS = {
    "junk": 6,
    "noted": 6,  # a pinyin annotation after a symbol: it glossed a character now garbled
    "doubled": 8,  # "??" inside a word: a character lost to two bad bytes, not a question
    "lone_lower": 8,  # 黨n同聽: a lower-case letter alone inside Han is a lost lead byte
    "lone_upper": 8,  # 嚴密的M織: the same in Traditional text; elsewhere a plain letter
    "rare": 4,
    "anchor": 4,
    "wedged": 4,
    "symbol": 2,
    "odd_latin": 4,
    "latin": 2,
}
_CONVINCING = 8
_UNCOMMON_POINTS = 2  # a Han character outside GB2312 level 1, or of the other script
_INFREQUENT_POINTS = 1  # in level 1 but not among the 2,500 most frequent
# Signals typical of misaligned bytes; rare characters alone may be a name or a classic.
_MARKERS = frozenset(
    {
        "junk",
        "noted",
        "doubled",
        "lone_lower",
        "lone_upper",
        "anchor",
        "wedged",
        "symbol",
        "odd_latin",
        "latin",
    }
)
# Signals that only misaligned bytes produce; only these justify searching for a repair.
_PINNING = frozenset(
    {"junk", "noted", "doubled", "lone_lower", "lone_upper", "anchor", "wedged", "odd_latin"}
)
_HAN_RE = re.compile(_HAN)
_ASCII_PUNCT = frozenset(",.:;!?()")
_ALLOWED_NON_HAN = re.compile("[、。，；：！？“”‘’《》（）「」『』…—【】]")


def find_garbles(line: str, script: Script, text: TextProfile | None = None) -> list[Garble]:
    """Garbled spans of ``line`` (a line of a text in ``script``), left to right.

    ``text`` is the ``text_profile`` of the whole text (of the line alone if omitted):
    which rare characters it holds, and whether they are routine in it, in which case
    only the signs of misaligned bytes count as evidence.
    """
    if text is None:
        text = text_profile(line)
    if not _candidate_re(text.rare).search(line):
        return []
    rare_text = text.rare_text
    signals = [
        (match.start(), _script_kind(match.lastgroup, script))
        for match in _signal_re(text.rare).finditer(line)
        if match.lastgroup
    ]
    if not signals:
        return []
    garbles: list[Garble] = []
    for cluster in _clusters(signals):
        floor = garbles[-1].end if garbles else 0
        first = cluster[0][0]
        if first < floor:
            continue
        convincing = _convincing(line, cluster, first, cluster[-1][0] + 1, script, rare_text)
        if not convincing and not _PINNING.intersection(kind for _, kind in cluster):
            # A lone Latin letter may be where the decoder fell back in step: worth a
            # search only when odder characters came shortly before it.
            latin = any(kind == "latin" for _, kind in cluster)
            odd_before = latin and any(
                first - _MAX_BACKTRACK <= position < first and kind in ("rare", "symbol")
                for position, kind in signals
            )
            if not odd_before:
                continue
        # A repair proves itself: misaligned bytes that decode to ordinary text.
        repair = _repair(line, floor, first, _resync_end(line, cluster[-1][0]), script)
        if repair is None and any(kind == "noted" for _, kind in cluster):
            repair = repair_noted(line, floor, first, cluster[-1][0], script, text.text)
        if repair is not None:
            garbles.append(repair)
        elif convincing:
            garbles.append(Garble(first, cluster[-1][0] + 1, None))
    return garbles


def _script_kind(kind: str, script: Script) -> str:
    """A lone capital is evidence only in Traditional text (Simplified GBK characters
    never have a letter as trail byte); elsewhere it is a plain letter (T恤, X光)."""
    return "latin" if kind == "lone_upper" and script != "traditional" else kind


def _convincing(
    line: str,
    cluster: list[tuple[int, str]],
    start: int,
    end: int,
    script: Script,
    rare_text: bool,
) -> bool:
    """Enough evidence that a cluster is damage rather than a rare name or a question."""
    kinds = [kind for _, kind in cluster]
    if "junk" in kinds:
        return True
    if not _PINNING.intersection(kinds):
        # Rare characters (a Cantonese text, a classic, a name) and Latin letters or
        # symbols beside Han (A股, ①加强) happen in real text: never enough alone.
        return False
    counted = [kind for kind in kinds if not (rare_text and kind == "rare")]
    # Question marks count once: "是吗?真的?" is a dialogue, not two lost bytes; so do
    # letters glued to Han ("买了T恤和U盘" is two loanwords, not two resyncs).
    once = ("anchor", "latin")
    score = sum(_WEIGHTS[kind] for kind in counted if kind not in once)
    score += sum(_WEIGHTS[kind] for kind in once if kind in counted)
    if line[start] == "?" and _closed_by_trail_letter(line, start):
        score += _BRACKETED_POINTS
    if rare_text:
        return score >= _CONVINCING
    if score >= _CONVINCING:
        return True
    # A "?" may open a span (the lost byte) or close it (a lone lead byte): look both ways.
    window = _EVIDENCE_WINDOW
    weak = _weak_score(line, max(0, start - window), end + window, script)
    return score + weak >= _CONVINCING


def _closed_by_trail_letter(line: str, question: int) -> bool:
    """Whether the Han run after a ``?`` ends in one Latin letter glued to more Han (嗣駶M意),
    the ``?`` not ending a question: the lost byte opening a misaligned run and the trail
    byte closing it."""
    found = _ASCII.search(line, question + 1)
    if found is None or found.start() - question > _MAX_BRACKET or found.start() == question + 1:
        return False
    after = line[found.end() : found.end() + 1]
    if not ("\x40" <= found.group() <= "\x7e" and after and _HAN_RE.match(after)):
        return False
    # After a question word the "?" is a question mark and 我叫T恤 the reply.
    return line[question - 1 : question] not in _QUESTION_ENDINGS


def _clusters(signals: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    clusters: list[list[tuple[int, str]]] = [[signals[0]]]
    for position, kind in signals[1:]:
        if position - clusters[-1][-1][0] <= _CLUSTER_GAP:
            clusters[-1].append((position, kind))
        else:
            clusters.append([(position, kind)])
    return clusters


def _resync_end(line: str, last_signal: int) -> int:
    """Where a misaligned decoder falls back in step after ``last_signal``.

    That is the first ASCII byte: a letter there was consumed as the trail byte of the
    last garbled pair (it belongs to the span); a ``?`` stands for a lone lead byte that
    met an ASCII character (it belongs too); anything else starts clean text again.
    """
    if line[last_signal].isascii():
        return last_signal + 1
    found = _ASCII.search(line, last_signal + 1)
    if found is None:
        return len(line)
    char = found.group()
    return found.end() if char == "?" or "\x40" <= char <= "\x7e" else found.start()


_ASCII = re.compile("[\x00-\x7f]")


def _weak_score(line: str, start: int, end: int, script: Script) -> int:
    """Uncommon Han characters and characters of the other script inside a span."""
    window = line[start:end]
    if script == "traditional":
        other = to_traditional(window)
    elif script == "simplified":
        other = to_simplified(window)
    else:
        other = window
    frequent, common = frequent_han(), common_han()
    points = 0
    for char, converted in zip(window, other, strict=False):
        if not _HAN_RE.match(char):
            continue
        if char not in common or char != converted:
            points += _UNCOMMON_POINTS
        elif char not in frequent:
            points += _INFREQUENT_POINTS
    return points


def _repair(line: str, floor: int, first: int, end: int, script: Script) -> Garble | None:
    """The provable repair of a span ending at ``end``, or ``None``.

    A ``?`` before the first signal marks where the byte was lost. Otherwise candidate
    starts are tried from the first signal backwards; the first one whose decoding is
    ordinary text and before which the line reads no better re-aligned wins.
    """
    if end - first > _MAX_REPAIR_SPAN:
        return None  # a paragraph out of step is beyond proof: its sentences go
    common = common_han()
    for start in reversed(_start_candidates(line, floor, first)):
        before = line[start - 1 : start]
        if before and _HAN_RE.match(before) and before not in common:
            continue  # an odd character just before the span: it is damaged too
        found = _best_decoding(line[start:end], _balanced_in(line[:start], line[end:]))
        if found is None:
            continue
        decoded = found[1]
        if line[start] != "?" and _damage_starts_earlier(line, floor, start, end, decoded):
            continue
        if start > floor and line[start - 1] == "?":
            start -= 1  # the "?" stood for the byte the repair put back
        if script == "traditional":
            decoded = to_traditional(decoded)
        elif script == "simplified":
            decoded = to_simplified(decoded)
        return Garble(start, end, decoded)
    return None


def _damage_starts_earlier(line: str, floor: int, start: int, end: int, repair: str) -> bool:
    """Whether the misalignment already began before ``start``.

    Re-reading from an earlier position, minus its first byte (the unknowable half of a
    lost character), gives the same pairs as the repair from ``start`` on; the question
    is whether the characters in between read better that way. If they do, they are
    damaged too, the lost byte was not punctuation, and the span cannot be proven.
    """
    tail = repair[1:]
    earliest = start
    while earliest > max(floor, start - _MAX_BACKTRACK) and not line[earliest - 1].isascii():
        earliest -= 1
    for position in range(earliest, start):
        try:
            decoded = line[position:end].encode("gb18030")[1:].decode("gb18030")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if not decoded.endswith(tail):
            continue
        original = line[position:start]
        reread = decoded[1 : len(decoded) - len(tail)]
        if not reread or reread == original[-len(reread) :]:
            continue
        odd_before, odd_after = _oddness(original), _oddness(reread)
        if odd_before >= _UNCOMMON_POINTS and odd_after < odd_before:
            return True
        if len(reread) >= 2 and odd_after == 0 and odd_after <= odd_before:
            return True  # two or more ordinary characters appear: that cannot be chance
    return False


def _oddness(text: str) -> int:
    """Points for characters a fluent text rarely uses (see ``_weak_score``)."""
    frequent, common = frequent_han(), common_han()
    points = 0
    for char in text:
        if _HAN_RE.match(char):
            if char not in common:
                points += _UNCOMMON_POINTS
            elif char not in frequent:
                points += _INFREQUENT_POINTS
        elif not _ALLOWED_NON_HAN.match(char):
            points += _UNCOMMON_POINTS
    return points


def _start_candidates(line: str, floor: int, first: int) -> list[int]:
    """Where the span may begin, earliest first: a ``?`` marking the lost byte when there
    is one, else any position back to the previous ASCII character."""
    if line[first] == "?":
        return [first]
    if first > floor and line[first - 1] == "?":
        return [first - 1]
    earliest = first
    while earliest > max(floor, first - _MAX_BACKTRACK) and not line[earliest - 1].isascii():
        earliest -= 1
    return list(range(earliest, first + 1))


def _balanced_in(before: str, after: str) -> Callable[[str], bool]:
    """A check that a restored paired mark leaves its pair balanced in the line."""

    def balanced(decoded: str) -> bool:
        for pair in _PAIRS:
            if decoded[0] in pair:
                line = before + decoded + after
                return line.count(pair[0]) == line.count(pair[1])
        return True

    return balanced


def _best_decoding(span: str, acceptable: Callable[[str], bool]) -> tuple[int, str] | None:
    """The cheapest strict GB18030 decoding of ``span`` with a lost lead byte put back,
    as (cost, text); ``None`` when no decoding is provable.

    A trailing ``?`` is the lone byte the decoder choked on; it is put back only as the
    trail of a full stop (``。`` is A1 A3), the one completion a line end makes likely.
    """
    marked = span.startswith("?")
    body = span[1:] if marked else span
    closing = body.endswith("?")
    if closing:
        body = body[:-1]
    if not body or "?" in body:
        return None
    bodies = [body]
    simplified = to_simplified(body)
    if simplified != body:
        bodies.append(simplified)
    tail = _FULL_STOP_TRAIL if closing else b""
    best: tuple[int, str] | None = None
    for text in bodies:
        for encoded in _byte_variants(text):
            for lead in _LOST_LEADS:
                try:
                    decoded = (lead + encoded + tail).decode("gb18030")
                except UnicodeDecodeError:
                    continue
                if closing and not decoded.endswith("。"):
                    continue
                cost = _cost(decoded, 1 if marked else _UNMARKED_MINIMUM_HAN)
                if cost is None or not acceptable(decoded):
                    continue
                if best is None or cost < best[0]:
                    best = (cost, decoded)
    return best


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
        except UnicodeEncodeError:  # lone surrogates have no bytes to go back to
            continue
    return variants


# The restored first character must be a mark that separates clauses (the most frequent
# cost nothing) or one half of a pair that the repair balances. Question and exclamation
# marks are too rare inside a line to be guessed; everything else in those rows (arrows,
# box drawing, dashes ...) proves nothing.
_PUNCT_COST = (
    {mark: 0 for mark in "。，、"}
    | {mark: 1 for mark in "；："}
    | {mark: 2 for mark in "“”‘’《》（）「」『』"}
)
_PAIRS = ("“”", "‘’", "《》", "（）", "「」", "『』")


def _cost(decoded: str, minimum_han: int) -> int | None:
    """How implausible a candidate repair is (0 is best), or ``None`` if it proves nothing.

    The first character comes from the restored lead byte and must be punctuation; the
    rest must be known Han characters or punctuation, almost all of them common.
    """
    if not decoded or decoded[0] not in _PUNCT_COST:
        return None
    han = _HAN_RE.findall(decoded)
    if len(han) < minimum_han:
        return None
    known, common = known_han(), common_han()
    if any(char not in known for char in han):
        return None
    for char in decoded[1:]:
        if not _HAN_RE.match(char) and not _ALLOWED_NON_HAN.match(char):
            return None
    uncommon = sum(1 for char in han if char not in common)
    if uncommon > len(han) // 8:
        return None
    return 10 * uncommon + _PUNCT_COST[decoded[0]]


# --- a span whose last character is named by its pinyin note ------------------------------

_NOTE = re.compile(r"[(（](?P<note>[^()（）]{1,30})[)）]")


def repair_noted(
    line: str, floor: int, first: int, last: int, script: Script, text: str
) -> Garble | None:
    """Repair a misaligned span whose last character lost its trail byte but kept its
    pinyin note (。ㄒ唬┙(jīng)濟 -> （一）經濟), or ``None``.

    Re-aligned, the span decodes to ordinary text and one lone lead byte. The character
    is proven when exactly one of the characters that lead byte begins reads as the note
    says and, followed by the next character, occurs elsewhere in the text (經濟).
    """
    note = _NOTE.match(line, last + 1)
    if note is None or note.end() >= len(line):
        return None
    following = line[note.end()]
    starts = [start for start in (first - 1, first) if start >= floor]
    for start in starts:
        for data in _byte_variants(to_simplified(line[start : last + 1])):
            for aligned in (data[1:], *(lead + data for lead in _LOST_LEADS)):
                repaired = _decode_with_lone_lead(aligned)
                if repaired is None:
                    continue
                body, lead = repaired
                if script == "traditional":
                    body = to_traditional(body)
                lost = _only_reading(lead, note.group("note"), following, script, text)
                if lost is not None:
                    return Garble(start, note.end(), body + lost)
    return None


def _decode_with_lone_lead(data: bytes) -> tuple[str, int] | None:
    """``data`` decoded as ordinary text followed by one lone GBK lead byte."""
    if len(data) < 3 or not 0x81 <= data[-1] <= 0xFE:
        return None
    try:
        body = data[:-1].decode("gbk")
    except UnicodeDecodeError:
        return None
    if not body or _cost(body, 1) is None:
        return None
    return body, data[-1]


def _only_reading(lead: int, note: str, following: str, script: Script, text: str) -> str | None:
    """The one character beginning with byte ``lead`` that reads ``note`` and is
    followed by ``following`` somewhere in ``text``."""
    from pypinyin import Style, pinyin  # the repair is rare: load the tables only then

    wanted = note.strip().lower().replace(" ", "")
    found: set[str] = set()
    for trail in range(0x40, 0xFF):
        try:
            char = bytes((lead, trail)).decode("gbk")
        except UnicodeDecodeError:
            continue
        readings = pinyin(char, style=Style.TONE, heteronym=True)[0]
        if wanted not in readings:
            continue
        if script == "traditional":
            char = to_traditional(char)
        # The text may annotate that word too: 經(jīng)濟(jì).
        word = re.escape(char) + r"(?:[(（][^()（）\n]{1,12}[)）])?" + re.escape(following)
        if re.search(word, text):
            found.add(char)
    return found.pop() if len(found) == 1 else None
