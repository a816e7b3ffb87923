"""Decks as Anki notes: the one mapping the .apkg and text exporters share.

A cloze card becomes a cloze note (`Text`, `Extra`, `Section`, `Line`); its hint rides in
the blank as `{{c1::answer::hint}}` and its other accepted answers go in `Extra`. The
cards of one text with blanks c1..cN become one note with all its blanks (Anki makes a
card per number again), its GUID the first card's id. A matching set becomes one basic
note per pair (`Front`, `Back`, `Section`, `Line`, `Prompt`); a basic card a "quiz
Front/Back" note (`Front`, `Back`, `Section`, `Line`, `Extra`). A note's GUID is the card
id (`<id>.<n>` for pair n), so importing a newer export into Anki updates the notes
instead of duplicating them. A card's importance rides as the tag `importance::<0-100>`
(Anki's hierarchical tags: searchable there, and no change to the note types); importing
takes it back into the card's `importance`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from quiz.deck import (
    CLOZE_RE,
    MAX_IMPORTANCE,
    MIN_IMPORTANCE,
    BasicCard,
    ClozeCard,
    Deck,
    MatchCard,
)

NoteKind = Literal["cloze", "basic", "front-back"]

CLOZE_NOTETYPE = "quiz Cloze"
BASIC_NOTETYPE = "quiz Basic"
FRONT_BACK_NOTETYPE = "quiz Front/Back"
CLOZE_FIELDS: tuple[str, ...] = ("Text", "Extra", "Section", "Line")
BASIC_FIELDS: tuple[str, ...] = ("Front", "Back", "Section", "Line", "Prompt")
FRONT_BACK_FIELDS: tuple[str, ...] = ("Front", "Back", "Section", "Line", "Extra")
LIST_SEPARATOR = " | "
PAIR_GUID_RE = re.compile(r"^(?P<card>\S+)\.(?P<n>\d+)$")
IMPORTANCE_TAG = "importance::"
_IMPORTANCE_TAG_RE = re.compile(r"^importance::(\d{1,3})$")


@dataclass(frozen=True, slots=True)
class Note:
    """One Anki note: its GUID, note type, fields in the note type's order, and tags."""

    guid: str
    kind: NoteKind
    fields: tuple[str, ...]
    tags: tuple[str, ...]

    @property
    def notetype(self) -> str:
        return {"cloze": CLOZE_NOTETYPE, "basic": BASIC_NOTETYPE}.get(
            self.kind, FRONT_BACK_NOTETYPE
        )


def sanitize_tag(tag: str) -> str:
    """An Anki tag: no whitespace inside (spaces become underscores)."""
    return "_".join(tag.split())


def importance_tags(importance: int | None) -> tuple[str, ...]:
    """The tag that carries a card's importance into Anki (none when it has none)."""
    return () if importance is None else (f"{IMPORTANCE_TAG}{importance}",)


def split_importance(tags: tuple[str, ...]) -> tuple[tuple[str, ...], int | None]:
    """A note's tags without its importance tags, and the importance the first of them
    gives (0-100; a tag out of range stays an ordinary tag).

    >>> split_importance(("quote", "importance::63"))
    (('quote',), 63)
    """
    importance: int | None = None
    kept: list[str] = []
    for tag in tags:
        found = _IMPORTANCE_TAG_RE.match(tag)
        if found is not None and MIN_IMPORTANCE <= int(found.group(1)) <= MAX_IMPORTANCE:
            if importance is None:
                importance = int(found.group(1))
            continue
        kept.append(tag)
    return tuple(kept), importance


def join_list(items: tuple[str, ...]) -> str:
    """Items joined with " | ", a literal `|` or `\\` escaped with a backslash."""
    return LIST_SEPARATOR.join(item.replace("\\", "\\\\").replace("|", "\\|") for item in items)


