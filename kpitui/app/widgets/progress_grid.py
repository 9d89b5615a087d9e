"""The month grid: stages down, months across, each cell the actual count beside the planned one."""

from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual import on
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable

from kpitui.app.safety import FailSafe
from kpitui.app.widgets.cells import fit_column, literal, row_keys, sync_rows
from kpitui.app.widgets.marks import not_recorded
from kpitui.core.domain.calendar import MonthlyPlan
from kpitui.core.domain.months import Month
from kpitui.core.domain.plan import Plan
from kpitui.core.text.formatting import format_count
from kpitui.core.text.i18n import N_, Translated, _

NAME_WIDTH = 20


class GridCell(NamedTuple):
    """A month cell by what it means: the stage and the month (None for a plan without a calendar)."""

    stage: str
    month: Month | None
    label: str


class MonthGrid(FailSafe, DataTable):
    """`actual / planned` for every stage and month; the as-of month's heading stands out."""

    BORDER_TITLE = Translated(N_("Month by month: actual / planned"))
    COMPONENT_CLASSES = DataTable.COMPONENT_CLASSES | {"grid--as-of", "grid--missing", "grid--planned", "grid--later"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="cell", zebra_stripes=True)
        self.fixed_columns = 1  # stage names stay while the months scroll
        self.months: tuple[Month, ...] = ()
        self.labels: tuple[str, ...] = ()
        self.shown_figures: dict[str, list[tuple[int | None, int, bool, bool]]] = {}  # by stage, what each cell shows

    class EditRequested(Message):
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

    def cell_at(self, coordinate: Coordinate) -> GridCell | None:
        """The stage and month of the cell at `coordinate`; None on the stage names."""
        if not self.row_count or coordinate.column == 0:
            return None
        index = coordinate.column - 1
        stage = self.ordered_rows[coordinate.row].key.value
        return GridCell(stage, self.months[index] if self.months else None, self.labels[index])  # type: ignore[arg-type]

    @property
    def selected_stage(self) -> str | None:
        """The stage of the row under the cursor."""
        return self.ordered_rows[self.cursor_row].key.value if self.row_count else None

    def set_months(self, plan: Plan, labels: tuple[str, ...], as_of_number: int) -> None:
        """One column a month (rebuilt only when the calendar changes), the as-of month's heading marked."""
        heading = self.style_of("as-of")
        wanted = [
            Text(label, style=heading if number == as_of_number else "", justify="right")
            for number, label in enumerate(labels, start=1)
        ]
        if self.labels != labels or [column.label for column in list(self.columns.values())[1:]] != wanted:
            cursor = self.cursor_coordinate
            self.clear(columns=True)
            self.add_column(_("Stage"), key="stage")
            for label, text in zip(labels, wanted, strict=True):
                self.add_column(text, key=label)
            self.labels = labels
            self.move_cursor(row=cursor.row, column=cursor.column, animate=False)
        self.months = plan.calendar_months()

    def style_of(self, name: str) -> Style:
        return self.get_component_rich_style(f"grid--{name}", partial=True)

    def cell_styles(self) -> dict[str, Style]:
        """The cell styles from the CSS, looked up once a drawing rather than once a cell."""
        return {name: self.style_of(name) for name in ("missing", "planned", "later")}

    @staticmethod
    def month_cell(styles: dict[str, Style], actual: int | None, planned: int, missing: bool, later: bool) -> Text:
        """`actual / planned`; a month up to the as-of month with nothing recorded stands out, later months are muted."""
        shown = Text(not_recorded(), style=styles["missing"] if missing else "") if actual is None else Text(format_count(actual))
        cell = Text.assemble(shown, (f" / {format_count(planned)}", styles["planned"]), justify="right")
        if later:
            cell.stylize(styles["later"])
        return cell

    def show(self, plan: Plan, schedule: MonthlyPlan, as_of_number: int) -> None:
        """Every stage's actual and planned count in every month.

        A typed count changes one cell of hundreds: cells are compared by what they show (a tuple),
        and only the changed ones are made and updated.
        """
        self.set_months(plan, schedule.months, as_of_number)
        recorded = [plan.actuals.get(month, {}) for month in self.months] if self.months else [{}] * len(schedule.months)
        figures = {
            stage: [
                (counts.get(stage), planned_count, number <= as_of_number, number > as_of_number)
                for number, (counts, planned_count) in enumerate(zip(recorded, planned, strict=True), start=1)
            ]
            for stage, planned in zip(schedule.stages, schedule.planned, strict=True)
        }
        styles = self.cell_styles()
        if row_keys(self) == list(figures) and self.shown_figures.keys() == figures.keys():
            changed_columns = set()
            for row, (stage, cells) in enumerate(figures.items()):
                before = self.shown_figures[stage]
                for column, cell in enumerate(cells):
                    if cell != before[column]:
                        actual, planned_count, elapsed, later = cell
                        self.update_cell_at(
                            Coordinate(row, column + 1),
                            self.month_cell(styles, actual, planned_count, elapsed and actual is None, later),
                        )
                        changed_columns.add(column + 1)
            for column in changed_columns:
                fit_column(self, column, list(self.get_column_at(column)))
        else:
            sync_rows(
                self,
                [
                    (
                        stage,
                        [
                            literal(stage, width=NAME_WIDTH),
                            *(
                                self.month_cell(styles, actual, planned_count, elapsed and actual is None, later)
                                for actual, planned_count, elapsed, later in cells
                            ),
                        ],
                    )
                    for stage, cells in figures.items()
                ],
            )
        self.shown_figures = figures
