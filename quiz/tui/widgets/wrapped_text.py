"""Static text broken into lines the Chinese way (see `quiz.tui.cjk_wrap`)."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from quiz.tui.cjk_wrap import wrap_content


class WrappedText(Static):
    """Static text broken into lines by `cjk_wrap` (punctuation never starts a line)."""

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

    def show(self, content: Content) -> None:
        self.source = content
        self.update(content)

    def render(self) -> Content:
        return wrap_content(self.source, self.content_size.width, self.hanging)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not self.source.plain:
            return 0
        return len(wrap_content(self.source, width, self.hanging).plain.split("\n"))