def split_list(text: str) -> tuple[str, ...]:
    """The inverse of `join_list`."""
    items: list[str] = []
    current: list[str] = []
    chars = iter(text)
    for ch in chars:
        if ch == "\\":
            current.append(next(chars, "\\"))
        elif ch == "|":
            items.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
    items.append("".join(current).strip())
    return tuple(item for item in items if item)


HINT_BRACE_GUARD = "\u200b"
"""A zero-width space after a `}` of a hint that would otherwise close the blank early
(`}}` inside the hint, or a `}` ending it); invisible in Anki, removed again on import."""
_CLOSING_BRACE_RE = re.compile(r"\}(?=\}|$)")


def guard_hint(hint: str) -> str:
    """A hint that can sit inside `{{c1::answer::hint}}` without ending the blank."""
    return _CLOSING_BRACE_RE.sub("}" + HINT_BRACE_GUARD, hint)


def unguard_hint(hint: str) -> str:
    """The inverse of `guard_hint`."""
    return hint.replace("}" + HINT_BRACE_GUARD, "}")


def cloze_text_with_hint(card: ClozeCard) -> str:
    """The card's text with its hint inside the blank (`{{c1::answer::hint}}`)."""
    hint = card.display_hint
    found = CLOZE_RE.search(card.text)
    if found is None or not hint:
        return card.text
    blank = f"{{{{c1::{card.answer}::{guard_hint(hint)}}}}}"
    return card.text[: found.start()] + blank + card.text[found.end() :]


def numbered_text_with_hints(cards: list[ClozeCard]) -> str:
    """The text of the cards of one c1..cN text, each card's hint inside its own blank."""
    hints = {card.number: card.hint for card in cards if card.hint}

    def with_hint(found: re.Match[str]) -> str:
        number, answer = int(found.group(1)), found.group(2)
        hint = hints.get(number) or found.group(3)
        return f"{{{{c{number}::{answer}::{guard_hint(hint)}}}}}" if hint else found.group(0)

    return CLOZE_RE.sub(with_hint, cards[0].text)


def deck_notes(deck: Deck) -> list[Note]:
    """Every note of a deck, in deck order (a c1..cN text where its first card is)."""
    notes: list[Note] = []
    numbered: dict[tuple[str, str | None, int | None], list[ClozeCard]] = {}
    for card in deck.cards:
        if isinstance(card, ClozeCard) and card.number is not None:
            numbered.setdefault((card.text, card.section, card.line), []).append(card)
    for card in deck.cards:
        tags = tuple(sanitize_tag(tag) for tag in card.tags if sanitize_tag(tag))
        tags += importance_tags(card.importance)
        section = card.section or ""
        line = "" if card.line is None else str(card.line)
        fields: tuple[str, ...]
        if isinstance(card, ClozeCard) and card.number is not None:
            group = numbered[(card.text, card.section, card.line)]
            if card is not group[0]:
                continue
            accept = tuple(dict.fromkeys(a for member in group for a in member.accept))
            tags = tuple(
                dict.fromkeys(
                    sanitize_tag(tag)
                    for member in group
                    for tag in member.tags
                    if sanitize_tag(tag)
                )
            )
            tags += importance_tags(card.importance)
            fields = (numbered_text_with_hints(group), join_list(accept), section, line)
            notes.append(Note(card.id, "cloze", fields, tags))
        elif isinstance(card, ClozeCard):
            fields = (cloze_text_with_hint(card), join_list(card.accept), section, line)
            notes.append(Note(card.id, "cloze", fields, tags))
        elif isinstance(card, BasicCard):
            extra = join_list(card.accept)
            fields = (card.front, card.back, section, line, extra)
            notes.append(Note(card.id, "front-back", fields, tags))
        elif isinstance(card, MatchCard):
            for number, (left, right) in enumerate(card.pairs, start=1):
                fields = (left, right, section, line, card.prompt)
                notes.append(Note(f"{card.id}.{number}", "basic", fields, tags))
    return notes
