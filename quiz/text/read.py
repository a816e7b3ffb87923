"""Read a source file into plain text: detect its encoding, reduce HTML and Markdown to
one block per line, and refuse missing, empty, binary or undecodable files clearly.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from quiz.errors import QuizError
from quiz.text.markup import emphasised_phrases, html_to_text, linked_phrases, markdown_to_text

Kind = Literal["txt", "md", "html"]

_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_MD_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
_HTML_SNIFF = re.compile(rb"^\s*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_-]+)", re.IGNORECASE)
_BINARY_MAGIC = (
    b"%PDF",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\x7fELF",
    b"BZh",
    b"7z\xbc\xaf",
    b"SQLite format 3",
)
# C0 controls other than tab, newline, vertical tab, form feed, carriage return and escape.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_SAMPLE = 1 << 16
_UTF16_MINIMUM = 0.5  # plausibility a NUL-patterned file needs to count as UTF-16

_CANDIDATES = ("utf-8", "gb18030", "big5hkscs", "utf-16-le", "utf-16-be")


class ReadError(QuizError):
    """A source file that cannot be read as text; the message names the file."""


MAX_SOURCE_BYTES = 10_000_000
"""The largest source file quiz reads (10 MB: a book of three million characters, two
hundred times a long policy document). Making cards takes about 2 s and 50 MB of memory
per MB of text, so a larger file is refused before it is read: split it into parts."""


def _check_size(file: Path) -> None:
    try:
        size = file.stat().st_size
    except OSError:
        return  # reading says what is wrong with it
    if size > MAX_SOURCE_BYTES and file.is_file():
        raise ReadError(
            f"{file}: {size / 1e6:.1f} MB is more than quiz reads ({MAX_SOURCE_BYTES / 1e6:g} "
            "MB, about three million characters); split the text into parts, one deck each"
        )


@dataclass(frozen=True)
class Source:
    """A source text ready for cleaning: newlines are ``\\n``, markup is gone."""

    text: str
    encoding: str
    kind: Kind
    path: Path | None = None
    # phrases the page emphasises inside its lines (<u>, <b>, **…**): marked as important
    emphasis: tuple[str, ...] = ()
    # names the page links inside its lines ([桂林市](…/桂林市.md)): what the page names
    links: tuple[str, ...] = ()


def read_source(path: str | Path) -> Source:
    """Read ``path`` as text, detecting its encoding and reducing markup to text.

    Raises:
        ReadError: the file is missing, unreadable, empty, binary, undecodable, or larger
            than `MAX_SOURCE_BYTES`.
    """
    file = Path(path)
    _check_size(file)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise ReadError(f"{file}: no such file") from None
    except IsADirectoryError:
        raise ReadError(f"{file}: is a directory, not a text file") from None
    except OSError as error:
        raise ReadError(f"{file}: cannot read ({error.strerror or error})") from None
    kind = _kind_of(file, data)
    text, encoding = decode_bytes(data, str(file), prefer=_declared_charset(data, kind))
    text = _normalise_newlines(text)
    emphasis = emphasised_phrases(text, kind)
    links = linked_phrases(text, kind)
    if kind == "html":
        text = html_to_text(text)
    elif kind == "md":
        text = markdown_to_text(text)
    if not text.strip():
        what = "no text after removing markup" if kind != "txt" else "empty file"
        raise ReadError(f"{file}: {what}")
    return Source(
        text=text, encoding=encoding, kind=kind, path=file, emphasis=emphasis, links=links
    )


def decode_bytes(data: bytes, name: str, prefer: str | None = None) -> tuple[str, str]:
    """Decode ``data`` (the contents of file ``name``) and say which encoding it was.

    Byte-order marks decide first; NULs or control bytes mean BOM-less UTF-16 or a
    binary file; otherwise every candidate that decodes strictly is scored by how much
    of the result is frequent Chinese or plain ASCII, and the best one wins (UTF-8, or
    the page's declared charset, on ties).
    """
    if not data.strip(b" \t\r\n\f\v\x00"):
        raise ReadError(f"{name}: empty file")
    bom = _by_bom(data)
    if bom is not None:
        return _strict(data, bom, name), bom
    if data.startswith(_BINARY_MAGIC):
        raise ReadError(f"{name}: binary file (not text)")
    head = data[:_SAMPLE]
    if b"\x00" in head or len(_CONTROL_BYTES.findall(head)) > max(2, len(head) // 100):
        # NULs and control bytes are what UTF-16 looks like to a byte reader (the high
        # half of ASCII, the low half of CJK punctuation): binary unless it reads as text.
        utf16 = _plausible_utf16(data)
        if utf16 is None:
            raise ReadError(f"{name}: binary file (not text)")
        return _checked(utf16[0], name), utf16[1]
    best: tuple[float, str, str] | None = None
    order = ((prefer,) if prefer else ()) + _CANDIDATES
    for rank, encoding in enumerate(order):
        if encoding.startswith("utf-16") and len(data) % 2:
            continue  # (NUL-free UTF-16: all CJK, no ASCII at all; scoring decides)
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if encoding == "utf-8" and _looks_settled(text):
            return _checked(text, name), "utf-8"
        score = _plausibility(text[:_SAMPLE]) - rank * 1e-6
        if best is None or score > best[0]:
            best = (score, text, _canonical(encoding, data))
    damaged = None if best is not None and best[2] == "utf-8" else _mostly_utf8(data)
    if damaged is not None and (best is None or _plausibility(damaged[:_SAMPLE]) > best[0]):
        # A few bad bytes in an otherwise UTF-8 file (a cut download, a stray byte): keep
        # the text; the cleaner drops the sentences holding the U+FFFD marks and says so.
        return _checked(damaged, name), "utf-8"
    if best is None or best[0] < 0:
        raise ReadError(f"{name}: cannot decode as UTF-8, UTF-16, GB18030 or Big5")
    return _checked(best[1], name), best[2]


# A damaged UTF-8 file may hold a few undecodable places: 4, or 1 in 200 characters.
_MIN_BAD_UTF8 = 4
_MAX_BAD_UTF8 = 0.005
_MAX_REPLACED = 0.05
_REPLACEMENT_RUN = re.compile("\ufffd+")


def _mostly_utf8(data: bytes) -> str | None:
    """``data`` as UTF-8 with its few bad bytes replaced, or ``None`` if it is not."""
    text = data.decode("utf-8", errors="replace")
    bad = len(_REPLACEMENT_RUN.findall(text))
    if not bad or bad > max(_MIN_BAD_UTF8, len(text) * _MAX_BAD_UTF8):
        return None
    if text.count("\ufffd") > max(2 * _MIN_BAD_UTF8, _MAX_REPLACED * len(text)):
        return None
    return text


def _kind_of(file: Path, data: bytes) -> Kind:
    suffix = file.suffix.lower()
    if suffix in _HTML_SUFFIXES:
        return "html"
    if suffix in _MD_SUFFIXES:
        return "md"
    head = data[:512].lstrip(codecs.BOM_UTF8)
    if _HTML_SNIFF.match(head):
        return "html"
    return "txt"


def _declared_charset(data: bytes, kind: Kind) -> str | None:
    if kind != "html":
        return None
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii").lower()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # A page that says gb2312 is nearly always really GBK; read it with the superset.
    return {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs"}.get(codec, codec)


def _by_bom(data: bytes) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) and len(data) % 4 == 0:
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _plausible_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: the byte order in which ``data`` reads as plausible text,
    or ``None`` when neither does."""
    if len(data) % 2:
        return None
    best: tuple[float, str, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text[:_SAMPLE])
        if score >= _UTF16_MINIMUM and (best is None or score > best[0]):
            best = (score, text, encoding)
    return None if best is None else (best[1], best[2])


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return _checked(data.decode(encoding), name)
    except UnicodeDecodeError as error:
        raise ReadError(
            f"{name}: not valid {encoding.upper()} (bad byte at offset {error.start})"
        ) from None


_TEXT_CONTROLS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def _checked(text: str, name: str) -> str:
    sample = text[:_SAMPLE]
    if "\x00" in sample or len(_TEXT_CONTROLS.findall(sample)) > max(2, len(sample) // 100):
        raise ReadError(f"{name}: binary file (not text)")
    if not text.strip():
        raise ReadError(f"{name}: empty file (only whitespace)")
    return text


def _canonical(encoding: str, data: bytes) -> str:
    """Name the narrowest standard encoding that decodes the data."""
    if encoding == "gb18030":
        for narrower in ("gb2312", "gbk"):
            try:
                data.decode(narrower)
            except UnicodeDecodeError:
                continue
            return narrower
    if encoding == "big5hkscs":
        for narrower in ("big5", "cp950"):
            try:
                data.decode(narrower)
            except UnicodeDecodeError:
                continue
            return narrower
    return encoding


_HAN_ANY = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
_ASCII_TEXT = re.compile(r"[\t\n\r\x20-\x7e]")
_CJK_PUNCT = re.compile("[\u3000-\u303f\uff01-\uff5e\u2014\u2018\u2019\u201c\u201d\u2026]")
_SUSPECT = re.compile("[\ue000-\uf8ff\ufffd\x80-\x9f]")


@cache
def _tier_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    from quiz.text.charset import char_class, common_han, frequent_han, known_han

    def pattern(chars: frozenset[str]) -> re.Pattern[str]:
        return re.compile(f"[{char_class(chars)}]")

    return pattern(frequent_han()), pattern(common_han()), pattern(known_han())


def _plausibility(text: str) -> float:
    """Score a decoding, at most 1: frequent Chinese characters, plain ASCII and CJK
    punctuation score fully, rarer characters less, mojibake signs count against it."""
    if not text:
        return 0.0
    frequent, common, known = (len(p.findall(text)) for p in _tier_patterns())
    han = len(_HAN_ANY.findall(text))
    ascii_text = len(_ASCII_TEXT.findall(text))
    punct = len(_CJK_PUNCT.findall(text))
    suspect = len(_SUSPECT.findall(text))
    other = len(text) - han - ascii_text - punct - suspect
    good = (
        frequent
        + 0.7 * (common - frequent)
        + 0.2 * (known - common)
        - 2.0 * (han - known)
        + ascii_text
        + punct
    )
    return (good - 4 * suspect - 1.5 * other) / len(text)


def _looks_settled(text: str) -> bool:
    """Whether a strict UTF-8 decoding needs no rivals: it reads as ASCII or common
    Chinese, or it holds so many multi-byte characters that another encoding's bytes
    forming valid UTF-8 by chance is out of the question (short GBK words can)."""
    sample = text[:_SAMPLE]
    return len(_NON_ASCII.findall(sample)) >= _SURELY_UTF8 or _plausibility(sample) > 0.9


_NON_ASCII = re.compile("[^\x00-\x7f]")
_SURELY_UTF8 = 32  # characters of two or more bytes each


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
