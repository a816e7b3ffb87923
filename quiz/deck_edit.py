"""Editing one card of a deck file in place: what the app's edit form (`e`) saves.

The form edits a card's text, answer, other accepted answers and hint (a basic card: its
front instead of a text). `form_fields(card)` gives what the form starts with: a cloze
card's text with its blank written `___` (the deck's other blanks of the same text stay
in their `{{c2::…}}` form), `check_fields` says why an edit cannot be saved, and
`save_edit` writes it.

The file is changed where the card is, not dumped again: only the values that changed are
replaced, so every other card, the comments and the layout of the file stay byte for
byte. A card without an `id` gets its id written (a content id would change with the
text, and the card would lose its history); a text holding blanks c1..cN in one entry is
written as quiz writes such texts, an entry per blank with `cloze: N` and its id. The
card is marked `edited: true`; the file's stamp line (`quiz.generate.stamp`) is left as
it is, so the body no longer matches it and `quiz generate` keeps the deck unless
`--force`, as for any edit by hand. The result is read back with the deck loader before
anything is written: an edit that would break the file, change another card or lose a
card is refused with the reason, and the file is written atomically.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

import yaml

from quiz.deck import (
    CLOZE_RE,
    BasicCard,
    Card,
    ClozeCard,
    Deck,
    DeckError,
    MatchCard,
    entry_cards,
    parse_deck,
    write_text_atomic,
)
from quiz.errors import QuizError

BLANK = "___"
"""How the form writes a cloze card's blank in its text."""
_BLANK_RE = re.compile(r"_{3,}")
ACCEPT_SEPARATOR = " | "
"""Between the other accepted answers in the form's one line (Anki's Extra uses it too)."""
_SYNTAX = ("{{", "}}", "::")
_C = TypeVar("_C", ClozeCard, BasicCard)


class EditError(QuizError):
    """An edit that cannot be saved; the message says why (shown in the form)."""


@dataclass(frozen=True, slots=True)
class CardFields:
    """What the form shows and returns: `text` is a cloze card's text with its blank as
    `___` (a basic card: its front), `answer` the blank's answer (or the back)."""

    text: str
    answer: str
    accept: tuple[str, ...] = ()
    hint: str = ""


def editable(card: Card) -> str | None:
    """None when the form can edit `card`, else why not (a matching set)."""
    if isinstance(card, MatchCard):
        return (
            "A matching set is edited in its deck file (its pairs have no form here); "
            "quiz check validates it."
        )
    return None


def form_fields(card: ClozeCard | BasicCard) -> CardFields:
    """The card as the form starts with it."""
    if isinstance(card, BasicCard):
        return CardFields(card.front, card.back, card.accept, card.hint or "")
    blank = _asked(card)
    text = card.text[: blank.start()] + BLANK + card.text[blank.end() :]
    return CardFields(text, card.answer, card.accept, card.display_hint or "")


def parse_accept(line: str) -> tuple[str, ...]:
    """The form's accepted answers, `a | b`, as a tuple (empty pieces left out, each once)."""
    pieces = (piece.strip() for piece in line.split("|"))
    return tuple(dict.fromkeys(piece for piece in pieces if piece))


def check_fields(card: ClozeCard | BasicCard, fields: CardFields) -> str | None:
    """Why `fields` cannot be saved for `card` (None: they can). The deck loader checks
    the whole file again when it is saved."""
    text, answer = fields.text.strip(), fields.answer.strip()
    if isinstance(card, BasicCard):
        if not text:
            return "The front is empty: a basic card asks its front."
        if not answer:
            return "The back is empty: it is the answer."
    else:
        blanks = len(_BLANK_RE.findall(text))
        if blanks == 0:
            return f"No blank: write {BLANK} in the text where the answer goes."
        if blanks > 1:
            return (
                f"{blanks} blanks: a card asks one. Write {BLANK} once (a second card of "
                "the same sentence is a new entry in the deck file)."
            )
        if not answer:
            return "The answer is empty: it is what the blank asks."
        if any(mark in answer for mark in _SYNTAX):
            return "The answer cannot hold {{, }} or :: (they write a blank)."
        if any(mark in fields.hint for mark in _SYNTAX):
            return "The hint cannot hold {{, }} or :: (they write a blank)."
        others = _numbers(form_fields(card).text)
        if _numbers(text) != others:
            kept = ", ".join(f"c{n}" for n in sorted(others))
            return (
                f"Keep the text's other blanks ({kept}) as they are: each is a card of its own."
                if others
                else "Only the one blank: the text cannot hold {{c1::…}} blanks."
            )
    return None


