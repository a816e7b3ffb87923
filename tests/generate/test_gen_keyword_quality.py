"""Keyword answers a student can learn from: no verb phrase jieba took for a noun, no half of
a longer phrase, no generic noun, no card in a report's formulaic frame; both scripts."""

from __future__ import annotations

from dataclasses import replace

import pytest

from quiz.deck import ClozeCard
from quiz.generate.pipeline import build_deck
from quiz.generate.rank import Evidence, general_word
from quiz.generate.structure import unfit_sentence
from quiz.text.script import to_simplified, to_traditional


def keyword_answers(text: str) -> list[str]:
    """Every keyword answer the fallback finds (no density cap, no general-word filter: these
    cases test which span of a sentence it picks)."""
    deck, _report = build_deck(text, name="t", density=None)
    return [card.answer for card in deck if isinstance(card, ClozeCard) and "keyword" in card.tags]


def both(text: str) -> list[tuple[str, list[str]]]:
    """For the text in each script: (script tag, its keyword answers in Simplified)."""
    return [
        (name, [to_simplified(a) for a in keyword_answers(form)])
        for name, form in (("simplified", text), ("traditional", to_traditional(text)))
    ]


# Each case: a sentence, answers that must not appear, an answer that should appear instead
# (None when the sentence is better without a keyword card).
CASES = {
    "verb phrase in the dictionary": (
        "公司面向用户客户、兄弟单位、合作伙伴等，积极推进联建共建。",
        {"面向用户客户", "面向用户", "客户"},
        "合作伙伴",
    ),
    "verb phrase at the end of nouns": (
        "这一年，社会大局保持稳定，人民生活持续改善，文化事业繁荣发展。",
        {"社会大局保持稳定", "保持稳定"},
        "社会大局",
    ),
    "a noun before an aspect particle is a verb": (
        "近十年里，当地农业经历了深刻变革，耕地质量明显提升。",
        {"农业经历", "经历"},
        None,
    ),
    "a word with a resultative complement is a verb": (
        "调查人员在现场捕捉到若干线索，证据链条逐步完整。",
        {"现场捕捉到", "捕捉到"},
        None,
    ),
    "half of a foreign name": (
        "记者安东尼奥·费雷拉对展区里的智能机器人很感兴趣。",
        {"安东尼奥", "费雷拉"},
        None,
    ),
    "the tail of a compound cut at a noun filler": (
        "代表们领到了一份市政府工作报告英文版摘要。",
        {"报告英文版"},
        None,
    ),
    "a common word alone in a long sentence": (
        "作为一年一度的重要活动，这次展会传递的每一个细节都释放出积极信号。",
        {"信号"},
        None,
    ),
    "an adverb jieba calls a noun, and its verb": (
        "各地要全面规范农村集体资产交易程序。",
        {"规范农村集体资产", "全面规范", "规范"},
        "集体资产交易程序",
    ),
    "a verbal noun before an amount": (
        "全年农产品加工销售收入突破600亿元，同比增长百分之九。",
        {"加工销售收入突破", "销售收入突破"},
        "加工销售收入",
    ),
    "an idiom after a noun is its predicate": (
        "全市战略性新兴产业异军突起，成为经济增长的新引擎。",
        {"新兴产业异军突起", "战略性新兴产业异军突起"},
        None,
    ),
    "an idiom before 的 ends a noun phrase": (
        "高校是实现高水平科技自立自强的重要力量。",
        {"自立自强"},
        "科技自立自强",
    ),
    "a word between a pronoun and 的": (
        "今年参会者还会得到一本特别为他们印制的会议指南。",
        {"印制"},
        None,
    ),
    "verbal noun taking an object": (
        "修正案要求用电大户设置一定比例的再生能源发电设备。",
        {"用电大户设置", "设置"},
        "发电设备",
    ),
    "chain of places keeps the narrowest": (
        "都江堰位于四川省成都市都江堰市城西，是一座古老的大型水利工程。",
        {"都江堰市城西", "城西", "成都市都江堰市"},
        "都江堰市",
    ),
    "a name qualifying a series": (
        "这也是长征系列运载火箭的第五百次飞行，任务取得圆满成功。",
        {"长征"},
        None,
    ),
    "a verb before a generic noun": (
        "中央纪律检查委员会副书记和有关部门负责同志列席会议。",
        {"列席会议", "书记"},
        None,
    ),
    "an agent and its act": (
        "王沪宁受中央政治局委托，向大会作了报告。",
        {"中央政治局委托", "委托"},
        "中央政治局",
    ),
    "an agent and its approval": (
        "公司受客户委托开展检测，经市政府批准设立。",
        {"客户委托", "市政府批准", "委托", "批准"},
        None,
    ),
    "a party and the dealing with it": (
        "团队下一步将与产业界合作，推动小型储能系统的应用。",
        {"产业界合作", "合作"},
        "储能系统",
    ),
    "a noun phrase used as an adverb": (
        "漕运把江南的粮食源源不断地运往北方，大运河是南北交通的大动脉。",
        {"粮食源源不断", "源源不断"},
        None,
    ),
    "a building verb before a noun phrase": (
        "全县新建高标准农田3.2万亩，粮食总产量稳定在28万吨以上。",
        {"新建高标准农田"},
        "高标准农田",
    ),
    "generic nouns": (
        "出席这次全会的有中央委员二百余人，会议听取了报告。",
        {"全会", "会议"},
        None,
    ),
    "half of a pair joined by a dash": (
        "发挥香港－深圳、广州－佛山、澳门－珠海强强联合的引领带动作用，深化港深、澳珠合作，"
        "加快广佛同城化建设，提升整体实力和全球影响力。",
        {"佛山", "深圳", "广州", "香港", "珠海", "澳门"},
        None,  # the pairs themselves are its cards (series.joined_pairs): no keyword beside
    ),
    "a verb and its object jieba lists as a noun": (
        "支持香港私募基金参与大湾区创新型科技企业融资，允许符合条件的创新型科技企业进入"
        "香港上市集资平台，将香港发展成为大湾区高新技术产业融资中心。",
        {"符合条件"},
        None,
    ),
    "the words after their number": (
        "我们要继续发展21世纪马克思主义。",
        {"世纪马克思主义"},
        None,
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_keyword_answers_are_terms(case: str) -> None:
    sentence, refused, wanted = CASES[case]
    for script, found in both(sentence):
        assert not refused & set(found), (script, found)
        if wanted is not None:
            assert wanted in found, (script, found)


def test_a_verbal_noun_ending_a_phrase_stays_when_no_object_follows() -> None:
    for script, found in both("新冠疫情防控平稳转段，高质量发展扎实推进。"):
        assert "疫情防控" in found, (script, found)


def test_a_noun_before_a_verb_and_an_activity_noun_is_no_answer() -> None:
    text = "全县乡村振兴工作取得新进展，农民收入稳步增长。"
    for script, found in both(text):
        assert "乡村" not in found, (script, found)


@pytest.mark.parametrize(
    "sentence",
    [
        "现将2024年全县乡村振兴工作情况报告如下，请予审议。",
        "现在，我代表县人民政府，向大会报告工作，请予审议，并请县政协委员提出意见。",
        "特此报告。",
        "以上报告，请审议。",
    ],
)
def test_formulaic_report_sentences_hold_no_card(sentence: str) -> None:
    assert unfit_sentence(sentence, last=False, alone=False) == "formulaic"
    mirror = to_simplified(to_traditional(sentence))
    assert unfit_sentence(mirror, last=False, alone=False) == "formulaic"
    text = f"{sentence}\n\n粮食播种面积稳定在一百万亩以上，主导产业不断壮大。\n"
    for form in (text, to_traditional(text)):
        deck, _report = build_deck(form, name="t")
        first_line = form.splitlines()[0]
        assert all(card.line != 1 for card in deck), [c for c in deck if c.line == 1]
        assert all(first_line not in card.text for card in deck if isinstance(card, ClozeCard))


def test_ordinary_sentences_about_reports_are_not_formulaic() -> None:
    for sentence in ("会议听取了政府工作报告。", "他把调查情况写成报告，交给了领导。"):
        assert unfit_sentence(sentence, last=False, alone=False) is None


def test_a_short_learners_line_keeps_its_common_word() -> None:
    for script, found in both("小红：我叫小红。你叫什么名字？\n小明：我叫小明。"):
        assert "名字" in found, (script, found)


def test_a_keyword_is_asked_once() -> None:
    text = "箜篌是一种古老的弹拨乐器。\n箜篌在唐代十分流行。\n箜篌的声音清亮悠远。\n"
    for script, found in both(text):
        assert found.count("箜篌") == 1, (script, found)


def test_a_japanese_or_korean_gloss_holds_no_card() -> None:
    text = (
        "问候\n相手も「你好」で返事すべきである。普通は知り合いの間で使う。\n"
        "안녕하세요는 “你好”의 뜻입니다.\n"
    )
    for script, found in both(text):
        assert found == [], (script, found)
    for form in (text, to_traditional(text)):
        deck, _report = build_deck(form, name="t")
        assert list(deck) == [], form


def test_a_dialogues_speakers_are_no_answers() -> None:
    text = "田中：铃木，你好！\n铃木：田中，你好！\n田中：你最近忙吗？\n铃木：我最近很忙。\n"
    for script, found in both(text):
        assert not {"田中", "铃木"} & set(found), (script, found)


def test_a_compound_of_the_texts_topic_and_a_common_word_is_general_language() -> None:
    # 粤港澳 in nearly every phrase is the text's topic: 粤港澳|企业 is no term of its own
    # (left out of a capped deck as a word of general language)
    lines = [f"推进粤港澳第{n}项合作，完善粤港澳协同机制。" for n in range(1, 14)]
    lines.append("积极引导粤港澳企业参与国际标准制定，加快形成开放合作新格局。")
    text = "\n".join(lines) + "\n"
    for form in (text, to_traditional(text)):
        deck, report = build_deck(form, name="t")
        assert report.selection is not None
        general = {
            to_simplified(item.card.answer)
            for item, why in report.selection.left_out
            if why == "a word of general language" and isinstance(item.card, ClozeCard)
        }
        assert "粤港澳企业" in general, general
    # the topic alone is general language however often the text says it
    topic = Evidence(rule="keyword", answer="粤港澳", repeats=300, topical=True, text_length=28000)
    assert general_word(topic)
    assert not general_word(replace(topic, topical=False))


def test_a_person_name_opens_with_a_family_name() -> None:
    # jieba tags 光荣, 养老, 权威 `nr`: common words, no people; 李冰, 秦始皇 are
    from quiz.generate.chinese import segmenter
    from quiz.generate.keywords import NAME_KIND, NOUN_KIND

    seg = segmenter()
    for word in ("光荣", "光榮", "养老", "權威", "智慧"):
        assert seg.keyword_kind(to_simplified(word)) == NOUN_KIND, word
    for word in ("李冰", "秦始皇", "鄧小平", "张骞"):
        assert seg.keyword_kind(to_simplified(word)) == NAME_KIND, word
