"""The strip above a study card: Anki's three counts, today's progress and a stopwatch."""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label, ProgressBar

from quiz.tui.format import duration_label

COUNTS_TIP = "Cards left today: new (blue) + learning (red) + review (green)"
PROGRESS_TIP = "Today's answers, out of today's answers + cards left"
FLAG_TIP = "This card's flag: ctrl+1..4 (or *) sets it, the same again clears it"
FLAG_STYLES = {1: "bold red", 2: "bold dark_orange", 3: "bold green", 4: "bold dodger_blue2"}
TIMER_TIP = (
    "Time on this card: paused while the terminal has lost focus or after a long while "
    "without a key; an answer counts at most max_answer_seconds (60 s)"
)


def counts_content(new: int, learning: int, review: int, current: str | None = None) -> Content:
    """`12 + 3 + 40` in Anki's blue, red and green; the current card's queue underlined."""
    parts: list[tuple[str, str] | str] = []
    for index, (kind, value, colour) in enumerate(
        (("new", new, "$primary"), ("learning", learning, "$error"), ("review", review, "$success"))
    ):
        if index:
            parts.append(" + ")
        underline = kind == current or (kind == "learning" and current == "relearning")
        style = f"bold {colour}" + (" underline" if underline else "")
        parts.append((str(value), style))
    return Content.assemble(*parts)


class SessionBar(Horizontal):
    """Counts left, cards done out of today's total, the card's flag and its time.

    Each part is set for every card; a part whose text is what it shows already is left
    alone (an update costs a layout and a repaint of the label)."""

    _flag = 0  # the flag shown (none at first: the label starts hidden)

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self._shown: dict[str, object] = {}  # label id -> what it was last given
        self._cells: dict[str, int] = {}  # label id -> the width of its text

    def compose(self) -> ComposeResult:
        # What each part means, for a newcomer (also in the key page, ?).
        yield Label(id="session-counts", markup=False).with_tooltip(COUNTS_TIP)
        yield ProgressBar(
            id="session-progress", show_eta=False, show_percentage=False
        ).with_tooltip(PROGRESS_TIP)
        yield Label(id="session-done", markup=False).with_tooltip(PROGRESS_TIP)
        yield Label(id="session-flag", markup=False).with_tooltip(FLAG_TIP)
        yield Label(id="session-timer", markup=False).with_tooltip(TIMER_TIP)

    def _set(self, part: str, key: object, make: Callable[[], Content | str]) -> None:
        """Update the label `part` to `make()` unless it was last given the same `key`.

        The labels are one line wide as their text: a text as wide as the one before
        needs a repaint only, not a layout of the bar."""
        if self._shown.get(part) == key:
            return
        self._shown[part] = key
        content = make()
        cells = content.cell_length if isinstance(content, Content) else cell_len(content)
        resized = self._cells.get(part) != cells
        self._cells[part] = cells
        self.query_one(f"#{part}", Label).update(content, layout=resized)

    def show_counts(self, new: int, learning: int, review: int, current: str | None) -> None:
        self._set(
            "session-counts",
            (new, learning, review, current),
            lambda: counts_content(new, learning, review, current),
        )

    def show_progress(self, done: int, left: int) -> None:
        total = max(done + left, 1)
        if self._shown.get("session-progress") != (total, done):
            self._shown["session-progress"] = (total, done)
            self.query_one("#session-progress", ProgressBar).update(total=total, progress=done)
        self._set("session-done", (done, left), lambda: f"{done}/{done + left}")

    def show_flag(self, flag: int, name: str | None) -> None:
        """The card's flag (`⚑ red`), hidden when it has none (the label is touched only
        when the flag on screen changes: this runs for every card)."""
        if flag == self._flag:
            return
        self._flag = flag
        label = self.query_one("#session-flag", Label)
        label.display = bool(flag)
        if flag and name:
            label.update(Content.styled(f"⚑ {name}", FLAG_STYLES.get(flag, "bold")))

    def show_time(self, seconds: float, *, paused: bool = False) -> None:
        """The time on this card; `paused` while the terminal has lost focus or nobody
        has pressed a key for a long while (that time is not counted)."""
        label = duration_label(seconds) + (" paused" if paused else "")
        self._set("session-timer", label, lambda: label)
