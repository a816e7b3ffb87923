"""The named-things pass: a programme, fund, project or zone the text names once.

A report names most of its schemes only once (撒玛利亚基金, 引大济岷工程, 科教兴国战略,
港珠澳大桥), so no repetition shows them; their shape does: a run of nouns closed by a word
that heads a name (基金, 工程, 战略, 大桥 … `HEADS`), opened by a word no dictionary of
general language would write there: a rare word (jieba's IDF `MIN_NAME_IDF` or more), a
word jieba does not know (a name it guessed), or three words or more before the head.
Inside the run, a lone character jieba cut off a name stays with it (撒|玛利亚, 引大济|岷),
and so does a verb between nouns that is no everyday verb of a clause (数字经济|创新|发展
试验区, not 澳门|作为|世界旅游休闲中心); a name joined to one found by 和, 及 or 、 with the
same head is one too (撒玛利亚基金和关爱基金). `named_things(tokens, …)` gives the (start,
end) of each within one sentence's tokens.

>>> idf = {"玛利亚": 9.4, "基金": 7.0, "专项": 7.6, "行动": 6.0}
>>> tokens = ["会", "透过", "撒", "玛利亚", "基金", "和", "关爱", "基金", "，", "加强", "支援"]
>>> text = "".join(tokens)
>>> is_word = {"会", "透过", "撒", "玛利亚", "基金", "和", "关爱", "加强", "支援", "开展",
...            "专项", "行动"}.__contains__
>>> [text[s:e] for s, e in named_things(tokens, weight=idf.get, is_word=is_word)]
['撒玛利亚基金', '关爱基金']
>>> tokens = ["开展", "专项", "行动"]                   # 专项行动: every report's words
>>> named_things(tokens, weight=idf.get, is_word=is_word)
[]

An institution or a region joined as one is named too (制度, 平台, 一体化 heads); two
lone characters before the head abbreviate two names (湘|赣):

>>> idf = {"学分": 9.1, "银行": 5.0, "制度": 5.2}
>>> tokens = ["实行", "学分", "银行", "制度", "，", "推进", "湘", "赣", "一体化", "发展"]
>>> text = "".join(tokens)
>>> is_word = {*tokens}.__contains__
>>> [text[s:e] for s, e in named_things(tokens, weight=idf.get, is_word=is_word)]
['学分银行制度', '湘赣一体化']

A games (…运会) is named by its host or its edition alone (南川|大运会, 十六|运会), and a
website by its owner (某省政府|网) when the text says it again (`said`):

>>> idf = {"南川": 7.0, "大运会": 12.8, "省政府": 6.0}
>>> is_word = {"南川", "大运会", "省政府", "网", "承办", "十六", "登录"}.__contains__
>>> tokens = ["承办", "南川", "大运会", "和", "十六", "运会"]
>>> [("".join(tokens))[s:e] for s, e in named_things(tokens, weight=idf.get, is_word=is_word)]
['南川大运会', '十六运会']
>>> tokens = ["登录", "某省政府", "网"]
>>> said = {"某省政府网": 2}.get
>>> [("".join(tokens))[s:e] for s, e in named_things(tokens, weight=idf.get, is_word=is_word,
...                                                   said=lambda n: said(n, 0))]
['某省政府网']
>>> named_things(tokens, weight=idf.get, is_word=is_word)  # said once: a network, no name
[]
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from itertools import accumulate

from quiz.generate.keywords import (
    FUNCTION_CHARS,
    GOVERNING_VERBS,
    IDIOM_KIND,
    NAME_KIND,
    NOUN_KIND,
    TITLE_PREFIXES,
    VERBAL_KIND,
)
from quiz.text.phrases import NUMERALS, has_cjk, is_number

# Words that head the name of a scheme, a fund, a place or a body.
HEADS = frozenset(
    """
    工程 计划 基金 中心 大桥 试验区 示范区 合作区 先行区 产业园 园区 联盟 津贴 战略 国债
    倡议 行动 基地 走廊 通道 运会 世运会 博览会 论坛 机场 铁路 大学 学院 医院 研究院 实验室
    保护区 新区 自贸区 功能区 集群 枢纽 工作法 精神 平台 制度 一体化
    """.split()
)
# (平台, 制度 and 一体化 name an institution, a platform or a region joined as one, opened
# like any name by a rare or guessed word or three words: 学分银行制度, 湘赣一体化; 体系 and
# 市场 head every report's everyday phrases, 公共服务体系, 客源市场, and are no heads.)
# Verbs that act on a name rather than belong to it (建设|粤港澳深度合作示范区).
ACTION_VERBS = frozenset(
    "建设 参与 开展 弘扬 实施 支持 发挥 创建 设立 成立 举办 承办 实行 启动 完成 推广 建成 "
    "争创".split()
)
# Adverbs that open a verb phrase jieba's dictionary may list as one word, tagged a noun
# or a name (充分发挥, 广泛开展, 积极参与).
ADVERBS = frozenset(
    "广泛 充分 积极 大力 全面 深入 切实 持续 不断 加快 努力 认真 主动 稳步 有序 着力".split()
)
MIN_NAME_IDF = 8.5
# A games (…运会: 世运会, 大运会, 运会 of 十五|运会) is named by one word before it, its host
# or its edition.
GAMES = "运会"
# Heads that name a thing only in a name the text says again (某省政府|网, not 燃气管|网).
HEADS_SAID_AGAIN = frozenset({"网"})
NAME_SAID = 2
# A verb jieba's dictionary counts this often is an everyday verb of a clause (作为 28567,
# 成为, 进入, 形成, 用于 8181), not one inside a name (创新 4681, 振兴, 集结, 适配).
EVERYDAY_VERB = 8000
# Characters that end a word saying where (区内, 境外): no part of a name.
LOCATORS = frozenset("内外上下中间里前后")
MIN_NAME, MAX_NAME = 4, 14
MAX_WORDS = 6
# Heads of a campaign or strategy, whose names often open with what they do (清理拖欠企业
# 账款专项行动, 积极应对人口老龄化国家战略), and how many such verbs a name may open with.
CAMPAIGN_HEADS = frozenset({"行动", "工程", "战略", "计划"})
MAX_CAMPAIGN_VERBS = 3


def named_things(
    tokens: Sequence[str],
    *,
    weight: Callable[[str], float | None],
    is_word: Callable[[str], bool],
    kind: Callable[[str], int | None] = lambda _token: None,
    describes: Callable[[str], bool] = lambda _token: False,
    frequency: Callable[[str], int] = lambda _token: 0,
    distinguishes: Callable[[str], bool] = lambda _token: False,
    said: Callable[[str], int] = lambda _name: 0,
) -> list[tuple[int, int]]:
    """(start, end) offsets in the sentence of each named thing (see the module), the
    longest run of nouns before each head that reads as one name. `kind(word)` is the
    keyword table's kind: no idiom (积极参与) is part of a name, no verbal noun (建设)
    opens one. `distinguishes(word)`: jieba tags it a distinguishing word or a direction
    (国家级, 西部), which belongs to the name it opens (西部|陆海新通道); `said(name)` how
    often the text says a name."""
    if (
        HEADS.isdisjoint(tokens)
        and HEADS_SAID_AGAIN.isdisjoint(tokens)
        and GAMES not in "".join(tokens)
    ):
        return []  # a quick test: no head, no name (nor a sibling of one)
    ends = list(accumulate(map(len, tokens), initial=0))
    words: list[tuple[int, int]] = []  # (first, last) words of each name
    for last, head in enumerate(tokens):
        if head not in HEADS and not head.endswith(GAMES) and head not in HEADS_SAID_AGAIN:
            continue
        one_word = _named_by_one_word(tokens, last, ends, weight, is_word, said)
        if one_word is not None:
            if not words or words[-1][1] < one_word:
                words.append((one_word, last))
            continue
        if head not in HEADS:
            continue
        best = None
        describers = 0
        for first in range(last - 1, max(last - MAX_WORDS, -1), -1):
            token = tokens[first]
            if kind(token) == IDIOM_KIND:
                break
            if len(token) == 1 and describes(token):
                describers += 1
                if describers > 1:
                    break  # 理政|新|理念|新|思想|新|战略: a series of phrases, not a name
            inner = False
            if (
                not _nominal(token, weight, is_word)
                and not _joined(tokens, first, last, weight, is_word, describes)
                and not (len(token) >= 2 and distinguishes(token))  # 西部|陆海新通道
            ):
                # 数字经济|创新|发展试验区: a verb inside a run of nouns is part of the name
                inner = (
                    first > 0
                    and _inner(token, is_word)
                    and frequency(token) < EVERYDAY_VERB  # 澳门|作为, 香港|成为: a clause
                    and _nominal(tokens[first - 1], weight, is_word)
                    # 诠释|中国精神: a verb before a noun is a verb and its object (an
                    # adjective is not: 大型|石油储备基地)
                    and (
                        first + 1 == last
                        or describes(token)
                        or kind(tokens[first + 1]) not in (NOUN_KIND, NAME_KIND)
                    )
                )
                if not inner:
                    break
            length = ends[last + 1] - ends[first]
            if length > MAX_NAME:
                break
            if token.endswith(head):
                break  # 交易平台|企业|基于|平台: two things, each with its head
            opens = (
                kind(token) != VERBAL_KIND
                and not inner
                and not _after_lone(tokens, first, describes)
            )
            if length >= MIN_NAME and opens and _names(tokens[first:last], weight, is_word):
                best = first
        if best is not None and head in CAMPAIGN_HEADS:
            best = _campaign_verbs(tokens, best, last, ends, weight, is_word)
        if best is not None and (not words or words[-1][1] < best):
            words.append((best, last))
    words += _siblings(tokens, words, describes)
    found: list[tuple[int, int]] = []
    for first, last in sorted(words):
        if not found or found[-1][1] <= ends[first]:
            found.append((ends[first], ends[last + 1]))
    return found


def _campaign_verbs(
    tokens: Sequence[str],
    first: int,
    last: int,
    ends: Sequence[int],
    weight: Callable[[str], float | None],
    is_word: Callable[[str], bool],
) -> int:
    """The first word of a campaign's or strategy's name that opens with what it does:
    the verbs between the verb that acts on it and the name found (开展|清理|拖欠|企业账款
    专项行动, 实施|积极|应对|人口老龄化国家战略) belong to it, up to MAX_CAMPAIGN_VERBS of
    them and MAX_NAME characters in all; without an acting verb before them they are the
    clause's own (推动|提振|消费专项行动 … is asked as found)."""
    at = first
    for index in range(first - 1, max(first - 1 - MAX_CAMPAIGN_VERBS, -1), -1):
        token = tokens[index]
        if token in ACTION_VERBS:
            return at if ends[last + 1] - ends[at] <= MAX_NAME else first
        if len(token) < 2 or not has_cjk(token) or _nominal(token, weight, is_word):
            return first
        if token[:2] in GOVERNING_VERBS:
            return first
        at = index
    return first


