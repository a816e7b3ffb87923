"""Cards from a text without Chinese (English notes): the passes of `quiz.text.english`
(terms and names, defined terms, labelled lists, quotations, figures, dates, noun
phrases), the phrases the page emphasised, and the numbered headings of a note asked with
the first sentence of their part; each card with the evidence `rank` scores it by."""

from __future__ import annotations

import re
from collections.abc import Sequence

from quiz.deck import Card
from quiz.generate import cloze, rank
from quiz.generate.cloze import Candidate
from quiz.generate.hints import pinyin_hint
from quiz.generate.structure import Layout, Sentence, unfit_sentence
from quiz.text import english
from quiz.text.english import Document

# The order a sentence's overlapping candidates are preferred in (lower first).
PRIORITY = {
    "marked": 0,
    "quote": 1,
    "defined": 2,
    "item": 3,
    "term": 4,
    "figure": 5,
    "date": 6,
    "phrase": 7,
    "name": 8,
}
PER_SENTENCE = 2
# A long sentence (a table row of three cells) holds one blank more.
LONG_SENTENCE_WORDS = 24
# A labelled list is asked item by item, its label too.
PER_LIST = 4
# A line of a note this short is a point of it (a bullet, a table cell), not running prose.
NOTE_WORDS = 14
MAX_HEADING_WORDS = 8
_ROW_SEPARATOR = re.compile(r"\s[—–]\s")
_ARTICLE = re.compile(r"^(?:The|A|An|the|a|an)\s+")


