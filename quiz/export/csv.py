"""Anki's text format both ways: a deck as a tab-separated file with Anki's `#` headers,
and such a file (from quiz or from Anki's "Notes in Plain Text" export) back as a deck.

Reading understands the headers of Anki's manual ("Importing text files"): `#separator`,
`#html`, `#tags`, `#columns`, `#notetype`, `#deck`, and `#notetype`/`#deck`/`#tags`/`#guid
column`. Cloze notes become cloze cards (one per cloze number: a note with c1..cN is one
text with its blanks, one card per number); "quiz Basic" notes (quiz's own export of a
matching set) and the rows of a file without note types (a spreadsheet of pairs) become
the pairs of matching sets, a lone pair a basic card; any other note (Anki's Basic)
becomes a basic front/back card. A file that cannot be read raises `ImportFileError` naming the
file and the line.
"""

from __future__ import annotations

import csv
import html
import io
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from quiz.deck import CLOZE_RE, MAX_PAIRS, BasicCard, Card, ClozeCard, Deck, MatchCard, basic_id
from quiz.errors import QuizError
from quiz.export import (
    BASIC_NOTETYPE,
    CLOZE_NOTETYPE,
    FRONT_BACK_NOTETYPE,
    PAIR_GUID_RE,
    deck_notes,
    sanitize_tag,
    split_importance,
    split_list,
    unguard_hint,
)
from quiz.generate.ids import cloze_id, match_id

PAIRS_PER_SET = 6
SOURCE_HEADER = "#quiz source:"
DEFAULT_PROMPT = "Match each item with its pair"
_SEPARATORS = {
    "tab": "\t",
    "comma": ",",
    "semicolon": ";",
    "space": " ",
    "pipe": "|",
    "colon": ":",
}
_HEADER_RE = re.compile(r"^#([a-z ]+):(.*)$")
_TAG_RE = re.compile(r"<[^>]*>")
_BREAK_RE = re.compile(r"<br\s*/?>|</div>|</p>", re.IGNORECASE)
_ID_RE = re.compile(r"^\S+$")
_MEDIA_TAGS = r"(?:img|audio|video|source)\b"
_FORMAT_RE = re.compile(rf"<(?!br\s*/?>|{_MEDIA_TAGS})[a-z][^>]*>", re.IGNORECASE)
_MEDIA_RE = re.compile(rf"<{_MEDIA_TAGS}[^>]*>|\[sound:[^\]]+\]", re.IGNORECASE)
_MEDIA_NAME_RE = re.compile(r"""\bsrc=["']?([^"'>\s]+)|^\[sound:([^\]]+)\]$""", re.IGNORECASE)


class ImportFileError(QuizError):
    """A text file that cannot be turned into a deck; names the file and the line."""


@dataclass
class ImportNotes:
    """What an import kept only in part, for the user to read: formatting reduced to
    text, media not imported, fields no card shape has, blanks c2.. made more cards."""

    html: int = 0
    media: set[str] = field(default_factory=set)
    left_out: dict[str, int] = field(default_factory=dict)
    numbered: int = 0

    def leave_out(self, what: str) -> None:
        self.left_out[what] = self.left_out.get(what, 0) + 1

    def lines(self) -> list[str]:
        """One sentence per thing kept in part (none when everything crossed whole)."""
        out: list[str] = []
        if self.numbered:
            out.append(
                f"{self.numbered} cloze note(s) with blanks c1..cN: each number became a "
                "card of the same sentence (siblings)"
            )
        if self.html:
            out.append(f"{self.html} note(s): HTML formatting reduced to text")
        if self.media:
            names = ", ".join(sorted(self.media)[:5]) + (" …" if len(self.media) > 5 else "")
            out.append(f"{len(self.media)} media file(s) not imported ({names})")
        for what, count in sorted(self.left_out.items()):
            out.append(f"{count} note(s): {what} left out (no card shape holds it)")
        return out


# --------------------------------------------------------------------------- writing


