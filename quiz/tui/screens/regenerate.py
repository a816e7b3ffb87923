"""Regenerate every deck from `seeds/` in a thread, with a progress bar; the app syncs after.

The work is `quiz.generate.collection.regenerate_one`, the same as `quiz generate`'s; the
generator (and with it jieba) is imported inside the worker thread only, so the study path
never loads it. The screen dismisses with the new decks (None when it failed).
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, LoadingIndicator, ProgressBar
from textual.worker import Worker, WorkerState

from quiz.deck import Deck
from quiz.errors import QuizError
from quiz.generate.collection import regenerate_one, seed_files


class RegenerateScreen(ModalScreen[list[Deck] | None]):
    """Runs the generator over every seed; Esc cancels between files."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root

    def compose(self) -> ComposeResult:
        with Vertical(id="regenerate-body") as body:
            body.border_title = "Regenerating decks"
            yield Label("Reading seeds…", id="regenerate-status", markup=False)
            yield LoadingIndicator()
            yield ProgressBar(id="regenerate-progress", show_eta=False)

    def on_mount(self) -> None:
        seeds = seed_files(self.root)
        if not seeds:
            self.notify(f"No seed texts in {self.root / 'seeds'}.", severity="warning")
            self.dismiss(None)
            return
        self.query_one(ProgressBar).update(total=len(seeds), progress=0)
        self.generate(seeds)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def generate(self, seeds: list[Path]) -> list[Deck]:
        from textual.worker import get_current_worker

        worker = get_current_worker()
        decks: list[Deck] = []
        for index, seed in enumerate(seeds):
            if worker.is_cancelled:
                break
            self.app.call_from_thread(self._progress, index, len(seeds), seed.name)
            try:
                decks.append(regenerate_one(seed, self.root / "decks"))
            except QuizError as exc:  # one bad seed or hand-edited deck never stops the rest
                self.app.call_from_thread(
                    self.app.notify, f"{exc}; kept as it is", severity="warning", timeout=10
                )
        self.app.call_from_thread(self._progress, len(seeds), len(seeds), "")
        return decks

    def _progress(self, done: int, total: int, name: str) -> None:
        status = f"Generating {name} ({done + 1} of {total})" if name else "Syncing…"
        self.query_one("#regenerate-status", Label).update(status)
        self.query_one(ProgressBar).update(progress=done)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.SUCCESS:
            self.dismiss(event.worker.result)
        elif event.state == WorkerState.ERROR:
            self.notify(f"Regenerating failed: {event.worker.error}", severity="error", timeout=10)
            self.dismiss(None)
        elif event.state == WorkerState.CANCELLED:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.workers.cancel_all()
