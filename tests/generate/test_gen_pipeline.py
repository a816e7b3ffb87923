"""The whole generator on inline texts and on the seed: rules, order, ids, determinism."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.deck import ClozeCard, MatchCard, dump_deck
from quiz.generate.pipeline import build_deck, generate_deck
from quiz.generate.stamp import stamped
from quiz.text.phrases import is_filler
from quiz.text.script import to_simplified, to_traditional

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_e348ded4e9286363.txt"
DECK = ROOT / "decks" / "000_e348ded4e9286363.yaml"

DOC = """基层组织建设的几点做法

习近平总书记指出，严密的组织体系是马克思主义政党的优势所在。必须不断将党的政治领导力、思想引领力、群众组织力、社会号召力转化成为发展优势。

一、完善组织之“形”，推动基层组织由“建起来”变“强起来”

坚持纵向到底，实现党的组织全覆盖。针对联合党支部活动开展难等问题，调整党组织机构设置。

坚持横向到边，实现党的工作全覆盖。落实好“三重一大”事项决策前置制度。

坚持上下贯通，实现党建责任全覆盖。构建“五位一体”党建工作体系。

二、铸牢思想之“魂”，推动学习教育由“走形式”变“下功夫”

捍卫“两个确立”、增强“四个意识”、坚定“四个自信”、做到“两个维护”。认真落实“三会一课”制度。

三、开掘活力之“源”，推动组织生活由“平淡化”变“有新意”

党中央印发《中国共产党支部工作条例（试行）》，要求提高党支部建设质量。
"""


def cloze_cards(deck: object) -> list[ClozeCard]:
    return [c for c in deck if isinstance(c, ClozeCard)]  # type: ignore[attr-defined]


def match_cards(deck: object) -> list[MatchCard]:
    return [c for c in deck if isinstance(c, MatchCard)]  # type: ignore[attr-defined]


@pytest.fixture(scope="module", params=["simplified", "traditional"])
def doc(request: pytest.FixtureRequest) -> str:
    return DOC if request.param == "simplified" else to_traditional(DOC)


def test_rules_find_what_a_student_must_learn(doc: str) -> None:
    deck, report = build_deck(doc, name="doc")
    answers = {to_simplified(c.answer) for c in cloze_cards(deck)}
    assert {"三会一课", "两个确立", "五位一体", "三重一大", "建起来", "强起来"} <= answers
    assert {"纵向到底", "横向到边", "上下贯通"} <= answers
    assert "中国共产党支部工作条例（试行）" in answers
    assert answers & {"政治领导力", "社会号召力"}
    assert deck.title == doc.splitlines()[0]
    assert report.cloze == len(cloze_cards(deck))


def test_matching_sets(doc: str) -> None:
    deck, _ = build_deck(doc, name="doc")
    sets = {c.tags[0]: c for c in match_cards(deck)}
    headings = sets["heading"]
    assert [to_simplified(left) for left, _ in headings.pairs] == [
        "完善组织之“形”",
        "铸牢思想之“魂”",
        "开掘活力之“源”",
    ]
    assert to_simplified(headings.pairs[0][1]) == "推动基层组织由“建起来”变“强起来”"
    leads = [(to_simplified(a), to_simplified(b)) for a, b in sets["lead"].pairs]
    assert leads[0] == ("坚持纵向到底", "实现党的组织全覆盖")
    listed = [(to_simplified(a), to_simplified(b)) for a, b in sets["list"].pairs]
    assert listed == [
        ("捍卫", "两个确立"),
        ("增强", "四个意识"),
        ("坚定", "四个自信"),
        ("做到", "两个维护"),
    ]


def test_cards_keep_the_source_script_and_accept_the_other(doc: str) -> None:
    deck, _ = build_deck(doc, name="doc")
    traditional = doc != DOC
    for card in cloze_cards(deck):
        assert card.sentence in doc
        if card.accept:
            other = to_simplified(card.answer) if traditional else to_traditional(card.answer)
            assert card.accept == (other,)
        assert card.hint and re.search("[āáǎàēéěèīíǐìōóǒòūúǔù]", card.hint)


def test_script_option_converts_the_output() -> None:
    deck, _ = build_deck(DOC, name="doc", script="traditional")
    kept, _ = build_deck(DOC, name="doc")
    assert [c.id for c in deck] == [c.id for c in kept]  # ids are script-independent
    card = next(c for c in cloze_cards(deck) if c.answer == "三會一課")
    assert card.accept == ("三会一课",)
    assert to_traditional(DOC).count(card.sentence) == 1
    back, _ = build_deck(to_traditional(DOC), name="doc", script="simplified")
    assert dump_deck(back) == dump_deck(kept)


def test_every_card_is_valid(doc: str) -> None:
    deck, _ = build_deck(doc, name="doc")
    assert [c.line for c in deck] == sorted(c.line or 0 for c in deck)
    for card in cloze_cards(deck):
        assert card.text.count("{{c1::") == 1
        assert card.sentence.count(card.answer) == 1
        assert not is_filler(to_simplified(card.answer))
        assert 2 <= len(card.answer)


def test_english_text_gets_term_cards() -> None:
    text = (
        "Notes on Memory\n\n"
        "The forgetting curve was first described by Hermann Ebbinghaus in Berlin.\n\n"
        "Spaced repetition flattens the forgetting curve over weeks.\n\n"
        "Active recall beats rereading, and spaced repetition makes it a habit.\n"
    )
    deck, _ = build_deck(text, name="notes")
    answers = [c.answer for c in cloze_cards(deck)]
    assert "Hermann Ebbinghaus" in answers
    assert "forgetting curve" in answers
    assert deck.title == "Notes on Memory"
    assert all(c.hint is None and c.accept == () for c in cloze_cards(deck))


def test_generation_is_deterministic() -> None:
    first, _ = build_deck(DOC, name="doc")
    second, _ = build_deck(DOC, name="doc")
    assert dump_deck(first) == dump_deck(second)


EDITS = st.text(alphabet="甲乙丙丁戊己庚辛壬癸天地玄黄宇宙洪荒", min_size=1, max_size=6)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(insert=EDITS)
def test_ids_stable_under_edits_elsewhere(insert: str) -> None:
    """Editing one sentence changes only that sentence's card ids."""
    target = "针对联合党支部活动开展难等问题，调整党组织机构设置。"
    edited_sentence = target.replace("调整", "调整" + insert)
    before, _ = build_deck(DOC, name="doc")
    after, _ = build_deck(DOC.replace(target, edited_sentence), name="doc")

    def ids(deck: object, skip: str) -> set[str]:
        return {
            c.id for c in cloze_cards(deck) if not to_simplified(c.sentence).startswith(skip[:6])
        }

    assert ids(before, target) == ids(after, target)
    assert {c.id for c in match_cards(before)} == {c.id for c in match_cards(after)}