def deck_to_text(deck: Deck) -> str:
    """The deck in Anki's text format: tab-separated, plain text, with headers."""
    out = io.StringIO()
    out.write("#separator:tab\n#html:false\n")
    if deck.source:  # a header Anki's importer passes over; quiz's reads it back
        out.write(f"{SOURCE_HEADER}{' '.join(deck.source.split())}\n")
    if not deck.cards:  # no row names the deck: the header does (Anki's `#deck:`)
        out.write(f"#deck:{' '.join(deck.title.split())}\n")
    out.write("#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:9\n")
    columns = ("GUID", "Notetype", "Deck", "Text/Front", "Extra/Back", "Section", "Line")
    out.write("#columns:" + "\t".join((*columns, "Prompt/Extra", "Tags")) + "\n")
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    for note in deck_notes(deck):
        cells = list(note.fields) + [""] * (5 - len(note.fields))
        writer.writerow([note.guid, note.notetype, deck.title, *cells, " ".join(note.tags)])
    return out.getvalue()


# --------------------------------------------------------------------------- reading


@dataclass
class _Headers:
    separator: str | None = None
    html: bool = False
    tags: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    notetype: str | None = None
    deck: str | None = None
    source: str | None = None
    notetype_column: int | None = None
    deck_column: int | None = None
    tags_column: int | None = None
    guid_column: int | None = None
    lines: int = 0


@dataclass
class _Row:
    line: int
    guid: str | None
    notetype: str | None
    deck: str | None
    fields: list[str]
    tags: tuple[str, ...]
    names: tuple[str, ...] = ()


@dataclass
class _PairGroup:
    key: tuple[str, ...]
    card_id: str | None
    prompt: str
    section: str | None
    line: int | None
    tags: tuple[str, ...]
    pairs: list[tuple[str, str]] = field(default_factory=list)
    first_row: int = 0


def read_text_deck(
    path: str | os.PathLike[str], *, name: str | None = None, notes: ImportNotes | None = None
) -> Deck:
    """Read an Anki text file as a deck named `name` (the file stem by default); what it
    keeps only in part is added to `notes`.

    Raises:
        ImportFileError: unreadable, not UTF-8, bad headers, or rows that make no card.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if raw.startswith(_ZIP_MAGIC):
        raise ImportFileError(
            f"{path}: an Anki package (zip), not a text file; export the notes from Anki "
            "as 'Notes in Plain Text' (.txt) and import that"
        )
    text = _decode(raw, path)
    if "\x00" in text:
        raise ImportFileError(f"{path}: binary file, not an Anki text file")
    text = _without_controls(text)
    return parse_text_deck(text, name=name or path.stem, label=str(path), notes=notes)


_ZIP_MAGIC = b"PK\x03\x04"


def _without_controls(text: str) -> str:
    """The file without terminal escape codes and control characters (a deck refuses
    them: they would act on the terminal that shows the card); tab, CR and LF are the
    file's own separators and stay."""
    from quiz.text.escapes import CONTROL, strip_sequences

    if not CONTROL.search(text):
        return text
    text = strip_sequences(text)
    return CONTROL.sub(lambda m: m.group() if m.group() in "\t\r" else "", text)


