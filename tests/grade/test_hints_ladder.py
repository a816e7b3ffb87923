"""The hint ladder on small inline decks, in both scripts."""

from __future__ import annotations

import pytest

from quiz.deck import ClozeCard, Deck, MatchCard, parse_deck
from quiz.hints import Hint, HintKind, context_text, hint_ladder, length_text

SIMPLIFIED_DECK = """\
title: 抓基层打基础
cards:
  - id: s1
    text: 一、完善组织之“形”，坚持{{c1::纵向到底}}。
    section: 一、完善组织之“形”
    line: 3
  - id: s2
    text: 认真落实“{{c1::三会一课}}”、主题党日等制度。
    section: 二、铸牢思想之“魂”
    line: 10
  - id: s3
    text: 认真落实“三会一课”、{{c1::主题党日}}等制度。
    section: 二、铸牢思想之“魂”
    line: 10
  - id: s4
    text: 把{{c1::三会一课}}作为党支部组织生活的基本制度。
    section: 二、铸牢思想之“魂”
    line: 12
  - id: s5
    text: 牢记“{{c1::两个确立}}”的决定性意义。
    section: 二、铸牢思想之“魂”
    line: 8
  - id: s6
    text: 增强“{{c1::四个意识}}”。
    section: 二、铸牢思想之“魂”
    line: 14
  - id: s7
    text: 抓住{{c1::牛鼻子}}。
    section: 三、激活发展之“能”
    line: 13
  - id: m1
    type: match
    prompt: 配对
    pairs:
      - [完善组织之“形”, 建起来变强起来]
      - [铸牢思想之“魂”, 走形式变下功夫]
    section: 二、铸牢思想之“魂”
    line: 11
"""

TRADITIONAL_DECK = """\
title: 抓基層打基礎
cards:
  - id: t1
    text: 認真落實“{{c1::三會一課}}”、主題黨日等制度。
    section: 二、鑄牢思想之“魂”
    line: 10
  - id: t2
    text: 把三会一课作为{{c1::黨支部}}組織生活的基本制度。
    section: 二、鑄牢思想之“魂”
    line: 12
  - id: t3
    text: 堅持{{c1::長城}}。
    hint: cháng chéng
    section: 二、鑄牢思想之“魂”
    line: 6
"""


@pytest.fixture
def simplified() -> Deck:
    return parse_deck(SIMPLIFIED_DECK, name="s")


@pytest.fixture
def traditional() -> Deck:
    return parse_deck(TRADITIONAL_DECK, name="t")


def kinds(ladder: list[Hint]) -> list[str]:
    return [hint.kind for hint in ladder]


def test_full_ladder_on_a_simplified_card(simplified: Deck) -> None:
    card = simplified.card("s2")
    # the blank's four ＿ already say "4 characters": the ladder starts with the first one;
    # the neighbours' own blanks (两个确立 is another card's answer) are blanked too
    assert hint_ladder(card, simplified) == [
        Hint(HintKind.FIRST, "三＿＿＿"),
        Hint(HintKind.PINYIN, "sān huì yī kè"),
        Hint(
            HintKind.CONTEXT,
            "↑ 牢记“＿＿＿＿”的决定性意义。\n↓ 把＿＿＿＿作为党支部组织生活的基本制度。",
        ),
    ]


def test_full_ladder_on_a_traditional_card(traditional: Deck) -> None:
    card = traditional.card("t1")
    assert hint_ladder(card, traditional) == [
        Hint(HintKind.FIRST, "三＿＿＿"),
        Hint(HintKind.PINYIN, "sān huì yī kè"),
        # the answer is blanked even where the neighbour writes it in the other script
        Hint(HintKind.CONTEXT, "↑ 堅持＿＿。\n↓ 把＿＿＿＿作为＿＿＿組織生活的基本制度。"),
    ]


def test_pinyin_reads_a_traditional_answer_through_its_simplified_form(
    traditional: Deck,
) -> None:
    ladder = hint_ladder(traditional.card("t2"), traditional)
    assert Hint(HintKind.PINYIN, "dǎng zhī bù") in ladder


