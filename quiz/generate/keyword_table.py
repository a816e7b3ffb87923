"""The TF-IDF table: jieba.analyse's IDF for every noun-ish word of jieba's dictionary.

Building it reads two large files (jieba's dict.txt for the part-of-speech tags, and
jieba.analyse's idf.txt), so the result is cached next to jieba's own cache as one sorted
string with offset and weight arrays: loading it costs a few milliseconds and creates no
per-word objects; a lookup is a binary search, remembered per process.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import tempfile
from array import array
from bisect import bisect_left
from pathlib import Path

# jieba tags of words that can be a keyword answer: nouns, names, places, organisations,
# verbal nouns, idioms (成语), abbreviations. Not `l` (习用语): mostly verb phrases such as
# 深刻理解 or 受到限制, which teach nothing.
KEYWORD_TAGS = frozenset({"n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "nl", "ng", "vn", "i", "j"})
# jieba tags of words that describe the noun after them (adjectives 新 伟大, distinguishing
# words 新型 民营, directions 西部): such a word may open a name the text repeats
# (新发展格局, 西部陆海新通道) but is never an answer on its own.
ATTRIBUTIVE_TAGS = frozenset({"a", "b", "f"})
# Of those, the words that only describe (distinguishing words 新型 国家级 大型, directions
# 西部): never a verb, where an adjective may be one (落实, 健全 are tagged `a`).
DISTINGUISHING_TAGS = frozenset({"b", "f"})
# A direction relative to what comes before it (65岁|以上, 三年|之内) describes nothing after.
_RELATIVE = frozenset("以之")
_WORD_RE = re.compile(r"[\u3400-\u9fff]{2,8}|[A-Za-z][A-Za-z-]{2,}")
_ATTRIBUTIVE_RE = re.compile(r"[\u3400-\u9fff]{1,4}")
_FORMAT = 7
# What a word is, by its jieba tag: a noun joins the nouns around it into one phrase; a
# verbal noun may not open such a phrase; a name stands alone; so does an idiom (成语),
# which after a noun is its predicate (新兴产业|异军突起).
NOUN, VERBAL, NAME, IDIOM = 0, 1, 2, 3
_KIND = {"vn": VERBAL, "nr": NAME, "nrt": NAME, "nrfg": NAME, "i": IDIOM}
# jieba tags many common words as person names (养老, 光荣, 权威, 智慧, 弘扬 are `nr`):
# a person's name opens with a family name, or with the dynasty of an emperor's title
# (秦始皇, 汉武帝). The common family names of the 百家姓 and the dynasties, Simplified.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章"
    "鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉"
    "骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦"
    "戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄"
    "丛仲虞敖巩明佘池查麻苑迟邝诸习宇文司马欧阳上官诸葛夏侯皇甫尉迟公孙慕容长孙"
    "汉晋隋元清"
)


class KeywordTable:
    """word -> IDF for eligible words; `get` returns None for anything else."""

    def __init__(
        self,
        blob: str,
        offsets: array[int],
        weights: array[float],
        kinds: bytes,
        attributive: str = "",
        distinguishing: str = "",
    ):
        self._blob = blob
        self._attributive_blob = attributive
        self._attributive: frozenset[str] | None = None
        self._distinguishing_blob = distinguishing
        self._distinguishing: frozenset[str] | None = None
        self._offsets = offsets
        self._weights = weights
        self._kinds = kinds
        self._index: dict[str, int] = {}
        self._size = len(weights)
        self._seen: dict[str, float | None] = {}

    def _word(self, index: int) -> str:
        return self._blob[self._offsets[index] : self._offsets[index + 1]]

    def get(self, word: str) -> float | None:
        if word in self._seen:
            return self._seen[word]
        index = bisect_left(_Keys(self), word)
        found = self._weights[index] if index < self._size and self._word(index) == word else None
        self._seen[word] = found
        if found is not None:
            self._index[word] = index
        return found

    def kind(self, word: str) -> int | None:
        """NOUN, VERBAL or NAME for an eligible word, else None."""
        if self.get(word) is None:
            return None
        kind = self._kinds[self._index[word]]
        if kind == NAME and word[0] not in SURNAMES:
            return NOUN  # 光荣, 养老: jieba's `nr` on a common word
        return kind

    def is_attributive(self, word: str) -> bool:
        """Whether jieba tags `word` an adjective, a distinguishing word or a direction
        (新, 新型, 西部: see ATTRIBUTIVE_TAGS)."""
        if self._attributive is None:
            self._attributive = frozenset(self._attributive_blob.split())
        return word in self._attributive

    def is_distinguishing(self, word: str) -> bool:
        """Whether jieba tags `word` a distinguishing word or a direction (新型, 国家级, 西部:
        see DISTINGUISHING_TAGS), which only describes the noun after it."""
        if self._distinguishing is None:
            self._distinguishing = frozenset(self._distinguishing_blob.split())
        return word in self._distinguishing

    def __len__(self) -> int:
        return self._size


class _Keys:
    """The table's words as a read-only sequence, for `bisect`."""

    def __init__(self, table: KeywordTable):
        self.table = table

    def __len__(self) -> int:
        return self.table._size

    def __getitem__(self, index: int) -> str:
        return self.table._word(index)


