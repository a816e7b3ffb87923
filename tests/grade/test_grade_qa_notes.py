"""The note beside an accepted answer names only what really differed: typing an English
term with its own spaces and capitals is not 'case ignored'."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quiz.deck import ClozeCard
from quiz.grade import VerdictKind, grade

WAR = ClozeCard("e", "The {{c1::Seven Years' War}} and the American Revolution")
PARTY_T = ClozeCard("t", "是馬克思主義{{c1::政黨}}的優勢所在")
PARTY_S = ClozeCard("s", "是马克思主义{{c1::政党}}的优势所在")


def _note(typed: str, card: ClozeCard) -> str:
    verdict = grade(typed, card)
    assert verdict.kind is VerdictKind.EQUIVALENT, verdict
    return verdict.note


def test_only_the_apostrophe_differs() -> None:
    assert _note("Seven Years’ War", WAR) == "accepted: spaces and punctuation ignored"


def test_only_the_case_differs() -> None:
    assert _note("seven years' war", WAR) == "accepted: case ignored"


def test_case_and_spacing_differ() -> None:
    assert _note("sevenyears war", WAR) == "accepted: spaces and punctuation ignored, case ignored"


def test_other_script_in_both_directions() -> None:
    assert _note("政党", PARTY_T) == "accepted: other script"
    assert _note("政黨", PARTY_S) == "accepted: other script"
    assert _note(" 政 黨 ", PARTY_S) == "accepted: other script, spaces and punctuation ignored"


@given(st.sampled_from(["Seven Years' War", "seven years' war", "SEVEN YEARS' WAR"]))
def test_same_spacing_never_claims_spaces_ignored(typed: str) -> None:
    verdict = grade(typed, WAR)
    assert "spaces" not in verdict.note
    assert ("case ignored" in verdict.note) == (typed != "Seven Years' War")
