"""Key-phrase extractors on small inline examples, in Simplified and Traditional."""

from __future__ import annotations

import pytest

from quiz.generate import keywords
from quiz.text import english, phrases
from quiz.text.phrases import Segmenter, Span


def texts(text: str, spans: list[Span]) -> list[tuple[str, str]]:
    return [(span.of(text), span.rule) for span in spans]


@pytest.fixture(scope="module")
def seg() -> Segmenter:
    from quiz.generate.pipeline import segmenter

    return segmenter()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "认真落实“三会一课”、主题党日，抓住科技创新“牛鼻子”。",
            [("三会一课", "formula"), ("牛鼻子", "quote")],
        ),
        (
            "認真落實「三會一課」、主題黨日，抓住科技創新『牛鼻子』。",
            [("三會一課", "formula"), ("牛鼻子", "quote")],
        ),
        ("组织是“形”，思想是“魂”。", []),  # one character: not an answer
        ("他说“这是一句很长很长的话，不能整句作为答案”。", []),
        ('暢通"揭榜掛帥"項目立項渠道', [("揭榜掛帥", "quote")]),
    ],
)
def test_quoted_terms(text: str, expected: list[tuple[str, str]]) -> None:
    assert texts(text, phrases.quoted_terms(text)) == expected


@pytest.mark.parametrize(
    ("formula", "expected"),
    [
        ("三会一课", True),
        ("兩個確立", True),
        ("五位一体", True),
        ("一岗双责", True),
        ("三年一次", False),  # a time span, not a formula
        ("组织生活", False),
    ],
)
def test_is_formula(formula: str, expected: bool) -> None:
    assert phrases.is_formula(formula) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("增强四个意识、坚定四个自信，做到两个维护。", ["四个意识", "四个自信", "两个维护"]),
        ("增強四個意識、堅定四個自信，做到兩個維護。", ["四個意識", "四個自信", "兩個維護"]),
        ("六个规定动作的基础上", []),  # 六个规定 would cut 规定动作
        ("捍卫“两个确立”", []),  # quoted: found by quoted_terms
    ],
)
def test_unquoted_formulas(text: str, expected: list[str]) -> None:
    assert [span.of(text) for span in phrases.formulas(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("印发《中国共产党支部工作条例（试行）》的通知", ["中国共产党支部工作条例（试行）"]),
        ("印發《中國共產黨支部工作條例（試行）》的通知", ["中國共產黨支部工作條例（試行）"]),
        ("见《》", []),
    ],
)
def test_titles(text: str, expected: list[str]) -> None:
    assert [span.of(text) for span in phrases.titles(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "不断将党的政治领导力、思想引领力、群众组织力、社会号召力转化成为核心竞争力。",
            ["政治领导力", "思想引领力", "群众组织力", "社会号召力"],
        ),
        (
            "不斷將黨的政治領導力、思想引領力、群眾組織力、社會號召力轉化成為核心競爭力。",
            ["政治領導力", "思想引領力", "群眾組織力", "社會號召力"],
        ),
        ("提供思想保证、政治保证和组织保证。", ["思想保证", "政治保证", "组织保证"]),
        ("資源共享、優勢互補。", []),  # two items are not an enumeration
        ("开展“不忘初心、重走长征路”活动", []),  # the 、 inside a quotation
        ("包括苹果、香蕉和一些别的水果", []),  # 一些别 is not the same shape
    ],
)
def test_enumerations(text: str, expected: list[str]) -> None:
    found = phrases.enumerations(text)
    assert [item for e in found for item in e.texts(text)] == expected


def test_parallel_groups_by_shape_and_shared_part() -> None:
    heads = ["坚持纵向到底", "进入新时代", "坚持横向到边", "坚持上下贯通", "组织是形"]
    assert phrases.parallel_groups(heads) == [[0, 2, 3]]
    traditional = ["督察全面化", "運行常態化", "業務標準化", "整改精準化"]
    assert phrases.parallel_groups(traditional) == [[0, 1, 2, 3]]
    assert phrases.parallel_groups(["甲乙丙", "丁戊己", "庚辛壬"]) == []  # nothing shared


def test_differing_runs() -> None:
    assert phrases.differing_runs(["一次对标找差距", "一次党课定措施"]) == [(2, 7)]
    assert phrases.differing_runs(["在内容上", "在方法上"]) == [(1, 3)]


@pytest.mark.parametrize(
    ("text", "number"),
    [("二〇二二年", True), ("30%", True), ("第四", True), ("四个意识", False), ("党建", False)],
)
def test_is_number(text: str, number: bool) -> None:
    assert phrases.is_number(text) is number


def test_filler_words_are_never_answers() -> None:
    for word in ("通过", "进行", "工作", "加强", "推动", "坚持"):
        assert phrases.is_filler(word)
    assert not phrases.is_filler("牛鼻子")


