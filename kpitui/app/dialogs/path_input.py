"""Ask for the path to save a plan to."""

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from kpitui.core.text.safe_text import visible


def check_save_path(text: str) -> Path:
    """A path a plan can be saved to: not empty, not a folder, in a folder that exists."""
    if not text.strip():
        raise ValueError("type a file name, for example plan.toml")
    path = Path(text.strip()).expanduser()
    if path.is_dir():
        raise ValueError(f"{visible(str(path))} is a folder: add a file name")
    if not path.absolute().parent.is_dir():
        raise ValueError(f"there is no folder {visible(str(path.absolute().parent))}")
    return path


class PathDialog(ModalScreen[Path | None]):
    """Save as: answers with a path that can be written, or None on Escape."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, current: Path | None) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Save the plan as (Enter saves, Escape cancels)", classes="question")
            yield Input(str(self.current) if self.current else "plan.toml", id="path")
            yield Label("", id="problem", classes="problem", markup=False)

    @on(Input.Changed)
    def check(self, event: Input.Changed) -> None:
        """Say what is wrong with the path while it is typed."""
        try:
            check_save_path(event.value)
            problem = ""
        except ValueError as error:
            problem = str(error)
        self.query_one("#problem", Label).update(problem)

    @on(Input.Submitted)
    def submit(self, event: Input.Submitted) -> None:
        """A good path closes the dialog; a bad one stays to be fixed."""
        try:
            self.dismiss(check_save_path(event.value))
        except ValueError as error:
            self.query_one("#problem", Label).update(str(error))