def _named_by_one_word(
    tokens: Sequence[str],
    last: int,
    ends: Sequence[int],
    weight: Callable[[str], float | None],
    is_word: Callable[[str], bool],
    said: Callable[[str], int],
) -> int | None:
    """The first word of a name one word makes before its head: a games' host or edition
    (南川|大运会, 十六|运会), or a website's owner (one word or two) in a name said
    NAME_SAID times (某省政府|网)."""
    if last == 0:
        return None
    head, word = tokens[last], tokens[last - 1]
    if ends[last + 1] - ends[last - 1] < MIN_NAME or not has_cjk(word) or len(word) < 2:
        return None
    if head.endswith(GAMES):
        if is_number(word) and word[0] in NUMERALS:
            return last - 1  # 十六|运会: the sixteenth games
        return last - 1 if _nominal(word, weight, is_word) else None
    if head in HEADS_SAID_AGAIN:
        # the owner in one word or two (某省政府|网, 南江|政府|网), the longer first
        for first in (last - 2, last - 1):
            owner = tokens[max(first, 0) : last]
            if first < 0 or not all(_nominal(w, weight, is_word) and len(w) >= 2 for w in owner):
                continue
            if said("".join(tokens[first : last + 1])) >= NAME_SAID:
                return first
    return None


def name_core(words: Sequence[str], is_word: Callable[[str], bool]) -> str | None:
    """What the text may say of a name without the rest of it, for counting how often it
    names the thing: its own words before the head when jieba guessed one of them (引大济|
    岷 of 引大济|岷|工程: the text says 引大济岷 alone again), or a games' head (大运会 of
    南川|大运会); else None (基金 of 关爱基金 names every fund).

    >>> is_word = {"工程", "大运会", "关爱", "基金"}.__contains__
    >>> name_core(["引大济", "岷", "工程"], is_word), name_core(["南川", "大运会"], is_word)
    ('引大济岷', '大运会')
    >>> name_core(["关爱", "基金"], is_word) is None
    True
    """
    if len(words) < 2:
        return None
    head, modifiers = words[-1], words[:-1]
    if head.endswith(GAMES) and len(head) > len(GAMES) and is_word(head):
        return head
    core = "".join(modifiers)
    if len(core) >= MIN_CORE and any(not is_word(w) for w in modifiers):
        return core
    return None


