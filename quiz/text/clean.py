"""Clean a source text for card generation and report every change.

Removes what scraping leaves behind (control characters, HTML remnants and
encyclopedia footnote marks, pinyin annotations, page chrome, spam link lists, garbled
byte spans) and widens ASCII punctuation between Chinese characters. Lines are
``\\n``-separated and never added or removed: a dropped line becomes an empty line, so
line numbers stay the source's.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from quiz.text.charset import CJK_PUNCT_CLASS, HAN_CLASS, pinyin_syllables, plain_syllable
from quiz.text.chrome import classify_line, closing_heading, furniture_lines
from quiz.text.escapes import escape_sequences, strip_sequences
from quiz.text.garble import TextProfile, find_garbles, text_profile
from quiz.text.script import Script, detect_script

KINDS = (
    "pinyin",
    "chrome",
    "spam",
    "code",
    "html",
    "garbled-repaired",
    "garbled-dropped",
    "punctuation",
    "whitespace",
    "control",
    "escape",
)
_NOUNS = {
    "pinyin": ("pinyin annotation", "pinyin annotations"),
    "chrome": ("chrome line", "chrome lines"),
    "spam": ("spam line", "spam lines"),
    "code": ("line of code", "lines of code"),
    "html": ("HTML remnant", "HTML remnants"),
    "garbled-repaired": ("garbled span repaired", "garbled spans repaired"),
    "garbled-dropped": ("garbled sentence dropped", "garbled sentences dropped"),
    "punctuation": ("punctuation mark", "punctuation marks"),
    "whitespace": ("whitespace fix", "whitespace fixes"),
    "control": ("control character", "control characters"),
    "escape": ("terminal escape code", "terminal escape codes"),
}


@dataclass(frozen=True, slots=True)
class Change:
    """One edit: its kind, the 1-based source line, and the text before and after."""

    kind: str
    line: int
    before: str
    after: str


@dataclass
class CleanReport:
    """Every change the cleaner made, in line order."""

    changes: list[Change] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Number of changes per kind, in the order of ``KINDS``; kinds with none left out."""
        tally = Counter(change.kind for change in self.changes)
        return {kind: tally[kind] for kind in KINDS if tally[kind]}

    def format(self, verbose: bool = False) -> str:
        """A one-line summary of the counts, or (verbose) one line per change."""
        counts = self.counts()
        if not counts:
            summary = "cleaned: nothing to clean"
        else:
            parts = [f"{n} {_NOUNS[kind][n != 1]}" for kind, n in counts.items()]
            summary = "cleaned: " + ", ".join(parts)
        if not verbose:
            return summary
        lines = [
            f"line {c.line}: {c.kind}: {_shown(c.before)} -> {_shown(c.after)}"
            for c in self.changes
        ]
        return "\n".join([*lines, summary])


@dataclass(frozen=True)
class Cleaned:
    """The cleaned text (same number of lines as the input) and what was changed."""

    text: str
    report: CleanReport


def clean(text: str) -> Cleaned:
    """Clean ``text`` line by line; never raises, never changes the number of lines."""
    report = CleanReport()
    lines = text.split("\n")
    if "\r" in text:
        # A CRLF line end is one line break, not a control character to report.
        lines = [line[:-1] if line.endswith("\r") else line for line in lines]
        text = "\n".join(lines)
    surrogates = bool(_SURROGATE.search(text))
    if surrogates:
        # Lone surrogates (a str built with errors="surrogateescape") have no character
        # to show and no bytes for the converters: they go first, as control characters.
        lines = [_remove_surrogates(line, n, report.changes) for n, line in enumerate(lines, 1)]
        text = "\n".join(lines)
    changes = report.changes
    # In passes: each line's text first, so that the context rules see lines as they
    # will read (no tags, notes or edit links); then furniture; then garbles and
    # punctuation, judged against the text without its furniture (as a second run sees it).
    prepared = [_prepare_line(line, number, changes) for number, line in enumerate(lines, 1)]
    furniture = furniture_lines(prepared)
    kept = [
        _remove_furniture(line, number, changes, number - 1 in furniture)
        for number, line in enumerate(prepared, 1)
    ]
    body = "\n".join(kept)
    script = detect_script(body)
    profile = text_profile(body)
    cleaned = [
        _finish_line(line, number, script, profile, changes) for number, line in enumerate(kept, 1)
    ]
    if any(change.kind == "garbled-dropped" for change in changes):
        # Dropped garble can tip a mixed text's script: judge it again as a second run would.
        again = "\n".join(cleaned)
        if detect_script(again) != script:
            script, profile = detect_script(again), text_profile(again)
            cleaned = [
                _finish_line(line, number, script, profile, changes)
                for number, line in enumerate(cleaned, 1)
            ]
    changes.sort(key=lambda change: change.line)  # stable: a line's changes keep their order
    return Cleaned("\n".join(cleaned), report)


