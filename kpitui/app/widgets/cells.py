"""Table cells made from plan text: literal, with hidden characters visible, cut by display width."""

from collections.abc import Callable

from rich.cells import cell_len
from rich.text import Text
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from kpitui.core.text.columns import NARROWEST
from kpitui.core.text.safe_text import visible


def literal(text: str, *, width: int | None = None, style: str = "") -> Text:
    """`text` as a Rich Text that is never read as markup, cut to `width` terminal cells with an ellipsis."""
    cell = Text(visible(text), style=style, no_wrap=True, overflow="ellipsis")
    if width is not None and cell.cell_len > width:
        cell.truncate(width, overflow="ellipsis")
    return cell


def text_room(table: DataTable, labels: list[str], rows: list[list[Text]]) -> int:
    """Cells left for a table's one text column once its figure columns (headed by `labels`, with
    `rows` of figure cells) have their full width and every column its padding, inside the
    scrollbar, so nothing scrolls sideways. Figures are never cut; the text column gives way."""
    widths = [max([cell_len(label), *(row[index].cell_len for row in rows)]) for index, label in enumerate(labels)]
    padding = 2 * table.cell_padding * (len(labels) + 1)
    return max(NARROWEST, table.scrollable_content_region.width - sum(widths) - padding)


def number(text: str, *, style: str = "") -> Text:
    """A right-aligned figure."""
    return Text(text, style=style, justify="right", no_wrap=True)


def redraw_on_theme_change(table: DataTable, redraw: Callable[[], None]) -> None:
    """Cells hold their component styles as drawn: after a theme switch, draw them again in the
    new theme's colours (once the new styles apply).

    A screen not showing (another screen's, or one under the palette that chose the theme) gets
    the new styles from Textual only when it shows again: its table is redrawn then.
    """
    drawn = [table.app.theme]

    def follow_theme(_changed: object) -> None:
        if table.screen.is_current and drawn[0] != table.app.theme:
            drawn[0] = table.app.theme
            table.call_after_refresh(redraw)

    table.watch(table.app, "theme", follow_theme, init=False)
    table.app.screen_change_signal.subscribe(table, follow_theme)


def row_keys(table: DataTable) -> list[str]:
    """The keys of the rows `table` shows, top to bottom."""
    return [str(row.key.value) for row in table.ordered_rows]


def same_cell(shown: Text, cell: Text) -> bool:
    """Whether `shown` already looks like `cell`: Text equality leaves out the whole-text style."""
    return shown is cell or (shown == cell and shown.style == cell.style)


def sync_rows(table: DataTable, rows: list[tuple[str, list[Text]]]) -> None:
    """Make `table` show `rows` (key, cells): changed cells only when the rows are the same ones,
    so an edit repaints what it changed instead of rebuilding the table; a full rebuild otherwise.
    The cursor stays where it was, within the new rows.

    Cells are updated without DataTable measuring each (on a 1,000-stage plan that took seconds):
    every cell here is cut to its width already, so the column widths are worked out from the
    cells' display widths, once.
    """
    if row_keys(table) == [key for key, _ in rows]:
        for index, (_, cells) in enumerate(rows):
            for column, (old, new) in enumerate(zip(table.get_row_at(index), cells, strict=True)):
                if not same_cell(old, new):
                    table.update_cell_at(Coordinate(index, column), new)
        fit_columns(table, rows)
        return
    cursor = table.cursor_coordinate
    table.clear()
    for shown in table.columns.values():  # clear() keeps widths: let them fit the new rows, narrower too
        shown.content_width = shown.label.cell_len
    for key, cells in rows:
        table.add_row(*cells, key=key)
    table.move_cursor(row=min(cursor.row, len(rows) - 1), column=cursor.column, animate=False)


def relabel(table: DataTable, position: int, label: Text) -> bool:
    """Head column `position` with `label` in place (DataTable has no call for it, and adding the
    columns again fills every cell again); False when it already was. A cell is set again the
    DataTable way, which drops the table's drawn rows, the heading's with them."""
    column = table.ordered_columns[position]
    if same_cell(column.label, label):
        return False
    column.label = label
    if table.row_count:
        table.update_cell_at(Coordinate(0, position), table.get_cell_at(Coordinate(0, position)))
    return True


def fit_columns(table: DataTable, rows: list[tuple[str, list[Text]]]) -> None:
    """Each column as wide as its widest cell (or label), narrower too; the table's size follows."""
    for position in range(len(table.ordered_columns)):
        fit_column(table, position, [cells[position] for _, cells in rows])


def fit_column(table: DataTable, position: int, cells: list[Text]) -> None:
    """Column `position` as wide as the widest of its `cells` (or its label), narrower too.

    The width is set before any repaint, and one cell is updated the DataTable way, which
    recomputes the table's size and drops its drawn rows. DataTable's own `update_width=True`
    measures later, when idle: rows drawn in between keep the old width (a figure cut short).
    """
    column = table.ordered_columns[position]
    widths = [cell.cell_len for cell in cells]
    width = max([column.label.cell_len, *widths])
    if column.content_width != width:
        column.content_width = width
        if cells:
            widest = widths.index(width) if width in widths else 0
            table.update_cell_at(Coordinate(widest, position), cells[widest], update_width=True)
