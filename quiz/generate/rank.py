"""The scoring step: how much a student of this text needs each card, 1 to 99.

Every card found by the passes comes with its `Evidence`: what the text does to mark the
phrase (quotation marks, a numbered formula, a heading, a 一是/二是 point, a stated target,
a 要/必须/坚持 statement), how often the text repeats it, and how specific it is (jieba's IDF,
its length, a name or a compound of the text's own rather than a word of general language).
`importance(evidence)` turns that into one integer; the selection step keeps the best cards
and the study engine introduces new cards in that order.

>>> importance(Evidence(rule="formula", answer="两个确立", repeats=3))
76
>>> importance(Evidence(rule="keyword", answer="机理", idf=7.1))
4
>>> importance(Evidence(rule="figure", answer="5%左右", figure="target", stressed=True))
64
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from quiz.generate.keywords import LONG_FOR_COMMON

# What the text does to mark a phrase: the rule that found it.
BASE = {
    "formula": 62,
    "quote": 56,
    "slogan": 56,
    "parallel": 52,
    "marked": 64,
    "linked": 44,
    "title": 50,
    "heading": 50,
    "term": 36,
    # a coinage only its shape or place marks, said perhaps once (强农之路, a paragraph's
    # run-in term): the text's own name for a thing, like a name, often said once
    "coined": 48,
    "lead": 44,
    "name": 42,
    "person": 52,
    "place": 52,
    "event": 52,
    "item": 44,
    "defined": 44,
    # a token the text glosses in brackets (IPv6（互联网协议第6版）): a key term it defines
    "glossed": 56,
    # a law named without 《》 (依据网络安全法等法律法规): a title
    "law": 50,
    # a document's own number under its title (国办发〔2018〕123号)
    "docnumber": 50,
    "part": 50,
    "list": 30,
    "inline": 40,
    "date": 36,
    "keyword": 16,
    "vocabulary": 40,
}
# A figure by what it is: a stated target, a target year or era date, a result, a fact.
# A goal is a figure of the paragraph stating the text's targets (主要预期目标是：…).
# A total (合共14条航线) is a result whatever it counts: no COUNT_COST. A count named with
# the programme it sizes (等20个重点片区, 30件民生实事: `named`) is what the programme is.
FIGURE_BASE = {
    "goal": 80,
    "named": 60,
    "target": 60,
    "year": 50,
    "result": 38,
    "total": 38,
    "fact": 24,
}
# What a figure counts: a sum of 亿 or 万亿 yuan (3.9万亿元 of bonds, 12.43亿元 of debt) is
# what a report's readers are examined on, a count of things (57个 projects, 28家 firms)
# rarely is (across the corpus a teacher marked a quarter of the sums and 3 of 127 counts).
SUM = re.compile("[亿億](?:美元|港元|港幣|港币|元)$")
COUNT = re.compile("[个個家条條件户戶项項所座套张張间間批场場种種](?:学校|航线|航線)?$")
SUM_BONUS = 14
COUNT_COST = 8
# Matching sets by the structure they drill.
SET_BASE = {
    "heading": 64,
    "formula": 62,
    "vocabulary": 56,
    "lead": 54,
    "inline": 50,
    "list": 50,
    "heading-halves": 30,
}
# A word jieba's IDF calls this common (发展 3.9, 工作 3.6, 机理 7.1) is general language.
COMMON_IDF = 7.5
RARE_IDF = 9.5
LOWEST, HIGHEST = 1, 99
# Above this length a text's list items of everyday words are left out with the keyword
# fallback's general words (a short text's budget has room for its lists).
LONG_LIST_TEXT = 5000
# What an everyday word costs a card that is no quote, formula, title or figure.
EVERYDAY = 12
_OWN_MARKING = frozenset(
    {"formula", "quote", "slogan", "parallel", "title", "date", "vocabulary", "glossed", "law"}
)
HEADLINE = 26
# What a phrase earns that a numbered heading of the text names, asked in the body: the text
# gives it a section (（四）全力提升成渝地区双城经济圈发展能级).
HEADED = 4
# What each further item of a parallel run (政治关、法律关、政策关 …) costs: the first
# teaches the formula's shape, the others fill it in.
RUN_STEP = 4
# What an item of a run costs when it is its frame and one everyday noun (新|技术、新|产品,
# 政治|关), and it earns nothing by repetition: it teaches the frame, where an item the
# formula coined (以进促稳, 宜工则工) teaches a phrase of its own.
EVERYDAY_ITEM = 6
TERM_REPEATS = 3
CHARS_PER_REPEAT = 4000
# A sentence this long is no learner's line about its common word (the keyword pass's rule)
LONG_SENTENCE = LONG_FOR_COMMON


@dataclass(frozen=True, slots=True)
class Evidence:
    """What is known of one card when it is scored."""

    rule: str
    answer: str = ""
    repeats: int = 1  # occurrences of the answer in the whole text
    idf: float | None = None  # jieba's IDF of the answer as one word; None: no such word
    name: bool = False  # a person, place or organisation (jieba nr/ns/nt)
    byline: bool = False  # the text's author or speaker, named at its top
    heading: bool = False  # the sentence is a heading
    headed: bool = False  # a heading of the text names the answer (the sentence is none)
    stressed: bool = False  # the sentence says what must be done (要, 必须, 坚持 …)
    point: bool = False  # the sentence opens a counted point (一是 …) or a paragraph
    figure: str | None = None  # goal | named | target | year | result | total | fact
    headline: bool = False  # the figure measures a headline quantity (生产总值, 人口 …)
    dictionary_word: bool = False  # jieba's dictionary lists the answer whole
    part_idfs: tuple[float | None, ...] = ()  # jieba's IDF of each word of the answer
    topical: bool = False  # a keyword whose only rare words are the text's topic (粤港澳|企业)
    sentence_length: int = 0
    text_length: int = 0  # characters of the whole text
    is_set: bool = False
    pairs: int = 0
    run_place: int = 0  # a parallel item's place in its run (0: the first)
    everyday_item: bool = False  # the item is its run's frame and one everyday noun
    english: bool = False  # a card of the English path (scored by `ENGLISH_BASE`)
    compound: bool = False  # an English compound of nouns (arms race), not adjective + noun
    listed: bool = False  # one item of a plain English list (the internet and air travel)


# The English path's rules: a note's defined terms, labelled lists, capitalised terms and
# figures come first; a noun phrase is a term only by what the text does with it (says it
# again, in a note's point); a single name (Germany in a note on the Great War) is what
# the text is about, not one fact of a sentence.
ENGLISH_BASE = {
    "marked": 58,
    "quote": 52,
    "defined": 50,
    "term": 44,
    "item": 44,
    "figure": 46,
    "date": 40,
    "phrase": 30,
    "name": 28,
    "keyword": 20,
}
ENGLISH_REPEATS = 8  # what repetition adds at most to an English card
ENGLISH_COMPOUND = 4
ENGLISH_WORD = 2  # each word of a noun phrase beyond two
ENGLISH_LISTED = 6  # an item of a plain list: any of its items fits the blank


def importance(evidence: Evidence) -> int:
    """The card's importance, LOWEST to HIGHEST (see the module)."""
    if evidence.english and not evidence.is_set:
        return _clamp(_english_importance(evidence))
    if evidence.is_set:
        score = SET_BASE.get(evidence.rule, 36) + min(evidence.pairs, 6)
        return _clamp(score)
    if evidence.figure is not None:
        score = FIGURE_BASE.get(evidence.figure, 24) + (HEADLINE if evidence.headline else 0)
        score += figure_count_worth(evidence.answer, total=evidence.figure == "total")
    else:
        score = BASE.get(evidence.rule, 30)
    if _everyday_word(evidence):
        score -= EVERYDAY  # 道路, 中国, 促进 underlined in a page of notes
    elif evidence.everyday_item:
        # the repeats of 新技术 or 全过程 count the words wherever the text says them (in
        # every plan, in 全过程人民民主), not the formula
        score -= EVERYDAY_ITEM
    else:
        score += _repetition(evidence.repeats)
    score -= RUN_STEP * evidence.run_place  # each further item of a run tells less of it
    if evidence.rule == "list" and _common_parts(evidence):
        score -= EVERYDAY  # 外资企业, 重点领域: a list item of everyday words
    score += _specificity(evidence)
    if evidence.heading:
        score += 8
    elif evidence.headed:
        score += HEADED
    if evidence.stressed:
        score += 4
    if evidence.point:
        score += 3
    return _clamp(score)