MIN_CORE = 3


def place_programmes(
    sentences: Sequence[Sequence[str]],
    places: Collection[str],
    *,
    weight: Callable[[str], float | None],
    is_word: Callable[[str], bool],
    describes: Callable[[str], bool] = lambda _token: False,
    said: Callable[[str], int],
) -> list[str]:
    """The programmes a text names after its own place (`places`: 南江 of a report signed
    by 南江省): one to three words before the place, each a noun, an adjective, a verbal
    noun that is no action (现代化, not 建设) or a word jieba guessed, the longest the text says
    MIN_PROGRAMME times (数字|南江, 现代化|新|南江, 绿美|南江), unless the text says it with
    one word more before it NESTED_SHARE as often (中国式|现代化|南江: a part of a longer
    phrase), in first-seen order.

    >>> cut = [["加快", "建设", "现代化", "新", "南江"], ["推动", "数字", "南江", "建设"],
    ...        ["视察", "南江"]]
    >>> text = "建设现代化新南江。" * 3 + "数字南江。" * 3 + "视察南江。" * 3
    >>> words = {"加快", "建设", "现代化", "新", "推动", "数字", "视察"}
    >>> place_programmes(cut, {"南江"}, weight={"数字": 6.0, "现代化": 8.0}.get,
    ...                  is_word=words.__contains__, describes={"新"}.__contains__, said=text.count)
    ['现代化新南江', '数字南江']
    """
    found: list[str] = []
    extended: dict[str, int] = {}  # how often each is said with one word more before it
    for tokens in sentences:
        for at, token in enumerate(tokens):
            if token not in places:
                continue
            best = None
            longer = 0  # how often the text says the best with one word more before it
            for first in range(at - 1, max(at - 2 - MAX_PROGRAMME_WORDS, -1), -1):
                word = tokens[first]
                if not (describes(word) or _nominal(word, weight, is_word)):
                    break  # 建设|, 视察|: a verb acting on the place
                phrase = "".join(tokens[first : at + 1])
                if len(phrase) > MAX_NAME:
                    break
                if best is not None and phrase.endswith(best) and len(phrase) > len(best):
                    longer = max(longer, said(phrase))
                if first < at - MAX_PROGRAMME_WORDS:
                    break  # looked one word past the longest name, for `longer`
                if said(phrase) >= MIN_PROGRAMME and not describes(word) and len(word) >= 2:
                    best, longer = phrase, 0  # 新|南江 is said as often: 现代化新南江 is the name
            if best is not None:
                if best not in found:
                    found.append(best)
                extended[best] = max(extended.get(best, 0), longer)
    # 现代化|南江 of 中国式|现代化|南江 said nearly as often is part of a longer phrase
    return [name for name in found if extended[name] < NESTED_SHARE * said(name)]


