"""The database schema as ordered migrations; `SCHEMA_VERSION` is the newest one.

Migration N brings `PRAGMA user_version` from N-1 to N. Each is applied in one transaction
together with its version bump (see `quiz.store.migrations`). Never edit a released
migration: append a new one.

Times are INTEGER epoch milliseconds (UTC). `cards.state` is 0 new, 1 learning, 2 review,
3 relearning (`fsrs.State` plus 0); `cards.importance` (migration 7) is the deck's 0-100
score, NULL when the card has none. Nothing is deleted: cards that leave a deck get
`retired_at`; `review_log` refuses UPDATE and DELETE.
"""

from __future__ import annotations

V1_CORE = """
CREATE TABLE decks (
    name          TEXT PRIMARY KEY,            -- the deck file's stem
    title         TEXT NOT NULL,
    source        TEXT,
    content_hash  TEXT,                        -- hash of the deck's content at the last sync
    synced_at     INTEGER
);

CREATE TABLE cards (
    deck          TEXT NOT NULL REFERENCES decks(name),
    card_id       TEXT NOT NULL,
    type          TEXT NOT NULL CHECK (type IN ('cloze', 'match')),
    body          TEXT NOT NULL,               -- JSON of the deck card (Card.to_dict())
    answer        TEXT,                        -- cloze: the main answer
    sentence      TEXT,                        -- cloze: the sentence with the answer in place
    section       TEXT,
    line          INTEGER,
    position      INTEGER NOT NULL,            -- order in the deck (new-card order)
    sibling_key   TEXT NOT NULL,               -- same sentence => same key
    tags          TEXT NOT NULL DEFAULT '[]',  -- JSON list
    state         INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 3),
    step          INTEGER,
    stability     REAL,
    difficulty    REAL,
    due           INTEGER,
    last_review   INTEGER,
    reps          INTEGER NOT NULL DEFAULT 0,
    lapses        INTEGER NOT NULL DEFAULT 0,
    suspended     INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1)),
    buried_until  INTEGER,
    leech         INTEGER NOT NULL DEFAULT 0 CHECK (leech IN (0, 1)),
    retired_at    INTEGER,
    added_at      INTEGER NOT NULL,
    carried_from  TEXT,                        -- card_id of the predecessor in this deck
    PRIMARY KEY (deck, card_id)
);

-- The engine's two hot queries: due cards and new cards, active and unsuspended only.
-- cards_due covers what the due query filters and orders by, so only the chosen rows are
-- read from the table.
CREATE INDEX cards_due
    ON cards (deck, state, due, last_review, stability, buried_until, sibling_key, card_id)
    WHERE suspended = 0 AND retired_at IS NULL;
CREATE INDEX cards_new ON cards (deck, position)
    WHERE state = 0 AND suspended = 0 AND retired_at IS NULL;
CREATE INDEX cards_sibling ON cards (deck, sibling_key);
CREATE INDEX cards_carried_from ON cards (deck, carried_from) WHERE carried_from IS NOT NULL;

CREATE TRIGGER cards_no_delete BEFORE DELETE ON cards
BEGIN
    SELECT RAISE(ABORT, 'cards are never deleted: retire them');
END;

CREATE TABLE sessions (
    id            INTEGER PRIMARY KEY,
    started_at    INTEGER NOT NULL,
    ended_at      INTEGER,
    decks         TEXT NOT NULL DEFAULT '[]',  -- JSON list of deck names
    kind          TEXT NOT NULL DEFAULT 'study' CHECK (kind IN ('study', 'cram')),
    counts        TEXT NOT NULL DEFAULT '{}'   -- JSON, filled by end_session
);

CREATE TABLE review_log (
    id                  INTEGER PRIMARY KEY,
    deck                TEXT NOT NULL,
    card_id             TEXT NOT NULL,
    session_id          INTEGER REFERENCES sessions(id),
    reviewed_at         INTEGER NOT NULL,
    utc_offset_min      INTEGER NOT NULL DEFAULT 0,
    rating              INTEGER CHECK (rating BETWEEN 1 AND 4),
    duration_ms         INTEGER CHECK (duration_ms >= 0),
    kind                TEXT NOT NULL
        CHECK (kind IN ('learn', 'review', 'relearn', 'cram', 'manual', 'undo')),
    -- the complete card state before (what undo restores) ...
    state_before        INTEGER NOT NULL,
    step_before         INTEGER,
    stability_before    REAL,
    difficulty_before   REAL,
    due_before          INTEGER,
    last_review_before  INTEGER,
    reps_before         INTEGER NOT NULL,
    lapses_before       INTEGER NOT NULL,
    leech_before        INTEGER NOT NULL,
    -- ... and after the answer
    state_after         INTEGER NOT NULL,
    step_after          INTEGER,
    stability_after     REAL,
    difficulty_after    REAL,
    due_after           INTEGER,
    last_review_after   INTEGER,
    reps_after          INTEGER NOT NULL,
    lapses_after        INTEGER NOT NULL,
    leech_after         INTEGER NOT NULL,
    elapsed_days        REAL,                  -- since the previous review; NULL for the first
    typed               TEXT,
    hints               INTEGER NOT NULL DEFAULT 0,
    undoes              INTEGER UNIQUE REFERENCES review_log(id),
    FOREIGN KEY (deck, card_id) REFERENCES cards(deck, card_id),
    CHECK ((kind = 'undo') = (undoes IS NOT NULL)),
    CHECK (kind IN ('undo', 'manual') OR rating IS NOT NULL)
);

CREATE INDEX review_log_card ON review_log (deck, card_id, id);
CREATE INDEX review_log_session ON review_log (session_id) WHERE session_id IS NOT NULL;

CREATE TRIGGER review_log_no_update BEFORE UPDATE ON review_log
BEGIN
    SELECT RAISE(ABORT, 'review_log is append-only: UPDATE refused');
END;
CREATE TRIGGER review_log_no_delete BEFORE DELETE ON review_log
BEGIN
    SELECT RAISE(ABORT, 'review_log is append-only: DELETE refused');
END;
"""

