"""Cards and decks: the dataclasses, safe YAML loading with file:line errors, and a
deterministic dump.

A deck file is a mapping with `title`, `source` and a list of `cards`. A cloze card has
blanks in Anki's syntax, `{{c1::answer}}` or `{{c1::answer::hint}}`: a text with blanks
c1..cN is one card per number (that blank asked, the others shown filled); a match card
has a prompt and 2 to 8 pairs; a basic card (`type: basic`) a `front` and a `back`. Any
card may carry an `importance`, a whole number from 0 to 100 (100: what a student of the
text needs most); new cards are introduced in descending importance, and a card without
one ranks as `DEFAULT_IMPORTANCE`. See DESIGN.md, "Deck file", and README's deck format.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml

from quiz.errors import QuizError
from quiz.generate.ids import cloze_id, match_id, sentence_key

CLOZE_RE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
MIN_PAIRS = 2
MAX_PAIRS = 8
# A card's importance (how much a student of the text needs it), written by the generator.
MIN_IMPORTANCE = 0
MAX_IMPORTANCE = 100
DEFAULT_IMPORTANCE = 50
"""How a card without `importance` (a hand-written one) ranks among new cards: the middle
of the scale, so scored cards above it come first and those below it after."""

_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class ClozeCard:
    """A sentence with a blank. `text` holds the blank as `{{c1::answer}}`; when it holds
    blanks c1..cN, `number` says which one this card asks (the others are shown filled)."""

    id: str
    text: str
    number: int | None = None
    accept: tuple[str, ...] = ()
    hint: str | None = None
    section: str | None = None
    line: int | None = None
    tags: tuple[str, ...] = ()
    importance: int | None = None
    edited: bool = False
    """Changed in the app (`e` in a session): `quiz generate` names it when it keeps the deck."""
    type: ClassVar[str] = "cloze"

    def _match(self) -> re.Match[str]:
        for found in CLOZE_RE.finditer(self.text):
            if self.number is None or int(found.group(1)) == self.number:
                return found
        # validated on load; a hand-built card may still be wrong
        raise ValueError(f"cloze card {self.id} has no {{{{c{self.number or 1}::...}}}} blank")

    @property
    def answer(self) -> str:
        return self._match().group(2)

    @property
    def before(self) -> str:
        """The text before the asked blank, other blanks shown as their answers."""
        return filled(self.text[: self._match().start()])

    @property
    def after(self) -> str:
        return filled(self.text[self._match().end() :])

    @property
    def inline_hint(self) -> str | None:
        return self._match().group(3)

    @property
    def sentence(self) -> str:
        """The sentence as the source has it, with the answer in place."""
        return self.before + self.answer + self.after

    @property
    def sibling_key(self) -> str:
        return sentence_key(self.sentence)

    @property
    def answers(self) -> tuple[str, ...]:
        """Every accepted answer, the main one first."""
        return (self.answer, *(a for a in self.accept if a != self.answer))

    @property
    def display_hint(self) -> str | None:
        return self.hint or self.inline_hint

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "type": self.type, "text": self.text}
        if self.number is not None:
            data["cloze"] = self.number
        if self.accept:
            data["accept"] = _Flow(self.accept)
        if self.hint:
            data["hint"] = self.hint
        _common_to_dict(self, data)
        return data


@dataclass(frozen=True, slots=True)
class MatchCard:
    """A matching set: left items to be paired with right items."""

    id: str
    prompt: str
    pairs: tuple[tuple[str, str], ...]
    section: str | None = None
    line: int | None = None
    tags: tuple[str, ...] = ()
    importance: int | None = None
    edited: bool = False
    type: ClassVar[str] = "match"

    @property
    def sibling_key(self) -> str:
        return "match:" + self.id

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "type": self.type, "prompt": self.prompt}
        data["pairs"] = [_Flow(pair) for pair in self.pairs]
        _common_to_dict(self, data)
        return data


@dataclass(frozen=True, slots=True)
class BasicCard:
    """Anki's Basic note: a front asked, a back to recall (typed or revealed)."""

    id: str
    front: str
    back: str
    accept: tuple[str, ...] = ()
    hint: str | None = None
    section: str | None = None
    line: int | None = None
    tags: tuple[str, ...] = ()
    importance: int | None = None
    edited: bool = False
    type: ClassVar[str] = "basic"
    number: ClassVar[None] = None
    inline_hint: ClassVar[None] = None

    # The answer's side of a card, as a cloze card has it, so grading and hints take both.
    @property
    def answer(self) -> str:
        return self.back

    @property
    def before(self) -> str:
        return self.front

    @property
    def after(self) -> str:
        return ""

    @property
    def sentence(self) -> str:
        return f"{self.front}\n{self.back}"

    @property
    def answers(self) -> tuple[str, ...]:
        return (self.back, *(a for a in self.accept if a != self.back))

    @property
    def display_hint(self) -> str | None:
        return self.hint

    @property
    def sibling_key(self) -> str:
        return "basic:" + self.id

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "type": self.type}
        data["front"] = self.front
        data["back"] = self.back
        if self.accept:
            data["accept"] = _Flow(self.accept)
        if self.hint:
            data["hint"] = self.hint
        _common_to_dict(self, data)
        return data


