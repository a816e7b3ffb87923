"""Rules learnt from real web texts: sentences that hold no card (credits, notes, garbles,
cut-off ends, bylines), and answers that teach nothing (speaker labels, counts, glosses,
scope words), in both scripts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from quiz.deck import ClozeCard
from quiz.generate.cloze import Candidate, answer_problem
from quiz.generate.keywords import keyword_spans
from quiz.generate.pipeline import build_deck
from quiz.generate.structure import credit_zones, unfit_sentence
from quiz.text import phrases
from quiz.text.english import key_phrases
from quiz.text.script import detect_script, to_traditional


def answers(text: str) -> list[str]:
    deck, _report = build_deck(text, name="t")
    return [card.answer for card in deck if isinstance(card, ClozeCard)]


def texts(text: str) -> list[str]:
    deck, _report = build_deck(text, name="t")
    return [card.text for card in deck if isinstance(card, ClozeCard)]


@pytest.mark.parametrize(
    "sentence",
    ["新华社记者 鞠鹏 摄", "（中评社 林艳摄） |", "（2023年2月28日第二次全体会议通过）"],
)
def test_credits_and_bracketed_notes_are_unfit(sentence: str) -> None:
    for form in (sentence, to_traditional(sentence)):
        assert unfit_sentence(form, last=True, alone=True) is not None


def test_garble_and_pinyin_leftovers_are_unfit() -> None:
    assert unfit_sentence("ㄒ唬┙(jīng)济运行稳中有进。", last=True, alone=True)
    assert unfit_sentence("經濟(jīng)運行穩中有進。", last=True, alone=True)
    assert unfit_sentence("经济运行稳中有进。", last=True, alone=True) is None


def test_a_paragraph_cut_off_mid_sentence_loses_its_last_piece() -> None:
    cut = "招商引资成效显著，中兴产业园等一批项目成"
    assert unfit_sentence(cut, last=True, alone=False) == "cut off"
    assert unfit_sentence(to_traditional(cut), last=True, alone=False) == "cut off"
    assert unfit_sentence(cut, last=True, alone=True) is None  # a heading-like line
    assert unfit_sentence(cut, last=False, alone=False) is None
    assert unfit_sentence("The Third Estate met at Versailles", last=True, alone=False) is None


def test_bylines_and_datelines_are_zones() -> None:
    line = "新华社海南文昌1月18日电（记者李国利、黄一宸）火箭在文昌航天发射场点火发射。"
    zones = credit_zones(line)
    assert [line[a:b] for a, b in zones] == ["新华社海南文昌1月18日电", "（记者李国利、黄一宸）"]
    for form in (line, to_traditional(line)):
        assert not any("国利" in a or "國利" in a for a in answers(form + "\n" + form[:0]))


def test_bylines_in_lenticular_brackets_are_zones() -> None:
    line = "【記者王小明／台北報導】立法院今天三讀通過《再生能源發展條例》部分條文修正案。"
    assert [line[a:b] for a, b in credit_zones(line)] == ["【記者王小明／台北報導】"]
    assert "王小明" not in answers(line)


def candidate(text: str, answer: str, rule: str) -> Candidate:
    start = text.index(answer)
    return Candidate(start, start + len(answer), 0, len(text), rule, 1, None)


def bounds(text: str, *words: str) -> set[int]:
    found = {0, len(text)}
    for word in words:
        start = text.index(word)
        found |= {start, start + len(word)}
    return found


@pytest.mark.parametrize("convert", [str, to_traditional])
def test_speaker_labels_are_never_answers(convert) -> None:  # type: ignore[no-untyped-def]
    text = convert("欧文：她是艾美，她是中国人。")
    c = candidate(text, text[:2], "keyword")
    assert answer_problem(c, text, text, bounds(text, text[:2])) == "the speaker of a dialogue line"


@pytest.mark.parametrize("convert", [str, to_traditional])
def test_counts_are_not_formulas(convert) -> None:  # type: ignore[no-untyped-def]
    text = convert("汉字由两个独立的汉字组成，一个女人（女）和一个孩子（子）。")
    assert phrases.formulas(text) == []
    listed = convert("增强四个意识、坚定四个自信，做到两个维护")
    assert [s.of(listed) for s in phrases.formulas(listed)] == [
        convert("四个意识"),
        convert("四个自信"),
        convert("两个维护"),
    ]
    c = candidate(text, convert("一个女人"), "keyword")
    assert answer_problem(c, text, text, bounds(text, convert("一个女人"))) is not None


def test_a_quoted_plan_of_numerals_is_an_answer_but_a_year_is_not() -> None:
    for text in ("一、工作回顾和“十二五”发展成就", "一、工作回顧和“十二五”發展成就"):
        c = candidate(text, "十二五", "quote")
        assert answer_problem(c, text, text, bounds(text, "十二五")) is None
    text = "“2015年”是关键一年"
    c = candidate(text, "2015年", "quote")
    assert answer_problem(c, text, text, bounds(text, "2015年")) == "number"


def test_pinyin_glosses_and_scope_words_are_not_answers() -> None:
    assert phrases.is_pinyin_gloss("zhōngwén") and not phrases.is_pinyin_gloss("GDP")
    for word in ("全市", "我國", "贯彻落实"):
        from quiz.text.script import to_simplified

        assert phrases.is_filler(to_simplified(word))


def test_real_report_shapes_in_both_scripts() -> None:
    text = (
        "一、2015年工作回顾和“十二五”发展成就\n"
        "新华社记者 鞠鹏 摄\n"
        "2015年是很不平凡的一年，全市经济在资源型城市转型的压力下稳中有进。"
        "招商引资成效显著，中兴产业园等一批项目成"
    )
    for form in (text, to_traditional(text)):
        found = texts(form)
        assert any("{{c1::十二五}}" in t for t in found)
        assert not any("摄" in t or "攝" in t for t in found)
        assert not any(t.endswith("项目成") or t.endswith("項目成") for t in found)


@pytest.fixture(scope="module")
def seg() -> phrases.Segmenter:
    from quiz.generate.chinese import segmenter

    return segmenter()


def keywords(seg: phrases.Segmenter, text: str, limit: int = 3) -> list[str]:
    from quiz.text.script import to_simplified

    mirror = to_simplified(text)
    spans = keyword_spans(
        seg.cut(mirror), seg.keyword_weight, {}, limit=limit, kind=seg.keyword_kind
    )
    return [span.of(text) for span in spans]


@pytest.mark.parametrize("convert", [str, to_traditional])
def test_nouns_written_together_are_one_answer(seg, convert) -> None:  # type: ignore[no-untyped-def]
    found = keywords(seg, convert("新增工业用电量增长百分之五"))
    assert convert("工业用电量") in found and convert("用电量") not in found
    found = keywords(seg, convert("多余的水从宝瓶口进水口流出"))
    assert convert("宝瓶口进水口") in found


@pytest.mark.parametrize("convert", [str, to_traditional])
def test_a_keyword_never_takes_in_a_word_of_quantity(seg, convert) -> None:  # type: ignore[no-untyped-def]
    # 永久基本农田|全部|建成: 全部 says how much, it is no part of the name
    found = keywords(seg, convert("逐步把永久基本农田全部建成高标准农田"), limit=5)
    assert found and not any(convert("全部") in answer for answer in found), found


@pytest.mark.parametrize("convert", [str, to_traditional])
def test_a_phrase_before_a_filler_noun_or_a_name_before_a_noun_is_no_answer(seg, convert) -> None:  # type: ignore[no-untyped-def]
    found = keywords(seg, convert("是赋能企业高质量发展的动力"))
    assert convert("企业高质量") not in found
    found = keywords(seg, convert("坚持以习近平新时代中国特色社会主义思想为指导"), limit=5)
    assert convert("习近平") not in found


def test_a_speaker_with_a_title_is_not_blanked() -> None:
    text = "中国载人航天工程办公室主任表示，这是我国载人航天工程的第31次发射任务。"
    for form in (text, to_traditional(text)):
        assert not any("办公室" in a or "辦公室" in a for a in answers(form))


def english(text: str) -> list[tuple[str, str]]:
    return [(s.of(text), s.rule) for s in key_phrases(text)]


def test_english_names_keep_possessives_and_of_the() -> None:
    text = "The Seven Years' War and the Declaration of the Rights of Man and of the Citizen."
    found = [answer for answer, rule in english(text) if rule == "term"]
    assert found == ["Seven Years' War", "Declaration of the Rights of Man and of the Citizen"]


def test_english_sentence_start_names_single_names_and_dates() -> None:
    found = english("Napoleon Bonaparte seized power in the coup of 18 Brumaire in 1799.")
    assert ("Napoleon Bonaparte", "term") in found
    assert ("18 Brumaire", "date") in found and ("1799", "date") in found
    found = english("The Storming of the Bastille on 14 July 1789 ended at Versailles.")
    assert ("14 July 1789", "date") in found and ("Versailles", "name") in found
    assert ("July", "name") not in found
    assert english("Tom went home.") == []
    assert ("1200", "date") not in english("They lost 1200 men in 1812.")


def test_english_defined_terms() -> None:
    found = english("Photosynthesis is the process by which plants make sugar.")
    assert found == [("Photosynthesis", "defined")]
    assert ("spaced repetition", "defined") in english("A spaced repetition is a schedule.")


def test_english_notes_give_dated_and_named_cards() -> None:
    text = (
        "# The French Revolution\n\n"
        "The Storming of the Bastille on 14 July 1789 became the symbol of the revolution.\n"
        "The Enlightenment spread ideas from Rousseau and Montesquieu.\n"
    )
    found = answers(text)
    assert {"Storming of the Bastille", "14 July 1789", "Enlightenment", "Rousseau"} <= set(found)


def test_points_counted_off_in_running_text_are_blanked_and_matched() -> None:
    text = (
        "二、存在的主要问题\n"
        "一是产业链条短，农产品精深加工不足。二是人才支撑弱，青壮年劳动力外流严重。"
        "三是基础设施欠账多，部分村组道路年久失修。\n"
    )
    for form in (text, to_traditional(text)):
        deck, _report = build_deck(form, name="t")
        found = [c.answer for c in deck if isinstance(c, ClozeCard) and "lead" in c.tags]
        points = [convert_like(form, p) for p in ("产业链条短", "人才支撑弱", "基础设施欠账多")]
        assert found[:3] == points
        sets = [c for c in deck if not isinstance(c, ClozeCard)]
        assert [pair[0] for pair in sets[0].pairs] == found[:3]


def convert_like(form: str, text: str) -> str:
    return text if detect_script(form) != "traditional" else to_traditional(text)


def test_ordinals_out_of_order_are_no_group() -> None:
    text = "一是产业链条短，加工不足。三是人才支撑弱，劳动力外流严重。"
    deck, _report = build_deck(text, name="t")
    assert not any(c.answer == "产业链条短" for c in deck if isinstance(c, ClozeCard))


@pytest.mark.parametrize("convert", [str, to_traditional])
def test_captions_lead_ins_and_headings_are_no_title(convert) -> None:  # type: ignore[no-untyped-def]
    body = "2023年是全面贯彻落实二十大精神的开局之年，各项工作取得新成效，社会大局保持稳定。\n"
    caption = convert("全国政协主席在会上作工作报告。（中评社 林艳摄） |\n以下是报告全文：\n")
    deck, _report = build_deck(caption + convert("一、主要工作\n" + body), name="stem")
    assert deck.title == "stem"
    titled = convert("关于全县乡村振兴工作情况的报告\n各位代表：\n") + convert(body)
    deck, _report = build_deck(titled, name="stem")
    assert deck.title == convert("关于全县乡村振兴工作情况的报告")


@pytest.mark.parametrize("convert", [str, to_traditional])
def test_common_words_and_halves_of_x_zhi_y_are_no_keywords(seg, convert) -> None:  # type: ignore[no-untyped-def]
    found = keywords(seg, convert("精心策划基层党员学习教育计划"), limit=5)
    assert convert("计划") not in found
    found = keywords(seg, convert("二〇二三年是全面落实各项部署的开局之年"), limit=5)
    assert convert("开局") not in found


@pytest.mark.parametrize("convert", [str, to_traditional])
def test_a_keyword_never_takes_part_of_a_quotation(convert) -> None:  # type: ignore[no-untyped-def]
    text = convert("深化“党建+”品牌建设，丰富组织生活内涵。")
    assert convert("党建") not in answers(text)


@pytest.mark.parametrize("convert", [str, to_traditional])
def test_a_title_before_a_name_is_no_keyword(seg, convert) -> None:  # type: ignore[no-untyped-def]
    found = keywords(seg, convert("中央委员会总书记习近平作重要讲话"), limit=5)
    assert not any(convert("总书记") in answer for answer in found)


def test_series_names_with_a_number_are_blanked_once() -> None:
    text = (
        "搭载天舟七号货运飞船的长征七号遥八运载火箭点火发射，飞船与火箭成功分离。\n"
        "天舟七号货运飞船入轨后，将采取快速交会对接模式，与空间站组合体进行交会对接。\n"
        "这是三号楼的一间办公室，里面坐着几位年轻的工程师。\n"
    )
    for form in (text, to_traditional(text)):
        found = answers(form)
        assert sum(a in ("天舟七号", "天舟七號") for a in found) == 1
        names = [a for a in found if a.endswith("号") or a.endswith("號")]
        assert names and all("三号" not in a and "三號" not in a for a in names)
        assert any(a in ("长征七号", "長征七號") for a in names)


@pytest.mark.parametrize("convert", [str, to_traditional])
def test_a_word_cut_before_its_last_character_is_no_keyword(seg, convert) -> None:  # type: ignore[no-untyped-def]
    found = keywords(seg, convert("消除项目团队攻关难点的红色智慧田"), limit=5)
    assert convert("智慧") not in found


@pytest.mark.parametrize("convert", [str, to_traditional])
def test_a_name_weighs_like_a_four_character_word(seg, convert) -> None:  # type: ignore[no-untyped-def]
    found = keywords(seg, convert("秦国蜀郡太守李冰及其子率众修建了这座水利工程"), limit=2)
    assert convert("李冰") in found


def test_a_work_named_again_is_blanked_once_and_its_ordinals_are_not_answers() -> None:
    text = (
        "《红楼梦》是中国古典长篇章回小说，是中国古典四大名著之一，作者一般认为是曹雪芹。\n"
        "二十世纪初，研究《红楼梦》的学问形成了“红学”，胡适等人开创了“新红学”。\n"
        "《红楼梦》版本可分为两个系统：一是八十回的抄本系统，二是一百二十回的刻本系统。\n"
    )
    for form in (text, to_traditional(text)):
        found = answers(form)
        assert sum(a in ("红楼梦", "紅樓夢") for a in found) == 1
        assert not any(a.startswith("一是") for a in found)


def test_a_long_sentence_with_one_rule_phrase_gets_one_keyword_more() -> None:
    """The fallback finds one keyword more (拦路虎); the selection then leaves it out as a
    word of general language, and says so."""
    text = (
        "推行保留原岗位创新和脱离原岗位创新的“双轨”制度，探索创客控股、企业参股组建小微公司"
        "的孵化新模式，破解阻碍创新发展的拦路虎和绊脚石。"
    )
    for form in (text, to_traditional(text)):
        deck, _report = build_deck(form, name="t", density=None)
        found = [card.answer for card in deck if isinstance(card, ClozeCard)]
        assert len(found) == 2 and found[0] in ("双轨", "雙軌")
        kept, report = build_deck(form, name="t")
        assert [card.answer for card in kept if isinstance(card, ClozeCard)] == found[:1]
        assert "1 words of general language" in report.summary()
        assert any("a word of general language" in line for line in report.left_out_lines())


def test_english_years_after_dating_prepositions() -> None:
    assert ("1788", "date") in english("Bread prices rose after the poor harvest of 1788.")
    assert [a for a, _ in english("The war lasted from 1914 until 1918.")] == ["1914", "1918"]
    assert english("A loan of 1500 dollars.") == [("1500 dollars", "figure")]  # no date


def test_sibling_headings_without_subtitles_match_their_halves() -> None:
    text = (
        "一、主要工作成效\n"
        "（一）产业发展提质增效。全年粮食播种面积稳定在四十五万亩，建成高标准农田。\n"
        "（二）人居环境持续改善。深入开展“厕所革命”，完成农村户厕改造四千户。\n"
        "（三）乡村治理不断加强。全面推行“四议两公开”工作法，建立村级小微权力清单。\n"
    )
    for form in (text, to_traditional(text)):
        deck, _report = build_deck(form, name="t")
        sets = [c for c in deck if not isinstance(c, ClozeCard)]
        halves = [c for c in sets if "heading" in c.tags]
        assert len(halves) == 1
        assert [a + b for a, b in halves[0].pairs] == [
            convert_like(form, t)
            for t in ("产业发展提质增效", "人居环境持续改善", "乡村治理不断加强")
        ]


def test_headings_of_unequal_length_are_not_halved() -> None:
    text = (
        "一、主要工作成效\n经济平稳增长。\n二、存在的主要问题\n产业链条短。\n"
        "三、工作安排\n做好各项工作。\n"
    )
    deck, _report = build_deck(text, name="t")
    assert not [c for c in deck if not isinstance(c, ClozeCard)]


@pytest.mark.parametrize("convert", [str, to_traditional])
def test_a_lone_character_opening_an_item_and_a_verbal_noun_alone_are_no_keywords(
    seg, convert
) -> None:  # type: ignore[no-untyped-def]
    found = keywords(seg, convert("都江堰由鱼嘴分水堤、飞沙堰溢洪道和宝瓶口进水口三大部分构成"), 5)
    assert convert("沙堰溢洪道") not in found
    found = keywords(seg, convert("农村居民人均可支配收入一万六千四百元"), 5)
    assert not {convert("支配"), convert("人均")} & set(found)


@pytest.mark.parametrize("convert", [str, to_traditional])
def test_no_keyword_stops_inside_a_set_phrase(convert) -> None:  # type: ignore[no-untyped-def]
    text = convert("中共中央团结带领全党全国各族人民，全面深化改革开放，新冠疫情防控平稳转段。")
    found = answers(text)
    assert convert("全党全国") not in found and convert("深化改革") not in found


def test_generic_official_people_are_filler() -> None:
    assert phrases.is_filler("负责同志") and phrases.is_filler("有关部门")


COMMON_PROSPERITY = (
    "我们必须实现全体人民共同富裕，这是中国式现代化的本质要求之一。"
    "扎实推进全体人民共同富裕，增进民生福祉，提高人民生活品质。"
    "共同富裕是一个长期的历史过程，需要全体人民共同富裕的目标引领各项工作。"
)


def test_no_blank_cuts_a_phrase_the_text_asks_whole() -> None:
    # 全体|人民共同富裕: the keyword fallback never asks a part of a rule phrase
    for text in (COMMON_PROSPERITY, to_traditional(COMMON_PROSPERITY)):
        deck, _report = build_deck(text, name="t", density=None)
        asked = [card.answer for card in deck if isinstance(card, ClozeCard)]
        whole = "全体人民共同富裕" if text == COMMON_PROSPERITY else "全體人民共同富裕"
        assert whole in asked
        assert not any(answer != whole and answer in whole for answer in asked), asked


def test_a_term_is_not_placed_inside_a_longer_term_of_the_text() -> None:
    from quiz.generate.chinese import _held

    sentence = "中国特色社会主义法治体系更加完善"
    inner = Candidate(4, 10, 0, len(sentence), "term", 1, None)  # 社会主义法治
    assert _held(sentence, 0, inner, ["中国特色社会主义法治"])
    assert _held(to_traditional(sentence), 0, inner, [to_traditional("中国特色社会主义法治")])
    assert not _held(sentence, 0, inner, ["社会主义法治国家"])  # not said here
    alone = Candidate(2, 8, 0, 11, "term", 1, None)
    assert not _held("维护社会主义法治的统一", 0, alone, ["中国特色社会主义法治"])


def test_a_list_of_qualities_is_no_list_card() -> None:
    # 全面的、系统的、整体的: how something is, not the things it holds
    sentence = "党的领导是全面的、系统的、整体的，必须全面、系统、整体加以落实。"
    for text in (sentence, to_traditional(sentence)):
        deck, _report = build_deck(text, name="t", density=None)
        assert not [card for card in deck if "list" in card.tags]
    items = "深化教育、科技、人才体制改革，建设教育强国、科技强国、人才强国。"
    for text in (items, to_traditional(items)):
        deck, _report = build_deck(text, name="t", density=None)
        assert [card for card in deck if "list" in card.tags]


@pytest.mark.parametrize("convert", [str, to_traditional])
def test_an_idiom_or_a_count_is_no_formula(convert: Callable[[str], str]) -> None:
    # 千家万户, 万众一心: idioms of numbers; 十亿三千万人: a count; 三会一课 is a formula
    text = convert(
        "惠及千家万户的民生工程全面铺开。全党全国万众一心，认真落实三会一课。"
        "互联网上网人数达十亿三千万人。"
    )
    deck, _report = build_deck(text, name="t", density=None)
    formulas = [c.answer for c in deck if isinstance(c, ClozeCard) and "formula" in c.tags]
    assert formulas == [convert("三会一课")], formulas
