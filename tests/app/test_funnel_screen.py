"""Pilot tests of the Funnel screen: keys pressed, plan and screen checked."""

from decimal import Decimal

from kpitui.app.dialogs.editor import Editor
from kpitui.app.factory import make_app
from kpitui.app.widgets.cells import row_keys
from kpitui.app.widgets.goal_table import GoalTable
from kpitui.app.widgets.stage_table import StageTable
from kpitui.core.domain.plan import CriterionState, Rounding
from tests.app.helpers import (
    column_texts,
    editor_state,
    open_editor,
    record_notifications,
)

D = Decimal


def targets(app) -> list[str]:
    return column_texts(app.screen.query_one(StageTable), "target")


async def test_starts_on_the_stage_table_first_stage(app_on):
    async with app_on.run_test():
        table = app_on.screen.query_one(StageTable)
        assert app_on.focused is table
        assert table.cursor_coordinate == (0, 0)
        assert targets(app_on) == ["1,600", "160", "80", "40", "20"]


async def test_r_edits_the_rate_and_targets_follow(app_on):
    async with app_on.run_test(notifications=True) as pilot:
        await open_editor(pilot, "r")
        assert editor_state(app_on) == ("10", "")
        await pilot.press("2", "0", "enter")  # the value is selected: typing replaces it
        assert not isinstance(app_on.screen, Editor)
        assert app_on.document.plan.stages[0].rate == D("0.2")
        assert targets(app_on) == ["800", "160", "80", "40", "20"]
        assert app_on.sub_title.endswith("● modified")


async def test_rates_typed_with_percent_sign_or_decimals(app_on):
    async with app_on.run_test() as pilot:
        await open_editor(pilot, "down", "r")
        await pilot.press(*"12.5%", "enter")
        assert app_on.document.plan.stages[1].rate == D("0.125")


async def test_invalid_rate_is_refused_and_the_typed_text_stays(app_on):
    async with app_on.run_test() as pilot:
        await open_editor(pilot, "r")
        await pilot.press("1", "5", "0", "enter")
        assert editor_state(app_on) == ("150", "must be at most 100% (got 150)")
        await pilot.press("backspace", "backspace", "backspace", "a", "b", "enter")
        assert editor_state(app_on) == ("ab", 'must be a number or a percentage like "10%" (got "ab")')
        await pilot.press("escape")
        assert app_on.document.plan.stages[0].rate == D("0.1")
        assert not app_on.document.modified


async def test_escape_cancels_an_edit(app_on):
    async with app_on.run_test() as pilot:
        await open_editor(pilot, "r")
        await pilot.press("5", "escape")
        assert app_on.document.plan.stages[0].rate == D("0.1")


async def test_enter_edits_the_cell_under_the_cursor(app_on):
    async with app_on.run_test() as pilot:
        await open_editor(pilot, "right", "enter")  # Metric of Visits
        assert editor_state(app_on)[0] == "Site sessions (analytics)"
        await pilot.press(*"Sessions", "enter")
        assert app_on.document.plan.stages[0].metric == "Sessions"
        await open_editor(pilot, "right", "right", "enter")  # Rate of Visits
        await pilot.press("3", "0", "enter")
        assert app_on.document.plan.stages[0].rate == D("0.3")


async def test_enter_on_a_target_explains_instead_of_editing(app_on):
    async with app_on.run_test(notifications=True) as pilot:
        seen = record_notifications(app_on)
        await pilot.press("right", "right", "right", "right", "enter")
        assert not isinstance(app_on.screen, Editor)
        assert seen == ["Targets are calculated from the KGI and the rates: edit a rate (r) or the goal (g)."]


async def test_the_kgi_stage_has_no_rate_to_edit(app_on):
    async with app_on.run_test(notifications=True) as pilot:
        seen = record_notifications(app_on)
        await pilot.press("ctrl+end", "r")
        assert not isinstance(app_on.screen, Editor)
        assert seen == ["The KGI stage has no rate: its target is the goal itself."]


