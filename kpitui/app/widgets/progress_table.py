"""Every stage against its plan to date: attainment with a bar, status in colour and in words, pace, rates."""

import math
from fractions import Fraction

from rich.style import Style
from rich.text import Text
from textual.widgets import DataTable

from kpitui.app.safety import FailSafe
from kpitui.app.widgets.cells import literal, number, row_keys, sync_rows
from kpitui.app.widgets.marks import no_value, on_pace_marks, solid, state_sign
from kpitui.core.domain.progress import PlanStatus, StageStatus, Status
from kpitui.core.text.formatting import format_count, format_observed_rate, format_percent
from kpitui.core.text.i18n import N_, Translated, _
from kpitui.core.text.vocabulary import status_label

COLUMNS = (
    ("name", N_("Stage")),
    ("status", N_("Status")),
    ("actual", N_("Actual")),
    ("plan", N_("Plan")),
    ("attained", N_("Attained")),
    ("forecast", N_("Forecast")),
    ("target", N_("Target")),
    ("needed", N_("Need/mo")),
    ("rate", N_("Rate")),
    ("seen", N_("Seen")),
)
TEXT_COLUMNS = ("name", "status", "attained")
BAR_SCALE = Fraction(5, 4)  # the bar runs to 125 % of plan to date, so being ahead shows too
NAME_WIDTH = 24


def attainment_bar(attainment: Fraction | None, width: int, fill: Style, mark: Style) -> Text:
    """A bar of `width` cells filled to the attainment; `│` stands where on pace (100 % of plan to date) is.

    Built from a few runs rather than a span a cell: a typed count repaints every row's bar.
    """
    on_pace = math.floor(width / BAR_SCALE)
    filled = 0 if attainment is None else min(width, math.floor(attainment * width / BAR_SCALE))
    at_pace, passed = on_pace_marks()
    bar = Text(no_wrap=True)
    bar.append(*_run(min(filled, on_pace), fill))
    bar.append("░" * (on_pace - filled) + at_pace if filled <= on_pace else passed, mark)
    if filled > on_pace + 1:
        bar.append(*_run(filled - on_pace - 1, fill))
    bar.append("░" * (width - max(filled, on_pace + 1)), mark)
    return bar


def _run(length: int, fill: Style) -> tuple[str, Style]:
    """`length` cells of the bar filled in the style of the status."""
    text, style = solid(length, fill.color)
    return text, fill + style


class ProgressTable(FailSafe, DataTable):
    """One row a stage, top of the funnel first; the bottleneck is named in its rate cell."""

    BORDER_TITLE = Translated(N_("Pace to date"))
    COMPONENT_CLASSES = DataTable.COMPONENT_CLASSES | {
        "progress--on_track",
        "progress--at_risk",
        "progress--behind",
        "progress--no_data",
        "progress--mark",
        "progress--bottleneck",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.shown: PlanStatus | None = None
        self.fixed_columns = 2  # names and statuses stay while the figures scroll on a narrow terminal

    def on_mount(self) -> None:
        for key, label in COLUMNS:
            self.add_column(Text(_(label), justify="left" if key in TEXT_COLUMNS else "right"), key=key)

    @property
    def selected_stage(self) -> str | None:
        """The stage under the cursor, by name."""
        return row_keys(self)[self.cursor_row] if self.row_count else None

    def cell_styles(self) -> dict[str, Style]:
        """The styles of the statuses, the on-pace mark and the bottleneck, from the CSS, looked up once a drawing."""
        names = [*(status.value for status in Status), "mark", "bottleneck"]
        return {name: self.get_component_rich_style(f"progress--{name}", partial=True) for name in names}

    def row(self, result: PlanStatus, stage: StageStatus, bar_width: int, styles: dict[str, Style]) -> list[Text]:
        colour = styles[stage.status.value]
        shown = stage.attainment_shown
        attained = attainment_bar(stage.attainment, bar_width, colour, styles["mark"])
        attained.append(" " + (no_value() if shown is None else f"{shown:f}%").rjust(7))
        seen = Text(no_value() if stage.observed_rate is None else format_observed_rate(stage.observed_rate), justify="right")
        if stage.name == result.bottleneck:
            seen = Text.assemble((_("bottleneck") + " ", styles["bottleneck"]), seen, justify="right")
        return [
            literal(stage.name, width=NAME_WIDTH),
            Text(f"{state_sign(stage.status.value)} {status_label(stage.status.value)}", style=colour, no_wrap=True),
            number(_maybe(stage.actual_to_date)),
            number(format_count(stage.plan_to_date)),
            attained,
            number(_maybe(stage.forecast)),
            number(format_count(stage.target)),
            number(_maybe(stage.needed_per_month)),
            number("KGI" if stage.rate is None else format_percent(stage.rate)),
            seen,
        ]

    def show(self, result: PlanStatus) -> None:
        """Draw every stage's status; the bar widens with the room there is."""
        self.shown = result
        bar_width = 20 if self.size.width >= 140 else 10
        styles = self.cell_styles()
        sync_rows(self, [(stage.name, self.row(result, stage, bar_width, styles)) for stage in result.stages])

    def on_resize(self) -> None:
        if self.shown is not None:
            self.show(self.shown)


def _maybe(count: int | None) -> str:
    return no_value() if count is None else format_count(count)
