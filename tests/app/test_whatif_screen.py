"""Pilot tests of the What-if screen: scenarios side by side, editing them, levers, forward, beside."""

import os
import threading
from decimal import Decimal

from kpitui.app.dialogs.editor import Editor
from kpitui.app.factory import make_app
from kpitui.app.screens.whatif import WhatIfScreen
from kpitui.app.widgets.comparison_table import NAME, ComparisonTable
from kpitui.app.widgets.levers import ForwardTable, LeverTable
from kpitui.core.errors import PlanError
from tests.app.helpers import (
    column_texts,
    editor_state,
    open_editor,
    record_notifications,
    wait_until,
)

D = Decimal


async def go_to_whatif(pilot, size_hint=None) -> ComparisonTable:
    await pilot.press("3")
    await pilot.pause()
    return pilot.app.screen.query_one(ComparisonTable)


def cell(table: ComparisonTable, row_key: str, column: int) -> str:
    """Plain text of a comparison cell: `column` 0 is the baseline."""
    return table.cell(column, table.rows_shown[[row.key for row in table.rows_shown].index(row_key)]).plain


async def put_cursor(pilot, table: ComparisonTable, row_key: str, column: int) -> None:
    table.select_column(column)
    table.move_cursor(row=[row.key for row in table.rows_shown].index(row_key))
    await pilot.pause()


async def test_columns_show_values_differences_and_overrides(app_on):
    async with app_on.run_test(size=(160, 40)) as pilot:
        table = await go_to_whatif(pilot)
        assert [cell(table, "name", i) for i in range(4)] == ["Baseline", "Better nurturing", "Web share 25%", "Conservative"]
        assert cell(table, "target:Visits", 0) == "1,600"
        assert cell(table, "target:Visits", 1) == "1,340 -260 (-16%)"
        assert cell(table, "rate:Nurtured", 1) == "* 60% +10 pt (+20%)"  # overridden: marked
        assert cell(table, "rate:Leads", 1) == "50%"
        assert cell(table, "kgi", 2) == "25 +5 (+25%)"


async def test_typing_into_a_scenario_rate_sets_and_clearing_removes_the_override(app_on):
    async with app_on.run_test(size=(160, 40)) as pilot:
        table = await go_to_whatif(pilot)
        await put_cursor(pilot, table, "rate:Leads", 1)
        await open_editor(pilot, "enter")
        assert editor_state(app_on) == ("", "")
        await pilot.press("6", "0", "enter")
        assert app_on.document.plan.scenario("Better nurturing").rates == {"Leads": D("0.6"), "Nurtured": D("0.6")}
        assert cell(table, "rate:Leads", 1).startswith("* 60%")
        await put_cursor(pilot, table, "rate:Nurtured", 1)
        await open_editor(pilot, "enter")
        await pilot.press("ctrl+a", "ctrl+k", "enter")
        assert app_on.document.plan.scenario("Better nurturing").rates == {"Leads": D("0.6")}


async def test_bad_override_is_refused_in_the_editor(app_on):
    async with app_on.run_test(size=(160, 40)) as pilot:
        table = await go_to_whatif(pilot)
        await put_cursor(pilot, table, "rate:Leads", 1)
        await open_editor(pilot, "enter")
        await pilot.press("0", "enter")
        assert editor_state(app_on) == ("0", "must be greater than 0% (got 0)")


async def test_goal_override_and_note_and_rename(app_on):
    async with app_on.run_test(size=(160, 40)) as pilot:
        table = await go_to_whatif(pilot)
        await put_cursor(pilot, table, "goal.channel_share", 3)  # Conservative
        await open_editor(pilot, "enter")
        await pilot.press("3", "0", "enter")
        assert app_on.document.plan.scenario("Conservative").goal == {"channel_share": D("0.3")}
        await put_cursor(pilot, table, "name", 3)
        await open_editor(pilot, "enter")
        await pilot.press("ctrl+a", "ctrl+k", *"Worst case", "enter")
        await put_cursor(pilot, table, "note", 3)
        await open_editor(pilot, "enter")
        await pilot.press("ctrl+a", "ctrl+k", *"最悪のケース", "enter")
        scenario = app_on.document.plan.scenarios[2]
        assert (scenario.name, scenario.note) == ("Worst case", "最悪のケース")


