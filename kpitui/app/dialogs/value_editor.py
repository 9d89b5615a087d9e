"""Edit one value: opens with the current value selected, refuses bad input where it is typed."""

from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from kpitui.app.safety import FailSafe
from kpitui.app.widgets.plan_text import PlanInput
from kpitui.core.text.safe_text import visible


class ValueEditor(FailSafe, ModalScreen[Any]):
    """Answers with `parse(text)` on Enter, or None on Escape.

    The editor opens on `value` shown literally (hidden characters as escapes); `parse` gets the
    text the user means, with the hidden characters they left alone given back.

    `parse` raises ValueError with a message for the user; the dialog then stays open with the
    typed text and the message, so nothing typed is lost.
    """

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, prompt: str, value: str, parse: Callable[[str], Any], hint: str = "") -> None:
        super().__init__()
        self.prompt = prompt
        self.value = value
        self.parse = parse
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.prompt, markup=False, classes="question")
            yield PlanInput(self.value, id="value")
            yield Label(self.hint, id="hint", markup=False, classes="hint")
            yield Label("", id="problem", markup=False, classes="problem")

    def problem_with(self, text: str) -> str:
        """What is wrong with `text`, or "" when it can be taken."""
        try:
            self.parse(text)
        except ValueError as error:
            return visible(str(error))
        return ""

    @on(Input.Changed)
    def check(self, event: Input.Changed) -> None:
        """Say what is wrong while it is typed."""
        problem = self.problem_with(self.query_one(PlanInput).text)
        self.query_one("#problem", Label).update(problem)
        event.input.set_class(bool(problem), "-invalid")

    @on(Input.Submitted)
    def submit(self, event: Input.Submitted) -> None:
        """Commit a good value; keep a bad one open with its problem shown."""
        try:
            value = self.parse(self.query_one(PlanInput).text)
        except ValueError as error:
            self.query_one("#problem", Label).update(visible(str(error)))
            event.input.set_class(True, "-invalid")
            return
        self.dismiss(value)
