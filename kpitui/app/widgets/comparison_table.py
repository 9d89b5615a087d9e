"""Baseline, scenarios and other plans side by side; the row labels stay put while columns scroll."""

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import DataTable

from kpitui.app.safety import FailSafe
from kpitui.app.widgets.cells import literal, redraw_on_theme_change, sync_rows
from kpitui.core.domain import comparison
from kpitui.core.domain.comparison import Column, Row
from kpitui.core.text.safe_text import visible

LABEL_WIDTH = 20
VALUE_WIDTH = 22
# Rows above the figures: the scenario's name and its note, edited with Enter like the figures.
# How a difference reads: it helps reach the goal, it hurts, or neither; coloured in app.tcss.
CHANGE_STYLES = {True: "comparison-table--helps", False: "comparison-table--hurts", None: "comparison-table--neutral"}
NAME, NOTE = Row("name", "Scenario", "text", comparison.NEUTRAL), Row("note", "Note", "text", comparison.NEUTRAL)


def row_label(row: Row) -> Text:
    """`Visits target`, `KGI` …: the stage's name shown literally, cut to keep `rate`/`target` in view."""
    if row.stage is None:
        return Text(row.label, style="bold" if row.key == "kgi" else "")
    kind = row.label.removeprefix(row.stage)
    return literal(row.stage, width=LABEL_WIDTH - len(kind)) + Text(kind, style="dim")


