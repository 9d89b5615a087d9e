"""The goal and the plan's settings, with the total orders and the KGI derived from them."""

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import DataTable

from kpitui.app.safety import FailSafe
from kpitui.app.widgets.cells import literal, number, row_keys, sync_rows
from kpitui.core.domain.funnel import Calculation
from kpitui.core.domain.plan import Plan
from kpitui.core.text.formatting import format_count, format_money, format_percent
from kpitui.core.text.safe_text import visible

# Rows that are calculated, not typed: Enter on them explains instead of editing.
DERIVED = ("orders_total", "kgi")
TEXT_WIDTH = 18  # keeps the goal panel within half of an 80-column terminal


class GoalTable(FailSafe, DataTable):
    """Goal fields, KGI, months, rounding, title and currency; Enter edits or switches the row under the cursor."""

    BORDER_TITLE = "Goal"
    BORDER_SUBTITLE = "Enter edits"  # Enter is the table's own key: no binding to name it

    class EditRequested(Message):
        """Enter or a click on a row: edit or switch `field` (a calculated one: say where it comes from)."""

        def __init__(self, table: "GoalTable", field: str) -> None:
            super().__init__()
            self.table = table
            self.field = field  # kind, revenue, average_deal, channel_share, orders_total, kgi, orders, months …

        @property
        def control(self) -> "GoalTable":
            return self.table

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", show_header=False, zebra_stripes=False)

    def on_mount(self) -> None:
        self.add_column("Field", key="field")
        self.add_column("Value", key="value")

    @property
    def row_keys(self) -> list[str]:
        """The fields shown, top to bottom (kind, revenue … or kind, orders …)."""
        return row_keys(self)

    @on(DataTable.RowSelected)
    def request_edit(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.post_message(self.EditRequested(self, str(event.row_key.value)))

    def show(self, plan: Plan, calculation: Calculation) -> None:
        """Draw the goal of `plan` with the figures derived from it."""
        goal, currency = plan.goal, visible(plan.currency)
        kgi = f"{format_count(calculation.kgi)} {plan.kgi_stage.name}"
        if goal.is_count_driven:
            rows = [
                ("kind", "Kind", Text("KGI count")),
                ("orders", "KGI", literal(kgi, width=TEXT_WIDTH, style="bold")),
            ]
        else:
            assert goal.revenue is not None and goal.average_deal is not None and calculation.orders_total is not None
            rows = [
                ("kind", "Kind", Text("from revenue")),
                ("revenue", "Revenue", number(format_money(goal.revenue, currency))),
                ("average_deal", "Average order", number(format_money(goal.average_deal, currency))),
                ("channel_share", "Channel share", number(format_percent(goal.channel_share))),
                ("orders_total", "Total orders", number(format_count(calculation.orders_total))),
                ("kgi", "KGI", literal(kgi, width=TEXT_WIDTH, style="bold")),
            ]
        rows += [
            ("months", "Months", number(str(plan.months))),
            ("rounding", "Rounding", Text(plan.rounding.value)),
            ("title", "Title", literal(plan.title or "(file name)", width=TEXT_WIDTH)),
            ("currency", "Currency", literal(plan.currency or "(none)", width=TEXT_WIDTH)),
        ]
        sync_rows(self, [(key, [Text(label, style="dim"), value]) for key, label, value in rows])
