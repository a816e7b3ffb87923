"""What a document states without marking it: the deadline of its goals, the organ it puts
in charge, the state it says it has built, and the historic events it names.

A document's goals are stated under a heading that says so (工作目标, 发展目标) and open
with their deadline: 到2030年，建成…. That year is the goal's own figure, asked like the
targets of a work report (`deadline`).

>>> deadline("到2030年，建成统一的服务平台。", 1), deadline("力争到2030年，", 3)
(True, True)
>>> deadline("该项目于2030年建成。", 4)
False

A document that shares out work names who is in charge of it: 某某局是全市档案工作的主管
单位. The organ is asked as a name (`organs_in_charge`): one organ's name (no 各级 or 等:
a class of organs is no name to learn).

>>> text = "市档案局是全市档案工作的主管单位，各区档案馆是本区档案工作的主管单位。"
>>> [text[s:e] for s, e in organs_in_charge(text)]
['市档案局']

What a text says it has built or will build a thing into (全面建成了小康社会, 把城市建设成为
国际消费中心城市) names the state it aims at: the object, a noun phrase that closes the
clause, is one of its terms (`built_states`; the caller checks it is nouns only).

>>> text = "我们全面建成了现代化强国，把园区建设成为国际科创中心。"
>>> [text[s:e] for s, e in built_states(text)]
['现代化强国', '国际科创中心']

A document names the principles it goes by without quoting them (按照分级负责和属地管理原
则, 坚持一个中国原则): the name before 原则 is asked (`named_principles`), unless it opens
with a word that links (与…同等待遇原则) or holds a clause (…是最高政治原则).

>>> text = "各级档案馆按照分级负责和属地管理原则，坚持统筹兼顾的原则，接受指导。"
>>> [text[s:e] for s, e in named_principles(text)]
['分级负责和属地管理', '统筹兼顾']

A speech or a history names events by their dictionary names, the revolutions, wars and
uprisings a history test asks (辛亥革命, 抗日战争, 黄巾起义): `historic_event` tells one
from the words of the same shape.

>>> historic_event("辛亥革命"), historic_event("革命"), historic_event("户外运动")
(True, False, False)
"""

from __future__ import annotations

import re

from quiz.text.phrases import CJK

# A heading (or a line set apart as one) that names the goals of what follows.
GOAL_HEADING = re.compile("目[标標]\\s*[。.：:]?\\s*$")
# What may stand before a deadline that opens a sentence: 力争到, 到, 至.
_DEADLINE_BEFORE = re.compile("\\s*(?:力争|力爭|争取|爭取)?\\s*(?:到|至)\\s*")


def deadline(sentence: str, start: int) -> bool:
    """The target year at `start` opens the sentence (到2030年，…; 力争到2030年，…): the
    deadline of what the sentence goes on to state."""
    return _DEADLINE_BEFORE.fullmatch(sentence, 0, start) is not None


# What an organ in charge is called: the one in charge of a matter, the one leading it, the
# one answerable for it.
_IN_CHARGE = re.compile(
    "是[^，,。；;：:]{1,30}?的(?:主管单位|主管部门|主管机关|牵头单位|牵头部门|责任单位|责任主体)"
    "(?=[，,。；;]|$)"
)
_CLAUSE_START = re.compile("[，,。；;：:]")
# An organ's name ends with what it is (a general office, a bureau, a commission …).
_ORGAN = re.compile(
    f"[{CJK}]{{2,12}}(?:办公厅|办公室|委员会|部|局|厅|署|委|办|院|政府|中心|公司|集团)"
)
# Words that make a class of organs, not one (各级, 各部门, 等, 或, 和).
_CLASS_CHARS = frozenset("各等或和及与")


def organs_in_charge(sentence: str) -> list[tuple[int, int]]:
    """The organ each clause of `sentence` names as in charge (…是…的主管单位), where the
    clause opens with that organ's name (see the module): offsets in the sentence."""
    found = []
    for match in _IN_CHARGE.finditer(sentence):
        opens = max(
            (m.end() for m in _CLAUSE_START.finditer(sentence, 0, match.start())), default=0
        )
        subject = sentence[opens : match.start()]
        stripped = subject.lstrip()
        start = opens + len(subject) - len(stripped)
        if _ORGAN.fullmatch(stripped) and not _CLASS_CHARS.intersection(stripped):
            found.append((start, match.start()))
    return found


# What says a state is reached (全面建成, 建成了) or a thing made into one (建设成为), and the
# object closing the clause after it.
_BUILT = re.compile(
    "(?:全面建成了?|建成了|建设成为|建設成為)(?P<object>[^，,。；;、：:的！？!?“”「」《》（）()]{4,10})"
    "(?=[，,。；;！？!?]|$)"
)


def built_states(sentence: str) -> list[tuple[int, int]]:
    """The state each clause says is built (see the module): offsets in the sentence."""
    return [match.span("object") for match in _BUILT.finditer(sentence)]


# A principle named after what a text goes by (按照, 坚持, 遵循, 本着, 依照): its name, up to
# the 原则 it is (with or without 的).
_PRINCIPLE = re.compile(
    "(?:按照|坚持|遵循|本着|依照)(?P<name>[^，,。；;、：:“”「」‘’《》（）()\\s的]{3,12}?)的?原则"
)
_PRINCIPLE_OPENERS = frozenset("与和及同对在以为把被将从向于是")


def named_principles(sentence: str) -> list[tuple[int, int]]:
    """The name of each principle the sentence says it goes by (see the module): offsets
    in the sentence."""
    found = []
    for match in _PRINCIPLE.finditer(sentence):
        name = match.group("name")
        if name[0] in _PRINCIPLE_OPENERS or "是" in name:
            continue  # 按照与…同等待遇原则, 坚持…是最高政治原则: no principle's name
        found.append(match.span("name"))
    return found


# The heads of an event's name: a revolution, a war, an uprising, a reform, an incident, a
# campaign; a movement (运动) only in a longer name (义和团运动: 户外运动 is a sport).
_EVENT_HEADS = (
    "革命",
    "战争",
    "起义",
    "变法",
    "事变",
    "战役",
    "戰爭",
    "起義",
    "變法",
    "事變",
    "戰役",
)
_MOVEMENT = ("运动", "運動")
MIN_EVENT = 4
MIN_MOVEMENT = 5


# A first part this common (人民 5.2, 局部 6.7, 绿色 6.8 in jieba's IDF) makes a kind of war
# or of change (局部战争, 绿色革命), not one event (抗日 7.1, 北伐 8.1, 太平天国 8.5).
EVERYDAY_MODIFIER_IDF = 7.0


def event_head(word: str) -> str:
    """The head that makes `word` an event's name (战争 of 抗日战争), or ""."""
    return next((head for head in _EVENT_HEADS + _MOVEMENT if word.endswith(head)), "")


def historic_event(word: str) -> bool:
    """A word shaped as the name of a historic event (see the module): a head of
    `_EVENT_HEADS` after two characters or more, or 运动 after three or more. Whether it is
    a name the dictionary knows is the caller's to check."""
    if len(word) >= MIN_EVENT and word.endswith(_EVENT_HEADS):
        return True
    return len(word) >= MIN_MOVEMENT and word.endswith(_MOVEMENT)
