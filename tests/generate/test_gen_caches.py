"""The generator's caches: they only ever save time, never change a result or trust a
file someone else wrote."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quiz.generate.hints import PinyinHints, pinyin_hint
from quiz.generate.keyword_table import load_keyword_table, read_own_file

DICT = "党建 100 n\n牛鼻子 20 n\n推动 500 v\n红色基因 10 n\n健全 80 a\n国家级 60 b\n以上 90 f\n"
IDF = "党建 8.5\n牛鼻子 12.0\n推动 3.0\n"


@pytest.fixture
def jieba_files(tmp_path: Path) -> tuple[Path, Path]:
    dict_path, idf_path = tmp_path / "dict.txt", tmp_path / "idf.txt"
    dict_path.write_text(DICT, encoding="utf-8")
    idf_path.write_text(IDF, encoding="utf-8")
    return dict_path, idf_path


def test_keyword_table_built_then_loaded_gives_the_same(
    jieba_files: tuple[Path, Path], tmp_path: Path
) -> None:
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    built = load_keyword_table(*jieba_files, cache_dir=cache_dir)
    (cache,) = cache_dir.iterdir()
    loaded = load_keyword_table(*jieba_files, cache_dir=cache_dir)
    for table in (built, loaded):
        assert table.get("牛鼻子") == 12.0
        assert table.get("党建") == 8.5
        assert table.get("推动") is None  # a verb is never a keyword
        assert table.get("红色基因") == 8.5  # no IDF of its own: the median
        assert table.get("不存在") is None
        assert table.is_attributive("健全") and table.is_attributive("国家级")
        # only a distinguishing word never acts as a verb (健全 may: 健全制度)
        assert table.is_distinguishing("国家级") and not table.is_distinguishing("健全")
        assert not table.is_distinguishing("以上")  # 65岁|以上: relative to what precedes
    cache.write_bytes(b"\x00garbage")
    assert load_keyword_table(*jieba_files, cache_dir=cache_dir).get("牛鼻子") == 12.0


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs chown")
def test_a_cache_file_of_another_user_is_not_read(tmp_path: Path) -> None:
    planted = tmp_path / "planted.cache"
    planted.write_bytes(b"anything")
    os.chown(planted, 4242, 4242)
    with pytest.raises(ValueError):
        read_own_file(planted)
    hints = PinyinHints(planted)
    assert hints.known == {}
    assert hints("三会一课") == pinyin_hint("三会一课") == "sān huì yī kè"


def test_pinyin_cache_round_trip(tmp_path: Path) -> None:
    cache = tmp_path / "pinyin.cache"
    first = PinyinHints(cache)
    assert first("三重一大") == "sān chóng yī dà"
    first.save()
    second = PinyinHints(cache)
    assert second.known == {"三重一大": "sān chóng yī dà"}
    assert not second.added