def _numbers(text: str) -> list[int]:
    return sorted(int(found.group(1)) for found in CLOZE_RE.finditer(text))


def save_edit(path: str | os.PathLike[str], card: Card, fields: CardFields) -> Deck:
    """Write `fields` into the deck file at `path` (the deck named by its stem) for
    `card`, and return the deck as read back from the new file.

    Raises:
        EditError: the form's fields are refused (`check_fields`), the card cannot be
            edited (a matching set), the file changed on disk since `card` was read, or
            the edit would break the file or another card. Nothing is written then.
        OSError: the file cannot be read or written.
    """
    path = Path(path)
    reason = editable(card)
    if reason is not None:
        raise EditError(reason)
    assert isinstance(card, ClozeCard | BasicCard)
    reason = check_fields(card, fields)
    if reason is not None:
        raise EditError(reason)
    raw = path.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EditError(f"{path}: not UTF-8 text; fix the file first") from exc
    new_text, new_deck = edit_text(text, name=path.stem, path=path, card=card, fields=fields)
    if new_deck is None:
        raise EditError("Nothing changed.")
    write_text_atomic(path, ("\ufeff" if bom else "") + new_text)
    return new_deck


def edit_text(
    text: str, *, name: str, path: Path | None, card: ClozeCard | BasicCard, fields: CardFields
) -> tuple[str, Deck | None]:
    """The deck file `text` with `fields` written for `card`, and the deck it reads as
    (None: nothing changed). Checked by reading the result back: every card kept, in
    order, with its id; only the changed cards (marked `edited`) differ.

    Raises:
        EditError: the file no longer holds `card` as it was read, or the edit cannot be
            written without changing something else.
    """
    try:
        before = parse_deck(text, name=name, path=path)
    except DeckError as exc:
        raise EditError(f"The deck file has problems; fix them first: {exc}") from exc
    entries = entry_cards(text, name=name, path=path)
    found = next(
        ((node, cards) for node, cards in entries if any(c.id == card.id for c in cards)), None
    )
    on_disk = next((c for c in before.cards if c.id == card.id), None)
    if found is None or on_disk != card:
        label = path or name
        raise EditError(
            f"{label}: the card changed on disk since it was read; press r on the deck list "
            "to read the deck again"
        )
    node, siblings = found
    wanted = _edited_card(card, fields)
    newline = "\r\n" if "\r\n" in text else "\n"
    edits: list[_Edit] = []
    targets: dict[str, Card] = {}
    if isinstance(card, ClozeCard) and len(siblings) > 1:
        # one entry, several blanks: an entry per blank, as quiz writes them
        assert isinstance(wanted, ClozeCard)
        split: list[Card] = [
            wanted if c.id == card.id else _mark(c, replace(c, text=wanted.text))
            for c in siblings
            if isinstance(c, ClozeCard)
        ]
        edits.append(_replace_entry(text, node, split, newline))
        targets.update((c.id, c) for c in split)
    else:
        edits.extend(_set_values(text, node, card, wanted, newline))
        targets[card.id] = wanted
        if (
            isinstance(card, ClozeCard)
            and isinstance(wanted, ClozeCard)
            and card.text != wanted.text
        ):
            # the other entries of the same text (`cloze: N`) take the new text too
            for other_node, cards in entries:
                other = cards[0]
                if other_node is node or len(cards) != 1 or not isinstance(other, ClozeCard):
                    continue
                if other.text == card.text:
                    moved = replace(other, text=wanted.text, edited=True)
                    edits.extend(_set_values(text, other_node, other, moved, newline))
                    targets[other.id] = moved
    changed = {cid for cid, new in targets.items() if new != before.card(cid)}
    if not changed:
        return text, None
    new_text = _apply(text, edits)
    try:
        after = parse_deck(new_text, name=name, path=path)
    except DeckError as exc:
        raise EditError(f"This edit would break the deck file: {exc}") from exc
    expected = [targets.get(c.id, c) for c in before.cards]
    if [c.id for c in after.cards] != [c.id for c in expected]:
        raise EditError("This edit would change which cards the deck holds; nothing written.")
    for got, want in zip(after.cards, expected, strict=True):
        if got != want:
            raise EditError(
                f"This edit would not read back as written (card {want.id}); nothing written."
            )
    return new_text, after


