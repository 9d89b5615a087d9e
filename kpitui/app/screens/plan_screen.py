"""What the app's three screens share: they draw the one current plan, and edit it through dialogs."""

from collections.abc import Callable
from typing import Any

from textual.screen import Screen

from kpitui.app.dialogs.value_editor import ValueEditor
from kpitui.core.plan import Plan


class PlanScreen(Screen):
    """A screen drawn from the app's plan: only while it shows, catching up when it shows again."""

    def __init__(self) -> None:
        super().__init__()
        self.stale = False  # the plan changed while another screen was showing

    def on_mount(self) -> None:
        """Draw now and after every change (Textual also runs the subclasses' own on_mount)."""
        self.watch(self.app, "plan", self.plan_changed)

    def plan_changed(self, plan: Plan) -> None:
        if self.is_current:
            self.show_plan(plan)
        else:
            self.stale = True

    def on_screen_resume(self) -> None:
        if self.stale:
            self.stale = False
            self.show_plan(self.plan)

    def show_plan(self, plan: Plan) -> None:
        """Draw `plan` (each screen says how)."""
        raise NotImplementedError

    @property
    def plan(self) -> Plan:
        """The plan as it stands now."""
        return self.app.document.plan

    def edit(self, prompt: str, value: str, parse: Callable[[str], Any], hint: str, apply: Callable[[Any], None]) -> None:
        """Open an editor on `value`; a value that parses is handed to `apply` (Escape hands nothing)."""

        def done(result: Any) -> None:
            if result is not None:
                apply(result)

        self.app.push_screen(ValueEditor(prompt, value, parse, hint), done)
