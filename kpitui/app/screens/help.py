"""Help: every key that works on the screen below, read from its bindings, and what the plan means."""

import textwrap

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from kpitui.app.commands import Key
from kpitui.app.safety import FailSafe
from kpitui.core.domain.plan import CRITERIA
from kpitui.core.domain.review import criterion_question

METHOD = (
    "The plan runs backwards from the goal: the goal gives the KGI (the orders this funnel must "
    "bring), and each stage's target is what, at its conversion rate, yields the next stage's target. "
    'Rounding "step" rounds every stage up from the one below; "once" rounds each stage once from '
    "the KGI. Rates are typed in percent: 25, 25% or 2.5."
)


KEY_WIDTH, HELP_WIDTH = 15, 51  # 68 cells a line: fits the dialog on an 80-column terminal
TEXT_WIDTH = KEY_WIDTH + 2 + HELP_WIDTH


def paragraph(title: str, text: str) -> str:
    """A title, then `text` filled to the dialog's width, so every paragraph has the same right edge."""
    return title + "\n" + textwrap.fill(text, TEXT_WIDTH, initial_indent="  ", subsequent_indent="  ") + "\n"


def key_lines(title: str, rows: list[tuple[str, str]]) -> str:
    """A title, then one key a line with its help wrapped under itself."""
    lines = [title]
    for keys, help in rows:
        wrapped = textwrap.wrap(help, HELP_WIDTH) or [""]
        lines.append(f"  {keys:<{KEY_WIDTH}}{wrapped[0]}")
        lines += [" " * (KEY_WIDTH + 2) + more for more in wrapped[1:]]
    return "\n".join(lines) + "\n"


class HelpScreen(FailSafe, ModalScreen[None]):
    """The keys it is given (read from the bindings of the screen below, so always true), what the
    screen's figures mean, and the method."""

    BINDINGS = [Binding("escape,f1,question_mark,q", "dismiss(None)", "Close")]

    def __init__(self, keys: list[Key], enter: str = "", figures: str = "") -> None:
        super().__init__()
        self.keys = keys
        self.enter = enter  # what Enter does on the screen below: the table's own key, so no binding says it
        self.figures = figures

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Static(
                key_lines(
                    "Keys (also in the command palette, ctrl+p)",
                    [("enter", self.enter)] * bool(self.enter) + [(k.keys, k.help) for k in self.keys if k.ours],
                ),
                markup=False,
            )
            yield Static(key_lines("Moving around", [(k.keys, k.title) for k in self.keys if not k.ours]), markup=False)
            if self.figures:
                yield Static(paragraph("What the figures mean", self.figures), markup=False)
            yield Static(paragraph("The method", METHOD), markup=False)
            criteria = [(criterion, criterion_question(criterion)) for criterion in CRITERIA]
            yield Static(key_lines("Review criteria, for every KPI stage", criteria), markup=False)
            yield Static("Escape closes this help.", markup=False, classes="hint")
