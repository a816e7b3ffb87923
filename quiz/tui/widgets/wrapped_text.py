"""Static text broken into lines the Chinese way (see `quiz.tui.cjk_wrap`)."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from quiz.tui.cjk_wrap import wrap_content


class WrappedText(Static):
    """Static text broken into lines by `cjk_wrap` (punctuation never starts a line).

    A layout asks for the height at a width several times and the paint for the lines:
    the text is broken once per width it is shown at (until `show` gives a new one)."""

    def __init__(
        self,
        content: Content | None = None,
        *,
        id: str | None = None,  # noqa: A002 (Textual's name)
        classes: str | None = None,
        hanging: int = 0,
    ) -> None:
        super().__init__(content or Content(""), id=id, classes=classes, markup=False)
        self.source = content or Content("")
        self.hanging = hanging  # cells to indent the continuation of a long line by
        self._wrapped: dict[int, Content] = {}  # width -> the source broken at it

    def show(self, content: Content) -> None:
        """Show `content` (nothing is redrawn when it is what is shown already)."""
        if content.is_same(self.source):
            return
        self.source = content
        self._wrapped.clear()
        self.update(content)

    def wrapped(self, width: int) -> Content:
        """The text broken into lines of at most `width` cells."""
        lines = self._wrapped.get(width)
        if lines is None:
            if len(self._wrapped) > 4:  # a resize goes through widths: keep a few
                self._wrapped.clear()
            lines = self._wrapped[width] = wrap_content(self.source, width, self.hanging)
        return lines

    def render(self) -> Content:
        return self.wrapped(self.content_size.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not self.source.plain:
            return 0
        return len(self.wrapped(width).plain.split("\n"))
