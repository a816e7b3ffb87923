"""End to end on the sample seed: read, clean, and nothing of the scraping damage left."""

from __future__ import annotations

import re
from pathlib import Path

from quiz.text.clean import clean
from quiz.text.read import read_source

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_e348ded4e9286363.txt"


def test_seed_cleans_to_plain_traditional_prose() -> None:
    source = read_source(SEED)
    assert source.encoding == "utf-8"
    assert source.kind == "txt"

    cleaned = clean(source.text)

    assert cleaned.text.count("\n") == source.text.count("\n")
    counts = cleaned.report.counts()
    assert counts["pinyin"] == 433
    assert counts["spam"] == 1
    assert counts["garbled-repaired"] == 2
    assert counts["garbled-dropped"] == 1
    assert counts["chrome"] >= 6
    text = cleaned.text
    assert not re.search(r"[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]", text)
    assert not re.search(r"[\ue000-\uf8ff\ufffd?]|/p>|&\w+;|<", text)
    assert not re.search(r"\d\d:\d\d/\d\d:\d\d|打印|糾錯|掃一掃|手機版|\|", text)
    assert "力量所在。基層黨組織作為黨的肌體" in text
    assert "基層治理是國家治理體系的重要組成部分" in text
    assert "條例（試行）" in text
    assert "抓基層打基礎 鍛造黨的堅強組織體系" in text
    assert "中國航天科工二院二〇六所黨委" in text
    assert "硬杠杠" not in text and "橛哺" not in text


def test_seed_report_names_every_kind_of_damage() -> None:
    report = clean(read_source(SEED).text).report
    assert report.format() == (
        "cleaned: 433 pinyin annotations, 7 chrome lines, 1 spam line, 1 HTML remnant, "
        "2 garbled spans repaired, 1 garbled sentence dropped, 132 punctuation marks"
    )
    verbose = report.format(verbose=True).split("\n")
    assert len(verbose) == len(report.changes) + 1
    assert "line 1: chrome: 手機版 -> (removed)" in verbose
    assert "line 17: garbled-repaired: ?;鶎狱h -> 。基層黨" in verbose
    assert "line 15: chrome: 來源:《黨建研究》2022年第4期 -> (removed)" in verbose
    dropped = [c for c in report.changes if c.kind == "garbled-dropped"]
    assert [c.line for c in dropped] == [27]


def test_seed_cleaning_is_a_fixed_point() -> None:
    once = clean(read_source(SEED).text).text
    again = clean(once)
    assert again.text == once
    assert again.report.changes == []
