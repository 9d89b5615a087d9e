"""The Progress screen: the monthly PDCA meeting, drawn from the core's one status function."""

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import var
from textual.widgets import Header

from kpitui.app.commands import key_display
from kpitui.app.dialogs.actuals_import import ImportPreview, import_dialog
from kpitui.app.screens.plan_screen import PlanScreen
from kpitui.app.widgets.key_footer import KeyFooter
from kpitui.app.widgets.marks import no_value
from kpitui.app.widgets.progress_grid import GridCell, MonthGrid
from kpitui.app.widgets.progress_table import ProgressTable
from kpitui.app.widgets.prose import Prose
from kpitui.app.widgets.screen_tabs import ScreenTabs
from kpitui.core.domain import actuals, edits, scenarios
from kpitui.core.domain.calendar import MonthlyPlan, monthly_plan
from kpitui.core.domain.months import Month, read_month
from kpitui.core.domain.plan import Plan
from kpitui.core.domain.progress import PlanStatus, status
from kpitui.core.session.typed_input import parse_typed_count
from kpitui.core.text.findings import rate_findings
from kpitui.core.text.formatting import format_count
from kpitui.core.text.i18n import N_, _, join_sentences, tr
from kpitui.core.text.safe_text import is_blank, one_line, visible
from kpitui.core.text.vocabulary import state_label

REMOVE = ""  # what the count editor answers for an empty value: remove the record (Escape answers None)


def parse_actual(text: str) -> int | str:
    """A count typed into the grid; empty means "not recorded"."""
    return REMOVE if not text.strip() else parse_typed_count(text)


def parse_start(text: str) -> Month:
    """The plan's first month, typed `2026-04`, `2026/4` or `2026年4月`."""
    month = read_month(text)
    if month is None:
        raise ValueError(_("type a month like 2026-04"))
    return month


class WorkedOut:
    """The figures worked out for the plan shown, kept until the plan changes: [ and ] go back and
    forth over months whose status was taken already, and the month-by-month plan is the same for all."""

    def __init__(self) -> None:
        self.plan: Plan | None = None
        self.statuses: dict[Month | None, PlanStatus] = {}
        self.schedule: MonthlyPlan | None = None

    def of(self, plan: Plan) -> None:
        if plan is not self.plan:  # a plan is a value: an edit makes a new one
            self.plan, self.statuses, self.schedule = plan, {}, None

    def status(self, plan: Plan, month: Month | None) -> PlanStatus:
        """The status of `plan` as of `month` (None: the last month with actuals)."""
        self.of(plan)
        if month not in self.statuses:
            self.statuses[month] = status(plan, month)
        return self.statuses[month]

    def monthly_plan(self, plan: Plan) -> MonthlyPlan:
        """The month-by-month plan of every stage."""
        self.of(plan)
        if self.schedule is None:
            self.schedule = monthly_plan(plan)
        return self.schedule