async def test_new_copy_delete_move_and_undo(app_on):
    async with app_on.run_test(size=(160, 40)) as pilot:
        table = await go_to_whatif(pilot)
        names = lambda: [s.name for s in app_on.document.plan.scenarios]  # noqa: E731
        await open_editor(pilot, "n")
        await pilot.press("escape")
        assert names()[-1] == "Scenario 1" and table.selected_column_index == 4
        await put_cursor(pilot, table, "name", 1)
        await pilot.press("y")
        assert names()[-1] == "Better nurturing copy"
        await put_cursor(pilot, table, "name", 1)
        await pilot.press("shift+right")
        assert names()[:2] == ["Web share 25%", "Better nurturing"]
        await pilot.press("d")
        assert "Better nurturing" not in names()
        await pilot.press("ctrl+z")
        assert names()[1] == "Better nurturing"


async def test_promote_makes_a_scenario_the_baseline(app_on):
    async with app_on.run_test(size=(160, 40)) as pilot:
        table = await go_to_whatif(pilot)
        await put_cursor(pilot, table, "name", 1)
        await pilot.press("P")
        plan = app_on.document.plan
        assert plan.stages[2].rate == D("0.6")
        assert [s.name for s in plan.scenarios][-1] == "Previous baseline"
        assert cell(table, "target:Visits", 0) == "1,340"


async def test_scenario_from_unsaved_edits(app_on):
    async with app_on.run_test(size=(160, 40)) as pilot:
        await open_editor(pilot, "r")  # on the Funnel screen: Visits 10% -> 20%
        await pilot.press("2", "0", "enter")
        table = await go_to_whatif(pilot)
        await pilot.press("s")
        plan = app_on.document.plan
        assert plan.stages[0].rate == D("0.1")
        assert plan.scenario("Unsaved edits").rates == {"Visits": D("0.2")}
        assert cell(table, "target:Visits", 4) == "800 -800 (-50%)"


async def test_baseline_and_other_plans_explain_what_cannot_be_edited(app_on, samples):
    async with app_on.run_test(size=(160, 40), notifications=True) as pilot:
        seen = record_notifications(app_on)
        table = await go_to_whatif(pilot)
        await put_cursor(pilot, table, "target:Visits", 1)
        await pilot.press("enter")
        await put_cursor(pilot, table, "name", 0)
        await pilot.press("d")
        assert seen == ["Calculated: change a rate or the goal.", "That is the baseline: move to a scenario's column."]


async def test_levers_rank_the_cheapest_first_for_the_selected_column(app_on):
    async with app_on.run_test(size=(160, 40)) as pilot:
        table = await go_to_whatif(pilot)
        levers = app_on.screen.query_one(LeverTable)
        await wait_until(pilot, lambda: levers.row_count)  # worked out in the background
        assert column_texts(levers, "stage")[0] == "Visits"
        assert column_texts(levers, "saving") == ["145", "30", "20", "0"]
        await put_cursor(pilot, table, "name", 3)  # Conservative: visits 8 %
        await wait_until(pilot, lambda: column_texts(levers, "rate")[0] == "8%→9%")


async def test_levers_are_worked_out_off_the_ui_thread_once_per_column_not_per_cursor_move(app_on, monkeypatch):
    # On a 10,000-stage plan the levers took minutes, on the UI thread, again at every cursor move.
    from kpitui.core.domain import funnel

    runs = []
    levers = funnel.levers

    def counted(plan, *args):
        runs.append(threading.current_thread() is threading.main_thread())
        return levers(plan, *args)

    monkeypatch.setattr(funnel, "levers", counted)
    async with app_on.run_test(size=(160, 40)) as pilot:
        table = await go_to_whatif(pilot)
        await wait_until(pilot, lambda: app_on.screen.query_one(LeverTable).row_count)
        await put_cursor(pilot, table, "name", 1)
        await wait_until(pilot, lambda: len(runs) == 2)
        await pilot.press("down", "down", "down", "up")
        await put_cursor(pilot, table, "name", 0)  # back to the baseline: remembered
        await pilot.pause()
        assert runs == [False, False]