Card = ClozeCard | MatchCard | BasicCard
AnswerCard = ClozeCard | BasicCard
"""A card answered by typing or revealing one answer (grading and hints take these)."""


def filled(text: str) -> str:
    """`text` with every blank shown as its answer."""
    return CLOZE_RE.sub(lambda found: found.group(2), text)


def basic_id(front: str, back: str) -> str:
    """The content id of a basic card."""
    return cloze_id("basic\x1f" + back, front)


def _common_to_dict(card: Card, data: dict[str, Any]) -> None:
    if card.section:
        data["section"] = card.section
    if card.line is not None:
        data["line"] = card.line
    if card.tags:
        data["tags"] = _Flow(card.tags)
    if card.importance is not None:
        data["importance"] = card.importance
    if card.edited:
        data["edited"] = True


def rank(importance: int | None) -> int:
    """Where a card stands in the new-card order: its importance, or DEFAULT_IMPORTANCE
    for a card without one. Higher comes first; ties keep deck order.

    >>> rank(90), rank(None), rank(0)
    (90, 50, 0)
    """
    return DEFAULT_IMPORTANCE if importance is None else importance


@dataclass(frozen=True, slots=True)
class Deck:
    """A titled list of cards; `name` is the deck's key (its file stem)."""

    name: str
    title: str
    cards: tuple[Card, ...]
    source: str | None = None
    path: Path | None = field(default=None, compare=False)

    def __iter__(self) -> Iterator[Card]:
        return iter(self.cards)

    def __len__(self) -> int:
        return len(self.cards)

    def card(self, card_id: str) -> Card:
        for card in self.cards:
            if card.id == card_id:
                return card
        raise KeyError(card_id)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"title": self.title}
        if self.source:
            data["source"] = self.source
        data["cards"] = [card.to_dict() for card in self.cards]
        return data


# --------------------------------------------------------------------------- errors


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a deck file, at a line (1-based) when known."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class DeckError(QuizError):
    """A deck file that cannot be used; `problems` lists everything wrong with it."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


# --------------------------------------------------------------------------- loading


def load_deck(path: str | os.PathLike[str]) -> Deck:
    """Read and validate a deck file.

    Raises:
        DeckError: the file is unreadable, not YAML, or breaks the schema; every problem
            found is listed with its line.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DeckError([Problem(str(path), None, f"cannot read: {exc.strerror or exc}")]) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DeckError(
            [Problem(str(path), None, f"not UTF-8 text (byte {exc.start}); deck files are UTF-8")]
        ) from exc
    return parse_deck(text, name=path.stem, path=path)


