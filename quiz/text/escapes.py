"""Terminal escape sequences and control characters: finding them, removing them whole,
and making any text safe to put on a terminal.

A card's text reaches the screen, so an ESC in it (`\\x1b]2;…\\x07` sets the terminal's
title, `\\x1b[2J` clears it, `\\x1b[31m` recolours) would act on the terminal. Decks refuse
them (`quiz.deck`), the cleaner removes them from source texts, imports drop them, and the
screens show whatever is left through `printable`.
"""

from __future__ import annotations

import re

# ESC sequences (ECMA-48): CSI (ESC [ or its C1 form, parameters, intermediates, a final
# byte), OSC and the other strings (ESC ] / P / X / ^ / _ up to BEL or ST), two-byte ones.
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[\x20-\x2f]*[\x30-\x7e]?"
)
# A colour code whose ESC was already lost on the way ([31m, [1;32m, [0m): the text that
# stays in a copied terminal log.
_BARE_COLOUR = re.compile(r"\[(?:\d{1,3}(?:;\d{1,3})*)?m")
# C0 except tab and newline, DEL, C1.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def has_controls(text: str) -> bool:
    """Whether `text` holds a control character (C0 but tab and newline, DEL, C1)."""
    return CONTROL.search(text) is not None


def escape_sequences(text: str) -> list[str]:
    """The terminal escape sequences of `text` (whole) and bare colour codes, in order."""
    return [m.group() for m in re.finditer(f"{_SEQUENCE.pattern}|{_BARE_COLOUR.pattern}", text)]


def strip_sequences(text: str) -> str:
    """`text` without its escape sequences and bare colour codes (controls left alone)."""
    return _BARE_COLOUR.sub("", _SEQUENCE.sub("", text))


def describe(char: str) -> str:
    """A control character as a reader can name it: U+001B (ESC)."""
    names = {0x1B: "ESC", 0x07: "BEL", 0x08: "BS", 0x0D: "CR", 0x7F: "DEL", 0x9B: "CSI"}
    code = ord(char)
    name = names.get(code)
    return f"U+{code:04X}" + (f" ({name})" if name else "")


def printable(text: str) -> str:
    """`text` made safe for a terminal: escape sequences removed whole, any other control
    character shown as a visible escape (\\x07); tab and newline kept."""
    if not CONTROL.search(text):
        return text
    text = _SEQUENCE.sub("", text)
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
