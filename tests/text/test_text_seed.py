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
