"""Learner word lists (你好 (nǐ hǎo) — hello) become matching sets of word and meaning."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.deck import MatchCard
from quiz.generate.pipeline import build_deck, generate_deck
from quiz.generate.vocabulary import vocabulary_runs
from quiz.text.script import to_traditional

LESSON = """第一课 问候
一、生词
你好 (nǐ hǎo) — hello
谢谢 (xiè xie) — thank you
再见 (zài jiàn) — goodbye
朋友 (péng you) — friend
二、课文
我的朋友是老师，她每天早上都很早到学校，和学生们一起读书。
"""


@pytest.mark.parametrize(
    ("text", "words", "section"),
    [
        (LESSON, ["你好", "谢谢", "再见", "朋友"], "一、生词"),
        (to_traditional(LESSON), ["你好", "謝謝", "再見", "朋友"], "一、生詞"),
    ],
    ids=["simplified", "traditional"],
)
def test_a_word_list_makes_a_set_of_words_and_meanings(
    tmp_path: Path, text: str, words: list[str], section: str
) -> None:
    source = tmp_path / "lesson.txt"
    source.write_text(text, encoding="utf-8")
    deck, _report = generate_deck(source)  # the pinyin glosses are cleaned away first
    (card,) = [c for c in deck if isinstance(c, MatchCard) and "vocabulary" in c.tags]
    assert card.pairs == tuple(zip(words, ["hello", "thank you", "goodbye", "friend"], strict=True))
    assert card.section == section and card.line == 3


def test_entries_may_be_numbered_and_use_a_colon() -> None:
    text = "1. 学生：student\n2. 老師：teacher\n3. 學校：school.\n"
    (run,) = vocabulary_runs(text)
    assert [(text[s.left[0] : s.left[1]], text[s.right[0] : s.right[1]]) for s in run] == [
        ("学生", "student"),
        ("老師", "teacher"),
        ("學校", "school"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "你好 — hello\n谢谢 — thank you\n",  # two entries are no set
        "你好 — hello\n今天天气很好，我们一起去公园散步吧。\n谢谢 — thank you\n再见 — bye\n",
        "你好 — 您好\n谢谢 — 多谢\n再见 — 回见\n",  # no gloss in Latin letters
        "你好 — hello\n謝謝 — thank you\n今天天氣很好，我們一起去公園散步吧。\n",
    ],
)
def test_no_set_without_a_run_of_three_glossed_lines(text: str) -> None:
    assert vocabulary_runs(text) == []
    deck, _report = build_deck(text, name="t")
    assert not [c for c in deck if isinstance(c, MatchCard) and "vocabulary" in c.tags]


def test_a_word_table_with_pinyin_and_part_of_speech_makes_a_set() -> None:
    """A learner page's table rows: word, pinyin, n./v./adj. and the meaning."""
    rows = (
        "词语 拼音 词性 词义\n"
        "上班 shàng bān v. to work, to do a job\n"
        "身体 shēntǐ n. body, health\n"
        "报纸 bàozhǐ n. newspaper\n"
        "迟到 chídào v. to be late\n"
    )
    for form in (rows, to_traditional(rows)):
        deck, _report = build_deck(form, name="t")
        sets = [c for c in deck if isinstance(c, MatchCard) and "vocabulary" in c.tags]
        assert sets, form
        meanings = {right for card in sets for _left, right in card.pairs}
        assert {"body, health", "to be late", "newspaper"} <= meanings


@pytest.mark.parametrize(
    "form", [LESSON, to_traditional(LESSON)], ids=["simplified", "traditional"]
)
def test_a_word_of_the_list_blanked_in_the_lesson_is_a_vocabulary_card(
    tmp_path: Path, form: str
) -> None:
    # 朋友 is in the lesson's word list: its blank in the lesson text drills the list, it is
    # no keyword fallback (which a long text caps at a fifth of the deck)
    from quiz.deck import ClozeCard
    from quiz.text.script import to_simplified

    source = tmp_path / "lesson.txt"
    source.write_text(form + "他是我的好朋友。\n", encoding="utf-8")
    deck, _report = generate_deck(source)
    tags = {to_simplified(c.answer): c.tags for c in deck if isinstance(c, ClozeCard)}
    assert tags.get("朋友") == ("vocabulary",), tags
    assert all(t != ("vocabulary",) for a, t in tags.items() if a != "朋友")


def test_a_usage_note_before_a_long_meaning_is_left_out() -> None:
    rows = (
        "上班 shàng bān v. to work, to do a job\n"
        "对 duì prep. (used before a noun or pronoun) to, for\n"
        "身体 shēntǐ n. body, health\n"
    )
    (run,) = vocabulary_runs(rows)
    assert [rows[s.right[0] : s.right[1]] for s in run] == [
        "to work, to do a job",
        "to, for",
        "body, health",
    ]


LEARNER = (
    "A：今天 是 你 去 新 公司 上 班 的 日子。\n"
    "B：我 不 想 喝 牛奶，我 要 喝 咖啡。\n"
    "A：给 大家 介绍 一下，这 是 大卫。\n"
    "“要” is a modal verb which means “to want to”.\n"
    "词语 拼音 词性 词义\n"
    "上班 shàng bān v. to work, to do a job\n"
    "牛奶 niúnǎi n. milk\n"
    "咖啡 kāfēi n. coffee\n"
    "大家 dàjiā pron. all, everybody\n"
)


@pytest.mark.parametrize("convert", [str, to_traditional], ids=["simplified", "traditional"])
def test_table_words_are_blanked_in_their_lesson_and_never_in_the_table(
    convert: Callable[[str], str],
) -> None:
    deck, _report = build_deck(convert(LEARNER), name="t")
    clozes = [c for c in deck if not isinstance(c, MatchCard)]
    words = {c.answer: c for c in clozes if "vocabulary" in c.tags}
    # a lesson that writes its words apart (上 班) is read with the spaces; 大家 is no filler
    assert {"上 班", convert("牛奶"), "咖啡", "大家"} <= set(words)
    assert words["上 班"].text.startswith("A：今天 是 你 去 新 公司 {{c1::上 班}}")
    assert all(c.line <= 4 for c in clozes)  # the table's own lines hold no cloze card
    defined = [c for c in clozes if "defined" in c.tags]
    assert [c.answer for c in defined] == ["modal verb"]