async def test_rename_carries_scenario_overrides_and_review(app_on):
    async with app_on.run_test() as pilot:
        await open_editor(pilot, "down", "down", "enter")  # name of Nurtured
        await pilot.press(*"Qualified", "enter")
        plan = app_on.document.plan
        assert plan.stage_names()[2] == "Qualified"
        assert plan.scenario("Better nurturing").rates == {"Qualified": D("0.6")}
        assert plan.review["Qualified"].alignment is CriterionState.CONCERN
        assert "Nurtured" not in plan.review


async def test_duplicate_or_blank_name_is_refused(app_on):
    async with app_on.run_test() as pilot:
        await open_editor(pilot, "down", "enter")
        await pilot.press(*"Visits", "enter")
        assert editor_state(app_on) == ("Visits", 'another stage is already called "Visits"')
        await pilot.press("ctrl+a", "ctrl+k", "space", "enter")
        assert editor_state(app_on) == (" ", "a stage needs a name")


async def test_add_insert_delete_and_move_stages(app_on):
    async with app_on.run_test() as pilot:
        await pilot.press("a")
        assert app_on.document.plan.stage_names() == ["Visits", "Leads", "Nurtured", "Meetings", "New stage", "Orders"]
        await pilot.press("ctrl+home", "i")
        assert app_on.document.plan.stage_names()[0] == "New stage 2"
        await pilot.press("shift+down")
        assert app_on.document.plan.stage_names()[:2] == ["Visits", "New stage 2"]
        assert app_on.screen.query_one(StageTable).selected_index == 1
        await pilot.press("d")
        assert app_on.document.plan.stage_names() == ["Visits", "Leads", "Nurtured", "Meetings", "New stage", "Orders"]


async def test_the_kgi_stage_stays_last(app_on):
    async with app_on.run_test(notifications=True) as pilot:
        seen = record_notifications(app_on)
        await pilot.press("down", "down", "down", "shift+down")
        assert app_on.document.plan.stage_names()[-1] == "Orders"
        assert seen == ["the KGI stage stays last"]


async def test_deleting_a_stage_and_undoing_brings_its_review_back(app_on):
    async with app_on.run_test() as pilot:
        before = app_on.document.plan
        await pilot.press("down", "d")
        assert "Leads" not in app_on.document.plan.review
        assert "Leads" not in app_on.document.plan.stage_names()
        await pilot.press("ctrl+z")
        assert app_on.document.plan == before
        assert app_on.document.plan.review["Leads"].contingency_plan.startswith("Add a paid campaign")
        await pilot.press("ctrl+y")
        assert "Leads" not in app_on.document.plan.stage_names()


async def test_undo_back_to_the_saved_plan_clears_the_modified_mark(app_on):
    async with app_on.run_test() as pilot:
        await open_editor(pilot, "r")
        await pilot.press("2", "0", "enter")
        assert app_on.document.modified
        await pilot.press("ctrl+z")
        assert not app_on.document.modified
        assert "modified" not in app_on.sub_title


