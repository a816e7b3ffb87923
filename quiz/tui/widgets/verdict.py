"""What the typed answer was worth: a verdict line and, for a miss, a character diff.

The diff (from `quiz.grade`) runs from the typed text to the answer: matching characters
green, typed characters that do not belong struck through in red, characters the answer
has and the typing lacks underlined in the answer line.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from quiz.grade import Verdict

VERDICT_TEXT: dict[str, tuple[str, str]] = {
    "exact": ("✓ Correct", "bold $success"),
    "equivalent": ("✓ Correct", "bold $success"),
    "pinyin": ("✓ Correct", "bold $success"),
    "near": ("≈ Almost", "bold $warning"),
    "wrong": ("✗ Not quite", "bold $error"),
    "empty": ("Answer shown: rate yourself", "bold $accent"),
}

LABEL_WIDTH = 8


def diff_lines(verdict: Verdict) -> tuple[Content, Content]:
    """The typed text and the answer, marked character by character from `verdict.diff`."""
    mine: list[tuple[str, str] | str] = []
    theirs: list[tuple[str, str] | str] = []
    for op in verdict.diff:
        if op.kind == "equal":
            mine.append((op.typed, "$success"))
            theirs.append((op.expected, "$success"))
            continue
        if op.typed:
            mine.append((op.typed, "bold $error strike"))
        if op.expected:
            theirs.append((op.expected, "bold $warning underline"))
    return Content.assemble(*mine), Content.assemble(*theirs)


def _label(text: str) -> tuple[str, str]:
    return (text.ljust(LABEL_WIDTH), "$text-muted")


class VerdictView(Static):
    """The verdict of one answer; the screen calls `show` (or `revealed`)."""

    def show(
        self,
        verdict: Verdict,
        *,
        hints: int = 0,
        others: Sequence[str] = (),
        reading: str | None = None,
    ) -> None:
        """Describe `verdict`; `others` are further accepted answers worth seeing and
        `reading` the answer's pinyin, shown after a miss."""
        title, style = VERDICT_TEXT.get(verdict.kind, (str(verdict.kind), "bold"))
        lines = [self._title(title, style, hints, verdict.note)]
        if verdict.kind in ("near", "wrong") and verdict.typed:
            mine, theirs = diff_lines(verdict)
            lines.append(Content.assemble(_label("you"), mine))
            lines.append(
                Content.assemble(
                    _label("answer"),
                    theirs,
                    (f"   {reading}", "italic $text-muted") if reading else "",
                )
            )
        elif verdict.kind in ("equivalent", "pinyin"):
            lines.append(
                Content.assemble(_label("you"), verdict.typed, ("  =  ", "dim"), verdict.expected)
            )
        if others:
            lines.append(Content.assemble(_label("also"), " · ".join(others)))
        self.update(Content("\n").join(lines))

    def revealed(
        self, *, hints: int = 0, others: Sequence[str] = (), reading: str | None = None
    ) -> None:
        """The answer was shown without typing: the user grades themselves."""
        title, style = VERDICT_TEXT["empty"]
        lines = [self._title(title, style, hints, "")]
        if reading:
            lines.append(Content.assemble(_label("reading"), (reading, "italic")))
        if others:
            lines.append(Content.assemble(_label("also"), " · ".join(others)))
        self.update(Content("\n").join(lines))

    @staticmethod
    def _title(title: str, style: str, hints: int, note: str) -> Content:
        parts: list[tuple[str, str] | str] = [(title, style)]
        if note:
            parts.append(("   " + note, "italic $text-muted"))
        if hints:
            parts.append((f"   {hints} hint{'s' if hints != 1 else ''}", "$text-muted"))
        return Content.assemble(*parts)