def test_registered_words_are_cut_whole_and_removed_afterwards(seg: Segmenter) -> None:
    text = "推动基层组织由建起来变强起来"
    assert "强起来" not in seg.cut(text)
    with seg.registered(["强起来", "建起来"]):
        assert {"强起来", "建起来"} <= set(seg.cut(text))
    assert seg.cut(text) == seg.cut(text)
    assert "强起来" not in seg.cut(text)


def test_a_registered_phrase_is_a_word_for_cutting_but_not_of_the_dictionary(
    seg: Segmenter,
) -> None:
    for phrase, known in (("强起来", "基层"), ("強起來", "民营企业")):
        assert not seg.in_dictionary(phrase) and seg.in_dictionary(known)
        with seg.registered([phrase, known]):
            assert seg.is_word(phrase)  # the blank is never cut
            assert not seg.in_dictionary(phrase)  # nor is it a word of the language
            assert seg.in_dictionary(known)
        assert not seg.in_dictionary(phrase)


def test_registration_restores_the_dictionary_exactly(seg: Segmenter) -> None:
    tokenizer = seg._tokenizer
    before = (dict(tokenizer.FREQ), tokenizer.total)
    with seg.registered(["揭榜挂帅", "原点创客", "党建", "x"]):
        pass
    assert (tokenizer.FREQ, tokenizer.total) == before


def test_keywords_prefer_rare_nouns_over_filler(seg: Segmenter) -> None:
    sentence = "通过加强工作推动红色基因传承"
    tokens = seg.cut(sentence)
    spans = keywords.keyword_spans(tokens, seg.keyword_weight, {}, limit=3)
    answers = [span.of(sentence) for span in spans]
    assert answers
    assert not any(phrases.is_filler(a) for a in answers)
    assert "红色基因" in answers or "基因" in answers


def test_keywords_in_traditional_run_on_the_mirror(seg: Segmenter) -> None:
    from quiz.text.script import to_simplified

    original = "積極推進黨建聯建共建，促進資源共享"
    mirror = to_simplified(original)
    spans = keywords.keyword_spans(seg.cut(mirror), seg.keyword_weight, {}, limit=2)
    assert spans
    for span in spans:  # the same offsets cut the original's whole word
        assert to_simplified(span.of(original)) == span.of(mirror)


def test_english_key_phrases_and_repeated_noun_phrases() -> None:
    sentences = [
        "The forgetting curve was described by Hermann Ebbinghaus in Berlin.",
        "Spaced repetition fights the forgetting curve.",
        "Active recall strengthens memory more than rereading.",
    ]
    doc = english.Document.of(sentences)
    assert doc.count("forgetting curve") == 2
    first = english.key_phrases(sentences[0], doc)
    assert [s.of(sentences[0]) for s in first] == [
        "forgetting curve",
        "Hermann Ebbinghaus",
        "Berlin",
    ]
    assert english.key_phrases("Tom went home.", doc) == []


@pytest.mark.parametrize(
    ("text", "formula", "items"),
    [
        (
            "认真落实“三会一课”（支部党员大会、支部委员会、党小组会和党课）制度。",
            "三会一课",
            ["支部党员大会", "支部委员会", "党小组会", "党课"],
        ),
        (
            "增強四個意識，即政治意識、大局意識、核心意識、看齊意識。",
            "四個意識",
            ["政治意識", "大局意識", "核心意識", "看齊意識"],
        ),
        (
            "堅持「兩個毫不動搖」：毫不動搖鞏固和發展公有制經濟，毫不動搖鼓勵非公有制經濟發展。",
            "兩個毫不動搖",
            ["毫不動搖鞏固和發展公有制經濟", "毫不動搖鼓勵非公有制經濟發展"],
        ),
        (  # the list ends with its clause, not at the end of the sentence
            "做到“两个维护”，即坚决维护核心地位、坚决维护集中统一领导，这是最高原则。",
            "两个维护",
            ["坚决维护核心地位", "坚决维护集中统一领导"],
        ),
        (
            "做到「兩個維護」，即堅決維護核心地位、堅決維護集中統一領導，這是最高原則。",
            "兩個維護",
            ["堅決維護核心地位", "堅決維護集中統一領導"],
        ),
    ],
)
def test_formula_expansions(text: str, formula: str, items: list[str]) -> None:
    ((span, found),) = phrases.formula_expansions(text)
    assert span.of(text) == formula
    assert [text[s:e] for s, e in found] == items


def test_an_expansion_must_match_the_count() -> None:
    assert phrases.formula_expansions("落实“三会一课”（支部党员大会）。") == []
    assert phrases.formula_expansions("落实“三会一课”、主题党日。") == []
