"""Turning SQL rows into the store's dataclasses, and small SQL-building helpers."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from quiz.store.models import CardRow, CardState, CardStatus, ReviewRow, from_ms, opt_dt, opt_ms

# An answer counts unless a later `undo` row names it (the log itself is never rewritten).
NOT_UNDONE = "NOT EXISTS (SELECT 1 FROM review_log AS u WHERE u.undoes = r.id)"

CARD_COLUMNS = (
    "c.deck, c.card_id, c.type, c.body, c.answer, c.sentence, c.section, c.line, c.position, "
    "c.sibling_key, c.tags, c.state, c.step, c.stability, c.difficulty, c.due, c.last_review, "
    "c.reps, c.lapses, c.leech, c.suspended, c.buried_until, c.retired_at, c.added_at, "
    "c.carried_from, c.importance, c.flag"
)

STATE_FIELDS = (
    "state",
    "step",
    "stability",
    "difficulty",
    "due",
    "last_review",
    "reps",
    "lapses",
    "leech",
)

REVIEW_COLUMNS = (
    "r.id, r.deck, r.card_id, r.session_id, r.reviewed_at, r.utc_offset_min, r.rating, "
    "r.duration_ms, r.kind, "
    + ", ".join(f"r.{name}_before" for name in STATE_FIELDS)
    + ", "
    + ", ".join(f"r.{name}_after" for name in STATE_FIELDS)
    + ", r.elapsed_days, r.typed, r.hints, r.undoes, "
    "(SELECT u.id FROM review_log AS u WHERE u.undoes = r.id) AS undone_by, r.choice"
)


def state_from(values: Sequence[Any]) -> CardState:
    """A CardState from the 9 columns of STATE_FIELDS, in order."""
    status, step, stability, difficulty, due, last_review, reps, lapses, leech = values
    return CardState(
        status=CardStatus(status),
        step=step,
        stability=stability,
        difficulty=difficulty,
        due=opt_dt(due),
        last_review=opt_dt(last_review),
        reps=reps,
        lapses=lapses,
        leech=bool(leech),
    )


def state_values(state: CardState) -> tuple[Any, ...]:
    """The 9 STATE_FIELDS values of a CardState, ready for SQL."""
    return (
        int(state.status),
        state.step,
        state.stability,
        state.difficulty,
        opt_ms(state.due),
        opt_ms(state.last_review),
        state.reps,
        state.lapses,
        int(state.leech),
    )


def card_from_row(row: Sequence[Any]) -> CardRow:
    return CardRow(
        deck=row[0],
        card_id=row[1],
        type=row[2],
        body=json.loads(row[3]),
        answer=row[4],
        sentence=row[5],
        section=row[6],
        line=row[7],
        position=row[8],
        sibling_key=row[9],
        tags=tuple(json.loads(row[10])),
        state=state_from(row[11:20]),
        suspended=bool(row[20]),
        buried_until=opt_dt(row[21]),
        retired_at=opt_dt(row[22]),
        added_at=opt_dt(row[23]),
        carried_from=row[24],
        importance=row[25],
        flag=row[26],
    )


def review_from_row(row: Sequence[Any]) -> ReviewRow:
    return ReviewRow(
        id=row[0],
        deck=row[1],
        card_id=row[2],
        session_id=row[3],
        reviewed_at=from_ms(row[4]),
        utc_offset_min=row[5],
        rating=row[6],
        duration_ms=row[7],
        kind=row[8],
        before=state_from(row[9:18]),
        after=state_from(row[18:27]),
        elapsed_days=row[27],
        typed=row[28],
        hints=row[29],
        undoes=row[30],
        undone_by=row[31],
        choice=bool(row[32]),
    )


def placeholders(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)
