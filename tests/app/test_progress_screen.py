"""Pilot tests of the Progress screen: the monthly meeting, from typing counts to a scenario."""

from textual import events
from textual.geometry import Region
from textual.widgets import Static

from benchmarks.large_plan import followed_plan
from kpitui.app.app import KpiApp
from kpitui.app.dialogs.actuals_import import ImportPreview
from kpitui.app.factory import make_app
from kpitui.app.widgets.cells import row_keys
from kpitui.app.widgets.progress_grid import MonthGrid
from kpitui.app.widgets.progress_table import ProgressTable
from kpitui.app.widgets.review_table import ReviewTable
from kpitui.core.domain.months import Month
from kpitui.core.session.document import PlanDocument
from tests.app.helpers import column_texts, editor_state, open_editor, record_notifications, wait_until

JUNE, JULY = Month(2026, 6), Month(2026, 7)


async def go_to_progress(pilot) -> MonthGrid:
    await pilot.press("4")
    await pilot.pause()
    return pilot.app.screen.query_one(MonthGrid)


def grid_cell(app, stage: str, month: str) -> str:
    """What the grid shows for `stage` in `month` (a month in view)."""
    grid = app.screen.query_one(MonthGrid)
    index = grid.labels.index(month)
    assert index in grid.window, f"{month} is not in view"
    return grid.get_cell_at((row_keys(grid).index(stage), grid.table_column(index))).plain


def pace(app, column: str) -> list[str]:
    return column_texts(app.screen.query_one(ProgressTable), column)


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_opens_as_of_the_last_month_with_actuals_on_that_month(app_on):
    async with app_on.run_test(size=(120, 40)) as pilot:
        grid = await go_to_progress(pilot)
        assert app_on.focused is grid
        assert grid.cell_at(grid.cursor_coordinate).month == JUNE
        assert text_of(app_on, "#progress-summary").startswith("As of 2026-06 (month 3 of 12)")
        assert pace(app_on, "status") == ["✓ on track", "✗ behind", "! at risk", "✓ on track", "✓ on track"]
        assert pace(app_on, "actual") == ["408", "33", "19", "11", "5"]
        assert pace(app_on, "plan") == ["400", "40", "20", "10", "5"]
        assert pace(app_on, "seen")[0] == "bottleneck 8.1%"
        assert grid_cell(app_on, "Visits", "2026-06") == "139 / 133"
        assert grid_cell(app_on, "Visits", "2026-07") == "· / 134"


def drawn_lines(grid: MonthGrid) -> list[str]:
    """The grid as it is drawn on the screen, line by line."""
    return [strip.text for strip in grid.render_lines(Region(0, 0, grid.size.width, grid.size.height))]


async def test_a_count_wider_than_its_column_widens_it_at_once(app_on):
    async with app_on.run_test(size=(80, 24)) as pilot:
        grid = await go_to_progress(pilot)
        await pilot.press("right_square_bracket")  # as of July, on Visits
        assert "· / 134" in drawn_lines(grid)[1]
        await open_editor(pilot, "enter")
        await pilot.press(*"1510", "enter")
        await pilot.pause()
        heading, visits = drawn_lines(grid)[:2]
        assert "1,510 / 134" in visits  # not "1,510 /", the planned figure cut off
        assert heading.index("2026-08") == visits.index("· / 133")  # every row drawn at the new width


async def test_typing_an_actual_records_it_and_the_figures_follow(app_on):
    async with app_on.run_test(size=(120, 40)) as pilot:
        await go_to_progress(pilot)
        await pilot.press("right_square_bracket")  # as of July; the cursor follows to July
        await open_editor(pilot, "down", "enter")  # Leads in July
        assert editor_state(app_on) == ("", "")
        await pilot.press(*"25", "enter")
        await pilot.pause()
        plan = app_on.document.plan
        assert plan.actuals[JULY] == {"Leads": 25}
        assert app_on.document.modified
        assert grid_cell(app_on, "Leads", "2026-07") == "25 / 14"
        assert pace(app_on, "actual")[1] == "58"
        assert pace(app_on, "status")[1] == "✓ on track"


