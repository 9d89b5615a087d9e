"""The Funnel screen: edit the goal and the stages in place and watch every target follow."""

from decimal import Decimal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Header

from kpitui.app.commands import key_display
from kpitui.app.screens.plan_screen import GOAL_FIELDS, TEXT_HINT, PlanScreen
from kpitui.app.widgets.funnel_chart import FunnelChart
from kpitui.app.widgets.goal_table import DERIVED, GoalTable
from kpitui.app.widgets.key_footer import KeyFooter
from kpitui.app.widgets.screen_tabs import ScreenTabs
from kpitui.app.widgets.stage_table import StageTable
from kpitui.core.domain import edits, funnel
from kpitui.core.domain.plan import Goal, Plan
from kpitui.core.session.typed_input import TYPED_GOAL_PARSERS, parse_typed_months
from kpitui.core.text.formatting import format_count
from kpitui.core.text.i18n import N_, _, tr


class FunnelScreen(PlanScreen):
    """Goal and settings on the left, the funnel picture on the right, the stage table below."""

    ENTER_HELP = N_(
        "Edit the cell under the cursor; on the goal table, edit the row or switch the goal kind and "
        "rounding; on a calculated figure, say where it comes from."
    )
    FIGURES_HELP = N_(
        "Target: what the stage must reach so that, at its rate, the next stage reaches its target. "
        "Monthly: the target spread over the plan's months, rounded up. Of top: the target as a share of "
        "the top of the funnel. The KGI stage is marked ◆; the funnel picture is on a log scale."
    )
    AUTO_FOCUS = "#stages"  # on start the stage table has the focus, on the first stage
    BINDINGS = [
        Binding(
            "r",
            "edit_rate",
            N_("Rate"),
            id="funnel.rate",
            tooltip=N_("Edit the selected stage's conversion rate to the next stage, in percent."),
        ),
        Binding("a", "add_stage", N_("Add"), id="funnel.add", tooltip=N_("Add a stage just above the KGI stage.")),
        Binding(
            "i",
            "insert_stage",
            N_("Insert"),
            show=False,
            id="funnel.insert",
            tooltip=N_("Insert a stage above the selected one."),
        ),
        Binding(
            "delete,d",
            "delete_stage",
            N_("Delete"),
            id="funnel.delete",
            tooltip=N_("Delete the selected stage with its overrides and review (undo brings them back)."),
        ),
        Binding(
            "shift+up",
            "move_stage(-1)",
            N_("Move up"),
            show=False,
            id="funnel.move_up",
            tooltip=N_("Move the stage up the funnel."),
        ),
        Binding(
            "shift+down",
            "move_stage(1)",
            N_("Move down"),
            show=False,
            id="funnel.move_down",
            tooltip=N_("Move the stage down the funnel."),
        ),
        Binding(
            "o",
            "toggle_rounding",
            N_("Rounding"),
            show=False,
            id="funnel.rounding",
            tooltip=N_("Switch between rounding stage by stage and rounding once from the KGI."),
        ),
        Binding(
            "g",
            "focus_goal",
            N_("Goal"),
            show=False,
            id="funnel.goal",
            tooltip=N_("Move to the goal table (Tab also moves between the tables)."),
        ),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield ScreenTabs("funnel")
        with Horizontal(id="overview"):
            yield GoalTable(id="goal")
            yield FunnelChart(id="chart")
        yield StageTable(id="stages")
        yield KeyFooter()

    def on_mount(self) -> None:
        # The key is read from the bindings, so a keymap never makes the hint wrong.
        self.table.border_subtitle = tr("Enter edits · {key} rate", key=key_display(self, "funnel.rate"))

    def show_plan(self, plan: Plan) -> None:
        """Show `plan`: every figure comes from the core's one calculation."""
        calculation = funnel.calculate(plan)
        self.query_one(GoalTable).show(plan, calculation)
        self.query_one(FunnelChart).show(plan, calculation)
        self.query_one(StageTable).show(plan, calculation)

    # Helpers ---------------------------------------------------------------------------------------

    @property
    def table(self) -> StageTable:
        return self.query_one(StageTable)

    # Stage edits -----------------------------------------------------------------------------------

    @on(StageTable.EditRequested)
    def edit_stage(self, event: StageTable.EditRequested) -> None:
        """Enter (or a click) on a stage cell edits that field; figures explain where they come from."""
        if event.stage not in self.plan.stage_names():
            return  # gone between the click and now (an undo, say): nothing left to edit
        if event.field == "rate":
            self.edit_rate(event.stage)
        elif event.field == "name":
            self.edit_name(event.stage)
        elif event.field in ("metric", "owner"):
            self.edit_text(event.stage, event.field)
        else:
            self.notify(_("Targets are calculated from the KGI and the rates: edit a rate (r) or the goal (g)."), timeout=4)

    def action_edit_rate(self) -> None:
        """Edit the selected stage's conversion rate to the next stage, in percent."""
        self.edit_rate(self.table.selected_stage)

    # An editor's edit applies to the stage it was opened on, found by name when it is committed.

    def edit_name(self, old: str) -> None:
        self.edit(
            _("Stage name (its scenario overrides and review follow it)"),
            old,
            lambda text: edits.check_stage_name(self.plan, text, edits.stage_index(self.plan, old)),
            TEXT_HINT,
            lambda name: self.app.try_edit(
                tr("rename {old} to {new}", old=old, new=name),
                lambda p: edits.rename_stage(p, edits.stage_index(p, old), name),
            ),
        )

    def edit_text(self, name: str, field: str) -> None:
        stage = self.plan.stages[edits.stage_index(self.plan, name)]
        if field == "metric":
            prompt, label = (
                tr("Metric: what exactly is counted — {stage}", stage=stage.name),
                tr("metric of {stage}", stage=stage.name),
            )
        else:
            prompt, label = tr("Owner — {stage}", stage=stage.name), tr("owner of {stage}", stage=stage.name)
        self.edit(
            prompt,
            getattr(stage, field),
            str,
            TEXT_HINT,
            lambda text: self.app.try_edit(
                label, lambda p: edits.set_stage_text(p, edits.stage_index(p, stage.name), field, text)
            ),
        )

    def action_add_stage(self) -> None:
        """Add a stage just above the KGI stage."""
        index = len(self.plan.stages) - 1
        if self.app.apply_edit(_("add a stage"), lambda p: edits.insert_stage(p, index)):
            self.table.move_cursor(row=index, column=0)

    def action_insert_stage(self) -> None:
        """Insert a stage above the selected one."""
        index = self.table.selected_index
        if self.app.apply_edit(_("insert a stage"), lambda p: edits.insert_stage(p, index)):
            self.table.move_cursor(row=index, column=0)

    def action_delete_stage(self) -> None:
        """Delete the selected stage with its overrides and review (undo brings them back)."""
        index = self.table.selected_index
        name = self.plan.stages[index].name
        if self.app.apply_edit(tr("delete {stage}", stage=name), lambda p: edits.delete_stage(p, index)):
            self.notify(
                tr("Deleted {name}. {key} brings it back.", name=name, key=key_display(self, "undo")), markup=False, timeout=3
            )

    def action_move_stage(self, offset: int) -> None:
        """Move the selected KPI stage up or down the funnel."""
        index = self.table.selected_index
        name = self.plan.stages[index].name
        if self.app.apply_edit(tr("move {stage}", stage=name), lambda p: edits.move_stage(p, index, offset)):
            self.table.move_cursor(row=index + offset)

    def action_toggle_rounding(self) -> None:
        """Switch between rounding stage by stage and rounding once from the KGI."""
        self.app.apply_edit(_("switch rounding"), edits.toggle_rounding)

    def action_focus_goal(self) -> None:
        """Move to the goal table (Tab also moves between the tables)."""
        self.set_focus(self.query_one(GoalTable))  # now, not after the keys already sent with g (focus() waits)

    # Goal edits ------------------------------------------------------------------------------------

    def set_months(self, months: int) -> str | None:
        """Change the plan's length, and say so when its seasonality could not stay; or say why not."""
        before = self.plan
        refusal = self.app.try_edit(_("months"), lambda p: edits.set_months(p, months))
        note = None if refusal is not None else edits.calendar_note(before, self.app.document.plan)
        if note is not None:
            self.notify(note, title=_("Months changed"), markup=False, timeout=8)
        return refusal

    def switch_goal_kind(self) -> None:
        """Revenue to a count keeps the KGI; back to revenue restores the team's figures, or asks for them."""
        remembered = self.app.document.remembered_revenue_goal()
        if not self.plan.goal.is_count_driven or remembered is not None:
            kgi_before = funnel.kgi(self.plan.goal)
            if self.app.apply_edit(_("switch the goal kind"), lambda p: edits.toggle_goal_kind(p, remembered)):
                kgi_after = funnel.kgi(self.plan.goal)
                if kgi_after != kgi_before:
                    self.notify(
                        tr(
                            "Back to the revenue figures: the KGI is {kgi} again (was {before}).",
                            kgi=format_count(kgi_after),
                            before=format_count(kgi_before),
                        ),
                        markup=False,
                        timeout=5,
                    )
            return
        currency = self.plan.currency or _("money")
        parse_money = TYPED_GOAL_PARSERS["revenue"]

        def with_revenue(revenue: Decimal) -> None:
            """The revenue alone breaks no rule: ask for the average order once its editor has closed."""
            self.call_later(
                self.edit,
                tr("Average order value ({currency})", currency=currency),
                "",
                parse_money,
                TEXT_HINT,
                lambda deal: self.app.try_edit(
                    _("switch the goal kind"), lambda p: edits.set_goal(p, Goal(revenue=revenue, average_deal=deal))
                ),
            )

        self.edit(
            tr("Revenue target ({currency}): the goal becomes revenue-driven", currency=currency),
            "",
            parse_money,
            TEXT_HINT,
            with_revenue,
        )

    @on(GoalTable.EditRequested)
    def edit_goal(self, event: GoalTable.EditRequested) -> None:
        """Enter on a goal row edits it, or switches it for the goal kind and rounding."""
        field = event.field
        plan = self.plan
        if field in DERIVED:
            self.notify(_("Calculated from revenue, average order and channel share."), timeout=4)
        elif field == "kind":
            self.switch_goal_kind()
        elif field == "rounding":
            self.action_toggle_rounding()
        elif field in GOAL_FIELDS:
            self.edit_goal_field(field)
        elif field == "months":
            self.edit(
                _("Months the plan spans (1-120)"),
                str(plan.months),
                parse_typed_months,
                TEXT_HINT,
                self.set_months,
            )
        elif field in ("title", "currency"):
            change = edits.set_title if field == "title" else edits.set_currency
            self.edit(
                _("Title (empty: named after the file)") if field == "title" else _("Currency (display only)"),
                getattr(plan, field),
                str,
                TEXT_HINT,
                lambda text: self.app.try_edit(_("title") if field == "title" else _("currency"), lambda p: change(p, text)),
            )