async def test_forward_from_a_typed_top_count(app_on):
    async with app_on.run_test(size=(160, 40)) as pilot:
        await go_to_whatif(pilot)
        await pilot.press("t", *"1,000")
        await pilot.pause()
        forward = app_on.screen.query_one(ForwardTable)
        assert column_texts(forward, "expected") == ["1,000", "100", "50", "25", "12"]
        assert column_texts(forward, "needed") == ["16%", "80%", "80%", "80%", ""]
        assert str(app_on.screen.query_one("#verdict").render()) == "1,000 at the top: 8 short of KGI 20"
        await pilot.press("ctrl+a", "ctrl+k", "x")
        assert str(app_on.screen.query_one("#verdict").render()) == 'type a number (got "x")'


async def test_open_a_plan_beside_and_bad_files_get_a_clear_message(app_on, samples, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("format = 1\n")
    async with app_on.run_test(size=(160, 40)) as pilot:
        table = await go_to_whatif(pilot)
        await open_editor(pilot, "b")
        await pilot.press(*str(bad), "enter")
        problem = f"{bad}: stages: missing: a plan needs at least two [[stages]], top of the funnel first"
        await wait_until(pilot, lambda: editor_state(app_on)[1] == problem)
        await pilot.press("ctrl+a", "ctrl+k", *str(samples / "saas-trial.toml"), "enter")
        await wait_until(pilot, lambda: len(table.columns_shown) == 7)
        assert (cell(table, "name", 4), cell(table, "note", 4)) == ("Baseline", "Q3 self-serve trials")
        assert cell(table, "target:Visitors", 4) == "13,838" and cell(table, "target:Visitors", 0) == ""
        await put_cursor(pilot, table, "rate:Visitors", 5)
        await pilot.press("enter")
        assert not isinstance(app_on.screen, Editor)  # read-only here
        await pilot.press("x")
        assert len(table.columns_shown) == 4


async def test_a_plan_beside_is_read_once_on_enter_and_off_the_ui_thread(app_on, samples, monkeypatch):
    # A file that blocks when read (a FIFO, a hung network folder) must never freeze the app.
    reads, release = [], threading.Event()

    def slow_load(path):
        reads.append((str(path), threading.current_thread() is threading.main_thread()))
        if threading.current_thread() is not threading.main_thread():
            release.wait(10)
        raise PlanError.of_file(path, "could not be read")

    monkeypatch.setattr("kpitui.app.screens.whatif.load_plan", slow_load)
    async with app_on.run_test(size=(160, 40)) as pilot:
        await go_to_whatif(pilot)
        await open_editor(pilot, "b")
        await pilot.press(*"/tmp/slow.toml")
        assert reads == []  # nothing is read while the path is typed
        await pilot.press("enter")
        await wait_until(pilot, lambda: reads)
        assert reads == [("/tmp/slow.toml", False)]
        await pilot.press("escape", "l")  # the read still hangs: the app answers all the same
        await pilot.pause()
        assert not app_on.screen.query_one("#levers-panel").display
        release.set()


async def test_a_fifo_typed_as_the_plan_beside_never_hangs_the_app(app_on, tmp_path):
    fifo = tmp_path / "plan.fifo"
    os.mkfifo(fifo)
    async with app_on.run_test(size=(160, 40)) as pilot:
        await go_to_whatif(pilot)
        await open_editor(pilot, "b")
        await pilot.press(*str(fifo), "enter", "escape")
        await pilot.pause()
        assert isinstance(app_on.screen, WhatIfScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app_on.is_running
    try:  # let a read that is still waiting on the FIFO end
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    except OSError:
        pass


async def test_the_panel_follows_the_terminal_height_and_l_toggles_it(app_on):
    async with app_on.run_test(size=(80, 24)) as pilot:
        await go_to_whatif(pilot)
        panel = app_on.screen.query_one("#levers-panel")
        assert not panel.display
        await pilot.press("l")
        assert panel.display


async def test_thirty_scenarios_scroll_with_the_labels_and_baseline_pinned(tmp_path):
    from benchmarks.large_plan import large_plan
    from kpitui.core.files.planfile import save_plan

    path = tmp_path / "wide.toml"
    save_plan(large_plan(stages=30, scenarios=30), path)
    app = make_app(path)
    async with app.run_test(size=(120, 36)) as pilot:
        table = await go_to_whatif(pilot)
        assert len(table.columns_shown) == 31
        assert table.get_cell_at((0, 1)).plain == "Baseline"
        await pilot.press(*["right"] * 31)
        assert table.selected_column_index == 30
        assert table.get_cell_at((0, table.cursor_column)).plain == "Scenario 029"
        assert table.get_cell_at((2, 0)).plain == "Revenue"  # the labels stay
        assert table.get_cell_at((0, 1)).plain == "Baseline"  # and so does what the differences are from
        assert "columns 1, " in table.border_subtitle
        await pilot.press(*["left"] * 31)
        assert table.selected_column_index is None and table.window_start == 1
        await pilot.press("end")  # the last scenario, however far; Home back to the labels and the first ones
        assert table.selected_column_index == 30 and "columns 1, " in table.border_subtitle
        await pilot.press("home")
        assert table.selected_column_index is None and table.window_start == 1


async def test_the_levers_panel_shows_the_selected_column_after_new_copy_and_scrolling(app_on):
    async with app_on.run_test(size=(100, 40)) as pilot:
        table = await go_to_whatif(pilot)
        panel = app_on.screen.query_one("#levers-panel")

        def shown() -> str:
            return str(panel.border_title).removesuffix(": levers and forward")

        for keys in (
            ("n",),
            ("escape",),
            ("y",),
            ("left",),
            ("left",),
            ("left",),
            ("right",),
            ("right",),
            ("right",),
            ("n",),
            ("escape",),
        ):
            await pilot.press(*keys)
            await pilot.pause()
            assert shown() == table.columns_shown[table.selected_column_index or 0].label, keys


async def test_resizing_keeps_the_selected_scenario(app_on):
    async with app_on.run_test(size=(160, 40)) as pilot:
        table = await go_to_whatif(pilot)
        await put_cursor(pilot, table, "kgi", 2)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert table.selected_column_index == 2
        await pilot.resize_terminal(160, 40)
        await pilot.pause()
        assert table.selected_column_index == 2


async def test_a_wide_scenario_cell_keeps_the_row_labels_and_baseline_in_view(app_on):
    async with app_on.run_test(size=(80, 24)) as pilot:
        table = await go_to_whatif(pilot)
        await put_cursor(pilot, table, "name", 1)
        await open_editor(pilot, "enter")
        await pilot.press(*"A scenario with a very long name indeed", "enter")
        await pilot.pause()
        assert table.fixed_columns == 2  # labels and baseline, should anything scroll sideways
        assert table.virtual_size.width <= table.scrollable_content_region.width


async def test_a_new_scenario_is_named_at_once_with_enter(app_on):
    async with app_on.run_test(size=(160, 40)) as pilot:
        table = await go_to_whatif(pilot)
        await put_cursor(pilot, table, "rate:Leads", 1)
        await open_editor(pilot, "n")
        assert editor_state(app_on) == ("Scenario 1", "")
        await pilot.press("ctrl+a", "ctrl+k", *"Cheaper ads", "enter")
        assert app_on.document.plan.scenarios[-1].name == "Cheaper ads"
        assert app_on.document.plan.scenarios[0].rates == {"Nurtured": Decimal("0.6")}
        assert table.selected_column_index == 4 and table.rows_shown[table.cursor_row] is NAME


async def test_a_theme_switch_recolours_the_differences(app_on):
    async with app_on.run_test(size=(160, 40)) as pilot:
        table = await go_to_whatif(pilot)
        row = [row.key for row in table.rows_shown].index("target:Visits")

        def difference_colour():
            cell = table.get_cell_at((row, 2))
            assert cell.plain == "1,340 -260 (-16%)"
            return cell.spans[-1].style.color.triplet

        app_on.theme = "nord"
        await pilot.pause()
        before = difference_colour()
        app_on.theme = "gruvbox"
        await pilot.pause()
        await pilot.pause()
        assert difference_colour() != before
