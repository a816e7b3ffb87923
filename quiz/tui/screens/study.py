"""A study session: one card at a time, cloze or matching, answered and committed in turn.

The screen drives a `StudySession`: it asks for the next card, shows it, grades what was
typed (or reveals it), offers the four ratings with their intervals, and hands the chosen
rating back to the session, which commits it before the next card is drawn.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher

from quiz.deck import AnswerCard, BasicCard, ClozeCard, Deck, MatchCard
from quiz.errors import QuizError
from quiz.store.models import FLAG_NAMES
from quiz.tui.deck_shelf import DeckShelf
from quiz.tui.match_round import MatchRound
from quiz.tui.widgets.answer_input import AnswerInput
from quiz.tui.widgets.choice import ChoiceList
from quiz.tui.widgets.cloze import ClozeView, Outcome
from quiz.tui.widgets.key_hints import KeyHints
from quiz.tui.widgets.matching import MatchBoard
from quiz.tui.widgets.rating import RatingBar
from quiz.tui.widgets.session_bar import SessionBar
from quiz.tui.widgets.verdict import VerdictView

if TYPE_CHECKING:
    from textual.worker import Worker

    from quiz.choice import Choice, ChoicePool
    from quiz.config import ChoiceMode
    from quiz.hints import Hint
    from quiz.session import AnswerOutcome, QueueItem, StudySession

HINT_LABELS = {
    "length": "Length",
    "figure": "Figure",
    "pinyin": "Pinyin",
    "hint": "Hint",
    "context": "Around it",
}

KIND_NAMES = {
    "new": "New",
    "learning": "Learning",
    "review": "Review",
    "relearning": "Relearning",
    "cram": "Cram",
}

W = TypeVar("W", bound=Widget)

Phase = Literal["idle", "question", "choosing", "answer", "playing", "matched", "saving"]

_AFTER = (("u", "Undo"), ("-", "Bury"), ("@", "Suspend"), ("?", "Help"), ("esc", "End"))
KEY_HINTS: dict[Phase, tuple[tuple[str, str], ...]] = {
    "idle": (),
    "saving": (),
    "question": (
        ("⏎", "Check"),
        ("tab", "Hint"),
        ("^z", "Undo"),
        ("-", "Bury"),
        ("@", "Suspend"),
        ("?", "Help"),
        ("esc", "End"),
    ),
    "choosing": (
        ("1-4 a-d", "Pick"),
        ("^t", "Type it"),
        ("-", "Bury"),
        ("@", "Suspend"),
        ("?", "Help"),
        ("esc", "End"),
    ),
    "answer": (("1-4", "Rate"), ("⏎", "Accept"), ("h", "Hint"), ("e", "Edit"), *_AFTER),
    "playing": (("1-6 a-f ⏎", "Pick"), ("arrows", "Move"), *_AFTER),
    "matched": (("1-4", "Rate"), ("⏎", "Accept"), *_AFTER),
}

EDIT_ROW = "abcdef".index("e")
"""`e` picks the fifth right item in a matching round and edits the card after an answer."""

WARM_UP_DELAY = 0.3
"""Seconds after the first card is shown before the grader's tables load in a thread
(the first paint never competes with it; nobody types an answer that fast)."""

QUICK_SAVE_MS = 100
"""How long an answer's first save waits for another process's lock before the screen
says so and leaves the waiting to a thread."""
SAVE_RETRY_PAUSE = 0.2
"""Seconds between two tries of a save refused for a lock (each try waits the busy timeout)."""

PLACEHOLDER_HAN = "Type the answer (characters or pinyin) …"
PLACEHOLDER_PLAIN = "Type the answer …"


def placeholder_for(card: AnswerCard) -> str:
    """The answer box's prompt: pinyin is offered only when an answer is in Han characters."""
    from quiz.pinyin import has_han

    return PLACEHOLDER_HAN if any(has_han(answer) for answer in card.answers) else PLACEHOLDER_PLAIN


_OUTCOME: dict[str, Outcome] = {
    "exact": "right",
    "equivalent": "right",
    "pinyin": "right",
    "near": "near",
    "wrong": "wrong",
}


