"""The generator on unseen kinds of text (fixtures written for these tests): a regional
government report with page chrome, Traditional news, encyclopedic Markdown, an HTML
learner page with pinyin glosses, English notes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quiz.deck import ClozeCard, Deck, MatchCard
from quiz.generate.pipeline import generate_deck
from quiz.text.phrases import is_filler, is_number
from quiz.text.script import detect_script, to_simplified

FIXTURES = Path(__file__).parent / "fixtures"
JUNK = re.compile(
    r"首页|打印|分享|网站地图|版权所有|上一篇|字体|Log in|Privacy|Share|列印|轉寄|相關新聞"
    r"|\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]+\)|<|>|&[a-z]+;"
)


@pytest.fixture(scope="module")
def decks() -> dict[str, Deck]:
    return {path.name: generate_deck(path)[0] for path in sorted(FIXTURES.iterdir())}


def clozes(deck: Deck) -> list[ClozeCard]:
    return [c for c in deck if isinstance(c, ClozeCard)]


@pytest.mark.parametrize(
    ("name", "least"),
    [
        ("report_regional.txt", 15),
        ("news_traditional.txt", 5),
        ("encyclopedia.md", 6),
        ("learner.html", 4),
        ("notes_english.txt", 4),
    ],
)
def test_every_text_gives_clean_cards(decks: dict[str, Deck], name: str, least: int) -> None:
    deck = decks[name]
    assert len(clozes(deck)) >= least
    for card in clozes(deck):
        assert not JUNK.search(card.text), card.text
        assert card.sentence.count(card.answer) == 1
        simplified = to_simplified(card.answer)
        assert not is_filler(simplified)
        # a quoted plan name of numerals (“十四五”) is a name, not a number
        assert (
            not is_number(simplified)
            or "figure" in card.tags  # a figure with its unit: 6.2%, 3.2万亩
            or ("quote" in card.tags and not re.search(r"\d", simplified))
        )
        # a figure has no pinyin hint: its reading would spell the answer out
        if re.search("[\u4e00-\u9fff]", card.answer) and "figure" not in card.tags:
            assert card.hint
    for card in deck:
        if isinstance(card, MatchCard):
            assert 3 <= len(card.pairs) <= 6
            assert not any(JUNK.search(a + b) for a, b in card.pairs)


def test_titles(decks: dict[str, Deck]) -> None:
    assert decks["report_regional.txt"].title == "2025年清河县人民政府工作报告"
    assert decks["encyclopedia.md"].title == "大运河"
    assert decks["news_traditional.txt"].title.startswith("臺北科技大學")
    assert decks["notes_english.txt"].title == "Notes on Learning and Memory"


def test_report_headings_pair_and_parallel_titles_are_blanked(decks: dict[str, Deck]) -> None:
    deck = decks["report_regional.txt"]
    halves, headings = [c for c in deck if isinstance(c, MatchCard) and "heading" in c.tags]
    assert headings.pairs[0] == ("坚持项目为王", "增强发展后劲")
    # run-in headings without subtitles, one length: their halves
    assert halves.pairs[0] == ("产业发展", "提质增效")
    answers = {c.answer for c in clozes(deck)}
    assert {"项目为王", "城乡融合", "人民至上", "链长制", "一网通办", "一老一小"} <= answers
    sections = {c.section for c in clozes(deck)}
    assert "（二）城乡面貌持续改善" in sections


def test_traditional_news_stays_traditional(decks: dict[str, Deck]) -> None:
    deck = decks["news_traditional.txt"]
    assert detect_script("".join(c.text for c in deck)) == "traditional"
    answers = {c.answer: c for c in clozes(deck)}
    assert "鈉離子" in answers and answers["鈉離子"].accept == ("钠离子",)
    assert "先進能源材料" in answers and "title" in answers["先進能源材料"].tags


def test_learner_page_loses_its_glosses(decks: dict[str, Deck]) -> None:
    deck = decks["learner.html"]
    assert all("(" not in c.text for c in clozes(deck))
    assert any(c.answer == "团圆" for c in clozes(deck))


def test_english_notes(decks: dict[str, Deck]) -> None:
    answers = {c.answer.casefold() for c in clozes(decks["notes_english.txt"])}
    assert {"forgetting curve", "spaced repetition", "leitner system"} <= answers


def test_no_answer_cuts_a_name_jieba_split(decks: dict[str, Deck]) -> None:
    answers = {c.answer for c in clozes(decks["encyclopedia.md"])}
    assert "吴王夫" not in answers  # jieba cuts 吴王夫|差; 夫差 is the king's name
