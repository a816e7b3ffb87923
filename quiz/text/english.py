"""Key phrases of English sentences, found by small rules on the words alone (no tagger,
no model; small word lists below: function words, common verbs, size adjectives, nouns
too general for a term): capitalised names and terms,
terms a sentence defines, noun phrases, figures with their magnitude, dates in context,
the items of a labelled list, and the class a learner's note gives a quoted word.

Each finder reads one sentence and returns `Span(start, end, rule)` offsets of it. What a
finder needs of the whole text (the words it also writes in lower case, how often it says
a phrase) comes in a `Document` made once from all its sentences.

>>> doc = Document.of(["The US followed a policy of isolation, meaning it stayed out."])
>>> [(s.of(doc.sentences[0]), s.rule) for s in definitions(doc.sentences[0], doc)]
[('policy of isolation', 'defined')]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from quiz.text.phrases import ENGLISH_STOPWORDS, Span

# --------------------------------------------------------------------------- words

# Words that never open, close or join a noun phrase: articles and determiners, pronouns,
# prepositions, conjunctions, auxiliaries and modals, frequent adverbs and quantifiers.
FUNCTION_WORDS = ENGLISH_STOPWORDS | frozenset(
    """
    am isn't aren't wasn't weren't don't doesn't didn't can't couldn't won't wouldn't
    shouldn't hasn't haven't hadn't it's that's there's they're we're i'm
    himself herself itself themselves ourselves yourself myself
    another every either neither several many much less least enough
    among against along around across behind below beneath beside besides beyond despite
    down except inside near off onto out outside past per since though although toward
    towards until unless upon via whether within yet up
    however therefore thus hence still even ever never always often sometimes usually
    already almost nearly quite rather really especially mainly mostly later soon today
    now together instead perhaps maybe indeed else etc
    one two three four five six seven eight nine ten eleven twelve twenty hundred thousand
    million billion hundreds thousands millions billions dozen dozens
    first second third last next
    like unlike because whose whatever whichever whoever
    """.split()
)
# Determiners, possessives and prepositions: a word after one of these opens a noun
# phrase, so a participle there is an adjective (the armed forces, a growing industry).
_OPENERS = frozenset(
    """
    a an the this that these those its their his her our my your whose some any each
    every no of in on at to for from by with without about into over under between among
    against during through after before within upon across toward towards
    """.split()
)
# Verbs a note says often whose forms carry no -ed or -ing to give them away.
_VERBS = frozenset(
    """
    get gets got gotten make makes take takes took give gives gave go goes went gone
    come comes came become becomes became begin begins began begun keep keeps kept
    led know knows knew known build builds built say says said see sees saw seen
    want wants bring brings brought hold holds held stood ran won lost paid met sent
    spent seem seems allow allows include includes grew grown rose risen fell fallen
    broke broken fought told thought felt found chose chosen wrote written drove driven
    took shown showed meant means let lets put puts tried tries try help helps
    live lives stay stays look looks need needs became lead
    sought bought taught caught fled sold swore wore tore drew threw flew rode strove struck
    stuck hung hid shook forbade forgave froze spoke stole wove woke sang sank rang swam
    overcame hurt
    """.split()
)
# Irregular participles that end a longer verb (overtaken, undergone).
_PARTICIPLE_ENDS = (
    "taken", "given", "shown", "known", "grown", "driven", "written", "broken", "chosen",
    "spoken", "beaten", "gotten", "hidden", "risen", "fallen", "begun", "thrown", "drawn",
    "gone", "done", "seen",
)  # fmt: skip
# Adjectives of size, degree and judgement: they open no term (huge amounts, a serious
# competitor, the strongest navy name an amount, a competitor, a navy).
GRADABLE = frozenset(
    """
    good bad big small large huge vast great little long short high low strong weak
    rapid quick slow serious important different similar terrible complicated main major
    minor whole entire real true certain particular various own new old young full easy
    hard difficult simple clear best better worse worst same much very enormous massive
    tiny significant powerful basic general common specific special final total overall
    growing increasing regular modest wide narrow deep rich poor wealthy famous key
    possible likely usual normal typical huge entire extra further free-standing
    strongest largest biggest greatest highest deadliest richest oldest longest earliest
    latest newest fastest smallest weakest closest finest poorest lowest
    """.split()
)
# Nouns too general to head a term (the way people lived, the vast majority of people).
GENERIC = frozenset(
    """
    way ways thing things people person persons lot lots kind kinds sort sorts type types
    part parts number numbers amount amounts majority minority rest place places time
    times fact facts case cases example examples side sides end beginning stage stages
    task tasks area areas matter point points reason reasons result results idea ideas
    use sense deal order situation someone something anything everything nothing
    everyone anyone sth sb
    """.split()
)
# A number and one of these is a time expression, never part of a noun phrase.
_TIME_WORDS = frozenset(
    "century centuries decade decades year years month months week weeks day days".split()
)
# Nouns ending in -ly, -ing or -ed that are no adverb, gerund or participle.
_NOT_ADVERBS = frozenset(
    """
    family supply assembly ally rally monopoly anomaly butterfly reply early daily weekly
    monthly yearly quarterly holy ugly jelly belly bully lily fly melancholy homily
    italy sicily july apply comply imply rely multiply elderly deadly costly orderly
    friendly lonely lovely likely
    """.split()
)
_NOT_GERUNDS = frozenset(
    """
    king kings ring rings thing things wing wings spring springs string strings sing
    sting swing sibling siblings ceiling ceilings evening evenings morning mornings
    """.split()
)
_NOT_PARTICIPLES = frozenset("hundred red bed shed bred sacred naked wicked kindred".split())
# Suffixes of words that name a doctrine or a system of rule (nationalism, democracy,
# monarchy): a concept the note teaches, even said once.
_CONCEPT = re.compile(r"^[a-z]{4,}(?:ism|isms|ocracy|ocracies|archy|archies)$")
# Adjective endings: a phrase opened by one is adjective + noun (global dominance), else a
# compound of nouns (arms race, life expectancy).
_ADJECTIVE_END = re.compile(r"(?:al|ic|ive|ous|ful|less|ary|ible|able|ish|ian|ese|ern|ed)$")
_DEMONYM = re.compile(r"^(?:Non-)?[A-Z][a-z]+(?:an|ish|ese|ic|i)$")

WORD = re.compile(r"\d+(?:[.,/]\d+)*(?:st|nd|rd|th|s)?|[A-Za-z](?:[A-Za-z'’-]*[A-Za-z])?")


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.casefold()

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def numeric(self) -> bool:
        return self.text[:1].isdigit()

    @property
    def possessive(self) -> bool:
        return self.text.endswith(("'s", "’s"))


def words_of(text: str) -> list[Word]:
    """The words of a sentence with their offsets (Austria-Hungary, Britain's, 1/4, 20th)."""
    return [Word(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def singular(word: str) -> str:
    """A rough singular, enough to count empire and empires as one word."""
    lowered = word.casefold()
    if len(lowered) > 4 and lowered.endswith("ies"):
        return lowered[:-3] + "y"
    if len(lowered) > 3 and lowered.endswith("s") and not lowered.endswith(("ss", "us", "is")):
        return lowered[:-1]
    return lowered


def phrase_key(text: str) -> str:
    """How phrases are counted: lower case, singular words, single spaces."""
    return " ".join(singular(w.text) for w in words_of(text))


def is_adverb(lower: str) -> bool:
    return len(lower) >= 5 and lower.endswith("ly") and lower not in _NOT_ADVERBS


def is_adjective(lower: str) -> bool:
    """A modifier by its ending (global, economic, imperial, long-term: a hyphenated word
    before a noun) or one of GRADABLE."""
    return lower in GRADABLE or "-" in lower or _ADJECTIVE_END.search(lower) is not None


def _participle(lower: str) -> bool:
    if lower in _NOT_PARTICIPLES or lower.endswith("eed"):
        return False
    if len(lower) >= 5 and lower.endswith("ed"):
        return True
    if len(lower) >= 6 and lower.endswith("ing") and lower not in _NOT_GERUNDS:
        return True
    return lower.endswith(_PARTICIPLE_ENDS) and len(lower) >= 4


# --------------------------------------------------------------------------- document


@dataclass
class Document:
    """What the finders need of the whole text: its sentences, the words it writes in
    lower case (so Europe is a name and the World of a title-case heading is not), and how
    often it says each noun phrase (by `phrase_key`)."""

    sentences: list[str]
    lowercase: frozenset[str] = frozenset()
    phrase_counts: Counter[str] = field(default_factory=Counter)
    word_counts: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(cls, sentences: Sequence[str]) -> Document:
        lowercase: set[str] = set()
        words: Counter[str] = Counter()
        for sentence in sentences:
            for word in words_of(sentence):
                if word.text.islower():
                    lowercase.add(word.text)
                words[singular(word.text)] += 1
        doc = cls(list(sentences), frozenset(lowercase), Counter(), words)
        for sentence in sentences:
            for chunk in _chunks(sentence, doc):
                doc.phrase_counts[phrase_key(sentence[chunk[0] : chunk[1]])] += 1
        return doc

    def says_lowercase(self, word: str) -> bool:
        return word.casefold() in self.lowercase

    def count(self, phrase: str) -> int:
        """How often the text says `phrase` (a noun phrase, singular or plural)."""
        return self.phrase_counts.get(phrase_key(phrase), 0)


# --------------------------------------------------------------------------- noun phrases


def _kind(words: Sequence[Word], index: int, doc: Document) -> str:
    """What the word at `index` is to a noun phrase: "function", "verb", "adverb", "name",
    "number", "generic", "gradable" or "content"."""
    word = words[index]
    lower = word.lower
    if word.numeric:
        return "number"
    if lower in FUNCTION_WORDS:
        return "function"
    if word.possessive:
        return "name" if word.capitalised else "function"  # its own, Britain's
    if word.capitalised and not (index == 0 and doc.says_lowercase(word.text)):
        return "name"
    if lower in _VERBS:
        return "verb"
    if is_adverb(lower):
        return "adverb"
    if lower in GENERIC:
        return "generic"
    previous = words[index - 1].lower if index else ""
    follows_opener = previous in _OPENERS or (index > 0 and words[index - 1].possessive)
    if index == 0 and len(words) > 1 and _kind_is_content(words[1]):
        follows_opener = True  # Spaced repetition schedules …: a sentence opens on its noun
    if _participle(lower) and not follows_opener:
        return "verb"  # the arms race created, was getting surrounded, killing each other
    if lower in GRADABLE:
        return "gradable"
    following = words[index + 1] if index + 1 < len(words) else None
    if following is not None and following.lower in _OBJECTS and not follows_opener:
        return "verb"  # countries govern themselves, challenge the, build its
    if (
        following is not None
        and following.lower in _AFTER_VERB
        and lower.endswith("s")
        and not lower.endswith(("ss", "us", "is"))
        and index > 0
        and _kind_is_content(words[index - 1])
    ):
        return "verb"  # the forgetting curve shows that, repetition schedules each review
    if previous == "to" and following is not None and following.start - word.end == 1:
        if following.lower not in FUNCTION_WORDS or following.lower in _OBJECTS:
            return "verb"  # to maintain power (but access to education, healthcare)
    return "content"


# Determiners of one thing: the noun phrase after one ends on a singular noun.
_SINGULAR = frozenset("a an each every this that another".split())
# A noun and then a word in -s before one of these: the -s word is the verb of the noun.
_AFTER_VERB = frozenset("that each every over more less".split())


def _kind_is_content(word: Word) -> bool:
    lower = word.lower
    return not (
        word.numeric
        or word.capitalised
        or lower in FUNCTION_WORDS
        or lower in _VERBS
        or is_adverb(lower)
    )


# A word before one of these, not itself after an opener, is a verb taking its object.
_OBJECTS = frozenset(
    """
    the a an its their his her our my your them themselves itself himself herself him us
    me this these those
    """.split()
)


def _chunks(text: str, doc: Document) -> list[tuple[int, int]]:
    """Maximal runs of content words (a gradable adjective or a demonym may open one),
    cut at punctuation, function words, verbs, names and numbers, without a leading
    gradable word; runs of two words or more, or one word followed by `of` and a run."""
    words = words_of(text)
    kinds = [_kind(words, i, doc) for i in range(len(words))]
    runs: list[list[int]] = []
    current: list[int] = []
    for index, word in enumerate(words):
        kind = kinds[index]
        joined = bool(current) and not text[words[current[-1]].end : word.start].strip()
        if not joined and current:
            runs.append(current)
            current = []
        if kind in ("content", "gradable"):
            if index and kinds[index - 1] == "number" and word.lower in _TIME_WORDS:
                continue  # the 20th century, over 4 years
            current.append(index)
        elif kind == "name" and _DEMONYM.match(word.text) and not current:
            nxt = kinds[index + 1] if index + 1 < len(words) else ""
            if nxt == "content" and not text[word.end : words[index + 1].start].strip():
                current.append(index)  # European powers, British dominance
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    spans: list[tuple[int, int]] = []
    for run in runs:
        before = words[run[0] - 1].lower if run[0] else ""
        last = words[run[-1]].lower
        if before in _SINGULAR and len(run) >= 2 and last.endswith("s"):
            if not last.endswith(("ss", "us", "is")):
                run = run[:-1]  # a card moves: a singular noun, then its verb
        while run and (kinds[run[0]] == "gradable" or words[run[0]].lower in GENERIC):
            run = run[1:]
        while run and kinds[run[-1]] == "gradable":
            run = run[:-1]
        if run:
            spans.append((words[run[0]].start, words[run[-1]].end))
    return spans


def noun_phrases(text: str, doc: Document) -> list[Span]:
    """Noun phrases of two words or more (arms race, overseas empire, ice free ports), a
    phrase joined to the next by `of` (policy of isolation) or to a name by `on` or
    `against` (revenge on Germany); one word only when it names a doctrine (nationalism,
    rule `term`)."""
    chunks = _chunks(text, doc)
    asides = [m.span() for m in _ASIDE.finditer(text)]
    found: list[Span] = []
    used: set[int] = set()
    for index, (start, end) in enumerate(chunks):
        if index in used or any(a <= start < b for a, b in asides):
            continue
        gap_end = _joined_by_of(text, chunks, index)
        if gap_end is not None:
            used.add(index + 1)
            found.append(Span(start, gap_end, "phrase"))
            continue
        name_end = _joined_to_name(text, end)
        if name_end is not None:
            found.append(Span(start, name_end, "phrase"))
            continue
        words = text[start:end].split()
        if len(words) >= 2 and len(words) <= 4:
            found.append(Span(start, end, "phrase"))
    for word in words_of(text):
        if _CONCEPT.match(word.text) and not any(a <= word.start < b for a, b in asides):
            found.append(Span(word.start, word.end, "term"))
    return found


_OF = re.compile(r"\s+of\s+")
_ASIDE = re.compile(r"\([^()]*\)?")  # (or alliances), (yeah right): an aside, no term
_ON_NAME = re.compile(r"\s+(?:on|against)\s+([A-Z][a-z]+(?:[- ][A-Z][a-z]+)*)\b")


def _joined_by_of(text: str, chunks: Sequence[tuple[int, int]], index: int) -> int | None:
    """The end of `chunk of chunk` (policy of isolation) when the next chunk follows
    right after `of`, and the whole is three to five words."""
    if index + 1 >= len(chunks):
        return None
    start, end = chunks[index]
    next_start, next_end = chunks[index + 1]
    if not _OF.fullmatch(text[end:next_start]):
        return None
    size = len(text[start:next_end].split())
    return next_end if 3 <= size <= 5 else None


def _joined_to_name(text: str, end: int) -> int | None:
    match = _ON_NAME.match(text, end)
    return match.end() if match else None


# --------------------------------------------------------------------------- names, terms

_CAP_WORD = r"[A-Z][a-zA-Z-]+(?:'s\b|(?<=s)')?"  # Seven Years' War, Hadrian's Wall
_CAPITALISED_RUN = re.compile(
    rf"\b{_CAP_WORD}(?:\s+(?:(?:and\s+)?of\s+(?:the\s+)?|the\s+|de\s+|von\s+)?{_CAP_WORD})+"
)
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_SINGLE_NAME = re.compile(
    rf"(?<![\w'’-])(?!(?:{_MONTHS}|{_WEEKDAYS})\b)[A-Z][a-z]{{2,}}(?:-[A-Z][a-z]+)*(?![\w'’-])"
)
_ACRONYM = re.compile(r"(?<![\w-])[A-Z]{2,5}(?:[IVX]+)?(?![\w-])")
_DATE = re.compile(
    rf"\b(?:\d{{1,2}}\s+)?(?:{_MONTHS})(?:\s+\d{{1,2}},)?\s+\d{{3,4}}\b"  # 14 July 1789
    r"|(?<=\b(?:in|by) )\d{3,4}\b(?!\s*(?:%|percent|people|men|km|miles))"  # in 1789
    # of 1788, since 1949: a year (1000-2099) after a preposition that dates things
    + "|(?:"
    + "|".join(f"(?<=\\b{word} )" for word in ("of", "since", "until", "from", "after", "before"))
    + r")(?:1\d{3}|20\d{2})\b(?![\s,]*\d)(?!\s*%)"
    r"(?!\s+(?!(?:and|to|until|when|after|before|the|with|in|on|at|as)\b)[a-z])"  # 1500 dollars
    r"|\b\d{1,2}\s+[A-Z][a-z]+(?=\s+in\s+\d{3,4})"  # 18 Brumaire in 1799
)
_DEFINITION = re.compile(
    r"^(?:(?:The|A|An)\s+)?([A-Za-z][a-z-]+(?:\s+[a-z][a-z-]+){0,3})\s+"
    r"(?:is|are|was|were|refers to|means)\s+(?:a|an|the)\s"
)


def capitalised_terms(text: str) -> list[Span]:
    """Capitalised names of two words or more (Seven Years' War, Committee of Public
    Safety); at the start of a sentence an article is left out, and a run of two words
    whose first is a common word is no name (This Treaty)."""
    found = []
    for match in _CAPITALISED_RUN.finditer(text):
        start, end = match.span()
        if not text[:start].strip():
            words = match.group().split()
            if words[0].casefold() in ENGLISH_STOPWORDS:
                start += match.group().index(words[1])
                if len(words) < 3 and text[start:end].count(" ") == 0:
                    continue
        found.append(Span(start, end, "term"))
    return found


def single_names(text: str, doc: Document, taken: Iterable[Span] = ()) -> list[Span]:
    """Names of one word inside a sentence (Versailles, Austria-Hungary, WWI): never its
    first word, a month or weekday, a word the text also writes in lower case (the World of
    a heading in title case) or a demonym before its noun (British dominance)."""
    taken = list(taken)
    found = []
    candidates = [m.span() for m in _SINGLE_NAME.finditer(text)]
    candidates += [m.span() for m in _ACRONYM.finditer(text)]
    for start, end in sorted(candidates):
        word = text[start:end]
        if not text[:start].strip() or word.casefold() in ENGLISH_STOPWORDS:
            continue
        if doc.says_lowercase(word) or any(s.start < end and start < s.end for s in taken):
            continue
        if _DEMONYM.match(word) and re.match(r"\s+[a-z]", text[end:]):
            continue
        found.append(Span(start, end, "name"))
    return found


# One item of a list of three or more: a short item follows after a comma, one stands
# before it with a comma, or it is the last after `X, Y and`.
_SHORT_ITEM = r"(?:the\s+|an?\s+)?[A-Za-z][\w'-]*(?:\s+[\w'-]+){0,2}"
_ITEM_AFTER = re.compile(rf"^,\s*(?:and\s+|or\s+)?{_SHORT_ITEM}\s*(?:,|\band\b|\bor\b|[.;]|$)")
_ITEM_BEFORE = re.compile(rf"(?:^|,\s*){_SHORT_ITEM},\s*(?:and\s+|or\s+)?(?:the\s+|an?\s+)?$")
_ITEM_LAST = re.compile(rf",\s*{_SHORT_ITEM}\s+(?:and|or)\s+(?:the\s+|an?\s+)?$")


def in_list(text: str, start: int, end: int) -> bool:
    """The phrase at `start:end` is one item of a list of three or more (Television, the
    internet and air travel; territory, raw materials, and markets)."""
    before = text[:start]
    return bool(
        _ITEM_AFTER.match(text[end:]) or _ITEM_BEFORE.search(before) or _ITEM_LAST.search(before)
    )


def dates(text: str) -> list[Span]:
    """Dates in context: 14 July 1789, in 1789, of 1788, 18 Brumaire in 1799."""
    return [Span(*m.span(), "date") for m in _DATE.finditer(text)]


# --------------------------------------------------------------------------- definitions

_MEANING = re.compile(r",\s+(?:meaning|which means|i\.e\.|that is to say)\s")
_KNOWN_AS = re.compile(r"\b(?:known|described|referred to)\s+as\s+(?:an?\s+|the\s+)?")
_CALLED = re.compile(r"\b(?:is|are|was|were|be|been)\s+called\s+(?:an?\s+|the\s+)?")
_CALL_OBJECT = re.compile(
    r"\bcall(?:s|ed)?\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*"
    r"(?:(?:,\s*|\s+and\s+)(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)*\s+"
)
# Term: what it is / Term — what it is: a label of up to five words opening the sentence.
_LABEL = re.compile(
    r"^(?:(?:The|A|An)\s+)?([A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,4})\s*(?::|\s[—–-])\s+"
)
_APPOSITIVE = re.compile(r"^,\s+(?:an?|the)\s+[a-z]")
_QUOTED = re.compile(r"(?<!\w)['‘“\"]([A-Za-z][^'‘’“”\"]{2,60}?)['’”\"](?!\w)")
# “要” (yào) is a modal verb: the class a learner's note gives a quoted word.
_CLASS_OF_QUOTED = re.compile(
    r"[”\"]\s*(?:[(（][^()（）]{1,20}[)）]\s*)?(?:is|are)\s+(?:an?\s+)?"
    r"([a-z]+(?:\s+[a-z]+)?)(?=\s+(?:which|that|used|meaning|and)\b|\s*[,.;])"
)


def definitions(text: str, doc: Document) -> list[Span]:
    """Terms the sentence defines or names: `X is a ...`, `X, meaning ...`, `known as X`,
    `called X`, `call <names> X`, a label opening the sentence (`X: ...`, `X — ...`), and
    a capitalised term with an apposition (the Alliance System, a network of ...)."""
    found: list[Span] = []
    definition = _DEFINITION.match(text)
    if definition is not None and definition.group(1).casefold() not in ENGLISH_STOPWORDS:
        found.append(Span(*definition.span(1), "defined"))
    chunks = _chunks(text, doc)
    phrases = noun_phrases(text, doc)
    for match in _MEANING.finditer(text):
        before = [s for s in phrases if s.end == match.start()]
        before += [Span(s, e, "") for s, e in chunks if e == match.start()]
        if before:
            longest = min(before, key=lambda s: s.start)
            found.append(Span(longest.start, longest.end, "defined"))
    for pattern in (_KNOWN_AS, _CALLED, _CALL_OBJECT):
        for match in pattern.finditer(text):
            after = match.end()
            quoted = _QUOTED.match(text, after)
            if quoted is not None:
                found.append(Span(*quoted.span(1), "defined"))
                continue
            named = _named_after(text, after, chunks, doc)
            if named is not None:
                found.append(Span(*named, "defined"))
    label = _LABEL.match(text)
    if label is not None and len(words_of(text[label.end() :])) >= 3:
        start, end = label.span(1)
        words = text[start:end].split()
        if words[0].casefold() not in FUNCTION_WORDS and not _has_verb(text[start:end], doc):
            found.append(Span(start, end, "defined"))
    for term in capitalised_terms(text):
        if _APPOSITIVE.match(text[term.end :]):
            found.append(Span(term.start, term.end, "defined"))
    return _unique(found)


def _named_after(
    text: str, at: int, chunks: Sequence[tuple[int, int]], doc: Document
) -> tuple[int, int] | None:
    """The noun phrase or single word a naming verb puts at `at` (known as empires)."""
    for start, end in chunks:
        if start == at:
            return start, end
    word = re.match(r"[a-z][a-z-]{3,}", text[at:])
    if word is None:
        return None
    words = words_of(text)
    index = next((i for i, w in enumerate(words) if w.start == at), None)
    if index is None or _kind(words, index, doc) not in ("content", "generic"):
        return None
    return at, at + word.end()


def _has_verb(label: str, doc: Document) -> bool:
    words = words_of(label)
    return any(_kind(words, i, doc) == "verb" for i in range(len(words)))


def class_of_quoted(text: str) -> list[Span]:
    """The class a learner's note gives a quoted word: “要” (yào) is a {modal verb} which
    means …, “对” is a {preposition}."""
    found: list[Span] = []
    if "”" not in text and '"' not in text:
        return found  # a quick test: the pattern opens with a closing quote
    for match in _CLASS_OF_QUOTED.finditer(text):
        words = match.group(1).split()
        if words[-1] in FUNCTION_WORDS or words[0] in GRADABLE:
            continue
        found.append(Span(*match.span(1), "defined"))
    return found


def quoted_phrases(text: str) -> list[Span]:
    """A phrase the sentence quotes ('the war to end all wars', “Blitzkrieg”)."""
    found = []
    for match in _QUOTED.finditer(text):
        inner = match.group(1).strip()
        if inner != match.group(1) or not 1 <= len(inner.split()) <= 8:
            continue
        found.append(Span(*match.span(1), "quote"))
    return found


# --------------------------------------------------------------------------- lists

_LIST_LABEL = re.compile(r"^(?:(?:The|A|An)\s+)?([A-Z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,4})\s*:\s+")
MIN_LIST = 3


def labelled_list(text: str) -> list[Span]:
    """The items of a labelled list (The Triple Entente: Great Britain; France; Russia):
    three or more short items after a label and a colon, each an `item`."""
    label = _LIST_LABEL.match(text)
    if label is None:
        return []
    body = text[label.end() :]
    separator = ";" if ";" in body else ","
    parts = []
    at = label.end()
    for part in body.split(separator):
        stripped = part.strip().rstrip(".")
        if stripped.startswith("and "):
            stripped = stripped[4:]
        if stripped:
            offset = at + part.index(stripped)
            parts.append(Span(offset, offset + len(stripped), "item"))
        at += len(part) + 1
    if len(parts) < MIN_LIST or any(len(p.of(text).split()) > 4 for p in parts):
        return []
    return parts


# --------------------------------------------------------------------------- figures

_MAGNITUDE = r"(?:thousand|million|billion|trillion)"
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:/\d+)?"
_UNIT_NOUNS = (
    r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|km|kilometres?|kilometers?|"
    r"miles?|metres?|meters?|kg|kilograms?|tonnes?|tons?|acres?|hectares?|dollars?|euros?|"
    r"yuan)"
)
_FIGURE = re.compile(
    rf"(?<![\w./,])(?P<number>{_NUMBER})"
    rf"(?P<magnitude>\s+{_MAGNITUDE})?"
    r"(?P<percent>\s*%|\s+per\s?cent)?"
    rf"(?P<unit>\s+{_UNIT_NOUNS}\b)?"
    r"(?![\w/])"
)
_SHARE_OF = re.compile(r"\s+of\s+((?:the\s+)?[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3})")


@dataclass(frozen=True, slots=True)
class EnglishFigure:
    start: int
    end: int
    kind: str  # share | amount | count


def figures(text: str) -> list[EnglishFigure]:
    """Figures of an English sentence: a number with its magnitude (9 million), a share
    with what it is a share of (1/4 of global territory, 40% of the vote), a count with
    its unit of time or measure (4 years, 300 km). Never a year (the `dates` rule), an
    ordinal (the 20th century), a number in a heading or list (1.), or a bare small number."""
    found = []
    for match in _FIGURE.finditer(text):
        number = match.group("number")
        start, end = match.span()
        if match.group("percent") or "/" in number:
            share = _SHARE_OF.match(text, end)
            if share is not None:
                end = share.start(1) + len(_share_words(share.group(1)))
            found.append(EnglishFigure(start, end, "share"))
        elif match.group("magnitude"):
            found.append(EnglishFigure(start, match.end("magnitude"), "amount"))
        elif match.group("unit"):
            found.append(EnglishFigure(start, end, "count"))
        elif _large(number) and not _year_like(number, text, start):
            found.append(EnglishFigure(start, end, "count"))
    return found


def _share_words(words: str) -> str:
    """What a share is of, up to the first word that is no part of a noun phrase."""
    kept: list[str] = []
    for word in words.split():
        lower = word.casefold()
        if kept and (lower in FUNCTION_WORDS or lower in _VERBS or _participle(lower)):
            break
        kept.append(word)
    return " ".join(kept)


_DATING = re.compile(r"\b(?:in|by|since|from|until|of|after|before|during)\s+$", re.I)


def _large(number: str) -> bool:
    digits = number.replace(",", "")
    try:
        return float(digits) >= 100
    except ValueError:
        return False


def _year_like(number: str, text: str, start: int) -> bool:
    """1000-2099 written plainly: a year after a dating preposition (in 1848), else a year
    more often than a count unless a count noun follows (1500 dollars)."""
    if "," in number or "." in number or not number.isdigit() or not 1000 <= int(number) <= 2099:
        return False
    if _DATING.search(text[:start]):
        return True
    follows = re.match(r"\s+([a-z]+s)\b", text[start + len(number) :])
    return follows is None or follows.group(1) in FUNCTION_WORDS


# --------------------------------------------------------------------------- all rules


def key_phrases(text: str, doc: Document | None = None, marked: Sequence[str] = ()) -> list[Span]:
    """Every rule's spans in one sentence, in text order, each span once: the first rule
    to name it wins, in the order emphasis (`marked`: the phrases the page emphasised),
    quotation, definition, labelled list, capitalised term, figure, date, noun phrase,
    single name. `doc` is the whole text (the sentence alone when None)."""
    doc = doc if doc is not None else Document.of([text])
    found: list[Span] = []
    for phrase in marked:
        for match in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text):
            found.append(Span(*match.span(), "marked"))
    found += quoted_phrases(text)
    found += definitions(text, doc)
    found += labelled_list(text)
    found += capitalised_terms(text)
    found += [Span(f.start, f.end, "figure") for f in figures(text)]
    found += dates(text)
    found += noun_phrases(text, doc)
    found += single_names(text, doc, found)
    return sorted(_unique(found), key=lambda s: (s.start, -s.end))


def _unique(spans: Iterable[Span]) -> list[Span]:
    seen: set[tuple[int, int]] = set()
    found = []
    for span in spans:
        if (span.start, span.end) not in seen:
            seen.add((span.start, span.end))
            found.append(span)
    return found