def parse_deck(text: str, *, name: str, path: Path | None = None) -> Deck:
    """Validate deck YAML held in a string (see `load_deck`)."""
    label = str(path) if path else f"<{name}>"
    if "\x00" in text:
        raise DeckError([Problem(label, None, "binary file, not a YAML deck")])
    try:
        loader = _SafeLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        if problem == "mapping values are not allowed in this context":
            problem = (
                "a `: ` inside a value reads as a new key; quote the text "
                '(text: "…: …") or write the colon as ：'
            )
        raise DeckError([Problem(label, line, f"invalid YAML: {problem}")]) from exc
    builder = _DeckBuilder(label, node)
    deck = builder.build(data, name=name, path=path)
    problems = builder.problems + _control_problems(label, node)
    if problems:
        raise DeckError(sorted(problems, key=lambda problem: problem.line or 0))
    assert deck is not None
    return deck


def entry_cards(
    text: str, *, name: str, path: Path | None = None
) -> list[tuple[yaml.Node, tuple[Card, ...]]]:
    """Each entry of the deck's `cards` list with its YAML node and the cards it makes
    (several for a text with blanks c1..cN), so a card can be changed where it is
    written (`quiz.deck_edit`). For a deck `parse_deck` accepts."""
    loader = _SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    builder = _DeckBuilder(str(path) if path else f"<{name}>", node)
    raw_cards = data.get("cards") if isinstance(data, dict) else None
    nodes = _sequence_items(_mapping_value(node, "cards"))
    if not isinstance(raw_cards, list):
        return []
    return [
        (item, tuple(builder.card(raw, index, item)))
        for index, (raw, item) in enumerate(zip(raw_cards, nodes, strict=False))
    ]