# --------------------------------------------------------------------------- the seed


@pytest.fixture(scope="module")
def seed_deck() -> object:
    deck, _ = generate_deck(SEED, source_label="seeds/000_e348ded4e9286363.txt")
    return deck


def test_seed_meets_the_bar(seed_deck: object) -> None:
    clozes = cloze_cards(seed_deck)
    sets = match_cards(seed_deck)
    assert len(clozes) >= 40
    assert len(sets) >= 3
    headings = [s for s in sets if "heading" in s.tags]
    assert any(len(s.pairs) == 5 for s in headings)
    junk = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùü]+\)|[?�]|手機|打印|掃一掃|收聽|\||/p>|<")
    for card in clozes:
        assert not junk.search(card.text), card.text
        assert card.sentence.count(card.answer) == 1
        assert not is_filler(to_simplified(card.answer))
    for card in sets:
        for left, right in card.pairs:
            assert not junk.search(left + right)


def test_committed_seed_deck_equals_a_fresh_generation(seed_deck: object) -> None:
    expected = stamped(dump_deck(seed_deck), f"seeds/{SEED.name}")  # type: ignore[arg-type]
    assert DECK.read_text(encoding="utf-8") == expected


PIECES = st.sampled_from(
    [
        "一、",
        "（二）",
        "3.",
        "第四章",
        "坚持",
        "“三会一课”",
        "「兩個確立」",
        "《条例》",
        "、",
        "，",
        "。",
        "；",
        "\n",
        "\n\n",
        "政治领导力",
        "思想引领力",
        "群众组织力",
        "党建",
        "工作",
        "Spaced Repetition",
        " ",
        "2024年",
        "(jī)",
        "“",
        "”",
        "{{",
        "}}",
        "c1::",
        "黨組織",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=40).map("".join))
def test_any_text_gives_valid_cards_or_none(text: str) -> None:
    deck, _ = build_deck(text, name="fuzz")
    again = dump_deck(deck)
    assert dump_deck(build_deck(text, name="fuzz")[0]) == again  # deterministic
    from quiz.deck import parse_deck

    assert parse_deck(again, name="fuzz") == deck
    for card in cloze_cards(deck):
        assert card.sentence.count(card.answer) == 1