def _english_importance(evidence: Evidence) -> int:
    """An English card: its rule, the text saying it again, a compound's specificity, and
    where it stands (a heading, a note's point or a paragraph's first sentence)."""
    score = ENGLISH_BASE.get(evidence.rule, 30)
    score += min(ENGLISH_REPEATS, _repetition(evidence.repeats))
    if evidence.rule == "phrase":
        score += ENGLISH_COMPOUND if evidence.compound else 0
        score += ENGLISH_WORD * min(2, max(len(evidence.answer.split()) - 2, 0))
        if evidence.listed and evidence.repeats < 2:
            score -= ENGLISH_LISTED
    if evidence.heading:
        score += 8
    if evidence.point:
        score += 3
    return score


def general_word(evidence: Evidence) -> bool:
    """A keyword answer that is a word of general language: one dictionary word (落地, 机理,
    风景线, 城乡居民: jieba knows it whole, however rare), not a person's name, said fewer
    than TERM_REPEATS times in the text, or than once per CHARS_PER_REPEAT characters of a
    long one (a word the text keeps naming is one of its terms; a long report names 国际合作
    a few times in passing),
    in a sentence of LONG_SENTENCE characters or more (a learner's short line is about its
    common word: 你叫什么名字？). So is a compound of common words only (资本|市场, 国际|
    竞争力: each word's IDF under COMMON_IDF); a compound with a rarer word (高标准|农田,
    港澳|企业) is the text's own."""
    common_parts = _common_parts(evidence)
    # a long text's list of everyday words (政策体系、规范化、积极性) or of categories jieba
    # knows whole (国有企业、民营企业、外资企业) is general language too
    listed = evidence.rule == "list" and evidence.text_length > LONG_LIST_TEXT
    if listed:
        return common_parts or (evidence.dictionary_word and not evidence.name)
    if evidence.rule == "keyword" and evidence.topical:
        return True  # 粤港澳|企业, or 粤港澳 alone: the topic, however often said
    # one word of two characters not rare (智慧, 基层; not 舆情, 横琴) stays general language
    # however often said
    single = (
        evidence.dictionary_word
        and len(evidence.answer) <= 2
        and (evidence.idf is None or evidence.idf < RARE_IDF)
    )
    # a rare word of four characters or more (共同富裕) is one of a long text's terms once
    # said TERM_REPEATS times: a report names no such word in passing
    coined = len(evidence.answer) >= 4 and evidence.idf is not None and evidence.idf >= RARE_IDF
    often = TERM_REPEATS if coined else max(TERM_REPEATS, evidence.text_length / CHARS_PER_REPEAT)
    return (
        evidence.rule == "keyword"
        and (evidence.dictionary_word or common_parts)
        and not evidence.name
        and (single or evidence.repeats < often)
        and evidence.sentence_length >= LONG_SENTENCE
    )