def _decode(raw: bytes, path: Path) -> str:
    """UTF-8 as Anki writes it; else what a spreadsheet saves (UTF-16 'Unicode text',
    GBK or Big5 CSV), recognised the way source texts are, but never a damaged UTF-8
    file patched with replacement marks."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    from quiz.text.read import ReadError, decode_bytes

    try:
        text, encoding = decode_bytes(raw, str(path))
    except ReadError:
        encoding, text = "utf-8", ""
    if encoding == "utf-8":
        raise ImportFileError(
            f"{path}: not UTF-8 text (byte {first_bad}), nor UTF-16, GB18030 or Big5"
        )
    return text


def parse_text_deck(
    text: str, *, name: str, label: str | None = None, notes: ImportNotes | None = None
) -> Deck:
    """`read_text_deck` over text held in a string."""
    label = label or f"<{name}>"
    lines = text.splitlines(keepends=True)
    headers = _read_headers(lines, label)
    rows = list(_read_rows(lines, headers, label, notes))
    if not rows and headers.columns and headers.notetype_column:
        # the headers of an export of a deck without cards (quiz's or Anki's): that deck
        return Deck(name=name, title=headers.deck or name, cards=(), source=headers.source)
    deck = rows_to_deck(rows, name=name, label=label, title=headers.deck, notes=notes)
    return replace(deck, source=headers.source) if headers.source else deck


def rows_to_deck(
    rows: Sequence[_Row],
    *,
    name: str,
    label: str,
    title: str | None = None,
    notes: ImportNotes | None = None,
) -> Deck:
    """The deck the notes make (shared by the text and the .apkg readers)."""
    if not rows:
        raise ImportFileError(f"{label}: no notes found")
    title = title or next((row.deck for row in rows if row.deck), None) or name
    return Deck(name=name, title=title, cards=tuple(_cards(rows, label, notes or ImportNotes())))


def _read_headers(lines: Sequence[str], label: str) -> _Headers:
    headers = _Headers()
    for number, line in enumerate(lines, start=1):
        found = _HEADER_RE.match(line.rstrip("\r\n"))
        if not found:
            break
        headers.lines = number
        key, value = found.group(1).strip().lower(), found.group(2)
        where = f"{label}:{number}"
        if key == "separator":
            sep = _SEPARATORS.get(value.strip().lower(), value if len(value) == 1 else None)
            if sep is None or sep in '"\r\n':
                raise ImportFileError(f"{where}: unknown separator {value!r}")
            headers.separator = sep
        elif key == "html":
            if value.strip().lower() not in {"true", "false"}:
                raise ImportFileError(f"{where}: #html must be true or false, not {value!r}")
            headers.html = value.strip().lower() == "true"
        elif key == "tags":
            headers.tags = tuple(value.split())
        elif key == "columns":
            headers.columns = tuple(value.split(headers.separator or "\t"))
        elif key == "notetype":
            headers.notetype = value.strip()
        elif key == "deck":
            headers.deck = value.strip() or None
        elif key == "quiz source":
            headers.source = value.strip() or None
        elif key in {"notetype column", "deck column", "tags column", "guid column"}:
            if not value.strip().isdigit() or int(value) < 1:
                raise ImportFileError(f"{where}: #{key} must be a column number from 1")
            setattr(headers, key.replace(" ", "_"), int(value))
        # other headers (if matches, match scope) do not change what a card is
    for index, column in enumerate(headers.columns, start=1):
        role = column.strip().casefold()
        attribute = f"{role}_column"
        if role in {"guid", "notetype", "deck", "tags"} and getattr(headers, attribute) is None:
            setattr(headers, attribute, index)  # a column named like Anki's own
    return headers


def _sniff_separator(lines: Sequence[str]) -> str:
    sample = next((line for line in lines if line.strip()), "")
    for sep in ("\t", ";", ","):
        if sep in sample:
            return sep
    return "\t"


def _read_rows(
    lines: Sequence[str], headers: _Headers, label: str, notes: ImportNotes | None = None
) -> Iterator[_Row]:
    body = lines[headers.lines :]
    sep = headers.separator or _sniff_separator(body)
    reader = csv.reader(body, delimiter=sep, quotechar='"', doublequote=True, strict=True)
    meta: dict[int, str] = {
        column: role
        for column, role in (
            (headers.guid_column, "guid"),
            (headers.notetype_column, "notetype"),
            (headers.deck_column, "deck"),
            (headers.tags_column, "tags"),
        )
        if column is not None
    }
    line = headers.lines
    while True:
        start = line + 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ImportFileError(f"{label}:{start}: {exc}") from exc
        line = headers.lines + reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if record[0].startswith("#") and len(record) == 1:
            continue  # a comment line
        values: dict[str, str] = {}
        raw: list[str] = []
        for column, cell in enumerate(record, start=1):
            role = meta.get(column)
            if role:
                values[role] = cell.strip()
            else:
                raw.append(cell)
        fields = clean_fields(raw, headers.html, notes)
        for column, role in meta.items():
            if column > len(record) and role in {"guid", "notetype"}:
                message = f"{role} column {column} is missing (the row has {len(record)})"
                raise ImportFileError(f"{label}:{start}: {message}")
        tags = (*headers.tags, *values.get("tags", "").split())
        yield _Row(
            line=start,
            guid=values.get("guid") or None,
            notetype=values.get("notetype") or headers.notetype,
            deck=values.get("deck") or None,
            fields=fields,
            tags=tuple(dict.fromkeys(sanitize_tag(tag) for tag in tags if tag)),
        )


def clean_fields(raw: Sequence[str], is_html: bool, notes: ImportNotes | None) -> list[str]:
    """A note's fields as plain text; its formatting and media are noted in `notes`."""
    if is_html and notes is not None:
        if any(_FORMAT_RE.search(cell) for cell in raw):
            notes.html += 1
        for cell in raw:
            for found in _MEDIA_RE.finditer(cell):
                named = _MEDIA_NAME_RE.search(found.group())
                notes.media.add(named.group(1) or named.group(2) if named else found.group())
    return [_clean(cell, is_html) for cell in raw]


