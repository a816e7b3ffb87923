"""The terms pass: the compounds a text names again and again are its central concepts.

jieba cuts 新质生产力 into 新质|生产力 and 成渝地区双城经济圈 into four words, so neither
TF-IDF nor a dictionary sees them as one thing; the text does, by repeating them.
`repeated_terms(sentences)` counts every run of two to four words of one sentence that
reads as a noun phrase (no function word, number or filler inside, a noun at its end, no
governing verb at its start) and keeps those said `MIN_REPEATS` times or more that are no
dictionary word already, preferring the longest extent the text repeats nearly as often
(成渝地区双城经济圈 over 双城经济圈 when they come together).

>>> cut = [["加快", "发展", "新质", "生产力"], ["因地制宜", "培育", "新质", "生产力"],
...        ["新质", "生产力", "加快", "形成"]]
>>> weight = {"新质": 9.0, "生产力": 6.0}.get
>>> repeated_terms(cut, weight=weight, is_word=weight.__self__.__contains__)
{'新质生产力': 3}
>>> cut = [["推進", "粵港澳", "大灣區", "建設"], ["粵港澳", "大灣區", "規劃"]] * 2
>>> repeated_terms(cut, weight={"大灣區": 6.0}.get, is_word={"大灣區"}.__contains__)
{'粵港澳大灣區': 4}

No word of 城乡|统一|大|市场 is rare, but general language would not write a describing
character between two words of a phrase (it would say 城乡统一的大市场): the text coined it.

>>> market = ["城乡", "统一", "大", "市场"]
>>> cut = [["加强", *market, "建设"], ["建设", *market, "。"], ["推动", *market, "规则"]]
>>> weight = {"城乡": 7.4, "统一": 5.5, "市场": 3.3}.get
>>> is_word = {"加强", "建设", "推动", "城乡", "统一", "大", "市场", "规则", "。"}.__contains__
>>> repeated_terms(cut, weight=weight, is_word=is_word, describes={"大"}.__contains__)
{'城乡统一大市场': 3}
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Container, Sequence
from typing import Any, cast

from quiz.generate.keywords import (
    ADVERBIAL_NOUNS,
    FUNCTION_CHARS,
    GOVERNING_VERBS,
    IDIOM_KIND,
    VERBAL_KIND,
)
from quiz.text.phrases import has_cjk, is_filler, is_number

MIN_REPEATS = 3
MIN_TERM, MAX_TERM = 4, 12
MAX_WORDS = 5
# A term this long (成渝地区双城经济圈) is one when said twice.
LONG_TERM = 6
# Of a shorter term inside a longer one, the longer is kept when it has this share of
# the shorter's occurrences.
NESTED_SHARE = 0.6
# A term's rarest word must be at least this rare (jieba's IDF): 高质量|发展 is a slogan
# of every report, 新质|生产力 is this one's.
MIN_TERM_IDF = 8.0
# A concept that opens with an adjective (新发展格局) or ends in a word that is no noun
# (中华民族伟大复兴) is one when the text says it this often, in this many different
# companies on either side (it stands alone, it is no clause of a longer phrase).
MIN_CONCEPT = 4
MIN_COMPANY = 3
MIN_CONCEPT_IDF = 7.5


def repeated_terms(
    sentences: Sequence[Sequence[str]],
    *,
    weight: Callable[[str], float | None],
    is_word: Callable[[str], bool],
    kind: Callable[[str], int | None] | None = None,
    describes: Callable[[str], bool] | None = None,
    min_repeats: int = MIN_REPEATS,
    topic: frozenset[str] | None = None,
    headings: Container[int] = (),
    distinguishes: Callable[[str], bool] = lambda _word: False,
) -> dict[str, int]:
    """Terms of the text with how often they occur (see the module), in first-seen order.

    `weight(word)` is jieba's IDF of a noun-ish word (None for other words), `kind(word)`
    its kind (keywords.NOUN_KIND …; a verbal noun never ends a term), `is_word` whether
    jieba's dictionary lists a string whole, `describes(word)` whether jieba tags it an
    adjective or the like (新, 伟大, 西部): with it, a standing concept may open with one
    (see `_stands_alone`). `topic`: the text's topic words (`topic_words`), counted from
    `sentences` when not given. `headings`: the indices of the sentences that are headings,
    where no term is asked: a term only headings say (a section heading and its line in the
    contents) is none, and leaves the shorter terms inside it to the body."""
    describes = _memoised(describes) if describes is not None else (lambda _word: False)
    counts: Counter[str] = Counter()
    loose: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    first_words: dict[str, tuple[str, ...]] = {}
    followers: dict[str, set[str]] = {}
    leaders: dict[str, set[str]] = {}
    table: dict[str, _TermFeatures] = {}

    def features(token: str) -> _TermFeatures:
        if not _usable(token):  # no term holds it: nothing else is read of it
            found = table[token] = (False, False, False, False, False, len(token), False, False)
            return found
        nominal = (
            weight(token) is not None
            or describes(token)
            or (len(token) >= 2 and not is_word(token) and token[0] not in FUNCTION_CHARS)
        )
        opens = _opens_a_name(token, weight, is_word, kind)
        # 建设|全国统一大市场, 表示|衷心感谢: a verb, not the start of a name; 新|发展|格局
        # opens a standing concept only.
        may_open = token[:2] not in GOVERNING_VERBS and (opens or describes(token))
        ends = _ends_a_noun(token, weight, kind)
        verb = len(token) >= 2 and is_word(token) and not nominal
        found = table[token] = (
            may_open,
            opens,
            nominal,
            True,
            ends,
            len(token),
            verb,
            _idiom(token, kind),
        )
        return found

    in_body: set[str] = set()
    for index, tokens in enumerate(sentences):
        body = index not in headings
        known = list(map(table.get, tokens))
        looked_up = (
            [found or features(t) for t, found in zip(tokens, known, strict=True)]
            if None in known
            else cast(list[_TermFeatures], known)
        )
        size = len(tokens)
        for start in [i for i, opening in enumerate(looked_up) if opening[0]]:
            _, opens, all_nominal, _, _, length, _, _ = looked_up[start]
            first = tokens[start]
            verbless = True  # no verb after the first word so far
            for stop in range(start + 2, min(start + MAX_WORDS, size) + 1):
                _, _, nominal, usable, ends, size_of_last, verb, idiom = looked_up[stop - 1]
                if not usable:
                    break
                length += size_of_last
                if length > MAX_TERM:
                    break
                inner_nominal = all_nominal
                inner_verbless = verbless
                all_nominal = all_nominal and nominal
                verbless = verbless and not verb
                if length < MIN_TERM:
                    continue
                # 教育事业|取得|突飞猛进: an idiom after a verb is what a clause says (人民|
                # 当家作主, with no verb before it, is a concept)
                strict = opens and ends and (inner_verbless or not idiom)
                # A standing concept: every word a noun or an adjective, but its last one,
                # which may be any word of two characters (中华民族伟大|复兴, …新|通道); of
                # two words, an adjective opens it (新型|城镇化: see _stands_alone).
                standing = inner_nominal and (
                    (stop - start >= 3 and (ends or size_of_last >= 2))
                    or (stop - start == 2 and ends and describes(first))
                )
                if not strict and not standing:
                    continue
                term = "".join(tokens[start:stop])
                if strict:
                    counts[term] += 1
                else:
                    loose[term] += 1
                if body:
                    in_body.add(term)
                if term not in first_seen:
                    first_seen[term] = len(first_seen)
                    first_words[term] = tuple(tokens[start:stop])
                    followers[term] = set()
                    leaders[term] = set()
                followers[term].add(tokens[stop] if stop < size else "")
                leaders[term].add(tokens[start - 1] if start else "")
    if topic is None:
        topic = _topic_words(sentences, weight)
    candidates = {
        term: count
        for term, count in counts.items()
        if count >= (min_repeats if len(term) < LONG_TERM else min(min_repeats, 2))
        and not is_word(term)
        and term in in_body
        and not _always_beside(followers[term])
        and not _always_beside(leaders[term])
        and not _before_a_title(followers[term])
        and _rare_enough(
            first_words[term], weight, is_word, topic, describes, lambda t: counts[t] >= TOPIC_MIN
        )
    }
    for term in first_seen:  # a concept said often stands alone, however common its words
        total = loose.get(term, 0) + counts.get(term, 0)
        if (
            total
            and term not in candidates
            and term in in_body
            and _stands_alone(
                first_words[term],
                total,
                leaders[term],
                followers[term],
                weight,
                is_word,
                describes,
                distinguishes,
            )
        ):
            candidates[term] = total
    kept: dict[str, int] = {}
    for term in sorted(candidates, key=lambda t: (-len(t), first_seen[t])):
        count = candidates[term]
        if any(term in longer and kept[longer] >= NESTED_SHARE * count for longer in kept):
            continue
        kept[term] = count
    return {term: kept[term] for term in sorted(kept, key=lambda t: first_seen[t])}


# What the terms pass reads of a word alone: whether a term may open with it, whether it
# opens a name (a strict term), whether it is nominal, usable inside a term, ends a noun,
# its length, whether it is a verb, and whether an idiom.
_TermFeatures = tuple[bool, bool, bool, bool, bool, int, bool, bool]


def _memoised(test: Callable[[str], bool]) -> Callable[[str], bool]:
    """`test`, remembering its answer per word (a text repeats its words)."""
    answers: dict[str, bool] = {}

    def remembered(word: str) -> bool:
        found = answers.get(word)
        if found is None:
            found = answers[word] = test(word)
        return found

    return remembered


def _stands_alone(
    words: Sequence[str],
    count: int,
    leaders: set[str],
    followers: set[str],
    weight: Callable[[str], float | None],
    is_word: Callable[[str], bool],
    describes: Callable[[str], bool],
    distinguishes: Callable[[str], bool] = lambda _word: False,
) -> bool:
    """A concept the text names often, in varied company, that opens with an adjective or
    ends with a word that is no noun (新发展格局, 中华民族伟大复兴, 西部陆海新通道): said
    `MIN_CONCEPT` times or more with `MIN_COMPANY` different words on either side, of three
    words or more, or of two when an adjective opens it before a rare word (新型|城镇化).
    A distinguishing word (`distinguishes`: 新型, 大型, 东部) opens a noun phrase whatever
    stands before it: such a two-word concept needs `MIN_REPEATS` and varied words after.

    >>> tags = {"新": None, "发展": 3.6, "格局": 6.1, "新型": None, "城镇化": 7.8}
    >>> is_word = {"新", "发展", "格局", "新型", "城镇化"}.__contains__
    >>> describes = {"新", "新型"}.__contains__
    >>> _stands_alone(["新", "发展", "格局"], 4, {"", "构建", "加快"}, {"", "的", "，"},
    ...               tags.get, is_word, describes)
    True
    >>> _stands_alone(["新", "发展", "格局"], 4, {"构建"}, {"", "的", "，"},
    ...               tags.get, is_word, describes)
    False
    >>> _stands_alone(["新型", "城镇化"], 5, {"", "推进", "和"}, {"", "的", "，"},
    ...               tags.get, is_word, describes)
    True
    >>> _stands_alone(["新型", "城镇化"], 3, {"推进", "国家"}, {"。", "，", "示范区"},
    ...               tags.get, is_word, describes, distinguishes={"新型"}.__contains__)
    True
    """
    if is_word("".join(words)):
        return False
    if len(words) == 2 and distinguishes(words[0]) and count >= MIN_REPEATS:
        if len(followers) < MIN_COMPANY:
            return False
        rare = weight(words[-1])
        return rare is not None and rare >= MIN_CONCEPT_IDF
    if count < MIN_CONCEPT:
        return False
    if len(leaders) < MIN_COMPANY or len(followers) < MIN_COMPANY:
        return False
    if len(words) >= 3:
        return True
    rare = weight(words[-1])
    return describes(words[0]) and rare is not None and rare >= MIN_CONCEPT_IDF


def _opens_a_name(
    word: str, weight: Callable[[str], float | None], is_word: Callable[[str], bool], kind: Any
) -> bool:
    """A noun (not a verbal one, not a set phrase such as 充分发挥), a word jieba does not
    know (a name it guessed), or 全面."""
    if word in ADVERBIAL_NOUNS:
        return True  # 全面|从严治党, 全面|依法治国
    if weight(word) is None:  # a word jieba guessed, unless a function word opens it (这是)
        return not is_word(word) and len(word) >= 2 and word[0] not in FUNCTION_CHARS
    if kind is not None and kind(word) == VERBAL_KIND and len(word) >= 3 and word[-1] == "化":
        return True  # 数字化|新|乡村: what the thing is made, not a verb before its object
    return kind is None or kind(word) not in (VERBAL_KIND, IDIOM_KIND)  # 充分发挥|港澳


# One-character heads that end a name of a place, a route or a body (粤港澳|大湾|区,
# 西部|陆海|新|通道 ends in a word): jieba cuts them off and gives them no IDF.
HEAD_CHARS = frozenset(
    "区市县縣省州镇鎮乡鄉村港湾灣岛島城园園馆館院站线線路桥橋渠堤圈带帶局署厅廳委网網台"
)


def _ends_a_noun(word: str, weight: Callable[[str], float | None], kind: Any) -> bool:
    if word in HEAD_CHARS:
        return True
    if weight(word) is None or is_filler(word):
        return False
    if len(word) >= 3 and word[-1] == "化":
        return True  # 新型|工业化: what a thing becomes, a noun at a phrase's end
    return kind is None or kind(word) != VERBAL_KIND


def _idiom(word: str, kind: Callable[[str], int | None] | None) -> bool:
    return kind is not None and kind(word) == IDIOM_KIND


def _before_a_title(followers: set[str]) -> bool:
    """Every occurrence runs straight into a 《title》: its last word is the verb that
    issues it (省政府办公厅印发《…》, jieba may tag 印发 a noun), no head of a term."""
    return bool(followers) and all(word.startswith("《") for word in followers)


def _always_beside(neighbours: set[str]) -> bool:
    """Every occurrence has the same word beside it: the term is part of a longer one
    (习近平新时代中国 of …中国特色社会主义思想)."""
    return len(neighbours) == 1 and _usable(next(iter(neighbours)))


# Words that make a clause of a run of nouns (全党|必须|牢记): modal verbs and adverbs.
_CLAUSE_WORDS = frozenset(
    "必须 要 应 应当 应该 能 能够 可以 不断 进一步 更加 始终 坚决 务必 一定".split()
)


def _usable(token: str) -> bool:
    if token in _CLAUSE_WORDS or token[-2:] in GOVERNING_VERBS:
        return False  # 全党|必须|牢记, 充分发挥|港澳: a clause, not a name
    return (
        len(token) >= 1
        and has_cjk(token)
        and token.isalnum()
        and not is_number(token)
        and not (len(token) == 1 and token in FUNCTION_CHARS)
    )


def _rare_enough(
    words: Sequence[str],
    weight: Callable[[str], float | None],
    is_word: Callable[[str], bool],
    topic: frozenset[str] = frozenset(),
    describes: Callable[[str], bool] | None = None,
    topical: Callable[[str], bool] = lambda _phrase: False,
) -> bool:
    """Some word of the term is rare, or no dictionary word (a name jieba guessed), or
    one describing character stands between two of its words (城乡统一|大|市场, 数字化|
    新|乡村: general language writes such a phrase as a word of its own) unless those
    three are the text's topic, said everywhere (`topical`: 智慧|新|校园 in a plan for
    it, where every phrase holds them); the
    text's topic words do not count (粤港澳 is rare in the language but is half of every
    phrase of a plan for 粤港澳大湾区: 粤港澳|科技, 港澳|投资者 are its everyday words),
    but for the topic itself, made of them alone (粤港澳|大湾区)."""
    if topic and all(token in topic for token in words):
        return True
    if describes is not None and any(
        len(words[i]) == 1
        and describes(words[i])
        and len(words[i - 1]) >= 2
        and not topical("".join(words[i - 1 : i + 2]))
        for i in range(1, len(words) - 1)
    ):
        return True
    for token in words:
        if token in topic:
            continue
        found = weight(token)
        if len(token) >= 2 and not is_word(token):
            return True
        if found is not None and found >= MIN_TERM_IDF:
            return True
    return False


# A rare word the text says this often per word of it is its topic (粤港澳 in a plan for
# the Greater Bay Area): once in every TOPIC_SHARE words, and TOPIC_MIN times at least.
TOPIC_SHARE = 300
TOPIC_MIN = 20


def _topic_words(
    sentences: Sequence[Sequence[str]], weight: Callable[[str], float | None]
) -> frozenset[str]:
    """The rare words the text says so often that they are its topic, not a mark of a
    concept (see `_rare_enough`)."""
    counts: Counter[str] = Counter()
    for tokens in sentences:
        counts.update(tokens)
    return topic_words(counts, weight)


def topic_words(counts: Counter[str], weight: Callable[[str], float | None]) -> frozenset[str]:
    """Of the text's word counts, the rare words (IDF of MIN_TERM_IDF) it says once in
    every TOPIC_SHARE words and TOPIC_MIN times at least: 粤港澳 in a plan for the Greater Bay
    Area, which marks no compound of it (粤港澳|企业) as the text's own.

    >>> counts = Counter({"粤港澳": 25, "企业": 400, "大桥": 3})
    >>> sorted(topic_words(counts, {"粤港澳": 12.8, "大桥": 9.0}.get))
    ['粤港澳']
    """
    least = max(TOPIC_MIN, counts.total() / TOPIC_SHARE)
    return frozenset(
        word
        for word, count in counts.items()
        if count >= least and (weight(word) or 0.0) >= MIN_TERM_IDF
    )
