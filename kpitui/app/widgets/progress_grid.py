"""The month grid: stages down, months across, each cell the actual count beside the planned one."""

from collections.abc import Sequence
from typing import NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import on
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from kpitui.app.type_ahead import EnterOpensEditors, Request
from kpitui.app.widgets.cells import fit_column, literal, redraw_on_theme_change, relabel, row_keys, sync_rows
from kpitui.app.widgets.column_window import ColumnWindow
from kpitui.app.widgets.marks import not_recorded
from kpitui.core.domain.calendar import MonthlyPlan
from kpitui.core.domain.months import Month
from kpitui.core.domain.plan import Plan
from kpitui.core.text.formatting import format_count
from kpitui.core.text.i18n import N_, Translated, _, tr
from kpitui.core.text.safe_text import visible

NAME_WIDTH = 20


class GridCell(NamedTuple):
    """A month cell by what it means: the stage and the month (None for a plan without a calendar)."""

    stage: str
    month: Month | None
    label: str


Figure = tuple[int | None, int, bool, bool]
"""What a month cell shows: the actual count (None: not recorded), the planned count, whether the
missing count stands out (the month is past), whether the month is later than the as-of month."""


def figure_parts(actual: int | None, planned: int) -> tuple[str, str]:
    """`1,510` and ` / 134`: the actual count (or the not-recorded mark) and the planned one."""
    return not_recorded() if actual is None else format_count(actual), f" / {format_count(planned)}"


