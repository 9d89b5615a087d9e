"""Table cells made from plan text: literal, with hidden characters visible, cut by display width."""

from rich.text import Text
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from kpitui.core.text.safe_text import visible


def literal(text: str, *, width: int | None = None, style: str = "") -> Text:
    """`text` as a Rich Text that is never read as markup, cut to `width` terminal cells with an ellipsis."""
    cell = Text(visible(text), style=style, no_wrap=True, overflow="ellipsis")
    if width is not None and cell.cell_len > width:
        cell.truncate(width, overflow="ellipsis")
    return cell


def number(text: str, *, style: str = "") -> Text:
    """A right-aligned figure."""
    return Text(text, style=style, justify="right", no_wrap=True)


def row_keys(table: DataTable) -> list[str]:
    """The keys of the rows `table` shows, top to bottom."""
    return [row.key.value for row in table.ordered_rows]


# Each cell update costs about what rebuilding a few rows does: past this many, rebuild.
MAX_CELL_UPDATES = 24


def sync_rows(table: DataTable, rows: list[tuple[str, list[Text]]]) -> None:
    """Make `table` show `rows` (key, cells): changed cells only when the rows are the same ones,
    so an edit repaints what it changed instead of rebuilding the table; a full rebuild otherwise.
    The cursor stays where it was, within the new rows."""
    if row_keys(table) == [key for key, _ in rows]:
        changed = [
            (Coordinate(index, column), cell)
            for index, (_, cells) in enumerate(rows)
            for column, cell in enumerate(cells)
            if table.get_cell_at(Coordinate(index, column)) != cell
        ]
        if len(changed) <= MAX_CELL_UPDATES:
            for coordinate, cell in changed:
                table.update_cell_at(coordinate, cell, update_width=True)
            return
    cursor = table.cursor_coordinate
    table.clear()
    for column in table.columns.values():  # clear() keeps widths: let them fit the new rows, narrower too
        column.content_width = column.label.cell_len
    for key, cells in rows:
        table.add_row(*cells, key=key)
    table.move_cursor(row=min(cursor.row, len(rows) - 1), column=cursor.column, animate=False)
