"""The people pass: a person the text names with a title (省长 孟凡利, 大将蒙恬).

Who delivered a report, who said what, who did what in a chapter of history: a teacher
asks the name, and the text gives it away by its title, which the sentence keeps as the
blank's clue. `titled_names(text, ends)` finds every title (市长, 副会长, 特首, 名医 …)
followed by a name: a common surname (or two, as in 林郑月娥; or a double one, 欧阳) and
one or two characters more, ending where jieba's cut ends a word (`ends(offset)`), so 覃伟中
is taken whole in 市长覃伟中代表市政府 and 蒙恬 in 大将蒙恬北击匈奴. A text without a title
before a name gives nothing: no guessing names from the dictionary.

>>> ends = {0, 6, 9, 11, 12}.__contains__     # 广东省省长 | 孟凡利 | 代表 | 。
>>> text = "广东省省长 孟凡利代表。"
>>> [text[s:e] for s, e in titled_names(text, ends)]
['孟凡利']
>>> text = "派大将蒙恬北击匈奴。"
>>> [text[s:e] for s, e in titled_names(text, {0, 1, 3, 5, 7, 9, 10}.__contains__)]
['蒙恬']
>>> titled_names("市长代表市政府作报告。", lambda _at: True)  # 代: no surname
[]

A history text names its people by their role as often as by an office (领队人, 首领,
思想家, 医学家: `ROLES`), and a title covers every name joined to the first by 和, 与, 及
or 、 (the two leaders of 领队人张三和李四):

A ruler's command names the person sent to a deed (命, 派, 遣 … `COMMANDS`):

>>> text = "皇帝命李青修筑长堤。"
>>> [text[s:e] for s, e in titled_names(text, {0, 2, 3, 5, 7, 9, 10}.__contains__)]
['李青']

>>> text = "起义的领队人张三和李四率众反抗。"
>>> [text[s:e] for s, e in titled_names(text, {0, 2, 3, 6, 8, 9, 11, 13, 15, 16}.__contains__)]
['张三', '李四']
>>> text = "牢记总书记殷殷嘱托。"
>>> titled_names(text, {0, 2, 5, 7, 9, 10}.__contains__, common={"殷殷"}.__contains__)
[]
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Titles a name follows: offices, ranks and roles (副, 常务副, 代 come before them).
TITLES = (
    "省长 市长 区长 县长 州长 镇长 乡长 总理 主席 总书记 书记 特首 行政长官 司长 部长 厅长 "
    "局长 会长 院长 校长 主任 秘书长 董事长 总经理 主编 大将 将军 大臣 丞相 名医 宦官 太守 "
    "教授 院士 研究员 发言人 总统 首相 国王 皇帝"
).split()
# Roles a history or a textbook names its people by (领队人陈胜, 思想家孔子, 医学家张仲景).
ROLES = (
    "领队 领队人 首领 领袖 统帅 元帅 领导人 负责人 创始人 思想家 政治家 军事家 科学家 "
    "文学家 史学家 医学家 教育家 改革家 发明家 诗人 画家 书法家"
).split()
# Common surnames (a name opens with one; the title alone proves nothing: 市长代表…).
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余"
    "杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史"
    "陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟"
    "殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游"
    "辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景宫费"
    "卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池"
    "乐匡钮萨晁班"
)
DOUBLE_SURNAMES = frozenset(
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 令狐 夏侯 端木 主父".split()
)
# Characters no name ends with: they link the name to what follows (孟凡利在, 张三的).
_LINKS = frozenset("的在和与及对为是向从把被将于等")
# Verbs by which a history sends or commands a person to a deed (命李青修筑长堤, 派王立
# 出使): what follows names the one who did it, as a title does.
COMMANDS = "命 派 遣 派遣 委派 任命".split()
_TITLED = re.compile(
    "(?:" + "|".join(sorted(TITLES + ROLES + COMMANDS, key=len, reverse=True)) + ")[ \u3000]?"
)
# An office alone makes a byline (市长 王某): a role (诗人 李某) names no speaker.
_OFFICE = re.compile("(?:" + "|".join(sorted(TITLES, key=len, reverse=True)) + ")[ \u3000]?")
# Words that join one name to the next under the same title (领队人张三和李四).
_JOINED = ("和", "与", "及", "、")
_HAN = re.compile("[\u4e00-\u9fff]+")


def titled_names(
    text: str, ends: Callable[[int], bool], common: Callable[[str], bool] = lambda _w: False
) -> list[tuple[int, int]]:
    """(start, end) of each name a title introduces (see the module); `common(word)` says
    a word is a dictionary word other than a name (总书记殷殷嘱托: 殷殷 is no name)."""
    found: list[tuple[int, int]] = []
    for match in _TITLED.finditer(text):
        start = match.end()
        run = _HAN.match(text, start)
        if run is None:
            continue
        while True:
            name = _name(run.group(), start, ends)
            # neither the name nor its first two characters a common word (殷殷|嘱托)
            if not name or common(text[start : start + name]) or common(text[start : start + 2]):
                break
            found.append((start, start + name))
            joiner = start + name
            if text[joiner : joiner + 1] not in _JOINED or not ends(joiner + 1):
                break
            start = joiner + 1  # 张三和|李四: the next name under the same title
            run = _HAN.match(text, start)
            if run is None:
                break
    return found


def name_and_title(phrase: str, is_name: Callable[[str], bool]) -> bool:
    """A person's name and their title after it (王立省长, 某某总书记: `is_name` says the
    first part is a person's name): the way a text refers to its leader, no term of it.

    >>> name_and_title("王立省长", {"王立"}.__contains__)
    True
    >>> name_and_title("省长热线", {"王立"}.__contains__)
    False
    """
    return any(
        phrase.endswith(title) and len(phrase) > len(title) and is_name(phrase[: -len(title)])
        for title in TITLES
    )


def is_byline(line: str) -> bool:
    """A line that names the text's author or speaker: a short line ending in a title and
    a name (重庆市人民政府市长 胡衡华). Such a line stands before the body, where the layout
    keeps no other line.

    >>> is_byline("广东省省长 孟凡利"), is_byline("海拉尔区人民政府代区长 萨国文")
    (True, True)
    >>> is_byline("来源：重庆日报"), is_byline("各位代表：")
    (False, False)
    """
    return _byline_office(line) is not None


def _byline_office(line: str) -> re.Match[str] | None:
    """The office of a byline (see `is_byline`), the name being the rest of the line."""
    if len(line) > MAX_BYLINE:
        return None
    for match in _OFFICE.finditer(line):
        rest = line[match.end() :]
        whole = (0, len(rest))  # the name is the rest of the line
        if _HAN.fullmatch(rest) and _name(rest, 0, whole.__contains__) == len(rest):
            return match
    return None


MAX_BYLINE = 40
# A place of the administration: a province, a city, a district, a county … (the longest
# suffix first: 自治区 before 区).
PLACE_SUFFIXES = "特别行政区 自治区 自治州 自治县 地区 省 市 区 县 州 盟 旗 镇 乡".split()
_PLACE = re.compile(
    "[\u4e00-\u9fff]{1,8}?(?:" + "|".join(sorted(PLACE_SUFFIXES, key=len, reverse=True)) + ")"
)
_GOVERNMENT = re.compile("(?:人民)?政府")


def place_stem(place: str) -> str | None:
    """The place without its suffix, when two characters or more are left (南江省: 南江;
    东湖区: 东湖; 某省: None).

    >>> place_stem("南江省"), place_stem("青山市"), place_stem("某省")
    ('南江', '青山', None)
    """
    for suffix in sorted(PLACE_SUFFIXES, key=len, reverse=True):
        if place.endswith(suffix) and len(place) - len(suffix) >= 2:
            return place[: -len(suffix)]
    return None


def byline_places(line: str) -> list[tuple[int, int]]:
    """(start, end) of each place whose office signs the byline: the text's own place, what
    a report is about (a district of a city: both). Only a line of places before the office
    or before its 人民政府; a body that is no place (国务院) gives none.

    >>> line = "青山市东湖区人民政府代区长 李明"
    >>> [line[s:e] for s, e in byline_places(line)]
    ['青山市', '东湖区']
    >>> line = "南江省省长 王立"
    >>> [line[s:e] for s, e in byline_places(line)]
    ['南江省']
    >>> byline_places("国务院总理 王立"), byline_places("青山市东湖区召开会议")
    ([], [])
    """
    office = _byline_office(line)
    if office is None:
        return []
    head = line[: office.start()]
    government = _GOVERNMENT.search(head)
    if government is not None:
        head = head[: government.start()]
    places: list[tuple[int, int]] = []
    at = 0
    while at < len(head):
        match = _PLACE.match(head, at)
        if match is None:
            return []  # 国务院: no place, or more than places
        places.append(match.span())
        at = match.end()
    return places


def _name(run: str, start: int, ends: Callable[[int], bool]) -> int:
    """The length of the name opening `run` (0: none), the longest that jieba's cut ends."""
    if run[:2] in DOUBLE_SURNAMES:
        lengths: tuple[int, ...] = (4, 3)
    elif run[:1] in SURNAMES:
        lengths = (4, 3, 2) if run[1:2] in SURNAMES else (3, 2)  # 林郑月娥
    else:
        return 0
    if run[1:2] == run[:1]:
        return 0  # 殷殷: a reduplicated word, no surname
    for length in lengths:
        if length > len(run) or run[length - 1] in _LINKS:
            continue
        if ends(start + length) and ends(start):
            return length
    return 0
