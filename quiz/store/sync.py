"""Deck sync: bring a deck's cards into the store without ever losing history.

New ids are added as new cards; known ids keep their schedule (content, position, section
and importance are refreshed); ids that left the deck are retired, never deleted; a
retired id that comes back is revived. A new cloze card whose normalised answer equals a
departed card's and whose normalised sentence is similar (difflib ratio >= CARRY_RATIO;
best match wins, one to one) inherits that card's schedule, and its history through
`carried_from`. A new matching set inherits the same way from a departed set of the same
section whose pairs are mostly the same (a pair counts when either half is unchanged,
normalised; at least SET_CARRY_SHARE of the larger set's pairs). Everything happens in one
transaction; a deck whose content hash is unchanged is skipped (the hash covers every
card field, importance included, so a deck whose only change is an importance is synced).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from difflib import SequenceMatcher
from typing import Any

from quiz.deck import BasicCard, Card, ClozeCard, Deck, MatchCard
from quiz.generate.ids import normalise
from quiz.siblings import sibling_keys
from quiz.store.db import Database, StoreError
from quiz.store.models import DeckRow, SyncReport, opt_dt, to_ms
from quiz.store.rows import STATE_FIELDS

CARRY_RATIO = 0.6
"""Minimum difflib ratio between normalised sentences for a card to inherit a history."""
SET_CARRY_SHARE = 0.6
"""Minimum share of a matching set's pairs kept (either half unchanged) to inherit."""

_CONTENT = (
    "type",
    "body",
    "answer",
    "sentence",
    "section",
    "line",
    "position",
    "sibling_key",
    "tags",
    "importance",
)
_STATE = (*STATE_FIELDS, "suspended", "buried_until", "flag")


_HASHED: dict[int, tuple[Deck, str]] = {}
"""Recent `deck_hash` results by deck object (kept alive here, so an id is never reused
while cached): a deck is immutable, and the app syncs the same objects at every session
start (hashing a 10,000-card deck takes ~20 ms)."""
_HASHED_MAX = 32


def deck_hash(deck: Deck) -> str:
    """A hash of everything sync stores from the deck (title, source, cards in order)."""
    cached = _HASHED.get(id(deck))
    if cached is not None and cached[0] is deck:
        return cached[1]
    payload = json.dumps(deck.to_dict(), ensure_ascii=False, separators=(",", ":"))
    digest = hashlib.blake2b(payload.encode("utf-8"), digest_size=16).hexdigest()
    if len(_HASHED) >= _HASHED_MAX:
        del _HASHED[next(iter(_HASHED))]  # the oldest
    _HASHED[id(deck)] = (deck, digest)
    return digest


def card_content(card: Card, position: int, sibling_key: str | None = None) -> tuple[Any, ...]:
    """The stored content columns of a card, in `_CONTENT` order; `sibling_key` is the
    card's group in its deck (`quiz.siblings.sibling_keys`), default its own key."""
    body = json.dumps(card.to_dict(), ensure_ascii=False, separators=(",", ":"))
    tags = json.dumps(list(card.tags), ensure_ascii=False)
    if isinstance(card, ClozeCard | BasicCard):
        answer: str | None = card.answer
        sentence: str | None = card.sentence
    else:
        answer = sentence = None
    return (
        card.type,
        body,
        answer,
        sentence,
        card.section,
        card.line,
        position,
        sibling_key or card.sibling_key,
        tags,
        card.importance,
    )


@dataclass(slots=True)
class _Stored:
    content: tuple[Any, ...]
    retired_at: int | None
    carried_from: str | None