def test_a_repeated_passage_gives_each_card_once() -> None:
    from quiz.deck import parse_deck

    deck, _ = build_deck(DOC + "\n" + DOC.split("\n", 2)[2], name="twice")
    ids = [card.id for card in deck]
    assert len(ids) == len(set(ids))
    assert parse_deck(dump_deck(deck), name="twice") == deck
    single, _ = build_deck(DOC, name="once")
    assert {c.id for c in match_cards(deck)} == {c.id for c in match_cards(single)}


ITEMS = """展望未来

新一年的主要目标如下。

1. 经济发展目标：国内生产总值增长百分之六左右。

2. 脱贫攻坚目标：确保农村贫困人口实现脱贫。

3. 改革开放目标：深化供给侧结构性改革。

4. 生态环境目标：打好污染防治攻坚战，确保生态环境质量持续改善。
"""


@pytest.mark.parametrize("text", [ITEMS, to_traditional(ITEMS)], ids=["simplified", "traditional"])
def test_numbered_items_with_parallel_labels(text: str) -> None:
    deck, _ = build_deck(text, name="items")
    leads = [to_simplified(c.answer) for c in cloze_cards(deck) if "lead" in c.tags]
    # 生态环境 occurs twice in its sentence: three of four labels are enough for the rule
    assert leads == ["经济发展", "脱贫攻坚", "改革开放"]
    (labels,) = [c for c in match_cards(deck) if "inline" in c.tags]
    assert to_simplified(labels.pairs[0][0]) == "经济发展目标"
    assert not any(c.text.startswith("{{") for c in cloze_cards(deck))
    assert all(card.line != 5 or "heading" not in card.tags for card in deck)


EXPANDED = """提法汇编

一是增强“四个意识”，即政治意识、大局意识、核心意识、看齐意识。二是坚定“四个自信”，即道路自信、理论自信、制度自信、文化自信。三是做到“两个维护”，即坚决维护核心地位、坚决维护集中统一领导。
"""


@pytest.mark.parametrize(
    "text", [EXPANDED, to_traditional(EXPANDED)], ids=["simplified", "traditional"]
)
def test_formulas_with_their_expansions(text: str) -> None:
    deck, _ = build_deck(text, name="expanded")
    answers = {to_simplified(c.answer) for c in cloze_cards(deck) if "formula" in c.tags}
    assert {"政治意识", "看齐意识", "道路自信", "文化自信"} <= answers
    (spelled,) = [c for c in match_cards(deck) if "formula" in c.tags]
    left = [to_simplified(a) for a, _ in spelled.pairs]
    assert left == ["四个意识", "四个自信", "两个维护"]
    assert to_simplified(spelled.pairs[0][1]) == "政治意识、大局意识、核心意识、看齐意识"


SPREAD = """提法汇编

一、思想建设
一是增强“四个意识”，即政治意识、大局意识、核心意识、看齐意识，这是首要任务。
二是坚定“四个自信”，即道路自信、理论自信、制度自信、文化自信，这是根本要求。
三是做到“两个维护”，即坚决维护核心地位、坚决维护集中统一领导，这是最高原则。
再次强调“四个意识”，即政治意识、大局意识、核心意识、看齐意识，务必时刻牢记。
二、组织建设
落实“三会一课”（支部党员大会、支部委员会、党小组会和党课），严格组织生活。
"""


@pytest.mark.parametrize(
    "text", [SPREAD, to_traditional(SPREAD)], ids=["simplified", "traditional"]
)
def test_formulas_spelled_out_in_neighbouring_paragraphs_make_one_set(text: str) -> None:
    deck, _ = build_deck(text, name="spread")
    (spelled,) = [c for c in match_cards(deck) if "formula" in c.tags]
    # one pair per formula (the repeat counts once); the next section's formula stays out
    assert [to_simplified(a) for a, _ in spelled.pairs] == ["四个意识", "四个自信", "两个维护"]
    assert to_simplified(spelled.pairs[2][1]) == "坚决维护核心地位、坚决维护集中统一领导"
    assert to_simplified(spelled.section or "") == "一、思想建设"


def test_formulas_far_apart_make_no_set() -> None:
    text = SPREAD.replace("三是做到", "过去一年，全市各项事业取得新进展。\n三是做到")
    deck, _ = build_deck(text, name="spread")
    assert not [c for c in match_cards(deck) if "formula" in c.tags]
