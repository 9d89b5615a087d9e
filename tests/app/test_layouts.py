"""What gives way at 80x24 and what grows at 160x45: names give way, figures and headings never do."""

import re

import pytest
from rich.cells import cell_len
from textual.widgets import DataTable, TextArea

from kpitui.app.factory import make_app
from kpitui.app.widgets.comparison_table import ComparisonTable
from kpitui.app.widgets.progress_table import ProgressTable
from kpitui.core.domain import comparison
from kpitui.core.domain.comparison import Column, Row
from kpitui.core.domain.progress import StageStatus
from kpitui.core.text.formatting import format_count, format_observed_rate, format_percent
from kpitui.core.text.safe_text import visible
from tests.app.helpers import hostile_with_actuals, screen_text

NARROW, WIDE = (80, 24), (160, 45)


def fits_sideways(table: DataTable) -> bool:
    """Every column in view: nothing of the table is left to scroll to."""
    return table.max_scroll_x == 0 and table.scroll_x == 0


def shows_every_row(table: DataTable) -> bool:
    return table.max_scroll_y == 0


def empty_rows(table: DataTable) -> int:
    """Lines of the table below its last row."""
    header = table.header_height if table.show_header else 0
    return table.scrollable_content_region.height - header - table.row_count


async def go_to(pilot, key: str) -> None:
    await pilot.press(key)
    await pilot.pause()


@pytest.mark.parametrize("plan", ["web-reference.toml", "web-reference-ja.toml", "hostile-names.toml"])
async def test_the_review_keeps_every_column_in_view_at_80_columns_after_a_plan_is_written(samples, tmp_path, plan):
    app = make_app(samples / plan)
    async with app.run_test(size=NARROW) as pilot:
        await go_to(pilot, "2")
        table = app.screen.query_one("#review", DataTable)
        await pilot.press(*["down"] * (table.row_count - 1), *["right"] * 6)
        await pilot.pause()
        await pilot.press("p", "x", "escape")  # write the last KPI's contingency plan, back to the table
        await pilot.pause()
        assert fits_sideways(table)  # the names did not scroll away
        assert [cell.plain for cell in table.get_column_at(6)][-1] == "written"


@pytest.mark.parametrize("plan", ["web-reference.toml", "web-reference-ja.toml", "hostile-names.toml"])
async def test_levers_and_forward_show_every_column_at_80_columns(samples, plan):
    app = make_app(samples / plan)
    async with app.run_test(size=NARROW) as pilot:
        await go_to(pilot, "3")
        await go_to(pilot, "l")
        for name in ("#levers", "#forward"):
            assert fits_sideways(app.screen.query_one(name, DataTable)), name
        assert shows_every_row(app.screen.query_one("#forward", DataTable))  # all five stages


async def test_the_what_if_panel_shows_every_forward_row_at_160x45(samples):
    app = make_app(samples / "web-reference.toml")
    async with app.run_test(size=WIDE) as pilot:
        await go_to(pilot, "3")
        compare = app.screen.query_one("#compare", DataTable)
        assert shows_every_row(compare) and empty_rows(compare) == 0  # no half-empty comparison above
        forward = app.screen.query_one("#forward", DataTable)
        assert forward.row_count == 5 and shows_every_row(forward)
        await go_to(pilot, "l")  # the user's choice outranks the terminal's size
        assert not app.screen.query_one("#levers-panel").display


async def test_the_review_gives_the_texts_the_room_at_160x45(samples):
    app = make_app(samples / "web-reference.toml")
    async with app.run_test(size=WIDE) as pilot:
        await go_to(pilot, "2")
        table = app.screen.query_one("#review", DataTable)
        assert shows_every_row(table) and empty_rows(table) == 0
        for area in app.screen.query(TextArea):
            assert area.size.height >= 20  # the notes boxes grow, not the table's empty rows


async def test_names_are_not_cut_while_there_is_room_at_160x45(samples):
    """A long stage name and title: whole in the funnel chart, the goal table, the What-if labels and
    the levers and forward tables, where 160 columns leave them the room."""
    app = make_app(samples / "hostile-names.toml")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        chart = app.screen.query_one("#chart").render().plain
        assert "Top [of] funnel " in chart and "[@click=app.quit]Visits[/] " in chart
        goal = app.screen.query_one("#goal", DataTable)
        assert [cell.plain for cell in goal.get_column_at(1)][-2] == r"[b]Hostile[/b] \x1b]0;pwned\x07 plan"
        await go_to(pilot, "3")
        compare = app.screen.query_one("#compare", DataTable)
        labels = [cell.plain for cell in compare.get_column_at(0)]
        assert "[@click=app.quit]Visits[/] target" in labels and r"Leads \x1b[31mred\x1b[0m \u202eevil rate" in labels
        for name in ("#levers", "#forward"):
            names = [cell.plain for cell in app.screen.query_one(name, DataTable).get_column_at(0)]
            assert "[@click=app.quit]Visits[/]" in names, name


