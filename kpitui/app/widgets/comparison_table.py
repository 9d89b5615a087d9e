"""Baseline, scenarios and other plans side by side; the row labels and the baseline stay put while columns scroll."""

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import DataTable

from kpitui.app.safety import FailSafe
from kpitui.app.widgets.cells import literal, redraw_on_theme_change, sync_rows
from kpitui.core.domain import comparison
from kpitui.core.domain.comparison import Column, Row
from kpitui.core.text.i18n import N_, Translated, _, tr
from kpitui.core.text.safe_text import visible

LABEL_WIDTH = 20  # the labels' width when their text is no wider; longer names get up to a third of the table
VALUE_WIDTH = 22  # a column's width while they do not all fit; when they do, up to WIDEST_VALUE
WIDEST_VALUE = 44
# Rows above the figures: the scenario's name and its note, edited with Enter like the figures.
# How a difference reads: it helps reach the goal, it hurts, or neither; coloured in app.tcss.
CHANGE_STYLES = {True: "comparison-table--helps", False: "comparison-table--hurts", None: "comparison-table--neutral"}
NAME, NOTE = Row("name", N_("Scenario"), "text", comparison.NEUTRAL), Row("note", N_("Note"), "text", comparison.NEUTRAL)


def row_label(row: Row, width: int) -> Text:
    """`Visits target`, `KGI` …: the stage's name shown literally, cut to keep `rate`/`target` in view."""
    if row.stage is None:
        return Text(_(row.label), style="bold" if row.key == "kgi" else "")
    kind = row.label.removeprefix(row.stage)
    return literal(row.stage, width=width - cell_len(kind)) + Text(kind, style="dim")