def _clean(cell: str, is_html: bool) -> str:
    if is_html:
        cell = _MEDIA_RE.sub("", cell)
        cell = _BREAK_RE.sub("\n", cell)
        cell = html.unescape(_TAG_RE.sub("", cell))
    return cell.strip()


def _is_cloze(row: _Row) -> bool:
    if row.notetype is not None:
        return "cloze" in row.notetype.casefold()
    return bool(row.fields) and CLOZE_RE.search(row.fields[0]) is not None


def _field(row: _Row, index: int) -> str:
    return row.fields[index] if index < len(row.fields) else ""


def _line_number(value: str) -> int | None:
    return int(value) if value.isdigit() and int(value) > 0 else None


def _left_out(row: _Row, first: int, notes: ImportNotes) -> None:
    """Note in `notes` the fields from `first` on that hold something (no card keeps them)."""
    kind = row.notetype or "note"
    for index in range(first, len(row.fields)):
        if row.fields[index]:
            name = row.names[index] if index < len(row.names) else f"field {index + 1}"
            notes.leave_out(f"{kind} {name}")


def _cards(rows: Sequence[_Row], label: str, notes: ImportNotes) -> Iterator[Card]:
    seen: set[str] = set()
    clozes: dict[str, ClozeCard] = {}
    groups: dict[tuple[str, ...], list[_PairGroup]] = {}
    order: list[Card | tuple[str, ...]] = []
    placed: set[tuple[str, ...]] = set()
    for row in rows:
        if row.notetype not in (CLOZE_NOTETYPE, BASIC_NOTETYPE, FRONT_BACK_NOTETYPE):
            _left_out(row, 1 if _is_cloze(row) else 2, notes)
        if not _is_cloze(row) and row.notetype not in (None, BASIC_NOTETYPE):
            basic = _basic_card(row, label)
            if basic.id not in seen:
                seen.add(basic.id)
                order.append(basic)
        elif _is_cloze(row):
            numbers = {found.group(1) for found in CLOZE_RE.finditer(_field(row, 0))}
            if len(numbers) > 1 and row.notetype != CLOZE_NOTETYPE:
                notes.numbered += 1  # (quiz's own note is such cards to begin with)
            for card in _cloze_cards(row, label):
                card = _unique_id(card, clozes)
                clozes.setdefault(card.id, card)
                if card.id not in seen:
                    seen.add(card.id)
                    order.append(card)
        else:
            key = _add_pair(row, groups, label)
            if key not in placed:
                placed.add(key)
                order.append(key)
    for item in order:
        if isinstance(item, tuple):
            for made in _match_cards(groups[item], label):
                if made.id not in seen:
                    seen.add(made.id)
                    yield made
        else:
            yield item


