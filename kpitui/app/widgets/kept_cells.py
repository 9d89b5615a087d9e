"""A DataTable that draws a cell again only when what it shows changed.

Textual's DataTable keys the cells it has drawn by a count of all updates, so changing one cell
draws every visible cell again: a key on a screenful of figures (the Progress screen's pace table
and month grid, the What-if comparison) spent most of its time in Rich drawing cells that had not
changed. kpitui's tables replace a cell's value only when it changes (`cells.sync_rows`), so a cell
still holding the same object shows the same thing: its drawing is kept, keyed by that object and
by everything else the drawing depends on (place, width, style, cursor, focus).

This overrides DataTable's private `_render_cell`; `tests/app/test_kept_cells.py` fails if Textual
changes it.
"""

from typing import Any

from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.coordinate import Coordinate
from textual.strip import Strip
from textual.widgets import DataTable

from kpitui.app.safety import FailSafe

KEPT = 20_000  # drawn cells kept per table: a few screens' worth


class KeptCells(FailSafe, DataTable):
    """A DataTable whose unchanged cells keep their drawing across updates of other cells."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kept: LRUCache[tuple[object, ...], tuple[object, list[list[Segment]]]] = LRUCache(KEPT)
        self.drawn_state: object = None  # the table's pseudo-classes (focus, hover…) as this drawing began

    def notify_style_update(self) -> None:
        """New styles (a theme): every kept drawing has the old colours."""
        self.kept.clear()
        super().notify_style_update()

    def render_lines(self, crop: Any) -> list[Strip]:
        self.drawn_state = self.get_pseudo_class_state()
        return super().render_lines(crop)

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> list[list[Segment]]:
        if column_index < 0:  # row labels: kpitui shows none
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        if row_index < 0:
            value: object = self.ordered_columns[column_index].label
        else:
            value = self.get_cell_at(Coordinate(row_index, column_index))
        key = (
            id(value),
            row_index,
            column_index,
            base_style,
            width,
            cursor,
            hover,
            getattr(self, "_show_hover_cursor", None),
            self.drawn_state,
            self.show_cursor,
            self.cursor_type,
            self.fixed_rows,
            self.fixed_columns,
            self.cell_padding,
        )
        kept = self.kept.get(key)
        if kept is not None and kept[0] is value:  # the same object: an id is reused only once it is gone
            return kept[1]
        lines = super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        self.kept[key] = (value, lines)
        return lines