class _DeckBuilder:
    """Turns constructed YAML into a Deck, collecting problems with their lines."""

    CLOZE_KEYS: ClassVar[set[str]] = {
        "id",
        "type",
        "text",
        "accept",
        "hint",
        "section",
        "line",
        "tags",
        "importance",
        "cloze",
        "edited",
    }
    MATCH_KEYS: ClassVar[set[str]] = {
        "id",
        "type",
        "prompt",
        "pairs",
        "section",
        "line",
        "tags",
        "importance",
        "edited",
    }
    BASIC_KEYS: ClassVar[set[str]] = {
        "id",
        "type",
        "front",
        "back",
        "accept",
        "hint",
        "section",
        "line",
        "tags",
        "importance",
        "edited",
    }

    def __init__(self, label: str, node: yaml.Node | None):
        self.label = label
        self.node = node
        self.problems: list[Problem] = []

    def error(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.label, line, message))

    def build(self, data: Any, *, name: str, path: Path | None) -> Deck | None:
        if data is None:
            self.error(None, "empty file: a deck needs `title` and `cards`")
            return None
        if not isinstance(data, dict):
            self.error(1, f"a deck is a mapping with `title` and `cards`, not {_kind(data)}")
            return None
        top = _mapping_lines(self.node)
        for key in data:
            if key not in {"title", "source", "cards"}:
                self.error(top.get(key), f"unknown key {key!r} (expected title, source, cards)")
        title = data.get("title", name)
        if not isinstance(title, str) or not title.strip():
            self.error(top.get("title"), "`title` must be a non-empty string")
            title = name
        source = data.get("source")
        if source is not None and not isinstance(source, str):
            self.error(top.get("source"), "`source` must be a string")
            source = None
        raw_cards = data.get("cards")
        if raw_cards is None:
            self.error(None, "missing `cards` (a list of cards)")
            raw_cards = []
        elif not isinstance(raw_cards, list):
            self.error(top.get("cards"), f"`cards` must be a list, not {_kind(raw_cards)}")
            raw_cards = []
        card_nodes = _sequence_items(_mapping_value(self.node, "cards"))
        cards: list[Card] = []
        seen: dict[str, int | None] = {}
        for index, raw in enumerate(raw_cards):
            card_node = card_nodes[index] if index < len(card_nodes) else None
            line = _node_line(card_node)
            for card in self.card(raw, index, card_node):
                if card.id in seen:
                    first = seen[card.id]
                    self.error(line, f"duplicate card id {card.id!r} (first at line {first})")
                    continue
                seen[card.id] = line
                cards.append(card)
        return Deck(name=name, title=title.strip(), source=source, cards=tuple(cards), path=path)

    def card(self, raw: Any, index: int, node: yaml.Node | None) -> list[Card]:
        """The cards of one entry: one, or one per blank number of a cloze text."""
        line = _node_line(node)
        if not isinstance(raw, dict):
            self.error(line, f"card {index + 1}: expected a mapping, not {_kind(raw)}")
            return []
        lines = _mapping_lines(node)
        kind = raw.get("type", _implied_type(raw))
        before = len(self.problems)
        cards: list[Card]
        if kind == "cloze":
            cards = list(self.cloze(raw, lines, line))
        elif kind == "match":
            match = self.match(raw, lines, line)
            cards = [match] if match is not None else []
        elif kind == "basic":
            basic = self.basic(raw, lines, line)
            cards = [basic] if basic is not None else []
        else:
            message = f"card type must be 'cloze', 'match' or 'basic', not {kind!r}"
            self.error(lines.get("type", line), message)
            return []
        return cards if len(self.problems) == before else []

    def common(
        self, raw: dict[str, Any], lines: dict[str, int], kind: str, line: int | None
    ) -> tuple[str | None, int | None, tuple[str, ...], int | None]:
        allowed = {"cloze": self.CLOZE_KEYS, "basic": self.BASIC_KEYS}.get(kind, self.MATCH_KEYS)
        for key in raw:
            if key not in allowed:
                self.error(lines.get(key, line), f"unknown key {key!r} in a {kind} card")
        section = raw.get("section")
        if section is not None and not isinstance(section, str):
            self.error(lines.get("section", line), "`section` must be a string")
            section = None
        src_line = raw.get("line")
        if src_line is not None and (
            isinstance(src_line, bool) or not isinstance(src_line, int) or src_line < 1
        ):
            self.error(lines.get("line", line), "`line` must be a positive whole number")
            src_line = None
        tags = self.strings(raw.get("tags", []), "tags", lines.get("tags", line))
        importance = self.importance(raw.get("importance"), lines.get("importance", line))
        return section, src_line, tags, importance

    def edited_mark(self, raw: dict[str, Any], lines: dict[str, int], line: int | None) -> bool:
        """`edited`: absent, or true/false (the app writes `edited: true` on a card it
        changed)."""
        value = raw.get("edited", False)
        if not isinstance(value, bool):
            self.error(lines.get("edited", line), f"`edited` must be true or false, not {value!r}")
            return False
        return value

    def importance(self, value: Any, line: int | None) -> int | None:
        """`importance`: absent, or a whole number from 0 to 100 (not a bool, a float or
        a string, which YAML would give for `yes`, `7.5` or `"7"`)."""
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(
                line,
                f"`importance` must be a whole number from {MIN_IMPORTANCE} to "
                f"{MAX_IMPORTANCE}, not {_kind(value)} {value!r}",
            )
            return None
        if not MIN_IMPORTANCE <= value <= MAX_IMPORTANCE:
            self.error(
                line,
                f"`importance` must be a whole number from {MIN_IMPORTANCE} to "
                f"{MAX_IMPORTANCE}, not {value}",
            )
            return None
        return value

    def strings(self, value: Any, key: str, line: int | None) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.error(line, f"`{key}` must be a list of non-empty strings")
            return ()
        return tuple(value)

    def card_id(self, raw: dict[str, Any], lines: dict[str, int], line: int | None) -> str | None:
        value = raw.get("id")
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, str | int):
            self.error(lines.get("id", line), "`id` must be a string")
            return None
        value = str(value).strip()
        if not value or any(ch.isspace() for ch in value):
            self.error(lines.get("id", line), "`id` must be a non-empty string without spaces")
            return None
        return value

    def cloze(self, raw: dict[str, Any], lines: dict[str, int], line: int | None) -> list[Card]:
        section, src_line, tags, importance = self.common(raw, lines, "cloze", line)
        text = raw.get("text")
        at = lines.get("text", line)
        if not isinstance(text, str) or not text.strip():
            self.error(at, "a cloze card needs `text` with a {{c1::answer}} blank")
            return []
        blanks = list(CLOZE_RE.finditer(text))
        if not blanks:
            self.error(at, "a cloze card needs a {{c1::answer}} blank in its `text`, found none")
            return []
        numbers: list[int] = []
        for found in blanks:
            number = int(found.group(1))
            if not found.group(2).strip():
                self.error(at, f"the answer of blank c{number} is empty")
                return []
            if number in numbers:
                self.error(at, f"blank c{number} appears twice: give each blank its own number")
                return []
            numbers.append(number)
        if "{{" in CLOZE_RE.sub("", text) or "}}" in CLOZE_RE.sub("", text):
            self.error(at, "unbalanced {{ }} outside the blanks")
            return []
        asked = raw.get("cloze")
        if asked is not None and (isinstance(asked, bool) or asked not in numbers):
            choices = ", ".join(str(n) for n in sorted(numbers))
            self.error(
                lines.get("cloze", line), f"`cloze` must be one of the blank numbers ({choices})"
            )
            return []
        several = asked is None and len(numbers) > 1
        accept, hint = self.accept_and_hint(raw, lines, line)
        for key, value in (("accept", accept), ("hint", hint)):
            if several and value:
                self.error(
                    lines.get(key, line),
                    f"`{key}` with blanks {', '.join(f'c{n}' for n in sorted(numbers))}: it would"
                    " not say which blank it is for; write a hint inside its blank"
                    " ({{c2::answer::hint}}) or give each blank an entry of its own with"
                    " `cloze: N`",
                )
                return []
        card_id = self.card_id(raw, lines, line)
        edited = self.edited_mark(raw, lines, line)
        asked_numbers: list[int | None] = [*sorted(numbers)] if several else [asked]
        cards: list[Card] = []
        used: set[str] = set()
        for which in asked_numbers:
            probe = ClozeCard(id="", text=text, number=which)
            if card_id and not cards:
                this_id = card_id
            elif card_id:
                this_id = f"{card_id}-c{which}"
            else:
                this_id = cloze_id(probe.answer, probe.sentence)
                if this_id in used:
                    this_id = cloze_id(f"c{which}\x1f{probe.answer}", probe.sentence)
            used.add(this_id)
            cards.append(
                ClozeCard(
                    id=this_id,
                    text=text,
                    number=which,
                    accept=accept,
                    hint=hint,
                    section=section,
                    line=src_line,
                    tags=tags,
                    importance=importance,
                    edited=edited,
                )
            )
        return cards

    def accept_and_hint(
        self, raw: dict[str, Any], lines: dict[str, int], line: int | None
    ) -> tuple[tuple[str, ...], str | None]:
        """A card's other accepted answers and its hint (a number is read as text; an empty
        hint is none)."""
        accept = self.strings(raw.get("accept", []), "accept", lines.get("accept", line))
        hint = raw.get("hint")
        if hint is not None and not isinstance(hint, str | int | float):
            self.error(lines.get("hint", line), "`hint` must be a string")
            hint = None
        return accept, (str(hint) if hint is not None and str(hint).strip() else None)

    def basic(self, raw: dict[str, Any], lines: dict[str, int], line: int | None) -> Card | None:
        section, src_line, tags, importance = self.common(raw, lines, "basic", line)
        sides: list[str] = []
        for key in ("front", "back"):
            value = raw.get(key)
            if isinstance(value, int | float) and not isinstance(value, bool):
                value = str(value)
            if not isinstance(value, str) or not value.strip():
                self.error(lines.get(key, line), f"a basic card needs a non-empty `{key}`")
                return None
            sides.append(value)
        front, back = sides
        accept, hint = self.accept_and_hint(raw, lines, line)
        card_id = self.card_id(raw, lines, line)
        edited = self.edited_mark(raw, lines, line)
        return BasicCard(
            id=card_id or basic_id(front, back),
            front=front,
            back=back,
            accept=accept,
            hint=hint,
            section=section,
            line=src_line,
            tags=tags,
            importance=importance,
            edited=edited,
        )

    def match(self, raw: dict[str, Any], lines: dict[str, int], line: int | None) -> Card | None:
        section, src_line, tags, importance = self.common(raw, lines, "match", line)
        prompt = raw.get("prompt", "Match each item with its pair")
        if not isinstance(prompt, str) or not prompt.strip():
            self.error(lines.get("prompt", line), "`prompt` must be a non-empty string")
            return None
        raw_pairs = raw.get("pairs")
        at = lines.get("pairs", line)
        if not isinstance(raw_pairs, list):
            self.error(at, "a match card needs `pairs`: a list of [left, right]")
            return None
        pairs: list[tuple[str, str]] = []
        for pair in raw_pairs:
            if (
                not isinstance(pair, list)
                or len(pair) != 2
                or not all(isinstance(v, str) and v.strip() for v in pair)
            ):
                self.error(at, f"each pair is [left, right] of two non-empty strings, not {pair!r}")
                return None
            pairs.append((pair[0], pair[1]))
        if not MIN_PAIRS <= len(pairs) <= MAX_PAIRS:
            self.error(at, f"a match card has {MIN_PAIRS} to {MAX_PAIRS} pairs, found {len(pairs)}")
            return None
        for side, name in ((0, "left"), (1, "right")):
            items = [pair[side] for pair in pairs]
            if len(set(items)) != len(items):
                self.error(at, f"two pairs share a {name} item; each item must be unique")
                return None
        card_id = self.card_id(raw, lines, line)
        edited = self.edited_mark(raw, lines, line)
        return MatchCard(
            id=card_id or match_id(pairs),
            prompt=prompt,
            pairs=tuple(pairs),
            section=section,
            line=src_line,
            tags=tags,
            importance=importance,
            edited=edited,
        )


