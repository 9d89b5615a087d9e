"""The goal and the plan's settings, with the total orders and the KGI derived from them."""

from rich.text import Text
from textual import on
from textual.widgets import DataTable

from kpitui.app.type_ahead import EnterOpensEditors, Request
from kpitui.app.widgets.cells import literal, number, sync_rows, text_room
from kpitui.app.widgets.kept_cells import KeptCells
from kpitui.core.domain.funnel import Calculation
from kpitui.core.domain.plan import Plan
from kpitui.core.text.formatting import format_count, format_money, format_percent
from kpitui.core.text.i18n import N_, Translated, _, ptr
from kpitui.core.text.safe_text import visible
from kpitui.core.text.vocabulary import rounding_label

# Rows that are calculated, not typed: Enter on them explains instead of editing.
DERIVED = ("orders_total", "kgi")


class GoalTable(EnterOpensEditors, KeptCells):
    """Goal fields, KGI, months, rounding, title and currency; Enter edits or switches the row under the cursor."""

    BORDER_TITLE = Translated(N_("Goal"))
    BORDER_SUBTITLE = Translated(N_("Enter edits"))  # Enter is the table's own key: no binding to name it

    class EditRequested(Request):
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
        self.add_column(_("Field"), key="field")
        self.add_column(_("Value"), key="value")

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
        # The count with its stage, the way each language writes it: `20 orders`, `受注 20件`.
        kgi = ptr("KGI", "{count} {stage}", count=format_count(calculation.kgi), stage=plan.kgi_stage.name)
        # Plan texts as (text, style): cut once the labels' width is known.
        rows: list[tuple[str, str, Text | tuple[str, str]]]
        if goal.is_count_driven:
            rows = [
                ("kind", _("Kind"), Text(_("KGI count"))),
                ("orders", "KGI", (kgi, "bold")),
            ]
        else:
            assert goal.revenue is not None and goal.average_deal is not None and calculation.orders_total is not None
            rows = [
                ("kind", _("Kind"), Text(_("from revenue"))),
                ("revenue", _("Revenue"), number(format_money(goal.revenue, currency))),
                ("average_deal", _("Average order"), number(format_money(goal.average_deal, currency))),
                ("channel_share", _("Channel share"), number(format_percent(goal.channel_share))),
                (
                    "orders_total",
                    _("Total orders"),
                    number(ptr("orders", "{count}", count=format_count(calculation.orders_total))),
                ),
                ("kgi", "KGI", (kgi, "bold")),
            ]
        rows += [
            ("months", _("Months"), number(ptr("months", "{count}", count=plan.months))),
            ("rounding", _("Rounding"), Text(rounding_label(plan.rounding.value))),
            ("title", _("Title"), (plan.title, "") if plan.title else Text(_("(file name)"))),
            ("currency", _("Currency"), (plan.currency, "") if plan.currency else Text(_("(none)"))),
        ]
        labels = [Text(label, style="dim") for _key, label, _value in rows]
        width = max(len(format_count(calculation.kgi)) + 2, text_room(self, [""], [[label] for label in labels]))
        sync_rows(
            self,
            [
                (key, [label, value if isinstance(value, Text) else literal(value[0], width=width, style=value[1])])
                for (key, _label, value), label in zip(rows, labels, strict=True)
            ],
        )
