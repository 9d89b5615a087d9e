"""Help: every key that works on the screen below, read from its bindings, and what the plan means."""

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from kpitui.app.commands import Key
from kpitui.app.safety import FailSafe
from kpitui.core.domain.plan import CRITERIA
from kpitui.core.domain.review import criterion_question
from kpitui.core.text.i18n import N_, _
from kpitui.core.text.vocabulary import criterion_name
from kpitui.core.text.wrapping import wrap

METHOD = N_(
    "The plan runs backwards from the goal: the goal gives the KGI (the orders this funnel must "
    "bring), and each stage's target is what, at its conversion rate, yields the next stage's target. "
    'Rounding "step" rounds every stage up from the one below; "once" rounds each stage once from '
    "the KGI. Rates are typed in percent: 25, 25% or 2.5."
)


KEY_WIDTH, HELP_WIDTH = 15, 51  # 68 cells a line: fits the dialog on an 80-column terminal
TEXT_WIDTH = KEY_WIDTH + 2 + HELP_WIDTH


def paragraph(title: str, text: str) -> str:
    """A title, then `text` filled to the dialog's width, so every paragraph has the same right edge."""
    return title + "\n" + "\n".join("  " + line for line in wrap(text, TEXT_WIDTH - 2)) + "\n"


def key_lines(title: str, rows: list[tuple[str, str]]) -> str:
    """A title, then one key a line with its help wrapped under itself."""
    lines = [title]
    for keys, help in rows:
        wrapped = wrap(help, HELP_WIDTH) or [""]
        if cell_len(keys) < KEY_WIDTH:
            lines.append("  " + keys + " " * (KEY_WIDTH - cell_len(keys)) + wrapped.pop(0))
        else:  # a long name (a criterion in Japanese) gets a line of its own
            lines.append("  " + keys)
        lines += [" " * (KEY_WIDTH + 2) + more for more in wrapped]
    return "\n".join(lines) + "\n"


class HelpScreen(FailSafe, ModalScreen[None]):
    """The keys it is given (read from the bindings of the screen below, so always true), what the
    screen's figures mean, and the method."""

    BINDINGS = [Binding("escape,f1,question_mark,q", "dismiss(None)", N_("Close"))]

    def __init__(self, keys: list[Key], enter: str = "", figures: str = "") -> None:
        super().__init__()
        self.keys = keys
        self.enter = enter  # what Enter does on the screen below: the table's own key, so no binding says it
        self.figures = figures

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Static(
                key_lines(
                    _("Keys (also in the command palette, ctrl+p)"),
                    [("enter", self.enter)] * bool(self.enter) + [(k.keys, k.help) for k in self.keys if k.ours],
                ),
                markup=False,
            )
            yield Static(key_lines(_("Moving around"), [(k.keys, k.title) for k in self.keys if not k.ours]), markup=False)
            if self.figures:
                yield Static(paragraph(_("What the figures mean"), self.figures), markup=False)
            yield Static(paragraph(_("The method"), _(METHOD)), markup=False)
            criteria = [(criterion_name(criterion), criterion_question(criterion)) for criterion in CRITERIA]
            yield Static(key_lines(_("Review criteria, for every KPI stage"), criteria), markup=False)
            yield Static(_("Escape closes this help."), markup=False, classes="hint")