async def test_rounding_switches_with_o(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text(
        "format = 1\n[goal]\norders = 20\n"
        + "".join(f'[[stages]]\nname = "S{i}"\nrate = {r}\n' for i, r in enumerate(["0.30", "0.67", "0.58", "0.71"]))
        + '[[stages]]\nname = "KGI"\n'
    )
    app = make_app(path)
    async with app.run_test() as pilot:
        assert targets(app) == ["250", "75", "50", "29", "20"]
        await pilot.press("o")
        assert app.document.plan.rounding is Rounding.ONCE
        assert targets(app) == ["242", "73", "49", "29", "20"]


async def test_goal_edits_recalculate_the_kgi(app_on):
    async with app_on.run_test() as pilot:
        await open_editor(pilot, "g", "down", "enter")  # Revenue
        assert editor_state(app_on)[0] == "1000000000"
        await pilot.press(*"2,000,000,000", "enter")
        assert app_on.document.plan.goal.revenue == D(2_000_000_000)
        assert targets(app_on)[-1] == "40"
        await open_editor(pilot, "down", "down", "enter")  # Channel share
        await pilot.press(*"abc", "enter")
        assert editor_state(app_on) == ("abc", 'must be a number or a percentage like "10%" (got "abc")')
        await pilot.press("ctrl+a", "ctrl+k", *"10", "enter")
        assert targets(app_on)[-1] == "20"


async def test_goal_kind_switches_keeping_the_kgi(app_on):
    async with app_on.run_test() as pilot:
        await pilot.press("g", "ctrl+home", "enter")
        assert app_on.document.plan.goal.orders == 20
        assert row_keys(app_on.screen.query_one(GoalTable))[:2] == ["kind", "orders"]
        await open_editor(pilot, "down", "enter")
        await pilot.press(*"30", "enter")
        assert targets(app_on)[-1] == "30"


async def test_switching_the_goal_kind_twice_gives_back_the_teams_revenue_figures(app_on):
    revenue_goal = app_on.document.plan.goal
    async with app_on.run_test() as pilot:
        seen = record_notifications(app_on)
        await pilot.press("g", "ctrl+home", "enter", "enter")
        assert app_on.document.plan.goal == revenue_goal  # not made-up figures
        await pilot.press("enter")
        await open_editor(pilot, "down", "enter")
        await pilot.press(*"30", "enter", "up", "enter")
        assert app_on.document.plan.goal == revenue_goal
        assert targets(app_on)[-1] == "20"
        assert any("KGI is 20 again (was 30)" in message for message in seen), seen


async def test_a_count_driven_plan_asks_for_revenue_figures_instead_of_making_them_up(tmp_path):
    path = tmp_path / "count.toml"
    stages = '[[stages]]\nname = "Leads"\nrate = "10%"\n\n[[stages]]\nname = "Orders"\n'
    path.write_text(f"format = 1\n\n[goal]\norders = 20\n\n{stages}", encoding="utf-8")
    app = make_app(path)
    async with app.run_test() as pilot:
        await open_editor(pilot, "g", "ctrl+home", "enter")
        assert editor_state(app)[0] == ""
        await pilot.press(*"900,000,000", "enter")
        await pilot.pause()
        await pilot.press(*"10,000,000", "enter")
        await pilot.pause()
        goal = app.document.plan.goal
        assert (goal.revenue, goal.average_deal, goal.channel_share) == (900_000_000, 10_000_000, 1)
        assert targets(app) == ["900", "90"]


async def test_months_are_checked(app_on):
    async with app_on.run_test() as pilot:
        goal = app_on.screen.query_one(GoalTable)
        await pilot.press("g")
        goal.move_cursor(row=row_keys(goal).index("months"))
        await open_editor(pilot, "enter")
        await pilot.press(*"200", "enter")
        assert editor_state(app_on)[1] == "must be from 1 to 120 (got 200)"
        await pilot.press("ctrl+a", "ctrl+k", *"6", "enter")
        assert column_texts(app_on.screen.query_one(StageTable), "monthly")[0] == "267"


async def test_months_that_would_strand_actuals_are_refused_and_seasonality_dropped_is_said(plan_file):
    text = plan_file.read_text(encoding="utf-8")
    plan_file.write_text(text.replace("months = 12\n", "months = 12\nseasonality = [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]\n"))
    app = make_app(plan_file)
    async with app.run_test() as pilot:
        seen = record_notifications(app)
        goal = app.screen.query_one(GoalTable)
        await pilot.press("g")
        goal.move_cursor(row=row_keys(goal).index("months"))
        await open_editor(pilot, "enter")
        await pilot.press("ctrl+a", "ctrl+k", "2", "enter")  # actuals run to 2026-06: month 3
        await pilot.pause()
        assert app.document.plan.months == 12
        assert editor_state(app) == (
            "2",
            "actuals are recorded for 2026-04 to 2026-06, outside a plan from 2026-04 to 2026-05: remove those actuals first",
        )
        await pilot.press("ctrl+a", "ctrl+k", "6", "enter")  # fixed in the same editor
        await pilot.pause()
        assert app.document.plan.months == 6 and app.document.plan.seasonality == ()
        assert seen[-1].startswith("the seasonality weights were for 12 months, not 6: every month now weighs the same")
        await pilot.press("ctrl+z")
        assert len(app.document.plan.seasonality) == 12


async def test_command_palette_runs_funnel_actions(app_on):
    async with app_on.run_test() as pilot:
        await open_editor(pilot, "ctrl+p")
        await pilot.press(*"Add", "enter")
        await pilot.pause()
        assert "New stage" in app_on.document.plan.stage_names()


async def test_help_lists_the_keys_of_the_screen(app_on):
    from kpitui.app.screens.help import HelpScreen

    async with app_on.run_test() as pilot:
        await pilot.press("f1")
        assert isinstance(app_on.screen, HelpScreen)
        ours = [(key.keys, key.help) for key in app_on.screen.keys if key.ours]
        for expected in (
            ("r", "Edit the selected stage's conversion rate to the next stage, in percent."),
            ("a", "Add a stage just above the KGI stage."),
            ("shift+↑", "Move the stage up the funnel."),
            ("^z", "Undo the last edit."),
            ("f2", "Save to a new file, which becomes the plan's file."),
            ("^q", "Quit, asking first when there are unsaved changes."),
        ):
            assert expected in ours
        theirs = [key.title for key in app_on.screen.keys if not key.ours]
        assert "Cursor up" in theirs and app_on.screen.keys[0].ours
        await pilot.press("escape")
        assert not isinstance(app_on.screen, HelpScreen)


async def test_screens_switch_with_keys_and_keep_the_plan(app_on):
    async with app_on.run_test() as pilot:
        await open_editor(pilot, "r")
        await pilot.press("2", "0", "enter", "2")
        assert app_on.current_mode == "review"
        await pilot.press("3")
        assert app_on.current_mode == "whatif"
        await pilot.press("ctrl+z", "1")
        assert app_on.current_mode == "funnel"
        assert targets(app_on)[0] == "1,600"


async def test_clicking_a_tab_switches_screens(app_on):
    from kpitui.app.widgets.screen_tabs import ScreenTabs

    async with app_on.run_test() as pilot:
        await pilot.click(ScreenTabs, offset=(15, 0))  # "2 Review"
        await pilot.pause()
        assert app_on.current_mode == "review"
        await pilot.click(ScreenTabs, offset=(2, 0))  # "1 Funnel"
        await pilot.pause()
        assert app_on.current_mode == "funnel"


async def test_columns_narrow_again_when_a_long_name_is_undone(app_on):
    async with app_on.run_test(size=(120, 36)) as pilot:
        table = app_on.screen.query_one(StageTable)
        name_column = table.columns[table.coordinate_to_cell_key((0, 0)).column_key]
        before = name_column.get_render_width(table)
        await open_editor(pilot, "enter")
        await pilot.press(*"A much longer name for the top of the funnel", "enter")
        assert name_column.get_render_width(table) > before
        await pilot.press("ctrl+z")
        assert name_column.get_render_width(table) == before


def shown_widths(table: StageTable) -> dict[str, int]:
    return {column.key.value: column.get_render_width(table) for column in table.columns.values()}


async def test_many_stages_show_every_target_whole_without_scrolling_sideways(app_on):
    async with app_on.run_test(size=(80, 24)) as pilot:
        await pilot.press(*["a"] * 30)
        await pilot.pause()
        table = app_on.screen.query_one(StageTable)
        assert targets(app_on)[0] == "1,717,986,918,400"
        assert table.virtual_size.width <= table.scrollable_content_region.width
        widths = shown_widths(table)
        assert widths["target"] >= len("1,717,986,918,400") + 2
        assert column_texts(table, "metric")[0].endswith("…")  # text gives way, with an ellipsis


async def test_renaming_a_stage_keeps_the_text_columns_wide(app_on):
    async with app_on.run_test(size=(100, 30)) as pilot:
        table = app_on.screen.query_one(StageTable)
        before = shown_widths(table)
        await open_editor(pilot, "down", "down", "enter")
        await pilot.press(*"Qualified leads", "enter")
        await pilot.pause()
        after = shown_widths(table)
        assert after["name"] >= len("Qualified leads") + 2
        assert (after["metric"], after["owner"]) == (before["metric"], before["owner"])
        assert table.virtual_size.width <= table.scrollable_content_region.width