def _implied_type(raw: dict[str, Any]) -> str | None:
    if "text" in raw:
        return "cloze"
    if "pairs" in raw:
        return "match"
    return "basic" if "front" in raw else None


def _control_problems(label: str, node: yaml.Node | None) -> list[Problem]:
    """A problem for every string of the deck holding a control character (an escape
    code would act on the terminal that shows the card), at the string's line."""
    from quiz.text.escapes import CONTROL, describe

    problems: list[Problem] = []
    stack = [node] if node is not None else []
    while stack:
        item = stack.pop()
        if isinstance(item, yaml.ScalarNode):
            found = CONTROL.search(item.value)
            if found is not None:
                message = (
                    f"control character {describe(found.group())} in {item.value!r}; "
                    "terminal escape codes and control characters are not allowed in a deck"
                )
                problems.append(Problem(label, _node_line(item), message))
        elif isinstance(item, yaml.SequenceNode):
            stack.extend(reversed(item.value))
        elif isinstance(item, yaml.MappingNode):
            for key, value in reversed(item.value):
                stack.extend((value, key))
    return problems


def _kind(value: Any) -> str:
    names: dict[type, str] = {
        dict: "a mapping",
        list: "a list",
        str: "a string",
        bool: "a yes/no value",
        float: "a decimal number",
    }
    return names.get(type(value), type(value).__name__)


