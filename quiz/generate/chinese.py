"""Cards from a Chinese text: the rules (quotes, formulas, titles, enumerations, parallel
leads and headings), word-boundary checks against jieba, TF-IDF keywords for the sentences
no rule covered, and the matching sets of the same structures."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache, partial
from itertools import accumulate, chain

from quiz.deck import Card, MatchCard
from quiz.figures import parse_figure
from quiz.generate import (
    cloze,
    coined,
    figures,
    glossed,
    goals,
    headed,
    keywords,
    matching,
    names,
    parallel,
    parts,
    people,
    rank,
    series,
    terms,
    vocabulary,
)
from quiz.generate.cloze import Candidate
from quiz.generate.hints import PinyinHints
from quiz.generate.matching import PairSource
from quiz.generate.occurrences import Occurrences
from quiz.generate.structure import (
    DOCUMENT_NUMBER,
    HEADING_NUMBER,
    Heading,
    Layout,
    Paragraph,
    Sentence,
    credit_zones,
    unfit_sentence,
)
from quiz.text import english, phrases
from quiz.text.phrases import Segmenter
from quiz.text.script import to_simplified, to_traditional

MAX_LEAD = 30
# A person named this near the top of a text is its author or speaker (省长 孟凡利).
BYLINE = 400
Spans = Iterator[tuple[int, int, str]]
# What an item keeps without the part all items of its list share, at least.
MIN_LIST_PART = 3
# A longer part left by the shared words is a clause of its own (文明|交流超越文明隔阂, 青年|
# 群众的引路人): the item is asked whole.
MAX_LIST_PART = 6


def _joins(token: str) -> bool:
    """A word that may be the other half of a compound: two CJK characters or more, no
    function word (的, 和 …)."""
    return len(token) >= 2 and phrases.has_cjk(token) and token[0] not in _LINKING_CHARS


def _stray(token: str) -> bool:
    """One character standing as a word that may belong to the word beside it (差 of
    吴王夫|差); a linking character (和, 的 …) stands alone (基金|和 is no 金和)."""
    return len(token) == 1 and token not in _LINKING_CHARS


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


# A dialogue line's speaker: a short name and a colon opening the line (小明：你好！), on
# two lines or more (a run-in head such as 指导思想：… opens one).
_SPEAKER = re.compile(f"(?m)^[ \t]*([{phrases.CJK}]{{2,4}})[：:](?=[ \t]*[{phrases.CJK}])")
MAX_INLINE_HEAD = 12
LEAD_ANSWER = 6
LEAD_OBJECT = 10  # what follows a verb every lead of the group opens with
# A lead's answer may grow back to this length to take its noun phrase whole.
MAX_LEAD_NOUNS = 10
# A word pair said this often in a text is one of its compounds: no blank cuts it.
RECURRING_PAIR = 2
# A word that follows the same word this share of the times is bound to it.
BOUND_SHARE = 0.8
# What a long lead keeps before its answer, at least: 服务消费|持续扩大, not 服务|消费持续扩大.
MIN_LEAD_NAME = 3
# What a lead's answer keeps when it loses its subject's nouns: 巩固夯实 of 基础巩固夯实.
MIN_PREDICATE = 4
KEYWORD_GAP = 6
MIN_KEYWORD_SENTENCE = 8
LONG_SENTENCE = 60
# 某某指出, or with the speaker's title between (办公室主任表示)
_REPORTING = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:指出|强调|表示|认为|介绍|说|称|提出|要求)")
_CLAUSE_END = re.compile(r"[，,；;：:。！？!?]")
_SPEAKING = re.compile(r"(?:指出|强调|表示|认为|介绍|提出)$")
_ORDINALS = "一二三四五六七八九十"
# 一是 / 二是 … opening a sentence: a point counted off in running text
_ORDINAL = re.compile(f"([{_ORDINALS}])(?:是|要|则)")
MAX_ORDINAL_POINT = 8
MIN_HALVES, MAX_HALVES = 6, 12
# Characters that open a clause or link to one, not a noun phrase (的, 在, 也 ...)
_LINKING_CHARS = frozenset("的地得了着过和与及或在是为对从把被将以于而也都就还又再这那")
# A statement of what must be done: the text's own emphasis.
_STRESSED = re.compile("必须|务必|坚持|着力|始终|确保|一定要|要")
_SERIAL = re.compile(f"[{_ORDINALS}]{{1,3}}号")
# The line a report's dateline stands on (——2026年1月28日在某市第六届人民代表大会第四次会议上)
_DATELINE = re.compile("^[—－-]|会议上|人民代表大会")
# Prepositions jieba's guesses glue to the unknown word after them (由铧|嘴).
_GLUED_PREPOSITIONS = frozenset("由在从把被将向于")
# The characters a word `glued` holds can open with (a preposition, 称, or a law's last
# character: 法等, 例和)
_GLUE_OPENERS = _GLUED_PREPOSITIONS | {"称", "法", "例"}
# The rules whose answers are names the text gives: a list item of their shape is one too.
_NAMING_RULES = frozenset({"term", "name", "event", "linked", "person", "place"})
# The rules that name a thing's parts and other names: a span another rule proposes is
# left to that rule.
_NAMING_PARTS = frozenset({"part", "defined"})
# Rules that blank their phrase wherever the text says it (what the page marks or links).
_SAID_EVERYWHERE = frozenset({"marked", "linked"})
# Digits read one by one, as a year or a date names an event or an agreement (九二, 五四,
# 九一八): no 十, so no count.
_DIGITS_READ = re.compile("[〇一二三四五六七八九]{2,3}")
_NUMBERED = re.compile(f"[{phrases.NUMERALS}〇]")
_NUMBERAL_CHARS = frozenset(f"{phrases.NUMERALS}〇")  # what _NUMBERED matches, as a set
# A count and what it counts as one word (三座大山, 五项原则, 三个代表)
_COUNTED_WORD = re.compile(f"[{phrases.NUMERALS}][{phrases.CLASSIFIERS}][{phrases.CJK}]{{2,4}}")


@cache
def hinter() -> PinyinHints:
    """The process-wide pinyin hint maker (with its cache file)."""
    return PinyinHints()


@cache
def segmenter() -> Segmenter:
    """The process-wide jieba wrapper (loading jieba's dictionary once)."""
    return Segmenter()


def other_script_of(out_script: str) -> Callable[[str], str] | None:
    if out_script == "traditional":
        return to_simplified
    if out_script == "simplified":
        return to_traditional
    return None


@dataclass(slots=True)
class _Lead:
    """A parallel clause: the head (and its distinctive part) and what follows it."""

    sentence: Sentence
    head: tuple[int, int]
    tail: tuple[int, int] | None


class ChineseCards:
    """Extraction and card building for one Chinese document."""

    def __init__(
        self,
        mirror: str,
        output: str,
        lay: Layout,
        out_script: str,
        emphasis: Sequence[str] = (),
        links: Sequence[str] = (),
    ):
        self.mirror = mirror
        # the phrases the page emphasised (<u>, <b>, **…**), in Simplified like the mirror
        self.emphasis = _alternation({to_simplified(p) for p in emphasis})
        # the names the page linked ([桂林市](…/桂林市.md)), likewise
        self.links = _alternation({to_simplified(p) for p in links})
        self.output = output
        self.lay = lay
        self.other = other_script_of(out_script)
        self.out_script = out_script
        self.seg = segmenter()
        self.candidates: dict[int, list[Candidate]] = {}
        self.sentences = lay.sentences
        self.index_of = {s.start: i for i, s in enumerate(self.sentences)}
        self.sentence_starts = [s.start for s in self.sentences]
        self.lead_groups: list[tuple[str, list[_Lead]]] = []
        # what each figure candidate is (target, result, year, fact), by its offsets
        self.figure_kinds: dict[tuple[int, int], str] = {}
        # each parallel item's place in its run (0 for the first), by its offsets
        self.run_places: dict[tuple[int, int], int] = {}
        # the items of a run that are its frame and one everyday noun (新|技术, 政治|关)
        self.everyday_items: set[tuple[int, int]] = set()
        # what the scoring step knows of each card, by card id
        self.evidence: dict[str, rank.Evidence] = {}
        # each cut of a sentence (by id) with where its words end, for `positions`
        self._token_ends: dict[int, tuple[list[str], list[int]]] = {}
        # a learner's word table (牛奶 niúnǎi n. milk): its runs of entries, its words and
        # the lines it stands on (the table's own lines hold no cloze card)
        self.vocabulary_runs = vocabulary.vocabulary_runs(mirror)
        self.vocabulary_words: frozenset[str] = frozenset(
            mirror[source.left[0] : source.left[1]]
            for run in self.vocabulary_runs
            for source in run
        )
        self.vocabulary_lines = {source.line for run in self.vocabulary_runs for source in run}
        self._repeats: dict[str, int] = {}
        self._said = Occurrences(mirror)  # mirror.count(answer), for many answers
        # the rules of procedure the glossed pass proposed (先审后发), a run's items replace
        self.procedures: set[tuple[int, int]] = set()
        self._section_labels: dict[tuple[int, int], str | None] = {}
        self._heading_cuts: dict[tuple[int, int], list[str]] = {}
        self._heading_text: str | None = None
        # the compounds the text says everywhere (set by find_terms; see past_topic)
        self.topic_terms: list[str] = []
        # what the text may say of a name alone (引大济岷 of 引大济岷工程), by its offsets
        self.name_cores: dict[tuple[int, int], str] = {}
        # the formulas each sentence spells out, by its start (where there are any)
        self.expansions: dict[int, list[tuple[phrases.Span, list[tuple[int, int]]]]] = {}
        # what keyword_spans reads of each token, kept for the document (see there)
        self._token_features: dict[str, keywords.TokenFeatures] = {}
        self.target_paragraphs = {
            p.index
            for p in lay.paragraphs
            if figures.TARGETS.search(mirror[p.start : p.end]) is not None
        }
        # the paragraphs under a heading that names their goals (（二）工作目标): a year
        # opening a sentence there is the goals' deadline (到2022年，建成…)
        self.goal_paragraphs = self.target_paragraphs | {
            p.index
            for p in lay.paragraphs
            if p.section is not None
            and goals.GOAL_HEADING.search(mirror[p.section[0] : p.section[1]]) is not None
        }
        # the paragraphs of a report's review of the past (一、2025年工作回顾 …)
        self.review_paragraphs = figures.review_paragraphs(mirror, lay)
        # the lines set apart above a paragraph that state its figures (…共安排883个，年度
        # 社会投资占比74.3%): their figures are the paragraph's headline
        self.subheads = figures.subhead_paragraphs(mirror, lay)
        self.number_sentence = next(
            (
                index
                for index, s in enumerate(self.sentences)
                if _numbered_title(mirror[s.start : s.end])
            ),
            None,
        )
        self.unfit = self.unfit_sentences()
        self.zones = [
            [(s.start + a, s.start + b) for a, b in credit_zones(mirror[s.start : s.end])]
            for s in self.sentences
        ]

    def unfit_sentences(self) -> set[int]:
        """Indices of sentences that can hold no card (credits, notes, garbles, cut-offs)."""
        unfit = set()
        for paragraph in self.lay.paragraphs:
            body = paragraph.sentences
            for position, sentence in enumerate(body):
                if sentence.line in self.vocabulary_lines:  # 身体 shēntǐ n. body: the table's
                    unfit.add(self.index_of[sentence.start])
                    continue
                why = unfit_sentence(
                    self.mirror[sentence.start : sentence.end],
                    last=position == len(body) - 1,
                    alone=len(body) == 1,
                )
                if why is not None:
                    unfit.add(self.index_of[sentence.start])
        return unfit

    # ----- helpers
    def section_label(self, sentence: Sentence) -> str | None:
        if sentence.section is None:
            return None
        label = self._section_labels.get(sentence.section, "")
        if label == "":  # each candidate asks its sentence's: read once per section
            start, end = sentence.section
            label = self._section_labels[sentence.section] = self.output[start:end].strip() or None
        return label

    def add(self, sentence: Sentence, start: int, end: int, rule: str) -> None:
        candidate = self.candidate(sentence, start, end, rule)
        self.candidates.setdefault(self.index_of[sentence.start], []).append(candidate)

    def candidate(self, sentence: Sentence, start: int, end: int, rule: str) -> Candidate:
        """A blank from `start` to `end` (offsets of the text) of `sentence`, by `rule`."""
        return Candidate(
            start=start,
            end=end,
            s_start=sentence.start,
            s_end=sentence.end,
            rule=rule,
            line=sentence.line,
            section=self.section_label(sentence),
        )

    def prompt(self, kind: str) -> str:
        text = matching.PROMPTS[kind]
        return to_traditional(text) if self.out_script == "traditional" else text

    # ----- extraction
    def build(self) -> list[tuple[int, Card]]:
        """Run the passes, check every candidate, then cut the cloze cards and the sets.

        The sentence passes (`SENTENCE_PASSES`) each read one sentence and propose spans;
        the text passes (`TEXT_PASSES`) need the whole text cut by jieba. Scoring and
        selection come after, in `quiz.generate.rank` and `quiz.generate.select`."""
        for sentence in self.sentences:
            text = self.mirror[sentence.start : sentence.end]
            for sentence_pass in SENTENCE_PASSES:
                for start, end, rule in sentence_pass(self, sentence, text):
                    self.add(sentence, sentence.start + start, sentence.start + end, rule)
        # Rule phrases are checked against jieba's own cut (a blank must not split a word),
        # then registered so the TF-IDF pass never cuts through them.
        self.tokens = [self.seg.cut(self.mirror[s.start : s.end]) for s in self.sentences]
        self.bounds = [_Bounds(tokens, self.glued, _GLUE_OPENERS) for tokens in self.tokens]
        # how often the text says each word and each pair of words (a pair it says again is
        # one of its compounds: no blank cuts it)
        self.doc_counts: Counter[str] = Counter(chain.from_iterable(self.tokens))
        self.pair_counts: Counter[tuple[str, str]] = Counter(
            chain.from_iterable(zip(ts, ts[1:], strict=False) for ts in self.tokens)
        )
        # the rare words said in nearly every phrase (粤港澳 of a plan for the Bay Area)
        self.topic = terms.topic_words(self.doc_counts, self.seg.keyword_weight)
        for text_pass in TEXT_PASSES:
            text_pass(self)
        self.valid = self.validate()
        self.cut_tokens = list(self.tokens)  # jieba's own cut, before any registered word
        words = {
            self.mirror[c.start : c.end]
            for cs in self.valid.values()
            for c in cs
            if " " not in self.mirror[c.start : c.end]  # 上 班 as a learner page writes it
        }
        cards: list[tuple[int, Card]] = []
        cards.extend(self.match_cards())  # splits items with jieba's own cut
        with self.seg.registered(words):
            cards.extend(self.cloze_cards(words))  # the keyword fallback fills in here
        return cards

    # ----- sentence passes: (start, end, rule) spans of one Simplified sentence

    def quotes_formulas_titles(self, _sentence: Sentence, text: str) -> Spans:
        """“神经末梢” (quote), 三会一课 / “两个确立” (formula), 《条例》 (title). An unquoted
        formula that is an idiom (千家万户, 一言一行: jieba's 成语) or a count (十亿|三千万人)
        is none."""
        for span in phrases.quoted_terms(text) + phrases.titles(text):
            yield span.start, span.end, span.rule
        for span in phrases.formulas(text):
            formula = text[span.start : span.end]
            idiom = self.seg.keyword_kind(formula) == keywords.IDIOM_KIND
            if not idiom and parse_figure(formula) is None:
                yield span.start, span.end, span.rule

    def list_items(self, _sentence: Sentence, text: str) -> Spans:
        """The first and last item of a same-shaped 、-list (see `list_answers`)."""
        for enumeration in phrases.enumerations(text):
            for start, end in self.list_answers(text, enumeration):
                yield start, end, "list"

    def formula_items(self, sentence: Sentence, text: str) -> Spans:
        """What a formula stands for: 四个意识，即政治意识、大局意识… gives its first and last."""
        expansions = phrases.formula_expansions(text)
        if expansions:  # kept for the sets (paragraph_expansions)
            self.expansions[sentence.start] = expansions
        for _formula, items in expansions:
            for start, end in items[:1] + items[-1:]:
                yield start, end, "formula"

    def marked_phrases(self, _sentence: Sentence, text: str) -> Spans:
        """The phrases the page emphasised (<u>咸阳</u>, **小篆**) where the sentence says them."""
        if self.emphasis is not None:
            for match in self.emphasis.finditer(text):
                yield match.start(), match.end(), "marked"

    def linked_names(self, _sentence: Sentence, text: str) -> Spans:
        """The names the page linked ([桂林市](…/桂林市.md), [兴安县境内](…/兴安县)) where the
        sentence says them: a page names its things by linking them."""
        if self.links is not None:
            for match in self.links.finditer(text):
                yield match.start(), match.end(), "linked"

    def named_list_items(self, _sentence: Sentence, text: str) -> Spans:
        """解决…的党小组开放日、消除…的红色智慧田: the names (quiz.generate.series)."""
        for start, end in series.named_items(text):
            yield start, end, "item"

    def named_parts(self, sentence: Sentence, text: str) -> Spans:
        """What an article says a thing is made of and called (quiz.generate.parts): every
        part of 由…组成 (`part`), other names (又称…, …，称X), the most notable one (最古老
        的是X) and what 它们是 (`defined`)."""
        if sentence.heading:
            return
        for start, end in parts.composition_items(text):
            yield start, end, "part"
        for finder in (parts.aliases, parts.notable_names, parts.what_it_is):
            for start, end in finder(text):
                yield start, end, "defined"

    def glossed_phrases(self, sentence: Sentence, text: str) -> Spans:
        """What a document marks by how it writes it (quiz.generate.glossed): a token it
        glosses in brackets, IPv6（互联网协议第6版） (`glossed`), a law named without 《》,
        依据网络安全法等法律法规 (`law`), and a rule of procedure in four characters, 先审后
        发 (`coined`; no idiom or dictionary word: 先来后到)."""
        if sentence.heading:
            return
        for start, end in glossed.glossed_terms(text):
            yield start, end, "glossed"
        for start, end in glossed.unmarked_laws(text):
            yield start, end, "law"
        for start, end in glossed.procedure_coinages(text):
            word = text[start:end]
            if self.seg.is_word(word) or self.seg.keyword_kind(word) == keywords.IDIOM_KIND:
                continue
            self.procedures.add((sentence.start + start, sentence.start + end))
            yield start, end, "coined"

    def document_number(self, sentence: Sentence, text: str) -> Spans:
        """The document's own number under its title (国办发〔2018〕123号: the layout reads
        the title and it as one sentence, `structure.document_number`), asked with the
        title as its context (`docnumber`); the sentence holds no other card."""
        if self.index_of[sentence.start] == self.number_sentence:
            last = text.rsplit("\n", 1)[1]
            yield len(text) - len(last), len(text), "docnumber"

    def grammar_terms(self, _sentence: Sentence, text: str) -> Spans:
        """The class a learner's note gives a quoted word: “要” is a {modal verb} which …"""
        for span in english.class_of_quoted(text):
            yield span.start, span.end, span.rule

    def figure_spans(self, sentence: Sentence, text: str) -> Spans:
        """Figures with unit and measure (quiz.generate.figures); in a paragraph stating the
        targets each is a `goal`, and so is the year opening a sentence under a heading that
        names the goals (quiz.generate.goals)."""
        if sentence.heading:
            return
        targets = sentence.paragraph in self.target_paragraphs
        goal = sentence.paragraph in self.goal_paragraphs
        review = sentence.paragraph in self.review_paragraphs
        for figure in figures.figure_spans(text):
            kind = "goal" if targets and figure.kind != "year" else figure.kind
            if goal and kind == "year" and goals.deadline(text, figure.start):
                kind = "goal"  # 到2022年，建成…: the deadline of the goals stated
            if review and kind == "target":
                kind = "result"  # 稳定在98%以上, 控制在3.5% of the past year: what was done
            self.figure_kinds[(sentence.start + figure.start, sentence.start + figure.end)] = kind
            yield figure.start, figure.end, "figure"

    @staticmethod
    def list_answers(text: str, enumeration: phrases.Enumeration) -> list[tuple[int, int]]:
        """The first and last item of an enumeration, without the part all items share
        (思想路线 of 思想路线保证、…) when that leaves MIN_LIST_PART characters or more; a last
        item the text runs on from (防范化解 of …、提振信心、防范化解风险) leaves its place to
        the one before."""
        items = [(s, e) for s, e in enumeration.items if e - s > 2]
        if len(items) > 2 and _runs_on(text, items[-1][1]):
            items = items[:-1]  # 防范化解|风险: the last item was cut to the others' length
        if not items:
            return []
        texts = [text[s:e] for s, e in items]
        if all(t.endswith("的") for t in texts):
            return []  # 全面的、系统的、整体的: qualities, no things to name
        prefix = len(phrases.common_prefix(texts))
        suffix = len(phrases.common_suffix(texts))
        prefix = prefix if prefix >= 2 else 0
        suffix = suffix if suffix >= 2 else 0
        picked = items[:1] + items[-1:] if len(items) > 1 else items
        if all(
            MIN_LIST_PART <= e - s - prefix - suffix <= MAX_LIST_PART
            and "的" not in text[s + prefix : e - suffix]
            for s, e in picked
        ):
            return [(s + prefix, e - suffix) for s, e in picked]
        return picked  # 经济实力: a two-character part (经济) says nothing alone

    def validate(self) -> dict[int, list[Candidate]]:
        valid: dict[int, list[Candidate]] = {}
        for index, candidates in self.candidates.items():
            others = {(c.start, c.end) for c in candidates if c.rule not in _NAMING_PARTS}
            for found in candidates:
                if found.rule in _NAMING_PARTS and (found.start, found.end) in others:
                    continue  # 俗称**陡河**: what the page marks or links asks it as such
                candidate: Candidate | None = found
                if self.problem(index, found) is not None:
                    candidate = self.said_once(index, found)  # 3万亿元 said twice
                if candidate is None:
                    continue
                if candidate.rule == "list" and self.reads_as_clause(index, candidate):
                    continue  # 应对贸易摩擦, 布局合理: what is done, not what is named
                if candidate.rule in ("name", "event") and self.runs_on(index, candidate):
                    continue  # 世界级机场|群: the name goes on
                valid.setdefault(index, []).append(candidate)
        return valid

    def said_once(self, index: int, candidate: Candidate) -> Candidate | None:
        """A figure its sentence says twice, asked where it is said the second time, in the
        part of the sentence after the clause that says it first (全市工业经济总量突破3万亿
        元，…，重庆成为首个经济总量超过{3万亿元}的城市: the card opens after 突破3万亿元，).
        None for the first saying (one card of the sentence asks the figure), where the
        blank's own clause says it twice, or where the part left is refused too."""
        if candidate.rule != "figure":
            return None
        mirror = self.mirror
        answer = mirror[candidate.start : candidate.end]
        earlier = mirror.rfind(answer, candidate.s_start, candidate.start)
        if earlier < 0 or mirror.find(answer, candidate.end, candidate.s_end) >= 0:
            return None
        stop = _CLAUSE_END.search(mirror, earlier + len(answer), candidate.start)
        if stop is None:
            return None  # said before in the blank's own clause
        s_start = stop.end()
        while s_start < candidate.start and mirror[s_start].isspace():
            s_start += 1
        opened = replace(candidate, s_start=s_start)
        return opened if self.problem(index, opened) is None else None

    def answer_tokens(self, index: int, candidate: Candidate) -> tuple[list[str], str]:
        """The words of the answer and the word after it ("" at the end, or when the answer
        does not end on a word boundary)."""
        tokens = self.tokens[index]
        first, after = self.edges(index, candidate)
        if first < 0 or after < 0:
            return [], ""
        return list(tokens[first:after]), tokens[after] if after < len(tokens) else ""

    def reads_as_clause(self, index: int, candidate: Candidate) -> bool:
        """A list item that is a verb phrase or a clause: it opens with a verb or an adverb
        (应对|贸易摩擦, 充分发挥|国家级新区) or ends with an adjective (布局|合理)."""
        words, _after = self.answer_tokens(index, candidate)
        if len(words) < 2:
            return False
        first, last = words[0], words[-1]
        if first[:2] in names.ADVERBS or first in names.ACTION_VERBS:
            return True
        verb = self.seg.is_word(first) and self.seg.keyword_weight(first) is None
        return (verb and not self.seg.is_attributive(first)) or self.seg.is_attributive(last)

    def runs_on(self, index: int, candidate: Candidate) -> bool:
        """The name is followed by one more character of it (世界级机场|群)."""
        _words, after = self.answer_tokens(index, candidate)
        return len(after) == 1 and phrases.has_cjk(after) and after not in _LINKING_CHARS

    def problem(self, index: int, candidate: Candidate) -> str | None:
        if index == self.number_sentence:  # the title over the document's number
            return None if candidate.rule == "docnumber" else "the title over its number"
        if index in self.unfit:
            return "the sentence is a credit, a note, garbled or cut off"
        if any(a < candidate.end and candidate.start < b for a, b in self.zones[index]):
            return "a byline or dateline"
        return cloze.answer_problem(candidate, self.mirror, self.output, self.bounds[index])

    def find_leads(self) -> None:
        by_section: dict[tuple[int, int] | None, list[Paragraph]] = {}
        for paragraph in self.lay.paragraphs:
            if paragraph.heading is None:
                by_section.setdefault(paragraph.section, []).append(paragraph)
            self.find_inline_heads(paragraph)
        for paragraphs in by_section.values():
            leads = []
            for paragraph in paragraphs:
                body = [s for s in paragraph.sentences if not s.heading]
                if len(body) < 2 or body[0].end - body[0].start > MAX_LEAD:
                    continue
                leads.append(self.split_clause(body[0], whole_tail=True))
            if len(leads) >= 2:
                heads = [self.mirror[lead.head[0] : lead.head[1]] for lead in leads]
                same_shape = phrases.parallel_groups(heads, min_size=2)
                if same_shape and len(same_shape[0]) == len(leads):
                    self.lead_groups.append(("lead", leads))
                    continue
                if all(lead.tail is not None for lead in leads):
                    self.lead_groups.append(("lead", leads))
                    continue
            self.find_item_heads(paragraphs)
        self.find_ordinal_heads()
        for kind, leads in self.lead_groups:
            if kind == "ordinal":
                self.add_ordinal_candidates(leads)
            else:
                self.add_lead_candidates(leads)
        for headings in self.heading_groups():
            # a heading alone is too little context for a blank: only title + subtitle pairs
            if len(headings) < 2 or any(h.subtitle is None for h in headings):
                continue
            sentences = [self.heading_sentence(h) for h in headings]
            self.add_lead_candidates(
                [
                    _Lead(sentence, h.title, h.subtitle)
                    for sentence, h in zip(sentences, headings, strict=True)
                ]
            )

    def own_places(self) -> set[str]:
        """The text's own place without its suffix (南江 of a byline signed by 南江省人民政
        府), where a byline names it."""
        found: set[str] = set()
        for sentence in self.sentences:
            if sentence.start >= BYLINE:
                break
            text = self.mirror[sentence.start : sentence.end]
            for start, end in people.byline_places(text):
                stem = people.place_stem(text[start:end])
                if stem is not None:
                    found.add(stem)
        return found

    def find_place_programmes(self) -> None:
        """The programmes the text names after its own place (数字|南江, 绿美|南江:
        quiz.generate.names.place_programmes), each a name where first said fit."""
        places = self.own_places()
        if not places:
            return
        found = names.place_programmes(
            self.tokens,
            places,
            weight=self.seg.keyword_weight,
            is_word=self.seg.is_word,
            describes=self.seg.is_attributive,
            said=self.repeats,
        )
        for phrase in found:
            where = self.place_once(phrase, "name")
            if where is not None:
                index, candidate = where
                self.candidates.setdefault(index, []).append(candidate)

    def find_sibling_names(self) -> None:
        """An item of a list of names of one shape, two or more of them names or terms the
        text asks, that jieba cut apart (深圳|前|海 beside 广州南沙, 珠海横琴:
        quiz.generate.series.sibling_names): a name too, asked as an item once."""
        known = {
            self.mirror[c.start : c.end]
            for cs in self.candidates.values()
            for c in cs
            if c.rule in _NAMING_RULES
        }
        seen: set[str] = set()
        for index, (sentence, bounds) in enumerate(zip(self.sentences, self.bounds, strict=True)):
            if sentence.heading or "、" not in self.mirror[sentence.start : sentence.end]:
                continue
            text = self.mirror[sentence.start : sentence.end]
            for start, end in series.sibling_names(text, known.__contains__):
                if start in bounds and end in bounds:
                    self.propose_once(index, start, end, "item", seen)

    def find_joined_pairs(self) -> None:
        """A series of dash-joined pairs (甲城－乙城、丙城－丁城: quiz.generate.series.
        joined_pairs), each pair an item."""
        for index, (sentence, tokens) in enumerate(zip(self.sentences, self.tokens, strict=True)):
            if series.PAIR_JOINERS.isdisjoint(tokens):
                continue  # a quick test: most sentences join nothing
            for start, end in series.joined_pairs(tokens):
                candidate = self.candidate(
                    sentence, sentence.start + start, sentence.start + end, "item"
                )
                if self.problem(index, candidate) is None:
                    self.candidates.setdefault(index, []).append(candidate)

    def find_named_counts(self) -> None:
        """A count asked with the programme it counts (`figures.named_count_shape`): the total
        of the names listed before it (宝安燕罗、…、深汕智造城等|20个|先进制造业园区) or a
        count of 实事 or 大事 (30件|民生实事), where the text names the programme again
        without the count (扎实推进先进制造业园区建设, 办好年度民生实事): the answer is the
        count and its noun, which the scoring step weighs as a `named` figure."""
        for index, candidates in self.candidates.items():
            figures_here = [c for c in candidates if c.rule == "figure"]
            if not figures_here:
                continue
            sentence = self.sentences[index]
            text = self.mirror[sentence.start : sentence.end]
            tokens = self.tokens[index]
            ends = self.word_ends(tokens)
            for candidate in figures_here:
                start, end = candidate.start - sentence.start, candidate.end - sentence.start
                noun = self.counted_programme(text, tokens, ends, start, end)
                if noun is None:
                    continue
                named = replace(candidate, end=candidate.end + noun)
                if self.problem(index, named) is not None:
                    continue
                candidates[candidates.index(candidate)] = named
                self.figure_kinds[(named.start, named.end)] = "named"

    def counted_programme(
        self, text: str, tokens: list[str], ends: list[int], start: int, end: int
    ) -> int | None:
        """The length of the programme's name after the count `text[start:end]` (see
        find_named_counts), or None: the longest run of words after the measure word, of
        four characters or more, that ends with a noun and that the text says again."""
        if not figures.named_count_shape(text, start, end):
            return None
        position = bisect_left(ends, end)
        if position >= len(ends) or ends[position] != end:
            return None  # the count ends inside a word
        found = None
        for stop in range(position + 1, len(ends)):
            noun = text[end : ends[stop]]
            if len(noun) > figures.MAX_PROGRAMME or not phrases.has_cjk(noun[-1]):
                break
            if any(ch in _LINKING_CHARS for ch in noun):
                break
            last = tokens[stop - 1]
            if (
                len(noun) >= figures.MIN_PROGRAMME
                and self.seg.keyword_kind(last) in (keywords.NOUN_KIND, keywords.NAME_KIND)
                and figures.counts_programme(text, start, end, noun)
                and self.repeats(noun) >= 2
            ):
                found = len(noun)
        return found

    def find_vocabulary(self) -> None:
        """Each word of the page's word table (of two characters or more) blanked where
        its lesson first says it as a word; a lesson that writes words apart (上 班) is
        read with the spaces."""
        words = sorted(
            (w for w in self.vocabulary_words if len(w) >= 2),
            key=lambda w: self.mirror.find(w),
        )
        for word in words:
            pattern = re.compile(r"[ \t]?".join(re.escape(ch) for ch in word))
            for index, sentence in enumerate(self.sentences):
                if index in self.unfit or sentence.heading:
                    continue
                text = self.mirror[sentence.start : sentence.end]
                found = [m for m in pattern.finditer(text) if m.group() in (word, " ".join(word))]
                if len(found) != 1:
                    continue
                start, end = found[0].span()
                if start not in self.bounds[index] or end not in self.bounds[index]:
                    continue
                candidate = self.candidate(
                    sentence, sentence.start + start, sentence.start + end, "vocabulary"
                )
                if self.problem(index, candidate) is None:
                    self.candidates.setdefault(index, []).append(candidate)
                    break

    def find_ordinal_names(self) -> None:
        """第一个百年奋斗目标 / 第二个百年奋斗目标: a series the text counts by ordinals
        (quiz.generate.series), each where first said, as a formula."""
        for start, end in series.ordinal_names(self.mirror):
            index = bisect_right(self.sentence_starts, start) - 1
            if index < 0:
                continue
            sentence = self.sentences[index]
            if end > sentence.end or end - sentence.start not in self.bounds[index]:
                continue
            candidate = self.candidate(sentence, start, end, "formula")
            if self.problem(index, candidate) is None and not self.cuts_quote(sentence, candidate):
                self.candidates.setdefault(index, []).append(candidate)

    def find_numbered_names(self) -> None:
        """Names made with a number, once per text: a series and its number (天舟七号,
        嫦娥五号: a noun or a name jieba guessed, then 七号 as its own token); a count the
        language made a word (三座大山, 五项原则: a noun of a formula's shape), asked as a
        formula; a name opened by digits read one by one (九二|共识, 五四|运动)."""
        seen: set[str] = set()
        for index, (sentence, tokens) in enumerate(zip(self.sentences, self.tokens, strict=True)):
            if not _NUMBERED.search(self.mirror, sentence.start, sentence.end):
                continue  # a quick test: most sentences name no number
            ends = self.word_ends(tokens)
            for position, token in enumerate(tokens):
                if token[-1:] != "号" and token[:1] not in _NUMBERAL_CHARS:
                    continue  # numbered_name's quick test: no number opens or ends it
                found = self.numbered_name(tokens, position)
                if found is None:
                    continue
                first, stop, rule = found
                start, end = sentence.start + ends[first], sentence.start + ends[stop]
                answer = self.mirror[start:end]
                candidate = self.candidate(sentence, start, end, rule)
                if answer not in seen and self.problem(index, candidate) is None:
                    seen.add(answer)
                    self.candidates.setdefault(index, []).append(candidate)

    def numbered_name(self, tokens: list[str], position: int) -> tuple[int, int, str] | None:
        """The words (first, stop) and rule of the numbered name (see find_numbered_names)
        that `tokens[position]` ends (a series' number) or opens (the others), if any."""
        token = tokens[position]
        weight = self.seg.keyword_weight
        if position > 0 and token[-1:] == "号" and _SERIAL.fullmatch(token):
            name = tokens[position - 1]
            if not 2 <= len(name) <= 3 or not phrases.has_cjk(name) or not name.isalpha():
                return None
            if weight(name) is None and (
                self.seg.is_word(name) or any(ch in keywords.FUNCTION_CHARS for ch in name)
            ):
                return None  # a common word or a guess made of function words (这是|三号)
            return position - 1, position + 1, "name"
        if (
            _COUNTED_WORD.fullmatch(token)
            and weight(token) is not None
            and self.seg.keyword_kind(token) != keywords.IDIOM_KIND  # 千方百计
        ):
            return position, position + 1, "formula"  # 三座大山: the dictionary's noun
        if _DIGITS_READ.fullmatch(token) and position + 1 < len(tokens):
            following = tokens[position + 1]
            if len(following) >= 2 and self.seg.keyword_kind(following) == keywords.NOUN_KIND:
                return position, position + 2, "name"  # 九二|共识
        return None

    def propose_once(
        self,
        index: int,
        start: int,
        end: int,
        rule: str,
        seen: set[str],
        *,
        whole: bool = False,
        alone: bool = False,
    ) -> Candidate | None:
        """Propose `[start, end)` of sentence `index` (offsets in the sentence) as a `rule`
        blank unless its answer is in `seen` (the text's first fit saying of it is asked)
        or the blank is unfit (`problem`; with `whole`, also one that cuts a quotation or
        dangles; with `alone`, one over a blank proposed there already). The candidate
        proposed, else None."""
        sentence = self.sentences[index]
        name = self.mirror[sentence.start + start : sentence.start + end]
        if name in seen:
            return None
        candidate = self.candidate(sentence, sentence.start + start, sentence.start + end, rule)
        here = self.candidates.get(index, [])
        if (
            self.problem(index, candidate) is not None
            or (whole and (self.cuts_quote(sentence, candidate) or self.dangles(index, candidate)))
            or (alone and any(candidate.overlaps(c) for c in here))
        ):
            return None
        seen.add(name)
        self.candidates.setdefault(index, []).append(candidate)
        return candidate

    def find_people(self) -> None:
        """A person named with a title (省长 孟凡利, 大将蒙恬: quiz.generate.people), once per
        text, where first so named."""
        seen: set[str] = set()
        for index, (sentence, bounds) in enumerate(zip(self.sentences, self.bounds, strict=True)):
            text = self.mirror[sentence.start : sentence.end]
            for start, end in people.titled_names(text, bounds.__contains__, self.common_word):
                self.propose_once(index, start, end, "person", seen)

    def find_byline_places(self) -> None:
        """The place whose office signs the byline (某市某区人民政府区长 王某: the district
        and its city: quiz.generate.people.byline_places): what a report is about, asked
        in the byline and kept whatever the cap, like the speaker; not where a line above
        it names it already (2026年某市政府工作报告: the title gives it away), other than
        the dateline (——在某市第N届人民代表大会…会议上), which only says where."""
        seen: set[str] = set()
        for index, (sentence, bounds) in enumerate(zip(self.sentences, self.bounds, strict=True)):
            if sentence.start >= BYLINE:
                break
            text = self.mirror[sentence.start : sentence.end]
            above = [
                line
                for line in self.mirror[: sentence.start].split("\n")
                if not _DATELINE.search(line)
            ]
            for start, end in people.byline_places(text):
                place = text[start:end]
                named_above = any(place in line for line in above)  # the title gives it away
                if start in bounds and end in bounds and not named_above:
                    self.propose_once(index, start, end, "place", seen)

    def find_named_things(self) -> None:
        """A scheme, fund or place the text names, perhaps once (撒玛利亚基金, 港珠澳大桥:
        quiz.generate.names), where first so named."""
        seen: set[str] = set()
        for index, (sentence, tokens) in enumerate(zip(self.sentences, self.tokens, strict=True)):
            if sentence.heading:
                continue  # a heading's object is asked where the body says it (find_heading_names)
            found = names.named_things(
                tokens,
                weight=self.seg.keyword_weight,
                is_word=self.seg.is_word,
                kind=self.seg.keyword_kind,
                describes=self.seg.is_attributive,
                frequency=self.seg.frequency,
                distinguishes=self.seg.is_distinguishing,
                said=self.repeats,
            )
            for start, end in found:
                start = self.past_topic(sentence, start, end)
                name = self.mirror[sentence.start + start : sentence.start + end]
                # a games (成都|世运会, 十五|运会) is an event, as a person is who: no scheme
                rule = "event" if name.endswith(names.GAMES) else "name"
                candidate = self.propose_once(index, start, end, rule, seen, whole=True)
                if candidate is not None:
                    first, after = self.positions(tokens, start, end)
                    if first >= 0 and after >= 0:
                        core = names.name_core(tokens[first:after], self.seg.is_word)
                        if core is not None:
                            self.name_cores[(candidate.start, candidate.end)] = core

    def find_stated_names(self) -> None:
        """What a document names without marking it (quiz.generate.goals): the organ it puts
        in charge (X是…的主管单位: a `name`), the principle it goes by (按照X原则, X no
        everyday word: `coined`), the state it says is built (全面建成了小康社会: a `term`)
        and the historic events it names by their dictionary names (辛亥革命, 黄巾起义: an
        `event`, one a sentence), each once, where first so said."""
        seen: set[str] = set()
        for index, (sentence, tokens) in enumerate(zip(self.sentences, self.tokens, strict=True)):
            if sentence.heading or index in self.unfit:
                continue
            text = self.mirror[sentence.start : sentence.end]
            for start, end in goals.organs_in_charge(text):
                if start in self.bounds[index] and end in self.bounds[index]:
                    self.propose_once(index, start, end, "name", seen, whole=True)
            for start, end in goals.named_principles(text) if "原则" in text else ():
                name = text[start:end]
                if start not in self.bounds[index] or end not in self.bounds[index]:
                    continue
                if (
                    self.seg.is_word(name)
                    and (self.seg.keyword_weight(name) or 0) < rank.COMMON_IDF
                ):
                    continue  # 按照市场化原则: a word of general language, no name of the text's
                self.propose_once(index, start, end, "coined", seen, whole=True)
            for start, end in goals.built_states(text) if "建" in text else ():
                if self.noun_phrase(index, start, end):
                    self.propose_once(index, start, end, "term", seen, whole=True)
            figured = [
                (c.start - sentence.start, c.end - sentence.start)
                for c in self.candidates.get(index, [])
                if c.rule == "figure"
            ]
            at = 0
            for token in tokens:  # one event a sentence: a list of wars is one fact of it
                start, at = at, at + len(token)
                if not goals.historic_event(token) or not self.historic_name(token):
                    continue
                if any(start < e and s < at for s, e in figured):
                    continue  # 1840年鸦片战争: the figure asks the event with its year
                if self.propose_once(index, start, at, "event", seen, whole=True) is not None:
                    break

    def noun_phrase(self, index: int, start: int, end: int) -> bool:
        """`[start, end)` of sentence `index` (offsets in the sentence) is words of jieba's
        cut that are each a noun or a word describing one (世界|一流|军队, 现代化|强国), the
        last a noun, with no digit (建成了50家医院: a count)."""
        tokens = self.tokens[index]
        first, after = self.positions(tokens, start, end)
        if first < 0 or after < 0:
            return False
        words = tokens[first:after]
        if not words or any(ch.isdigit() for word in words for ch in word):
            return False
        return self.noun(words[-1]) and all(
            self.noun(word) or self.seg.is_attributive(word) for word in words
        )

    def historic_name(self, word: str) -> bool:
        """A noun of jieba's own dictionary (辛亥革命) whose first part is no everyday noun
        (人民|战争 of a campaign, 局部|战争, 产业|革命: a kind of war or change, no event):
        a name the language knows, no phrase of the text's own (自我革命)."""
        if not self.seg.in_dictionary(word) or self.seg.keyword_weight(word) is None:
            return False
        modifier = self.seg.keyword_weight(word[: -len(goals.event_head(word))])
        return modifier is None or modifier >= goals.EVERYDAY_MODIFIER_IDF

    def past_topic(self, sentence: Sentence, start: int, end: int) -> int:
        """Where a name starts once the text's topic opening it is left out: a compound the
        text says everywhere (`topic_terms`: 智慧新校园 in a plan for it) is what all its
        phrases are about, so 智慧新校园|分级登记制度 names 分级登记制度 (at least
        names.MIN_NAME characters must be left)."""
        text = self.mirror[sentence.start + start : sentence.start + end]
        for topic in self.topic_terms:
            if text.startswith(topic) and len(text) - len(topic) >= names.MIN_NAME:
                return start + len(topic)
        return start

    def find_heading_names(self) -> None:
        """What a heading or its subtitle sets out to build (建设|国际科技创新中心, …，加快发展|
        X生产力: quiz.generate.headed), asked as a term where the body says it, when it is
        specific: a rare word or a word jieba guessed in it, or said TERM_REPEATS times. An
        object only headings name is asked in its heading when the heading has a subtitle
        to give it context and the object is a coinage (`headed.coined_object`: a word
        jieba does not know or a rare one, a thing and not an aspect of one); a heading
        alone is too little context for a blank."""
        objects: list[tuple[str, list[str], tuple[int, int], Heading, int, bool]] = []
        for heading in self.lay.headings:
            for part in (heading.title, heading.subtitle):
                if part is None:
                    continue
                title = self.mirror[part[0] : part[1]]
                tokens = self.heading_cut(part)
                found = headed.heading_object(
                    tokens,
                    weight=self.seg.keyword_weight,
                    is_word=self.seg.is_word,
                    verb=self.verb,
                    strict_verb=self.strict_verb,
                )
                if found is None:
                    continue
                subtitle = part is heading.subtitle
                if subtitle and not self.coined(tokens, found):
                    continue  # a subtitle says how (推进|城乡融合发展): only a coinage counts
                objects.append(
                    (title[found[0] : found[1]], tokens, found, heading, part[0], subtitle)
                )
        seen: set[str] = set()
        for name, tokens, found, heading, at_title, subtitle in objects:
            if name in seen or not self.specific(name, tokens, found):
                continue
            seen.add(name)
            # from a subtitle, the body must say it alone (城乡融合发展|示范区 is another thing)
            alone = self.says_alone if subtitle else None
            placed = self.place_once(name, "term", alone)
            if placed is None and heading.subtitle is not None:
                fits = self.heading_fit(name, tokens, found, heading, at_title)
                placed = next((fit for fit in fits if self.has_room(*fit)), None) or (
                    fits[0] if fits else None
                )
            if placed is not None:
                index, candidate = placed
                if not any(candidate.overlaps(c) for c in self.candidates.get(index, ())):
                    self.candidates.setdefault(index, []).append(candidate)

    def heading_fit(
        self,
        name: str,
        tokens: Sequence[str],
        found: tuple[int, int],
        heading: Heading,
        at_title: int,
    ) -> list[tuple[int, Candidate]]:
        """The heading's own blank on an object only headings name (see
        find_heading_names), if it is a coinage."""
        if not self.coined(tokens, found):
            return []
        sentence = self.heading_sentence(heading)
        index = self.index_of[sentence.start]
        start = at_title + found[0]
        candidate = self.candidate(sentence, start, start + len(name), "term")
        if self.problem(index, candidate) is not None or self.dangles(index, candidate):
            return []
        return [(index, candidate)]

    def says_alone(self, index: int, candidate: Candidate) -> bool:
        """No noun follows the answer (see `noun_follows`)."""
        return not self.noun_follows(index, candidate)

    def noun_follows(self, index: int, candidate: Candidate) -> bool:
        """A noun comes right after the answer: the text says it as part of a longer
        phrase there (城乡融合发展|示范区)."""
        _words, after = self.answer_tokens(index, candidate)
        return self.seg.keyword_kind(after) in (keywords.NOUN_KIND, keywords.NAME_KIND)

    def coined(self, tokens: Sequence[str], found: tuple[int, int]) -> bool:
        """The heading's object is a coinage of the text (headed.coined_object)."""
        return headed.coined_object(
            tokens,
            found,
            weight=self.seg.keyword_weight,
            is_word=self.seg.is_word,
            describes=self.seg.is_attributive,
            noun=self.noun,
            frequency=self.seg.frequency,
        )

    def noun(self, word: str) -> bool:
        """A noun or a name of two characters or more (jieba's keyword table)."""
        return len(word) >= 2 and self.seg.keyword_kind(word) in (
            keywords.NOUN_KIND,
            keywords.NAME_KIND,
        )

    def verb(self, word: str) -> bool:
        """A word that may open a heading as its verb: a sure one (`strict_verb`) or a
        two-character dictionary word that is no noun nor adjective (共建, 塑造)."""
        return self.strict_verb(word) or (
            len(word) == 2
            and self.seg.is_word(word)
            and self.seg.keyword_weight(word) is None
            and not self.seg.is_attributive(word)
        )

    def strict_verb(self, word: str) -> bool:
        """A governing verb (提升, 构建), a verb that acts on a name (实施, 弘扬) or a
        two-character verbal noun (建设, 发展)."""
        return len(word) == 2 and (
            word in keywords.GOVERNING_VERBS
            or word in names.ACTION_VERBS
            or self.seg.keyword_kind(word) == keywords.VERBAL_KIND
        )

    def specific(self, name: str, tokens: Sequence[str], span: tuple[int, int]) -> bool:
        """A heading's object worth a card: a word of it rare (IDF of terms.MIN_TERM_IDF)
        or guessed by jieba, or the object, longer than four characters, said
        rank.TERM_REPEATS times in the text."""
        if self.repeats(name) >= rank.TERM_REPEATS and len(name) > headed.MIN_OBJECT:
            return True  # 国际科技创新中心 said four times (重点工作 is any report's)
        at = 0
        for token in tokens:
            inside = span[0] <= at and at + len(token) <= span[1]
            at += len(token)
            if not inside:
                continue
            weight = self.seg.keyword_weight(token)
            if (weight is not None and weight >= terms.MIN_TERM_IDF) or (
                len(token) >= 2 and not self.seg.is_word(token)
            ):
                return True
        return False

    def find_coined_terms(self) -> None:
        """Coinages nothing else marks (quiz.generate.coined): a literary X之Y (强农之路,
        农业|兴县之本) and the short term a paragraph opens with and explains (X。 …) when
        the text names it elsewhere too; each once, where first said."""
        seen: set[str] = set()
        for index, (sentence, tokens) in enumerate(zip(self.sentences, self.tokens, strict=True)):
            if sentence.heading or index in self.unfit:
                continue
            text = self.mirror[sentence.start : sentence.end]
            spans: list[tuple[int, int]] = []
            if "之" in text:
                spans += coined.literary_coinages(tokens, is_word=self.seg.is_word, noun=self.noun)
            paragraph = self.lay.paragraphs[sentence.paragraph] if self.lay.paragraphs else None
            if paragraph is not None and paragraph.sentences[0].start == sentence.start:
                end = coined.run_in_term(text, self.repeats)
                if end is not None:
                    spans.append((0, end))
            for start, end in spans:
                if start in self.bounds[index] and end in self.bounds[index]:
                    self.propose_once(index, start, end, "coined", seen, whole=True, alone=True)

    def find_parallel_runs(self) -> None:
        """Runs of same-shaped phrases the text states unquoted (稳中求进、以进促稳、先立后破;
        政治关、法律关、政策关: quiz.generate.parallel): every other item a blank, the first
        ranked highest (`rank.RUN_STEP`); a mirrored pair (江山就是人民、人民就是江山) one
        blank. A run's items replace the list pass's cards on them, and a rule of procedure
        of the glossed pass (先立后破 of 稳中求进、以进促稳、先立后破)."""
        for index, (sentence, tokens) in enumerate(zip(self.sentences, self.tokens, strict=True)):
            if "、" not in tokens and "，" not in tokens and "," not in tokens:
                continue  # a quick test: no item to part
            runs = parallel.parallel_runs(
                self.mirror[sentence.start : sentence.end],
                tokens,
                is_word=self.seg.is_word,
                weight=self.seg.keyword_weight,
                kind=self.seg.keyword_kind,
            )
            if not runs:
                continue
            items = [(sentence.start + s, sentence.start + e) for run in runs for s, e in run.spans]
            self.candidates[index] = [
                c
                for c in self.candidates.get(index, [])
                if (c.rule != "list" and (c.start, c.end) not in self.procedures)
                or not any(c.start < e and s < c.end for s, e in items)
            ]
            for run in runs:
                everyday = {run.spans[i] for i in run.everyday}
                for place, choices in enumerate(run.asked):
                    for start, end in choices:  # the item, else the one after it
                        candidate = self.candidate(
                            sentence, sentence.start + start, sentence.start + end, "parallel"
                        )
                        if self.problem(index, candidate) is None and not self.cuts_quote(
                            sentence, candidate
                        ):
                            self.candidates.setdefault(index, []).append(candidate)
                            self.run_places[(candidate.start, candidate.end)] = place
                            if (start, end) in everyday:
                                self.everyday_items.add((candidate.start, candidate.end))
                            break

    def heading_cut(self, part: tuple[int, int]) -> list[str]:
        """jieba's cut of a heading's title or subtitle, by its offsets: the heading passes
        each read it (before any word is registered; no caller changes the list)."""
        found = self._heading_cuts.get(part)
        if found is None:
            found = self._heading_cuts[part] = self.seg.cut(self.mirror[part[0] : part[1]])
        return found

    def find_heading_series(self) -> None:
        """A series the sibling headings of a part name, one a heading (共建人文湾区 /
        构筑休闲湾区 / 塑造健康湾区: quiz.generate.parallel.heading_series)."""
        for headings in self.heading_groups():
            titles = [self.heading_cut(h.title) for h in headings]
            found = parallel.heading_series(titles, weight=self.seg.keyword_weight)
            for position, start, end in found:
                heading = headings[position]
                sentence = self.heading_sentence(heading)
                index = self.index_of[sentence.start]
                at = heading.title[0]
                candidate = self.candidate(sentence, at + start, at + end, "parallel")
                if self.problem(index, candidate) is None:
                    self.candidates.setdefault(index, []).append(candidate)

    def glued(self, token: str, following: str) -> bool:
        """A word jieba guessed (its dictionary does not list it) that glued a preposition
        to the first half of a word it cut apart, the other half the character after it
        (由铧|嘴: 由|铧嘴), the naming verb 称 to a name (称北渠: 称|北渠), or a law's last
        character to the 等 or 和 after it (网络安全|法等: 网络安全法|等). Asked of every word
        of the text: what its first characters rule out is ruled out first."""
        law = len(token) == 2 and token[0] in "法例" and token[1] in _LIST_CLOSERS
        if len(token) == 3:
            if token[0] != "称":
                return False
        elif len(token) != 2 or (token[0] not in _GLUED_PREPOSITIONS and not law):
            return False
        if self.seg.is_word(token) or not phrases.has_cjk(token):
            return False
        if law:
            return True  # 网络安全|法等: a law's last character glued to the 等 after it
        return len(token) == 3 or (
            len(following) == 1
            and phrases.has_cjk(following)
            and following not in keywords.FUNCTION_CHARS
        )

    def person_name(self, word: str) -> bool:
        """A word jieba's dictionary lists as a person's name."""
        return self.seg.keyword_kind(word) == keywords.NAME_KIND

    def common_word(self, word: str) -> bool:
        """A word jieba's dictionary lists that is no person's name (殷殷, 代表)."""
        return self.seg.is_word(word) and self.seg.keyword_kind(word) != keywords.NAME_KIND

    def find_terms(self) -> None:
        """The compounds the text repeats (quiz.generate.terms), each blanked where it is
        first said whole in a sentence fit for a card."""
        found = terms.repeated_terms(
            self.tokens,
            weight=self.seg.keyword_weight,
            is_word=self.seg.is_word,
            kind=self.seg.keyword_kind,
            describes=self.seg.is_attributive,
            topic=self.topic,
            headings={i for i, s in enumerate(self.sentences) if s.heading},
            distinguishes=self.seg.is_distinguishing,
        )
        # the compounds said everywhere are the text's topic, as its topic words are: once in
        # every TOPIC_SHARE words, TOPIC_MIN times at least (see past_topic)
        least = max(terms.TOPIC_MIN, self.doc_counts.total() / terms.TOPIC_SHARE)
        self.topic_terms = sorted(
            (t for t, n in found.items() if n >= least), key=len, reverse=True
        )
        placed: dict[int, list[tuple[int, int]]] = {}
        # the longer terms holding each term: 社会主义法治 is asked where it is no part of
        # 中国特色社会主义法治
        holders = {t: [u for u in found if len(u) > len(t) and t in u] for t in found}

        def fits(index: int, candidate: Candidate) -> bool:
            sentence = self.sentences[index]
            return (
                not any(a < candidate.end and candidate.start < b for a, b in placed.get(index, []))
                and not _held(self.mirror, sentence.start, candidate, holders[term])
                and not self.reports_speech(candidate)  # 习近平总书记|指出
                and not self.qualifies_set_phrase(index, candidate)  # 知识产权行政|执法
            )  # (the first: inside a longer term placed there)

        # longer terms first: 政务新媒体 is asked where 政务新媒体矩阵 is not
        for term in sorted(found, key=lambda t: -len(t)):
            if people.name_and_title(term, self.person_name):
                continue  # 某某总书记: how the text names its leader, no term of its own
            where = self.place_once(term, "term", fits)
            if where is not None:
                index, candidate = where
                self.candidates.setdefault(index, []).append(candidate)
                placed.setdefault(index, []).append((candidate.start, candidate.end))

    def place_once(
        self,
        phrase: str,
        tag: str,
        fits: Callable[[int, Candidate], bool] | None = None,
    ) -> tuple[int, Candidate] | None:
        """Where to ask `phrase` once: the first body sentence that says it whole, on word
        bounds, as a blank fit for a card (and for `fits`) with room beside the sentence's
        own rule phrases (`has_room`); else the first that fits at all; else None."""
        first: tuple[int, Candidate] | None = None
        for index, at in self.first_said(phrase):
            sentence, bounds = self.sentences[index], self.bounds[index]
            if sentence.heading or at not in bounds or at + len(phrase) not in bounds:
                continue
            start = sentence.start + at
            candidate = self.candidate(sentence, start, start + len(phrase), tag)
            if (
                self.problem(index, candidate) is not None
                or self.cuts_quote(sentence, candidate)
                or self.dangles(index, candidate)
                or (fits is not None and not fits(index, candidate))
            ):
                continue
            if self.has_room(index, candidate):
                return index, candidate
            first = first or (index, candidate)
        return first

    def first_said(self, phrase: str) -> Iterator[tuple[int, int]]:
        """Each sentence that says `phrase` whole, in text order, by index, with where it
        first says it (its offset in the sentence): one scan of the text, not one per
        sentence (the layout's sentences come in text order, none inside another)."""
        found = self.mirror.find(phrase)
        while found >= 0:
            index = bisect_right(self.sentence_starts, found) - 1
            sentence = self.sentences[index] if index >= 0 else None
            if sentence is not None and found + len(phrase) <= sentence.end:
                yield index, found - sentence.start
                found = self.mirror.find(phrase, sentence.end)  # the next sentence's, if any
            else:
                found = self.mirror.find(phrase, found + 1)

    def has_room(self, index: int, candidate: Candidate) -> bool:
        """The sentence's own rule phrases so far leave `candidate` a blank of its own
        (a sentence of three quotations asks no fourth phrase: the term goes to where the
        text says it next)."""
        return candidate in cloze.select([*self.candidates.get(index, ()), candidate])

    def find_ordinal_heads(self) -> None:
        """Points counted off in running text (一是产业链条短，…。二是人才支撑弱，…): the
        first clause after each ordinal, in sentences of one section numbered in order."""
        run: list[_Lead] = []
        for sentence in [*self.sentences, None]:
            marker = None
            if sentence is not None and not sentence.heading:
                marker = _ORDINAL.match(self.mirror, sentence.start, sentence.end)
            number = _ORDINALS.index(marker.group(1)) if marker else -1
            continues = (
                marker is not None
                and run
                and number == len(run)
                and sentence is not None
                and sentence.section == run[0].sentence.section
            )
            if not continues:
                if len(run) >= 2:
                    self.lead_groups.append(("ordinal", run))
                run = []
            if marker is not None and sentence is not None and (continues or number == 0):
                lead = self.split_clause(sentence, whole_tail=False)
                run.append(_Lead(sentence, (marker.end(), lead.head[1]), lead.tail))

    def add_ordinal_candidates(self, leads: Sequence[_Lead]) -> None:
        """Blank each point: its whole first clause when short, else its last words."""
        for lead in leads:
            start, end = lead.head
            if end - start < 2 or lead.tail is None:
                continue
            index = self.index_of[lead.sentence.start]
            candidate = Candidate(
                start,
                end,
                lead.sentence.start,
                lead.sentence.end,
                "lead",
                lead.sentence.line,
                self.section_label(lead.sentence),
            )
            if end - start > MAX_ORDINAL_POINT or self.problem(index, candidate) is not None:
                found = self.lead_answer(lead.sentence, start, end)
                if found is None:
                    continue
                candidate = found
            self.candidates.setdefault(index, []).append(candidate)

    def find_item_heads(self, paragraphs: Sequence[Paragraph]) -> None:
        """Parallel run-in labels opening the paragraphs of one section, after any item
        number (1. 经济发展目标：… / 2. 脱贫攻坚目标：…)."""
        leads = []
        for paragraph in paragraphs:
            body = [s for s in paragraph.sentences if not s.heading]
            if body:
                lead = self.split_clause(body[0], whole_tail=False)
                marker = HEADING_NUMBER.match(self.mirror, lead.head[0], lead.head[1])
                if marker is not None:
                    lead = _Lead(lead.sentence, (marker.end(), lead.head[1]), lead.tail)
                leads.append(lead)
        heads = [self.mirror[lead.head[0] : lead.head[1]] for lead in leads]
        short = [i for i, head in enumerate(heads) if len(head) <= MAX_INLINE_HEAD]
        for group in phrases.parallel_groups([heads[i] for i in short], min_size=3):
            self.lead_groups.append(("inline", [leads[short[i]] for i in group]))

    def find_inline_heads(self, paragraph: Paragraph) -> None:
        body = [s for s in paragraph.sentences if not s.heading]
        if len(body) < 3:
            return
        leads = [self.split_clause(sentence, whole_tail=False) for sentence in body]
        heads = [self.mirror[lead.head[0] : lead.head[1]] for lead in leads]
        short = [i for i, head in enumerate(heads) if len(head) <= MAX_INLINE_HEAD]
        for group in phrases.parallel_groups([heads[i] for i in short], min_size=3):
            members = [leads[short[i]] for i in group]
            self.lead_groups.append(("inline", members))

    def split_clause(self, sentence: Sentence, *, whole_tail: bool) -> _Lead:
        """The sentence's first clause (head) and the rest (whole) or next clause (tail)."""
        masked = phrases.mask_quotes(self.mirror[sentence.start : sentence.end])
        stop = _CLAUSE_END.search(masked)
        if stop is None:
            return _Lead(sentence, (sentence.start, sentence.end), None)
        head = (sentence.start, sentence.start + stop.start())
        rest_start = stop.end()
        nxt = _CLAUSE_END.search(masked, rest_start)
        rest_end = len(masked) if whole_tail or nxt is None else nxt.start()
        if whole_tail:
            rest_end = len(masked.rstrip("。！？!?；;.…"))
            if _CLAUSE_END.search(masked[rest_start:rest_end]):
                rest_end = rest_start + _CLAUSE_END.search(masked[rest_start:rest_end]).start()  # type: ignore[union-attr]
        tail = (sentence.start + rest_start, sentence.start + rest_end)
        return _Lead(sentence, head, tail if rest_end > rest_start else None)

    def add_lead_candidates(self, leads: Sequence[_Lead]) -> None:
        """Blank what each parallel clause says alone (纵向到底 of 坚持纵向到底), in at least
        two thirds of the group or in none: the head clause, and the part of the second
        half the leads do not share (党的组织 of 实现党的组织全覆盖)."""
        for part in ("head", "tail"):
            spans = [getattr(lead, part) for lead in leads]
            if any(span is None for span in spans):
                continue
            texts = [self.mirror[s:e] for s, e in spans]
            prefix = len(phrases.common_prefix(texts))
            suffix = len(phrases.common_suffix(texts))
            prefix = prefix if prefix >= 2 else 0
            suffix = suffix if suffix >= 2 else 0
            if any(len(t) - prefix - suffix < 2 for t in texts):
                continue
            if not prefix and not suffix and any(len(t) > LEAD_ANSWER for t in texts):
                continue  # nothing shared: no telling which part is the point
            made = []
            for lead, (s, e) in zip(leads, spans, strict=True):
                start = s + prefix
                if part == "tail":
                    start = self.word_start(lead.sentence, s, start)
                    if e - suffix - start < 3:
                        continue  # a tail's point is a phrase, not a word of it
                # after a shared verb (建设|离岸创新创业平台) the rest is the object: whole
                verb = part == "head" and phrases.has_cjk(texts[0][:prefix])  # not ——
                limit = LEAD_OBJECT if verb else LEAD_ANSWER
                candidate = self.lead_answer(lead.sentence, start, e - suffix, limit)
                if candidate is not None:
                    made.append((lead.sentence, candidate))
            if len(made) >= max(2, -(-2 * len(leads) // 3)):
                for sentence, candidate in made:
                    self.candidates.setdefault(self.index_of[sentence.start], []).append(candidate)

    def word_start(self, sentence: Sentence, floor: int, start: int) -> int:
        """`start` moved back to where a word starts and no linking character (的, 和 …)
        opens the rest: the shared 实现党 of 实现党的组织 / 实现党建责任 leaves 党的组织."""
        bounds = self.bounds[self.index_of[sentence.start]]
        while start > floor and (
            start - sentence.start not in bounds or self.mirror[start] in _LINKING_CHARS
        ):
            start -= 1
        return start

    def lead_answer(
        self, sentence: Sentence, start: int, end: int, limit: int = LEAD_ANSWER
    ) -> Candidate | None:
        """The lead's answer, kept to its last words when it is long (理论滋养初心 stays,
        a 9-character clause keeps its last 6 or fewer characters on a word boundary, and
        at least 3 before them when a 4-character answer allows: 服务消费|持续扩大)."""
        index = self.index_of[sentence.start]
        bounds = self.bounds[index]
        rel_start, rel_end = start - sentence.start, end - sentence.start
        if rel_end - rel_start > limit:
            later = [b for b in bounds if rel_end - limit <= b < rel_end - 1]
            if not later:
                return None
            cut = min(later)
            if cut - rel_start < MIN_LEAD_NAME:  # 服务|消费持续扩大: the name is cut short
                fuller = [b for b in later if b - rel_start >= MIN_LEAD_NAME and rel_end - b >= 4]
                cut = min(fuller, default=cut)
            rel_start = cut
        text = self.mirror[sentence.start : sentence.end]

        # a linking character standing as its own word opens no answer (和|军队现代化,
        # 的|伟大斗争, 而|奋斗); one inside a word does (对外|开放)
        def links(at: int) -> bool:
            return text[at] in _LINKING_CHARS and at + 1 in bounds

        while rel_start < rel_end - 2 and links(rel_start):
            rel_start = min((b for b in bounds if rel_start < b < rel_end), default=rel_end)
        if rel_end - rel_start < 2 or links(rel_start):
            return None
        # nor does it start inside a word the dictionary lists: it takes the word whole, or
        # it is no answer
        crossing = self.word_across(index, text, rel_start, rel_end)
        if crossing is not None:
            if rel_end - crossing > MAX_LEAD_NOUNS:
                return None
            rel_start = crossing
        # nor after a noun of its own noun phrase (中国|特色社会主义, 人类|命运共同体)
        rel_start = self.noun_phrase_start(index, rel_start, rel_end)
        if rel_start > start - sentence.start:
            # a long clause's predicate opens after its subject's last noun (安全发展基础|
            # 巩固夯实: 基础 belongs to the subject)
            rel_start = self.predicate_start(index, rel_start, rel_end)
        if _SPEAKING.search(text, rel_start, rel_end):
            return None  # 习近平总书记指出: who speaks is no point of the lead
        candidate = self.candidate(
            sentence, sentence.start + rel_start, sentence.start + rel_end, "lead"
        )
        return candidate if self.problem(index, candidate) is None else None

    def noun_phrase_start(self, index: int, at: int, end: int) -> int:
        """`at` moved back over the nouns before it while the answer, a noun phrase, stays
        within MAX_LEAD_NOUNS characters: 特色社会主义 becomes 中国特色社会主义."""
        tokens = self.tokens[index]
        ends = self.word_ends(tokens)
        position, last = self.positions(tokens, at, end)
        if position < 0 or last <= 0:
            return at
        # a noun ends a noun phrase (jieba's name tags hold verb phrases too: 明显改善)
        if self.seg.keyword_kind(tokens[last - 1]) != keywords.NOUN_KIND:
            return at  # the answer says what the subject does (服务消费|持续扩大): no noun phrase
        while position > 0:
            token = tokens[position - 1]
            kind = self.seg.keyword_kind(token)
            if kind not in (keywords.NOUN_KIND, keywords.NAME_KIND) or len(token) < 2:
                break
            if end - ends[position - 1] > MAX_LEAD_NOUNS:
                break
            position -= 1
        return ends[position]

    def predicate_start(self, index: int, at: int, end: int) -> int:
        """`at` moved on past the nouns opening an answer that says what its subject does
        (its last word a verb, no noun or verbal noun), while a verb phrase of MIN_PREDICATE
        characters is left: 基础|巩固夯实 becomes 巩固夯实, 实现新的突破 stays."""
        tokens = self.tokens[index]
        ends = self.word_ends(tokens)
        position, last = self.positions(tokens, at, end)
        if position < 0 or last <= position:
            return at
        if self.seg.keyword_kind(tokens[last - 1]) is not None:
            return at  # what the clause names (…的新格局, 城乡|融合发展): a noun phrase
        moved = position
        while (
            moved < last - 1
            and self.seg.keyword_kind(tokens[moved]) == keywords.NOUN_KIND
            and len(tokens[moved]) >= 2
        ):
            moved += 1
        if moved == position or end - ends[moved] < MIN_PREDICATE:
            return at
        return ends[moved]

    def word_across(self, index: int, text: str, at: int, end: int) -> int | None:
        """Where a dictionary word of three to eight characters that runs across offset
        `at` of the sentence starts (the 中国 of 中国|特色社会主义), if one ends by `end`."""
        bounds = self.bounds[index]
        for start in range(max(at - 4, 0), at):
            if start not in bounds:
                continue
            for stop in range(at + 1, min(start + 8, end) + 1):
                if stop in bounds and stop - start >= 3 and self.seg.is_word(text[start:stop]):
                    return start
        return None

    # ----- cloze
    def cloze_cards(self, words: set[str]) -> list[tuple[int, Card]]:
        registered = _Said(words)
        dedupe = cloze.DuplicateFilter()
        titles_seen: set[str] = set()
        # the answers of the cards so far (Simplified); a dialogue's speakers count as asked
        # (田中：铃木，你好！ — who greets whom is no thing to learn)
        speakers = Counter(_SPEAKER.findall(self.mirror))
        answered: set[str] = {name for name, lines in speakers.items() if lines >= 2}
        cards: list[tuple[int, Card]] = []
        # in how many sentences each answer is a candidate
        chances = Counter(
            answer
            for cs in self.valid.values()
            for answer in {self.mirror[c.start : c.end] for c in cs}
        )
        for index, sentence in enumerate(self.sentences):
            chosen = []
            valid = self.valid.get(index, [])
            later = self.asked_elsewhere(valid, chances) if valid else set()
            selected = (
                cloze.select_with_figures(
                    valid, self.figure_kinds, partial(self.figure_worth, sentence), later
                )
                if valid
                else []
            )
            for candidate in selected:
                if candidate.rule == "title":  # a work named again and again: blank it once
                    title = self.mirror[candidate.start : candidate.end]
                    if title in titles_seen:
                        continue
                    titles_seen.add(title)
                chosen.append(candidate)
            wants_keyword = not sentence.heading and index not in self.unfit
            length = sentence.end - sentence.start
            # a long sentence with one rule phrase says more: it may get one keyword too
            phrases_chosen = [c for c in chosen if c.rule != "figure"]  # a figure is apart
            if (
                (not phrases_chosen or (len(phrases_chosen) == 1 and length >= LONG_SENTENCE))
                and wants_keyword
                and length >= MIN_KEYWORD_SENTENCE
            ):
                text = self.mirror[sentence.start : sentence.end]
                # where the sentence says a registered phrase (found once: both tests read it)
                said = registered.spans(text)
                if _splits(said, self.bounds[index]):
                    self.tokens[index] = self.seg.cut(text)
                    self.bounds[index] = _Bounds(self.tokens[index])
                found = self.keywords(index, sentence, self.doc_counts, answered)
                if said:  # 全体|人民共同富裕 where the text asks the whole
                    found = [k for k in found if not _inside(k, said, sentence.start)]
                if phrases_chosen:
                    found = [k for k in found if not _near(k, phrases_chosen[0])][:1]
                found = [k for k in found if not any(k.overlaps(c) for c in chosen)]
                chosen = sorted(chosen + found, key=lambda c: c.start)
            for candidate in chosen:
                card_id = cloze.candidate_id(candidate, self.output)
                if dedupe.has(card_id):
                    continue  # the same blank in the same sentence, said again: no card to build
                card = cloze.build_card(
                    candidate,
                    self.output,
                    self.mirror,
                    tags=self.tags(candidate, sentence),
                    other_script=self.other,
                    hint=hinter(),
                    card_id=card_id,
                )
                if dedupe.admit(card):
                    cards.append((candidate.start, card))
                    answered.add(self.mirror[candidate.start : candidate.end])
                    self.evidence[card.id] = self.card_evidence(candidate, sentence, index)
        return cards

    def figure_worth(self, sentence: Sentence, candidate: Candidate) -> int:
        """How much a figure of a crowded sentence is worth asking, as the scoring step
        weighs it: a headline quantity (粮食产量, 生产总值), then what it counts
        (rank.figure_count_worth)."""
        answer = self.mirror[candidate.start : candidate.end]
        headline = self.headline(sentence, candidate)
        total = self.figure_kinds.get((candidate.start, candidate.end)) == "total"
        return (rank.HEADLINE if headline else 0) + rank.figure_count_worth(answer, total=total)

    def headline(self, sentence: Sentence, candidate: Candidate) -> bool:
        """The figure measures a headline quantity (生产总值, 粮食产量: figures.is_headline)
        or stands in a subheading stating the paragraph's figures (subhead_paragraphs)."""
        if sentence.paragraph in self.subheads:
            return True
        text = self.mirror[sentence.start : sentence.end]
        return figures.is_headline(text, candidate.start - sentence.start)

    def asked_elsewhere(self, valid: Sequence[Candidate], chances: Counter[str]) -> set[Candidate]:
        """In a sentence with more phrases than places (cloze.MAX_PER_SENTENCE), what the
        page marks or links and another sentence asks too (灵渠, 陡河 of a first sentence
        full of bold and linked names): its places go first to the names said only here
        (桂林市; a marked phrase is asked beside them all the same: cloze.UNLIMITED)."""
        phrasal = [c for c in valid if c.rule != "figure"]
        if len(phrasal) <= cloze.MAX_PER_SENTENCE:
            return set()
        return {
            c
            for c in phrasal
            if c.rule in _SAID_EVERYWHERE and chances[self.mirror[c.start : c.end]] > 1
        }

    def card_evidence(self, candidate: Candidate, sentence: Sentence, index: int) -> rank.Evidence:
        """What the scoring step weighs of a cloze card (see quiz.generate.rank)."""
        answer = self.mirror[candidate.start : candidate.end]
        text = self.mirror[sentence.start : sentence.end]
        paragraph = self.lay.paragraphs[sentence.paragraph] if self.lay.paragraphs else None
        opens = (
            paragraph is not None
            and bool(paragraph.sentences)
            and (paragraph.sentences[0].start == sentence.start)
        )
        core = self.name_cores.get((candidate.start, candidate.end))
        return rank.Evidence(
            rule=candidate.rule,
            answer=answer,
            # a name the text says again in part (引大济岷 of 引大济岷工程) is said again
            repeats=max(self.repeats(answer), self.repeats(core) if core else 0),
            idf=self.seg.keyword_weight(answer),
            name=candidate.rule in ("person", "place")
            or self.seg.keyword_kind(answer) == keywords.NAME_KIND,
            byline=candidate.rule in ("person", "place") and candidate.start < BYLINE,
            heading=sentence.heading,
            headed=not sentence.heading and candidate.rule != "figure" and self.headed(answer),
            stressed=_STRESSED.search(text) is not None,
            point=opens or _ORDINAL.match(text) is not None,
            figure=self.figure_kinds.get((candidate.start, candidate.end)),
            headline=candidate.rule == "figure" and self.headline(sentence, candidate),
            dictionary_word=self.seg.in_dictionary(answer),
            part_idfs=self.part_idfs(index, candidate, answer),
            topical=candidate.rule == "keyword" and self.topical(answer),
            sentence_length=len(text),
            text_length=len(self.mirror),
            run_place=self.run_places.get((candidate.start, candidate.end), 0)
            if candidate.rule == "parallel"
            else 0,
            everyday_item=candidate.rule == "parallel"
            and (candidate.start, candidate.end) in self.everyday_items,
        )

    def topical(self, answer: str) -> bool:
        """A keyword whose only rare words are the text's topic (粤港澳|企业, 港澳|居民 in a
        plan for the Bay Area; 粤港澳 alone): the topic makes no phrase the text's own."""
        words = self.seg.cut(answer)
        if not any(word in self.topic for word in words):
            return False
        return all(
            word in self.topic
            or (weight := self.seg.keyword_weight(word)) is None
            or weight < rank.COMMON_IDF
            for word in words
        )

    def part_idfs(self, index: int, candidate: Candidate, answer: str) -> tuple[float | None, ...]:
        """jieba's IDF of each word of a keyword or list answer. A list item is read in
        jieba's own cut of its sentence: within the cloze step the rule phrases are
        registered as words, so 政策体系 would be one word of no IDF."""
        if candidate.rule == "keyword":
            return tuple(self.seg.keyword_weight(w) for w in self.seg.cut(answer))
        if candidate.rule != "list":
            return ()
        tokens = self.cut_tokens[index]
        start = candidate.start - candidate.s_start
        first, after = self.positions(tokens, start, start + len(answer))
        words = tokens[first:after] if first >= 0 and after >= 0 else self.seg.cut(answer)
        return tuple(self.seg.keyword_weight(w) for w in words)

    def headed(self, answer: str) -> bool:
        """A numbered heading of the text names `answer` (（四）全力提升成渝地区双城经济圈
        发展能级): the text gives it a section of its own."""
        if self._heading_text is None:
            self._heading_text = "\n".join(self.mirror[h.start : h.end] for h in self.lay.headings)
        return answer in self._heading_text

    def repeats(self, answer: str) -> int:
        """How often the text names `answer` (memoised: a report repeats its answers)."""
        found = self._repeats.get(answer)
        if found is None:
            found = self._repeats[answer] = self._said.count(answer)
        return found

    def keywords(
        self,
        index: int,
        sentence: Sentence,
        doc_counts: Counter[str],
        answered: set[str] | frozenset[str] = frozenset(),
    ) -> list[Candidate]:
        """The sentence's best keyword candidates; none that an earlier card already asks
        (a second blank on 智慧 two lines after the first teaches nothing new)."""
        limit = 2 if sentence.end - sentence.start >= LONG_SENTENCE else 1
        spans = keywords.keyword_spans(
            self.tokens[index],
            self.seg.keyword_weight,
            doc_counts,
            pair_counts=self.pair_counts,
            kind=self.seg.keyword_kind,
            limit=limit * 4,
            features=self._token_features,
        )
        found: list[Candidate] = []
        for span in spans:
            word = self.mirror[sentence.start + span.start : sentence.start + span.end]
            if word in answered or word[:2] in names.ADVERBS:  # 积极参与: an adverb and its verb
                continue  # (tested before the candidate is made: the cheapest refusals)
            candidate = Candidate(
                sentence.start + span.start,
                sentence.start + span.end,
                sentence.start,
                sentence.end,
                # a word of the page's own word table, drilled in its example sentence
                "vocabulary" if word in self.vocabulary_words else "keyword",
                sentence.line,
                self.section_label(sentence),
            )
            if (
                self.reports_speech(candidate)
                or self.dangles(index, candidate)
                or self.cuts_recurring_pair(index, candidate)
                or self.cuts_quote(sentence, candidate)
                or self.qualifies_set_phrase(index, candidate)
                or self.joined(candidate)
            ):
                continue
            if self.problem(index, candidate) is None and not any(
                candidate.start < other.end + KEYWORD_GAP
                and other.start < candidate.end + KEYWORD_GAP
                for other in found
            ):
                found.append(candidate)
                if len(found) == limit:
                    break  # the best `limit`: the spans after them cannot displace them
        return sorted(found, key=lambda c: c.start)

    def word_ends(self, tokens: list[str]) -> list[int]:
        """Where each of a sentence's words ends (0 first), kept per cut: a sentence cut
        again with registered words has its own."""
        cached = self._token_ends.get(id(tokens))
        if cached is None or cached[0] is not tokens:
            cached = self._token_ends[id(tokens)] = (
                tokens,
                list(accumulate(map(len, tokens), initial=0)),
            )
        return cached[1]

    def positions(self, tokens: list[str], start: int, end: int) -> tuple[int, int]:
        """The positions in `tokens` of the word starting at `start` and of the word
        starting at `end` (offsets in the sentence; -1 where that is no word boundary)."""
        ends = self.word_ends(tokens)
        first, after = bisect_left(ends, start), bisect_left(ends, end)
        first = first if first < len(ends) and ends[first] == start else -1
        after = after if after < len(ends) and ends[after] == end else -1
        return first, after

    def edges(self, index: int, candidate: Candidate) -> tuple[int, int]:
        """The positions in the sentence's words of the answer's first word and of the word
        after it (-1 when the answer's start or end is no word boundary)."""
        start = candidate.start - candidate.s_start
        return self.positions(self.tokens[index], start, candidate.end - candidate.s_start)

    def cuts_recurring_pair(self, index: int, candidate: Candidate) -> bool:
        """The blank cuts one of the text's compounds in two: its last word and the next
        are a pair the text says again elsewhere (乡村|振兴, 稳产|保供), or its first word
        comes after the same word nearly wherever the text says it (中华民族|共同体意识;
        全体人民|共同富裕 is said apart too)."""
        tokens = self.tokens[index]
        first, after = self.edges(index, candidate)
        if first > 0 and first < len(tokens) and _joins(tokens[first - 1]):
            token = tokens[first]
            together = self.pair_counts[(tokens[first - 1], token)]
            bound = together >= BOUND_SHARE * self.doc_counts[token]
            if together >= RECURRING_PAIR and bound:
                return True
        if 0 < after < len(tokens) and _joins(tokens[after]):
            if self.pair_counts[(tokens[after - 1], tokens[after])] >= RECURRING_PAIR:
                return True
        return False

    def dangles(self, index: int, candidate: Candidate) -> bool:
        """jieba cut a word off at the answer's edge: the next (or previous) token is one
        character, no linking one (和, 的 …), that forms a dictionary word with the answer's
        edge (吴王夫|差: 夫差)."""
        tokens = self.tokens[index]
        first, after = self.edges(index, candidate)
        if 0 < after < len(tokens) and _stray(tokens[after]):
            if self.seg.is_word(self.mirror[candidate.end - 1 : candidate.end + 1]):
                return True
        if first > 0 and _stray(tokens[first - 1]):
            if self.seg.is_word(self.mirror[candidate.start - 1 : candidate.start + 1]):
                return True
        return False

    def joined(self, candidate: Candidate) -> bool:
        """The answer is half of a pair the text joins with a dash (广州－|佛山, 香港-深圳)
        or the words after a number that belongs to them (21|世纪马克思主义): a cut phrase."""
        before = self.mirror[candidate.start - 1 : candidate.start]
        after = self.mirror[candidate.end : candidate.end + 1]
        return before in _JOINERS or after in _JOINERS or before.isdigit()

    def qualifies_set_phrase(self, index: int, candidate: Candidate) -> bool:
        """The answer only qualifies the set phrase written right after it (全党全国|各族人民):
        a dictionary word of three or more characters that is no keyword itself; or its end
        and the next word make one dictionary word (深化改革|开放: 改革开放)."""
        at = candidate.s_start
        answer = self.mirror[candidate.start : candidate.end]
        for token in self.tokens[index]:
            if at == candidate.end and len(answer) > 2 and len(token) == 2:
                # 深化改革|开放: 改革开放 is one word, the answer stops inside it
                if self.seg.is_word(answer[-2:] + token):
                    return True
            if at == candidate.end:
                return (
                    len(token) >= 3
                    and phrases.has_cjk(token)
                    and token.isalpha()
                    and token[0] not in _LINKING_CHARS
                    and self.seg.is_word(token)
                    and self.seg.keyword_weight(token) is None
                )
            at += len(token)
        return False

    def cuts_quote(self, sentence: Sentence, candidate: Candidate) -> bool:
        """A part of a quotation (党建 of “党建+”): a quotation is learnt whole or not at all."""
        text = self.mirror[sentence.start : sentence.end]
        start, end = candidate.start - sentence.start, candidate.end - sentence.start
        return any(
            q_start <= start and end <= q_end and (start, end) != (q_start, q_end)
            for q_start, q_end in phrases.quoted_spans(text)
        )

    def reports_speech(self, candidate: Candidate) -> bool:
        """The speaker of 某某指出/强调/表示: who said it is trivia, what was said is the lesson."""
        return _REPORTING.match(self.mirror, candidate.end) is not None

    def tags(self, candidate: Candidate, sentence: Sentence) -> list[str]:
        tags = [candidate.rule]
        if sentence.heading and candidate.rule != "heading":
            tags.append("heading")
        return tags

    # ----- matching
    def match_cards(self) -> list[tuple[int, Card]]:
        cards: list[tuple[int, Card]] = []
        cards.extend(self.heading_sets())
        for kind, leads in self.lead_groups:
            kind = "inline" if kind == "ordinal" else kind
            sources = [
                PairSource(lead.head, lead.tail, lead.sentence.line)
                for lead in leads
                if lead.tail is not None
            ]
            if kind in ("lead", "inline") and not sources:
                sources = self.one_clause_pairs(leads)
            if len(sources) == len(leads):
                cards.extend(self.sets(sources, kind, leads[0].sentence))
        cards.extend(self.enumeration_sets())
        cards.extend(self.expansion_sets())
        cards.extend(self.vocabulary_sets())
        seen: set[str] = set()
        unique = []
        for position, card in cards:  # a repeated passage repeats its sets: keep the first
            if card.id not in seen:
                seen.add(card.id)
                unique.append((position, card))
                pairs = len(card.pairs) if isinstance(card, MatchCard) else 0
                self.evidence[card.id] = rank.Evidence(
                    rule=card.tags[0] if card.tags else "", is_set=True, pairs=pairs
                )
        return unique

    def one_clause_pairs(self, leads: Sequence[_Lead]) -> list[PairSource]:
        """Parallel one-clause leads (——经济发展再上新台阶。/——结构调整形成新格局。): what
        each names paired with what its blank says of it; none unless every lead has both."""
        sources = []
        for lead in leads:
            index = self.index_of[lead.sentence.start]
            blanks = [
                c
                for c in self.candidates.get(index, [])
                if c.rule == "lead" and lead.head[0] <= c.start and c.end <= lead.head[1]
            ]
            if not blanks:
                return []
            blank = blanks[0]
            start = lead.head[0]
            while start < blank.start and not _is_word_char(self.mirror[start]):
                start += 1
            if blank.start - start < 2:
                return []
            sources.append(
                PairSource((start, blank.start), (blank.start, blank.end), lead.sentence.line)
            )
        return sources

    def sets(
        self, sources: Sequence[PairSource], kind: str, where: Sentence
    ) -> list[tuple[int, Card]]:
        made = matching.build_sets(
            sources,
            self.output,
            kind=kind,
            section=self.section_label(where),
            prompt=self.prompt(kind),
        )
        return [(sources[0].left[0], card) for card in made]

    def heading_groups(self) -> list[list[Heading]]:
        """Sibling headings: the same numbering style under the same parent heading."""
        groups: dict[tuple[str, int], list[Heading]] = {}
        stack: list[tuple[str, int]] = []  # the open outline: (style, start) from the top
        for heading in self.lay.headings:
            if any(style == heading.style for style, _start in stack):
                while stack[-1][0] != heading.style:
                    stack.pop()
                stack.pop()
            parent = stack[-1][1] if stack else -1
            groups.setdefault((heading.style, parent), []).append(heading)
            stack.append((heading.style, heading.start))
        return list(groups.values())

    def heading_sentence(self, heading: Heading) -> Sentence:
        return self.sentences[self.index_of[heading.start]]

    def heading_sets(self) -> list[tuple[int, Card]]:
        cards: list[tuple[int, Card]] = []
        for headings in self.heading_groups():
            sources = [
                PairSource(h.title, h.subtitle, h.line) for h in headings if h.subtitle is not None
            ]
            prompt = self.prompt("heading")
            if not sources:
                sources = self.title_halves(headings)
                prompt = self.prompt("heading-halves")
            made = matching.build_sets(
                sources, self.output, kind="heading", section=None, prompt=prompt
            )
            cards.extend((sources[0].left[0], card) for card in made)
        return cards

    def title_halves(self, headings: Sequence[Heading]) -> list[PairSource]:
        """Sibling headings without subtitles, all of one even length, cut in the middle on a
        word boundary: （一）产业发展提质增效 gives 产业发展 | 提质增效 (what, and how)."""
        lengths = {h.title[1] - h.title[0] for h in headings}
        if len(headings) < matching.MIN_SET or len(lengths) != 1:
            return []
        length = lengths.pop()
        if length % 2 or not MIN_HALVES <= length <= MAX_HALVES:
            return []
        sources = []
        for heading in headings:
            start, end = heading.title
            middle = start + length // 2
            sentence = self.heading_sentence(heading)
            text = self.mirror[start:end]
            if middle - sentence.start not in self.bounds[self.index_of[sentence.start]] or any(
                not ch.isalnum() for ch in text
            ):
                return []
            sources.append(PairSource((start, middle), (middle, end), heading.line))
        return sources

    def enumeration_sets(self) -> list[tuple[int, Card]]:
        cards: list[tuple[int, Card]] = []
        for sentence in self.sentences:
            text = self.mirror[sentence.start : sentence.end]
            for enumeration in phrases.enumerations(text):
                sources = self.enumeration_pairs(sentence, text, enumeration)
                if sources:
                    cards.extend(self.sets(sources, "list", sentence))
        return cards

    def expansion_sets(self) -> list[tuple[int, Card]]:
        """Formulas with what the text says they stand for, in one paragraph or in a run of
        neighbouring paragraphs of one section that each spell out one (一是增强“四个意识”，
        即…… / 二是坚定“四个自信”，即……); a formula spelled out again counts once."""
        cards: list[tuple[int, Card]] = []
        run: list[PairSource] = []
        run_start: Sentence | None = None
        run_section: tuple[int, int] | None = None
        seen: set[str] = set()

        def flush() -> None:
            if run_start is not None and len(run) >= matching.MIN_SET:
                cards.extend(self.sets(run, "formula", run_start))

        for paragraph in self.lay.paragraphs:
            sources = self.paragraph_expansions(paragraph)
            if not sources or paragraph.section != run_section or run_start is None:
                flush()
                run, run_start, run_section, seen = [], None, paragraph.section, set()
            for source in sources:
                formula = self.mirror[source.left[0] : source.left[1]]
                if formula not in seen:
                    seen.add(formula)
                    run.append(source)
            if sources and run_start is None:
                run_start = paragraph.sentences[0]
        flush()
        return cards

    def vocabulary_sets(self) -> list[tuple[int, Card]]:
        """A learner's word list (你好 — hello / 谢谢 — thank you …): each word with its
        meaning."""
        cards: list[tuple[int, Card]] = []
        for run in self.vocabulary_runs:
            label = vocabulary.section_before(self.lay.headings, run[0].left[0])
            section = (self.output[label[0] : label[1]].strip() or None) if label else None
            made = matching.build_sets(
                run,
                self.output,
                kind="vocabulary",
                section=section,
                prompt=self.prompt("vocabulary"),
            )
            cards.extend((run[0].left[0], card) for card in made)
        return cards

    def paragraph_expansions(self, paragraph: Paragraph) -> list[PairSource]:
        """Each formula of `paragraph` with the items the text spells it out in."""
        sources = []
        for sentence in paragraph.sentences:
            if sentence.start in self.index_of:  # the formula pass read it
                expansions = self.expansions.get(sentence.start, [])
            else:
                expansions = phrases.formula_expansions(self.mirror[sentence.start : sentence.end])
            for formula, items in expansions:
                sources.append(
                    PairSource(
                        (sentence.start + formula.start, sentence.start + formula.end),
                        (sentence.start + items[0][0], sentence.start + items[-1][1]),
                        sentence.line,
                    )
                )
        return sources

    def enumeration_pairs(
        self, sentence: Sentence, text: str, enumeration: phrases.Enumeration
    ) -> list[PairSource]:
        """Same-shaped items that each pair an act with the quoted formula it names (捍卫 |
        “两个确立”, 增强 | “四个意识”), split where the quotation opens. Plain compounds
        (政治领导力、思想引领力) make no set: their halves are no pair worth learning."""
        items = enumeration.texts(text)
        if not any(len(set(column)) == 1 for column in zip(*items, strict=True)):
            return []
        quoted = [phrases.quoted_spans(item) for item in items]
        if not all(quoted):
            return []  # 政治|领导力, 思想|引领力: halves of one compound teach nothing
        sources = []
        for (start, end), quotes in zip(enumeration.items, quoted, strict=True):
            q_start, q_end = quotes[0]
            left, right = (start, start + q_start - 1), (start + q_start, start + q_end)
            if not 0 < end - right[1] <= 1:
                return []  # text after the quotation: the pair would leave it out
            if left[1] - left[0] < 2 or right[1] - right[0] < 2:
                return []
            sources.append(
                PairSource(
                    (sentence.start + left[0], sentence.start + left[1]),
                    (sentence.start + right[0], sentence.start + right[1]),
                    sentence.line,
                )
            )
        lefts = {self.mirror[s.left[0] : s.left[1]] for s in sources}
        rights = {self.mirror[s.right[0] : s.right[1]] for s in sources}
        if len(lefts) != len(sources) or len(rights) != len(sources):
            return []
        return sources


# The passes, in the order they run (a new rule is a new entry; bench/quality.py shows
# what it gains and costs on the corpus).
SENTENCE_PASSES: tuple[Callable[[ChineseCards, Sentence, str], Spans], ...] = (
    ChineseCards.quotes_formulas_titles,
    ChineseCards.list_items,
    ChineseCards.formula_items,
    ChineseCards.marked_phrases,
    ChineseCards.linked_names,
    ChineseCards.named_list_items,
    ChineseCards.named_parts,
    ChineseCards.figure_spans,
    ChineseCards.glossed_phrases,  # IPv6（…）, 依据网络安全法, 先审后发 (quiz.generate.glossed)
    ChineseCards.document_number,  # 国办发〔2018〕123号 under the title
    ChineseCards.grammar_terms,
)
TEXT_PASSES: tuple[Callable[[ChineseCards], None], ...] = (
    ChineseCards.find_named_counts,  # 等20个先进制造业园区, 30件民生实事 (quiz.generate.figures)
    ChineseCards.find_vocabulary,  # a word of the page's word table in its lesson
    ChineseCards.find_numbered_names,  # 天舟七号
    ChineseCards.find_ordinal_names,  # 第一个 / 第二个百年奋斗目标 (quiz.generate.series)
    ChineseCards.find_joined_pairs,  # 甲城－乙城、丙城－丁城 (quiz.generate.series)
    ChineseCards.find_people,  # 省长 孟凡利 (quiz.generate.people)
    ChineseCards.find_byline_places,  # 某市某区人民政府区长: the report's place (people)
    ChineseCards.find_terms,  # 成渝地区双城经济圈 (quiz.generate.terms)
    ChineseCards.find_heading_names,  # 第四章 建设|国际科技创新中心 (quiz.generate.headed)
    ChineseCards.find_named_things,  # 撒玛利亚基金 (quiz.generate.names)
    ChineseCards.find_stated_names,  # X是…的主管单位, 按照X原则, 辛亥革命 (goals)
    ChineseCards.find_coined_terms,  # 强农之路, X。 opening a paragraph (quiz.generate.coined)
    ChineseCards.find_place_programmes,  # 数字|南江 of a report signed in 南江 (names)
    ChineseCards.find_sibling_names,  # 深圳|前|海 beside 广州南沙 (quiz.generate.series)
    ChineseCards.find_parallel_runs,  # 稳中求进、以进促稳、先立后破 (quiz.generate.parallel)
    ChineseCards.find_heading_series,  # 共建人文湾区 / 构筑休闲湾区 (quiz.generate.parallel)
    ChineseCards.find_leads,  # parallel leads, run-in heads, 一是/二是, headings + subtitles
)


def _numbered_title(sentence: str) -> bool:
    """The layout's sentence of a title and the document's number on the line under it
    (`structure.document_number`)."""
    return "\n" in sentence and DOCUMENT_NUMBER.fullmatch(sentence.rsplit("\n", 1)[1]) is not None


# What closes or joins a list after a law's name (网络安全法等, …法和…条例).
_LIST_CLOSERS = frozenset("等和及、")

# Dashes that join two names into a pair (广州－佛山) or a route (香港-深圳-惠州).
_JOINERS = frozenset("－-–‐~～")


def _runs_on(text: str, end: int) -> bool:
    """The text goes on with a word character after `end` (not a particle or 等)."""
    following = text[end : end + 1]
    return bool(following) and following.isalnum() and following not in keywords.FUNCTION_CHARS


def _near(candidate: Candidate, other: Candidate) -> bool:
    return candidate.start < other.end + KEYWORD_GAP and other.start < candidate.end + KEYWORD_GAP


def _splits(said: Sequence[tuple[int, int]], bounds: Container[int]) -> bool:
    """Whether the current cut of a sentence splits an occurrence of a registered phrase
    (`said`: where it says one)."""
    return any(start not in bounds or end not in bounds for start, end in said)


def _held(mirror: str, floor: int, candidate: Candidate, holders: Sequence[str]) -> bool:
    """Whether one of `holders` (longer phrases) holds `candidate` where it stands, within
    the text from `floor` on (its sentence)."""
    for holder in holders:
        at = mirror.find(
            holder, max(floor, candidate.end - len(holder)), candidate.start + len(holder)
        )
        while 0 <= at <= candidate.start:
            if at + len(holder) >= candidate.end:
                return True
            at = mirror.find(holder, at + 1, candidate.start + len(holder))
    return False


def _inside(candidate: Candidate, said: Sequence[tuple[int, int]], offset: int) -> bool:
    """Whether `candidate` lies strictly inside an occurrence of a registered phrase in its
    sentence (`said`: where it says one, the sentence at `offset` in the mirror): a blank
    that cuts a phrase the text asks whole elsewhere (人民共同富裕 of 全体人民共同富裕)."""
    start, end = candidate.start - offset, candidate.end - offset
    return any(
        first <= start and end <= last and last - first > end - start for first, last in said
    )


def _alternation(words: Iterable[str]) -> re.Pattern[str] | None:
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return re.compile("|".join(map(re.escape, ordered))) if ordered else None


MANY_PHRASES = 512
"""Past this many phrases _Said looks them up by their first character (see there)."""


class _Said:
    """Where a text says one of `words`, as `_alternation(words).finditer` finds them: from
    the left, at each place the longest phrase said there (phrases of one length never
    both match at one place), none overlapping the one before. The alternation tries its
    phrases in turn at each place: with thousands of them (a long text's rule phrases)
    it costs some 4 µs a character, so past MANY_PHRASES the phrases opening with the
    character at hand are looked up instead, the longest first."""

    def __init__(self, words: Iterable[str]):
        self.words = set(words)
        self.pattern = _alternation(self.words)
        # the lengths of the phrases opening with each character, longest first
        self.lengths: dict[str, list[int]] | None = None
        if len(self.words) > MANY_PHRASES and "" not in self.words:
            found: dict[str, set[int]] = {}
            for word in self.words:
                found.setdefault(word[0], set()).add(len(word))
            self.lengths = {char: sorted(sizes, reverse=True) for char, sizes in found.items()}

    def spans(self, text: str) -> list[tuple[int, int]]:
        if self.pattern is None:
            return []
        if self.lengths is None:
            return [(m.start(), m.end()) for m in self.pattern.finditer(text)]
        spans: list[tuple[int, int]] = []
        words, lengths_at = self.words, self.lengths.get
        at, size = 0, len(text)
        while at < size:
            step = 1
            for length in lengths_at(text[at], ()):
                if at + length <= size and text[at : at + length] in words:
                    spans.append((at, at + length))
                    step = length
                    break
            at += step
        return spans


class _Bounds:
    """The offsets where jieba's words start or end in one sentence, one byte per offset:
    a set of ints costs over 100 bytes an offset, and a long text keeps one per sentence
    (on 9 MB the sets alone held some 120 MB). `glued(token, following)` says a word
    jieba guessed has a preposition glued to its start (由铧|嘴: 由|铧嘴), which ends
    there too; it is asked only of words opening with one of `openers` (all, when None)."""

    __slots__ = ("_marks",)

    def __init__(
        self,
        tokens: Iterable[str],
        glued: Callable[[str, str], bool] | None = None,
        openers: Container[str] | None = None,
    ) -> None:
        tokens = list(tokens)
        ends = list(accumulate(map(len, tokens), initial=0))
        marks = bytearray(ends[-1] + 1)
        for end in ends:
            marks[end] = 1
        if glued is not None:
            asked = (
                range(len(tokens))
                if openers is None
                else [at for at, token in enumerate(tokens) if token[:1] in openers]
            )
            for at in asked:
                if glued(tokens[at], tokens[at + 1] if at + 1 < len(tokens) else ""):
                    marks[ends[at] + 1] = 1
        self._marks = bytes(marks)

    def __contains__(self, offset: object) -> bool:
        return (
            isinstance(offset, int) and 0 <= offset < len(self._marks) and self._marks[offset] == 1
        )

    def __iter__(self) -> Iterator[int]:
        return (offset for offset, mark in enumerate(self._marks) if mark)
