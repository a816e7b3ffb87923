"""One card in full: its text, where its schedule stands, and every answer it was given."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from quiz.deck import DEFAULT_IMPORTANCE
from quiz.search import card_text, status_name
from quiz.text.escapes import printable
from quiz.tui.format import duration_label, when_label

if TYPE_CHECKING:
    from quiz.store.models import CardRow, ReviewRow

RATING_STYLE = {
    1: ("Again", "$error"),
    2: ("Hard", "$warning"),
    3: ("Good", "$success"),
    4: ("Easy", "$primary"),
}


def importance_label(importance: int | None) -> str:
    """How the card detail names a card's importance (a card without one ranks as
    `quiz.deck.DEFAULT_IMPORTANCE` among new cards).

    >>> importance_label(90), importance_label(None)
    ('importance 90', 'importance — (as 50)')
    """
    if importance is None:
        return f"importance — (as {DEFAULT_IMPORTANCE})"
    return f"importance {importance}"


class CardHistory(Static):
    """Shows one card and its review log; empty until `show` is called."""

    def show(
        self, row: CardRow, reviews: Sequence[ReviewRow], now: datetime, timezone: tzinfo
    ) -> None:
        """Show `row` and its `reviews` (oldest first), the latest at the top; times in
        `timezone`."""
        state = row.state
        lines: list[Content] = []
        if row.answer:
            lines.append(
                Content.assemble(
                    ("answer  ", "$text-muted"), (printable(row.answer), "bold $accent")
                )
            )
        lines.append(Content(card_text(row)))
        if row.section:
            lines.append(Content.styled(printable(row.section), "italic $text-muted"))
        lines.append(Content(""))
        facts = [f"{status_name(row, now)}", f"due {when_label(state.due, now)}"]
        if state.stability is not None:
            facts.append(f"stability {state.stability:.1f}d")
        facts.append(f"{state.reps} review{'s' if state.reps != 1 else ''}")
        facts.append(f"{state.lapses} lapse{'s' if state.lapses != 1 else ''}")
        if state.leech:
            facts.append("leech")
        facts.append(importance_label(row.importance))
        if row.body.get("edited"):
            facts.append("edited")
        status = Content.styled(" · ".join(facts), "$text-muted")
        if row.flag_name:
            from quiz.tui.widgets.session_bar import FLAG_STYLES

            flag = Content.styled(f"⚑ {row.flag_name}", FLAG_STYLES.get(row.flag, "bold"))
            status = Content.assemble(flag, ("  ", ""), status)
        lines.append(status)
        lines.append(Content(""))
        if not reviews:
            lines.append(Content.styled("Never answered.", "dim"))
        for review in reversed(reviews):
            name, style = RATING_STYLE.get(review.rating or 0, ("—", "dim"))
            local = review.reviewed_at.astimezone(timezone)
            seconds = (review.duration_ms or 0) / 1000
            parts: list[tuple[str, str] | str] = [
                (local.strftime("%Y-%m-%d %H:%M "), "$text-muted"),
                (f"{name:<6}", f"bold {style}"),
                (f"{review.kind:<8}", "$text-muted"),
                (f"{duration_label(seconds):>5}", "$text-muted"),
            ]
            if review.typed:
                parts += ["  ", printable(review.typed)]
            lines.append(Content.assemble(*parts))
        self.update(Content("\n").join(lines))