def test_the_cards_own_hint_comes_first(traditional: Deck) -> None:
    ladder = hint_ladder(traditional.card("t3"), traditional)
    assert ladder[1] == Hint(HintKind.PINYIN, "cháng chéng")
    # a hint written in the blank shows in it from the start (as Anki shows it): the
    # ladder does not repeat it, the pinyin comes third
    inline = ClozeCard(id="i", text="坚持{{c1::三会一课::会议制度}}。")
    assert hint_ladder(inline, None)[1] == Hint(HintKind.PINYIN, "sān huì yī kè")
    assert all(step.text != "会议制度" for step in hint_ladder(inline, None))
    spelled = ClozeCard(id="p", text="坚持{{c1::三会一课::san hui yi ke}}。")
    assert [step.kind for step in hint_ladder(spelled, None)] == [HintKind.FIRST]
    english = ClozeCard(id="e", text="{{c1::三会一课}}", hint="a book")
    assert hint_ladder(english, None)[1] == Hint(HintKind.HINT, "a book")


def test_siblings_of_the_same_sentence_are_not_context(simplified: Deck) -> None:
    # s3 shares its sentence with s2: the context skips it and looks at lines 8 and 12
    context = context_text(simplified.card("s3"), simplified)
    assert "主题党日" not in context
    assert context.splitlines() == [
        "↑ 牢记“＿＿＿＿”的决定性意义。",
        "↓ 把＿＿＿＿作为党支部组织生活的基本制度。",
    ]


def test_context_stays_in_the_section(simplified: Deck) -> None:
    # s1 is alone in its section; s7 is alone in its section (line 13 sits between
    # cards of another section)
    assert [h.kind for h in hint_ladder(simplified.card("s1"), simplified)] == [
        HintKind.FIRST,
        HintKind.PINYIN,
    ]
    assert context_text(simplified.card("s7"), simplified) == ""


def test_context_at_the_end_of_a_section_has_only_what_came_before(simplified: Deck) -> None:
    assert (
        context_text(simplified.card("s6"), simplified)
        == "↑ 把＿＿＿＿作为党支部组织生活的基本制度。"
    )


def test_a_repeated_sentence_is_shown_once() -> None:
    deck = Deck(
        name="r",
        title="r",
        cards=(
            ClozeCard(id="a", text="学习{{c1::党章}}。", section="s", line=1),
            ClozeCard(id="b", text="贯彻{{c1::条例}}。", section="s", line=2),
            ClozeCard(id="c", text="{{c1::学习}}党章。", section="s", line=3),
        ),
    )
    # the source says 学习党章。 before and after line 2: the hint shows it once, its own
    # blanks (学习 and 党章 are the answers of its cards) blanked
    assert context_text(deck.cards[1], deck) == "↑ ＿＿＿＿。"
    # neighbours on the same line count, in deck order
    deck = Deck(
        name="r",
        title="r",
        cards=(
            ClozeCard(id="a", text="学习{{c1::党章}}。", section="s", line=1),
            ClozeCard(id="b", text="贯彻{{c1::条例}}。", section="s", line=1),
            ClozeCard(id="c", text="遵守{{c1::纪律}}。", section="s", line=1),
        ),
    )
    assert context_text(deck.cards[1], deck) == "↑ 学习＿＿。\n↓ 遵守＿＿。"


def test_no_context_without_a_deck_or_a_line(simplified: Deck) -> None:
    card = simplified.card("s2")
    assert HintKind.CONTEXT not in kinds(hint_ladder(card, None))
    lineless = ClozeCard(id="x", text="坚持{{c1::三会一课}}。", section=card.section)
    assert context_text(lineless, simplified) == ""


def test_match_cards_get_no_ladder(simplified: Deck) -> None:
    match = simplified.card("m1")
    assert isinstance(match, MatchCard)
    assert hint_ladder(match, simplified) == []


def test_a_one_character_answer_skips_the_first_character_step() -> None:
    card = ClozeCard(id="x", text="铸牢思想之“{{c1::魂}}”")
    assert kinds(hint_ladder(card)) == [HintKind.PINYIN]


def test_latin_answers_get_no_pinyin() -> None:
    card = ClozeCard(id="x", text="The {{c1::spaced repetition}} method.")
    assert hint_ladder(card) == [
        Hint(HintKind.LENGTH, "2 words"),
        Hint(HintKind.FIRST, "s" + "_" * 16),
    ]


