"""The What-if screen: baseline, scenarios and other plans side by side; levers; forward from a count."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import var
from textual.widgets import DataTable, Header, Input, Static

from kpitui.app.commands import key_display
from kpitui.app.dialogs.editor import path_editor
from kpitui.app.screens.plan_screen import TEXT_HINT, PlanScreen
from kpitui.app.widgets.comparison_table import NAME, NOTE, ComparisonTable
from kpitui.app.widgets.key_footer import KeyFooter
from kpitui.app.widgets.levers import ForwardTable, LeverTable
from kpitui.app.widgets.screen_tabs import ScreenTabs
from kpitui.core.domain import comparison, scenarios
from kpitui.core.domain.comparison import Column, Row
from kpitui.core.domain.plan import Plan
from kpitui.core.errors import PlanError
from kpitui.core.files.planfile import display_title, load_plan
from kpitui.core.session.typed_input import (
    TYPED_GOAL_PARSERS,
    parse_percent_input,
    parse_typed_top,
    typed_goal_text,
)
from kpitui.core.text.formatting import format_decimal
from kpitui.core.text.i18n import N_, _, tr
from kpitui.core.text.safe_text import visible

HINT = N_("Empty removes the override. Enter keeps it, Escape cancels.")


def optional(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    """`parse`, except that empty text means "no override" (answered as "")."""
    return lambda text: "" if not text.strip() else parse(text)


def load_beside(path: Path) -> tuple[Path, Plan]:
    """A plan file to show beside this one; its problems become the dialog's message."""
    try:
        return path, load_plan(path)
    except PlanError as error:
        raise ValueError(visible(str(error))) from None