def everyday_quote(evidence: Evidence) -> bool:
    """A quotation of two characters that is no rare word or name (“窗口”, “上下”: a
    figure of speech; “两新”, “双减”: a shorthand the text may spell out), not a slogan or a
    name of the text's own such as “河长制”: it is ranked like any card, not kept whatever
    the budget as the text's own terms are."""
    return (
        evidence.rule == "quote"
        and len(evidence.answer) <= 2
        and not evidence.name
        and (evidence.idf is None or evidence.idf < COMMON_IDF)
    )


def everyday_marked(evidence: Evidence) -> bool:
    """A phrase the page underlines or bolds that is one everyday word (道路, 中国, 车辆 in
    a page of notes): ranked like any card. Any other marked phrase (丞相, 小篆, 蒙恬) is a
    blank the author chose, kept whatever the budget."""
    return evidence.rule == "marked" and _everyday(evidence)


def _everyday_word(evidence: Evidence) -> bool:
    """A blank that is one word of everyday language, whatever marked it (an underlined
    道路 or 促进 in a page of notes, a list item 中国): jieba knows it whole, it names no
    person or place, and it is common (IDF under COMMON_IDF) or no noun at all. A text says
    such a word often without making it a concept of its own, so repetition earns nothing.
    The rules whose own marking is the point (quotes, formulas, titles, figures) and the
    keyword fallback (judged by `general_word`) are not judged here."""
    if evidence.rule in _OWN_MARKING or evidence.rule == "keyword" or evidence.figure:
        return False
    return _everyday(evidence)


def _everyday(evidence: Evidence) -> bool:
    if not evidence.dictionary_word or evidence.name or len(evidence.answer) > 3:
        return False
    return evidence.idf is None or evidence.idf < COMMON_IDF


def _common_parts(evidence: Evidence) -> bool:
    """Every word of the answer is a common noun (资本|市场, 重点|领域: IDF under
    COMMON_IDF)."""
    return bool(evidence.part_idfs) and all(
        idf is not None and idf < COMMON_IDF for idf in evidence.part_idfs
    )


def figure_count_worth(answer: str, *, total: bool = False) -> int:
    """A figure's worth by what it counts (see SUM and COUNT); a `total` (合共14条航线)
    pays no COUNT_COST."""
    if SUM.search(answer):
        return SUM_BONUS
    if COUNT.search(answer) and not total:
        return -COUNT_COST
    return 0


def _repetition(repeats: int) -> int:
    """A phrase the text names again and again is one of its central concepts."""
    if repeats < 2:
        return 0
    return min(18, round(6 * math.log2(repeats)))


def _specificity(evidence: Evidence) -> int:
    answer = evidence.answer
    length = len(answer)
    score = min(8, 2 * max(length - 2, 0)) if evidence.figure is None else 0
    if evidence.rule in ("keyword", "term", "coined", "name", "person", "place", "event", "linked"):
        if evidence.name:
            score += 6
        elif evidence.idf is None:
            score += 6 if length >= 4 else 0  # a compound of the text's own (新质生产力)
        elif evidence.idf >= RARE_IDF:
            score += 6
        elif evidence.idf < COMMON_IDF:
            score -= 12
    return score


def _clamp(score: float) -> int:
    return max(LOWEST, min(HIGHEST, round(score)))
