"""The collection database: the only code in quiz that speaks SQL.

    from quiz.store import Store
    with Store.open(path) as store:
        store.sync_deck(deck, now=now)
        cards = store.due_cards(["deck"], before=day_end, now=now)
        review_id = store.record_review("deck", card_id, rating=3, kind="review",
                                        after=new_state, now=now, session_id=sid)

See docs/architecture.md ("Store") for the queries and their contracts.
"""

from quiz.store.db import DatabaseLocked, StoreError
from quiz.store.models import (
    FLAG_NAMES,
    REVIEW_KINDS,
    UNDO_KIND,
    CardRow,
    CardState,
    CardStatus,
    DayCounts,
    DeckCounts,
    DeckRow,
    ReviewKind,
    ReviewRow,
    SessionRow,
    SyncReport,
    from_ms,
    to_ms,
)
from quiz.store.schema import SCHEMA_VERSION
from quiz.store.store import Store
from quiz.store.sync import deck_hash

__all__ = [
    "FLAG_NAMES",
    "REVIEW_KINDS",
    "SCHEMA_VERSION",
    "UNDO_KIND",
    "CardRow",
    "CardState",
    "CardStatus",
    "DatabaseLocked",
    "DayCounts",
    "DeckCounts",
    "DeckRow",
    "ReviewKind",
    "ReviewRow",
    "SessionRow",
    "Store",
    "StoreError",
    "SyncReport",
    "deck_hash",
    "from_ms",
    "to_ms",
]
