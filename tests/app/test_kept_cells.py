"""An edit or a new as-of month draws again only the cells that changed, not every visible cell."""

import inspect
from decimal import Decimal

from textual.widgets import DataTable

from kpitui.app.app import KpiApp
from kpitui.core.domain import edits
from kpitui.core.session.document import PlanDocument
from tests.app.helpers import wait_until


def test_the_textual_method_kept_cells_takes_over_is_still_there():
    """KeptCells overrides DataTable's private `_render_cell`: an upgrade that changes it must fail here."""
    parameters = list(inspect.signature(DataTable._render_cell).parameters)
    assert parameters == ["self", "row_index", "column_index", "base_style", "width", "cursor", "hover"]
    assert "_show_hover_cursor" in DataTable(id="probe").__dict__


def counting_drawn_cells(monkeypatch) -> list[str]:
    """Each cell DataTable draws from scratch, by the id of its table."""
    drawn: list[str] = []
    draw = DataTable._render_cell

    def counted(self, *args, **kwargs):
        drawn.append(str(self.id))
        return draw(self, *args, **kwargs)

    monkeypatch.setattr(DataTable, "_render_cell", counted)
    return drawn


async def cells_a_rate_edit_draws(
    monkeypatch, scenarios: int, mode: str, table_id: str, stage: int
) -> tuple[int, int, DataTable]:
    """How many cells of table `table_id` on screen `mode` a new rate of `stage` draws, how many it shows, and the table."""
    from benchmarks.large_plan import large_plan

    app = KpiApp(PlanDocument(large_plan(stages=30, scenarios=scenarios), None))
    drawn = counting_drawn_cells(monkeypatch)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.switch_mode(mode)
        await pilot.pause()
        table = app.screen.query_one(table_id, DataTable)
        drawn.clear()
        app.apply_edit("rate", lambda plan: edits.set_rate(plan, stage, Decimal("0.5")))
        await wait_until(pilot, lambda: drawn)
        await pilot.pause()
        rows = table.scrollable_content_region.height - (1 if table.show_header else 0)
        return sum(1 for drawn_in in drawn if drawn_in == table.id), rows * len(table.columns), table


async def test_a_rate_edit_draws_the_changed_cells_only(monkeypatch):
    shown, on_screen, table = await cells_a_rate_edit_draws(monkeypatch, 0, "funnel", "#stages", 2)
    # The stages down to the edited one change their target and monthly target, every stage its
    # share of the top; each name, metric, owner and rate but one stays as drawn.
    assert 0 < shown < on_screen / 2, (shown, on_screen)
    assert "50%" in table.get_row_at(2)[3].plain


def grid_rows(app) -> int:
    return app.screen.query_one("#progress-grid", DataTable).scrollable_content_region.height - 1


async def test_another_as_of_month_draws_the_changed_cells_only(monkeypatch):
    from benchmarks.large_plan import followed_plan

    app = KpiApp(PlanDocument(followed_plan(100, 120, 0), None))
    drawn = counting_drawn_cells(monkeypatch)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.switch_mode("progress")
        await pilot.pause()
        drawn.clear()
        await pilot.press("left_square_bracket")
        await pilot.pause()
        grid = [table_id for table_id in drawn if table_id == "progress-grid"]
        # The heading it leaves and the one it marks, the month that is now later (a column), and the
        # cursor that follows the as-of month (the cell it leaves and the one it enters).
        assert 0 < len(grid) <= 2 + grid_rows(app) + 2, len(grid)


async def test_a_rate_edit_on_the_what_if_screen_draws_the_changed_figures_only(monkeypatch):
    shown, on_screen, _table = await cells_a_rate_edit_draws(monkeypatch, 30, "whatif", "#compare", 0)
    # The first stage's rate and target change in every column, and so do their differences;
    # every other figure, its cell and its drawing stay.
    assert 0 < shown < on_screen / 2, (shown, on_screen)