def _front_and_back(row: _Row, label: str) -> tuple[str, str]:
    """A two-sided note's front and back, both there.

    Raises:
        ImportFileError: one is empty (an unclosed {{c1:: blank is named as such).
    """
    front, back = _field(row, 0), _field(row, 1)
    if not front or not back:
        if re.search(r"\{\{c\d+::", front):
            raise ImportFileError(
                f"{label}:{row.line}: a cloze blank {{{{c1::...}}}} is not closed"
            )
        raise ImportFileError(f"{label}:{row.line}: a basic note needs a front and a back")
    return front, back


def _basic_card(row: _Row, label: str) -> BasicCard:
    """Anki's Basic note (or quiz's Front/Back one) as a basic card."""
    front, back = _front_and_back(row, label)
    quiz_note = row.notetype == FRONT_BACK_NOTETYPE
    tags, importance = split_importance(row.tags)
    use_guid = quiz_note and row.guid and _ID_RE.match(row.guid)
    return BasicCard(
        id=row.guid if use_guid and row.guid else basic_id(front, back),
        front=front,
        back=back,
        accept=split_list(_field(row, 4)) if quiz_note else (),
        section=(_field(row, 2) or None) if quiz_note else None,
        line=_line_number(_field(row, 3)) if quiz_note else None,
        tags=tags,
        importance=importance,
    )


def _cloze_cards(row: _Row, label: str) -> Iterator[ClozeCard]:
    text = _field(row, 0)
    blanks = list(CLOZE_RE.finditer(text))
    if not blanks:
        raise ImportFileError(f"{label}:{row.line}: a cloze note without a {{{{c1::...}}}} blank")
    quiz_note = row.notetype == CLOZE_NOTETYPE
    accept = split_list(_field(row, 1)) if quiz_note else ()
    section = _field(row, 2) or None if quiz_note else None
    line = _line_number(_field(row, 3)) if quiz_note else None
    numbers = sorted({int(found.group(1)) for found in blanks})
    if len(numbers) > 1:
        yield from _numbered_cards(row, label, text, numbers)
        return
    tags, importance = split_importance(row.tags)
    for number in numbers:
        card_text = _one_blank(text, number)
        probe = ClozeCard(id="", text=card_text)
        if not probe.answer.strip():
            raise ImportFileError(f"{label}:{row.line}: cloze c{number} has an empty answer")
        use_guid = quiz_note and len(numbers) == 1 and row.guid and _ID_RE.match(row.guid)
        hint = probe.inline_hint if quiz_note else None
        if hint:  # quiz's exporter put the card's hint in the blank: give it back its field
            card_text = probe.before + f"{{{{c1::{probe.answer}}}}}" + probe.after
            hint = unguard_hint(hint)
        yield ClozeCard(
            id=row.guid if use_guid and row.guid else cloze_id(probe.answer, probe.sentence),
            text=card_text,
            accept=accept,
            hint=hint or None,
            section=section,
            line=line,
            tags=tags,
            importance=importance,
        )


def _numbered_cards(row: _Row, label: str, text: str, numbers: list[int]) -> Iterator[ClozeCard]:
    """A note with blanks c1..cN: one text, a card per number (a number Anki repeats is
    kept at its first blank, the later ones shown filled, as a deck allows one each)."""
    counts: dict[int, int] = {}

    def first_only(found: re.Match[str]) -> str:
        number = int(found.group(1))
        counts[number] = counts.get(number, 0) + 1
        return found.group(0) if counts[number] == 1 else found.group(2)

    text = CLOZE_RE.sub(first_only, text)
    if quiz_note := row.notetype == CLOZE_NOTETYPE:
        text = unguard_hint(text)
    tags, importance = split_importance(row.tags)
    guid = row.guid if quiz_note and row.guid and _ID_RE.match(row.guid) else None
    named = False  # the deck gave the note's first card its id: the others are <id>-cN
    for index, number in enumerate(numbers):
        probe = ClozeCard(id="", text=text, number=number)
        if not probe.answer.strip():
            raise ImportFileError(f"{label}:{row.line}: cloze c{number} has an empty answer")
        card_id = cloze_id(probe.answer, probe.sentence)
        if guid and index == 0:
            named, card_id = guid != card_id, guid
        elif named:
            card_id = f"{guid}-c{number}"
        yield ClozeCard(
            id=card_id,
            text=text,
            number=number,
            section=(_field(row, 2) or None) if quiz_note else None,
            line=_line_number(_field(row, 3)) if quiz_note else None,
            tags=tags,
            importance=importance,
        )