async def test_the_editor_opens_with_the_value_selected_refuses_bad_counts_and_keeps_them(app_on):
    async with app_on.run_test(size=(120, 40)) as pilot:
        await go_to_progress(pilot)
        await open_editor(pilot, "enter")  # Visits in June: 139
        assert editor_state(app_on) == ("139", "")
        await pilot.press(*"-5")  # typing replaces the selected value
        await pilot.press("enter")
        text, problem = editor_state(app_on)
        assert text == "-5" and "from 0" in problem
        assert app_on.document.plan.actuals[JUNE]["Visits"] == 139  # nothing changed
        await pilot.press("ctrl+u", *"1,500O", "enter")
        assert editor_state(app_on)[1].startswith("type a number")
        await pilot.press("ctrl+u", "0", "enter")  # 0 is a count, not "not recorded"
        await pilot.pause()
        assert app_on.document.plan.actuals[JUNE]["Visits"] == 0


async def test_an_empty_value_removes_the_record_and_undo_redo_bring_it_back(app_on):
    async with app_on.run_test(size=(120, 40)) as pilot:
        await go_to_progress(pilot)
        await open_editor(pilot, "down", "enter")  # Leads in June: 11
        await pilot.press("backspace", "enter")
        await pilot.pause()
        assert "Leads" not in app_on.document.plan.actuals[JUNE]
        assert grid_cell(app_on, "Leads", "2026-06") == "· / 13"
        assert pace(app_on, "actual")[1] == "22"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app_on.document.plan.actuals[JUNE]["Leads"] == 11
        assert grid_cell(app_on, "Leads", "2026-06") == "11 / 13"
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert "Leads" not in app_on.document.plan.actuals[JUNE]


async def test_the_edit_lands_on_the_cell_it_started_on_wherever_the_cursor_went(app_on):
    async with app_on.run_test(size=(120, 40)) as pilot:
        grid = await go_to_progress(pilot)
        await open_editor(pilot, "enter")  # Visits in June
        grid.move_cursor(row=3, column=1)  # something moves the grid's cursor while the editor is open
        await pilot.press(*"150", "enter")
        await pilot.pause()
        assert app_on.document.plan.actuals[JUNE]["Visits"] == 150
        assert app_on.document.plan.actuals[Month(2026, 4)]["Meetings"] == 3


async def test_the_as_of_month_changes_with_keys_and_the_figures_follow(app_on):
    async with app_on.run_test(size=(120, 40)) as pilot:
        grid = await go_to_progress(pilot)
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert text_of(app_on, "#progress-summary").startswith("As of 2026-04 (month 1 of 12)")
        assert pace(app_on, "actual") == ["128", "12", "6", "3", "1"]
        assert grid.cell_at(grid.cursor_coordinate).month == Month(2026, 4)
        notes = record_notifications(app_on)
        await pilot.press("left_square_bracket")
        assert notes == ["That is the plan's first month."]
        await pilot.press("right_square_bracket")
        assert pace(app_on, "actual")[0] == "269"


def three_years() -> KpiApp:
    """Five stages followed for 36 months: far more months than a terminal shows at once."""
    return KpiApp(PlanDocument(followed_plan(5, 36), None))


def cursor_month(grid: MonthGrid) -> str | None:
    cell = grid.cell_at(grid.cursor_coordinate)
    return cell.label if cell is not None else None


def headings(grid: MonthGrid) -> list[str]:
    return drawn_lines(grid)[0].split()[1:]


async def test_the_grid_holds_the_months_in_view_and_moving_past_its_edge_shows_the_next():
    app = three_years()
    async with app.run_test(size=(80, 24)) as pilot:
        grid = await go_to_progress(pilot)
        assert cursor_month(grid) == "2029-03"  # the as-of month, the last
        await pilot.press("home")
        shown = headings(grid)
        assert shown[0] == "2026-04" and len(grid.columns) == len(shown) + 1 < 10  # not 37 columns
        await pilot.press(*["right"] * len(shown))  # on to the last month in view
        assert cursor_month(grid) == shown[-1] and headings(grid) == shown
        await pilot.press("right")
        assert cursor_month(grid) == grid.labels[len(shown)]  # the next month, brought into view
        assert headings(grid) == [*shown[1:], grid.labels[len(shown)]]
        assert grid.get_cell_at(grid.cursor_coordinate).plain == grid_cell(app, "Stage 000", grid.labels[len(shown)])


