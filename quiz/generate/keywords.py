"""Which run of a segmented sentence makes a keyword answer a student can learn.

`keyword_spans` ranks the noun runs of a jieba-cut sentence by TF-IDF and refuses what is
no term: filler, numbers, halves of longer phrases, verb phrases jieba calls nouns, and the
like (see its docstring). It takes the weights as callables and never imports jieba.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from itertools import accumulate
from typing import cast

from quiz.text.phrases import (
    CJK,
    MIN_ANSWER,
    NUMERALS,
    Span,
    has_cjk,
    is_filler,
    is_number,
)

# Verbs that govern an object and do not modify a noun: alone they end a noun phrase
# (新建|高标准农田), and a dictionary word opening with one (面向用户, 保持稳定) is a
# verb phrase in use, not a term.
GOVERNING_VERBS = frozenset(
    """
    面向 面对 保持 围绕 针对 依托 依靠 确保 促进 提高 加强 坚持 推进 推动 实现 落实 贯彻
    增强 提升 深化 扩大 加快 强化 优化 坚定 树立 履行 遵守 带领 引领 发挥 注重 新建 扩建
    改建 构筑 构建 打造 培育 符合 具有
    """.split()
)
# Nouns that end a dictionary word as the object of a verb (列席会议, 解决问题) or as a
# generic head (协调会议); other generic nouns head real terms (会计工作, 陪审制度).
VERB_OBJECTS = frozenset({"会议", "问题"})
# Characters before an agent whose act follows as a word jieba calls a noun (受|X|委托).
AGENT_MARKERS = frozenset("受经应承蒙")
# Characters before a party whose dealing with it follows as a verbal noun (与|X|合作).
COVERBS = frozenset("与同跟向对为")
# Words after a name that make it a modifier of what follows (长征|系列|运载火箭).
SERIES_WORDS = frozenset("系列 型号 品牌 牌子 类型".split())
# A place name in a chain (四川省|成都市|都江堰市): ends with an administrative unit.
_PLACE_UNIT = re.compile(f"[{CJK}]{{2,}}[省市县縣区區州盟旗镇鎮乡鄉]$")
# A locator after a place (都江堰市|城西): where in it, not a thing to learn.
_LOCATOR = re.compile("^[城市县区镇乡村][东西南北]$|^[东西南北][郊部边面侧]$")


# Words jieba calls nouns that are adverbs before a verb (全面|规范|市场准入|程序, 依法|管理):
# neither they nor the verb after them belong to a noun phrase.
ADVERBIAL_NOUNS = frozenset("全面 大力 依法 着力".split())
# Personal pronouns: a word alone between one and 的 is what they do (为他们|印制|的).
PRONOUNS = frozenset("我 你 他 她 它 我们 你们 他们 她们 它们 咱们 大家 人们".split())
# Aspect particles: the word before one is a verb in use (经济|经历|了, 考验|着).
ASPECT_PARTICLES = frozenset("了着过")
# Characters that join the parts of a foreign name (威廉姆斯·奈杰尔): half a name is no answer.
NAME_JOINERS = frozenset("·•‧・")
# A resultative complement ending a word makes it a verb (捕捉到, 意识到), whatever jieba says.
_RESULTATIVE = re.compile(f"[{CJK}]到$")
MAX_COMPOUND = 8
MIN_HEAD = 4
# Characters that stand alone after a word (的, 和, 在 ...): anything else written right
# after a keyword as a one-character token is more likely the end of a longer word.
FUNCTION_CHARS = frozenset(
    "的地得了着过和与及或在是为等中上下里内外间后前时被把将对向从于以而之也都就还又再所很最"
    "更其该此每各个们这那有无不没要会能已并且但则即若如让使给由至到及共同各自把被乃亦非所"
)
NOUN_KIND, VERBAL_KIND, NAME_KIND, IDIOM_KIND = 0, 1, 2, 3
# Characters that make a title or rank of the noun after them (副|书记, 总|工程师).
TITLE_PREFIXES = frozenset("副总正原前代常首")
# A word alone this common (计划 4.97, 报告 5.21, 结果 4.95 in jieba's IDF) teaches nothing.
MIN_KEYWORD_IDF = 5.6
# In a sentence this long a word alone must be rarer still (全世界 6.8, 信号 6.4, 文件 6.2):
# a short learner's line is about its common word (你叫什么名字？), a report's long
# sentence has better answers or none.
LONG_FOR_COMMON = 20
MIN_KEYWORD_IDF_LONG = 7.2


def keyword_spans(
    tokens: Sequence[str],
    weight: Callable[[str], float | None],
    doc_counts: Mapping[str, int],
    *,
    pair_counts: Mapping[tuple[str, str], int] | None = None,
    limit: int = 1,
    kind: Callable[[str], int | None] | None = None,
    features: dict[str, TokenFeatures] | None = None,
) -> list[Span]:
    """The `limit` best TF-IDF keywords of a segmented sentence, as spans of it, best first.

    `weight(word)` is the IDF of a noun-ish word (None for anything else). A word scores
    its IDF damped by how often the document repeats it (a word on every line is the topic,
    guessable, not a thing to learn), with a bonus for length. Nouns written together form
    one noun phrase (固定资产|投资, 宝瓶口|进水口): the phrase is the answer, never one of
    its words (a blank on 投资 alone is a fragment); a phrase longer than 8 characters keeps
    its last words (the head: 消费品零售总额 of 社会|消费品|零售总额). Two nouns that
    recur together (`pair_counts` >= 2) score as one compound. Filler words and numbers
    never count, and end a phrase; a single word more common than MIN_KEYWORD_IDF (in a
    sentence of LONG_FOR_COMMON characters or more, MIN_KEYWORD_IDF_LONG) is no
    answer, nor the first half of X之Y. With `kind` (0 noun, 1 verbal noun, 2 name, 3 idiom),
    a name stands alone, so does an idiom unless 的 follows (科技|自立自强|的), and a verbal
    noun never opens a phrase (营造|挑战); a phrase right before a
    filler noun only modifies it (企业高质量|发展) and is no answer. A dictionary word
    opening with a governing verb (面向用户, 保持稳定) is a verb phrase, not a noun, and
    the noun right after it is the rest of its object; a verbal noun ending a phrase
    before an object (用电大户|设置|一定比例) is a verb in use and leaves the phrase; a
    chain of places is its last one; a locator (城西) is no noun; a word before a series
    word (长征|系列) or before a verb and an activity noun (乡村|振兴|工作) is a modifier;
    a word ending in 会议 or 问题 is a verb and its object or generic (列席会议); after
    受/经 (or 与/向 before a verbal noun) the party is the answer, not what it does
    (受|中央政治局|委托, 与|产业界|合作). `features`, when given, keeps what is read of
    each token from one call to the next (a document repeats its words).
    """
    ends = list(accumulate(map(len, tokens), initial=0))
    at = ends[-1]
    if features is None:
        features = {}
    known = list(map(features.get, tokens))
    if None in known:
        for i, token in enumerate(tokens):
            if known[i] is None:
                known[i] = features[token] = _token_features(token, weight, kind)
    looked_up = cast(list[TokenFeatures], known)
    nounish = [found[3] for found in looked_up]
    if not ADVERBIAL_NOUNS.isdisjoint(tokens):  # 全面|规范: no noun after the adverb
        for i in range(1, len(tokens)):
            if tokens[i - 1] in ADVERBIAL_NOUNS:
                nounish[i] = False
    looked_up.append(_PAD)
    looked_up.append(_PAD)
    weights = [found[0] for found in looked_up]
    kinds = [found[1] for found in looked_up]
    padded = [*tokens, "", ""]
    scored: list[tuple[float, int, int]] = []
    min_single_idf = MIN_KEYWORD_IDF if at < LONG_FOR_COMMON else MIN_KEYWORD_IDF_LONG
    count_of = doc_counts.get
    pair_count = (pair_counts or {}).get
    index = 0
    end_of_tokens = len(tokens)
    while index < end_of_tokens:
        if not nounish[index]:
            index += 1
            continue
        last = index
        while last + 1 < end_of_tokens and nounish[last + 1]:
            last += 1
        first = index
        acted = -1
        run_kinds = kinds[index : last + 1]
        alone = (
            [i for i, k in enumerate(run_kinds) if k == NAME_KIND or k == IDIOM_KIND]
            if NAME_KIND in run_kinds or IDIOM_KIND in run_kinds
            else []
        )
        if alone == [last - index] and run_kinds[-1] == IDIOM_KIND and padded[last + 1] == "的":
            alone = []  # 科技|自立自强|的: the idiom ends a noun phrase, not a predicate
        if alone:  # names and idioms stand alone: split the run before and after each
            cut = alone[0]
            last = index + max(cut - 1, 0) if cut > 0 else index
        while first < last and kinds[first] == VERBAL_KIND:
            first += 1
        before = padded[first - 1] if first > 0 else ""
        if first < last and (
            before in AGENT_MARKERS or (before in COVERBS and kinds[last] == VERBAL_KIND)
        ):
            last -= 1  # 受|中央政治局|委托, 与|产业界|合作: the party, then what is done
            acted = last + 1  # the act is no answer either
        if first < last and all(_PLACE_UNIT.search(t) for t in tokens[first : last + 1]):
            first = last  # 四川省|成都市|都江堰市: a chain of places is its last, narrowest one
        long_run = ends[last + 1] - ends[first] > MAX_COMPOUND
        while ends[last + 1] - ends[first] > MAX_COMPOUND and first < last:
            first += 1
        if long_run and ends[last + 1] - ends[first] < MIN_HEAD:
            index = max(last, acted) + 1
            continue  # 国家自主创新|示范区: a short tail cuts the name, it does not name it
        following = padded[last + 1]
        next_features = looked_up[last + 1]
        takes_object = (
            (next_features[0] is not None and not next_features[4])
            or next_features[6]  # a number in words (一定比例)
            or following[:1].isdigit()  # 销售收入|突破|600亿元: a verb before its amount
        )
        if first < last and kinds[last] == VERBAL_KIND and takes_object:
            last -= 1  # 用电|大户|设置|一定比例: the verbal noun takes an object, a verb
            following = padded[last + 1]
        if following in ASPECT_PARTICLES and first < last:
            last -= 1  # 中国|经济|经历|了: the last word is a verb in use
            following = padded[last + 1]
        index = max(last, acted) + 1
        start, end = ends[first], ends[last + 1]
        single = first == last
        idf = (
            (weights[first] or 0.0) if single else max(w or 0.0 for w in weights[first : last + 1])
        )
        # a word alone that is common, or a verbal noun alone (协商, 支配: a verb in use)
        if single and (idf < min_single_idf or kinds[first] == VERBAL_KIND):
            continue
        if not MIN_ANSWER <= end - start <= MAX_COMPOUND:
            continue
        if _modifies(first, last, padded, looked_up, nounish, kinds, weights):
            continue
        run = tokens[first : last + 1]
        count = min(count_of(token, 1) for token in run)
        repeated = not single and all(
            pair_count(pair, 0) >= 2 for pair in zip(run, run[1:], strict=False)
        )
        bonus = 1.0 if single or repeated else 0.9
        length = end - start
        if single and kinds[first] == NAME_KIND:
            length = max(length, 4)  # a name is short but a whole fact (李冰)
        scored.append((bonus * _damped(idf, count, length), start, end))
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    return [Span(start, end, "keyword") for _score, start, end in scored[:limit]]


def _modifies(
    first: int,
    last: int,
    padded: list[str],
    looked_up: list[TokenFeatures],
    nounish: list[bool],
    kinds: list[int | None],
    weights: list[float | None],
) -> bool:
    """Whether the run from `first` to `last` only modifies or is part of what is around
    it (see keyword_spans: 企业高质量|发展, 考验|着, 开局|之|年 …)."""
    following = padded[last + 1]
    next_features = looked_up[last + 1]
    if next_features[0] is not None and next_features[4]:
        return True  # 企业高质量|发展
    if following in ASPECT_PARTICLES or following in NAME_JOINERS:
        return True  # 考验|着: a verb alone; 威廉姆斯|·|奈杰尔: half a name
    before = padded[first - 1] if first > 0 else ""
    if first > 0 and before in NAME_JOINERS:
        return True
    if (
        first >= 2
        and looked_up[first - 1][4]
        and weights[first - 1] is not None  # a noun filler (工作), not a verb (进行)
        and nounish[first - 2]
        and kinds[first - 2] == NOUN_KIND
    ):
        return True  # 政府|工作|报告|英文版: the tail of a compound, cut inside it
    if first == last and following == "的" and before in PRONOUNS:
        return True  # 为他们|印制|的: a verb jieba calls a noun, in a relative clause
    if first == last and first > 0 and kinds[first - 1] == NAME_KIND:
        return True  # 李克强|总理: a person's title after the name is trivia
    if following[:1] == "之" or following in SERIES_WORDS or following == "地":
        return True  # 开局|之|年: one half of X之Y; 长征|系列|运载火箭; 源源不断|地|运往
    if (
        len(following) >= 2
        and next_features[5]
        and next_features[0] is None
        and not next_features[4]
        and looked_up[last + 2][4]
    ):
        return True  # 乡村|振兴|工作: the phrase names an activity with the word after
    if first > 0 and looked_up[first - 1][2]:
        return True  # 面向用户|客户: the object of a verb phrase, cut in two
    if next_features[7]:
        return True  # 智慧|田: the next character belongs to the word (智慧田)
    if (
        first > 0
        and looked_up[first - 1][7]
        and (first == 1 or not looked_up[first - 2][5] or before in TITLE_PREFIXES)
    ):
        return True  # 、飞|沙堰溢洪道: a lone character opening the phrase is its start
    if next_features[1] == NAME_KIND:
        return True  # 总书记|习近平: a person's title is trivia, like the name
    if kinds[last] == NAME_KIND:  # 习近平|新|时代, 李冰|太守
        return next_features[0] is not None or (
            len(following) == 1 and next_features[5] and weights[last + 2] is not None
        )
    return False


# What keyword_spans reads of a token alone: its weight, its kind, whether it is a verb
# phrase, whether it can be part of a noun run (the token before aside), whether it is
# filler, whether it holds Han characters, whether it opens with a numeral in words
# (一定比例), and whether it is one Han character that is no function word (智慧|田).
TokenFeatures = tuple[float | None, int | None, bool, bool, bool, bool, bool, bool]


def _token_features(
    token: str,
    weight: Callable[[str], float | None],
    kind: Callable[[str], int | None] | None,
) -> TokenFeatures:
    idf = weight(token)
    token_kind = (kind(token) if kind is not None else NOUN_KIND) if idf is not None else None
    verb_phrase = (
        len(token) >= 4
        and (
            token[:2] in GOVERNING_VERBS  # 面向用户, 保持稳定
            or token[-2:] in GOVERNING_VERBS  # 充分发挥: an adverb and its verb
            or token[:2] in ADVERBIAL_NOUNS  # 大力发展, 全面推进: an adverb and its verb
            or (len(token) == 4 and token[2:] in VERB_OBJECTS)
        )
    )  # 列席会议, 解决问题: a verb and its object, or a generic meeting or issue
    nounish = (
        idf is not None
        and not is_number(token)
        and not is_filler(token)
        and has_cjk(token)
        and not verb_phrase
        and token not in GOVERNING_VERBS
        and not _LOCATOR.match(token)
        and not _RESULTATIVE.search(token)
        and token not in ADVERBIAL_NOUNS
    )
    filler = is_filler(token)
    cjk = has_cjk(token)
    numeral = cjk and token[:1] in NUMERALS
    stray = len(token) == 1 and cjk and token not in FUNCTION_CHARS
    return idf, token_kind, verb_phrase, nounish, filler, cjk, numeral, stray


# the features of the two places after a sentence's last word
_PAD: TokenFeatures = (None, None, False, False, False, False, False, False)


def _damped(idf: float, count: int, length: int) -> float:
    return idf * (1.0 + 0.2 * (min(length, 6) - 2)) / (1.0 + math.log(max(count, 1)))