def load_keyword_table(
    dict_path: Path, idf_path: Path, cache_dir: Path | None = None
) -> KeywordTable:
    """The table for these jieba files, from the cache when it is current."""
    stamp = f"{_FORMAT};{_stamp(dict_path)};{_stamp(idf_path)}"
    digest = hashlib.blake2b(stamp.encode("utf-8"), digest_size=8).hexdigest()
    cache = (cache_dir or Path(tempfile.gettempdir())) / f"quiz-keywords.{digest}.cache"
    try:
        saved = marshal.loads(read_own_file(cache))
        saved_stamp, blob, offsets_raw, weights_raw, kinds, attributive, distinguishing = saved
        if saved_stamp == stamp:
            offsets, weights = array("I"), array("d")
            offsets.frombytes(offsets_raw)
            weights.frombytes(weights_raw)
            return KeywordTable(blob, offsets, weights, kinds, attributive, distinguishing)
    except (OSError, EOFError, ValueError, TypeError):
        pass
    words, attributive_words, distinguishing_words = _build(dict_path, idf_path)
    attributive = " ".join(sorted(attributive_words))
    distinguishing = " ".join(sorted(distinguishing_words))
    ordered = sorted(words)
    blob = "".join(ordered)
    offsets = array("I", [0])
    for word in ordered:
        offsets.append(offsets[-1] + len(word))
    weights = array("d", (words[word][0] for word in ordered))
    kinds = bytes(words[word][1] for word in ordered)
    try:
        fd, tmp = tempfile.mkstemp(dir=cache.parent, prefix=".quiz-keywords.")
        with os.fdopen(fd, "wb") as handle:
            marshal.dump(
                (
                    stamp,
                    blob,
                    offsets.tobytes(),
                    weights.tobytes(),
                    kinds,
                    attributive,
                    distinguishing,
                ),
                handle,
            )
        os.replace(tmp, cache)
    except OSError:
        pass  # a cache that cannot be written only costs time
    return KeywordTable(blob, offsets, weights, kinds, attributive, distinguishing)


def read_own_file(path: Path) -> bytes:
    """The bytes of a cache file this user wrote; marshal data is trusted from nobody else
    (the cache lives in a shared temporary directory)."""
    with path.open("rb") as handle:
        info = os.fstat(handle.fileno())
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            raise ValueError(f"{path} belongs to another user")
        return handle.read()


def _stamp(path: Path) -> str:
    try:
        info = path.stat()
    except OSError:
        return str(path)
    return f"{path}:{info.st_size}:{info.st_mtime_ns}"


def _build(
    dict_path: Path, idf_path: Path
) -> tuple[dict[str, tuple[float, int]], set[str], set[str]]:
    idf: dict[str, float] = {}
    with idf_path.open(encoding="utf-8") as handle:
        for line in handle:
            word, _, value = line.rstrip("\n").partition(" ")
            try:
                idf[word] = float(value)
            except ValueError:
                continue
    median = sorted(idf.values())[len(idf) // 2] if idf else 10.0
    weights: dict[str, tuple[float, int]] = {}
    attributive: set[str] = set()
    distinguishing: set[str] = set()
    with dict_path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) != 3:
                continue
            if parts[2] in KEYWORD_TAGS and _WORD_RE.fullmatch(parts[0]):
                weights[parts[0]] = (idf.get(parts[0], median), _KIND.get(parts[2], NOUN))
            elif parts[2] in ATTRIBUTIVE_TAGS and _ATTRIBUTIVE_RE.fullmatch(parts[0]):
                attributive.add(parts[0])
                if parts[2] in DISTINGUISHING_TAGS and parts[0][0] not in _RELATIVE:
                    distinguishing.add(parts[0])
    return weights, attributive, distinguishing
