"""Multiple choice (选择题) for an answer card: its answer among three same-shape distractors.

Pure: no Textual, no store. `ChoicePool.from_cards(cards)` (or `ChoicePool` over the
store's `answer_entries`) indexes a deck once; `pool.choice(card, reviews)` gives the four
options of that card at its `reviews`-th review, or None when the deck holds no three good
distractors (the card is then asked typed).

A distractor has the answer's shape:
- a figure (`quiz.figures.parse_figure`): another figure of the same kind and unit whose
  value has the same order of magnitude (5%左右 → 5.5%左右, 8%, not 20% or 5万人);
- otherwise the same length and pattern: the same numeral and measure word in front when
  the answer opens with one (四个意识 → 四个自信, 四个全面), else the same last character
  (…清单, …力) or, for Latin text, the same number of words and the same last word.

Candidates come first from the answers of the deck's other cards, then from the text the
deck holds (the pieces of its sentences between punctuation, and the figures in them).
A candidate is out when it is an accepted form of the answer (in either script, or its
pinyin: whatever `grade` takes as right), when it occurs in the card's own sentence, or
when the deck's text uses it in the same frame as the blank (the two characters before
or after it), because then it fits the sentence too. The picks and the order of the four
options are seeded by the card id and its review count, like the matching shuffle.
"""

from __future__ import annotations

import math
import random
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from hashlib import blake2b
from typing import TypeVar

from fsrs import Rating

from quiz.deck import AnswerCard, BasicCard, ClozeCard
from quiz.figures import Figure, find_figures, parse_figure

OPTIONS = 4
"""Options on a choice card: the answer and three distractors."""

CHOICE_SLOW_MS = 20_000
"""A right pick slower than this suggests Hard (a pick is quicker than typing)."""

_NUMERAL_PREFIX = re.compile(r"^[一二三四五六七八九十两兩百千]+[个個项項条條大种種点點]")
_SPLIT = re.compile(
    r"[\s\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
    r"\u2010-\u2027\u2030-\u205e!-/:-@\[-`{-~·]+"
)
_FRAME = 2  # characters on each side of the blank that make its frame


def _key(text: str) -> str:
    """Compare form: NFKC, casefold, spaces and punctuation out (script is left to grade)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(char for char in folded if char.isalnum())


@dataclass(frozen=True, slots=True)
class Shape:
    """What a distractor must share with the answer."""

    length: int
    prefix: str = ""  # a numeral and measure word in front (四个)
    tail: str = ""  # the last character (Han) or last word (Latin)
    words: int = 0  # Latin: the number of words
    figure: tuple[str, str, int, bool] | None = None  # kind, unit, magnitude, range


def _magnitude(figure: Figure) -> int | None:
    try:
        value = abs(float(figure.value.split("~")[0]))
    except ValueError:
        return None
    return None if value == 0 else math.floor(math.log10(value))


def _figure_shape(figure: Figure) -> tuple[str, str, int, bool] | None:
    magnitude = _magnitude(figure)
    if magnitude is None:
        return None
    return (str(figure.kind), figure.unit, magnitude, "~" in figure.value)


def shape_of(answer: str) -> Shape | None:
    """The shape of an answer, or None when it has none a distractor could share."""
    text = answer.strip()
    if not text:
        return None
    figure = parse_figure(text)
    if figure is not None:
        shape = _figure_shape(figure)
        return None if shape is None else Shape(len(text), figure=shape)
    if any(_is_han(char) for char in text):
        found = _NUMERAL_PREFIX.match(text)
        if found and found.end() < len(text):
            return Shape(len(text), prefix=found.group())
        if len(text) < 2 or not _is_han(text[-1]):
            return None
        return Shape(len(text), tail=text[-1])
    words = text.split()
    if not words or not any(char.isalpha() for char in text):
        return None
    return Shape(len(text), tail=words[-1].casefold(), words=len(words))


def fits(shape: Shape, candidate: str) -> bool:
    """Whether `candidate` has `shape`."""
    text = candidate.strip()
    if shape.figure is not None:
        figure = parse_figure(text)
        return figure is not None and _figure_shape(figure) == shape.figure
    if shape.words:
        words = text.split()
        return len(words) == shape.words and words[-1].casefold() == shape.tail
    if len(text) != shape.length or not all(_is_han(char) for char in text):
        return False
    if shape.prefix:
        return text.startswith(shape.prefix) and not text[len(shape.prefix) :].startswith(
            shape.prefix
        )
    return text[-1] == shape.tail and not _NUMERAL_PREFIX.match(text)


Edge = tuple[int, bool, str]
"""An index key of `ChoicePool`: a length, and the first (True) or last character."""
T = TypeVar("T")


def _index(index: dict[Edge, list[T]], items: Iterable[T], text: Callable[[T], str]) -> None:
    """Add `items` (all of one length) to `index` under their text's first and last
    character, in their order."""
    for item in items:
        found = text(item)
        if found:
            index.setdefault((len(found), True, found[0]), []).append(item)
            index.setdefault((len(found), False, found[-1]), []).append(item)


def _edge(shape: Shape) -> Edge | None:
    """Where the candidates of a Han shape are: its length and the first character of its
    numeral prefix, else its last character (`fits` still decides); None for figures and
    Latin words."""
    if shape.figure is not None or shape.words:
        return None
    if shape.prefix:
        return (shape.length, True, shape.prefix[0])
    return (shape.length, False, shape.tail)


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


@dataclass(frozen=True, slots=True)
class Choice:
    """The four options of one showing, in display order, and which one is right."""

    options: tuple[str, ...]
    right: int

    def is_right(self, index: int) -> bool:
        return index == self.right


Entry = tuple[str, str, str | None]
"""What the pool needs of a card: its id, its answer, its sentence (None: not a cloze
card, so no text of the deck). The store keeps these columns, so a deck that was not
read from its file needs no rebuilding (`Store.answer_entries`)."""


def entries_of(cards: Iterable[object]) -> list[Entry]:
    """The entries of a deck's answer cards, in deck order."""
    return [
        (card.id, card.answer, card.sentence if isinstance(card, ClozeCard) else None)
        for card in cards
        if isinstance(card, ClozeCard | BasicCard)
    ]