def _prepare_line(line: str, number: int, changes: list[Change]) -> str:
    """Remove markup remnants, control characters, odd spaces and pinyin notes."""
    if not line:
        return line
    # Terminal escape codes go whole first (ESC [31m, or the [31m its lost ESC left), then
    # controls (a stray \r hides a footnote mark from its pattern), and again after
    # entities are decoded (&#7; is one).
    line = _remove_escapes(line, number, changes)
    line = _remove_controls_and_spaces(line, number, changes)
    unescaped = _remove_html(line, number, changes)
    if unescaped != line:
        line = _remove_escapes(unescaped, number, changes)  # &#27;[31m is one too
        line = _remove_controls_and_spaces(line, number, changes)
    line = _remove_pinyin(line, number, changes)
    return _tidy(line)


def _remove_furniture(line: str, number: int, changes: list[Change], furniture: bool) -> str:
    """Empty a line of page furniture or spam (``furniture``: so judged by context)."""
    if not line:
        return line
    kind = "chrome" if furniture else classify_line(line)
    if kind is None:
        return line
    changes.append(Change(kind, number, line, ""))
    return ""


def _finish_line(
    line: str, number: int, script: Script, profile: TextProfile, changes: list[Change]
) -> str:
    """Repair or drop garbled spans and widen ASCII punctuation."""
    if not line:
        return line
    before_garbles = len(changes)
    line = _handle_garbles(line, number, script, profile, changes)
    garbled = len(changes) > before_garbles
    line = _remove_dateline(line, number, changes)
    line = _tidy(_widen_punctuation(line, number, changes))
    if garbled:
        # What a dropped sentence leaves behind ("。", a heading) may be furniture.
        kind = "chrome" if closing_heading(line) else classify_line(line)
        if kind is not None:
            changes.append(Change(kind, number, line, ""))
            return ""
    return line


# A news story's dateline before its first sentence: agency, place, date, 电, and the
# reporters in brackets (新华社北京3月5日电（记者 王某）). A 题： after it makes a title line,
# which the generator reads as such.
_DATELINE = re.compile(
    r"^\s*\S{1,6}?[社网網报報台]\S{0,8}?\d{1,2}月\d{1,2}日(?:\d{1,2}[时時])?[电電](?![视視话話脑腦影力网網器子源池站动動])"
    r"\s*(?:[（(](?:本报|本報)?(?:记者|記者|通讯员|通訊員)[^（）()]{0,40}[）)])?\s*"
)
_TITLE_LABEL = re.compile(r"^[题題]\s*[:：]")
_MIN_AFTER_DATELINE = 10
_HAN_CHAR = re.compile(f"[{HAN_CLASS}]")


def _remove_dateline(line: str, number: int, changes: list[Change]) -> str:
    match = _DATELINE.match(line)
    if match is None:
        return line
    rest = line[match.end() :]
    if len(rest) < _MIN_AFTER_DATELINE or not _HAN_CHAR.search(rest) or _TITLE_LABEL.match(rest):
        return line
    changes.append(Change("chrome", number, match.group().strip(), ""))
    return rest


# --- control characters and whitespace -------------------------------------------------

_ESCAPE_SUSPECT = re.compile(r"[\x1b\x90-\x9f]|\[[\d;]*m")


def _remove_escapes(line: str, number: int, changes: list[Change]) -> str:
    if not _ESCAPE_SUSPECT.search(line):
        return line
    for sequence in escape_sequences(line):
        changes.append(Change("escape", number, _escape(sequence), ""))
    return strip_sequences(line)


# What an ASCII line needs before the control and space passes are worth running.
_ASCII_SUSPECT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\t]| {2,}")
_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]+"
)
_ODD_SPACES = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f]")
_SPACE_RUN = re.compile("(?<=\\S)[ \u3000]{2,}(?=\\S)")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _remove_surrogates(line: str, number: int, changes: list[Change]) -> str:
    def drop(match: re.Match[str]) -> str:
        changes.append(Change("control", number, _escape(match.group()), ""))
        return ""

    return _SURROGATE.sub(drop, line)


