"""The stages of the funnel with their rates and targets; the KGI stage stands out."""

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.widgets import DataTable

from kpitui.app.type_ahead import EnterOpensEditors, Request
from kpitui.app.widgets.cells import literal, number, row_keys, sync_rows
from kpitui.app.widgets.kept_cells import KeptCells
from kpitui.app.widgets.marks import kgi_mark
from kpitui.core.domain.funnel import Calculation
from kpitui.core.domain.plan import Plan
from kpitui.core.text.columns import fit_widths
from kpitui.core.text.formatting import format_count, format_percent, format_share
from kpitui.core.text.i18n import N_, Translated, _
from kpitui.core.text.safe_text import visible

COLUMNS = (
    ("name", N_("Stage")),
    ("metric", N_("Metric")),
    ("owner", N_("Owner")),
    ("rate", N_("Rate")),
    ("target", N_("Target")),
    ("monthly", N_("Monthly")),
    ("share", N_("Of top")),
)
TEXT_COLUMNS = ("name", "metric", "owner")


class StageTable(EnterOpensEditors, KeptCells):
    """One row a stage, top of the funnel first; the cursor picks a stage and a field to edit."""

    BORDER_TITLE = Translated(N_("Stages"))

    class EditRequested(Request):
        """Enter or a click on a cell: edit `field` of the stage named `stage` (a figure: say where it comes from)."""

        def __init__(self, table: "StageTable", stage: str, field: str) -> None:
            super().__init__()
            self.table = table
            self.stage = stage  # by name: the edit stays with this stage whatever moves meanwhile
            self.field = field  # name, metric, owner, rate, target, monthly or share

        @property
        def control(self) -> "StageTable":
            return self.table

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="cell", zebra_stripes=True)
        self.shown: tuple[Plan, Calculation] | None = None

    def on_mount(self) -> None:
        for key, label in COLUMNS:
            self.add_column(Text(_(label), justify="right" if key not in TEXT_COLUMNS else "left"), key=key)

    @property
    def selected_index(self) -> int:
        """The stage under the cursor, by position."""
        return self.cursor_coordinate.row

    @property
    def selected_stage(self) -> str:
        """The name of the stage under the cursor."""
        return row_keys(self)[self.cursor_coordinate.row]

    @on(DataTable.CellSelected)
    def request_edit(self, event: DataTable.CellSelected) -> None:
        """The cell chosen becomes the stage and field to edit, fixed now: the plan may change before it is handled."""
        event.stop()
        self.post_message(self.EditRequested(self, str(event.cell_key.row_key.value), str(event.cell_key.column_key.value)))

    def text_widths(self, plan: Plan, figures_width: int) -> list[int]:
        """Widths for name, metric and owner in what the figures, at full width, leave of the table
        (inside its scrollbar, so nothing scrolls sideways); cut by display width."""
        room = self.scrollable_content_region.width - figures_width - 2 * self.cell_padding * len(COLUMNS)
        natural = [
            max(
                [cell_len(_(label))]
                + [cell_len(visible(getattr(stage, key))) + (2 if key == "name" else 0) for stage in plan.stages]
            )
            for key, label in COLUMNS[:3]
        ]
        return fit_widths(natural, room)

    def show(self, plan: Plan, calculation: Calculation) -> None:
        """Draw the plan's stages, keeping the cursor where it was."""
        self.shown = (plan, calculation)
        rows = []
        top, last = calculation.top_target, len(plan.stages) - 1
        for index, (stage, result) in enumerate(zip(plan.stages, calculation.stages, strict=True)):
            style = "bold" if index == last else ""
            figures = (
                number("KGI" if stage.rate is None else format_percent(stage.rate), style=style),
                number(format_count(result.target), style=style),
                number(format_count(result.monthly_target), style=style),
                number(format_share(result.target, top), style=style),
            )
            rows.append((stage, style, figures))
        figures_width = sum(
            max(cell_len(_(label)), *(figures[column].cell_len for _stage, _style, figures in rows))
            for column, (_key, label) in enumerate(COLUMNS[3:])
        )
        name_width, metric_width, owner_width = self.text_widths(plan, figures_width)
        sync_rows(
            self,
            [
                (
                    stage.name,
                    [
                        literal((kgi_mark() if index == last else "") + stage.name, width=name_width, style=style),
                        literal(stage.metric, width=metric_width),
                        literal(stage.owner, width=owner_width),
                        *figures,
                    ],
                )
                for index, (stage, style, figures) in enumerate(rows)
            ],
        )

    def on_resize(self) -> None:
        """Re-fit the text columns to the new width."""
        if self.shown is not None:
            self.show(*self.shown)
