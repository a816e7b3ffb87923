"""What a document states without marking it: the deadline of its goals.

A document's goals are stated under a heading that says so (工作目标, 发展目标) and open
with their deadline: 到2030年，建成…. That year is the goal's own figure, asked like the
targets of a work report (`deadline`).

>>> deadline("到2030年，建成统一的服务平台。", 1), deadline("力争到2030年，", 3)
(True, True)
>>> deadline("该项目于2030年建成。", 4)
False
"""

from __future__ import annotations

import re

# A heading (or a line set apart as one) that names the goals of what follows.
GOAL_HEADING = re.compile("目[标標]\\s*[。.：:]?\\s*$")
# What may stand before a deadline that opens a sentence: 力争到, 到, 至.
_DEADLINE_BEFORE = re.compile("\\s*(?:力争|力爭|争取|爭取)?\\s*(?:到|至)\\s*")


def deadline(sentence: str, start: int) -> bool:
    """The target year at `start` opens the sentence (到2030年，…; 力争到2030年，…): the
    deadline of what the sentence goes on to state."""
    return _DEADLINE_BEFORE.fullmatch(sentence, 0, start) is not None
