"""Every key of the app on one page (`?`)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen

from quiz.tui.widgets.wrapped_text import WrappedText

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Decks",
        (
            ("Enter", "study the highlighted deck"),
            ("a", "study all decks"),
            ("c", "cram the highlighted deck (schedules untouched)"),
            ("f", "custom study of the highlighted deck: a search, or"),
            ("", "w weakest section, t failed today, 1-9 days ahead"),
            ("", "due cards count as reviews, the others are crammed"),
            ("s", "statistics"),
            ("b", "browse cards"),
            ("r", "regenerate decks from seeds/, re-read decks/"),
            ("ctrl+p", "command palette (themes, commands)"),
            ("q / ctrl+q", "quit (ctrl+q anywhere: answers are saved)"),
        ),
    ),
    (
        "The bar above a card",
        (
            ("12 + 3 + 40", "left today: new + learning + review cards"),
            ("━━━━  5/60", "answers today, out of answers + cards left"),
            ("0:12", "time on this card, counted up to 60 s; 'paused'"),
            ("", "when the terminal loses focus or no key comes"),
        ),
    ),
    (
        "Cloze card",
        (
            ("type + Enter", "check your answer (characters or pinyin)"),
            ("Enter / Space", "on an empty answer: show the answer"),
            ("Tab", "next hint (each hint lowers the suggested rating)"),
            ("h", "next hint when not typing in the answer box"),
            ("1 2 3 4", "Again, Hard, Good, Easy"),
            ("Enter", "after the answer: accept the suggested rating"),
            ("h", "after the answer: the sentences around it"),
        ),
    ),
    (
        "Choice card",
        (
            ("1-4 / a-d", "pick an option; a click picks it too"),
            ("ctrl+t", "type this card instead; on a typed card: choices"),
            ("", "a new card comes as a choice first ([study] choice)"),
            ("", "a card without three look-alikes is always typed"),
            ("1 2 3 4 / Enter", "after the pick: rate (right: Good at most)"),
        ),
    ),
    (
        "Matching",
        (
            ("1-6 then a-f", "pick a left item, then its right partner"),
            ("", "a letter picks only once a left item is picked"),
            ("arrows Tab Enter", "move and pick; the mouse works too"),
            ("1 2 3 4 / Enter", "when done: override or accept the rating"),
        ),
    ),
    (
        "Any card",
        (
            ("u / ctrl+z", "undo the last answer, bury or suspension"),
            ("-", "bury: hide until tomorrow"),
            ("@", "suspend: hide until unsuspended"),
            ("e", "after the answer: edit its text, answer, hint and"),
            ("", "accepted answers, saved into its deck file; the"),
            ("", "card keeps its history (ctrl+s saves, Esc cancels)"),
            ("ctrl+1..4", "flag red, orange, green, blue; again: no flag"),
            ("*", "next flag (red … blue, none): ctrl+1..4 do not"),
            ("", "reach the app in tmux and many terminals"),
            ("Esc", "end the session (summary)"),
            ("? / F1", "this page (? on an empty answer)"),
        ),
    ),
    (
        "Browser",
        (
            ("type", "search (below); either script finds both: 汉字 漢字"),
            ("@", "suspend / unsuspend the highlighted card"),
            ("Esc", "back"),
        ),
    ),
    (
        "Statistics",
        (
            ("r / Esc", "refresh / back"),
            ("", "FSRS parameters in use: the defaults, or those fitted to"),
            ("", "your own answers by `quiz optimize` (when, on how many reviews)"),
        ),
    ),
    (
        "Search (browser, custom study, quiz study --filter)",
        (
            ("三会 縱向", "cards holding every word (text, answer, tags…)"),
            ("-word", 'cards without it; "two words" as one'),
            ("deck:jianti", "deck name or title"),
            ("section:二、", "part of the section heading"),
            ("tag:formula", "a tag (and its tag::children); tag:for* prefix"),
            ("type:match", "cloze, match or basic cards"),
            ("is:due", "due today; is:new learning review relearning"),
            ("", "is:suspended buried leech"),
            ("prop:lapses>3", "lapses reps stability difficulty importance"),
            ("prop:due<=7", "due within 7 days (0 today, -1 overdue)"),
            ("rated:1:1", "answered Again today; rated:7 answered in 7 days"),
            ("flag:red", "flagged cards (flag:red … flag:blue, flag:1-4, flag:none)"),
            ("is:edited", "cards changed with e in a session"),
        ),
    ),
)


KEY_CELLS = 19  # "  " + the key column: where each line's text starts


def help_content() -> Content:
    lines: list[Content] = []
    for title, keys in KEYS:
        if lines:
            lines.append(Content(""))
        lines.append(Content.styled(title, "bold $accent"))
        for key, what in keys:
            lines.append(Content.assemble((f"  {key:<{KEY_CELLS - 2}}", "bold"), what))
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    """The key reference; any of Esc, q or ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys"
            body.border_subtitle = "Esc to close"
            # a long line goes on under its text, not at column 0 (narrow terminals)
            yield WrappedText(help_content(), id="help-text", hanging=KEY_CELLS)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