@pytest.mark.parametrize(
    ("answer", "text"),
    [
        ("三会一课", "4 characters"),
        ("三會一課", "4 characters"),
        ("《中国共产党章程》", "7 characters"),  # the title marks do not count
        ("5G网络", "4 characters"),
        ("repetition", "10 letters"),
        ("spaced repetition", "2 words"),
    ],
)
def test_length_text(answer: str, text: str) -> None:
    assert length_text(answer) == text


def test_first_character_step_keeps_opening_marks() -> None:
    card = ClozeCard(id="x", text="学习{{c1::《论语》}}")
    assert hint_ladder(card)[1] == Hint(HintKind.FIRST, "《论＿＿")


def test_markup_looking_text_is_kept_literally() -> None:
    deck = Deck(
        name="m",
        title="m",
        cards=(
            ClozeCard(id="a", text="[bold]学习{{c1::党章}}[/]", section="s", line=1),
            ClozeCard(id="b", text="[red]贯彻{{c1::条例}}[/red]", section="s", line=2),
        ),
    )
    assert context_text(deck.cards[0], deck) == "↓ [red]贯彻＿＿[/red]"


def test_the_ladder_is_deterministic(simplified: Deck) -> None:
    for card in simplified:
        assert hint_ladder(card, simplified) == hint_ladder(card, simplified)


@pytest.mark.parametrize(
    ("text", "pinyin"),
    [
        ("修建{{c1::长}}城", "cháng"),
        ("健康成{{c1::长}}", "zhǎng"),
        ("修建{{c1::長}}城", "cháng"),
        ("健康成{{c1::長}}", "zhǎng"),
        ("去银{{c1::行}}办事", "háng"),
        ("立即{{c1::行}}动", "xíng"),
        ("{{c1::重}}复学习", "chóng"),
        ("非常{{c1::重}}要", "zhòng"),
    ],
)
def test_pinyin_hint_reads_a_heteronym_in_its_sentence(text: str, pinyin: str) -> None:
    ladder = hint_ladder(ClozeCard(id="x", text=text))
    assert Hint(HintKind.PINYIN, pinyin) in ladder


# --------------------------------------------------------------------------- figures

FIGURE_DECK = """\
title: 政府工作报告
cards:
  - id: f1
    text: 今年发展主要预期目标是：国内生产总值增长{{c1::5%左右}}。
    section: 一、主要预期目标
    line: 4
  - id: f2
    text: 城镇新增就业{{c1::1200万人左右}}。
    section: 一、主要预期目标
    line: 5
  - id: f3
    text: 粮食产量{{c1::1.3萬億斤以上}}。
    section: 一、主要预期目标
    line: 6
  - id: f4
    text: 拟安排地方政府专项债券{{c1::3.9万亿元}}。
    section: 二、政策取向
    line: 9
  - id: f5
    text: 到{{c1::二〇三五年}}基本实现社会主义现代化。
    section: 三、远景目标
    line: 12
  - id: f6
    text: 实现{{c1::第一個百年}}奋斗目标。
    section: 三、远景目标
    line: 13
  - id: f7
    text: 居民收入增长{{c1::两倍}}。
    hint: liǎng bèi
    section: 四、其他
    line: 15
  - id: f8
    text: 新增{{c1::26萬人}}。
    hint: 比去年多
    section: 四、其他
    line: 16
  - id: f9
    text: 地区生产总值增长{{c1::4.5%—5%}}。
  - id: f10
    text: 培育{{c1::千亿元以上}}产业集群。
  - id: f11
    text: 每名學生每年可獲得{{c1::2,500元學習津貼}}。
  - id: f12
    text: "{{c1::1840年鸦片战争}}以后，中国逐步成为半殖民地半封建社会。"
  - id: f13
    text: 坚持标准推进{{c1::30件民生实事}}。
"""


@pytest.fixture
def figures() -> Deck:
    return parse_deck(FIGURE_DECK, name="f")