def _remove_controls_and_spaces(line: str, number: int, changes: list[Change]) -> str:
    if line.isascii() and not _ASCII_SUSPECT.search(line):
        return line
    line = _remove_controls(line, number, changes)
    return _normalise_spaces(line, number, changes)


def _remove_controls(line: str, number: int, changes: list[Change]) -> str:
    def replace(match: re.Match[str]) -> str:
        run = match.group()
        # A line or paragraph separator splits words: keep a space in its place.
        kept = " " if any(c in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029" for c in run) else ""
        for char in run:
            changes.append(Change("control", number, _escape(char), kept))
        return kept

    return _CONTROLS.sub(replace, line)


def _normalise_spaces(line: str, number: int, changes: list[Change]) -> str:
    def to_space(match: re.Match[str]) -> str:
        changes.append(Change("whitespace", number, _escape(match.group()), " "))
        return " "

    return _SPACE_RUN.sub(to_space, _ODD_SPACES.sub(to_space, line))


def _tidy(line: str) -> str:
    """Trim the line's edges (indentation is layout, not text) and collapse space runs."""
    if "  " in line:
        line = re.sub(" {2,}", " ", line)
    return line.strip(" \t\u3000")


# --- HTML remnants --------------------------------------------------------------------

_TAG_NAMES = (
    "a|abbr|article|aside|b|big|blockquote|body|br|button|center|cite|code|dd|del|div|dl|dt|"
    "em|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|"
    "ins|label|li|link|main|mark|meta|nav|nobr|ol|option|p|pre|q|s|script|section|select|"
    "small|span|strike|strong|style|sub|sup|table|tbody|td|tfoot|th|thead|time|title|tr|tt|"
    "u|ul|wbr"
)
_LONG_TAG_NAMES = "|".join(n for n in _TAG_NAMES.split("|") if len(n) > 1 or n == "p")
_ENTITY = re.compile(r"&(?:#\d{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[a-zA-Z][a-zA-Z0-9]{1,31};)")
_BARE_ENTITY = re.compile(
    r"&(nbsp|amp|lt|gt|quot|apos|ensp|emsp|middot|hellip|mdash|ldquo|rdquo)(?![a-zA-Z0-9;])"
)
_TAG = re.compile(rf"</?(?:{_TAG_NAMES})(?:\s+[^<>]*)?\s*/?\s*>|<!--.*?-->", re.IGNORECASE)
_TAG_REMNANT = re.compile(
    rf"(?<![A-Za-z0-9<])(?:/\s*(?:{_TAG_NAMES})|(?:{_LONG_TAG_NAMES})\s*/?)>"
    rf"|</?(?:{_TAG_NAMES})(?:\s+[^<>]*)?$"
    rf"|^[^<>]*?\s(?:href|src|class|style)=[\"'][^<>]*?>",
    re.IGNORECASE,
)
_WORD_EDGE = re.compile(r"[A-Za-z0-9]")
# What an encyclopedia page leaves in copied text: footnote calls and edit links, glued
# to the word they follow (a[1] in code is left alone).
_WIKI_MARK = re.compile(
    r"(?<=[^\sA-Za-z0-9_])[\[［](?:\d{1,3}(?:\s?[-–,，]\s?\d{1,3})*|[注註]\s?\d{1,3}|note \d{1,3}"
    r"|[a-z]|编辑|編輯|"
    r"来源请求|來源請求|需要引用|需要來源|citation needed|edit)[\]］]",
    re.IGNORECASE,
)


def _remove_html(line: str, number: int, changes: list[Change]) -> str:
    if "&" in line:

        def unescape(match: re.Match[str]) -> str:
            entity = match.group()
            if not entity.endswith(";"):
                entity += ";"
            decoded = html.unescape(entity)
            if decoded == entity:
                return match.group()
            decoded = " " if decoded in "\u00a0\u2002\u2003" else decoded
            changes.append(Change("html", number, match.group(), decoded))
            return decoded

        for _ in range(3):  # double-escaped entities (&amp;nbsp;) need more than one round
            unescaped = _BARE_ENTITY.sub(unescape, _ENTITY.sub(unescape, line))
            if unescaped == line:
                break
            line = unescaped
    if "<" in line or ">" in line:
        line = _strip_tags(line, number, changes, _TAG)
        line = _strip_tags(line, number, changes, _TAG_REMNANT)
    if "[" in line or "［" in line:
        line = _strip_tags(line, number, changes, _WIKI_MARK)
    return line


def _strip_tags(line: str, number: int, changes: list[Change], pattern: re.Pattern[str]) -> str:
    def replace(match: re.Match[str]) -> str:
        before = line[match.start() - 1 : match.start()]
        after = line[match.end() : match.end() + 1]
        kept = " " if _WORD_EDGE.match(before) and _WORD_EDGE.match(after) else ""
        changes.append(Change("html", number, match.group(), kept))
        return kept

    return pattern.sub(replace, line)


# --- pinyin annotations ---------------------------------------------------------------

_NOTE_TEXT = r"[A-Za-z\u00c0-\u024f\u0300-\u036f\u1e3e\u1e3f:'’ 0-5-]{1,80}"
# 機(jī), and after a quoted word, “不想” (bù xiǎng): the note follows the closing mark.
_PINYIN_NOTE = re.compile(
    rf"(?P<han>[{HAN_CLASS}]+)(?P<close>[”」』\"]?)(?P<gap>[ \t]?)"
    rf"[(（\[](?P<body>{_NOTE_TEXT})[)）\]]"
)
# A gloss that offers the pinyin as an alternative spelling: 中文(或“zhōngwén”), (即 nǐ hǎo).
_PINYIN_ALTERNATIVE = re.compile(
    rf"(?<=[{HAN_CLASS}])[ \t]?[(（](?:或|或者|即|读作|讀作|拼音[:：]?)\s*[“\"「『‘']?"
    r"(?P<body>[A-Za-z\u00c0-\u024f\u0300-\u036f\u1e3e\u1e3f:'’ 0-5-]{1,80}?)"
    r"[”\"」』’']?[)）]"
)
_ALTERNATIVE_OPENER = re.compile(r"[(（](?:或|即|读作|讀作|拼音)")
# What every note holds: a quick test, as _PINYIN_NOTE tries each Han character of a line.
_NOTE_BODY = re.compile(rf"[(（\[]{_NOTE_TEXT}[)）\]]")
_TONE_MARK = re.compile("[\u00c0-\u024f\u0300-\u036f\u1e3e\u1e3f]|[a-zA-Z:][1-5]")
_SYLLABLE_SPLIT = re.compile(r"[\s'’-]+|(?<=[1-5])(?=[A-Za-z])")


def _remove_pinyin(line: str, number: int, changes: list[Change]) -> str:
    if "(" not in line and "（" not in line and "[" not in line:
        return line

    def replace(match: re.Match[str]) -> str:
        han = match.group("han")
        count = _syllable_count(match.group("body"))
        if count is None or count > len(han):
            return match.group()
        close = match.group("close")
        changes.append(Change("pinyin", number, match.group()[len(han) - 1 :], han[-1] + close))
        return han + close

    def drop_alternative(match: re.Match[str]) -> str:
        body = match.group("body")
        if not _TONE_MARK.search(body) or not _syllable_count(body):
            return match.group()
        changes.append(Change("pinyin", number, match.group(), ""))
        return ""

    alternatives = bool(_ALTERNATIVE_OPENER.search(line))
    if not alternatives and not _NOTE_BODY.search(line):
        return line
    # Repeat: removing one annotation can bring a character next to another, 機(jī)(jī),
    # 機(jī)(或“jī”).
    for _ in range(line.count("(") + line.count("（") + line.count("[")):
        stripped = _PINYIN_NOTE.sub(replace, line)
        if alternatives:
            stripped = _PINYIN_ALTERNATIVE.sub(drop_alternative, stripped)
        if stripped == line:
            break
        line = stripped
    return line


@lru_cache(maxsize=4096)
def _syllable_count(body: str) -> int | None:
    """How many pinyin syllables ``body`` spells, or ``None`` if it is not pinyin."""
    toned = bool(_TONE_MARK.search(body))
    parts = [part for part in _SYLLABLE_SPLIT.split(body.strip()) if part]
    if not parts:
        return None
    legal = pinyin_syllables()
    count = 0
    for part in parts:
        plain = plain_syllable(part)
        if plain in legal or (plain.endswith("r") and plain[:-1] in legal):
            count += 1  # erhua, nǎr, counts as one syllable
            continue
        if not toned:
            return None  # untoned words are only pinyin when each is one syllable
        pieces = _segment(plain, legal)
        if pieces is None:
            return None
        count += pieces
    if count == 1 and not toned and len(parts[0]) < 2:
        return None  # (a), (e): list markers, not pinyin
    return count


def _segment(word: str, legal: frozenset[str]) -> int | None:
    """Fewest legal syllables that spell ``word`` (``nihao`` -> 2), or ``None``."""
    best: list[int | None] = [0] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 6), end):
            previous = best[start]
            if previous is not None and word[start:end] in legal:
                if best[end] is None or previous + 1 < (best[end] or 0):
                    best[end] = previous + 1
    return best[-1]


