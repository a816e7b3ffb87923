"""Distractors of a choice card: same shape, from the deck then its text, never right, never
fitting the sentence, deterministic per card and review; both scripts; a deck without good
distractors keeps the card typed."""

from __future__ import annotations

from fsrs import Rating

from quiz.choice import OPTIONS, ChoicePool, choice_rating, fits, shape_of
from quiz.deck import ClozeCard, Deck, parse_deck

SIMPLIFIED = """\
title: 学习
cards:
  - id: yishi
    text: 引导党员牢固树立“{{c1::四个意识}}”，自觉在思想上政治上行动上同党中央保持高度一致。
    accept: [四個意識]
  - id: zixin
    text: 全党要坚定“{{c1::四个自信}}”，这是我们的底气所在。
  - id: quanmian
    text: 统筹推进“{{c1::四个全面}}”战略布局。
  - id: queli
    text: 深刻领悟“{{c1::两个确立}}”的决定性意义。
  - id: lingdao
    text: 增强基层党组织的{{c1::政治领导力}}，发挥战斗堡垒作用。
  - id: list
    text: 建立健全{{c1::责任清单}}，层层压实责任。
  - id: gdp
    text: 国内生产总值增长{{c1::5%左右}}。
  - id: jobs
    text: 城镇调查失业率{{c1::5.5%左右}}，居民收入增长和经济增长同步。
  - id: cpi
    text: 居民消费价格涨幅{{c1::3%左右}}。
  - id: grain
    text: 粮食产量保持在{{c1::1.3万亿斤}}以上。
  - id: enum
    text: 着力提升思想引领力、群众组织力、社会号召力，落实“四个服务”，把党员群众紧紧团结起来。
    accept: []
"""

# The same deck in Traditional script (a deck copied from a Traditional page).
TRADITIONAL = """\
title: 學習
cards:
  - id: t-yishi
    text: 引導黨員牢固樹立“{{c1::四個意識}}”，自覺在思想上政治上行動上同黨中央保持高度一致。
    accept: [四个意识]
  - id: t-zixin
    text: 全黨要堅定“{{c1::四個自信}}”，這是我們的底氣所在。
  - id: t-quanmian
    text: 統籌推進“{{c1::四個全面}}”戰略佈局。
  - id: t-fugai
    text: 推進“{{c1::四個服務}}”落到實處。
  - id: t-dup
    text: 他們說的“{{c1::四个意识}}”與此不同。
"""


def _deck(text: str) -> Deck:
    # the enumeration line of SIMPLIFIED is a sentence without a blank: give it one
    return parse_deck(text.replace("着力提升思想引领力", "着力提升{{c1::思想引领力}}"), name="t")


def _card(deck: Deck, card_id: str) -> ClozeCard:
    card = next(c for c in deck.cards if c.id == card_id)
    assert isinstance(card, ClozeCard)
    return card


def test_shapes() -> None:
    four = shape_of("四个意识")
    assert four is not None and four.prefix == "四个"
    assert fits(four, "四个自信") and not fits(four, "两个确立") and not fits(four, "四个四个")
    power = shape_of("政治领导力")
    assert power is not None and power.tail == "力"
    assert fits(power, "群众组织力") and not fits(power, "政治领导") and not fits(power, "组织力")
    percent = shape_of("5%左右")
    assert percent is not None and percent.figure is not None
    assert fits(percent, "3%左右") and fits(percent, "8%")
    assert not fits(percent, "20%") and not fits(percent, "5万人") and not fits(percent, "五个")
    assert shape_of("。") is None


def test_simplified_formula_gets_three_of_its_own_pattern() -> None:
    deck = _deck(SIMPLIFIED)
    pool = ChoicePool.from_cards(deck.cards)
    choice = pool.choice(_card(deck, "zixin"), 0)
    assert choice is not None and len(choice.options) == OPTIONS
    assert choice.options[choice.right] == "四个自信"
    others = set(choice.options) - {"四个自信"}
    # 四个意识 and 四个全面 from the deck; 四个服务 from the text (no card asks it)
    assert others == {"四个意识", "四个全面", "四个服务"}
    assert all(option.startswith("四个") and len(option) == 4 for option in choice.options)
    assert "两个确立" not in choice.options  # another numeral is another pattern


def test_never_an_accepted_form_in_either_script() -> None:
    deck = _deck(TRADITIONAL)
    pool = ChoicePool.from_cards(deck.cards)
    choice = pool.choice(_card(deck, "t-yishi"), 0)
    assert choice is not None
    # 四个意识 (Simplified, another card's answer) is the answer itself in the other script
    assert "四个意识" not in choice.options
    assert sorted(set(choice.options) - {"四個意識"}) == ["四個全面", "四個服務", "四個自信"]