class ProgressScreen(PlanScreen):
    """The as-of month and what it means; the stages behind with their contingency plans; the pace; the month grid."""

    AUTO_FOCUS = "#progress-grid"
    BINDINGS = [
        Binding(
            "left_square_bracket",
            "move_as_of(-1)",
            N_("Earlier"),
            show=False,
            id="progress.earlier",
            tooltip=N_("Show the status as of the month before."),
        ),
        Binding(
            "right_square_bracket",
            "move_as_of(1)",
            N_("Later"),
            show=False,
            id="progress.later",
            tooltip=N_("Show the status as of the month after."),
        ),
        Binding(
            "i",
            "import_csv",
            N_("Import"),
            id="progress.import",
            tooltip=N_("Import actual counts from a CSV export, after a preview."),
        ),
        Binding(
            "o",
            "observed_scenario",
            N_("Observed"),
            id="progress.observed",
            tooltip=N_('Make a scenario "Observed YYYY-MM" from the rates seen, to compare on the What-if screen.'),
        ),
        Binding(
            "j",
            "jump_to_review",
            N_("Review"),
            id="progress.review",
            tooltip=N_("Go to the KPI behind plan on the Review screen, where its contingency plan is written."),
        ),
        Binding(
            "s",
            "edit_start",
            N_("Start month"),
            show=False,
            id="progress.start",
            tooltip=N_("Set the plan's first month: actuals are recorded by calendar month."),
        ),
    ]

    as_of: var[Month | None] = var(None)
    """The month the status is taken at; None follows the last month with actuals."""

    def __init__(self) -> None:
        super().__init__()
        self.result: PlanStatus | None = None
        self.worked_out = WorkedOut()

    @property
    def ENTER_HELP(self) -> str:  # type: ignore[override]  # noqa: N802 - read like the other screens' constant
        """What Enter does here, in the interface language."""
        return _(
            "In the month grid: type the actual count of the stage in that month (empty removes the record). "
            "In the pace table: nothing; move to the grid with Tab."
        )

    @property
    def FIGURES_HELP(self) -> str:  # type: ignore[override]  # noqa: N802
        """What the figures mean, in the interface language."""
        return _(
            "As of the month shown: Actual and Plan to date; Attained is actual ÷ plan to date, rounded down, "
            "with a bar whose │ marks on pace (100 %); the status: on track at or above plan, at risk from "
            "the plan's behind-below share, behind under it. Forecast keeps the pace to the year's end; "
            "Need/mo is what each remaining month needs to reach the target. Seen is the next stage's actual "
            "÷ this one's; the bottleneck (▾ where the word does not fit) falls furthest below its planned "
            "rate. The grid shows actual / planned for every month."
        )

    def compose(self) -> ComposeResult:
        yield Header()
        yield ScreenTabs("progress")
        yield Prose(id="progress-summary")
        yield Prose(id="progress-behind")
        yield ProgressTable(id="progress-stages")
        yield MonthGrid(id="progress-grid")
        yield KeyFooter()

    @property
    def grid(self) -> MonthGrid:
        return self.query_one(MonthGrid)

    @property
    def table(self) -> ProgressTable:
        return self.query_one(ProgressTable)

    def watch_as_of(self) -> None:
        """The figures follow the month."""
        if self.is_mounted:
            self.show_plan(self.plan)

    # Drawing --------------------------------------------------------------------------------------

    def shown_month(self, plan: Plan) -> Month | None:
        """The as-of month chosen, while it is a month of the plan; else None (the last with actuals)."""
        if self.as_of is not None and plan.month_number(self.as_of) is not None:
            return self.as_of
        return None

    def show_plan(self, plan: Plan) -> None:
        """Take the status as of the month, and draw every part of the screen from it."""
        result = self.worked_out.status(plan, self.shown_month(plan))
        first = self.result is None
        self.result = result
        with self.app.batch_update():
            self.query_one("#progress-summary", Prose).update(self.summary(plan, result))
            self.show_behind(result)
            self.table.show(result)
            self.grid.show(plan, self.worked_out.monthly_plan(plan), result.months_elapsed)
            if first:  # open on the as-of month, where the meeting starts
                self.grid.select_column(max(0, result.months_elapsed - 1))

    def summary(self, plan: Plan, result: PlanStatus) -> str:
        """The as-of month and the keys that change it; what the rates seen mean at the top; the bottleneck."""
        if plan.start is None:
            return tr(
                "This plan has no calendar yet: set its first month ({key}) to record actual counts.",
                key=key_display(self, "progress.start"),
            )
        keys = f"{key_display(self, 'progress.earlier')} {key_display(self, 'progress.later')}"
        if not result.recorded:
            return tr(
                "Nothing recorded yet: type counts in the grid (Enter) or import a CSV ({key}); {keys} pick a month.",
                key=key_display(self, "progress.import"),
                keys=keys,
            )
        lines = [
            tr(
                "As of {month} (month {number} of {months}) · {keys} change the month",
                month=str(result.as_of),
                number=result.months_elapsed,
                months=result.months,
                keys=keys,
            )
        ]
        lines += rate_findings(result)
        return lines[0] + "\n" + join_sentences(lines[1:])

    def show_behind(self, result: PlanStatus) -> None:
        """Every stage behind with its agreed recovery; the panel shows only while a stage is behind."""
        panel = self.query_one("#progress-behind", Prose)
        panel.display = result.any_behind
        if not result.any_behind:
            return
        review_key = key_display(self, "progress.review")
        panel.border_title = tr("Behind plan · {key} opens its review", key=review_key)
        lines = []
        for item in result.behind:
            row = result.stage(item.stage)
            head = tr(
                "✗ {stage}: {actual} of {planned} planned to date ({attained}%)",
                stage=visible(item.stage),
                actual=format_count(row.actual_to_date or 0),
                planned=format_count(row.plan_to_date),
                attained=f"{row.attainment_shown:f}" if row.attainment_shown is not None else no_value(),
            )
            if row.needed_per_month:
                head += tr("; needs {count} a month from now on", count=format_count(row.needed_per_month))
            if item.contingency is None:
                recovery = _("the KGI stage: the stages above it are where to act")
            elif not is_blank(item.contingency_plan):
                recovery = tr(
                    "contingency plan ({state}): {plan}",
                    state=state_label(item.contingency.value),
                    plan=one_line(item.contingency_plan),
                )
            else:
                recovery = tr(
                    "no contingency plan written ({state}): write it on the Review screen ({key})",
                    state=state_label(item.contingency.value),
                    key=review_key,
                )
            lines.append(head + _(" · ") + recovery if self.has_class("-short") else f"{head}\n  {recovery}")
        panel.update("\n".join(lines))

    def on_resize(self) -> None:
        """Behind stages take one line each on a short terminal, two on a tall one."""
        if self.result is not None:
            self.show_behind(self.result)

    # Recording actuals ---------------------------------------------------------------------------

    @on(MonthGrid.EditRequested)
    def edit_actual(self, event: MonthGrid.EditRequested) -> None:
        """Enter on a month cell: type the stage's count for that month; empty removes the record."""
        cell = event.cell
        if cell.month is None:
            self.notify(self.summary(self.plan, self.result or self.worked_out.status(self.plan, None)), markup=False, timeout=4)
            return
        current = actuals.recorded(self.plan, cell.month, cell.stage)
        self.edit(
            tr("Actual count of {stage} in {month}", stage=cell.stage, month=cell.label),
            "" if current is None else str(current),
            parse_actual,
            _("A whole number, 0 or more (1,510 and １５１０ work); empty removes it. Enter keeps it, Escape cancels."),
            lambda count: self.record(cell, count),
        )

    def record(self, cell: GridCell, count: int | str) -> str | None:
        """Record (or remove) the count of the cell the edit started on, as one undo step; or say why not."""
        stage, month = cell.stage, cell.month
        assert month is not None
        value = None if count == REMOVE else count
        if value is None:
            label = tr("removed actual of {stage} in {month}", stage=stage, month=str(month))
        else:
            label = tr("actual of {stage} in {month}", stage=stage, month=str(month))
        return self.app.try_edit(label, lambda plan: actuals.set_actual(plan, month, stage, value))  # type: ignore[arg-type]

    def action_edit_start(self) -> None:
        """Set the plan's first month."""
        start = self.plan.start
        self.edit(
            _("The plan's first month"),
            str(start) if start is not None else "",
            parse_start,
            _("Like 2026-04 (a fiscal year starting in April). Enter keeps it, Escape cancels."),
            lambda month: self.app.try_edit(_("start month"), lambda plan: edits.set_start(plan, month)),
        )

    # The as-of month ------------------------------------------------------------------------------

    def action_move_as_of(self, step: int) -> None:
        """Show the status as of the month before (-1) or after (+1); the grid's cursor follows."""
        months = self.plan.calendar_months()
        if not months:
            self.notify(self.summary(self.plan, self.worked_out.status(self.plan, None)), markup=False, timeout=4)
            return
        elapsed = self.result.months_elapsed if self.result is not None else 0
        index = elapsed - 1 + step
        if not 0 <= index < len(months):
            self.notify(_("That is the plan's first month.") if step < 0 else _("That is the plan's last month."), timeout=2)
            return
        self.as_of = months[index]
        self.grid.select_column(index)

    # From the meeting to action ---------------------------------------------------------------------

    def selected_stage(self) -> str | None:
        """The stage under the cursor of the table that has the focus (the grid otherwise)."""
        return self.table.selected_stage if self.table.has_focus else self.grid.selected_stage

    def review_target(self) -> str | None:
        """The KPI to open on the Review screen: the selected one if behind, else the first behind, else the selected."""
        kpis = {stage.name for stage in self.plan.kpi_stages}
        behind = [item.stage for item in (self.result.behind if self.result else ()) if item.stage in kpis]
        selected = self.selected_stage()
        if selected in behind or (not behind and selected in kpis):
            return selected
        return behind[0] if behind else None

    async def action_jump_to_review(self) -> None:
        """Go to the KPI behind plan on the Review screen, on its contingency criterion."""
        stage = self.review_target()
        if stage is None:
            self.notify(_("The KGI stage has no review: pick a KPI stage above it."), timeout=3)
            return
        await self.app.switch_mode("review")
        self.app.screen.select_kpi(stage)  # type: ignore[attr-defined]

    def action_observed_scenario(self) -> None:
        """Make a scenario "Observed YYYY-MM" from the rates seen up to the as-of month."""
        as_of = self.result.as_of if self.result is not None else None
        if self.app.apply_edit(
            _("scenario from observed rates"), lambda plan: scenarios.scenario_from_observed_rates(plan, as_of)
        ):
            shown = self.result  # the status drawn from the plan with the scenario
            if shown is None or shown.as_of is None:
                return
            name = scenarios.observed_scenario_name(shown.as_of)
            self.notify(
                tr(
                    "Scenario {name}: the rates seen, against the plan on the What-if screen ({key}).",
                    name=name,
                    key=key_display(self, "screen.whatif"),
                ),
                markup=False,
                timeout=5,
            )

    def action_import_csv(self) -> None:
        """Import actual counts from a CSV export: the file is read on Enter, previewed, then recorded as one step."""
        self.app.hold_keys()  # a path typed right after the key goes in the dialog, not beneath it
        self.import_csv()

    @work(exclusive=True, group="progress.import")
    async def import_csv(self) -> None:
        """Ask for the CSV file, preview it, import it (a worker: the dialogs are awaited)."""
        read = await self.app.push_screen_wait(import_dialog(self.plan))
        if read is None:
            return
        if not read.result.added and not read.result.replaced:
            if read.result.unchanged:
                told = tr(
                    "Nothing to change: all {count} counts in {file} are already recorded.",
                    count=len(read.result.unchanged),
                    file=read.path.name,
                )
            else:
                told = tr("Nothing to change: no row of {file} below its header has a count.", file=read.path.name)
            self.notify(told, markup=False, timeout=4)
            return
        if await self.app.push_screen_wait(ImportPreview(read, key_display(self, "undo"))):
            self.app.apply_edit(
                tr("import {file}", file=read.path.name),
                lambda plan: actuals.apply_import(plan, read.records, replace_recorded=True).plan,
            )