def _node_line(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def _mapping_lines(node: yaml.Node | None) -> dict[str, int]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {
        str(key.value): key.start_mark.line + 1
        for key, _value in node.value
        if isinstance(key, yaml.ScalarNode)
    }


def _mapping_value(node: yaml.Node | None, name: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == name:
                return value
    return None


def _sequence_items(node: yaml.Node | None) -> list[yaml.Node]:
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


# --------------------------------------------------------------------------- dumping


class _Flow(tuple[Any, ...]):
    """A sequence dumped in flow style: `[a, b]`."""


class _Dumper(yaml.SafeDumper):
    pass


def _represent_flow(dumper: yaml.SafeDumper, data: _Flow) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", list(data), flow_style=True)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(_Flow, _represent_flow)
_Dumper.add_representer(str, _represent_str)

# The same dumper with libyaml's emitter (written in C, some 4x faster), where PyYAML
# was built with it. The two write the same bytes for every string except those holding
# U+0085, U+2028, U+2029 or a character beyond the BMP, which libyaml escapes in double
# quotes (tests/generate/test_deck_dump.py sweeps every code point): a deck holding one is
# dumped by the pure-Python emitter, as before.
_CDumper: Any = None
if getattr(yaml, "__with_libyaml__", False):

    class _CDumper(yaml.CSafeDumper):  # type: ignore[no-redef]
        pass

    _CDumper.add_representer(_Flow, _represent_flow)
    _CDumper.add_representer(str, _represent_str)

_ESCAPED_BY_LIBYAML = re.compile("[\x85\u2028\u2029\U00010000-\U0010ffff]")


def _emitted_alike(data: Any) -> bool:
    """No string of `data` (nested dicts, lists and tuples) holds a character libyaml
    writes otherwise than PyYAML."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _ESCAPED_BY_LIBYAML.search(item):
                return False
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
    return True


def dump_deck(deck: Deck) -> str:
    """The deck as YAML: block style, unicode kept, keys in a fixed order, no line folding.

    A deck with a character libyaml writes otherwise (a rare name's 𫚭, beyond the BMP)
    is written part by part: its header and each card by the emitter that writes it alike,
    the pure-Python one only where needed (a whole long deck by it takes seconds). The
    parts are what the whole dump would write: the header's keys, then `cards:` and each
    card as an item of its block sequence."""
    data = deck.to_dict()
    if _CDumper is None or _emitted_alike(data):
        return _dump(data, _CDumper or _Dumper)
    cards = data.pop("cards")
    if not cards:
        return _dump({**data, "cards": cards}, _Dumper)
    parts = [_dump(data, _CDumper if _emitted_alike(data) else _Dumper), "cards:\n"]
    parts.extend(_dump([card], _CDumper if _emitted_alike(card) else _Dumper) for card in cards)
    return "".join(parts)


def _dump(data: Any, dumper: Any) -> str:
    return yaml.dump(
        data,
        Dumper=dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1_000_000,
        indent=2,
    )


def _umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # no /proc: read it by setting it, and put it back at once
    os.umask(mask)
    return mask


def replacement_mode(path: str | os.PathLike[str]) -> int:
    """The permissions a file written over `path` should get: those of the file it
    replaces, else what a plain `open` would give (0o666 less the umask). A temporary
    file from `mkstemp` is 0o600, which would lock other users and tools out."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write `text` to `path` through a temporary file and a rename: never half-written;
    the file keeps its permissions (a new one gets the usual ones)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = replacement_mode(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_deck(deck: Deck, path: str | os.PathLike[str]) -> None:
    """Dump the deck to `path` atomically."""
    write_text_atomic(path, dump_deck(deck))


def load_decks(paths: Iterable[str | os.PathLike[str]]) -> list[Deck]:
    """Load several decks, reporting the problems of all of them together."""
    decks: list[Deck] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            decks.append(load_deck(path))
        except DeckError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DeckError(problems)
    return decks