MIN_PROGRAMME = 3
MAX_PROGRAMME_WORDS = 3
NESTED_SHARE = 0.6


# Words that join names of one kind (撒玛利亚基金和关爱基金, X计划、Y计划).
COORDINATORS = frozenset("和 及 与 、 以及 或".split())


def _siblings(
    tokens: Sequence[str], words: Sequence[tuple[int, int]], describes: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """Names of the same kind the text joins after a name found (撒玛利亚基金和关爱基金): the
    words after a coordinator up to the same head, each a content word of two characters
    or more (关爱 is no noun, but beside 撒玛利亚基金 it names a fund too)."""
    found = []
    for _first, last in words:
        after = last + 1
        if after >= len(tokens) or tokens[after] not in COORDINATORS:
            continue
        for stop in range(after + 2, min(after + MAX_WORDS, len(tokens))):
            if tokens[stop] == tokens[last]:
                if all(_kin(t, describes) for t in tokens[after + 1 : stop]):
                    found.append((after + 1, stop))
                break
    return [span for span in found if span not in words]


def _kin(token: str, describes: Callable[[str], bool]) -> bool:
    """A word that may name a sibling of a name: two characters or more, no function,
    governing or action word, nor a word that only describes (相关, 其他)."""
    return (
        len(token) >= 2
        and has_cjk(token)
        and token.isalnum()
        and not is_number(token)
        and token[0] not in FUNCTION_CHARS
        and token[:2] not in GOVERNING_VERBS
        and token[:2] not in ADVERBS
        and token not in ACTION_VERBS
        and not describes(token)
    )


def _joined(
    tokens: Sequence[str],
    at: int,
    head: int,
    weight: Callable[[str], float | None],
    is_word: Callable[[str], bool],
    describes: Callable[[str], bool] = lambda _token: False,
) -> bool:
    """A lone character (no function word) that is part of the name beside it: before a
    name jieba guessed or a rare word (撒|玛利亚), after a guessed one (引大济|岷|工程), or
    a describing one after a noun, before a noun or the head (农村|新|社区|登记制度)."""
    token = tokens[at]
    if len(token) != 1 or not has_cjk(token) or token in FUNCTION_CHARS:
        return False
    if token in TITLE_PREFIXES or (at > 0 and is_number(tokens[at - 1])):
        return False  # 副|中心 heads a name of its own; 二十|届 counts
    if token in COMPLEMENTS:
        return False  # 推行|好|学分银行制度: the verb's complement, not the name's
    if _paired(tokens, at, head):
        return True  # 湘|赣|一体化: two characters that each abbreviate a name
    if (
        describes(token)
        and 0 < at < head
        and _nominal(tokens[at - 1], weight, is_word)
        and (at + 1 == head or _nominal(tokens[at + 1], weight, is_word))
    ):
        return True  # 陆海|新|通道, 农村|新|社区|登记制度
    if at + 1 < head:
        following = tokens[at + 1]
        rare = weight(following)
        if not is_word(following) or (rare is not None and rare >= MIN_NAME_IDF):
            return True
    if at > 0:
        before = tokens[at - 1]
        return len(before) >= 2 and has_cjk(before) and not is_word(before)
    return False


# Characters that complete the verb before them (推行好, 落实到): never part of a name.
COMPLEMENTS = frozenset("好到完住")


def _lone(token: str) -> bool:
    """One character that may stand for a name (湘, 赣): no function word, complement,
    title prefix or numeral."""
    return (
        len(token) == 1
        and has_cjk(token)
        and token not in FUNCTION_CHARS
        and token not in COMPLEMENTS
        and token not in TITLE_PREFIXES
        and token not in NUMERALS
    )


def _paired(tokens: Sequence[str], at: int, head: int) -> bool:
    """`tokens[at]` and a neighbour inside the name (before the head) are both lone
    characters: jieba cut an abbreviation of two names in two (湘|赣, 闽|台)."""
    if not _lone(tokens[at]):
        return False
    return (at + 1 < head and _lone(tokens[at + 1])) or (at > 0 and _lone(tokens[at - 1]))


def _after_lone(tokens: Sequence[str], first: int, describes: Callable[[str], bool]) -> bool:
    """The word before `first` is one describing character (新, 大) that belongs to the
    name (推进|新|赛道|登记制度, 农村|新|社区|登记制度 when no name is found whole): a name
    starting after it would be cut out of a longer one. A complement is the verb's
    (推行|好|学分银行制度)."""
    if first < 1:
        return False
    before = tokens[first - 1]
    return len(before) == 1 and describes(before) and before not in COMPLEMENTS


def _inner(token: str, is_word: Callable[[str], bool]) -> bool:
    """A verb of two characters that may stand inside a name between nouns (创新), not
    one that acts on it (建设, 推动) or an adverb (积极)."""
    return (
        len(token) == 2
        and has_cjk(token)
        and is_word(token)
        and token[0] not in FUNCTION_CHARS
        and token[0] not in NUMERALS  # 一批, 三年: a count
        and token[-1] not in LOCATORS  # 区内: where, not what
        and token not in GOVERNING_VERBS
        and token not in ADVERBS
        and token not in ACTION_VERBS
    )


def _nominal(
    token: str, weight: Callable[[str], float | None], is_word: Callable[[str], bool]
) -> bool:
    if not has_cjk(token) or not token.isalnum() or is_number(token):
        return False
    if token[:2] in GOVERNING_VERBS or token[:2] in ADVERBS or token in ACTION_VERBS:
        return False
    if weight(token) is not None:
        return len(token) >= 2 or token[0] not in FUNCTION_CHARS  # 中欧, 中国: nouns
    return not is_word(token) and token[0] not in FUNCTION_CHARS  # a guess, not 这是


def _names(
    modifiers: Sequence[str],
    weight: Callable[[str], float | None],
    is_word: Callable[[str], bool],
) -> bool:
    """The words before the head make a name: three or more, or one rare or guessed."""
    if len(modifiers) >= 3:
        return True
    if any(_lone(a) and _lone(b) for a, b in zip(modifiers, modifiers[1:], strict=False)):
        return True  # 湘|赣: an abbreviation jieba could not read
    for token in modifiers:
        if not is_word(token):
            return True  # 撒|玛利亚, 综援: a name jieba guessed
        found = weight(token)
        if len(token) >= 3 and token[-1] == "性":
            continue  # 全局性|制度: a quality (基础性, 全局性) names no thing
        if found is not None and found >= MIN_NAME_IDF:
            return True
    return False