def _unique_id(card: ClozeCard, earlier: Mapping[str, ClozeCard]) -> ClozeCard:
    """The card, with its content id instead of its GUID when an earlier, different card
    of the file already has that GUID (the same card twice is left to be dropped)."""
    clash = earlier.get(card.id)
    if clash is None or (clash.text, clash.hint) == (card.text, card.hint):
        return card
    return replace(card, id=cloze_id(card.answer, card.sentence))


def _one_blank(text: str, number: int) -> str:
    """The note's text with cloze `number` as the one blank (its first occurrence) and
    every other cloze shown as its answer."""
    kept = False

    def replace(found: re.Match[str]) -> str:
        nonlocal kept
        answer, hint = found.group(2), found.group(3)
        if int(found.group(1)) == number and not kept:
            kept = True
            return f"{{{{c1::{answer}::{hint}}}}}" if hint else f"{{{{c1::{answer}}}}}"
        return answer

    return CLOZE_RE.sub(replace, text)


def _add_pair(
    row: _Row, groups: dict[tuple[str, ...], list[_PairGroup]], label: str
) -> tuple[str, ...]:
    front, back = _front_and_back(row, label)
    quiz_note = row.notetype == BASIC_NOTETYPE
    section = (_field(row, 2) or None) if quiz_note else None
    line = _line_number(_field(row, 3)) if quiz_note else None
    prompt = (_field(row, 4) if quiz_note else "") or DEFAULT_PROMPT
    found = PAIR_GUID_RE.match(row.guid or "") if quiz_note else None
    card_id = found.group("card") if found else None
    key = ("id", card_id) if card_id else ("auto", row.deck or "", section or "", prompt)
    chunks = groups.setdefault(key, [])
    chunk = chunks[-1] if chunks else None
    full = chunk is not None and card_id is None and len(chunk.pairs) >= PAIRS_PER_SET
    clash = chunk is not None and any(front == a or back == b for a, b in chunk.pairs)
    if chunk is None or full or (clash and card_id is None):
        chunk = _PairGroup(key, card_id, prompt, section, line, row.tags, first_row=row.line)
        chunks.append(chunk)
    elif clash or len(chunk.pairs) >= MAX_PAIRS:
        problem = "repeats an item of its matching set" if clash else "makes its set too large"
        raise ImportFileError(f"{label}:{row.line}: pair {front!r} → {back!r} {problem}")
    chunk.pairs.append((front, back))
    chunk.tags = tuple(dict.fromkeys((*chunk.tags, *row.tags)))  # a set carries all its tags
    return key


def _match_cards(chunks: list[_PairGroup], label: str) -> Iterator[BasicCard | MatchCard]:
    """Pairs as matching sets (a lone pair as a basic card)."""
    if len(chunks) > 1 and len(chunks[-1].pairs) == 1:
        last = chunks.pop()
        if not any(last.pairs[0][0] == a or last.pairs[0][1] == b for a, b in chunks[-1].pairs):
            chunks[-1].pairs.extend(last.pairs)
        else:
            chunks.append(last)
    for chunk in chunks:
        tags, importance = split_importance(chunk.tags)
        if len(chunk.pairs) == 1:
            front, back = chunk.pairs[0]
            yield BasicCard(
                id=basic_id(front, back),
                front=front,
                back=back,
                section=chunk.section,
                line=chunk.line,
                tags=tags,
                importance=importance,
            )
            continue
        yield MatchCard(
            id=chunk.card_id or match_id(chunk.pairs),
            prompt=chunk.prompt,
            pairs=tuple(chunk.pairs),
            section=chunk.section,
            line=chunk.line,
            tags=tags,
            importance=importance,
        )
