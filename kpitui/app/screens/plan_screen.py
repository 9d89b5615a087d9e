"""What the app's three screens share: they draw the one current plan, and edit it through dialogs."""

from collections.abc import Callable
from typing import Any

from textual import events
from textual.binding import ActiveBinding
from textual.screen import Screen

from kpitui.app.commands import in_language
from kpitui.app.safety import FailSafe
from kpitui.core.domain import edits
from kpitui.core.domain.plan import Plan
from kpitui.core.session.typed_input import (
    TYPED_GOAL_PARSERS,
    parse_percent_input,
    typed_goal_text,
)
from kpitui.core.text.formatting import format_decimal
from kpitui.core.text.i18n import N_, _, tr

RATE_HINT = N_("Percent: 25, 25% or 2.5. Enter keeps it, Escape cancels.")
TEXT_HINT = N_("Enter keeps it, Escape cancels.")
# Each goal field: its name in an editor's prompt, and what it is in the undo history.
GOAL_FIELDS = {
    "revenue": (N_("Revenue"), N_("revenue")),
    "average_deal": (N_("Average order value"), N_("average order")),
    "channel_share": (N_("Share of all orders this funnel brings (%)"), N_("channel share")),
    "orders": (N_("KGI: orders this funnel must bring"), "KGI"),
}


class PlanScreen(FailSafe, Screen):
    """A screen drawn from the app's plan: only while it shows, catching up when it shows again."""

    ENTER_HELP = ""
    """What Enter does here, for the help screen (Enter is the table's own key, not a binding of ours)."""
    FIGURES_HELP = ""
    """What the screen's figures mean, for the help screen."""

    def __init__(self) -> None:
        super().__init__()
        self.stale = False  # the plan changed while another screen was showing
        self.shown_before = False

    def on_mount(self) -> None:
        """Draw now and after every change (Textual also runs the subclasses' own on_mount)."""
        self.watch(self.app, "plan", self.plan_changed)

    def plan_changed(self, plan: Plan) -> None:
        if self.is_current:
            self.show_plan(plan)
        else:
            self.stale = True

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual restyles the whole screen when its mode comes back, in case the CSS changed
        # meanwhile; switch_mode restyles it anyway when it did (a theme change). The second pass
        # cost a third of a switch, and made every table draw all its lines again.
        # (This handler runs before Screen's own, which reads the flag.)
        event.refresh_styles = not self.shown_before
        if not self.shown_before:
            self.call_after_refresh(self.app.settle)  # its widgets live as long as the app
        self.shown_before = True
        # And switch_mode tells the CSS changed by a count that Textual records on a screen only
        # if it was mounted when restyled: a screen made on its first visit is not yet, so every
        # later visit restyled the whole app. It has the current styles now: record it.
        self._css_update_count = self.app._css_update_count
        if self.stale:
            self.stale = False
            self.show_plan(self.plan)

    def show_plan(self, plan: Plan) -> None:
        """Draw `plan` (each screen says how)."""
        raise NotImplementedError

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys that work now, described in the interface language (the footer, help and palette read them here)."""
        return in_language(super().active_bindings)

    @property
    def plan(self) -> Plan:
        """The plan as it stands now."""
        return self.app.document.plan

    def edit(self, prompt: str, value: str, parse: Callable[[str], Any], hint: str, apply: Callable[[Any], str | None]) -> None:
        """Open an editor on `value`; on Enter, `apply` makes the edit of the typed value (usually
        through `KpiApp.try_edit`) or answers why the plan refuses it, and the editor stays open
        with the reason under the typed text. Escape applies nothing."""
        from kpitui.app.dialogs.editor import Editor  # with its text widgets, loaded on the first edit

        self.app.push_screen(Editor(prompt, value, parse, _(hint), apply=apply))

    def edit_rate(self, name: str) -> None:
        """Edit stage `name`'s conversion rate to the next stage, typed in percent."""
        index = edits.stage_index(self.plan, name)
        stage = self.plan.stages[index]
        if stage.rate is None:
            self.notify(_("The KGI stage has no rate: its target is the goal itself."), timeout=4)
            return
        self.edit(
            tr("Rate of {stage} → {next} (%)", stage=name, next=self.plan.stages[index + 1].name),
            format_decimal(stage.rate * 100),
            parse_percent_input,
            RATE_HINT,
            lambda rate: self.app.try_edit(
                tr("rate of {stage}", stage=name), lambda p: edits.set_rate(p, edits.stage_index(p, name), rate)
            ),
        )

    def edit_goal_field(self, field: str) -> None:
        """Edit one field of the plan's goal: revenue, average_deal, channel_share or orders."""
        prompt, label = (_(text) for text in GOAL_FIELDS[field])
        if field in ("revenue", "average_deal"):
            prompt = tr(
                "{field} ({currency}); separators are fine: 1,000,000",
                field=prompt,
                currency=self.plan.currency or _("money"),
            )
        self.edit(
            prompt,
            typed_goal_text(field, getattr(self.plan.goal, field)),
            TYPED_GOAL_PARSERS[field],
            RATE_HINT if field == "channel_share" else TEXT_HINT,
            lambda figure: self.app.try_edit(label, lambda p: edits.set_goal(p, p.goal.with_overrides({field: figure}))),
        )
