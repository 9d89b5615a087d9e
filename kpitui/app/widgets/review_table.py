"""One row a KPI stage: its target and the state of each review criterion."""

from rich.text import Text
from textual import on
from textual.widgets import DataTable

from kpitui.app.type_ahead import EnterOpensEditors, Request
from kpitui.app.widgets.cells import literal, number, redraw_on_theme_change, row_keys, sync_rows, text_room
from kpitui.app.widgets.kept_cells import KeptCells
from kpitui.app.widgets.marks import no_value, state_sign
from kpitui.core.domain.funnel import Calculation
from kpitui.core.domain.plan import CRITERIA, CriterionState, KpiReview, Plan
from kpitui.core.domain.review import needs_attention
from kpitui.core.text.formatting import format_count
from kpitui.core.text.i18n import N_, Translated, _, pgettext
from kpitui.core.text.safe_text import is_blank
from kpitui.core.text.vocabulary import state_label

COLUMNS = ("name", "target", *CRITERIA, "plan")
STATE_STYLES = {
    CriterionState.OK: "review-table--ok",
    CriterionState.CONCERN: "review-table--concern",
    CriterionState.TODO: "review-table--todo",
}


def column_labels() -> list[str]:
    """The headings: the KPI, its target, the four criteria (short; the question line names them in full), the plan."""
    return [
        "KPI",
        _("Target"),
        pgettext("review column", "Alignment"),
        pgettext("review column", "Measurability"),
        pgettext("review column", "Simplicity"),
        pgettext("review column", "Contingency"),
        pgettext("contingency plan", "Plan"),
    ]


class ReviewTable(EnterOpensEditors, KeptCells):
    """The KPI review; the cursor picks a KPI and a criterion. Colours come from app.tcss."""

    BORDER_TITLE = Translated(N_("KPI review"))
    COMPONENT_CLASSES = {*STATE_STYLES.values(), "review-table--missing"}

    class CycleRequested(Request):
        """Enter or a click on a criterion: cycle `criterion` of the KPI named `stage`."""

        def __init__(self, table: "ReviewTable", stage: str, criterion: str) -> None:
            super().__init__()
            self.table = table
            self.stage = stage
            self.criterion = criterion

        @property
        def control(self) -> "ReviewTable":
            return self.table

    class WriteRequested(Request):
        """Enter or a click on a KPI's name, target or plan: write its `field` (notes or contingency_plan)."""

        def __init__(self, table: "ReviewTable", stage: str, field: str) -> None:
            super().__init__()
            self.table = table
            self.stage = stage
            self.field = field

        @property
        def control(self) -> "ReviewTable":
            return self.table

    def __init__(self, *, id: str | None = None) -> None:
        # The names stay in view should the table ever scroll sideways.
        super().__init__(id=id, cursor_type="cell", zebra_stripes=True, fixed_columns=1)
        self.shown: tuple[Plan, Calculation, bool] | None = None
        # Each KPI's figure cells as drawn, with what they were drawn from (its review and target):
        # a criterion cycled redraws one row, not a hundred.
        self.drawn: dict[str, tuple[tuple[KpiReview, int], list[Text]]] = {}

    def on_mount(self) -> None:
        for key, label in zip(COLUMNS, column_labels(), strict=True):
            self.add_column(Text(label, justify="right" if key == "target" else "left"), key=key)
        redraw_on_theme_change(self, self.recolour)

    @property
    def selected_stage(self) -> str | None:
        """The KPI under the cursor, by name (None when the filter leaves no rows)."""
        return row_keys(self)[self.cursor_row] if self.row_count else None

    @property
    def selected_criterion(self) -> str | None:
        """The criterion under the cursor, or None on the name, target or plan column."""
        key = COLUMNS[self.cursor_column]
        return key if key in CRITERIA else None

    @on(DataTable.CellSelected)
    def request(self, event: DataTable.CellSelected) -> None:
        """A criterion is cycled; the plan column opens the contingency plan, the others the notes."""
        event.stop()
        stage, column = str(event.cell_key.row_key.value), str(event.cell_key.column_key.value)
        if column in CRITERIA:
            self.post_message(self.CycleRequested(self, stage, column))
        else:
            self.post_message(self.WriteRequested(self, stage, "contingency_plan" if column == "plan" else "notes"))

    def state_cell(self, state: CriterionState) -> Text:
        return Text(
            f"{state_sign(state.value)} {state_label(state.value)}",
            style=self.get_component_rich_style(STATE_STYLES[state], partial=True),
        )

    def plan_cell(self, plan: Plan, stage_name: str) -> Text:
        """Whether the contingency plan is written: flagged when contingency is ok but nothing is written."""
        review = plan.review_of(stage_name)
        if not is_blank(review.contingency_plan):
            return Text(_("written"))
        if review.contingency is CriterionState.OK:
            return Text(_("⚠ missing"), style=self.get_component_rich_style("review-table--missing", partial=True))
        return Text(no_value(), style=self.get_component_rich_style(STATE_STYLES[CriterionState.TODO], partial=True))

    def show(self, plan: Plan, calculation: Calculation, *, open_only: bool) -> None:
        """Draw the review of every KPI stage, or only those still needing attention."""
        self.shown = (plan, calculation, open_only)
        targets = {row.name: row.target for row in calculation.stages}
        stages = [s for s in plan.kpi_stages if not open_only or needs_attention(plan, s.name)]
        figures = [self.figure_cells(plan, stage.name, targets[stage.name]) for stage in stages]
        for gone in self.drawn.keys() - targets.keys():  # stages deleted or renamed
            del self.drawn[gone]
        # The names give way at 80 columns (the question below the table names the KPI in full).
        name_width = text_room(self, column_labels()[1:], figures)
        sync_rows(
            self,
            [(stage.name, [literal(stage.name, width=name_width), *cells]) for stage, cells in zip(stages, figures, strict=True)],
        )

    def figure_cells(self, plan: Plan, stage_name: str, target: int) -> list[Text]:
        """A KPI's cells after its name: target, criteria, plan; made again only when they changed."""
        drawn_from = (plan.review_of(stage_name), target)
        drawn = self.drawn.get(stage_name)
        if drawn is None or drawn[0] != drawn_from:
            review = drawn_from[0]
            cells = [
                number(format_count(target)),
                *(self.state_cell(review.state(criterion)) for criterion in CRITERIA),
                self.plan_cell(plan, stage_name),
            ]
            drawn = self.drawn[stage_name] = (drawn_from, cells)
        return drawn[1]

    def on_resize(self) -> None:
        """Give the names the width there is."""
        self.redraw()

    def recolour(self) -> None:
        """Draw every cell again in the colours of now (a theme switch)."""
        self.drawn.clear()
        self.redraw()

    def redraw(self) -> None:
        if self.shown is not None:
            plan, calculation, open_only = self.shown
            self.show(plan, calculation, open_only=open_only)