class EnglishCards:
    """Extraction and card building for one English document."""

    def __init__(self, mirror: str, output: str, lay: Layout, emphasis: Sequence[str] = ()):
        self.mirror = mirror
        self.output = output
        self.lay = lay
        self.sentences = lay.sentences
        self.texts = [mirror[s.start : s.end] for s in self.sentences]
        self.doc = Document.of(self.texts)
        # the phrases the page emphasised, without an article (the Triple Entente)
        marked = {_ARTICLE.sub("", p.strip()) for p in emphasis}
        self.emphasis = sorted((p for p in marked if p), key=len, reverse=True)
        self.evidence: dict[str, rank.Evidence] = {}
        self.opening = {p.sentences[0].start for p in lay.paragraphs if p.sentences}

    def build(self) -> list[tuple[int, Card]]:
        dedupe = cloze.DuplicateFilter()
        cards: list[tuple[int, Card]] = []
        for candidate in self.heading_candidates():
            self.add_card(candidate, cards, dedupe)
        for index, sentence in enumerate(self.sentences):
            if sentence.heading:
                continue
            for candidate in self.chosen(index, sentence):
                self.add_card(candidate, cards, dedupe)
        return cards

    # ----- candidates

    def chosen(self, index: int, sentence: Sentence) -> list[Candidate]:
        """The sentence's best blanks that pass the checks, in text order."""
        text = self.texts[index]
        paragraph = self.lay.paragraphs[sentence.paragraph]
        position = paragraph.sentences.index(sentence)
        why = unfit_sentence(
            text,
            last=position == len(paragraph.sentences) - 1,
            alone=len(paragraph.sentences) == 1,
        )
        if why is not None or _header_row(text):
            return []
        bounds = {m.start() for m in re.finditer(r"\b", text)}
        section = self.section_label(sentence)
        valid = []
        for span in english.key_phrases(text, self.doc, self.emphasis):
            candidate = Candidate(
                sentence.start + span.start,
                sentence.start + span.end,
                sentence.start,
                sentence.end,
                span.rule,
                sentence.line,
                section,
            )
            if cloze.answer_problem(candidate, self.mirror, self.output, bounds) is None:
                valid.append(candidate)
        items = sum(1 for c in valid if c.rule == "item")
        limit = PER_SENTENCE
        if (
            len(english.words_of(text)) >= LONG_SENTENCE_WORDS
            or len(_ROW_SEPARATOR.findall(text)) >= 2
        ):
            limit += 1  # a long sentence, a table row of three cells
        if items >= english.MIN_LIST:
            limit = max(limit, PER_LIST)
        chosen: list[Candidate] = []
        for candidate in sorted(valid, key=self.preference):
            if len(chosen) >= limit:
                break
            if not any(candidate.overlaps(other) for other in chosen):
                chosen.append(candidate)
        return sorted(chosen, key=lambda c: c.start)

    def preference(self, candidate: Candidate) -> tuple[int, int, int, int]:
        """Rule first; among noun phrases the one the text says most, then the longest."""
        answer = self.mirror[candidate.start : candidate.end]
        repeats = self.doc.count(answer) if candidate.rule == "phrase" else 0
        return (
            PRIORITY.get(candidate.rule, 9),
            -repeats,
            -len(answer.split()),
            candidate.start,
        )

    def heading_candidates(self) -> list[Candidate]:
        """A numbered heading of a note (2. Military Competition), asked with the first
        sentence of its part below it: what the part says names the heading."""
        found = []
        by_start = {s.start: i for i, s in enumerate(self.sentences)}
        for heading in self.lay.headings:
            index = by_start.get(heading.start)
            if index is None or index + 1 >= len(self.sentences):
                continue
            title = self.mirror[heading.title[0] : heading.title[1]]
            following = self.sentences[index + 1]
            if following.heading or following.section != self.sentences[index].section:
                continue
            if not 1 <= len(title.split()) <= MAX_HEADING_WORDS:
                continue
            candidate = Candidate(
                heading.title[0],
                heading.title[1],
                heading.start,
                following.end,
                "heading",
                heading.line,
                self.section_label(following),
            )
            text = self.mirror[heading.start : following.end]
            bounds = {m.start() for m in re.finditer(r"\b", text)}
            if cloze.answer_problem(candidate, self.mirror, self.output, bounds) is None:
                found.append(candidate)
        return found

    # ----- cards

    def add_card(
        self, candidate: Candidate, cards: list[tuple[int, Card]], dedupe: cloze.DuplicateFilter
    ) -> None:
        tags = ["term", "heading"] if candidate.rule == "heading" else [candidate.rule]
        card = cloze.build_card(
            candidate,
            self.output,
            self.mirror,
            tags=tags,
            other_script=None,
            hint=pinyin_hint,
        )
        if dedupe.admit(card):
            cards.append((candidate.start, card))
            self.evidence[card.id] = self.card_evidence(candidate)

    def card_evidence(self, candidate: Candidate) -> rank.Evidence:
        answer = self.mirror[candidate.start : candidate.end]
        text = self.mirror[candidate.s_start : candidate.s_end]
        rule = candidate.rule
        if rule == "phrase":
            repeats = self.doc.count(answer)
        elif rule in ("name", "date", "figure") or re.fullmatch(r"[A-Z][\w-]*", answer):
            repeats = 1  # a country named all through a note is no fact of one sentence
        else:
            repeats = len(re.findall(rf"(?<!\w){re.escape(answer)}(?!\w)", self.mirror))
        words = english.words_of(text)
        note = len(words) <= NOTE_WORDS or bool(_ROW_SEPARATOR.search(text))
        first = answer.split()[0].casefold() if answer.split() else ""
        return rank.Evidence(
            rule="term" if rule == "heading" else rule,
            answer=answer,
            repeats=max(repeats, 1),
            name=rule == "name",
            heading=rule == "heading",
            point=candidate.s_start in self.opening or note,
            figure="fact" if rule == "figure" else None,
            compound=rule == "phrase" and not english.is_adjective(first),
            listed=english.in_list(
                text, candidate.start - candidate.s_start, candidate.end - candidate.s_start
            ),
            sentence_length=len(text),
            text_length=len(self.mirror),
            english=True,
        )

    def section_label(self, sentence: Sentence) -> str | None:
        if sentence.section is None:
            return None
        return self.output[sentence.section[0] : sentence.section[1]].strip() or None


def _header_row(text: str) -> bool:
    """A table's header row (Country — Fears — Ambitions): cells of a word or two that
    name columns, no sentence to blank in."""
    cells = _ROW_SEPARATOR.split(text)
    return len(cells) >= 2 and all(
        len(english.words_of(cell)) <= 2
        and not any(w.lower in english.FUNCTION_WORDS for w in english.words_of(cell))
        for cell in cells
    )


def english_cards(
    mirror: str, output: str, lay: Layout, emphasis: Sequence[str] = ()
) -> tuple[list[tuple[int, Card]], dict[str, rank.Evidence]]:
    """Cloze cards of a text without Chinese, with what the scoring step knows of each."""
    finder = EnglishCards(mirror, output, lay, emphasis)
    return finder.build(), finder.evidence
