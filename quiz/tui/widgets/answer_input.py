"""The answer box of a cloze card: typed Chinese (through an IME) or pinyin.

While it is empty, the keys that cannot begin an answer (Space, `-`, `@`, `?`, `*`) act as
the study shortcuts instead of being typed; they are reported with `AnswerInput.Shortcut`.
This is the one place that needs `on_key`: an Input consumes printable keys before any
binding sees them.
"""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import Input

SHORTCUTS = {
    "space": "reveal",
    "minus": "bury",
    "at": "suspend",
    "question_mark": "help",
    "asterisk": "cycle_flag",
}


class AnswerInput(Input):
    """An Input whose empty state turns a few keys into study shortcuts."""

    class Shortcut(Message):
        def __init__(self, action: str) -> None:
            super().__init__()
            self.action = action

    async def _on_key(self, event: events.Key) -> None:
        if not self.value and event.key in SHORTCUTS:
            event.stop()
            event.prevent_default()
            self.post_message(self.Shortcut(SHORTCUTS[event.key]))
            return
        await super()._on_key(event)