def test_a_figure_ladder_names_the_kind_then_the_digits_then_the_first(figures: Deck) -> None:
    assert hint_ladder(figures.card("f2"), figures) == [
        Hint(HintKind.FIGURE, "数量：…万人左右"),
        Hint(HintKind.DIGITS, "____万人左右"),
        Hint(HintKind.FIRST, "1___万人左右"),
        Hint(
            HintKind.CONTEXT,
            # the neighbours' own blanks (other cards' answers) are blanked too
            "↑ 今年发展主要预期目标是：国内生产总值增长＿＿＿。\n↓ 粮食产量＿＿＿＿＿＿_。",
        ),
    ]


def test_a_one_digit_figure_never_shows_its_digit(figures: Deck) -> None:
    # today's first-character step would show 5 of 5%左右: half the answer
    ladder = hint_ladder(figures.card("f1"), figures)
    assert [hint.kind for hint in ladder] == [HintKind.FIGURE, HintKind.DIGITS, HintKind.CONTEXT]
    assert ladder[0].text == "百分比：…%左右"
    assert ladder[1].text == "_%左右"
    assert not any("5" in hint.text for hint in ladder)


@pytest.mark.parametrize(
    ("card_id", "steps"),
    [
        ("f3", ["数量：…萬億斤以上", "_._萬億斤以上", "1._萬億斤以上"]),
        ("f4", ["金额：…万亿元", "_._万亿元", "3._万亿元"]),
        ("f5", ["年份：…年", "＿＿＿＿年", "二＿＿＿年"]),
        ("f6", ["序数：第…個百年", "第＿個百年"]),
        ("f9", ["百分比（范围）：…%", "_._%—_%", "4._%—_%"]),
        ("f10", ["金额：…亿元以上", "＿亿元以上"]),
        # what the figure names shows from the start: the number is asked
        ("f11", ["金额：…元學習津貼", "_,___元學習津貼", "2,___元學習津貼"]),
        ("f12", ["年份：…年鸦片战争", "____年鸦片战争", "1___年鸦片战争"]),
        ("f13", ["数量：…件民生实事", "__件民生实事", "3_件民生实事"]),
    ],
)
def test_figure_ladders_in_both_scripts(figures: Deck, card_id: str, steps: list[str]) -> None:
    ladder = hint_ladder(figures.card(card_id), None)
    assert [hint.text for hint in ladder] == steps


def test_a_figure_skips_pinyin_but_keeps_an_authored_hint(figures: Deck) -> None:
    # the pinyin of a figure (liǎng bèi) spells the answer out: no step of the ladder
    assert [h.kind for h in hint_ladder(figures.card("f7"), None)] == [
        HintKind.FIGURE,
        HintKind.DIGITS,
    ]
    assert hint_ladder(figures.card("f8"), None)[-1] == Hint(HintKind.HINT, "比去年多")


def test_the_digits_and_first_steps_fill_the_blank_as_wide_as_the_answer(figures: Deck) -> None:
    from quiz.grade import display_width

    for card in figures:
        assert isinstance(card, ClozeCard)
        for hint in hint_ladder(card, None):
            assert hint.fills_blank == (hint.kind in (HintKind.DIGITS, HintKind.FIRST))
            if hint.fills_blank:
                assert display_width(hint.text) == display_width(card.answer)


def test_names_with_numerals_keep_the_usual_ladder() -> None:
    for answer in ("十四五", "四个意识", "两个确立", "三会一课"):
        ladder = hint_ladder(ClozeCard(id="x", text="落实“{{c1::" + answer + "}}”"))
        assert [hint.kind for hint in ladder] == [HintKind.FIRST, HintKind.PINYIN]


@pytest.mark.parametrize(
    ("answer", "shown"),
    [
        ("三会一课", True),  # four ＿
        ("soul", True),  # four _
        ("spaced repetition", False),  # how many words?
        ("《中国共产党章程》", False),  # the marks are drawn too
        ("中华人民共和国国民经济和社会发展第十四个五年规划", False),  # a shortened blank
    ],
)
def test_the_length_step_comes_only_when_the_blank_does_not_show_it(
    answer: str, shown: bool
) -> None:
    card = ClozeCard(id="x", text="{{c1::" + answer + "}}")
    assert (HintKind.LENGTH not in kinds(hint_ladder(card))) is shown