V2_STATS = """
-- Reviews that count: not undo markers, and not undone by one.
CREATE VIEW effective_reviews AS
    SELECT r.* FROM review_log AS r
    WHERE r.kind <> 'undo'
      AND NOT EXISTS (SELECT 1 FROM review_log AS u WHERE u.undoes = r.id);

-- "What was done today", last studied and day-bucketed statistics read the log by time.
CREATE INDEX review_log_deck_time ON review_log (deck, reviewed_at);
"""

V3_STATS_INDEXES = """
-- Statistics (quiz.store.stats_queries) read every figure from an index alone: answers
-- counted over ranges of local time, true retention over ranges within (deck, kind,
-- failed, mature), review tallies per card, and card counts per deck and section. The
-- expressions must stay identical to LOCAL_MS and MATURE in stats_queries.
CREATE INDEX IF NOT EXISTS review_log_local_time
    ON review_log (deck, (reviewed_at + utc_offset_min * 60000));
CREATE INDEX IF NOT EXISTS review_log_retention
    ON review_log (deck, kind, (rating = 1),
                   (coalesce(due_before - last_review_before, 0) >= 1814400000),
                   (reviewed_at + utc_offset_min * 60000));
CREATE INDEX IF NOT EXISTS review_log_kind_card ON review_log (kind, deck, card_id, rating);
CREATE INDEX IF NOT EXISTS cards_section_stats
    ON cards (deck, section, position, state, suspended, leech, reps, lapses, card_id,
              retired_at)
    WHERE retired_at IS NULL;
"""

V4_NEW_CARDS_COVERING = """
-- The next new card (Store.new_cards, INDEXED BY cards_new): the index also holds
-- buried_until, so the burial filter and the position order come from it alone and only
-- the cards returned are read from the table.
DROP INDEX cards_new;
CREATE INDEX cards_new ON cards (deck, position, buried_until)
    WHERE state = 0 AND suspended = 0 AND retired_at IS NULL;
"""

