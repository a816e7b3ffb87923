"""Garbled GBK spans: proven repairs, dropped sentences, and text that is left alone."""

from __future__ import annotations

import pytest

from quiz.text.clean import clean
from quiz.text.garble import find_garbles, rare_share
from quiz.text.script import to_traditional


def lose_lead_byte(text: str, index: int, marker: bool) -> str:
    """``text`` as a scraper mangles it: the GB18030 lead byte of ``text[index]`` is lost
    (or, with ``marker``, replaced by ``?``) and the rest decoded out of step."""
    data = text.encode("gb18030")
    offset = len(text[:index].encode("gb18030"))
    damaged = data[:offset] + (b"?" if marker else b"") + data[offset + 1 :]
    return damaged.decode("gb18030", errors="replace").replace("\ufffd", "?")


SENTENCES = [
    "我们要坚持稳中求进工作总基调。全面深化改革开放，推动经济高质量发展。",
    "今年政府工作的总体要求是，坚持以人民为中心的发展思想。各位代表，让我们团结一心。",
    "教育是国之大计、党之大计。我们要办好人民满意的教育，促进教育公平。",
    "科技创新能够催生新产业、新模式、新动能，是发展新质生产力的核心要素。",
    "基层治理是国家治理体系的重要组成部分，实施红色引擎之“钉钉子”行动。",
]


def test_seed_spans_put_back_their_lost_punctuation_byte() -> None:
    line = "是馬克思主義政黨的優勢所在、力量所在?;鶎狱h組織作為黨的肌體的“神經末梢”"
    result = clean(line)
    assert result.text == "是馬克思主義政黨的優勢所在、力量所在。基層黨組織作為黨的肌體的“神經末梢”"
    [change] = result.report.changes
    assert (change.kind, change.before, change.after) == ("garbled-repaired", "?;鶎狱h", "。基層黨")


def test_seed_span_with_private_use_character() -> None:
    line = "強基提能匯聚磅礴力量?;鶎又卫硎菄\ue24f抑卫眢w系的重要組成部分,實施紅色引擎"
    assert (
        clean(line).text
        == "強基提能匯聚磅礴力量。基層治理是國家治理體系的重要組成部分，實施紅色引擎"
    )


def test_unprovable_span_drops_only_its_sentence() -> None:
    line = "建立全方位保障監督體系。用績效清單考責,使黨建工作由軟指標變?yōu)橛哺芨堋?/p>"
    result = clean(line)
    assert result.text == "建立全方位保障監督體系。"
    dropped = [c for c in result.report.changes if c.kind == "garbled-dropped"]
    assert len(dropped) == 1
    assert dropped[0].before.startswith("用績效清單考責")


@pytest.mark.parametrize("marker", [True, False], ids=["marked", "unmarked"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("sentence", SENTENCES, ids=[s[:6] for s in SENTENCES])
def test_lost_punctuation_byte_is_restored_exactly(
    sentence: str, script: str, marker: bool
) -> None:
    text = sentence if script == "simplified" else to_traditional(sentence)
    restored = 0
    for index, char in enumerate(text[:-1]):
        if char not in "。，、" or index == 0:
            continue
        damaged = lose_lead_byte(text, index, marker)
        assert damaged != text
        result = clean(damaged)
        if result.text == text:
            assert result.report.counts() == {"garbled-repaired": 1}
            restored += 1
        else:
            # Too little left to prove (one character before the decoder is back in
            # step, with no "?" marking the loss): dropped, never guessed.
            assert not marker, damaged
            assert result.report.counts() == {"garbled-dropped": 1}, damaged
    assert restored >= 1


@pytest.mark.parametrize(
    ("text", "index", "kept"),
    [
        (SENTENCES[0], 3, ""),  # out of step to the end of the line
        (SENTENCES[0], 15, "我们要坚持稳中求进工作总基调。"),
        (SENTENCES[1], 30, "今年政府工作的总体要求是，坚持以人民为中心的发展思想。"),
        (SENTENCES[2], 24, "教育是国之大计、党之大计。"),
        (to_traditional(SENTENCES[2]), 1, "我們要辦好人民滿意的教育，促進教育公平。"),
        (to_traditional(SENTENCES[4]), 10, ""),
    ],
)
def test_lost_character_byte_drops_the_damaged_sentence(text: str, index: int, kept: str) -> None:
    damaged = lose_lead_byte(text, index, marker=False)
    result = clean(damaged)
    assert result.text == kept
    assert result.report.counts().get("garbled-dropped", 0) >= 1
    assert "garbled-repaired" not in result.report.counts()


@pytest.mark.parametrize(
    "text",
    [
        "你喜欢吃榴莲吗?我不喜欢。",
        "A股市场今天上涨，X光检查正常，维生素C含量高。",
        "①加强组织建设；②完善制度。",
        "α粒子和β射线都属于电离辐射。",
        "Ⅱ型糖尿病患者应当控制饮食。",
        "王喆和李堃是同学，他们来自鄱阳湖畔。",
        "《詩經》有“蒹葭蒼蒼，白露為霜”之句。",
        "日本語の「こんにちは」は你好的意思。",
        "卡拉OK和T恤都是外来词。",
        "沪市A股、深市B股、港股H股和美股N股的走势各不相同。",
        "是吗?真的?我不信。",  # a dialogue with narrow question marks
        "我哋今日去咗睇戲，啲嘢好好食，你喺邊度呀?佢冇嚟，嘅確係咁。",  # Cantonese
        "佢話:「我唔知呀!」你知唔知?咁都得?",
        "张三（Zhang San）是经理。",
    ],
)
def test_ordinary_text_is_not_taken_for_garble(text: str) -> None:
    counts = clean(text).report.counts()
    assert "garbled-repaired" not in counts
    assert "garbled-dropped" not in counts


def test_rare_share_tells_cantonese_from_mandarin() -> None:
    assert rare_share("我哋今日去咗睇戲，啲嘢好好食，你喺邊度呀？") > 0.1
    assert rare_share("基層治理是國家治理體系的重要組成部分") == 0.0
    assert rare_share("English only") == 0.0


def test_find_garbles_reports_spans_and_repairs() -> None:
    line = "力量所在?;鶎狱h組織"
    [garble] = find_garbles(line, "traditional")
    assert line[garble.start : garble.end] == "?;鶎狱h"
    assert garble.repair == "。基層黨"
    assert find_garbles("力量所在。基層黨組織", "traditional") == []


def test_repair_follows_the_script_of_the_text() -> None:
    simplified = "我们要坚持稳中求进工作总基调。全面深化改革开放。"
    damaged = lose_lead_byte(simplified, simplified.index("。"), marker=True)
    assert clean(damaged).text == simplified
    traditional = to_traditional(simplified)
    damaged = lose_lead_byte(traditional, traditional.index("。"), marker=True)
    assert clean(damaged).text == traditional
