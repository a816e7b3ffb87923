"""The generator's shortcuts (quick tests, one-scan lookups, memos): each gives what the
long way gives, only sooner. Both scripts where the text matters."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from quiz.generate import parallel, terms
from quiz.generate.chinese import ChineseCards
from quiz.generate.structure import layout
from quiz.text.script import to_traditional

Convert = Callable[[str], str]
SCRIPTS = pytest.mark.parametrize(
    "convert", [str, to_traditional], ids=["simplified", "traditional"]
)


def finder(text: str) -> ChineseCards:
    return ChineseCards(text, text, layout(text), "simplified")


@SCRIPTS
def test_first_said_gives_each_sentence_that_says_a_phrase_whole(convert: Convert) -> None:
    text = convert(
        "我们要加快发展新质生产力。各地培育新质生产力，壮大新质生产力。\n没有说到新质\n生产力。\n"
    )
    cards = finder(text)
    found = list(cards.first_said(convert("新质生产力")))
    by_scan = [
        (index, at)
        for index, sentence in enumerate(cards.sentences)
        if (at := text[sentence.start : sentence.end].find(convert("新质生产力"))) >= 0
    ]
    assert found == by_scan == [(0, 7), (1, 4)]  # once per sentence, never across a break


@SCRIPTS
def test_may_hold_run_keeps_every_clause_parallel_runs_finds_a_run_in(convert: Convert) -> None:
    for region in ("政治关、法律关、政策关", "严把政治关、法律关", "坚持稳中求进、以进促稳"):
        assert parallel._may_hold_run(convert(region))
    for region in ("严把政治关", "推进高质量发展的，", "、", ""):
        assert not parallel._may_hold_run(convert(region))


def test_word_table_reads_words_only_between_boundaries() -> None:
    table = parallel._WordTable(["严把", "政治", "关", "、", "法律", "关"])
    assert 2 in table and 5 in table and 3 not in table
    assert table.words(2, 5) == ["政治", "关"]
    assert table.words(3, 5) == [] and table.words(2, 3) == []


def test_memoised_asks_once_per_word() -> None:
    asked: list[str] = []

    def test(word: str) -> bool:
        asked.append(word)
        return word.startswith("新")

    remembered = terms._memoised(test)
    assert [remembered(w) for w in ("新", "新", "旧", "新")] == [True, True, False, True]
    assert asked == ["新", "旧"]