@dataclass
class ChoicePool:
    """A deck's answers and text indexed for distractors: answers and text pieces by length."""

    entries: Sequence[Entry]
    _answers: dict[int, list[tuple[str, str]]] = field(init=False, default_factory=dict)
    # (card id, answer) and text pieces by `_edges`, each length indexed when first asked
    # for: the candidates of a Han shape are looked up, not scanned
    _answer_edges: dict[Edge, list[tuple[str, str]]] = field(init=False, default_factory=dict)
    _answer_lengths: set[int] = field(init=False, default_factory=set)
    _pieces: dict[int, list[str]] | None = field(init=False, default=None)
    _piece_edges: dict[Edge, list[str]] = field(init=False, default_factory=dict)
    _piece_lengths: set[int] = field(init=False, default_factory=set)
    _sentences: list[str] = field(init=False, default_factory=list)
    _text_keys: str = field(init=False, default="")
    _figures: list[str] | None = field(init=False, default=None)

    @classmethod
    def from_cards(cls, cards: Iterable[object]) -> ChoicePool:
        return cls(entries_of(cards))

    def __post_init__(self) -> None:
        for card_id, answer, sentence in self.entries:
            answer = answer.strip()
            self._answers.setdefault(len(answer), []).append((card_id, answer))
            if sentence is not None:
                self._sentences.append(sentence)
        # One string of every sentence's compare form, for the frame test.
        self._text_keys = "\n".join(_key(sentence) for sentence in self._sentences)

    def choice(self, card: AnswerCard, reviews: int) -> Choice | None:
        """The options of `card` at its `reviews`-th review; None without three good
        distractors."""
        picked = self.distractors(card, seed=f"{card.id}:{reviews}")
        if len(picked) < OPTIONS - 1:
            return None
        options = [card.answer.strip(), *picked]
        random.Random(f"{card.id}:{reviews}:order").shuffle(options)
        return Choice(tuple(options), options.index(card.answer.strip()))

    def distractors(self, card: AnswerCard, *, seed: str) -> tuple[str, ...]:
        """Up to three distractors of `card`: the deck's answers first, then its text."""
        from quiz.grade import grade

        shape = shape_of(card.answer)
        if shape is None:
            return ()
        own = _key(card.sentence)
        frames = self._frames(card)
        chosen: list[str] = []
        chosen_keys: set[str] = set()
        for source in (self._deck_candidates(card, shape), self._text_candidates(shape)):
            for candidate in sorted(set(source), key=lambda text: _rank(seed, text)):
                key = _key(candidate)
                if not key or key in chosen_keys or key in own:
                    continue
                if any(frame(key) in self._text_keys for frame in frames):
                    continue
                if grade(candidate, card).correct:  # an accepted form, either script
                    continue
                if any(_same_in_other_script(candidate, other) for other in chosen):
                    continue
                chosen.append(candidate)
                chosen_keys.add(key)
                if len(chosen) == OPTIONS - 1:
                    return tuple(chosen)
        return tuple(chosen)

    def _deck_candidates(self, card: AnswerCard, shape: Shape) -> Iterator[str]:
        edge = _edge(shape)
        if edge is not None:  # a 10,000-card deck: a few answers instead of ~3,000 tried
            if edge[0] not in self._answer_lengths:
                self._answer_lengths.add(edge[0])
                _index(self._answer_edges, self._answers.get(edge[0], ()), lambda item: item[1])
            for card_id, answer in self._answer_edges.get(edge, ()):
                if card_id != card.id and fits(shape, answer):
                    yield answer
            return
        for answers in self._answers.values():  # figures and Latin words: any length
            for card_id, answer in answers:
                if shape.figure is not None and not any(char.isnumeric() for char in answer):
                    continue
                if card_id != card.id and fits(shape, answer):
                    yield answer

    def _text_candidates(self, shape: Shape) -> Iterator[str]:
        if shape.figure is not None:
            if self._figures is None:
                self._figures = [
                    sentence[found.start : found.end]
                    for sentence in self._sentences
                    for found in find_figures(sentence)
                ]
            yield from (text for text in self._figures if fits(shape, text))
            return
        if self._pieces is None:
            pieces: dict[int, list[str]] = {}
            for sentence in self._sentences:
                for piece in _SPLIT.split(sentence):
                    if piece:
                        pieces.setdefault(len(piece), []).append(piece)
            self._pieces = pieces
        if shape.words:
            yield from (p for ps in self._pieces.values() for p in ps if fits(shape, p))
            return
        han = _edge(shape)
        if han is not None and han[0] not in self._piece_lengths:
            self._piece_lengths.add(han[0])
            _index(self._piece_edges, self._pieces.get(han[0], ()), lambda piece: piece)
        for piece in self._piece_edges.get(han, ()) if han is not None else ():
            if fits(shape, piece):
                yield piece
        if shape.prefix:  # 四个X inside a longer piece (坚持四个全面战略)
            width = shape.length - len(shape.prefix)
            pattern = re.compile(re.escape(shape.prefix) + "[\\u3400-\\u9fff]{" + str(width) + "}")
            for ps in self._pieces.values():
                for piece in ps:
                    if len(piece) > shape.length:
                        yield from (m.group() for m in pattern.finditer(piece))

    def _frames(self, card: AnswerCard) -> list[_Frame]:
        """The blank's frame: its two neighbouring characters on each side."""
        if not isinstance(card, ClozeCard):
            return []
        left, right = _key(card.before)[-_FRAME:], _key(card.after)[:_FRAME]
        frames: list[_Frame] = []
        if len(left) == _FRAME:
            frames.append(_Frame(left, ""))
        if len(right) == _FRAME:
            frames.append(_Frame("", right))
        return frames


@dataclass(frozen=True, slots=True)
class _Frame:
    left: str
    right: str

    def __call__(self, key: str) -> str:
        return self.left + key + self.right


def _rank(seed: str, text: str) -> bytes:
    return blake2b(f"{seed}\0{text}".encode(), digest_size=8).digest()


def _same_in_other_script(left: str, right: str) -> bool:
    from quiz.text.script import to_simplified

    return _key(to_simplified(left)) == _key(to_simplified(right))


def choice_rating(right: bool, *, first_showing: bool, duration_ms: int | None = None) -> Rating:
    """The rating to suggest after a pick.

    A wrong pick is Again. A right pick is at most Good, and only on a card's first
    showing (recognising is easier than recalling: a later right pick suggests Hard), and
    Hard when slower than `CHOICE_SLOW_MS`. Easy is never suggested.
    """
    if not right:
        return Rating.Again
    if not first_showing or (duration_ms is not None and duration_ms > CHOICE_SLOW_MS):
        return Rating.Hard
    return Rating.Good