async def test_every_month_is_reached_by_keyboard_in_order():
    app = three_years()
    async with app.run_test(size=(80, 24)) as pilot:
        grid = await go_to_progress(pilot)
        await pilot.press("home")
        seen = []
        for _ in range(36):
            await pilot.press("right")
            seen.append(cursor_month(grid))
            assert seen[-1] in headings(grid)
        assert seen == list(grid.labels)
        for _ in range(36):
            await pilot.press("left")
        assert cursor_month(grid) is None and headings(grid)[0] == "2026-04"
        await pilot.press("end")
        assert cursor_month(grid) == "2029-03" == headings(grid)[-1]
        await pilot.press("home", "ctrl+pagedown")
        page = len(grid.window)
        assert cursor_month(grid) == grid.labels[page]  # a window's width on from the first month
        await pilot.press("ctrl+pageup")
        assert cursor_month(grid) == "2026-04"


async def test_a_sideways_scroll_moves_the_months_and_keeps_the_cursor_on_its_month():
    app = three_years()
    async with app.run_test(size=(80, 24)) as pilot:
        grid = await go_to_progress(pilot)
        await pilot.press("home", "right", "right")
        assert cursor_month(grid) == "2026-05"
        grid.post_message(events.MouseScrollRight(grid, 0, 0, 0, 0, 0, False, False, False))
        await pilot.pause()
        assert headings(grid)[0] == "2026-05" and cursor_month(grid) == "2026-05"
        grid.post_message(events.MouseScrollDown(grid, 0, 0, 0, 0, 0, True, False, False))  # shift+wheel
        await pilot.pause()
        assert headings(grid)[0] == "2026-06" and cursor_month(grid) == "2026-06"  # its month left the view


async def test_the_as_of_keys_mark_its_heading_in_place_and_bring_it_into_view():
    app = three_years()
    async with app.run_test(size=(80, 24)) as pilot:
        grid = await go_to_progress(pilot)
        as_of = grid.style_of("as-of")

        def marked() -> list[str]:
            return [column.label.plain for column in grid.ordered_columns[1:] if column.label.style == as_of]

        columns = list(grid.columns.values())
        assert marked() == ["2029-03"]
        await pilot.press("left_square_bracket")
        assert marked() == ["2029-02"] and cursor_month(grid) == "2029-02"
        assert all(new is old for new, old in zip(grid.columns.values(), columns, strict=True))  # not rebuilt
        await pilot.press("home", "right_square_bracket")  # as of the last month again, far out of view
        assert marked() == ["2029-03"] and cursor_month(grid) == "2029-03" == headings(grid)[-1]


async def test_an_actual_typed_in_a_late_month_lands_on_that_month():
    app = three_years()
    async with app.run_test(size=(80, 24)) as pilot:
        grid = await go_to_progress(pilot)
        await pilot.press("home", *["right"] * 30, "down")  # Stage 001 in 2028-09, months past the first window
        assert cursor_month(grid) == "2028-09"
        await open_editor(pilot, "enter")
        await pilot.press("ctrl+u", *"77", "enter")
        await pilot.pause()
        assert app.document.plan.actuals[Month(2028, 9)]["Stage 001"] == 77
        assert grid_cell(app, "Stage 001", "2028-09").startswith("77 / ")
        assert cursor_month(grid) == "2028-09"


async def test_behind_stages_show_their_contingency_plan_and_j_opens_the_review(app_on):
    async with app_on.run_test(size=(120, 40)) as pilot:
        await go_to_progress(pilot)
        behind = text_of(app_on, "#progress-behind")
        assert behind == (
            "✗ Leads: 33 of 40 planned to date (82.5%); needs 15 a month from now on\n"
            "  contingency plan (concern): Add a paid campaign if below 80 % of target by month 6"
        )
        await pilot.press("j")
        await pilot.pause()
        table = app_on.screen.query_one(ReviewTable)
        assert app_on.focused is table
        assert (table.selected_stage, table.selected_criterion) == ("Leads", "contingency")


