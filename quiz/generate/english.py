"""Cards from a text without Chinese (English notes): capitalised multi-word terms and
phrases the text repeats."""

from __future__ import annotations

import re

from quiz.deck import Card
from quiz.generate import cloze
from quiz.generate.cloze import Candidate
from quiz.generate.hints import pinyin_hint
from quiz.generate.structure import Layout
from quiz.text import phrases


def english_cards(mirror: str, output: str, lay: Layout) -> list[tuple[int, Card]]:
    """Cloze cards from capitalised terms and repeated phrases of a text without Chinese."""
    sentences = lay.sentences
    texts = [mirror[s.start : s.end] for s in sentences]
    repeated = phrases.repeated_phrases(texts)
    dedupe = cloze.DuplicateFilter()
    cards: list[tuple[int, Card]] = []
    for sentence, text in zip(sentences, texts, strict=True):
        bounds = {m.start() for m in re.finditer(r"\b", text)}
        section = None
        if sentence.section is not None:
            section = output[sentence.section[0] : sentence.section[1]].strip() or None
        valid = []
        for span in phrases.english_terms(text, repeated):
            candidate = Candidate(
                sentence.start + span.start,
                sentence.start + span.end,
                sentence.start,
                sentence.end,
                span.rule,
                sentence.line,
                section,
            )
            if cloze.answer_problem(candidate, mirror, output, bounds) is None:
                valid.append(candidate)
        for candidate in cloze.select(valid, 2):
            card = cloze.build_card(
                candidate,
                output,
                mirror,
                tags=[candidate.rule],
                other_script=None,
                hint=pinyin_hint,
            )
            if dedupe.admit(card):
                cards.append((candidate.start, card))
    return cards