def label_width(rows: list[Row], table_width: int) -> int:
    """As wide as the widest label, from `LABEL_WIDTH` up to a third of the table."""
    natural = max(cell_len(visible(_(row.label))) for row in rows)
    return max(LABEL_WIDTH, min(natural, table_width // 3))


class ComparisonTable(FailSafe, DataTable):
    """One column a baseline or scenario: each figure, and how it differs, coloured by whether it helps.

    The table holds only the columns that fit beside the pinned labels and baseline (what every
    difference is measured from), and moving the cursor past an edge moves that window over the
    other columns: a DataTable redraws every cell of a row on any change, so thirty scenarios held
    at once made each edit several times slower.
    """

    BORDER_TITLE = Translated(N_("Compared"))
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
        super().__init__(id=id, cursor_type="cell", fixed_rows=2, fixed_columns=2, show_header=False, zebra_stripes=True)
        self.columns_shown: list[Column] = []
        self.rows_shown: list[Row] = []
        self.several_plans = False
        self.window_start = 1  # the first column after the baseline in view
        self.label_width = LABEL_WIDTH
        self.value_width = VALUE_WIDTH

    def on_mount(self) -> None:
        redraw_on_theme_change(self, self.redraw)

    @property
    def window_size(self) -> int:
        """How many columns fit beside the labels and the baseline (one at least)."""
        return max(1, (self.size.width - self.label_width - 4) // (VALUE_WIDTH + 2) - 1)

    @property
    def window(self) -> range:
        """The columns in view after the baseline."""
        return range(self.window_start, min(self.window_start + self.window_size, len(self.columns_shown)))

    @property
    def selected_row(self) -> Row | None:
        return self.rows_shown[self.cursor_row] if self.rows_shown else None

    def column_index(self, table_column: int) -> int | None:
        """The comparison column drawn in `table_column` (None for the labels, 0 for the baseline)."""
        if table_column < 2:
            return table_column - 1 if table_column else None
        return self.window_start + table_column - 2

    @property
    def selected_column_index(self) -> int | None:
        """The comparison column under the cursor (None on the labels, 0 on the baseline)."""
        return self.column_index(self.cursor_column)

    @on(DataTable.CellSelected)
    def request_edit(self, event: DataTable.CellSelected) -> None:
        """The column and row chosen, fixed now (the row labels ask for nothing)."""
        event.stop()
        index = self.column_index(event.coordinate.column)
        if index is not None and self.rows_shown:
            self.post_message(self.EditRequested(self, self.columns_shown[index], self.rows_shown[event.coordinate.row]))

    @property
    def selected_column(self) -> Column:
        """The column under the cursor; the baseline while the cursor is on the labels."""
        index = self.selected_column_index
        return self.columns_shown[index if index is not None and index < len(self.columns_shown) else 0]

    def cell(self, index: int, row: Row) -> Text:
        columns = self.columns_shown
        column = columns[index]
        if row is NAME:
            return literal(column.label, width=self.value_width, style="bold reverse" if column.scenario is None else "bold")
        if row is NOTE:
            if self.several_plans and column.scenario is None:  # a plan's scenarios follow its baseline
                return literal(column.title, width=self.value_width, style="bold underline")
            return literal(column.note, width=self.value_width, style="italic")
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
        text.truncate(self.value_width, overflow="ellipsis")  # a wide cell would push the labels out of view
        return text

    def show(self, columns: list[Column]) -> None:
        """Draw the comparison of `columns`, keeping the cursor on the same column where it can."""
        self.columns_shown = columns
        self.several_plans = len({column.source for column in columns}) > 1
        self.rows_shown = [NAME, NOTE, *comparison.comparison_rows(columns)]
        self.label_width = label_width(self.rows_shown, self.size.width)
        # Columns that all fit share the room: a wide terminal shows whole names and notes.
        room = (self.size.width - self.label_width - 4) // len(columns) - 2
        self.value_width = min(WIDEST_VALUE, room) if room > VALUE_WIDTH else VALUE_WIDTH
        self.window_start = max(1, min(self.window_start, len(columns) - self.window_size))
        self.draw()

    def redraw(self) -> None:
        if self.columns_shown:
            self.draw()

    def draw(self) -> None:
        shown = [0, *self.window] if self.columns_shown else []
        if len(self.columns) != len(shown) + 1:
            cursor = self.cursor_coordinate
            self.clear(columns=True)
            self.add_column("", key="label")
            for position in range(len(shown)):
                self.add_column("", key=f"w{position}")
            self.move_cursor(row=cursor.row, column=min(cursor.column, len(shown)), animate=False)
        sync_rows(
            self,
            [(row.key, [row_label(row, self.label_width), *(self.cell(i, row) for i in shown)]) for row in self.rows_shown],
        )
        count, first, last = len(self.columns_shown), self.window.start + 1, self.window.stop
        if len(shown) >= count:
            self.border_subtitle = _("Enter edits · * overridden")
        elif first == 2:  # the baseline is column 1, then the window
            self.border_subtitle = tr("Enter edits · * overridden · columns 1-{last} of {count}", last=last, count=count)
        else:
            window = f"{first}-{last}" if first < last else f"{first}"
            self.border_subtitle = tr("Enter edits · * overridden · columns 1, {window} of {count}", window=window, count=count)

    def select_column(self, index: int) -> None:
        """Put the cursor on comparison column `index`, moving the window to show it (the baseline is always shown)."""
        cursor = self.cursor_coordinate
        if 0 < index < self.window_start:
            self.window_start = index
        elif index >= self.window_start + self.window_size:
            self.window_start = index - self.window_size + 1
        self.draw()
        self.move_cursor(column=1 if index == 0 else index - self.window_start + 2)
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
        if index is not None and self.cursor_column == len(self.columns) - 1 and index + 1 < len(self.columns_shown):
            self.select_column(index + 1)
        else:
            super().action_cursor_right()

    def action_cursor_left(self) -> None:
        """Left; past the first column shown after the baseline, the window moves (then on to the baseline and labels)."""
        index = self.selected_column_index
        if index is not None and self.cursor_column == 2 and self.window_start > 1:
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
