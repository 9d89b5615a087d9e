"""Widgets say what the user asked for, by name; screens act on that, not on where the cursor is by then.

Between a key press and its handling the plan can change (an undo, a restored copy, another
screen's edit): the request keeps the stage, field or scenario it was made on.
"""

from textual.widgets import DataTable, Input

from kpitui.app.widgets.cells import row_keys
from kpitui.app.widgets.comparison_table import ComparisonTable
from kpitui.app.widgets.goal_table import GoalTable
from kpitui.app.widgets.progress_grid import MonthGrid
from kpitui.app.widgets.review_table import ReviewTable
from kpitui.app.widgets.stage_table import StageTable
from kpitui.core.domain import edits, scenarios
from kpitui.core.domain.months import Month
from kpitui.core.domain.plan import CriterionState


def prompt(app) -> str:
    return str(app.screen.query_one(".question").render())


def recording(message_type):
    """A message hook, and the `message_type` messages it saw (once each, though a message is seen at every
    node it bubbles through)."""
    seen: list = []

    def hook(message) -> None:
        if isinstance(message, message_type) and not any(message is known for known in seen):
            seen.append(message)

    return hook, seen


def changing_the_plan_on(app, message_type, change=lambda p: edits.move_stage(p, 0, 1)):
    """A message hook that changes the plan (by default: the first stage moves down the funnel) as soon as
    a `message_type` is on its way, before anything handles it."""
    changed = []

    def hook(message) -> None:
        if isinstance(message, message_type) and not changed:
            changed.append(message)
            assert app.apply_edit("changed meanwhile", change)

    return hook


async def test_enter_on_a_rate_asks_for_the_rate_of_that_stage_even_if_the_plan_reorders_first(app_on):
    hook = changing_the_plan_on(app_on, DataTable.CellSelected)
    async with app_on.run_test(message_hook=hook) as pilot:
        table = app_on.screen.query_one(StageTable)
        table.move_cursor(row=0, column=table.get_column_index("rate"))
        await pilot.press("enter")  # on Visits; Visits moves below Leads before the request is handled
        await pilot.pause()
        assert prompt(app_on).startswith("Rate of Visits → Nurtured")


async def test_a_stage_table_request_names_the_stage_and_field(app_on):
    hook, seen = recording(StageTable.EditRequested)
    async with app_on.run_test(message_hook=hook) as pilot:
        table = app_on.screen.query_one(StageTable)
        table.move_cursor(row=2, column=table.get_column_index("owner"))
        await pilot.press("enter")
        await pilot.pause()
        assert [(m.stage, m.field) for m in seen] == [("Nurtured", "owner")]
        assert prompt(app_on) == "Owner — Nurtured"


async def test_a_goal_table_request_names_the_field(app_on):
    hook, seen = recording(GoalTable.EditRequested)
    async with app_on.run_test(message_hook=hook) as pilot:
        goal = app_on.screen.query_one(GoalTable)
        goal.focus()
        goal.move_cursor(row=row_keys(goal).index("months"))
        await pilot.press("enter")
        await pilot.pause()
        assert [m.field for m in seen] == ["months"]
        assert prompt(app_on).startswith("Months the plan spans")


async def test_enter_on_a_criterion_cycles_that_kpi_s_even_if_the_plan_reorders_first(app_on):
    hook = changing_the_plan_on(app_on, DataTable.CellSelected)
    async with app_on.run_test(message_hook=hook) as pilot:
        await pilot.press("2")
        await pilot.pause()
        table = app_on.screen.query_one(ReviewTable)
        table.move_cursor(row=0, column=table.get_column_index("measurability"))  # Visits
        before = app_on.document.plan.review
        await pilot.press("enter")
        await pilot.pause()
        after = app_on.document.plan.review
        assert after["Visits"].measurability == CriterionState.CONCERN != before["Visits"].measurability
        assert after["Leads"] == before["Leads"]


async def test_enter_on_a_scenario_s_name_renames_that_scenario_even_if_it_moves_first(app_on):
    # The table redraws as the plan changes: the request made before it keeps its column all the same.
    hook = changing_the_plan_on(app_on, ComparisonTable.EditRequested, lambda p: scenarios.move_scenario(p, 0, 1))
    async with app_on.run_test(size=(160, 40), message_hook=hook) as pilot:
        await pilot.press("3")
        await pilot.pause()
        table = app_on.screen.query_one(ComparisonTable)
        table.select_column(1)  # Better nurturing, about to move right
        table.move_cursor(row=0)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app_on.screen.query_one(Input).value == "Better nurturing"
        await pilot.press("end", *" 2", "enter")
        assert [s.name for s in app_on.document.plan.scenarios][:2] == ["Web share 25%", "Better nurturing 2"]


async def test_enter_on_a_month_cell_asks_for_that_stage_and_month(app_on):
    hook, seen = recording(MonthGrid.EditRequested)
    async with app_on.run_test(size=(160, 45), message_hook=hook) as pilot:
        await pilot.press("4")
        await pilot.pause()
        grid = app_on.screen.query_one(MonthGrid)
        grid.move_cursor(row=1, column=2)
        await pilot.press("enter")
        await pilot.pause()
        assert [(m.cell.stage, m.cell.label) for m in seen] == [("Leads", grid.labels[1])]
        assert prompt(app_on) == f"Actual count of Leads in {grid.labels[1]}"


async def test_a_month_cell_scrolled_to_asks_for_its_own_month(app_on):
    hook, seen = recording(MonthGrid.EditRequested)
    async with app_on.run_test(size=(80, 24), message_hook=hook) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("end", "down", "enter")  # Leads in the plan's last month, far past the first months shown
        await pilot.pause()
        assert [(m.cell.stage, m.cell.month, m.cell.label) for m in seen] == [("Leads", Month(2027, 3), "2027-03")]
        assert prompt(app_on) == "Actual count of Leads in 2027-03"


async def test_a_comparison_request_names_the_scrolled_to_scenario_and_the_pinned_baseline(app_on):
    hook, seen = recording(ComparisonTable.EditRequested)
    async with app_on.run_test(size=(80, 24), message_hook=hook) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("right", "right", "right", "right", "enter")  # the last scenario's name, scrolled to
        await pilot.pause()
        await pilot.press("escape", "left", "left", "left", "enter")  # the baseline, pinned beside it
        await pilot.pause()
        assert [(m.column.label, m.row.key) for m in seen] == [("Conservative", "name"), ("Baseline", "name")]
