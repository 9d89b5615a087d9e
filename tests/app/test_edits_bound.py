"""An edit applies to the thing it was started on, whatever happens to the plan or the cursor meanwhile.

Each editor is opened on one stage or scenario; then the plan changes under it (the stage or
scenario moves, as an undo, another screen or a restored copy could do) before the edit is
committed. The edit must land on the same stage or scenario, found by what it is.
"""

from decimal import Decimal

from kpitui.app.dialogs.editor import Editor
from kpitui.app.widgets.comparison_table import ComparisonTable
from kpitui.core.domain import edits, scenarios
from tests.app.helpers import open_editor

D = Decimal


async def move_under_the_editor(app, change) -> None:
    assert isinstance(app.screen, Editor)
    assert app.apply_edit("moved meanwhile", change)


async def test_a_rate_editor_sets_the_rate_of_its_stage(app_on):
    async with app_on.run_test() as pilot:
        await open_editor(pilot, "r")  # Visits
        await move_under_the_editor(app_on, lambda p: edits.move_stage(p, 0, 1))
        await pilot.press("ctrl+a", "ctrl+k", "3", "0", "enter")
        plan = app_on.document.plan
        assert plan.stage_names()[:2] == ["Leads", "Visits"]
        assert plan.stages[1].rate == D("0.3") and plan.stages[0].rate == D("0.5")


async def test_a_name_editor_renames_its_stage(app_on):
    async with app_on.run_test() as pilot:
        await open_editor(pilot, "left", "enter")  # name of Visits
        await move_under_the_editor(app_on, lambda p: edits.move_stage(p, 0, 1))
        await pilot.press("ctrl+a", "ctrl+k", *"Sessions", "enter")
        assert app_on.document.plan.stage_names()[:2] == ["Leads", "Sessions"]


async def test_a_metric_editor_sets_the_metric_of_its_stage(app_on):
    async with app_on.run_test() as pilot:
        await open_editor(pilot, "right", "enter")  # metric of Visits
        await move_under_the_editor(app_on, lambda p: edits.move_stage(p, 0, 1))
        await pilot.press("ctrl+a", "ctrl+k", *"Sessions", "enter")
        assert app_on.document.plan.stages[1].metric == "Sessions"
        assert app_on.document.plan.stages[0].metric != "Sessions"


async def test_an_edit_of_a_stage_that_went_meanwhile_changes_nothing(app_on):
    async with app_on.run_test() as pilot:
        await open_editor(pilot, "r")  # Visits
        await move_under_the_editor(app_on, lambda p: edits.delete_stage(p, 0))
        before = app_on.document.plan
        await pilot.press("ctrl+a", "ctrl+k", "3", "0", "enter")
        assert app_on.document.plan == before


async def open_scenario_editor(pilot, row_key: str):
    table = pilot.app.screen.query_one(ComparisonTable)
    table.select_column(1)  # Better nurturing
    table.move_cursor(row=[row.key for row in table.rows_shown].index(row_key))
    await open_editor(pilot, "enter")


async def test_scenario_editors_change_their_scenario(app_on):
    async with app_on.run_test(size=(160, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        for row_key, typed, check in (
            ("rate:Leads", "70", lambda s: s.rates["Leads"] == D("0.7")),
            ("note", "typed", lambda s: s.note.endswith("typed")),
            ("goal.channel_share", "30", lambda s: s.goal["channel_share"] == D("0.3")),
            ("name", " 2", lambda s: s.name == "Better nurturing 2"),
        ):
            name = app_on.document.plan.scenarios[0].name
            await open_scenario_editor(pilot, row_key)
            await move_under_the_editor(app_on, lambda p: scenarios.move_scenario(p, 0, 1))
            if row_key not in ("note", "name"):
                await pilot.press("ctrl+a", "ctrl+k")
            else:
                await pilot.press("end")
            await pilot.press(*typed, "enter")
            plan = app_on.document.plan
            assert [s.name for s in plan.scenarios][0] != name, row_key
            assert check(plan.scenarios[1]), row_key
            await pilot.press("ctrl+z")  # undo the edit, then the move, so the next starts as this one did
            await pilot.press("ctrl+z")
            await pilot.pause()