async def test_the_baseline_stays_in_view_while_the_scenarios_scroll(samples):
    app = make_app(samples / "web-reference.toml")
    async with app.run_test(size=NARROW) as pilot:
        await go_to(pilot, "3")
        compare = app.screen.query_one("#compare", DataTable)
        await pilot.press(*["right"] * 4)  # to the last scenario: two fit beside the baseline
        await pilot.pause()
        assert [compare.get_cell_at((0, column)).plain for column in range(1, len(compare.columns))] == [
            "Baseline",
            "Web share 25%",
            "Conservative",
        ]


@pytest.mark.parametrize("screen", ["1", "2", "3", "4"])
async def test_the_footer_keeps_help_in_view_at_80_columns(samples, screen):
    app = make_app(samples / "web-reference-ja.toml")
    async with app.run_test(size=NARROW) as pilot:
        await go_to(pilot, screen)
        await pilot.pause(0.2)  # the footer follows the new screen's keys

        def key(action: str):
            (found,) = [key for key in app.screen.query("FooterKey") if getattr(key, "action", None) == action]
            return found.region

        # The palette's key sits at the right edge, over whatever the row of keys left there.
        assert key("help").right <= key("command_palette").x, "the footer cut the Help key"


def pace_figures(stage: StageStatus) -> list[str]:
    """Every figure of a stage's pace row as the core formats it: the counts, the attainment, the rates."""
    counts = (stage.actual_to_date, stage.plan_to_date, stage.forecast, stage.target, stage.needed_per_month)
    figures = [format_count(count) for count in counts if count is not None]
    if stage.attainment_shown is not None:
        figures.append(f"{stage.attainment_shown:f}%")
    if stage.rate is not None:
        figures.append(format_percent(stage.rate))
    if stage.observed_rate is not None:
        figures.append(format_observed_rate(stage.observed_rate))
    return figures


def whole(figure: str, line: str) -> bool:
    """Whether `figure` stands in `line` whole: not a piece of a longer number, not cut short."""
    return re.search(rf"(?<![\d.,]){re.escape(figure)}(?![\d.,%])", line) is not None


@pytest.mark.parametrize(
    ("plan", "language"),
    [("web-reference.toml", "en"), ("web-reference-ja.toml", "ja"), ("hostile", "en"), ("hostile", "ja")],
)
async def test_every_pace_figure_is_whole_on_screen_at_80x24(request, samples, plan, language):
    """Names and decorations give way on a narrow terminal; no figure of the pace table is cut or scrolled away."""
    if language == "ja":
        request.getfixturevalue("japanese")
    app = hostile_with_actuals(samples) if plan == "hostile" else make_app(samples / plan)
    async with app.run_test(size=NARROW) as pilot:
        await go_to(pilot, "4")
        table = app.screen.query_one(ProgressTable)
        lines = screen_text(app).splitlines()
        for row, stage in enumerate(app.screen.result.stages):
            line = lines[table.content_region.y + 1 + row]  # below the headings
            assert [figure for figure in pace_figures(stage) if not whole(figure, line)] == [], line
        assert fits_sideways(table)


def compared_figure(columns: list[Column], index: int, row: Row) -> str:
    """A figure of the comparison in full, as the core formats it: `* ` when overridden, then how it differs."""
    column = columns[index]
    figure = visible(comparison.format_value(row, comparison.value(column, row), column.plan.currency))
    change = comparison.format_difference(row, comparison.difference(columns, index, row))
    return ("* " if row.key in column.overridden else "") + figure + (" " + change if change else "")


@pytest.mark.parametrize(("plan", "language"), [("web-reference.toml", "en"), ("web-reference-ja.toml", "ja")])
async def test_the_comparison_shows_as_many_scenarios_as_fit_at_80x24(request, samples, plan, language):
    """Every figure in view whole, nothing to scroll sideways, and no room left for the next column."""
    if language == "ja":
        request.getfixturevalue("japanese")
    app = make_app(samples / plan)
    async with app.run_test(size=NARROW) as pilot:
        await go_to(pilot, "3")
        table = app.screen.query_one(ComparisonTable)
        columns, rows = table.columns_shown, table.rows_shown
        shown = [0, *table.window]
        for position, index in enumerate(shown, start=1):
            drawn = [table.get_cell_at((number, position)).plain for number in range(2, len(rows))]
            assert drawn == [compared_figure(columns, index, row) for row in rows[2:]]
        assert fits_sideways(table)
        assert len(shown) == 3 < len(columns)
        left = table.scrollable_content_region.width - sum(column.get_render_width(table) for column in table.ordered_columns)
        widest = max(cell_len(compared_figure(columns, len(shown), row)) for row in rows[2:])
        assert left < widest + 2 * table.cell_padding  # the next column would not fit