V5_REVIEW_TALLIES = """
-- Each card's effective review-kind answers (true retention: Again failed, Hard/Good/Easy
-- passed), kept by triggers in the same transaction as the answer or its undo, so the
-- retention per section of a text is a GROUP BY over the cards instead of a pass over
-- every review answer (quiz.store.stats_queries.section_rows). Undone answers are taken
-- off by the undo marker's trigger; the backfill counts the log as it stands.
CREATE TABLE card_review_tallies (
    deck     TEXT NOT NULL,
    card_id  TEXT NOT NULL,
    passed   INTEGER NOT NULL DEFAULT 0,
    failed   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (deck, card_id)
) WITHOUT ROWID;

INSERT INTO card_review_tallies (deck, card_id, passed, failed)
SELECT r.deck, r.card_id, sum(r.rating > 1), sum(r.rating = 1)
FROM review_log AS r
WHERE r.kind = 'review' AND NOT EXISTS (SELECT 1 FROM review_log AS u WHERE u.undoes = r.id)
GROUP BY r.deck, r.card_id;

CREATE TRIGGER review_log_tally_answer AFTER INSERT ON review_log
WHEN NEW.kind = 'review'
BEGIN
    INSERT INTO card_review_tallies (deck, card_id, passed, failed)
    VALUES (NEW.deck, NEW.card_id, NEW.rating > 1, NEW.rating = 1)
    ON CONFLICT (deck, card_id) DO UPDATE
    SET passed = passed + excluded.passed, failed = failed + excluded.failed;
END;

CREATE TRIGGER review_log_tally_undo AFTER INSERT ON review_log
WHEN NEW.kind = 'undo'
BEGIN
    UPDATE card_review_tallies
    SET passed = passed - (SELECT r.rating > 1 FROM review_log AS r WHERE r.id = NEW.undoes),
        failed = failed - (SELECT r.rating = 1 FROM review_log AS r WHERE r.id = NEW.undoes)
    WHERE (deck, card_id) = (SELECT r.deck, r.card_id FROM review_log AS r
                             WHERE r.id = NEW.undoes AND r.kind = 'review');
END;

-- The most-lapsed cards (stats' weakest cards) read from the top of an index, not sorted.
CREATE INDEX cards_lapses ON cards (lapses DESC, deck, card_id)
    WHERE retired_at IS NULL AND lapses > 0;
"""

_LOCAL = "(reviewed_at + utc_offset_min * 60000)"  # local wall-clock time, epoch ms
_HOURS = range(24)
_COUNTED = "('learn', 'review', 'relearn', 'cram')"  # answers; not 'manual' nor 'undo'
_UNDONE_HOUR = (
    "(SELECT ((r.reviewed_at + r.utc_offset_min * 60000) / 3600000) % 24"
    " FROM review_log AS r WHERE r.id = NEW.undoes)"
)
_NEW_HOUR = "((NEW.reviewed_at + NEW.utc_offset_min * 60000) / 3600000) % 24"

V6_ANSWER_HOURS = f"""
-- Effective answers (learn, review, relearn, cram; not undone) per deck, local calendar
-- day and hour of that day, kept by triggers like card_review_tallies: answers per study
-- day (which starts at any whole hour, Config.day_starts_at) are then sums over a row
-- per deck and day instead of counts over every log row (quiz.store.stats_queries).
CREATE TABLE answer_hours (
    deck  TEXT NOT NULL,
    day   INTEGER NOT NULL,                    -- {_LOCAL} / 86400000
    {", ".join(f"h{h} INTEGER NOT NULL DEFAULT 0" for h in _HOURS)},
    PRIMARY KEY (deck, day)
) WITHOUT ROWID;

INSERT INTO answer_hours (deck, day, {", ".join(f"h{h}" for h in _HOURS)})
SELECT deck, local / 86400000 AS day,
       {", ".join(f"sum((local / 3600000) % 24 = {h})" for h in _HOURS)}
FROM (SELECT r.deck, {_LOCAL} AS local FROM review_log AS r
      WHERE r.kind IN {_COUNTED}
        AND NOT EXISTS (SELECT 1 FROM review_log AS u WHERE u.undoes = r.id))
GROUP BY deck, day;

CREATE TRIGGER review_log_hours_answer AFTER INSERT ON review_log
WHEN NEW.kind IN {_COUNTED}
BEGIN
    INSERT INTO answer_hours (deck, day, {", ".join(f"h{h}" for h in _HOURS)})
    VALUES (NEW.deck, (NEW.reviewed_at + NEW.utc_offset_min * 60000) / 86400000,
            {", ".join(f"{_NEW_HOUR} = {h}" for h in _HOURS)})
    ON CONFLICT (deck, day) DO UPDATE
    SET {", ".join(f"h{h} = h{h} + excluded.h{h}" for h in _HOURS)};
END;

CREATE TRIGGER review_log_hours_undo AFTER INSERT ON review_log
WHEN NEW.kind = 'undo'
BEGIN
    UPDATE answer_hours
    SET {", ".join(f"h{h} = h{h} - ({_UNDONE_HOUR} = {h})" for h in _HOURS)}
    WHERE (deck, day) = (SELECT r.deck, (r.reviewed_at + r.utc_offset_min * 60000) / 86400000
                         FROM review_log AS r
                         WHERE r.id = NEW.undoes AND r.kind IN {_COUNTED});
END;
"""

