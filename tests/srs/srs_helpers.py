"""Helpers for the study-engine tests: a clock moved by hand and real decks in both scripts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from quiz.deck import ClozeCard, Deck, MatchCard


class Clock:
    """A clock the test moves by hand; always aware UTC."""

    def __init__(self, now: datetime):
        self.now = now.astimezone(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now

    def set(self, moment: datetime) -> datetime:
        self.now = moment.astimezone(UTC)
        return self.now


# Sentences in both scripts; the first two cards blank one sentence twice (siblings).
SENTENCES = [
    ("认真落实{{c1::三会一课}}制度，开展主题党日。", "sib-a"),
    ("认真落实三会一课制度，开展{{c1::主题党日}}。", "sib-b"),
    ("增強{{c1::四個意識}}，堅定四個自信。", "trad-1"),
    ("牵住{{c1::牛鼻子}}，抓好基层。", "simp-1"),
    ("推動學習教育由走形式變{{c1::下功夫}}。", "trad-2"),
]


def cloze_deck(name: str = "party", extra: int = 0) -> Deck:
    """A deck of cloze cards (siblings included) plus `extra` numbered ones and a match card."""
    cards: list[ClozeCard | MatchCard] = [
        ClozeCard(id=card_id, text=text, line=index + 1)
        for index, (text, card_id) in enumerate(SENTENCES)
    ]
    cards.extend(
        ClozeCard(id=f"n{index:03d}", text=f"第{index}条：坚持{{{{c1::要点{index}}}}}不动摇。")
        for index in range(extra)
    )
    cards.append(
        MatchCard(
            id="match-1",
            prompt="把标题与目标配对",
            pairs=(("完善组织之形", "建起来变强起来"), ("鑄牢思想之魂", "走形式變下功夫")),
        )
    )
    return Deck(name=name, title="抓基层打基础", cards=tuple(cards))


def numbered_deck(name: str, count: int) -> Deck:
    """`count` unrelated cloze cards (no siblings)."""
    return Deck(
        name=name,
        title=name,
        cards=tuple(
            ClozeCard(id=f"{name}{index:03d}", text=f"{name}第{index}句：{{{{c1::答案{index}}}}}。")
            for index in range(count)
        ),
    )
