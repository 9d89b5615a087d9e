"""Baseline, scenarios and other plans side by side; the row labels and the baseline stay put while columns scroll."""

from decimal import Decimal

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.widgets import DataTable

from kpitui.app.type_ahead import EnterOpensEditors, Request
from kpitui.app.widgets.cells import literal, redraw_on_theme_change, sync_rows
from kpitui.app.widgets.column_window import ColumnWindow
from kpitui.core.domain import comparison
from kpitui.core.domain.comparison import Column, Row
from kpitui.core.text.i18n import N_, Translated, _, tr
from kpitui.core.text.safe_text import visible

LABEL_WIDTH = 20  # the labels' width when their text is no wider; longer names get up to a third of the table
MADE = 50_000  # figure cells kept for the next drawing: many screens' worth
VALUE_WIDTH = 22  # a scenario's name is cut to this while the columns do not all fit (figures never are)
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


def widest_label(rows: list[Row]) -> int:
    return max(cell_len(visible(_(row.label))) for row in rows)


def label_width(rows: list[Row], table_width: int) -> int:
    """As wide as the widest label, from `LABEL_WIDTH` up to a third of the table."""
    return max(LABEL_WIDTH, min(widest_label(rows), table_width // 3))


class ComparisonTable(EnterOpensEditors, ColumnWindow):
    """One column a baseline or scenario: each figure, and how it differs, coloured by whether it helps.

    The table holds only the columns that fit beside the pinned labels and baseline (what every
    difference is measured from): thirty scenarios held at once made each edit several times slower.
    """

    PINNED = 1  # the baseline

    BORDER_TITLE = Translated(N_("Compared"))
    COMPONENT_CLASSES = set(CHANGE_STYLES.values())

    class EditRequested(Request):
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
        self.label_width = LABEL_WIDTH
        self.label_column = LABEL_WIDTH  # the labels' column as drawn: no wider than its widest label
        # By column, worked out when first needed (a window of a hundred columns works out a few):
        self.figures: dict[int, dict[str, Text]] = {}  # its figure cells, whole, by row
        self.made: dict[tuple[object, ...], Text] = {}  # figure cells by what they show, across drawings
        self.widths: dict[int, int] = {}  # its width

    def on_mount(self) -> None:
        redraw_on_theme_change(self, self.redraw)

    @property
    def run_length(self) -> int:
        return len(self.columns_shown)

    def run_width(self, index: int) -> int:
        return self.width(index) + 2 * self.cell_padding

    def window_room(self) -> int:
        return self.scrollable_content_region.width - self.label_column - 2 * self.cell_padding

    def titled(self, column: Column) -> bool:
        """Whether the column's note row holds its plan's title: a plan's scenarios follow its baseline."""
        return self.several_plans and column.scenario is None

    def width(self, index: int) -> int:
        """Column `index` as wide as its widest figure, or its name (and plan title) up to `VALUE_WIDTH`;
        a note gives way."""
        if index not in self.widths:
            column = self.columns_shown[index]
            names = [column.label, *([column.title] if self.titled(column) else [])]
            figures = max([0, *(cell.cell_len for cell in self.figure_cells(index).values())])
            self.widths[index] = max(figures, *(min(VALUE_WIDTH, cell_len(visible(name))) for name in names))
        return self.widths[index]

    def share_spare_room(self) -> None:
        """When every column fits, the room left over shows names and notes whole, left to right."""
        spare = self.window_room()
        for index in range(len(self.columns_shown)):
            spare -= self.run_width(index)
            if spare < 0:
                return
        for index, column in enumerate(self.columns_shown):
            note = column.title if self.titled(column) else column.note
            wanted = max(cell_len(visible(column.label)), cell_len(visible(note)))
            grown = max(self.widths[index], min(wanted, self.widths[index] + spare))
            spare -= grown - self.widths[index]
            self.widths[index] = grown

    @on(DataTable.CellSelected)
    def request_edit(self, event: DataTable.CellSelected) -> None:
        """The column and row chosen, fixed now (the row labels ask for nothing)."""
        event.stop()
        index = self.column_index(event.coordinate.column)
        if index is not None and self.rows_shown:
            self.post_message(self.EditRequested(self, self.columns_shown[index], self.rows_shown[event.coordinate.row]))
        else:
            self.app.request_handled()  # nothing to open: keys held since Enter go on

    @property
    def selected_column(self) -> Column:
        """The column under the cursor; the baseline while the cursor is on the labels."""
        index = self.selected_column_index
        return self.columns_shown[index if index is not None and index < len(self.columns_shown) else 0]

    def cell(self, index: int, row: Row) -> Text:
        column, width = self.columns_shown[index], self.width(index)
        if row is NAME:
            return literal(column.label, width=width, style="bold reverse" if column.scenario is None else "bold")
        if row is NOTE:
            if self.titled(column):
                return literal(column.title, width=width, style="bold underline")
            return literal(column.note, width=width, style="italic")
        return self.figure_cells(index)[row.key]

    def figure_cells(self, index: int) -> dict[str, Text]:
        """Column `index`'s figures by row, each with how it differs from its reference, whole."""
        if index not in self.figures:
            self.figures[index] = {row.key: self.figure(index, row) for row in self.rows_shown[2:]}
        return self.figures[index]

    def figure(self, index: int, row: Row) -> Text:
        """A figure cell; the one made before when it shows the same (an edit changes a few figures
        of each column: the others keep their cells, and the table keeps their drawing)."""
        columns = self.columns_shown
        column = columns[index]
        figure = comparison.value(column, row)
        reference = None if column.reference == index else comparison.value(columns[column.reference], row)
        made_from = (row, figure, reference, column.reference == index, row.key in column.overridden, column.plan.currency)
        if (made := self.made.get(made_from)) is None:
            if len(self.made) > MADE:
                self.made.clear()
            made = self.made[made_from] = self.make_figure(index, row, figure)
        return made

    def make_figure(self, index: int, row: Row, figure: Decimal | int | None) -> Text:
        columns = self.columns_shown
        column = columns[index]
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
        return text

    def show(self, columns: list[Column]) -> None:
        """Draw the comparison of `columns`, keeping the cursor on the same column where it can."""
        self.columns_shown = columns
        self.several_plans = len({column.source for column in columns}) > 1
        self.rows_shown = [NAME, NOTE, *comparison.comparison_rows(columns)]
        self.label_width = label_width(self.rows_shown, self.size.width)
        self.label_column = min(widest_label(self.rows_shown), self.label_width)
        self.figures.clear()
        self.widths.clear()
        self.share_spare_room()
        self.settle_window()
        self.draw()

    def redraw(self) -> None:
        """Draw again in the theme's colours (the figure cells hold theirs)."""
        if self.columns_shown:
            self.figures.clear()
            self.made.clear()  # they hold the old theme's colours
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

    def fit_window(self) -> None:
        if self.columns_shown:
            self.show(self.columns_shown)

    def watch_show_vertical_scrollbar(self) -> None:
        """The scrollbar takes room from the columns or gives it back (at the first layout the table is
        short a moment): fit them again, the same one still selected."""
        selected = self.selected_column_index
        self.fit_window()
        if selected is not None and selected < self.run_length:
            self.select_column(selected)