async def test_the_behind_panel_shows_hidden_characters_of_a_contingency_plan_as_escapes(plan_file):
    sample = plan_file.read_text(encoding="utf-8")
    hostile = "Call\\tthe\\u2028list\\u0085now\\u200b\\u001cok\\nthen\\u202eret"
    plan_file.write_text(sample.replace("Add a paid campaign if below 80 % of target by month 6", hostile), encoding="utf-8")
    async with make_app(plan_file).run_test(size=(160, 40)) as pilot:
        await go_to_progress(pilot)
        behind = text_of(pilot.app, "#progress-behind")
        assert behind.endswith("contingency plan (concern): Call\\x09the\\u2028list\\x85now\\u200b\\x1cok then\\u202eret")


async def test_no_behind_panel_when_nothing_is_behind(app_on):
    async with app_on.run_test(size=(120, 40)) as pilot:
        await go_to_progress(pilot)
        await open_editor(pilot, "down", "enter")  # Leads in June: 11 → 18 makes 40 of 40
        await pilot.press(*"18", "enter")
        await pilot.pause()
        assert pace(app_on, "status")[1] == "✓ on track"
        assert not app_on.screen.query_one("#progress-behind").display


async def test_a_scenario_from_the_observed_rates(app_on):
    async with app_on.run_test(size=(120, 40)) as pilot:
        await go_to_progress(pilot)
        notes = record_notifications(app_on)
        await pilot.press("o")
        scenario = app_on.document.plan.scenarios[-1]
        assert scenario.name == "Observed 2026-06"
        assert str(scenario.rates["Visits"]) == "0.080883"
        assert notes == ["Scenario Observed 2026-06: the rates seen, against the plan on the What-if screen (3)."]
        await pilot.press("ctrl+z")
        assert [s.name for s in app_on.document.plan.scenarios] == ["Better nurturing", "Web share 25%", "Conservative"]


async def write_csv(tmp_path, text: str, name: str = "july.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


async def type_path(pilot, path) -> None:
    await open_editor(pilot, "i")
    await pilot.press(*str(path), "enter")


async def test_an_import_previews_then_records_as_one_undo_step(app_on, tmp_path):
    path = await write_csv(tmp_path, "month,Visits,Leads\n2026/07,131,9\n2026/06,140,11\n")
    async with app_on.run_test(size=(120, 40)) as pilot:
        await go_to_progress(pilot)
        before = app_on.document.plan
        await type_path(pilot, path)
        await wait_until(pilot, lambda: isinstance(app_on.screen, ImportPreview))
        assert app_on.document.plan is before  # nothing changes before the preview is accepted
        lines = str(app_on.screen.query_one("#import-lines", Static).render())
        assert lines == "added     2026-07  Visits: 131\nadded     2026-07  Leads: 9\nreplaced  2026-06  Visits: 139 → 140"
        await pilot.press("i")
        await pilot.pause()
        plan = app_on.document.plan
        assert plan.actuals[JULY] == {"Visits": 131, "Leads": 9} and plan.actuals[JUNE]["Visits"] == 140
        assert grid_cell(app_on, "Visits", "2026-07") == "131 / 134"
        await pilot.press("ctrl+z")
        assert app_on.document.plan == before


async def test_a_cancelled_import_changes_nothing(app_on, tmp_path):
    path = await write_csv(tmp_path, "month,stage,count\n2026-07,Visits,131\n")
    async with app_on.run_test(size=(120, 40)) as pilot:
        await go_to_progress(pilot)
        before = app_on.document.plan
        await type_path(pilot, path)
        await wait_until(pilot, lambda: isinstance(app_on.screen, ImportPreview))
        await pilot.press("escape")
        await pilot.pause()
        assert app_on.document.plan is before and not app_on.document.modified


async def test_a_refused_file_shows_the_cores_message_in_the_dialog(app_on, tmp_path):
    path = await write_csv(tmp_path, "month,Visits,Calls\n2026-07,131,4\n")
    async with app_on.run_test(size=(120, 40)) as pilot:
        await go_to_progress(pilot)
        before = app_on.document.plan
        await type_path(pilot, path)
        await wait_until(pilot, lambda: not editor_state(app_on)[1].startswith("Checking"))
        problem = editor_state(app_on)[1]
        assert problem == (
            f'{path}:1:3: no stage is called "Calls"'
            """ (the plan's stages: "Visits", "Leads", "Nurtured", "Meetings", "Orders")"""
        )
        assert app_on.document.plan is before