class DeckSync:
    """Mixin of `Store`: syncing decks and the decks table."""

    _db: Database

    def decks(self) -> list[DeckRow]:
        """The decks the store knows, by name."""
        rows = self._db.query(
            "SELECT name, title, source, content_hash, synced_at FROM decks ORDER BY name"
        )
        return [DeckRow(r[0], r[1], r[2], r[3], opt_dt(r[4])) for r in rows]

    def sync_decks(
        self, decks: Iterable[Deck], *, now: datetime, force: bool = False
    ) -> list[SyncReport]:
        """`sync_deck` for each deck, in order."""
        return [self.sync_deck(deck, now=now, force=force) for deck in decks]

    def sync_deck(
        self,
        deck: Deck,
        *,
        now: datetime,
        force: bool = False,
        label: str | None = None,
    ) -> SyncReport:
        """Bring `deck` into the store in one transaction; see the module docstring.

        Args:
            now: the time recorded as added_at / retired_at / synced_at.
            force: sync even when the deck's content hash is unchanged.
            label: how the report names the deck (default: its path, else its name).

        Raises:
            StoreError: the deck repeats a card id, or the database refused the change.
        """
        label = label or (str(deck.path) if deck.path else deck.name)
        digest = deck_hash(deck)
        row = self._db.query_one(
            "SELECT title, source, content_hash FROM decks WHERE name = ?", (deck.name,)
        )
        if row is not None and row[2] == digest and not force:
            return SyncReport(deck.name, kept=len(deck.cards), skipped=True, label=label)
        ids = [card.id for card in deck.cards]
        if len(set(ids)) != len(ids):
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            raise StoreError(f"{label}: card id repeated in the deck: {', '.join(dupes)}")
        at = to_ms(now)
        with self._db.atomic() as conn:
            if row is None:
                conn.execute(
                    "INSERT INTO decks (name, title, source, content_hash, synced_at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (deck.name, deck.title, deck.source, digest, at),
                )
            stored = self._stored_cards(deck.name)
            report = self._apply(deck, stored, at, label)
            if row is not None and (
                report.changed or tuple(row) != (deck.title, deck.source, digest)
            ):
                conn.execute(
                    "UPDATE decks SET title = ?, source = ?, content_hash = ?, synced_at = ?"
                    " WHERE name = ?",
                    (deck.title, deck.source, digest, at, deck.name),
                )
        return report

    # ------------------------------------------------------------------ internals

    def _stored_cards(self, deck: str) -> dict[str, _Stored]:
        rows = self._db.conn.execute(
            f"SELECT card_id, {', '.join(_CONTENT)}, retired_at, carried_from"
            " FROM cards WHERE deck = ?",
            (deck,),
        )
        end = 1 + len(_CONTENT)
        return {r[0]: _Stored(tuple(r[1:end]), r[end], r[end + 1]) for r in rows}

    def _apply(self, deck: Deck, stored: dict[str, _Stored], at: int, label: str) -> SyncReport:
        conn = self._db.conn
        name = deck.name
        present = {card.id for card in deck.cards}
        kept = revived = 0
        updates: list[tuple[Any, ...]] = []
        added: list[tuple[Card, tuple[Any, ...]]] = []
        revived_ids: list[str] = []
        groups = sibling_keys(deck.cards)
        for position, card in enumerate(deck.cards):
            content = card_content(card, position, groups[card.id])
            old = stored.get(card.id)
            if old is None:
                added.append((card, content))
                continue
            if old.retired_at is not None:
                revived += 1
                revived_ids.append(card.id)
            else:
                kept += 1
            if old.content != content or old.retired_at is not None:
                updates.append((*content, name, card.id))
        departed = [cid for cid in stored if cid not in present]
        newly_gone = {cid for cid in departed if stored[cid].retired_at is None}
        successors = {s.carried_from for s in stored.values() if s.carried_from}

        open_departed = {cid: stored[cid] for cid in departed if cid not in successors}
        carried = _match_carry_overs(
            [(card, content) for card, content in added if isinstance(card, ClozeCard)],
            open_departed,
        )
        carried.update(
            _set_carry_overs(
                [(card, content) for card, content in added if isinstance(card, MatchCard)],
                open_departed,
            )
        )

        if updates:
            conn.executemany(
                "UPDATE cards SET "
                + ", ".join(f"{col} = ?" for col in _CONTENT)
                + ", retired_at = NULL WHERE deck = ? AND card_id = ?",
                updates,
            )
        plain = [(*content, at, name, card.id) for card, content in added if card.id not in carried]
        if plain:
            conn.executemany(
                f"INSERT INTO cards ({', '.join(_CONTENT)}, added_at, deck, card_id)"
                f" VALUES ({', '.join('?' * (len(_CONTENT) + 3))})",
                plain,
            )
        for card, content in added:
            if card.id in carried:
                self._insert_carried(name, card.id, content, carried[card.id], at)
        for card_id in revived_ids:
            self._take_back_from_departed_successor(name, card_id, newly_gone)
        retire = [(at, name, cid) for cid in departed if cid in newly_gone]
        if retire:
            conn.executemany(
                "UPDATE cards SET retired_at = ? WHERE deck = ? AND card_id = ?"
                " AND retired_at IS NULL",
                retire,
            )
        carried_gone = {old for old in carried.values() if old in newly_gone}
        return SyncReport(
            deck=name,
            added=len(added) - len(carried),
            kept=kept,
            carried_over=len(carried),
            retired=len(newly_gone - carried_gone),
            revived=revived,
            label=label,
            carried=tuple(sorted((old, new) for new, old in carried.items())),
        )

    def _insert_carried(
        self, deck: str, card_id: str, content: tuple[Any, ...], old_id: str, at: int
    ) -> None:
        columns = ", ".join(_STATE)
        self._db.conn.execute(
            f"INSERT INTO cards ({', '.join(_CONTENT)}, added_at, carried_from, deck, card_id,"
            f" {columns}) SELECT {', '.join('?' * (len(_CONTENT) + 4))}, {columns}"
            " FROM cards WHERE deck = ? AND card_id = ?",
            (*content, at, old_id, deck, card_id, deck, old_id),
        )

    def _take_back_from_departed_successor(
        self, deck: str, card_id: str, newly_gone: set[str]
    ) -> None:
        """A revived card whose successor is leaving now takes the successor's schedule
        back (an edit that was reverted keeps the progress made in between)."""
        conn = self._db.conn
        rows = conn.execute(
            "SELECT card_id FROM cards WHERE deck = ? AND carried_from = ?", (deck, card_id)
        ).fetchall()
        leaving = [r[0] for r in rows if r[0] in newly_gone]
        if not leaving:
            return
        columns = ", ".join(_STATE)
        conn.execute(
            f"UPDATE cards SET ({columns}) = (SELECT {columns} FROM cards"
            " WHERE deck = ? AND card_id = ?) WHERE deck = ? AND card_id = ?",
            (deck, leaving[0], deck, card_id),
        )