V7_IMPORTANCE = """
-- A card's importance as its deck gives it (0-100; NULL for a card without one), and the
-- new-card order it sets: descending importance, a card without one ranking as 50 (the
-- middle of the scale, quiz.deck.DEFAULT_IMPORTANCE), ties in deck order. cards_new holds
-- the cards in that order with their burial, so the next new card is still the first
-- entry of the index that passes the burial filter (Store.new_cards, INDEXED BY
-- cards_new). The expression must stay identical to NEW_RANK in quiz.store.cards. No
-- backfill: a quiz before this version refused decks with `importance`, so no stored
-- card has one; a deck that has them changes hash and is synced in full.
ALTER TABLE cards ADD COLUMN importance INTEGER CHECK (importance BETWEEN 0 AND 100);
DROP INDEX cards_new;
CREATE INDEX cards_new ON cards (deck, coalesce(importance, 50) DESC, position, buried_until)
    WHERE state = 0 AND suspended = 0 AND retired_at IS NULL;
"""

V8_RESYNC_SIBLING_GROUPS = """
-- Sibling keys became groups across card types (quiz.siblings: a matching set and the
-- cloze cards of the sentences it was cut from are siblings). Forget each deck's content
-- hash and sync time, so the next start reads and syncs every deck once and stores the
-- new keys; schedules and history are untouched.
UPDATE decks SET content_hash = NULL, synced_at = NULL;
"""

V9_BASIC_CARDS = """
-- Basic (front/back) cards: cards.type also takes 'basic'. The CHECK constraint is edited
-- in place, as SQLite's ALTER TABLE page describes for changes that leave the stored rows
-- as they are (no table rebuild, so indexes, triggers and the log's foreign key stay);
-- RESET makes this connection re-read the schema, the dropped table bumps the schema
-- cookie so that other connections re-read it too.
PRAGMA writable_schema = ON;
UPDATE sqlite_master
SET sql = replace(sql, 'CHECK (type IN (''cloze'', ''match''))',
                  'CHECK (type IN (''cloze'', ''match'', ''basic''))')
WHERE type = 'table' AND name = 'cards';
PRAGMA writable_schema = RESET;
CREATE TABLE schema_bump (x);
DROP TABLE schema_bump;
"""

V10_CHOICE_ANSWERS = """
-- A cloze card may be asked as a choice of four (quiz.choice): the log says which answers
-- were picked rather than typed (1) so that stats and an optimiser can tell recognition
-- from recall. ADD COLUMN rewrites no row (the log stays append-only: its triggers refuse
-- UPDATE and DELETE); every answer logged before this version was typed or matched (0).
ALTER TABLE review_log ADD COLUMN choice INTEGER NOT NULL DEFAULT 0 CHECK (choice IN (0, 1));
"""

V11_CARD_FLAGS = """
-- Flags (Anki's ctrl+1..4): a mark the learner puts on a card while studying, 0 none,
-- 1 red, 2 orange, 3 green, 4 blue. Study state, not deck content: sync never writes it,
-- so a flag survives regeneration like the schedule (and follows a card carried over).
-- ADD COLUMN with a constant default rewrites no row.
ALTER TABLE cards ADD COLUMN flag INTEGER NOT NULL DEFAULT 0 CHECK (flag BETWEEN 0 AND 4);
"""

MIGRATIONS: tuple[str, ...] = (
    V1_CORE,
    V2_STATS,
    V3_STATS_INDEXES,
    V4_NEW_CARDS_COVERING,
    V5_REVIEW_TALLIES,
    V6_ANSWER_HOURS,
    V7_IMPORTANCE,
    V8_RESYNC_SIBLING_GROUPS,
    V9_BASIC_CARDS,
    V10_CHOICE_ANSWERS,
    V11_CARD_FLAGS,
)
"""MIGRATIONS[i] takes the schema from version i to version i + 1."""

SCHEMA_VERSION = len(MIGRATIONS)
