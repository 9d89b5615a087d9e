"""A value that passes its editor's own check but that the whole plan refuses stays in the editor.

A KGI or a target past its bound, a name another stage has, actuals left outside the calendar:
the editor stays open with what was typed and the reason under it, the plan is unchanged and no
notification is needed; Escape cancels, and a fixed value commits as one undo step (SPEC 4, 5.2).
"""

from decimal import Decimal

import pytest

from kpitui.app.dialogs.editor import Editor
from kpitui.app.factory import make_app
from kpitui.app.widgets.cells import row_keys
from kpitui.app.widgets.comparison_table import ComparisonTable
from kpitui.app.widgets.goal_table import GoalTable
from kpitui.app.widgets.progress_grid import MonthGrid
from kpitui.core.domain import edits
from tests.app.helpers import editor_state, open_editor, record_notifications

D = Decimal

# Repro B: the largest KGI, two rates of 10 %: a rate of 0.0001 % takes a target past 10^18.
TINY_RATES_PLAN = """format = 1
start = "2026-04"

[goal]
orders = 1000000000000

[[stages]]
name = "a"
rate = "10%"

[[stages]]
name = "b"
rate = "10%"

[[stages]]
name = "c"

[[scenarios]]
name = "S"
"""
KGI_OVER = "the KGI would be 200,000,000,000,000 (revenue ÷ average order × channel share), over the largest KGI"
TARGET_OVER = 'the target of "a" would be over 1,000,000,000,000,000,000, the largest target'
STRANDED_BY_MONTHS = (
    "actuals are recorded for 2026-04 to 2026-06, outside a plan from 2026-04 to 2026-05: remove those actuals first"
)


@pytest.fixture
def tiny_rates(tmp_path):
    path = tmp_path / "tiny.toml"
    path.write_text(TINY_RATES_PLAN, encoding="utf-8")
    return make_app(path)


async def on_goal_row(pilot, key: str) -> None:
    """Open the editor of one row of the Funnel screen's goal table."""
    await pilot.press("g")
    goal = pilot.app.screen.query_one(GoalTable)
    goal.move_cursor(row=row_keys(goal).index(key))
    await open_editor(pilot, "enter")


async def on_comparison_cell(pilot, row_key: str, column: int) -> None:
    """Open the editor of one cell of the What-if comparison (`column` 0 is the baseline)."""
    await pilot.press("3")
    await pilot.pause()
    table = pilot.app.screen.query_one(ComparisonTable)
    table.select_column(column)
    table.move_cursor(row=[row.key for row in table.rows_shown].index(row_key))
    await pilot.pause()
    await open_editor(pilot, "enter")


async def type_over(pilot, text: str) -> None:
    await pilot.press("ctrl+a", "ctrl+k", *text, "enter")
    await pilot.pause()


async def refused_in_the_editor(pilot, typed: str, reason: str) -> None:
    """Type `typed` and Enter: the editor stays open on it with `reason`, the plan as it was, no notification."""
    app = pilot.app
    before, seen = app.document.plan, record_notifications(app)
    await type_over(pilot, typed)
    text, problem = editor_state(app)
    assert (text, problem[: len(reason)]) == (typed, reason)
    assert app.screen.query_one("#value").has_class("-invalid")
    assert app.document.plan is before
    assert seen == []


async def test_repro_a_an_average_order_that_takes_the_kgi_past_its_bound(app_on):
    async with app_on.run_test() as pilot:
        before = app_on.document.plan
        await open_editor(pilot, "g", "down", "down", "enter")  # Average order value
        await refused_in_the_editor(pilot, "0.000001", KGI_OVER)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app_on.screen, Editor) and app_on.document.plan is before

        await open_editor(pilot, "enter")
        await refused_in_the_editor(pilot, "0.000001", KGI_OVER)
        await pilot.press("end", "backspace", "2")  # typing on clears the reason until the next Enter
        assert editor_state(app_on) == ("0.000002", "")
        assert not app_on.screen.query_one("#value").has_class("-invalid")
        await type_over(pilot, "5,000,000")
        assert not isinstance(app_on.screen, Editor)
        assert app_on.document.plan.goal.average_deal == 5_000_000
        await pilot.press("ctrl+z")  # one step
        assert app_on.document.plan == before and not app_on.document.history.can_undo