def _match_carry_overs(
    added: list[tuple[ClozeCard, tuple[Any, ...]]], departed: dict[str, _Stored]
) -> dict[str, str]:
    """new id -> departed id: same normalised answer, similar normalised sentence.

    All pairs at or above CARRY_RATIO are ranked by ratio (ties by position, then id) and
    taken greedily, so the best match wins and each card is used once.
    """
    if not added or not departed:
        return {}
    by_answer: dict[str, list[tuple[str, str]]] = {}
    for old_id, old in departed.items():
        old_type, _body, answer, sentence = old.content[:4]
        if old_type != "cloze" or answer is None or sentence is None:
            continue
        by_answer.setdefault(normalise(answer), []).append((old_id, normalise(sentence)))
    if not by_answer:
        return {}
    scored: list[tuple[float, int, str, str]] = []
    for card, content in added:
        candidates = by_answer.get(normalise(card.answer))
        if not candidates:
            continue
        sentence = normalise(card.sentence)
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(sentence)
        for old_id, old_sentence in candidates:
            matcher.set_seq1(old_sentence)
            if matcher.real_quick_ratio() < CARRY_RATIO or matcher.quick_ratio() < CARRY_RATIO:
                continue
            ratio = matcher.ratio()
            if ratio >= CARRY_RATIO:
                scored.append((-ratio, content[6], card.id, old_id))
    return _one_to_one(scored)


def _set_carry_overs(
    added: list[tuple[MatchCard, tuple[Any, ...]]], departed: dict[str, _Stored]
) -> dict[str, str]:
    """new id -> departed id for matching sets: same section, mostly the same pairs.

    Ranked by the share of kept pairs (ties by position, then id), taken greedily, one to
    one, like cloze cards.
    """
    old_sets: list[tuple[str, str | None, list[tuple[str, str]]]] = []
    for old_id, old in departed.items():
        old_type, body, _answer, _sentence, section = old.content[:5]
        if old_type != "match":
            continue
        pairs = json.loads(body).get("pairs", ())
        old_sets.append((old_id, section, [(normalise(a), normalise(b)) for a, b in pairs]))
    if not added or not old_sets:
        return {}
    scored: list[tuple[float, int, str, str]] = []
    for card, content in added:
        pairs = [(normalise(a), normalise(b)) for a, b in card.pairs]
        for old_id, section, old_pairs in old_sets:
            if section != card.section or not old_pairs:
                continue
            lefts = {a for a, _b in old_pairs}
            rights = {b for _a, b in old_pairs}
            kept = sum(1 for a, b in pairs if a in lefts or b in rights)
            share = kept / max(len(pairs), len(old_pairs))
            if share >= SET_CARRY_SHARE:
                scored.append((-share, content[6], card.id, old_id))
    return _one_to_one(scored)


def _one_to_one(scored: list[tuple[float, int, str, str]]) -> dict[str, str]:
    """new id -> departed id from (-likeness, position, new id, departed id) rows: the most
    alike first (ties by position, then ids), each card on either side taken once."""
    carried: dict[str, str] = {}
    used: set[str] = set()
    for _unlikeness, _position, new_id, old_id in sorted(scored):
        if new_id in carried or old_id in used:
            continue
        carried[new_id] = old_id
        used.add(old_id)
    return carried
