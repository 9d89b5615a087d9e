"""A question with a few answers, each a button and a key."""

from typing import NamedTuple

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button

from kpitui.app.safety import FailSafe
from kpitui.app.widgets.prose import Prose
from kpitui.core.text.i18n import N_


class Choice(NamedTuple):
    """One answer: what `dismiss` returns, the button's label, and its key."""

    value: str
    label: str
    key: str


class ChoiceDialog(FailSafe, ModalScreen[str]):
    """Ask `question`; answers with the chosen value, or "cancel" on Escape."""

    BINDINGS = [Binding("escape", "dismiss('cancel')", N_("Cancel"))]

    def __init__(self, question: str, choices: list[Choice]) -> None:
        super().__init__()
        self.question = question
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Prose(self.question, classes="question")
            with Horizontal(classes="buttons"):
                for index, choice in enumerate(self.choices):
                    yield Button(
                        f"{choice.label} ({choice.key})",
                        id=f"choice-{choice.value}",
                        variant="primary" if index == 0 else "default",
                    )

    def on_key(self, event) -> None:
        """Each answer's key picks it."""
        for choice in self.choices:
            if event.key == choice.key:
                event.stop()
                self.dismiss(choice.value)

    @on(Button.Pressed)
    def chosen(self, event: Button.Pressed) -> None:
        """A button picks its answer."""
        self.dismiss(str(event.button.id).removeprefix("choice-"))
