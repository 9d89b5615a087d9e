"""Help: every key that works on the screen below, read from its bindings, and what the plan means."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

ABOUT = """\
The plan runs backwards from the goal: the goal gives the KGI (orders this funnel must bring);
each stage's target is what, at its conversion rate, yields the next stage's target.
Rounding "step" rounds every stage up from the one below; "once" rounds each stage once from
the KGI. Rates are typed in percent: 25, 25% or 2.5.

Review criteria, for every KPI stage:
  alignment      does reaching this KPI really lead to the KGI?
  measurability  can it be counted regularly and reliably, ideally by a tool?
  simplicity     do the people doing the work understand it at once?
  contingency    is there an agreed recovery plan for when it is missed?
"""


class HelpScreen(ModalScreen[None]):
    """Keys of the screen below (they come from its bindings, so this list is always true)."""

    BINDINGS = [Binding("escape,f1,question_mark,q", "dismiss(None)", "Close")]

    def __init__(self, below: Screen) -> None:
        super().__init__()
        self.below = below

    def compose(self) -> ComposeResult:
        lines = ["Keys (also in the command palette, ctrl+p)", ""]
        seen = set()
        for active in self.below.active_bindings.values():
            binding = active.binding
            if not binding.description or (binding.action, binding.description) in seen:
                continue
            seen.add((binding.action, binding.description))
            lines.append(f"  {self.app.get_key_display(binding):<14} {binding.description}")
        with VerticalScroll(classes="dialog help"):
            yield Static("\n".join(lines), markup=False)
            yield Static(ABOUT, markup=False)
            yield Static("Escape closes this help.", markup=False, classes="hint")