async def test_repro_b_a_rate_that_takes_a_target_past_its_bound(tiny_rates):
    async with tiny_rates.run_test() as pilot:
        before = tiny_rates.document.plan
        await open_editor(pilot, "r")  # stage a
        await refused_in_the_editor(pilot, "0.0001", TARGET_OVER)
        await type_over(pilot, "5")
        assert tiny_rates.document.plan.stages[0].rate == D("0.05")
        await pilot.press("ctrl+z")
        assert tiny_rates.document.plan == before and not tiny_rates.document.history.can_undo


async def test_rate_editors_of_the_comparison_and_of_a_scenario(tiny_rates):
    async with tiny_rates.run_test(size=(160, 40)) as pilot:
        await on_comparison_cell(pilot, "rate:a", 0)  # the baseline's rate
        await refused_in_the_editor(pilot, "0.0001", TARGET_OVER)
        await pilot.press("escape")
        await on_comparison_cell(pilot, "rate:a", 1)  # scenario S overrides it
        await refused_in_the_editor(pilot, "0.0001", 'in scenario "S", ' + TARGET_OVER)
        await type_over(pilot, "5")
        assert tiny_rates.document.plan.scenario("S").rates == {"a": D("0.05")}


async def test_goal_editors_of_the_baseline_and_of_a_scenario(app_on):
    async with app_on.run_test(size=(160, 40)) as pilot:
        await on_comparison_cell(pilot, "goal.average_deal", 0)  # the baseline's
        await refused_in_the_editor(pilot, "0.000001", KGI_OVER)
        await pilot.press("escape")
        await on_comparison_cell(pilot, "goal.average_deal", 1)  # scenario Better nurturing
        await refused_in_the_editor(pilot, "0.000001", 'in scenario "Better nurturing", ' + KGI_OVER)


async def test_a_duplicate_stage_name_stays_in_the_rename_editor(app_on):
    async with app_on.run_test() as pilot:
        await open_editor(pilot, "left", "enter")  # the name of Visits
        await pilot.press("ctrl+a", "ctrl+k", *"Sessions")
        assert editor_state(app_on) == ("Sessions", "")
        # Meanwhile another stage takes the name (another screen, a restored copy …)
        assert app_on.apply_edit("rename", lambda p: edits.rename_stage(p, 1, "Sessions"))
        before = app_on.document.plan
        await pilot.press("enter")
        assert editor_state(app_on) == ("Sessions", 'another stage is already called "Sessions"')
        assert app_on.document.plan is before
        await type_over(pilot, "Visitors")
        assert app_on.document.plan.stage_names()[:2] == ["Visitors", "Sessions"]


async def test_months_that_would_leave_actuals_outside_the_plan(app_on):
    async with app_on.run_test() as pilot:
        await on_goal_row(pilot, "months")
        await refused_in_the_editor(pilot, "2", STRANDED_BY_MONTHS)  # actuals run to 2026-06
        await type_over(pilot, "6")
        assert app_on.document.plan.months == 6


async def test_a_start_month_that_would_leave_actuals_outside_the_plan(app_on):
    async with app_on.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await open_editor(pilot, "s")
        await refused_in_the_editor(pilot, "2026-05", "actuals are recorded for 2026-04 to 2026-06, outside a plan from 2026-05")
        await type_over(pilot, "2026-03")
        assert str(app_on.document.plan.start) == "2026-03"


async def test_a_count_for_a_month_the_plan_no_longer_has(app_on):
    async with app_on.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("right", "right", "right", "right")  # from June to October
        grid = app_on.screen.query_one(MonthGrid)
        assert str(grid.cell_at(grid.cursor_coordinate).month) == "2026-10"  # type: ignore[union-attr]
        await open_editor(pilot, "enter")
        assert app_on.apply_edit("months", lambda p: edits.set_months(p, 6))  # meanwhile the plan ends in September
        await refused_in_the_editor(pilot, "12", "2026-10 is not a month of the plan (2026-04 to 2026-09)")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app_on.screen, Editor)
