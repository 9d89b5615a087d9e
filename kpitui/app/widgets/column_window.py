"""A table that holds only the columns in view of a long run of them (scenarios, months).

Textual's DataTable draws every column of a row to make one line of it, and any change to a cell
drops every row it has drawn: a table holding a hundred columns repaints a hundred columns a row
after each edit. So the table holds the label column, the first `PINNED` columns of the run (what
the others are read against), and a window of the others that fits its width; the cursor moving
past an edge, Home, End, Ctrl+PageUp/PageDown and a sideways scroll move the window over the run.
"""

from typing import Any

from textual import events

from kpitui.app.widgets.kept_cells import KeptCells


class ColumnWindow(KeptCells):
    """A DataTable whose columns after the label column show columns of a longer run: the pinned
    ones, then `window`. Subclasses say how long the run is, how wide each column and how much
    room there is, and `draw` the columns of the window."""

    PINNED = 0
    """Run columns always shown after the label column (the comparison's baseline)."""

    def __init__(self, **kwargs: Any) -> None:  # DataTable's own arguments
        super().__init__(**kwargs)
        self.window_start = self.PINNED  # the first run column in the window
        self.laid_out_width = 0  # the width the window was last fitted to

    # What a subclass says --------------------------------------------------------------------------

    @property
    def run_length(self) -> int:
        """How many columns the run has, pinned ones included."""
        raise NotImplementedError

    def run_width(self, index: int) -> int:
        """Cells run column `index` takes, its padding included."""
        raise NotImplementedError

    def window_room(self) -> int:
        """Cells for the run's columns, pinned ones included, beside the label column."""
        raise NotImplementedError

    def draw(self) -> None:
        """Show the label column, the pinned columns and those of `window`."""
        raise NotImplementedError

    def fit_window(self) -> None:
        """Lay the window out again for a new width (the subclass's widths may change with it)."""
        raise NotImplementedError

    # The window ------------------------------------------------------------------------------------

    def _room(self) -> int:
        return self.window_room() - sum(self.run_width(index) for index in range(min(self.PINNED, self.run_length)))

    def _span(self, start: int) -> range:
        """The run columns that fit from `start` on (one at least)."""
        room, stop = self._room(), start
        while stop < self.run_length and (stop == start or self.run_width(stop) <= room):
            room -= self.run_width(stop)
            stop += 1
        return range(start, stop)

    def _start_ending_at(self, index: int) -> int:
        """The first column of the widest window that ends with column `index`."""
        room, start = self._room() - self.run_width(index), index
        while start > self.PINNED and self.run_width(start - 1) <= room:
            start -= 1
            room -= self.run_width(start)
        return start

    @property
    def window(self) -> range:
        """The run columns in view after the pinned ones."""
        return self._span(self.window_start)

    def settle_window(self) -> None:
        """Keep the window's start within the run, and the window full when the run's end is in view."""
        if self.run_length <= self.PINNED:
            self.window_start = self.PINNED
        elif self.window_start >= self.run_length or self.window.stop == self.run_length:
            self.window_start = max(self.PINNED, min(self.window_start, self._start_ending_at(self.run_length - 1)))

    def reveal(self, index: int) -> None:
        """Move the window the least that brings run column `index` into view."""
        if index < self.PINNED:
            return
        if index < self.window_start:
            self.window_start = index
        elif index >= self.window.stop:
            self.window_start = self._start_ending_at(index)

    def column_index(self, table_column: int) -> int | None:
        """The run column drawn in `table_column` (None for the label column)."""
        if table_column == 0:
            return None
        if table_column <= self.PINNED:
            return table_column - 1
        return self.window_start + table_column - 1 - self.PINNED

    def table_column(self, index: int) -> int:
        """Where run column `index` is drawn (it is in view)."""
        return 1 + index if index < self.PINNED else 1 + self.PINNED + index - self.window_start

    @property
    def selected_column_index(self) -> int | None:
        """The run column under the cursor (None on the label column)."""
        return self.column_index(self.cursor_column)

    def select_column(self, index: int) -> None:
        """Put the cursor on run column `index`, moving the window to show it."""
        cursor, start = self.cursor_coordinate, self.window_start
        self.reveal(index)
        if self.window_start != start:
            self.draw()
        self.move_cursor(column=self.table_column(index))
        if self.cursor_coordinate == cursor and self.row_count:
            # The window moved under a cursor that stayed put: another column is selected all the
            # same, and what shows the selected column (the What-if levers) must hear of it.
            self.post_message(
                self.CellHighlighted(
                    self, self.get_cell_at(cursor), coordinate=cursor, cell_key=self.coordinate_to_cell_key(cursor)
                )
            )

    def shift_window(self, step: int) -> None:
        """Move the window `step` columns over the run, the cursor on the same column while it stays in view."""
        selected, start = self.selected_column_index, self.window_start
        self.window_start += step
        self.settle_window()
        if self.window_start == start:
            return
        self.draw()
        if selected is not None and selected >= self.PINNED:
            window = self.window
            self.move_cursor(column=self.table_column(min(max(selected, window.start), window.stop - 1)))

    # Keys and the mouse -----------------------------------------------------------------------------

    def action_cursor_right(self) -> None:
        """Right; past the last column shown, the window moves."""
        index = self.selected_column_index
        if index is not None and self.cursor_column == len(self.columns) - 1 and index + 1 < self.run_length:
            self.select_column(index + 1)
        else:
            super().action_cursor_right()

    def action_cursor_left(self) -> None:
        """Left; past the first column of the window, the window moves (then on to the pinned and label columns)."""
        index = self.selected_column_index
        if index is not None and self.cursor_column == self.PINNED + 1 and self.window_start > self.PINNED:
            self.select_column(index - 1)
        else:
            super().action_cursor_left()

    def action_scroll_home(self) -> None:
        """Home: the label column, the window back at the run's start."""
        self.shift_window(self.PINNED - self.window_start)
        super().action_scroll_home()

    def action_scroll_end(self) -> None:
        """End: the run's last column."""
        if self.run_length:
            self.select_column(self.run_length - 1)

    def action_page_left(self) -> None:
        """Ctrl+PageUp: a window's width of columns to the left."""
        self.page(-1)

    def action_page_right(self) -> None:
        """Ctrl+PageDown: a window's width of columns to the right."""
        self.page(1)

    def page(self, direction: int) -> None:
        if self.run_length > self.PINNED:
            index = self.selected_column_index
            target = (self.window_start if index is None else index) + direction * len(self.window)
            self.select_column(max(self.PINNED, min(self.run_length - 1, target)))

    def on_mouse_scroll_right(self, event: events.MouseScrollRight) -> None:
        self.scroll_sideways(event, 1)

    def on_mouse_scroll_left(self, event: events.MouseScrollLeft) -> None:
        self.scroll_sideways(event, -1)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        if event.shift or event.ctrl:  # Textual's own sideways scroll
            self.scroll_sideways(event, 1)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        if event.shift or event.ctrl:
            self.scroll_sideways(event, -1)

    def scroll_sideways(self, event: events.MouseEvent, step: int) -> None:
        event.stop()
        self.shift_window(step)

    def on_resize(self, event: events.Resize) -> None:
        """As many columns as fit the new width, the same one still selected; a new height changes nothing here."""
        if event.size.width == self.laid_out_width:
            return
        selected = self.selected_column_index
        if not self.laid_out_width:  # the first layout: from the run's start, as far as the selected column
            self.window_start = self.PINNED
        self.laid_out_width = event.size.width
        self.fit_window()
        if selected is not None and selected < self.run_length:
            self.select_column(selected)