# --------------------------------------------------------------------------- internals


def _asked(card: ClozeCard) -> re.Match[str]:
    for found in CLOZE_RE.finditer(card.text):
        if card.number is None or int(found.group(1)) == card.number:
            return found
    raise EditError(f"cloze card {card.id} has no blank")


def _edited_card(card: ClozeCard | BasicCard, fields: CardFields) -> ClozeCard | BasicCard:
    answer = fields.answer.strip()
    accept = tuple(a for a in fields.accept if a != answer)
    hint = fields.hint.strip() or None
    # a text the user left alone stays byte for byte (a block text ends with a line break)
    shown = form_fields(card).text
    text = shown if fields.text.strip() == shown.strip() else fields.text.strip()
    if isinstance(card, BasicCard):
        return _mark(card, replace(card, front=text, back=answer, accept=accept, hint=hint))
    else:
        blank = _asked(card)
        number = blank.group(1)
        inline = card.inline_hint is not None and card.hint is None
        filled = f"{{{{c{number}::{answer}" + (f"::{hint}" if inline and hint else "") + "}}"
        new_text = _BLANK_RE.sub(lambda _m: filled, text, count=1)
        return _mark(
            card, replace(card, text=new_text, accept=accept, hint=None if inline else hint)
        )


def _mark(old: Card, new: _C) -> _C:
    """`new`, marked edited when it differs from `old` (else as it was)."""
    return new if new == old else replace(new, edited=True)


@dataclass(frozen=True, slots=True)
class _Edit:
    start: int
    end: int
    text: str
    order: int = 0


_REMOVAL = 100
"""A line taken out goes before a line added at the same place (edits apply from the end)."""


def _apply(text: str, edits: list[_Edit]) -> str:
    for edit in sorted(edits, key=lambda e: (e.start, e.order), reverse=True):
        text = text[: edit.start] + edit.text + text[edit.end :]
    return text


class _InlineDumper(yaml.SafeDumper):
    """Values on one line: a list in flow style, a text with a line break double-quoted."""


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    return dumper.represent_scalar(
        "tag:yaml.org,2002:str", data, style='"' if "\n" in data else None
    )


def _represent_list(dumper: yaml.SafeDumper, data: Any) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", list(data), flow_style=True)


_InlineDumper.add_representer(str, _represent_str)
_InlineDumper.add_representer(list, _represent_list)
_InlineDumper.add_representer(tuple, _represent_list)


def _inline(value: Any) -> str:
    """`value` as it follows `key: ` on one line of a block mapping."""
    dumped = yaml.dump(
        {"k": value},
        Dumper=_InlineDumper,
        allow_unicode=True,
        default_flow_style=False,
        width=10**9,
    )
    return dumped.removeprefix("k: ").rstrip("\n")


_ORDER = {
    "cloze": ("id", "type", "text", "cloze", "accept", "hint", "section", "line", "tags"),
    "basic": ("id", "type", "front", "back", "accept", "hint", "section", "line", "tags"),
}
_FIELDS = ("id", "text", "front", "back", "accept", "hint", "edited")


