"""Occurrences.count is str.count, whether it counts directly or from the kept places."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.generate.occurrences import Occurrences

_CHARS = st.sampled_from(list("发展改革高质量國務院發展質量，。、ab1 \n"))


@settings(max_examples=300, deadline=None)
@given(st.text(_CHARS, max_size=80), st.lists(st.text(_CHARS, max_size=5), max_size=8))
def test_count_is_str_count(text: str, parts: list[str]) -> None:
    kept = Occurrences(text, direct=1, long_text=0, scan_share=0)  # places from the 2nd on
    direct = Occurrences(text)  # a short text: str.count throughout
    for part in parts + [text[3:6], text[-4:]]:
        assert kept.count(part) == text.count(part), part
        assert direct.count(part) == text.count(part), part


def test_long_text_counts_from_its_places_in_both_scripts() -> None:
    simplified = "推进高质量发展，高质量发展是首要任务；质量第一。" * 1000
    traditional = "推進高質量發展，高質量發展是首要任務；質量第一。" * 1000
    for text, answers in (
        (simplified, ["高质量发展", "质量", "首要任务", "发展是首", "任务；质", "改革"]),
        (traditional, ["高質量發展", "質量", "首要任務", "發展是首", "任務；質", "改革"]),
    ):
        said = Occurrences(text, direct=2, scan_share=0)
        assert [said.count(a) for a in answers] == [text.count(a) for a in answers]
        assert said._places is not None  # past the direct answers, the places were kept
        common = Occurrences(text, direct=0)  # 质量 at 2,000 places: counted by a scan
        assert [common.count(a) for a in answers] == [text.count(a) for a in answers]
    assert Occurrences("啊啊啊啊啊", direct=0, long_text=0, scan_share=0).count("啊啊") == 2
