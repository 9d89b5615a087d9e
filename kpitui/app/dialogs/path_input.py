"""Ask for a file path: to save the plan to, or to open a plan from."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from kpitui.app.background import in_background
from kpitui.app.safety import FailSafe
from kpitui.app.widgets.plan_text import PlanInput
from kpitui.core.text.safe_text import visible


def check_save_path(path: Path) -> Path:
    """A path a plan can be saved to: not a folder, in a folder that exists."""
    if path.is_dir():
        raise ValueError(f"{visible(str(path))} is a folder: add a file name")
    if not path.absolute().parent.is_dir():
        raise ValueError(f"there is no folder {visible(str(path.absolute().parent))}")
    return path


class PathDialog(FailSafe, ModalScreen[Any]):
    """Answers with `open(path)` for the path typed, or None on Escape.

    Nothing touches the file system while the path is typed: on Enter, `open` runs off the UI
    thread (a FIFO or a hung network folder would block it for good), and its ValueError is
    shown for the path to be fixed. Escape cancels even while it runs.
    """

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, prompt: str, current: str, open: Callable[[Path], Any], hint: str = "") -> None:
        super().__init__()
        self.prompt = prompt
        self.current = current
        self.open = open
        self.hint = hint
        self.tries = 0  # answers to an earlier Enter than the last are not wanted any more

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.prompt, markup=False, classes="question")
            yield PlanInput(self.current, id="path")
            yield Label(self.hint, id="hint", markup=False, classes="hint")
            yield Label("", id="problem", classes="problem", markup=False)

    def say(self, problem: str) -> None:
        self.query_one("#problem", Label).update(problem)

    @on(Input.Changed)
    def typed(self) -> None:
        self.say("")

    @on(Input.Submitted)
    def submit(self, event: Input.Submitted) -> None:
        """Try the path off the UI thread; a good one closes the dialog, a bad one stays to be fixed."""
        text = self.query_one(PlanInput).text
        if not text.strip():
            self.say("type a file name, for example plan.toml")
            return
        self.tries += 1
        tried = self.tries
        path = Path(text.strip()).expanduser()
        self.say(f"Checking {visible(str(path))}…")

        def answered(result: Any) -> None:
            if tried != self.tries or not self.is_attached:
                return
            if isinstance(result, ValueError):
                self.say(visible(str(result)))
            elif isinstance(result, Exception):
                self.say("")
                self.app.rescue(result)
            else:
                self.dismiss(result)

        in_background(self.app, lambda: self.open(path), answered)


def save_as_dialog(current: Path | None) -> PathDialog:
    """Ask where to save the plan, starting from its file (or plan.toml)."""
    return PathDialog("Save the plan as (Enter saves, Escape cancels)", str(current) if current else "plan.toml", check_save_path)