class StudyScreen(Screen[None]):
    """Cards one after another until the session is empty or the user leaves."""

    BINDINGS = [
        # The key guide at the bottom is a KeyHints line set per step (see KEY_HINTS).
        Binding("escape", "leave", "End", show=False),
        Binding("tab", "tab_key", "Hint", priority=True, show=False),
        Binding("h", "hint", "Hint", show=False),
        Binding("space,enter", "accept", "Accept", show=False),
        Binding("u", "undo", "Undo", show=False),
        Binding("ctrl+z", "undo_typing", "Undo", show=False),
        Binding("ctrl+t", "switch_choice", "Choice / typed", priority=True, show=False),
        Binding("minus", "bury", "Bury", show=False),
        Binding("at", "suspend", "Suspend", show=False),
        # Anki's flags; a terminal that sends nothing for ctrl+digit (tmux, most xterms)
        # has `*`, which steps through them
        *(Binding(f"ctrl+{n}", f"flag({n})", priority=True, show=False) for n in range(1, 5)),
        Binding("asterisk", "cycle_flag", "Flag", show=False),
        Binding("question_mark", "app.help", "Help", show=False),
        *(Binding(str(n), f"number({n})", show=False) for n in range(1, 7)),
        # `e` is also the edit key after an answer (a matching round picks with it)
        *(Binding(letter, f"letter({row})", show=False) for row, letter in enumerate("abcdef")),
    ]

    # Textual repaints the whole screen when the focus moves (Screen.focused repaints); the
    # widgets that gain and lose it repaint themselves, and nothing else here depends on
    # it, while the focus moves on every card (answer box <-> suggested rating).
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def __init__(
        self,
        session: StudySession,
        decks: DeckShelf,
        clock: Callable[[], datetime],
        *,
        on_first_card: Callable[[], None] | None = None,
        done_today: int = 0,
    ) -> None:
        super().__init__()
        self.session = session
        self.decks = decks
        self.clock = clock
        self.on_first_card = on_first_card
        self.item: QueueItem | None = None
        self.phase: Phase = "idle"
        self.shown_at = clock()
        self.answered_at: datetime | None = None
        # The card's timer: time paused (focus lost, idle) is not the answer's.
        self.paused_ms = 0
        self.paused_since: datetime | None = None
        self.pause_reason: Literal["focus", "idle"] | None = None
        self.last_activity = self.shown_at
        self.hints: list[tuple[str, str]] = []
        self.hint_count = 0
        self.blank_text = ""
        self.ladder: list[Hint] = []
        self.typed = ""
        self.suggested: int | None = None
        self.outcome: Outcome = "revealed"  # how the answer on screen went
        self.done = done_today  # answers of the day: the progress bar's filled part
        self.undoable: list[str] = []  # what undo would take back: answer / bury / suspend
        self._warming = False
        self.warm_up: Worker[None] | None = None  # loads the grader's tables in a thread
        self.saving: Worker[AnswerOutcome] | None = None  # the answer being committed
        self.waiting_for_lock = False  # that save waits for another process's lock
        self._rated_phase: Phase = "answer"
        # Choice cards: the session's mode (the setting, switched by ctrl+t), the options
        # on screen, and each deck's distractor index (built on its first choice card).
        self.choice_mode: ChoiceMode = session.config.choice
        self.choice: Choice | None = None
        self._pools: dict[str, ChoicePool] = {}
        self._parts: dict[type[Widget], Widget] = {}

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield SessionBar(id="session-bar")
        with Vertical(id="study-body"):
            with ContentSwitcher(initial="cloze-pane", id="study-switcher"):
                with Vertical(id="cloze-pane"):
                    yield ClozeView(id="cloze-view")
                    yield AnswerInput(placeholder=PLACEHOLDER_HAN, id="answer")
                    yield ChoiceList(id="choices")
                    yield VerdictView(id="verdict")
                yield MatchBoard(id="match-pane")
            yield RatingBar(id="rating-bar")
        yield KeyHints(id="key-hints")

    def on_mount(self) -> None:
        self._part(AnswerInput).cursor_blink = getattr(self.app, "cursor_blink", True)
        self.set_interval(1.0, self._tick)
        self.call_after_refresh(self.advance)

    def on_unmount(self) -> None:
        # Quitting the app mid-session still ends the session record (answers are
        # already committed one by one).
        self._close_session()

    def _close_session(self) -> None:
        """End the session record; a database that refuses only loses that record (every
        answer is committed already), so it is reported, not raised."""
        try:
            with self.session.store.busy_timeout(QUICK_SAVE_MS):  # never a frozen screen
                self.session.close()
        except QuizError as exc:
            self.app.notify(str(exc), title="Session end not recorded", severity="warning")

    def _part(self, kind: type[W]) -> W:
        """The screen's one widget of `kind`, found once: the screen's widgets live as long
        as it does. A query walks the DOM again on every card (Textual keys its query cache
        by the DOM's update count, which each display change bumps): ~1.5 ms a card."""
        found = self._parts.get(kind)
        if found is None:
            found = self._parts[kind] = self.query_one(kind)
        return cast(W, found)

    @property
    def current(self) -> QueueItem:
        """The card on screen (only asked for while one is)."""
        assert self.item is not None, "no card on screen"
        return self.item

    # ------------------------------------------------------------------ flow

    async def advance(self) -> None:
        """Draw the next card, or end the session when there is none."""
        item = self.session.next_card()
        if item is None:
            self.finish()
            return
        await self.present(item)

    async def present(self, item: QueueItem, *, keep_time: bool = False) -> None:
        """Show `item` as a fresh question (`keep_time`: the same showing, switched
        between choice and typed, keeps its timer)."""
        timer = (self.shown_at, self.paused_ms, self.paused_since, self.pause_reason)
        self.item = item
        self.choice = None
        self.hints = []
        self.hint_count = 0
        self.blank_text = ""
        self.ladder = []
        self.typed = ""
        self.suggested = None
        self.shown_at = self.clock()
        self.answered_at = None
        self.paused_ms = 0
        self.paused_since = None
        self.pause_reason = None
        self.last_activity = self.shown_at
        if keep_time:
            self.shown_at, self.paused_ms, self.paused_since, self.pause_reason = timer
        card = item.card
        self._part(RatingBar).display = False
        switcher = self._part(ContentSwitcher)
        if isinstance(card, MatchCard):
            switcher.current = "match-pane"
            self.phase = "playing"
            round_ = MatchRound.for_card(card.id, item.state.reps, card.pairs)
            await self._part(MatchBoard).start(card.prompt, round_)
        else:
            switcher.current = "cloze-pane"
            self.phase = "question"
            view = self._part(ClozeView)
            kind = KIND_NAMES.get(item.kind, item.kind)
            # a custom session says which answers count: Custom · Review, Custom · Cram
            view.border_title = f"Custom · {kind}" if self.session.custom else kind
            deck = item.deck
            view.border_subtitle = Content(self.decks.title(deck))  # a title is not markup
            view.ask(card)
            self._part(VerdictView).display = False
            choices = self._part(ChoiceList)
            answer = self._part(AnswerInput)
            answer.value = ""
            self.choice = self._choice_for(item) if self._asks_choice(item) else None
            if self.choice is not None:
                self.phase = "choosing"
                answer.display = False
                choices.display = True
                choices.offer(self.choice)
                self.set_focus(None)
            else:
                if choices.display:  # the card before was a choice: its marks go, unseen
                    self.call_after_refresh(choices.clear_marks)
                choices.display = False
                answer.placeholder = placeholder_for(card)
                answer.display = True
                answer.focus()
        self._show_keys()
        if self.on_first_card is not None:  # the launch: the first card comes with its bar
            self._refresh_bar()
            callback, self.on_first_card = self.on_first_card, None
            self.call_after_refresh(callback)
        else:
            # The card first, the bar one refresh later: its counts are a read of the
            # queue's sizes and its labels and progress bar a layout and a repaint
            # (~1.5-2 ms), which the key need not wait for.
            self.call_after_refresh(self._refresh_bar)
        if not self._warming:
            self._warming = True
            gc.freeze()  # the decks and the day's review order, read at startup
            self.set_timer(WARM_UP_DELAY, self._warm_up_grading)

    def _warm_up_grading(self) -> None:
        """Load the grader's tables (OpenCC, pypinyin) off the UI thread, so the first
        answer does not pause; started once the first card has long been painted."""
        self.warm_up = self.run_worker(
            _warm_up_and_freeze, thread=True, group="warm-up", exit_on_error=False
        )

    def finish(self) -> None:
        """Close the session and show its summary in place of this screen."""
        from quiz.tui.screens.summary import SummaryScreen

        self.phase = "idle"
        if self.on_first_card is not None:  # the session had no card at all
            callback, self.on_first_card = self.on_first_card, None
            callback()
        summary = self.session.summary()
        left = self.session.study_counts()
        crammed_left = self.session.counts().total if self.session.cram else None
        self._close_session()
        timezone = self.session.config.timezone
        self.app.switch_screen(
            SummaryScreen(
                summary,
                self.clock,
                timezone,
                left,
                crammed_left=crammed_left,
                custom=self.session.custom_query,
            )
        )

    def _show_keys(self) -> None:
        self._part(KeyHints).show(KEY_HINTS[self.phase])

    def _elapsed_ms(self, until: datetime | None = None) -> int:
        """Time on this card without its pauses, at most the configured maximum."""
        moment = until or self.clock()
        paused = self.paused_ms
        if self.paused_since is not None:
            paused += _ms(moment - self.paused_since)
        elapsed = _ms(moment - self.shown_at) - paused
        return min(max(0, elapsed), self.session.config.max_answer_seconds * 1000)

    @property
    def _timing(self) -> bool:
        return self.phase in ("question", "choosing", "playing")

    def pause_timer(self, reason: Literal["focus", "idle"], at: datetime | None = None) -> None:
        """Stop counting this card's time (the terminal lost focus, or nobody typed)."""
        if self.paused_since is None and self._timing:
            self.paused_since = at or self.clock()
            self.pause_reason = reason
            self._tick()

    def resume_timer(self) -> None:
        """Count again from now (focus back, or a key after an idle pause)."""
        now = self.clock()
        self.last_activity = now
        if self.paused_since is not None:
            self.paused_ms += max(0, _ms(now - self.paused_since))
            self.paused_since = None
            self.pause_reason = None
            self._tick()

    def note_activity(self) -> None:
        """A key or a click: the user is here (ends an idle pause, not a focus one)."""
        if self.pause_reason == "focus":
            return
        self.resume_timer()

    def _refresh_bar(self) -> None:
        bar = self._part(SessionBar)
        counts = self.session.counts()
        new, learning, review = counts.new, counts.learning, counts.review
        kind = getattr(self.item, "kind", None)
        bar.show_counts(new, learning, review, kind)
        flag = getattr(self.item, "flag", 0)
        bar.show_flag(flag, FLAG_NAMES.get(flag))
        bar.show_progress(self.done, new + learning + review)
        bar.show_time(self._elapsed_ms() / 1000)

    def _tick(self) -> None:
        if not self._timing:
            return
        idle = timedelta(seconds=self.session.config.max_answer_seconds)
        if self.paused_since is None and self.clock() - self.last_activity > idle:
            self.pause_timer("idle", at=self.last_activity + idle)
            return
        paused = self.paused_since is not None
        self._part(SessionBar).show_time(self._elapsed_ms() / 1000, paused=paused)

    # ------------------------------------------------------------------ cloze

    def check(self, typed: str) -> None:
        """Grade what was typed and show the verdict with the ratings."""
        from quiz.grade import grade, suggest_rating

        card = self.current.card
        assert isinstance(card, ClozeCard | BasicCard)
        self.answered_at = self.clock()
        verdict = grade(typed, card)
        self.typed = typed
        duration = self._elapsed_ms(self.answered_at)
        self.suggested = int(suggest_rating(verdict, self.hint_count, duration))
        self._show_answer(card, _OUTCOME.get(verdict.kind, "wrong"))
        self._part(VerdictView).show(
            verdict,
            hints=self.hint_count,
            others=self._others(card, verdict.matched),
            reading=card.display_hint,
        )

    def reveal(self) -> None:
        """Show the answer without grading: the user rates themselves (Good suggested, or
        what the hints taken allow, as if it had been typed right)."""
        from quiz.grade import grade, suggest_rating

        card = self.current.card
        assert isinstance(card, ClozeCard | BasicCard)
        self.answered_at = self.clock()
        duration = self._elapsed_ms(self.answered_at)
        self.suggested = int(suggest_rating(grade(card.answer, card), self.hint_count, duration))
        self._show_answer(card, "revealed")
        self._part(VerdictView).revealed(
            hints=self.hint_count, others=self._others(card, None), reading=card.display_hint
        )

    @staticmethod
    def _others(card: AnswerCard, matched: str | None) -> list[str]:
        return [a for a in card.answers[1:] if a != matched]

    def _show_answer(self, card: AnswerCard, outcome: Outcome) -> None:
        self.phase = "answer"
        self.outcome = outcome
        self._part(ClozeView).show(card, outcome, self.hints)
        self._part(AnswerInput).display = False
        self._part(VerdictView).display = True
        self._offer_ratings()

    def _offer_ratings(self) -> None:
        bar = self._part(RatingBar)
        bar.display = True
        labels = {
            int(rating): label
            for rating, label in self.session.next_intervals(self.current).items()
        }
        bar.offer(labels, self.suggested)
        self._show_keys()

    def on_input_submitted(self, event: AnswerInput.Submitted) -> None:
        event.stop()
        if self.phase != "question":
            return
        typed = event.value.strip()
        if typed:
            self.check(typed)
        else:
            self.reveal()

    async def on_answer_input_shortcut(self, message: AnswerInput.Shortcut) -> None:
        message.stop()
        if message.action == "reveal":
            if self.phase == "question":
                self.reveal()
        elif message.action == "help":
            await self.app.run_action("help")
        else:
            await self.run_action(message.action)

    def action_tab_key(self) -> None:
        """Tab is the hint key while typing (where `h` is a letter of pinyin); elsewhere it
        moves the focus as usual (matching items, rating buttons). `h` is the hint key
        whenever the answer box does not have the focus."""
        if self.phase == "question":
            self.action_hint()
        else:
            self.focus_next()

    def action_hint(self) -> None:
        """Show the next rung of the hint ladder (each one lowers the suggested rating);
        after the answer, the sentences around it, which change nothing."""
        card = self.current.card if self.item is not None else None
        if not isinstance(card, ClozeCard | BasicCard):
            return
        if self.phase == "answer":
            if not isinstance(card, ClozeCard):
                self.notify("No sentences around a basic card.", timeout=2)
                return
            self._show_context(card)
            return
        if self.phase != "question":
            return
        if not self.ladder and not self.hint_count:
            from quiz.hints import hint_ladder

            deck = self.decks.section(self.current.deck, card.section)
            self.ladder = list(hint_ladder(card, deck))
        if not self.ladder:
            self.notify("No more hints for this card.", timeout=2)
            return
        hint = self.ladder.pop(0)
        if hint.fills_blank:
            self.blank_text = hint.text
        else:
            self.hints.append((HINT_LABELS.get(hint.kind, str(hint.kind)), hint.text))
        self.hint_count += 1
        self._part(ClozeView).ask(card, self.hints, self.blank_text)
        self._part(AnswerInput).focus()

    def _show_context(self, card: ClozeCard) -> None:
        """After the answer: the neighbouring sentences of the source, for reading only
        (the length, first character and pinyin add nothing once the answer is shown)."""
        label = HINT_LABELS["context"]
        if any(shown == label for shown, _ in self.hints):
            self.notify("No more hints for this card.", timeout=2)
            return
        from quiz.hints import context_text

        deck = self.decks.section(self.current.deck, card.section)
        context = context_text(card, deck) if deck is not None else ""
        if not context:
            self.notify("No sentences around this one in the deck.", timeout=2)
            return
        self.hints.append((label, context))
        self._part(ClozeView).show(card, self.outcome, self.hints)

    # ------------------------------------------------------------------ choice

    def _asks_choice(self, item: QueueItem) -> bool:
        """Whether the session's mode asks this card as a choice (if it has one)."""
        if self.choice_mode == "always":
            return True
        return self.choice_mode == "new" and item.state.reps == 0

    def _choice_for(self, item: QueueItem) -> Choice | None:
        """The card's four options at this review, None without three look-alikes."""
        from quiz.choice import ChoicePool

        card = item.card
        if not isinstance(card, ClozeCard | BasicCard):
            return None
        pool = self._pools.get(item.deck)
        if pool is None:
            # The deck in memory, else the store's answers and sentences (never a rebuild)
            deck = self.decks.loaded(item.deck)
            pool = self._pools[item.deck] = (
                ChoicePool.from_cards(deck.cards)
                if deck is not None
                else ChoicePool(self.session.store.answer_entries(item.deck))
            )
        return pool.choice(card, item.state.reps)

    def pick(self, row: int) -> None:
        """The option in `row` was picked: show how it went and offer the ratings."""
        from quiz.choice import choice_rating

        if (
            self.phase != "choosing"
            or self.choice is None
            or not 0 <= row < len(self.choice.options)
        ):
            return
        card = self.current.card
        assert isinstance(card, ClozeCard | BasicCard)
        self.answered_at = self.clock()
        right = self.choice.is_right(row)
        self.typed = self.choice.options[row]
        duration = self._elapsed_ms(self.answered_at)
        first = self.current.state.reps == 0
        self.suggested = int(choice_rating(right, first_showing=first, duration_ms=duration))
        self.phase = "answer"
        self.outcome = "right" if right else "wrong"
        self._part(ClozeView).show(card, self.outcome, self.hints)
        self._part(ChoiceList).reveal(row)
        self._offer_ratings()

    def on_choice_list_picked(self, message: ChoiceList.Picked) -> None:
        message.stop()
        self.pick(message.row)

    async def action_switch_choice(self) -> None:
        """ctrl+t: a choice card is typed instead, a typed card becomes a choice (when
        it has one); the rest of the session follows the switch."""
        if self.item is None:
            return
        if self.phase == "choosing":
            self.choice_mode = "never"
            self.notify("Answers typed for the rest of the session (ctrl+t: choices).", timeout=3)
        elif self.phase == "question":
            if self._choice_for(self.item) is None:
                self.notify(
                    "No three look-alikes for this card in its deck: it stays typed.", timeout=3
                )
                return
            self.choice_mode = "always"
            self.notify("Cards asked as a choice of four (ctrl+t: typed).", timeout=3)
        else:
            return
        await self.present(self.item, keep_time=True)

    # ------------------------------------------------------------------ matching

    def on_match_board_finished(self, message: MatchBoard.Finished) -> None:
        from quiz.grade import match_rating

        card = self.current.card
        assert isinstance(card, MatchCard)
        self.answered_at = self.clock()
        duration = self._elapsed_ms(self.answered_at)
        self.suggested = int(match_rating(message.mistakes, len(card.pairs), duration))
        self.phase = "matched"
        self._offer_ratings()

    # ------------------------------------------------------------------ rating

    async def rate(self, rating: int) -> None:
        """Commit `rating` for the current card and move on.

        The save is tried at once with a short wait; a database another process keeps
        locked does not freeze the screen: a notice says so, the card stays on screen
        (nothing else can be done to it meanwhile) and a thread saves the answer as soon
        as the lock goes.
        """
        from quiz.store import DatabaseLocked

        if self.phase not in ("answer", "matched") or self.item is None:
            return
        self._rated_phase, self.phase = self.phase, "saving"
        save = partial(
            self.session.answer,
            self.item,
            rating,
            typed=self.typed or None,
            duration_ms=self._elapsed_ms(),
            hints=self.hint_count,
            choice=self.choice is not None,
        )
        try:
            with self.session.store.busy_timeout(QUICK_SAVE_MS):
                outcome = save()
        except DatabaseLocked:
            self._tell_waiting()
            self.saving = self.run_worker(
                partial(_save_until_unlocked, save),
                thread=True,
                group="save",
                exit_on_error=False,
            )
            return
        except QuizError as exc:  # the database refused (read-only, full…): try again
            self.phase = self._rated_phase
            self.notify(f"Not saved: {exc}", title="Answer not saved", severity="error")
            return
        await self._answered(outcome)

    def _tell_waiting(self) -> None:
        self.waiting_for_lock = True
        self.notify(
            f"{self.session.store.path}: the database is locked by another process. The "
            "answer stays on screen and is saved as soon as the database is free.",
            title="Waiting to save",
            severity="warning",
            timeout=10,
        )

    async def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        from textual.worker import WorkerState

        if event.worker.group != "save" or event.worker is not self.saving:
            return
        if event.state == WorkerState.SUCCESS:
            self.saving = None
            self.waiting_for_lock = False
            self.notify("The database is free again: answer saved.", timeout=3)
            outcome = event.worker.result
            assert outcome is not None
            await self._answered(outcome)
        elif event.state == WorkerState.ERROR:
            self.saving = None
            self.waiting_for_lock = False
            error = event.worker.error
            if not isinstance(error, QuizError):
                raise error  # type: ignore[misc]
            # The database refused (read-only, full…): the ratings stay, try again.
            self.phase = self._rated_phase
            self.notify(f"Not saved: {error}", title="Answer not saved", severity="error")

    async def _answered(self, outcome: AnswerOutcome) -> None:
        self.done += 1
        self.undoable.append("answer")
        if outcome.became_leech:
            then = " and suspended (unsuspend it in the browser)" if outcome.suspended else ""
            self.notify(
                f"This card keeps slipping: tagged as a leech{then}.",
                title="Leech",
                severity="warning",
                timeout=6,
            )
        await self.advance()

    async def on_rating_bar_rated(self, message: RatingBar.Rated) -> None:
        message.stop()
        await self.rate(message.rating)

    async def action_number(self, number: int) -> None:
        if self.phase == "choosing":
            self.pick(number - 1)
        elif self.phase == "playing":
            self._part(MatchBoard).pick("left", number - 1)
        elif number <= 4:
            await self.rate(number)

    def action_letter(self, row: int) -> None:
        """A letter picks a right item only once a left item is picked (by its digit, Enter
        or a click): a word typed into a matching round (the answer of the card before,
        a stray key) never makes a pair or a mistake. On a choice card a-d pick an option.
        After an answer `e` edits the card."""
        if self.phase == "choosing":
            if row == EDIT_ROW and self.choice is not None and row >= len(self.choice.options):
                self.action_edit()  # says to answer first
            self.pick(row)
            return
        if self.phase in ("answer", "matched") and row == EDIT_ROW:
            self.action_edit()
            return
        if self.phase != "playing":
            return
        board = self._part(MatchBoard)
        selected = board.round.selected if board.round is not None else None
        if selected is None or selected[0] != "left":
            board.note("pick a left item first (1-6)")
            return
        board.pick("right", row)

    async def action_accept(self) -> None:
        if self.suggested is not None:
            await self.rate(self.suggested)

    # ------------------------------------------------------------------ card actions

    async def action_undo_typing(self) -> None:
        """Undo from the answer box, where `u` is a letter."""
        await self.action_undo()

    async def action_undo(self) -> None:
        if not self.session.can_undo:
            self.notify("Nothing to undo.", timeout=2)
            return
        try:
            with self.session.store.busy_timeout(QUICK_SAVE_MS):  # never a frozen screen
                item = self.session.undo()
        except QuizError as exc:
            self.notify(str(exc), title="Undo failed", severity="error")
            return
        what = self.undoable.pop() if self.undoable else "answer"
        if what == "answer":
            self.done = max(0, self.done - 1)
        self.notify(f"Undone: {what}.", timeout=2)
        if item is None:  # a card answered elsewhere since: the queue says what is next
            await self.advance()
        else:
            await self.present(item)

    async def action_bury(self) -> None:
        if self.item is None or self.phase in ("idle", "saving"):
            return
        if not self._safely(self.session.bury, self.item, "Bury failed"):
            return
        self.undoable.append("bury")
        self.notify("Buried until tomorrow.", timeout=2)
        await self.advance()

    async def action_suspend(self) -> None:
        if self.item is None or self.phase in ("idle", "saving"):
            return
        if not self._safely(self.session.suspend, self.item, "Suspend failed"):
            return
        self.undoable.append("suspend")
        self.notify("Suspended (unsuspend it in the browser).", timeout=3)
        await self.advance()

    def _safely(self, change: Callable[[QueueItem], None], item: QueueItem, title: str) -> bool:
        """Run a change to the card, reporting a refusal of the database instead of dying."""
        try:
            with self.session.store.busy_timeout(QUICK_SAVE_MS):  # never a frozen screen
                change(item)
        except QuizError as exc:
            self.notify(str(exc), title=title, severity="error")
            return False
        return True

    # ------------------------------------------------------------------ flags and edits

    def action_flag(self, flag: int) -> None:
        """ctrl+1..4: flag the card red, orange, green or blue; the same again clears."""
        if self.item is None or self.phase in ("idle", "saving"):
            return
        try:
            with self.session.store.busy_timeout(QUICK_SAVE_MS):  # never a frozen screen
                self.item = self.session.set_flag(self.item, flag)
        except QuizError as exc:
            self.notify(str(exc), title="Flag not set", severity="error")
            return
        name = FLAG_NAMES.get(self.item.flag)
        self.notify(f"Flagged {name}." if name else "Flag cleared.", timeout=2)
        self._refresh_bar()

    def action_cycle_flag(self) -> None:
        """`*`: the next flag (none, red, orange, green, blue, none …), for terminals
        where ctrl+1..4 never arrive."""
        if self.item is None:
            return
        self.action_flag(self.item.flag % len(FLAG_NAMES) + 1 if self.item.flag < 4 else 0)

    def action_edit(self) -> None:
        """`e` after the answer: the card's edit form; a saved edit is synced at once and
        the card keeps its id, schedule and history."""
        from quiz.deck_edit import editable
        from quiz.tui.screens.edit_card import EditCardScreen

        if self.item is None:
            return
        card = self.current.card
        reason = editable(card)
        if reason is not None:
            self.notify(reason, title="Not editable here", severity="warning", timeout=6)
            return
        if self.phase != "answer" or not isinstance(card, ClozeCard | BasicCard):
            self.notify("Answer the card first: e edits it once the answer shows.", timeout=3)
            return
        path = self._deck_path(self.current.deck)
        if path is None:
            self.notify(
                f"No deck file for {self.decks.title(self.current.deck)}: edit it where it "
                "came from.",
                severity="warning",
                timeout=6,
            )
            return
        self.app.push_screen(
            EditCardScreen(card, path, _shown(path, getattr(self.app, "root", None))),
            partial(self._edited, self.current),
        )

    def _deck_path(self, deck: str) -> Path | None:
        path = self.decks.path(deck)
        root = getattr(self.app, "root", None)
        if path is None and root is not None:
            path = Path(root) / "decks" / f"{deck}.yaml"
        return path if path is not None and path.is_file() else None

    def _edited(self, item: QueueItem, deck: Deck | None) -> None:
        """The form saved `deck` (None: closed without a change): sync it and show the
        card as it is now."""
        if deck is None:
            return
        root = getattr(self.app, "root", None)
        label = _shown(deck.path, root) if deck.path is not None else deck.name
        try:
            with self.session.store.busy_timeout(QUICK_SAVE_MS):
                self.session.store.sync_deck(deck, now=self.clock(), label=label)
        except QuizError as exc:  # the file is written: the next start syncs it
            self.notify(
                f"{exc}\nThe edit is in {label}; quiz syncs it when it next opens.",
                title="Edit saved, not synced",
                severity="error",
                timeout=10,
            )
            return
        self.decks.replace([deck])
        self.session.deck_changed(deck)
        self._pools.pop(deck.name, None)
        card = deck.card(item.card_id)
        self.notify(f"Saved to {label}; the card keeps its history.", timeout=3)
        if self.item is None or self.item.key != item.key:
            return
        self.item = replace(self.item, card=card)
        if self.phase == "answer" and isinstance(card, ClozeCard | BasicCard):
            self._regrade(card)

    def _regrade(self, card: AnswerCard) -> None:
        """The answer on screen again after an edit: what was typed graded against the
        card as it is now (a fixed answer key counts), the suggestion with it."""
        from quiz.grade import grade, suggest_rating

        verdicts = self._part(VerdictView)
        if self.choice is None and self.typed:
            verdict = grade(self.typed, card)
            self.outcome = _OUTCOME.get(verdict.kind, "wrong")
            duration = self._elapsed_ms(self.answered_at)
            self.suggested = int(suggest_rating(verdict, self.hint_count, duration))
            verdicts.show(
                verdict,
                hints=self.hint_count,
                others=self._others(card, verdict.matched),
                reading=card.display_hint,
            )
            self._offer_ratings()
        elif self.choice is None:
            verdicts.revealed(
                hints=self.hint_count, others=self._others(card, None), reading=card.display_hint
            )
        self._part(ClozeView).show(card, self.outcome, self.hints)

    def action_leave(self) -> None:
        if self.phase == "saving":
            self.notify("The answer is still being saved; Esc again once it is.", timeout=3)
            return
        self.finish()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "hint":
            return self.phase in ("question", "answer")
        if action == "accept":
            return self.phase in ("answer", "matched")
        if action == "number":
            return self.phase in ("answer", "matched", "playing", "choosing")
        if action == "letter":
            return self.phase in ("playing", "choosing", "answer", "matched")
        if action == "switch_choice":
            return self.phase in ("question", "choosing")
        if action in ("bury", "suspend", "flag", "cycle_flag"):
            return self.phase not in ("idle", "saving")
        if action == "undo":
            return self.phase not in ("question", "saving")
        if action == "undo_typing":
            return self.phase == "question"
        return True