def test_deck_first_then_text_for_suffix_pattern() -> None:
    deck = _deck(SIMPLIFIED)
    pool = ChoicePool.from_cards(deck.cards)
    card = _card(deck, "lingdao")
    picked = pool.distractors(card, seed="lingdao:0")
    # 思想引领力 is another card's answer; 群众组织力 and 社会号召力 come from the text
    assert set(picked) == {"思想引领力", "群众组织力", "社会号召力"}


def test_a_distractor_in_the_same_sentence_or_frame_is_out() -> None:
    deck = parse_deck(
        """\
title: frame
cards:
  - id: a
    text: 坚持“{{c1::四个意识}}”和“四个全面”。
  - id: b
    text: 要坚持“{{c1::四个自信}}”不动摇。
  - id: c
    text: 做到“{{c1::四个服务}}”。
  - id: d
    text: 落实“{{c1::四个合一}}”。
  - id: e
    text: 推动“{{c1::四个统一}}”。
""",
        name="frame",
    )
    pool = ChoicePool.from_cards(deck.cards)
    picked = pool.distractors(_card(deck, "a"), seed="a:0")
    assert "四个全面" not in picked  # in the card's own sentence
    assert "四个自信" not in picked  # the text says 坚持四个自信 too: it fits the blank
    assert set(picked) == {"四个服务", "四个合一", "四个统一"}


def test_figures_of_the_same_unit_and_magnitude() -> None:
    deck = _deck(SIMPLIFIED)
    pool = ChoicePool.from_cards(deck.cards)
    picked = pool.distractors(_card(deck, "gdp"), seed="gdp:0")
    assert "5.5%左右" in picked and "3%左右" in picked
    assert "1.3万亿斤" not in picked
    assert all(option.endswith("%左右") or option.endswith("%") for option in picked)


def test_no_good_distractors_keeps_the_card_typed() -> None:
    deck = _deck(SIMPLIFIED)
    pool = ChoicePool.from_cards(deck.cards)
    assert pool.choice(_card(deck, "queli"), 0) is None  # no other 两个X anywhere
    assert pool.choice(_card(deck, "grain"), 0) is None  # no other 亿斤 figure
    assert pool.choice(_card(deck, "list"), 0) is None  # no other …单 of four characters


def test_deterministic_per_card_and_review() -> None:
    deck = _deck(SIMPLIFIED)
    card = _card(deck, "zixin")
    first = ChoicePool.from_cards(deck.cards).choice(card, 3)
    again = ChoicePool.from_cards(reversed(deck.cards)).choice(card, 3)
    assert first == again
    orders = {ChoicePool.from_cards(deck.cards).choice(card, reviews) for reviews in range(8)}
    assert len(orders) > 1  # another review, another order


def test_choice_rating() -> None:
    assert choice_rating(False, first_showing=True) == Rating.Again
    assert choice_rating(True, first_showing=True, duration_ms=3000) == Rating.Good
    assert choice_rating(True, first_showing=False, duration_ms=3000) == Rating.Hard
    assert choice_rating(True, first_showing=True, duration_ms=60_000) == Rating.Hard


def test_candidates_are_looked_up_by_length_and_edge_as_a_scan_finds_them() -> None:
    """The pool finds a Han answer's candidates under its length and last character (or
    its numeral's first character), in either script: the same ones, in the same order,
    as trying `fits` on every answer and text piece of that length."""
    for text in (SIMPLIFIED, TRADITIONAL):
        deck = _deck(text)
        pool = ChoicePool.from_cards(deck.cards)
        for card in deck.cards:
            assert isinstance(card, ClozeCard)
            shape = shape_of(card.answer)
            if shape is None or shape.figure is not None or shape.words:
                continue
            scanned = [
                answer
                for card_id, answer in pool._answers.get(shape.length, ())
                if card_id != card.id and fits(shape, answer)
            ]
            assert list(pool._deck_candidates(card, shape)) == scanned, card.id
            found = list(pool._text_candidates(shape))
            assert pool._pieces is not None
            pieces = [p for p in pool._pieces.get(shape.length, ()) if fits(shape, p)]
            assert found[: len(pieces)] == pieces, card.id
    pool = ChoicePool.from_cards(_deck(SIMPLIFIED).cards)
    four = shape_of("四个自信")
    assert four is not None
    assert {"四个服务", "四个意识"} <= set(pool._text_candidates(four))
