"""The goal and the plan's settings, with the total orders and the KGI derived from them."""

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import DataTable

from kpitui.app.safety import FailSafe
from kpitui.app.widgets.cells import literal, number, row_keys, sync_rows, text_room
from kpitui.core.domain.funnel import Calculation
from kpitui.core.domain.plan import Plan
from kpitui.core.text.formatting import format_count, format_money, format_percent
from kpitui.core.text.safe_text import visible

# Rows that are calculated, not typed: Enter on them explains instead of editing.
DERIVED = ("orders_total", "kgi")


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
        self.shown: tuple[Plan, Calculation] | None = None

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

    def on_resize(self) -> None:
        """The title and names get the width the panel has (app.tcss sizes it)."""
        if self.shown is not None:
            self.show(*self.shown)

    def show(self, plan: Plan, calculation: Calculation) -> None:
        """Draw the goal of `plan` with the figures derived from it; plan texts are cut to the panel's
        width (the figure that starts the KGI never), figures never."""
        self.shown = (plan, calculation)
        goal, currency = plan.goal, visible(plan.currency)
        kgi = f"{format_count(calculation.kgi)} {plan.kgi_stage.name}"
        # Plan texts as (text, style): cut once the labels' width is known.
        rows: list[tuple[str, str, Text | tuple[str, str]]]
        if goal.is_count_driven:
            rows = [
                ("kind", "Kind", Text("KGI count")),
                ("orders", "KGI", (kgi, "bold")),
            ]
        else:
            assert goal.revenue is not None and goal.average_deal is not None and calculation.orders_total is not None
            rows = [
                ("kind", "Kind", Text("from revenue")),
                ("revenue", "Revenue", number(format_money(goal.revenue, currency))),
                ("average_deal", "Average order", number(format_money(goal.average_deal, currency))),
                ("channel_share", "Channel share", number(format_percent(goal.channel_share))),
                ("orders_total", "Total orders", number(format_count(calculation.orders_total))),
                ("kgi", "KGI", (kgi, "bold")),
            ]
        rows += [
            ("months", "Months", number(str(plan.months))),
            ("rounding", "Rounding", Text(plan.rounding.value)),
            ("title", "Title", (plan.title or "(file name)", "")),
            ("currency", "Currency", (plan.currency or "(none)", "")),
        ]
        labels = [Text(label, style="dim") for _, label, _ in rows]
        width = max(len(format_count(calculation.kgi)) + 2, text_room(self, [""], [[label] for label in labels]))
        sync_rows(
            self,
            [
                (key, [label, value if isinstance(value, Text) else literal(value[0], width=width, style=value[1])])
                for (key, _, value), label in zip(rows, labels, strict=True)
            ],
        )