class MonthGrid(EnterOpensEditors, ColumnWindow):
    """`actual / planned` for every stage and month; the as-of month's heading stands out.

    The grid holds only the months that fit its width beside the stage names (see `ColumnWindow`):
    120 months held at once made every repaint draw 120 cells a row. A month's figures are worked
    out when it comes into view.
    """

    BORDER_TITLE = Translated(N_("Month by month: actual / planned"))
    COMPONENT_CLASSES = DataTable.COMPONENT_CLASSES | {"grid--as-of", "grid--missing", "grid--planned", "grid--later"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="cell", zebra_stripes=True)
        self.fixed_columns = 1  # stage names stay while the months scroll
        self.plan: Plan | None = None
        self.schedule: MonthlyPlan | None = None
        self.as_of_number = 0
        self.months: tuple[Month, ...] = ()
        self.labels: tuple[str, ...] = ()
        self.names_width = 0  # the stage column's, padding included
        self.figures: dict[int, list[Figure]] = {}  # by month index, a figure a stage: only months looked at
        self.widths: dict[int, int] = {}  # by month index, its column's width with padding
        self.drawn: list[Sequence[Figure | None]] = []  # by month column of the table, what each row's cell shows

    def on_mount(self) -> None:
        redraw_on_theme_change(self, self.recolour)

    def recolour(self) -> None:
        """Every cell and heading in view made again, in the theme's colours now."""
        self.drawn = [[None] * self.row_count for _column in self.drawn]
        for column in self.ordered_columns[1:]:
            column.label = Text()
        self.draw()

    class EditRequested(Request):
        """Enter or a click on a month cell: record the actual count of `cell` (its stage and month)."""

        def __init__(self, grid: "MonthGrid", cell: GridCell) -> None:
            super().__init__()
            self.grid = grid
            self.cell = cell

        @property
        def control(self) -> "MonthGrid":
            return self.grid

    @on(DataTable.CellSelected)
    def request_edit(self, event: DataTable.CellSelected) -> None:
        """The stage and month of the cell, fixed now: the cursor may move before the request is handled."""
        event.stop()
        cell = self.cell_at(event.coordinate)
        if cell is not None:
            self.post_message(self.EditRequested(self, cell))
        else:
            self.app.request_handled()  # nothing to open: keys held since Enter go on

    def cell_at(self, coordinate: Coordinate) -> GridCell | None:
        """The stage and month of the cell at `coordinate`; None on the stage names."""
        index = self.column_index(coordinate.column)
        if not self.row_count or index is None:
            return None
        stage = self.ordered_rows[coordinate.row].key.value
        return GridCell(stage, self.months[index] if self.months else None, self.labels[index])  # type: ignore[arg-type]

    @property
    def selected_stage(self) -> str | None:
        """The stage of the row under the cursor."""
        return self.ordered_rows[self.cursor_row].key.value if self.row_count else None

    # The window of months ----------------------------------------------------------------------------

    @property
    def run_length(self) -> int:
        return len(self.labels)

    def run_width(self, index: int) -> int:
        if index not in self.widths:
            widths = [sum(map(cell_len, figure_parts(*figure[:2]))) for figure in self.figures_of(index)]
            self.widths[index] = max([cell_len(self.labels[index]), *widths]) + 2 * self.cell_padding
        return self.widths[index]

    def window_room(self) -> int:
        rows = len(self.schedule.stages) if self.schedule else 0
        scrollbar = self.styles.scrollbar_size_vertical if rows + self.header_height > self.size.height else 0
        return self.size.width - scrollbar - self.names_width

    def fit_window(self) -> None:
        if self.schedule is not None:
            self.settle_window()
            self.draw()

    # Drawing ---------------------------------------------------------------------------------------

    def style_of(self, name: str) -> Style:
        return self.get_component_rich_style(f"grid--{name}", partial=True)

    def cell_styles(self) -> dict[str, Style]:
        """The cell styles from the CSS, looked up once a drawing rather than once a cell."""
        return {name: self.style_of(name) for name in ("missing", "planned", "later")}

    @staticmethod
    def month_cell(styles: dict[str, Style], actual: int | None, planned: int, missing: bool, later: bool) -> Text:
        """`actual / planned`; a month up to the as-of month with nothing recorded stands out, later months are muted."""
        count, of_planned = figure_parts(actual, planned)
        cell = Text.assemble((count, styles["missing"] if missing else ""), (of_planned, styles["planned"]), justify="right")
        if later:
            cell.stylize(styles["later"])
        return cell

    def figures_of(self, index: int) -> list[Figure]:
        """Every stage's figure in month `index`."""
        if index not in self.figures:
            assert self.plan is not None and self.schedule is not None
            recorded = self.plan.actuals.get(self.months[index], {}) if self.months else {}
            elapsed = index < self.as_of_number
            figures: list[Figure] = []
            for stage, planned in zip(self.schedule.stages, self.schedule.planned, strict=True):
                actual = recorded.get(stage)
                figures.append((actual, planned[index], elapsed and actual is None, not elapsed))
            self.figures[index] = figures
        return self.figures[index]

    def show(self, plan: Plan, schedule: MonthlyPlan, as_of_number: int) -> None:
        """Every stage's actual and planned count in the months in view; the as-of month is month `as_of_number`."""
        self.plan, self.schedule, self.as_of_number = plan, schedule, as_of_number
        self.months, self.labels = plan.calendar_months(), schedule.months
        self.figures.clear()
        self.widths.clear()
        names = [min(NAME_WIDTH, cell_len(visible(stage))) for stage in schedule.stages]
        self.names_width = max([cell_len(_("Stage")), *names]) + 2 * self.cell_padding
        self.settle_window()
        self.draw()

    def draw(self) -> None:
        """The months of the window, each headed by its month.

        A typed count changes one cell of hundreds, and a move of the window shows other months in
        the same columns: cells are compared by what they show (a `Figure`), and only the changed
        ones are made and updated.
        """
        if self.schedule is None:
            return
        window = self.window
        refit = self.hold_columns(window)
        figures = [self.figures_of(index) for index in window]
        styles = self.cell_styles()
        if row_keys(self) == list(self.schedule.stages):
            for position, (column, before) in enumerate(zip(figures, self.drawn, strict=True), start=1):
                for row, figure in enumerate(column):
                    if figure != before[row]:
                        self.update_cell_at(Coordinate(row, position), self.month_cell(styles, *figure))
                        refit.add(position)
            for position in refit:
                fit_column(self, position, list(self.get_column_at(position)))
        else:
            sync_rows(
                self,
                [
                    (stage, [literal(stage, width=NAME_WIDTH), *(self.month_cell(styles, *column[row]) for column in figures)])
                    for row, stage in enumerate(self.schedule.stages)
                ],
            )
        self.drawn = list(figures)
        if len(window) < self.run_length:  # which months show, now that no scrollbar says there are more
            first, last = self.labels[window.start], self.labels[window.stop - 1]
            self.border_subtitle = tr("{first}–{last} of {count} months", first=first, last=last, count=self.run_length)
        else:
            self.border_subtitle = ""

    def hold_columns(self, window: range) -> set[int]:
        """A table column a month in view, headed by its month, the as-of month's heading marked:
        headings change in place, so moving the as-of month or the window keeps the cells.
        Returns the columns whose heading changed."""
        if not self.columns:
            self.add_column(Text(_("Stage")), key="stage")
        while len(self.columns) - 1 < len(window):
            self.add_column(Text(), key=f"month-{len(self.columns)}")
            self.drawn.append([None] * self.row_count)
        while len(self.columns) - 1 > len(window):
            self.remove_column(self.ordered_columns[-1].key)
            self.drawn.pop()
        heading = self.style_of("as-of")
        return {
            position
            for position, index in enumerate(window, start=1)
            if relabel(
                self,
                position,
                Text(self.labels[index], style=heading if index + 1 == self.as_of_number else "", justify="right"),
            )
        }