class WhatIfScreen(PlanScreen):
    """Scenarios as columns; below, the levers and the forward calculation of the selected column."""

    AUTO_FOCUS = "#compare"
    ENTER_HELP = N_(
        "In a scenario's column: set the override under the cursor (empty removes it), its name or its "
        "note. In the baseline: edit the plan itself."
    )
    FIGURES_HELP = N_(
        "Each scenario shows its figure and its change from the baseline; * marks a value it overrides. "
        "Levers: the top-of-funnel target after one point more on one stage's rate, and how many fewer the "
        'top then needs ("Saves"): the cheapest lever comes first. Forward: from the count typed at the '
        "top (t), what each stage can expect, and the rate that stage alone would need to reach the KGI "
        'with every other rate as planned ("Alone needs").'
    )
    BINDINGS = [
        Binding(
            "n",
            "new_scenario",
            N_("New"),
            id="whatif.new",
            tooltip=N_(
                'Add an empty scenario and name it at once (Escape keeps "Scenario 1"); '
                "then type its rates and goal as overrides of the baseline."
            ),
        ),
        Binding(
            "y",
            "copy_scenario",
            N_("Copy"),
            show=False,
            id="whatif.copy",
            tooltip=N_("Add a copy of the selected scenario (on the baseline: an empty scenario)."),
        ),
        Binding(
            "s",
            "scenario_from_edits",
            N_("From edits"),
            show=False,
            id="whatif.from_edits",
            tooltip=N_("Turn the rate and goal edits made since the last save into a scenario; the baseline goes back."),
        ),
        Binding(
            "delete,d",
            "delete_scenario",
            N_("Delete"),
            id="whatif.delete",
            tooltip=N_("Delete the selected scenario (undo brings it back)."),
        ),
        Binding(
            "shift+left",
            "move_scenario(-1)",
            N_("Move left"),
            show=False,
            id="whatif.move_left",
            tooltip=N_("Move the scenario left."),
        ),
        Binding(
            "shift+right",
            "move_scenario(1)",
            N_("Move right"),
            show=False,
            id="whatif.move_right",
            tooltip=N_("Move the scenario right."),
        ),
        Binding(
            "P",
            "promote",
            N_("Promote"),
            show=False,
            id="whatif.promote",
            tooltip=N_("Make the selected scenario the baseline; the old baseline is kept as a scenario."),
        ),
        Binding(
            "b",
            "open_beside",
            N_("Beside"),
            id="whatif.beside",
            tooltip=N_("Open another plan file beside this one, to compare (read-only here)."),
        ),
        Binding(
            "x",
            "close_beside",
            N_("Close beside"),
            show=False,
            id="whatif.close_beside",
            tooltip=N_("Close the plans opened beside this one."),
        ),
        Binding(
            "l",
            "toggle_levers",
            N_("Levers"),
            id="whatif.levers",
            tooltip=N_("Show or hide the levers and forward panel of the selected column."),
        ),
        Binding(
            "t",
            "focus_top",
            N_("Top count"),
            show=False,
            id="whatif.top",
            tooltip=N_("Type a top-of-funnel count: the forward calculation follows."),
        ),
        Binding(
            "escape", "back_to_table", N_("Back to table"), show=False, id="whatif.back", tooltip=N_("Back to the comparison.")
        ),
    ]

    show_levers_panel: var[bool | None] = var(None)
    """The levers and forward panel: None follows the terminal's height, True or False is the user's choice."""

    def __init__(self) -> None:
        super().__init__()
        self.beside: list[tuple[Path, Plan]] = []  # other plans, read-only here
        self.panel_shows: Plan | None = None  # the plan the levers and forward panel is about

    def compose(self) -> ComposeResult:
        yield Header()
        yield ScreenTabs("whatif")
        yield ComparisonTable(id="compare")
        with Horizontal(id="levers-panel"):
            yield LeverTable(id="levers")
            with Vertical(id="forward-panel"):
                yield Input(placeholder=_("top-of-funnel count, e.g. 1000 (t)"), id="top")
                yield Static(id="verdict", markup=False)
                yield ForwardTable(id="forward")
        yield KeyFooter()

    def on_resize(self) -> None:
        self.call_after_refresh(self.show_levers)  # a taller terminal may show the panel now

    def watch_show_levers_panel(self, shown: bool | None) -> None:
        """On a short terminal the comparison gets the room (app.tcss), until the user asks for the panel (l)."""
        self.set_class(shown is True, "-levers-shown")
        self.set_class(shown is False, "-levers-hidden")
        if self.is_mounted:
            self.call_after_refresh(self.show_levers)

    def action_toggle_levers(self) -> None:
        """Show or hide the levers and forward panel of the selected column."""
        self.show_levers_panel = not self.query_one("#levers-panel").display

    # Drawing --------------------------------------------------------------------------------------

    @property
    def table(self) -> ComparisonTable:
        return self.query_one(ComparisonTable)

    def show_plan(self, plan: Plan) -> None:
        """Recalculate every column and redraw."""
        path = self.app.document.path
        columns = comparison.plan_columns(plan, str(path or ""), self.app.document.title, 0, editable=True)
        for other_path, other in self.beside:
            columns += comparison.plan_columns(
                other, str(other_path), display_title(other, other_path), len(columns), editable=False, reference=0
            )
        self.table.show(columns)
        self.show_levers()

    def show_levers(self) -> None:
        """Levers and forward calculation for the selected column: only while the panel shows,
        and only when the column or its plan changed (not on every move of the cursor)."""
        if not self.table.columns_shown:
            return
        column = self.table.selected_column
        if not self.query_one("#levers-panel").display:
            self.panel_shows = None
            return
        if column.plan is self.panel_shows:
            return
        self.panel_shows = column.plan
        self.query_one(LeverTable).show(column.plan)
        self.query_one("#levers-panel").border_title = Content(tr("{column}: levers and forward", column=column.label))
        self.show_forward()

    def show_forward(self) -> None:
        text = self.query_one("#top", Input).value
        verdict = self.query_one("#verdict", Static)
        try:
            top = parse_typed_top(text) if text.strip() else self.table.selected_column.calculation.top_target
        except ValueError as error:
            verdict.update(visible(str(error)))
            return
        verdict.update(self.query_one(ForwardTable).show(self.table.selected_column.plan, top))

    @on(DataTable.CellHighlighted, "#compare")
    def highlighted(self, event: DataTable.CellHighlighted) -> None:
        self.show_levers()

    @on(Input.Changed, "#top")
    def top_changed(self) -> None:
        self.show_forward()

    # Which scenario -------------------------------------------------------------------------------

    def scenario_index(self, *, quiet: bool = False) -> int | None:
        """The open plan's scenario under the cursor, by position; None (and a word why) otherwise."""
        return self.scenario_of(self.table.selected_column, quiet=quiet)

    def scenario_of(self, column: Column, *, quiet: bool = False) -> int | None:
        """Where `column`'s scenario of the open plan is now; None (and a word why) otherwise."""
        if not column.editable:
            if not quiet:
                self.notify(
                    tr("This column comes from {file}: open that plan to change it.", file=column.source),
                    markup=False,
                    timeout=4,
                )
            return None
        if column.scenario is None:
            if not quiet:
                self.notify(_("That is the baseline: move to a scenario's column."), timeout=3)
            return None
        if column.scenario not in [scenario.name for scenario in self.plan.scenarios]:
            return None  # gone between the key and now (an undo, say)
        return scenarios.scenario_index(self.plan, column.scenario)

    # Editing cells ----------------------------------------------------------------------------------

    @on(ComparisonTable.EditRequested)
    def edit_cell(self, event: ComparisonTable.EditRequested) -> None:
        """Enter on a cell: rename, note, or the figure (an override in a scenario, the plan itself in the baseline)."""
        row, column = event.row, event.column
        if not column.editable:
            self.scenario_of(column)
            return
        if row.stage is not None and row.stage not in column.plan.stage_names():
            self.notify(tr("This plan has no stage {stage}.", stage=row.stage), markup=False, timeout=3)
            return
        if (
            row.key == "orders_total"
            or row.key.startswith("target:")
            or (row.key == "kgi" and not column.plan.goal.is_count_driven)
        ):
            self.notify(_("Calculated: change a rate or the goal."), timeout=3)
            return
        if column.scenario is None:
            self.edit_baseline(row)
        else:
            index = self.scenario_of(column)
            if index is not None:
                self.edit_scenario(row, index)

    def edit_baseline(self, row: Row) -> None:
        plan = self.plan
        if row in (NAME, NOTE):
            self.notify(_("The baseline is the plan itself: its title is on the Funnel screen."), timeout=3)
        elif row.stage is not None and row.kind == "rate":
            self.edit_rate(row.stage)
        else:
            field = "orders" if row.key == "kgi" else row.key.removeprefix("goal.")
            if plan.goal.is_count_driven != (field == "orders"):
                self.notify(_("Switch the kind of goal on the Funnel screen first."), timeout=3)
                return
            self.edit_goal_field(field)

    def edit_scenario(self, row: Row, index: int) -> None:
        """Edit one figure or text of scenario `index`; the edit applies to that scenario, found by
        name when it is committed, wherever it moved meanwhile."""
        scenario = self.plan.scenarios[index]

        def at(plan: Plan) -> int:
            return scenarios.scenario_index(plan, scenario.name)

        if row is NAME:
            self.edit(
                _("Scenario name"),
                scenario.name,
                lambda text: scenarios.check_scenario_name(self.plan, text, at(self.plan)),
                TEXT_HINT,
                lambda new: self.app.try_edit(
                    tr("rename scenario {name}", name=scenario.name), lambda p: scenarios.rename_scenario(p, at(p), new)
                ),
            )
        elif row is NOTE:
            self.edit(
                tr("{scenario} — note", scenario=scenario.name),
                scenario.note,
                str,
                TEXT_HINT,
                lambda note: self.app.try_edit(
                    tr("note of {scenario}", scenario=scenario.name), lambda p: scenarios.set_scenario_note(p, at(p), note)
                ),
            )
        elif row.stage is not None and row.kind == "rate":
            stage = row.stage
            rate_now = scenario.rates.get(stage)
            self.edit(
                tr("{scenario} — rate of {stage} (%)", scenario=scenario.name, stage=stage),
                "" if rate_now is None else format_decimal(rate_now * 100),
                optional(parse_percent_input),
                HINT,
                lambda rate: self.app.try_edit(
                    tr("{scenario}: rate of {stage}", scenario=scenario.name, stage=stage),
                    lambda p: scenarios.set_rate_override(p, at(p), stage, rate if rate != "" else None),
                ),
            )
        else:
            field = "orders" if row.key == "kgi" else row.key.removeprefix("goal.")
            figure_now = scenario.goal.get(field)
            self.edit(
                tr("{scenario} — {figure}", scenario=scenario.name, figure=row.label),
                "" if figure_now is None else typed_goal_text(field, figure_now),
                optional(TYPED_GOAL_PARSERS[field]),
                HINT,
                lambda figure: self.app.try_edit(
                    tr("{scenario}: {figure}", scenario=scenario.name, figure=row.label),
                    lambda p: scenarios.set_goal_override(p, at(p), field, figure if figure != "" else None),
                ),
            )

    # Scenario actions -------------------------------------------------------------------------------

    def select_column(self, index: int) -> None:
        self.table.select_column(index)

    def action_new_scenario(self) -> None:
        """Add an empty scenario and name it at once (Escape keeps "Scenario 1"); then type its
        rates and goal as overrides of the baseline."""
        if self.app.apply_edit(_("new scenario"), scenarios.add_scenario):
            self.select_column(len(self.plan.scenarios))
            self.table.move_cursor(row=self.table.rows_shown.index(NAME), animate=False)
            self.edit_scenario(NAME, len(self.plan.scenarios) - 1)

    def action_copy_scenario(self) -> None:
        """Add a copy of the selected scenario (on the baseline: an empty scenario)."""
        index = self.scenario_index(quiet=True)
        if self.app.apply_edit(_("copy scenario"), lambda p: scenarios.add_scenario(p, copy_of=index)):
            self.select_column(len(self.plan.scenarios))

    def action_scenario_from_edits(self) -> None:
        """Turn the rate and goal edits made since the last save into a scenario; the baseline goes back."""
        saved = self.app.document.saved_plan
        name = scenarios.unused_scenario_name(self.plan, _("Unsaved edits"))
        if self.app.apply_edit(
            tr("scenario {name} from edits", name=name), lambda p: scenarios.scenario_from_edits(saved, p, name)
        ):
            self.select_column(len(self.plan.scenarios))

    def action_delete_scenario(self) -> None:
        """Delete the selected scenario (undo brings it back)."""
        index = self.scenario_index()
        if index is not None:
            name = self.plan.scenarios[index].name
            if self.app.apply_edit(tr("delete scenario {name}", name=name), lambda p: scenarios.delete_scenario(p, index)):
                self.notify(
                    tr("Deleted {name}. {key} brings it back.", name=name, key=key_display(self, "undo")), markup=False, timeout=3
                )

    def action_move_scenario(self, offset: int) -> None:
        """Move the selected scenario left or right."""
        index = self.scenario_index()
        if index is not None and self.app.apply_edit(_("move scenario"), lambda p: scenarios.move_scenario(p, index, offset)):
            self.select_column(index + offset + 1)

    def action_promote(self) -> None:
        """Make the selected scenario the baseline; the old baseline is kept as a scenario."""
        index = self.scenario_index()
        if index is not None:
            name = self.plan.scenarios[index].name
            if self.app.apply_edit(tr("promote {name}", name=name), lambda p: scenarios.promote_scenario(p, index)):
                self.notify(
                    tr("{name} is the baseline now; the old one is the last scenario.", name=name), markup=False, timeout=4
                )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer closing the plans beside only when there are some."""
        if action == "close_beside":
            return bool(self.beside)
        return True

    def action_open_beside(self) -> None:
        """Open another plan file beside this one, to compare (read-only here)."""

        def opened(result: tuple[Path, Plan] | None) -> None:
            if result is not None:
                self.beside.append(result)
                self.refresh_bindings()
                self.show_plan(self.plan)

        self.app.push_screen(
            path_editor(
                _("Open a plan beside this one (path)"), "", load_beside, _("Its baseline and scenarios join the columns.")
            ),
            opened,
        )

    def action_close_beside(self) -> None:
        """Close the plans opened beside this one."""
        if self.beside:
            self.beside.clear()
            self.refresh_bindings()
            self.show_plan(self.plan)

    def action_focus_top(self) -> None:
        """Type a top-of-funnel count: the forward calculation follows."""
        self.show_levers_panel = True
        self.app.hold_keys(until_focus=True)  # the count typed right after t goes in the field
        self.query_one("#top", Input).focus()

    def on_descendant_focus(self) -> None:
        """The top-of-funnel field (or the table) has the focus: keys typed ahead go there now."""
        self.app.release_keys()

    def action_back_to_table(self) -> None:
        """Back to the comparison."""
        self.set_focus(self.table)  # now: keys sent with Escape move in the table