def _set_values(text: str, node: yaml.Node, old: Card, new: Card, newline: str) -> Iterator[_Edit]:
    """The edits that turn the entry at `node` (one card, `old`) into `new`: changed
    values replaced in place, new keys added, emptied ones taken out."""
    old_data, new_data = old.to_dict(), new.to_dict()
    if not isinstance(node, yaml.MappingNode):
        raise EditError("This card's entry is not a mapping; edit it in the deck file.")
    if node.flow_style:  # `- {text: …, accept: […]}`: the entry written again, in flow style
        present = {str(k.value) for k, _v in node.value}
        data = {
            k: list(v) if isinstance(v, tuple) else v
            for k, v in new_data.items()
            if k in present or k in _FIELDS
        }
        yield _Edit(node.start_mark.index, node.end_mark.index, _inline_mapping(data))
        return
    keys = {str(k.value): (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}
    column = node.value[0][0].start_mark.column
    order = _ORDER[new.type]
    for sequence, key in enumerate(_FIELDS):
        value = new_data.get(key)
        if key == "id" and "id" in keys:
            continue
        if key == "accept" and value is not None:
            value = list(value)
        if key in keys:
            if key not in new_data:
                yield _remove_key(text, node, key)
            elif value != _yaml_value(keys[key][1]):
                span = keys[key][1]
                tail = (
                    newline
                    if text[span.start_mark.index : span.end_mark.index].endswith("\n")
                    else ""
                )
                yield _Edit(span.start_mark.index, span.end_mark.index, _inline(value) + tail)
            continue
        if key not in new_data or (key != "id" and old_data.get(key) == new_data.get(key)):
            continue
        line = f"{key}: {_inline(value)}"
        if key == "id":  # first, on the entry's own line (`- id: …`)
            first = node.value[0][0].start_mark.index
            yield _Edit(first, first, line + newline + " " * column, order=sequence)
            continue
        after = [k for k in order[: order.index(key)] if k in keys] if key in order else []
        anchor = keys[after[-1]][1] if after else node.value[-1][1]
        if key == "edited":
            anchor = node.value[-1][1]
        at = _line_end(text, anchor.end_mark.index)
        prefix = "" if at == 0 or text[at - 1] == "\n" else newline
        yield _Edit(at, at, prefix + " " * column + line + newline, order=sequence)


def _yaml_value(node: yaml.Node) -> Any:
    return yaml.SafeLoader(yaml.serialize(node)).get_single_data()


def _inline_mapping(data: dict[str, Any]) -> str:
    """A flow mapping on one line (an entry written `- {text: …}`)."""
    dumped = yaml.dump(
        [data],
        Dumper=yaml.SafeDumper,
        allow_unicode=True,
        default_flow_style=True,
        sort_keys=False,
        width=10**9,
    )
    return dumped.strip()[1:-1]


def _line_end(text: str, index: int) -> int:
    """Where the line holding `index - 1` ends: after its line break (a block value's
    span ends after one already)."""
    if index > 0 and text[index - 1] == "\n":
        return index
    found = text.find("\n", index)
    return len(text) if found < 0 else found + 1


def _remove_key(text: str, node: yaml.MappingNode, key: str) -> _Edit:
    items = node.value
    index = next(i for i, (k, _v) in enumerate(items) if k.value == key)
    k, v = items[index]
    if index == 0:  # `- key: …` on the entry's line: the next key takes its place
        following = items[1][0].start_mark.index if len(items) > 1 else v.end_mark.index
        return _Edit(k.start_mark.index, following, "", order=_REMOVAL)
    start = text.rfind("\n", 0, k.start_mark.index) + 1
    return _Edit(start, _line_end(text, v.end_mark.index), "", order=_REMOVAL)


def _replace_entry(text: str, node: yaml.Node, cards: list[Card], newline: str) -> _Edit:
    """The whole entry at `node` written again as one entry per card (its comments go)."""
    from quiz.deck import dump_deck

    start = node.start_mark.index
    line_start = text.rfind("\n", 0, start) + 1
    dash = text[line_start:start]
    indent = " " * dash.index("-") if "-" in dash else ""
    body = dump_deck(Deck(name="x", title="x", cards=tuple(cards)))
    listed = body.split("cards:\n", 1)[1]
    lines = [indent + line if line else line for line in listed.split("\n")]
    rewritten = newline.join(lines).rstrip(" ")
    last = node.value[-1][1] if isinstance(node, yaml.MappingNode) and node.value else node
    return _Edit(line_start, _line_end(text, last.end_mark.index), rewritten)