def _shown(path: Path, root: Path | None) -> str:
    """A deck file as a message names it: relative to the collection folder when inside
    it (`decks/x.yaml`)."""
    try:
        return path.resolve().relative_to((root or Path.cwd()).resolve()).as_posix()
    except ValueError:
        return str(path)


def _ms(delta: timedelta) -> int:
    return int(delta / timedelta(milliseconds=1))


def _warm_up_and_freeze() -> None:
    """Load the grader's tables, then move them out of the garbage collector's sight.

    `gc.freeze()` puts every object alive now (the decks, the day's review order, the
    grader's tables: several hundred thousand on a 100,000-card collection) in the
    permanent generation. Without it a full collection walks them all, about 70 ms, once
    every few dozen answers, and that lands on a keypress. They live as long as the
    session anyway; objects made later are still collected as usual.
    """
    from quiz.grade import warm_up

    warm_up()
    gc.freeze()


def _save_until_unlocked(save: Callable[[], AnswerOutcome]) -> AnswerOutcome:
    """(Thread) `save()`, tried again for as long as another process holds the lock
    (each try waits the store's busy timeout); any other refusal is raised."""
    from textual.worker import get_current_worker

    from quiz.store import DatabaseLocked

    worker = get_current_worker()
    while True:
        try:
            return save()
        except DatabaseLocked:
            if worker.is_cancelled:
                raise
            time.sleep(SAVE_RETRY_PAUSE)