class ComparisonTable(FailSafe, DataTable):
    """One column a baseline or scenario: each figure, and how it differs, coloured by whether it helps.

    The table holds only the columns that fit, beside the pinned labels, and moving the cursor
    past an edge moves that window: a DataTable redraws every cell of a row on any change, so
    thirty scenarios held at once made each edit several times slower.
    """

    BORDER_TITLE = "Compared"
    COMPONENT_CLASSES = set(CHANGE_STYLES.values())

    class EditRequested(Message):
        """Enter or a click on a figure, name or note: edit `row` of `column` (a baseline or a scenario)."""

        def __init__(self, table: "ComparisonTable", column: Column, row: Row) -> None:
            super().__init__()
            self.table = table
            self.column = column  # its scenario by name: the edit stays with it wherever it moves
            self.row = row

        @property
        def control(self) -> "ComparisonTable":
            return self.table

    def __init__(self, *, id: str | None = None) -> None:
        # The name and note rows stand in for a header: they stay on top and can be edited.
        super().__init__(id=id, cursor_type="cell", fixed_rows=2, fixed_columns=1, show_header=False, zebra_stripes=True)
        self.columns_shown: list[Column] = []
        self.rows_shown: list[Row] = []
        self.several_plans = False
        self.window_start = 0

    def on_mount(self) -> None:
        redraw_on_theme_change(self, self.redraw)

    @property
    def window_size(self) -> int:
        """How many comparison columns fit beside the labels."""
        return max(1, (self.size.width - LABEL_WIDTH - 4) // (VALUE_WIDTH + 2))

    @property
    def window(self) -> range:
        return range(self.window_start, min(self.window_start + self.window_size, len(self.columns_shown)))

    @property
    def selected_row(self) -> Row | None:
        return self.rows_shown[self.cursor_row] if self.rows_shown else None

    @property
    def selected_column_index(self) -> int | None:
        """The comparison column under the cursor (None on the labels)."""
        return self.window_start + self.cursor_column - 1 if self.cursor_column > 0 else None

    @on(DataTable.CellSelected)
    def request_edit(self, event: DataTable.CellSelected) -> None:
        """The column and row chosen, fixed now (the row labels ask for nothing)."""
        event.stop()
        if event.coordinate.column > 0 and self.rows_shown:
            column = self.columns_shown[self.window_start + event.coordinate.column - 1]
            self.post_message(self.EditRequested(self, column, self.rows_shown[event.coordinate.row]))

    @property
    def selected_column(self) -> Column:
        """The column under the cursor; the baseline while the cursor is on the labels."""
        index = self.selected_column_index
        return self.columns_shown[index if index is not None and index < len(self.columns_shown) else 0]

    def cell(self, index: int, row: Row) -> Text:
        columns = self.columns_shown
        column = columns[index]
        if row is NAME:
            return literal(column.label, width=VALUE_WIDTH, style="bold reverse" if column.scenario is None else "bold")
        if row is NOTE:
            if self.several_plans and column.scenario is None:  # a plan's scenarios follow its baseline
                return literal(column.title, width=VALUE_WIDTH, style="bold underline")
            return literal(column.note, width=VALUE_WIDTH, style="italic")
        figure = comparison.value(column, row)
        text = Text(no_wrap=True, overflow="ellipsis")
        overridden = row.key in column.overridden
        text.append(
            ("* " if overridden else "") + visible(comparison.format_value(row, figure, column.plan.currency)),
            style="bold" if overridden else "",
        )
        change = comparison.difference(columns, index, row)
        described = comparison.format_difference(row, change)
        if described and change is not None:
            text.append(" " + described, style=self.get_component_rich_style(CHANGE_STYLES[change.helps], partial=True))
        text.truncate(VALUE_WIDTH, overflow="ellipsis")  # a wide cell would push the labels out of view
        return text

    def show(self, columns: list[Column]) -> None:
        """Draw the comparison of `columns`, keeping the cursor on the same column where it can."""
        self.columns_shown = columns
        self.several_plans = len({column.source for column in columns}) > 1
        self.rows_shown = [NAME, NOTE, *comparison.comparison_rows(columns)]
        self.window_start = max(0, min(self.window_start, len(columns) - self.window_size))
        self.draw()

    def redraw(self) -> None:
        if self.columns_shown:
            self.draw()

    def draw(self) -> None:
        window = self.window
        if len(self.columns) != len(window) + 1:
            cursor = self.cursor_coordinate
            self.clear(columns=True)
            self.add_column("", key="label")
            for position in range(len(window)):
                self.add_column("", key=f"w{position}")
            self.move_cursor(row=cursor.row, column=min(cursor.column, len(window)), animate=False)
        sync_rows(self, [(row.key, [row_label(row), *(self.cell(i, row) for i in window)]) for row in self.rows_shown])
        more = (
            f" · columns {window.start + 1}-{window.stop} of {len(self.columns_shown)}"
            if len(window) < len(self.columns_shown)
            else ""
        )
        self.border_subtitle = f"Enter edits · * overridden{more}"

    def select_column(self, index: int) -> None:
        """Put the cursor on comparison column `index`, moving the window to show it."""
        cursor = self.cursor_coordinate
        if index < self.window_start:
            self.window_start = index
        elif index >= self.window_start + self.window_size:
            self.window_start = index - self.window_size + 1
        self.draw()
        self.move_cursor(column=index - self.window_start + 1)
        if self.cursor_coordinate == cursor:
            # The window moved under a cursor that stayed put: another column is selected all the
            # same, and what shows the selected column (the levers) must hear of it.
            self.post_message(
                self.CellHighlighted(
                    self, self.get_cell_at(cursor), coordinate=cursor, cell_key=self.coordinate_to_cell_key(cursor)
                )
            )

    def action_cursor_right(self) -> None:
        """Right; past the last column shown, the window moves."""
        index = self.selected_column_index
        if index is not None and self.cursor_column == len(self.window) and index + 1 < len(self.columns_shown):
            self.select_column(index + 1)
        else:
            super().action_cursor_right()

    def action_cursor_left(self) -> None:
        """Left; past the first column shown, the window moves (and then on to the labels)."""
        index = self.selected_column_index
        if index is not None and self.cursor_column == 1 and self.window_start > 0:
            self.select_column(index - 1)
        else:
            super().action_cursor_left()

    def on_resize(self) -> None:
        """As many columns as fit now, the same scenario still selected."""
        if self.columns_shown:
            selected = self.selected_column_index
            self.show(self.columns_shown)
            if selected is not None:
                self.select_column(selected)
