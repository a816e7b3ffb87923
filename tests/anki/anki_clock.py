"""Run by the parity test under libfaketime: one Anki card answered at given times.

Reads JSON from stdin: {"folder", "params", "retention", "steps", "relearn", "answers":
[[unix seconds, rating 1-4], ...]}; writes JSON: one entry per answer with Anki's new
state (queue, due as unix seconds or study days from the answer's day, interval, FSRS
stability and difficulty). The clock of Anki's Rust core is moved through the FAKETIME
variable, which libfaketime re-reads on every call (FAKETIME_NO_CACHE=1); ANKI_TEST_MODE
switches Anki's fuzz off, as its own unit tests do.
"""

from __future__ import annotations

import json
import os
import sys
import time


def _at(seconds: int) -> None:
    os.environ["FAKETIME"] = "@" + time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(seconds))


def main() -> None:
    job = json.load(sys.stdin)
    answers = job["answers"]
    _at(answers[0][0] - 3600)
    from anki.collection import Collection
    from anki.config_pb2 import ConfigKey

    col = Collection(os.path.join(job["folder"], "collection.anki2"))
    col.set_config("fsrs", True)
    col.set_config_bool(ConfigKey.Bool.LOAD_BALANCER_ENABLED, False)  # it moves due days
    conf = col.decks.config_dict_for_deck_id(1)
    conf["fsrsParams6"] = job["params"]
    conf["desiredRetention"] = job["retention"]
    conf["new"]["delays"] = job["steps"]
    conf["lapse"]["delays"] = job["relearn"]
    conf["rev"]["maxIvl"] = 36500
    col.decks.update_config(conf)
    note = col.new_note(col.models.by_name("Basic"))
    note["Front"], note["Back"] = "front", "back"
    col.add_note(note, 1)
    card_id = note.card_ids()[0]
    out = []
    for seconds, rating in answers:
        _at(seconds)
        card = col.get_card(card_id)
        card.start_timer()
        col.sched.answerCard(card, rating)
        card = col.get_card(card_id)
        today = col.sched.today
        learning = card.queue == 1
        out.append(
            {
                "queue": card.queue,
                "type": card.type,
                "due_secs": card.due if learning else None,
                "due_days": None if learning else card.due - today,
                "ivl": card.ivl,
                "stability": card.memory_state.stability if card.memory_state else None,
                "difficulty": card.memory_state.difficulty if card.memory_state else None,
                "now": int(time.time()),
            }
        )
    col.close()
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
