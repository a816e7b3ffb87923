"""Scoring, the density cap and the passes it weighs: terms the text repeats, words of general
language, an answer asked again, compound halves that make no set. Both scripts; a property
test that ranking and capping are deterministic and never drop a rule-found formula."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.deck import ClozeCard, MatchCard, parse_deck
from quiz.generate.chinese import ChineseCards, segmenter
from quiz.generate.pipeline import _scored, build_deck
from quiz.generate.rank import HEADED, RARE_IDF, Evidence, everyday_quote, general_word, importance
from quiz.generate.select import FALLBACK_SHARE, FLOOR, GENERAL, SHORT_TEXT, Scored, cap
from quiz.generate.structure import layout
from quiz.generate.terms import repeated_terms
from quiz.text.script import to_simplified, to_traditional


def clozes(text: str, **options: object) -> list[ClozeCard]:
    deck, _report = build_deck(text, name="t", **options)  # type: ignore[arg-type]
    return [card for card in deck if isinstance(card, ClozeCard)]


# ----------------------------------------------------------------------------- scoring


def test_what_the_text_marks_outranks_the_fallback() -> None:
    formula = importance(Evidence(rule="formula", answer="两个确立"))
    quote = importance(Evidence(rule="quote", answer="牛鼻子"))
    keyword = importance(Evidence(rule="keyword", answer="基层", idf=7.6, dictionary_word=True))
    assert formula > quote > keyword


def test_repetition_and_specificity_raise_a_term() -> None:
    once = importance(Evidence(rule="term", answer="新质生产力", repeats=1))
    often = importance(Evidence(rule="term", answer="新质生产力", repeats=8))
    assert often > once
    common = importance(Evidence(rule="keyword", answer="外贸", idf=7.4, dictionary_word=True))
    rare = importance(Evidence(rule="keyword", answer="都江堰", idf=11.0, dictionary_word=True))
    assert rare > common


@pytest.mark.parametrize("convert", [to_simplified, to_traditional])
def test_a_phrase_a_numbered_heading_names_ranks_above_one_no_heading_names(
    convert: Callable[[str], str],
) -> None:
    """The text gives it a section of its own; the heading line's own blanks are weighed as
    headings, not again."""
    text = convert(
        "一、总体要求\n"
        "我们推动长江经济带建设，深化区域合作。长江经济带生态保护取得成效。\n"
        "（一）全力提升长江经济带发展能级\n"
        "长江经济带综合交通网络加快完善，沿江产业协同发展。\n"
    )
    cards = ChineseCards(text, text, layout(text), "simplified")
    assert cards.headed(convert("长江经济带")) and not cards.headed(convert("区域合作"))
    named = Evidence(rule="term", answer="长江经济带", repeats=4, headed=True)
    plain = Evidence(rule="term", answer="长江经济带", repeats=4)
    assert importance(named) - importance(plain) == HEADED
    on_heading = Evidence(rule="term", answer="长江经济带", repeats=4, heading=True, headed=True)
    assert importance(on_heading) == importance(replace(on_heading, headed=False))


def test_a_stated_target_outranks_a_result_and_a_fact() -> None:
    goal = importance(Evidence(rule="figure", answer="5%左右", figure="goal"))
    result = importance(Evidence(rule="figure", answer="5.3%", figure="result"))
    headline = importance(Evidence(rule="figure", answer="5.3%", figure="result", headline=True))
    fact = importance(Evidence(rule="figure", answer="130项", figure="fact"))
    assert goal > headline > result > fact


def test_a_sum_of_money_outranks_a_count_of_things() -> None:
    def score(answer: str) -> int:
        return importance(Evidence(rule="figure", answer=answer, figure="result"))

    plain = score("5.3%")
    for form in ("3.9万亿元", "12.43亿元", "2.6億元", "30億港元"):
        assert score(form) > plain, form
    for form in ("57个", "28家", "14條", "130项"):
        assert score(form) < plain, form
    assert score("1244万人") == plain  # people are no count of things


def test_a_total_pays_no_count_cost_and_a_named_count_ranks_as_its_programme() -> None:
    def score(answer: str, kind: str) -> int:
        return importance(Evidence(rule="figure", answer=answer, figure=kind))

    for count in ("14条航线", "14條航線", "883个", "883個"):
        assert score(count, "total") == score("5.3%", "result") > score(count, "result")
    for named in ("20个重点片区", "30件民生实事", "30件民生實事"):
        assert score(named, "named") > score("883个", "total")
        assert score(named, "named") >= score("5%", "target")


def test_scores_stay_in_range() -> None:
    high = Evidence(
        rule="formula", answer="四个意识", repeats=10**6, heading=True, stressed=True, point=True
    )
    assert importance(high) == 99
    low = Evidence(rule="keyword", answer="里", idf=1.0, dictionary_word=True)
    assert 1 <= importance(low) <= 99


def test_general_language_is_a_dictionary_word_said_rarely_in_a_long_sentence() -> None:
    word = Evidence(rule="keyword", answer="落地", dictionary_word=True, sentence_length=40)
    assert general_word(word)
    assert general_word(Evidence(**{**_fields(word), "repeats": 30}))  # 基层 said 30 times
    rare = Evidence(**{**_fields(word), "answer": "舆情", "idf": 10.2, "repeats": 3})
    assert not general_word(rare)  # a rare word the text keeps naming is one of its terms
    longer = Evidence(**{**_fields(word), "answer": "营商环境", "repeats": 3})
    assert not general_word(longer)
    assert not general_word(Evidence(**{**_fields(longer), "answer": "營商環境"}))
    assert not general_word(Evidence(**{**_fields(word), "name": True}))  # 李冰
    assert not general_word(Evidence(**{**_fields(word), "dictionary_word": False}))  # 高标准农田
    assert not general_word(Evidence(**{**_fields(word), "sentence_length": 12}))  # a learner line
    assert not general_word(Evidence(**{**_fields(word), "rule": "quote"}))


@pytest.mark.parametrize(("rare", "common"), [("共同富裕", "知识产权"), ("團結奮鬥", "知識產權")])
def test_a_rare_long_word_a_long_text_says_three_times_is_its_term(rare: str, common: str) -> None:
    """A long report names 知识产权 in passing (IDF under RARE_IDF: said fewer than once per
    CHARS_PER_REPEAT characters, general); a rare word of four characters said three times
    (共同富裕, 团结奋斗) is one of its terms. jieba's IDF of the Simplified mirror, as the
    cards are weighed."""
    seg = segmenter()
    word = Evidence(
        rule="keyword",
        answer=rare,
        idf=seg.keyword_weight(to_simplified(rare)),
        dictionary_word=True,
        repeats=3,
        sentence_length=40,
        text_length=33000,
    )
    assert word.idf is not None and word.idf >= RARE_IDF
    assert not general_word(word)
    assert general_word(replace(word, repeats=2))
    passing = replace(word, answer=common, idf=seg.keyword_weight(to_simplified(common)), repeats=6)
    assert passing.idf is not None and passing.idf < RARE_IDF and general_word(passing)
    assert not general_word(replace(passing, text_length=9000))  # a shorter text's term


def test_a_long_texts_list_item_that_is_a_dictionary_word_is_general_language() -> None:
    # 国有企业、民营企业、外资企业 / 國有企業、民營企業、外資企業: categories any reader
    # fills in; 全球发展倡议、全球安全倡议 (no dictionary word) are the text's own
    for answer in ("外资企业", "外資企業"):
        item = Evidence(rule="list", answer=answer, dictionary_word=True, text_length=9000)
        assert general_word(item)
        assert not general_word(Evidence(**{**_fields(item), "text_length": 3000}))  # short
        assert not general_word(Evidence(**{**_fields(item), "name": True}))
    for answer in ("全球安全倡议", "全球安全倡議"):
        own = Evidence(rule="list", answer=answer, part_idfs=(4.9, 6.7, 8.4), text_length=9000)
        assert not general_word(own)


def test_a_two_character_quote_is_ranked_unless_rare_or_a_name() -> None:
    for answer in ("两新", "兩新", "窗口"):
        assert everyday_quote(Evidence(rule="quote", answer=answer))
    assert not everyday_quote(Evidence(rule="quote", answer="舆情", idf=10.2))
    assert not everyday_quote(Evidence(rule="quote", answer="河长制"))
    assert not everyday_quote(Evidence(rule="quote", answer="雄安", name=True))


def _fields(evidence: Evidence) -> dict[str, object]:
    return {name: getattr(evidence, name) for name in evidence.__slots__}  # type: ignore[attr-defined]


# ----------------------------------------------------------------------------- the cap


def _card(n: int, tag: str) -> ClozeCard:
    return ClozeCard(id=f"{n:012d}", text=f"甲{n}{{{{c1::乙{n}}}}}", tags=(tag,))


def test_the_cap_keeps_the_floor_and_the_best_of_the_rest_in_text_order() -> None:
    scored = [
        Scored(0, _card(0, "keyword"), 20),
        Scored(1, _card(1, "formula"), 10, FLOOR),
        Scored(2, _card(2, "lead"), 50),
        Scored(3, _card(3, "keyword"), 5, GENERAL),
        Scored(4, _card(4, "figure"), 50),
    ]
    picked = cap(scored, chars=200, density=8, short_text=200, extra=1)
    assert picked.budget == 2
    assert [s.position for s in picked.kept] == [1, 2]  # the tie goes to text order
    assert [(s.position, why.split(" (")[0]) for s, why in picked.left_out] == [
        (0, "below the cap"),
        (3, "a word of general language"),
        (4, "below the cap"),
    ]


def test_a_long_texts_floor_that_fills_its_budget_gives_its_lowest_to_better_cards() -> None:
    """Up to `floor_room` of the budget: the best of the rest take the places of the floor's
    lowest where they rank above them; the deck keeps its size."""
    floor = [Scored(i, _card(i, "quote"), 50 + i, FLOOR) for i in range(20)]
    headline = Scored(20, _card(20, "figure"), 78)
    weak = Scored(21, _card(21, "keyword"), 30)
    picked = cap([*floor, headline, weak], chars=6000, density=2, floor_room=0.1)
    kept = [s.position for s in picked.kept]
    assert len(kept) == 20 and 20 in kept and 0 not in kept and 21 not in kept
    assert {s.position for s, _why in picked.left_out} == {0, 21}
    # nothing better than the floor's lowest: the floor stays whole
    low = Scored(20, _card(20, "figure"), 40)
    assert [s.position for s in cap([*floor, low], chars=6000, density=2).kept] == list(range(20))
    # a short text keeps its floor and room beside it
    short = cap([*floor, headline], chars=3000, density=2, floor_room=0.1)
    assert {s.position for s in short.kept} == set(range(21))


def test_a_floor_that_fills_the_density_leaves_no_room_to_keyword_guesses() -> None:
    """A textbook page underlining 45 phrases in 3,000 characters (a budget of 40) has said
    what it asks: its keyword fallback is left out, its other cards keep the room beside."""
    floor = [Scored(i, _card(i, "marked"), 80, FLOOR) for i in range(45)]
    guess = Scored(45, _card(45, "keyword"), 37)
    figure = Scored(46, _card(46, "figure"), 57)
    picked = cap([*floor, guess, figure], chars=3000, density=8)
    assert {s.position for s in picked.kept} == set(range(45)) | {46}
    assert [(s.position, why) for s, why in picked.left_out] == [
        (45, "keyword fallback: the floor fills the budget")
    ]
    # a floor within the budget leaves the fallback its chance
    small = cap([*floor[:30], guess, figure], chars=3000, density=8)
    assert 45 in {s.position for s in small.kept}


def test_the_budget_is_the_density_rounded_down() -> None:
    """At most `density` cards per 1,000 characters: 13,362 characters at 8 keep 106 (106.9)."""
    scored = [Scored(i, _card(i, "figure"), 50) for i in range(200)]
    assert cap(scored, chars=13362, density=8).budget == 106
    assert len(cap(scored, chars=13362, density=8).kept) == 106


@pytest.mark.parametrize("convert", [to_simplified, to_traditional])
@pytest.mark.parametrize(("length", "floor"), [(3000, True), (20000, False)])
def test_a_heading_cloze_a_heading_set_already_pairs_is_ranked_in_a_long_text(
    convert: Callable[[str], str], length: int, floor: bool
) -> None:
    """The set keeps the heading whatever the budget; its cloze is a second way to ask it.
    A heading no set pairs keeps its cloze in the floor."""
    heading, subtitle = convert("铸忠诚"), convert("坚持旗帜鲜明讲政治")
    card = ClozeCard(
        id="000000000001", text=f"{{{{c1::{heading}}}}}，{subtitle}", tags=("lead", "heading")
    )
    found = Evidence(rule="lead", answer=heading, heading=True, text_length=length)
    paired = (heading, subtitle, convert("转作风"), convert("坚持实干为本抓落实"))
    assert (_scored(0, card, {card.id: found}, paired).standing == FLOOR) is floor
    assert _scored(0, card, {card.id: found}, paired[2:]).standing == FLOOR


def test_without_a_density_every_card_is_kept() -> None:
    scored = [Scored(i, _card(i, "keyword"), 5, GENERAL) for i in range(3)]
    assert len(cap(scored, chars=10, density=None).kept) == 3


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 99), st.sampled_from(["", FLOOR, GENERAL])),
        min_size=0,
        max_size=40,
    ),
    st.integers(0, 20000),
)
def test_capping_is_deterministic_and_never_drops_the_floor(
    items: list[tuple[int, str]], chars: int
) -> None:
    scored = [
        Scored(i, _card(i, "formula" if standing == FLOOR else "keyword"), score, standing)
        for i, (score, standing) in enumerate(items)
    ]
    first = cap(scored, chars=chars)
    again = cap(list(reversed(scored)), chars=chars)
    assert [s.position for s in first.kept] == [s.position for s in again.kept]
    kept = {s.position for s in first.kept}
    assert {s.position for s in scored if s.standing == FLOOR} <= kept
    assert not {s.position for s in scored if s.standing == GENERAL} & kept
    assert len(first.kept) + len(first.left_out) == len(scored)
    others = [s for s in first.kept if s.standing != FLOOR]
    dropped = [s for s, why in first.left_out if why.startswith("below the cap")]
    if others and dropped:
        assert min(s.importance for s in others) >= max(s.importance for s in dropped)
    crowded = [s for s, why in first.left_out if why.startswith("keyword fallback full")]
    if chars <= SHORT_TEXT:
        assert not crowded  # short sentences of a short text: a learner's line keeps its word
    elif crowded:  # the fallback left only while over its share of the deck
        keyword = [s for s in first.kept if s.standing != FLOOR]  # every other card is one
        assert not keyword or len(keyword) / len(first.kept) <= FALLBACK_SHARE


def test_generated_decks_carry_importance_and_check_accepts_them() -> None:
    text = (
        "一、总体要求\n"
        "必须增强“四个意识”、坚定“四个自信”、做到“两个维护”。全面落实“三会一课”制度。\n"
    )
    for form in (text, to_traditional(text)):
        deck, _report = build_deck(form, name="t")
        assert deck.cards and all(card.importance is not None for card in deck)
        from quiz.deck import dump_deck

        again = parse_deck(dump_deck(deck), name="t")
        assert [c.importance for c in again] == [c.importance for c in deck]


def test_the_same_input_gives_the_same_ranked_deck() -> None:
    text = "坚持“两个毫不动摇”。地区生产总值增长5%左右。推进“一带一路”建设。\n" * 3
    first, _ = build_deck(text, name="t")
    second, _ = build_deck(text, name="t")
    assert first == second


# ----------------------------------------------------------------------------- passes


def test_terms_are_the_compounds_the_text_repeats() -> None:
    text = (
        "推动成渝地区双城经济圈建设。成渝地区双城经济圈国土空间规划获批。"
        "提升成渝地区双城经济圈发展能级。我们加强区域协作。\n"
    )
    seg = segmenter()
    for form in (text, to_traditional(text)):
        sentences = [seg.cut(s) for s in form.split("。") if s.strip()]
        found = repeated_terms(sentences, weight=seg.keyword_weight, is_word=seg.is_word)
        # the Traditional form is cut by jieba's Simplified dictionary: it may see less,
        # but never a piece of the term without the rest
        assert all("双城" not in t or "经济圈" in t for t in found)
    deck_answers = [c.answer for c in clozes(text)]
    assert "成渝地区双城经济圈" in deck_answers
    assert deck_answers.count("成渝地区双城经济圈") == 1  # blanked once, where first said


def test_a_term_may_end_in_the_one_character_head_jieba_cuts_off() -> None:
    # jieba cuts 粤港澳|大湾|区: the 区 ends the name of the place, as 市, 港, 线 do
    text = (
        "推进粤港澳大湾区建设。粤港澳大湾区国际科技创新中心加快建设。"
        "深化粤港澳大湾区规则衔接。我们加强区域协作。\n"
    )
    for form in (text, to_traditional(text)):
        answers = [to_simplified(c.answer) for c in clozes(form) if "term" in c.tags]
        assert "粤港澳大湾区" in answers, answers


@pytest.mark.parametrize("convert", [to_simplified, to_traditional])
def test_a_term_never_ends_in_the_verb_that_issues_a_title(convert: Callable[[str], str]) -> None:
    """Said three times, always straight before a 《title》: 市政府办公室印发 is who issued
    what, not a concept (jieba may tag 印发 a noun)."""
    text = convert(
        "3月1日，市政府办公室印发《关于促进消费的若干措施》，提出十条举措。"
        "6月5日，市政府办公室印发《关于稳定就业的实施意见》，明确补贴标准。"
        "9月9日，市委办公室、市政府办公室印发《优化营商环境行动方案》。\n"
    )
    seg = segmenter()
    sentences = [seg.cut(s) for s in text.split("。") if s.strip()]
    found = repeated_terms(sentences, weight=seg.keyword_weight, is_word=seg.is_word)
    assert not any(term.endswith(convert("印发")) for term in found), found
    assert not any(c.answer.endswith(convert("印发")) for c in clozes(text))


def test_a_term_is_asked_where_its_sentence_has_room_for_it() -> None:
    # the first sentence is full of quotations (four blanks, as many as a sentence
    # asks): the term goes to where the text says it next
    text = (
        "展示了“喜洋洋”“乐融融”“暖洋洋”“笑盈盈”的成渝地区双城经济圈气象。"
        "成渝地区双城经济圈建设扎实推进。提升成渝地区双城经济圈发展能级。"
        "成渝地区双城经济圈国土空间规划获批。\n"
    )
    for form in (text, to_traditional(text)):
        terms = [c for c in clozes(form) if "term" in c.tags]
        assert [to_simplified(c.answer) for c in terms] == ["成渝地区双城经济圈"]
        assert to_simplified(terms[0].after) == "建设扎实推进。"


PLAN = (
    "第一章　建设国际科技创新中心\n"
    "本地区具备建设国际科技创新中心的良好基础。\n"
    "瞄准世界科技前沿，建成全球影响力的国际科技创新中心。\n"
    "第二章　加强组织领导\n"
    "各地要切实加强组织领导，落实工作责任。\n"
)


def test_what_a_heading_sets_out_to_build_is_asked_where_the_body_says_it() -> None:
    for form in (PLAN, to_traditional(PLAN)):
        cards = clozes(form)
        named = [c for c in cards if to_simplified(c.answer) == "国际科技创新中心"]
        assert len(named) == 1, [c.text for c in cards]
        assert "term" in named[0].tags and "heading" not in named[0].tags
        assert to_simplified(named[0].before) == "本地区具备建设"  # in the body, where first said
        # 组织领导 is any plan's, said once in the body: no card
        assert not any(to_simplified(c.answer) == "组织领导" for c in cards)


def test_a_term_is_never_a_verb_phrase() -> None:
    seg = segmenter()
    sentences = [seg.cut("我们表示衷心感谢。")] * 4
    assert repeated_terms(sentences, weight=seg.keyword_weight, is_word=seg.is_word) == {}


STANDING = (
    "我们要加快构建新发展格局，推动高质量发展。新发展格局的关键在于经济循环畅通。"
    "以国内大循环为主体的新发展格局正在形成。服务和融入新发展格局取得新成效。"
    "各地区积极支持香港发展。国家支持香港融入大局。我们继续支持香港经济。"
    "中央政府全力支持香港抗疫。\n"
)


def test_a_concept_said_often_in_varied_company_is_a_term_though_an_adjective_opens_it() -> None:
    # 新|发展|格局 opens with an adjective, so no noun run; said four times, each time
    # between other words, it is a concept of the text (in either script)
    for form in (STANDING, to_traditional(STANDING)):
        answers = [c.answer for c in clozes(form)]
        assert any(to_simplified(a) == "新发展格局" for a in answers), answers


def test_a_verb_with_its_object_is_no_concept_however_often_said() -> None:
    seg = segmenter()
    sentences = [seg.cut(s) for s in STANDING.split("。") if s.strip()]
    found = repeated_terms(
        sentences,
        weight=seg.keyword_weight,
        is_word=seg.is_word,
        kind=seg.keyword_kind,
        describes=seg.is_attributive,
    )
    assert "新发展格局" in found
    assert not any(term.startswith("支持") for term in found)  # 支持|香港: a clause


def test_an_everyday_word_ranks_below_a_specific_one_whatever_marked_it() -> None:
    seg = segmenter()

    def marked(answer: str) -> int:
        return importance(
            Evidence(
                rule="marked",
                answer=answer,
                repeats=6,
                idf=seg.keyword_weight(answer),
                dictionary_word=seg.is_word(answer),
            )
        )

    assert marked("道路") < marked("御史大夫")
    assert marked("促进") < marked("推恩令")
    # a quotation's own marking is the point: an everyday word quoted keeps its rank
    quoted = Evidence(
        rule="quote", answer="道路", idf=seg.keyword_weight("道路"), dictionary_word=True
    )
    assert importance(quoted) >= importance(Evidence(rule="quote", answer="道路"))


def test_an_answer_asked_in_many_sentences_is_asked_where_it_matters_most() -> None:
    text = (
        "一、对外开放\n推动高质量共建“一带一路”走深走实。"
        "成功举办第三届“一带一路”国际合作高峰论坛等重大主场外交活动。"
        "抓好支持高质量共建“一带一路”八项行动的落实落地，与共建国家贸易投资较快增长。\n"
    )
    cards = [c for c in clozes(text) if c.answer == "一带一路"]
    all_cards = [c for c in clozes(text, density=None) if c.answer == "一带一路"]
    assert len(all_cards) >= 2
    scores = sorted((c.importance or 0 for c in all_cards), reverse=True)
    assert scores[0] > scores[1]  # the second asking lost its floor and its points
    assert cards


def test_halves_of_compounds_make_no_set_but_acts_on_formulas_do() -> None:
    plain = "不断将党的政治领导力、思想引领力、群众组织力、社会号召力转化为发展优势。\n"
    quoted = "捍卫“两个确立”、增强“四个意识”、坚定“四个自信”、做到“两个维护”。\n"
    for form in (plain, to_traditional(plain)):
        deck, _ = build_deck(form, name="t")
        assert not [c for c in deck if isinstance(c, MatchCard)]
    for form in (quoted, to_traditional(quoted)):
        deck, _ = build_deck(form, name="t")
        sets = [c for c in deck if isinstance(c, MatchCard)]
        assert sets and len(sets[0].pairs) == 4


def test_a_repeated_speaker_is_no_term() -> None:
    """习近平总书记指出 / 强调 again and again: who said it is no thing to learn."""
    text = (
        "习近平总书记指出，严密的组织体系是马克思主义政党的优势所在。"
        "习近平总书记强调，要处理好党建和业务的关系。"
        "习近平总书记指出，基层是一切工作的落脚点。\n"
    )
    for form in (text, to_traditional(text)):
        answers = [c.answer for c in clozes(form, density=None)]
        assert not any(answer.startswith(("习近平", "習近平")) for answer in answers), answers


def test_the_keyword_fallback_fills_at_most_its_share_of_a_deck() -> None:
    def long_card(n: int, tag: str) -> ClozeCard:
        text = f"这是一个足够长的句子用来测试关键词的份额{n}{{{{c1::乙{n}}}}}。"
        return ClozeCard(id=f"{n:012d}", text=text, tags=(tag,))

    scored = [Scored(i, long_card(i, "keyword"), 50) for i in range(10)]
    scored += [Scored(10 + i, _card(10 + i, "lead"), 30) for i in range(4)]
    picked = cap(scored, chars=1000, density=8, short_text=1000, fallback_share=0.2)
    keywords = [s for s in picked.kept if s.card.tags == ("keyword",)]
    assert len(picked.kept) == 5 and len(keywords) == 1  # 4 leads and 1 keyword: 20%
    assert [why for _s, why in picked.left_out].count(
        "keyword fallback full (20% of the deck)"
    ) == 9
    # by default a twentieth: 4 leads leave no room for a keyword card
    picked = cap(scored, chars=1000, density=8, short_text=1000)
    assert FALLBACK_SHARE == 0.05
    assert [s.card.tags for s in picked.kept] == [("lead",)] * 4


BYLINE_REPORT = (
    "2026年某省政府工作报告\n"
    "——2026年1月28日在某省第六届人民代表大会第四次会议上\n"
    "某省人民政府省长 孟凡利\n"
    "各位代表：\n"
    "现在，我代表省人民政府向大会报告工作，请予审议。\n"
    "一年来，全省上下牢记总书记殷殷嘱托，推动经济持续回升向好。\n"
    "财政厅厅长陈茂波介绍，全年财政收入稳步增长，民生支出占比超过七成。\n"
)


def test_the_speaker_of_a_report_is_asked_and_kept_whatever_the_cap() -> None:
    for form in (BYLINE_REPORT, to_traditional(BYLINE_REPORT)):
        cards = clozes(form)
        persons = {to_simplified(c.answer): c for c in cards if "person" in c.tags}
        assert set(persons) == {"孟凡利", "陈茂波"}, [c.answer for c in cards]
        # 总书记殷殷嘱托: a title before a common word names nobody
        assert not any(to_simplified(c.answer).startswith("殷殷") for c in cards)
    # the byline is in the floor: a deck capped to nothing else still asks it
    capped = [c.answer for c in clozes(BYLINE_REPORT, density=0.1)]
    assert "孟凡利" in capped


def test_a_title_before_a_name_in_history_notes() -> None:
    text = "秦始皇派大将蒙恬北击匈奴，修筑长城。东汉时，宦官蔡伦改进造纸术。\n"
    for form in (text, to_traditional(text)):
        answers = {to_simplified(c.answer) for c in clozes(form) if "person" in c.tags}
        assert {"蒙恬", "蔡伦"} <= answers


def test_a_quoted_list_too_long_for_one_blank_is_asked_item_by_item() -> None:
    text = "为落实“东进、西协、南联、北拓、中优”发展战略，全市统筹推进重点片区规划建设。\n"
    for form in (text, to_traditional(text)):
        cards = clozes(form)
        slogans = {to_simplified(c.answer) for c in cards if "slogan" in c.tags}
        assert slogans and slogans <= {"东进", "西协", "南联", "北拓", "中优"}, slogans
    short = "坚持“简约、安全、精彩”的办赛要求，精心筹办全运会。\n"
    assert "简约、安全、精彩" in [c.answer for c in clozes(short)]  # one blank holds it


def test_a_quoted_name_longer_than_a_word_is_one_card() -> None:
    text = "全省深入实施“百县千镇万村高质量发展工程”，县域经济实力明显增强。\n"
    for form in (text, to_traditional(text)):
        answers = [to_simplified(c.answer) for c in clozes(form)]
        assert "百县千镇万村高质量发展工程" in answers, answers


def test_a_quoted_everyday_word_is_ranked_not_kept_whatever_the_budget() -> None:
    text = (
        "打造对外开放的“窗口”，擦亮生态品牌。全面实施“河长制”，河湖专项治理成效显著。\n"
        "推动“放管服”改革走深走实，营商环境持续优化。\n"
    )
    _deck, report = build_deck(text * 100, name="t")  # a long text: its density binds
    assert report.selection is not None
    standing = {s.card.answer: s.standing for s in report.selection.kept}  # type: ignore[union-attr]
    assert standing["河长制"] == standing["放管服"] == FLOOR
    assert standing["窗口"] == ""  # kept by the budget, not by the floor
    # a short text keeps it in the floor: its budget is the floor and half as much again
    _deck, report = build_deck(text, name="t")
    assert {s.card.answer: s.standing for s in report.selection.kept}["窗口"] == FLOOR  # type: ignore[union-attr]


PARALLEL_LEADS = (
    "以史为鉴、开创未来，必须坚持和发展中国特色社会主义。走自己的路，是党的全部理论和实践立足点。\n"
    "以史为鉴、开创未来，必须不断推动构建人类命运共同体。和平、发展、公平、正义是全人类共同价值。\n"
    "以史为鉴、开创未来，必须加快国防和军队现代化。强国必须强军，军强才能国安。\n"
)


def test_a_lead_answer_takes_its_noun_phrase_whole_and_never_opens_on_a_link() -> None:
    for form in (PARALLEL_LEADS, to_traditional(PARALLEL_LEADS)):
        leads = [to_simplified(c.answer) for c in clozes(form) if "lead" in c.tags]
        assert "中国特色社会主义" in leads and "人类命运共同体" in leads, leads
        assert not any(a[0] in "和的而与" for a in leads), leads  # 和|军队现代化


def test_a_keyword_never_cuts_a_pair_the_text_says_again() -> None:
    text = (
        "强化农业发展支持政策，有力开展抗灾夺丰收，实施新一轮千亿斤粮食产能提升行动，乡村振兴扎实推进。\n"
        "坚持不懈抓好三农工作，扎实推进乡村振兴，学习运用先进经验，因地制宜、分类施策。\n"
        "全面推进乡村振兴，加快建设农业强国，促进农民增收致富，守牢耕地保护红线。\n"
    )
    for form in (text, to_traditional(text)):
        keywords = [
            to_simplified(c.answer) for c in clozes(form, density=None) if "keyword" in c.tags
        ]
        assert "乡村" not in keywords, keywords  # 乡村|振兴: said three times


def test_a_list_item_of_everyday_words_ranks_below_a_specific_one() -> None:
    seg = segmenter()

    def listed(answer: str) -> int:
        return importance(
            Evidence(
                rule="list",
                answer=answer,
                part_idfs=tuple(seg.keyword_weight(w) for w in seg.cut(answer)),
            )
        )

    assert listed("重点领域") < listed("锻造新板")


def test_a_scheme_named_once_is_a_name_card_without_the_verb_before_it() -> None:
    text = (
        "改善综援计划，包括将每月最高豁免计算入息的金额提高至四千元。\n"
        "加快建设粤港澳深度合作示范区，更好发挥港珠澳大桥作用，推进基础设施互联互通。\n"
        "各地广泛开展绿色生活行动，倡导简约适度的生活方式。\n"
    )
    for form in (text, to_traditional(text)):
        named = {to_simplified(c.answer) for c in clozes(form, density=None) if "name" in c.tags}
        assert {"综援计划", "粤港澳深度合作示范区", "港珠澳大桥"} <= named, named
        assert not any(a.startswith(("建设", "广泛", "充分")) for a in named), named


def test_a_series_counted_by_ordinals_is_asked_as_formulas() -> None:
    text = (
        "我们实现了第一个百年奋斗目标，在中华大地上全面建成了小康社会。\n"
        "全党正意气风发向着全面建成社会主义现代化强国的第二个百年奋斗目标迈进。\n"
    )
    for form in (text, to_traditional(text)):
        formulas = {to_simplified(c.answer) for c in clozes(form) if "formula" in c.tags}
        assert {"第一个百年奋斗目标", "第二个百年奋斗目标"} <= formulas, formulas


def test_a_concept_said_everywhere_is_asked_though_its_words_are_common() -> None:
    # 政务|新|媒体: no rare word, but said in every sentence, in varied company, and
    # asked where no longer term (政务新媒体矩阵) is
    text = (
        "政务新媒体是党和政府联系群众的重要渠道。各地区积极运用政务新媒体推进政务公开。"
        "要建成以中国政府网为龙头的政务新媒体矩阵体系。政务新媒体主办单位负责内容发布。"
        "规范政务新媒体的开设和关停。\n"
    )
    for form in (text, to_traditional(text)):
        answers = [to_simplified(c.answer) for c in clozes(form, density=None)]
        assert "政务新媒体" in answers, answers


def test_a_list_item_that_says_what_is_done_is_no_answer() -> None:
    text = (
        "充分发挥行业协会在制定技术标准、规范行业秩序、开拓国际市场、应对贸易摩擦等方面的积极作用。\n"
        "推动形成布局合理、功能完善、衔接顺畅、运作高效的基础设施网络。\n"
    )
    for form in (text, to_traditional(text)):
        lists = {to_simplified(c.answer) for c in clozes(form, density=None) if "list" in c.tags}
        assert not lists & {"应对贸易摩擦", "运作高效"}, lists  # (布局合理: one jieba noun)


def test_a_name_that_goes_on_by_one_character_is_no_answer() -> None:
    text = "建设世界级机场群，巩固提升香港国际航空枢纽地位，强化航空管理培训中心功能。\n"
    for form in (text, to_traditional(text)):
        named = {to_simplified(c.answer) for c in clozes(form, density=None) if "name" in c.tags}
        assert "世界级机场" not in named, named


def test_a_keyword_is_never_an_adverb_with_its_verb() -> None:
    text = "积极参与应对气候变化全球治理，推动构建公平合理、合作共赢的全球气候治理体系。\n"
    for form in (text, to_traditional(text)):
        answers = {to_simplified(c.answer) for c in clozes(form, density=None)}
        assert "积极参与" not in answers, answers


def test_a_long_texts_list_item_of_common_nouns_is_general_language() -> None:
    sentence = "加强重点领域、新兴领域、涉外领域立法，统筹推进国内法治和涉外法治。\n"
    filler = "全面推进乡村振兴，加快建设农业强国，扎实推动乡村产业、人才、文化、生态、组织振兴。\n"
    long_text = sentence + filler * 120  # over 5,000 characters
    for form in (long_text, to_traditional(long_text)):
        _deck, report = build_deck(form, name="t")
        assert report.selection is not None
        general = {
            to_simplified(s.card.answer)  # type: ignore[union-attr]
            for s, why in report.selection.left_out
            if why == "a word of general language"
        }
        assert "重点领域" in general, general
    # in a short text the same item is a card
    assert "重点领域" in [c.answer for c in clozes(sentence)]


def test_the_texts_topic_word_makes_no_compound_a_term_but_the_topic_itself() -> None:
    # 粤港澳 is rare in the language, but a plan for 粤港澳大湾区 says it everywhere:
    # 粤港澳|科技 is its everyday phrase, 粤港澳大湾区 its topic
    body = (
        "充分发挥粤港澳科技研发优势，推进粤港澳大湾区建设。深化粤港澳合作，支持粤港澳科技创新。"
        "粤港澳大湾区要加强粤港澳科技交流，粤港澳三地共同推进粤港澳大湾区规划实施。\n"
    )
    seg = segmenter()
    text = body * 6  # the passes read the Simplified mirror of either script
    sentences = [seg.cut(s) for s in text.split("。") if s.strip()]
    found = repeated_terms(sentences, weight=seg.keyword_weight, is_word=seg.is_word)
    # (jieba cuts 粤港澳|大湾|区 here: the topic is found however far it is cut)
    assert any(t.startswith("粤港澳大湾") for t in found), found
    assert "粤港澳科技" not in found, found
    for form in (text, to_traditional(text)):
        answers = {to_simplified(c.answer) for c in clozes(form, density=None) if "term" in c.tags}
        assert "粤港澳科技" not in answers, answers


def test_a_linking_character_inside_a_word_opens_a_lead_answer() -> None:
    # 对 links words when it stands alone (对|党忠诚), not inside 对标: 对标找差距 is the point
    text = (
        "一次对标找差距。针对基层部门存在的治理瓶颈开展头脑风暴，与先进企业进行对标。\n"
        "一次党课定措施。加强对提升方向和指标要求的宣传贯彻，明确工作重点。\n"
        "一次研讨查不足。在过程中适时开展回头看，查找差距和不足。\n"
    )
    for form in (text, to_traditional(text)):
        leads = {to_simplified(c.answer) for c in clozes(form, density=None) if "lead" in c.tags}
        assert "对标找差距" in leads, leads


def test_a_list_item_loses_the_words_it_shares_only_when_a_short_part_is_left() -> None:
    # 政治|判断力: the shared 政治 stays in the sentence; 文明|交流超越文明隔阂 would be a
    # clause cut from its subject: the item is asked whole
    short = "不断提高政治判断力、政治领悟力、政治执行力，确保党中央权威。\n"
    long = "以文明交流超越文明隔阂、文明互鉴超越文明冲突、文明共存超越文明优越。\n"
    for form in (short, to_traditional(short)):
        answers = {to_simplified(c.answer) for c in clozes(form, density=None) if "list" in c.tags}
        assert "判断力" in answers, answers
    for form in (long, to_traditional(long)):
        answers = {to_simplified(c.answer) for c in clozes(form, density=None) if "list" in c.tags}
        assert "交流超越文明隔阂" not in answers, answers
        assert answers <= {"文明交流超越文明隔阂", "文明共存超越文明优越"}, answers