# --- garbled spans --------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[。！？!；;…]")  # an ASCII "?" may be a lost byte
_STRAY_PUNCT = " 。，、；：！？.,;:!?"


def _handle_garbles(
    line: str, number: int, script: Script, profile: TextProfile, changes: list[Change]
) -> str:
    garbles = find_garbles(line, script, profile)
    for garble in reversed(garbles):
        if garble.repair is not None:
            before = line[garble.start : garble.end]
            changes.append(Change("garbled-repaired", number, before, garble.repair))
            line = line[: garble.start] + garble.repair + line[garble.end :]
            continue
        start, end = _sentence_around(line, garble.start, garble.end)
        if not line[:start].strip(_STRAY_PUNCT):
            start = 0  # what the misaligned decoder made of the previous line's last byte
        changes.append(Change("garbled-dropped", number, line[start:end], ""))
        line = line[:start] + line[end:]
    return line


def _sentence_around(line: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``line[start:end]``: from the last sentence end before it to
    the first one after it (inclusive), or the line's edges."""
    sentence_start = 0
    for match in _SENTENCE_END.finditer(line, 0, start):
        sentence_start = match.end()
    after = _SENTENCE_END.search(line, end)
    sentence_end = after.end() if after else len(line)
    return sentence_start, sentence_end


# --- punctuation ----------------------------------------------------------------------

_CJK = f"[{HAN_CLASS}{CJK_PUNCT_CLASS}]"
_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", ".": "。"}
# Between Chinese characters (spaces allowed after the mark), or after a percentage.
_BETWEEN_CJK = re.compile(rf"(?:(?<={_CJK})|(?<=\d%))[,:;?!](?=[ \u3000]*{_CJK})")
# After a Han character and before a number (开局之年,3200多名): a clause break, never a
# thousands separator (those stand between digits).
_BEFORE_NUMBER = re.compile(rf"(?<=[{HAN_CLASS}])[,;](?=\d)")
# At the end of a line after a Han character; a full stop also between Han characters.
_ENDING = re.compile(
    rf"(?<=[{HAN_CLASS}）])(?:[,:;?!](?=[”’」』)）]*\s*$)|\.(?=[{HAN_CLASS}]|\s*$))"
)
_PARENS = re.compile(
    rf"(?:(?<={_CJK})|^)\(([^()A-Za-z]*[{HAN_CLASS}][^()A-Za-z]*)\)"
    rf"(?:(?=[,:;?!]?[ \u3000]*{_CJK})|(?=[,:;?!.]?$))"
)


def _widen_punctuation(line: str, number: int, changes: list[Change]) -> str:
    if line.isascii():
        return line

    def widen(match: re.Match[str]) -> str:
        mark = match.group()
        wide = _FULL_WIDTH[mark]
        context = line[max(0, match.start() - 1) : match.end() + 1]
        changes.append(Change("punctuation", number, context, context.replace(mark, wide, 1)))
        return wide

    def widen_parens(match: re.Match[str]) -> str:
        inner = match.group(1)
        changes.append(Change("punctuation", number, match.group(), f"（{inner}）"))
        return f"（{inner}）"

    # Parentheses first: the mark after 孩子(子), is then between Chinese characters. Nested
    # ones widen from the inside out, (機(試行)機) in two rounds, so that cleaning is
    # idempotent.
    for _ in range(line.count("(")):
        widened = _PARENS.sub(widen_parens, line)
        if widened == line:
            break
        line = widened
    if not any(mark in line for mark in _FULL_WIDTH):  # a quick test: most lines have none
        return line
    line = _BETWEEN_CJK.sub(widen, line)
    line = _BEFORE_NUMBER.sub(widen, line)
    return _ENDING.sub(widen, line)


# --- display --------------------------------------------------------------------------


def _escape(text: str) -> str:
    return "".join(c if c.isprintable() and c != " " else f"\\u{ord(c):04x}" for c in text)


def _shown(text: str) -> str:
    return text if text else "(removed)"
