"""Hypothesis properties of the hint ladder: it never raises, never gives the answer away
before the pinyin step (a figure: at no step before the context), and the context never
shows this card's answer."""

from __future__ import annotations

from figure_spellings import Spec, specs, spellings
from hypothesis import given
from hypothesis import strategies as st

from quiz.deck import ClozeCard, Deck
from quiz.figures import is_figure
from quiz.grade import display_width, grade
from quiz.hints import HintKind, blank_shows_length, context_text, hint_ladder
from quiz.pinyin import is_ignorable
from quiz.text.script import to_simplified, to_traditional

CHARS = "三会一课两个确立四意识牛鼻子组织生活党支部基层會課兩個確組織黨"
ANSWER = st.text(st.sampled_from(CHARS), min_size=1, max_size=5)
FILLER = st.text(st.sampled_from(CHARS + "，。、“”的和是"), max_size=12)
ANY = st.text(st.characters(codec="utf-8", exclude_characters="{}:"), max_size=8)


@st.composite
def decks(draw: st.DrawFn, filler: st.SearchStrategy[str] = FILLER) -> Deck:
    count = draw(st.integers(1, 8))
    cards = []
    for index in range(count):
        answer = draw(ANSWER)
        if draw(st.booleans()):
            answer = to_traditional(answer)
        text = draw(filler) + "{{c1::" + answer + "}}" + draw(filler)
        cards.append(
            ClozeCard(
                id=f"c{index}",
                text=text,
                section=draw(st.sampled_from(["一", "二", None])),
                line=draw(st.one_of(st.none(), st.integers(1, 6))),
            )
        )
    return Deck(name="p", title="p", cards=tuple(cards))


@given(decks(), st.data())
def test_context_never_shows_the_answer(deck: Deck, data: st.DataObject) -> None:
    card = data.draw(st.sampled_from(deck.cards))
    assert isinstance(card, ClozeCard)
    context = to_simplified(context_text(card, deck))
    for answer in card.answers:
        assert to_simplified(answer) not in context


@given(decks(), st.data())
def test_the_ladder_climbs_and_is_deterministic(deck: Deck, data: st.DataObject) -> None:
    card = data.draw(st.sampled_from(deck.cards))
    assert isinstance(card, ClozeCard)
    ladder = hint_ladder(card, deck)
    assert ladder == hint_ladder(card, deck)
    order = [HintKind.LENGTH, HintKind.FIRST, HintKind.PINYIN, HintKind.CONTEXT]
    assert [hint.kind for hint in ladder] == [k for k in order if k in {h.kind for h in ladder}]
    assert all(hint.text for hint in ladder)
    counted = sum(not is_ignorable(char) for char in card.answer)
    for hint in ladder:
        if hint.kind in (HintKind.LENGTH, HintKind.FIRST) and counted > 1:
            assert card.answer not in hint.text


@given(ANY, ANY, ANY, st.one_of(st.none(), ANY))
def test_any_card_gets_a_ladder_without_raising(
    before: str, answer: str, after: str, hint: str | None
) -> None:
    if not answer.strip():
        answer = "答"
    card = ClozeCard(id="x", text=before + "{{c1::" + answer + "}}" + after, hint=hint or None)
    deck = Deck(name="d", title="d", cards=(card,))
    ladder = hint_ladder(card, deck)
    # for a figure (0, 5%) what it measures; else the length where the blank does not
    # already show it
    if is_figure(to_simplified(answer)):
        assert ladder[0].kind == HintKind.FIGURE
    elif not blank_shows_length(answer):
        assert ladder[0].kind == HintKind.LENGTH


@given(specs(), st.data())
def test_a_figure_ladder_never_gives_the_figure_away_before_its_last_numerals(
    spec: Spec, data: st.DataObject
) -> None:
    answer = data.draw(spellings(spec))
    card = ClozeCard(id="f", text="目标是{{c1::" + answer + "}}。", line=1, section="一")
    other = ClozeCard(id="g", text="今年{{c1::增长}}" + answer + "。", line=2, section="一")
    deck = Deck(name="d", title="d", cards=(card, other))
    ladder = hint_ladder(card, deck)
    kinds = [hint.kind for hint in ladder]
    assert kinds[:2] == [HintKind.FIGURE, HintKind.DIGITS]
    assert HintKind.PINYIN not in kinds and HintKind.LENGTH not in kinds
    assert kinds[-1] == HintKind.CONTEXT
    for hint in ladder:
        if hint.kind == HintKind.CONTEXT:
            continue
        # typed in as the answer, no hint is correct: the number is never all there
        shown = hint.text.split("：", 1)[-1]
        assert not grade(shown, card).correct, (answer, hint)
        if hint.fills_blank:
            assert display_width(hint.text) == display_width(answer)
    assert to_simplified(answer) not in to_simplified(ladder[-1].text)
