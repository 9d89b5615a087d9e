"""Every stage against its plan to date: attainment with a bar, status in colour and in words, pace, rates."""

import math
from fractions import Fraction
from typing import NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.widgets import DataTable

from kpitui.app.widgets.cells import literal, number, redraw_on_theme_change, row_keys, sync_rows
from kpitui.app.widgets.kept_cells import KeptCells
from kpitui.app.widgets.marks import bottleneck_mark, no_value, on_pace_marks, solid, state_sign
from kpitui.core.domain.progress import PlanStatus, StageStatus, Status
from kpitui.core.text.columns import NARROWEST
from kpitui.core.text.formatting import format_count, format_observed_rate, format_percent
from kpitui.core.text.i18n import N_, Translated, _
from kpitui.core.text.safe_text import visible
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
FIGURES = ("status", "actual", "plan", "forecast", "target", "needed", "rate")  # always whole, whatever the width
BAR_SCALE = Fraction(5, 4)  # the bar runs to 125 % of plan to date, so being ahead shows too
NAME_WIDTH = 24  # names longer than this are cut before any decoration gives way
NAME_SHORT = 12  # and shorter than this only once the bar is gone and the columns closer
PERCENT_WIDTH = 7  # the attainment figure beside a bar, so the bars line up


class Fit(NamedTuple):
    """How the table fits its width: what gave way so that every figure stays whole."""

    bar: int  # cells of the attainment bar; 0 drops it
    bottleneck_word: bool  # "bottleneck" spelled out beside the rate seen, or only marked
    gap: int  # cells between columns
    name: int  # stage names are cut no shorter than this


def fits(longest_name: int) -> list[Fit]:
    """The ways to lay the table out, roomiest first; each gives way a little more than the one before.

    The bar narrows, the word "bottleneck" (the summary above says it) becomes a mark, long names
    are cut shorter, the bar goes, then the room between columns, and the names last.
    """
    wanted, short, narrowest = (min(longest_name, width) for width in (NAME_WIDTH, NAME_SHORT, NARROWEST))
    return [
        Fit(20, True, 2, wanted),
        Fit(10, True, 2, wanted),
        Fit(10, False, 2, wanted),
        Fit(10, False, 2, short),
        Fit(0, False, 2, short),
        Fit(0, False, 1, short),
        Fit(0, False, 1, narrowest),
    ]


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


class Figures(NamedTuple):
    """A stage's figures as shown, before the table is fitted to its width."""

    stage: StageStatus
    texts: dict[str, str]  # by column key: the status in words and every figure but the attainment
    attained: str
    seen: str


def figures(stage: StageStatus) -> Figures:
    shown = stage.attainment_shown
    texts = {
        "status": f"{state_sign(stage.status.value)} {status_label(stage.status.value)}",
        "actual": _maybe(stage.actual_to_date),
        "plan": format_count(stage.plan_to_date),
        "forecast": _maybe(stage.forecast),
        "target": format_count(stage.target),
        "needed": _maybe(stage.needed_per_month),
        "rate": "KGI" if stage.rate is None else format_percent(stage.rate),
    }
    attained = no_value() if shown is None else f"{shown:f}%"
    seen = no_value() if stage.observed_rate is None else format_observed_rate(stage.observed_rate)
    return Figures(stage, texts, attained, seen)


class ProgressTable(KeptCells):
    """One row a stage, top of the funnel first; the bottleneck is marked in its rate cell.

    Names give way, figures never: what is left of the width once every figure has its full width
    goes to the names and the bars, and on a narrow terminal the decorations give way (`fits`).
    """

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
        self.drawn: dict[str, tuple[tuple[object, ...], list[Text]]] = {}  # by stage: what its row was made from, and its cells
        self.fixed_columns = 2  # names and statuses stay if the figures must scroll after all

    def on_mount(self) -> None:
        for key, label in COLUMNS:
            self.add_column(heading(key, label, lead=""), key=key)
        redraw_on_theme_change(self, self.recolour)

    def recolour(self) -> None:
        self.drawn.clear()  # the cells hold the old theme's colours
        if self.shown is not None:
            self.show(self.shown)

    def label_columns(self, lead: str) -> None:
        """Head the columns again, `lead` in front of each label (the room between columns, when cells carry it)."""
        for (key, label), column in zip(COLUMNS, self.ordered_columns, strict=True):
            column.label = heading(key, label, lead)

    @property
    def selected_stage(self) -> str | None:
        """The stage under the cursor, by name."""
        return row_keys(self)[self.cursor_row] if self.row_count else None

    def cell_styles(self) -> dict[str, Style]:
        """The styles of the statuses, the on-pace mark and the bottleneck, from the CSS, looked up once a drawing."""
        names = [*(status.value for status in Status), "mark", "bottleneck"]
        return {name: self.get_component_rich_style(f"progress--{name}", partial=True) for name in names}

    def fit(self, result: PlanStatus, rows: list[Figures]) -> tuple[Fit, int]:
        """The roomiest layout whose figures all fit the table's width, and the names' width in it."""
        room = self.scrollable_content_region.width
        labels = {key: cell_len(_(label)) for key, label in COLUMNS}
        fixed = sum(max([labels[key], *(cell_len(row.texts[key]) for row in rows)]) for key in FIGURES)
        percent = max([0, *(cell_len(row.attained) for row in rows)])
        seen = max([0, *(cell_len(row.seen) for row in rows)])
        bottleneck = next((cell_len(row.seen) for row in rows if row.stage.name == result.bottleneck), 0)
        longest = max([0, *(cell_len(visible(row.stage.name)) for row in rows)])
        for fit in (layouts := fits(longest)):
            attained = fit.bar + 1 + max(PERCENT_WIDTH, percent) if fit.bar else percent
            marked = bottleneck + cell_len((_("bottleneck") if fit.bottleneck_word else bottleneck_mark()) + " ")
            rest = fixed + max(labels["attained"], attained) + max(labels["seen"], seen, marked if result.bottleneck else 0)
            rest += fit.gap * len(COLUMNS)
            if rest + max(labels["name"], fit.name) <= room or fit is layouts[-1]:
                return fit, max(fit.name, min(longest, room - rest))
        raise AssertionError("the last layout is always taken")

    def row(self, result: PlanStatus, figures: Figures, fit: Fit, name_width: int, styles: dict[str, Style]) -> list[Text]:
        stage, texts = figures.stage, figures.texts
        colour = styles[stage.status.value]
        if fit.bar:
            attained = attainment_bar(stage.attainment, fit.bar, colour, styles["mark"])
            attained.append(" " + figures.attained.rjust(PERCENT_WIDTH))
        else:
            attained = number(figures.attained)
        seen = number(figures.seen)
        if stage.name == result.bottleneck:
            sign = _("bottleneck") if fit.bottleneck_word else bottleneck_mark()
            seen = Text.assemble((sign + " ", styles["bottleneck"]), seen, justify="right")
        cells = [
            literal(stage.name, width=name_width),
            Text(texts["status"], style=colour, no_wrap=True),
            number(texts["actual"]),
            number(texts["plan"]),
            attained,
            number(texts["forecast"]),
            number(texts["target"]),
            number(texts["needed"]),
            number(texts["rate"]),
            seen,
        ]
        for cell in cells:  # a gap of one cell is carried by the cells: DataTable pads both sides alike
            cell.pad_left(fit.gap % 2)
        return cells

    def show(self, result: PlanStatus) -> None:
        """Draw every stage's status, fitted to the width: the bars and names take what the figures leave."""
        self.shown = result
        rows = [figures(stage) for stage in result.stages]
        fit, name_width = self.fit(result, rows)
        if self.cell_padding != fit.gap // 2:
            self.label_columns(lead=" " * (fit.gap % 2))
            self.cell_padding = fit.gap // 2
        styles = self.cell_styles()
        drawn = {}
        for row in rows:  # a row's cells are made again only when what they show changed (a typed count changes a few)
            made_from = (row.stage, row.stage.name == result.bottleneck, fit, name_width)
            before = self.drawn.get(row.stage.name)
            if before is None or before[0] != made_from:
                before = made_from, self.row(result, row, fit, name_width, styles)
            drawn[row.stage.name] = before
        self.drawn = drawn
        sync_rows(self, [(name, cells) for name, (_made_from, cells) in drawn.items()])

    def on_resize(self) -> None:
        if self.shown is not None:
            self.show(self.shown)


def heading(key: str, label: str, lead: str) -> Text:
    return Text(lead + _(label), justify="left" if key in TEXT_COLUMNS else "right")


def _maybe(count: int | None) -> str:
    return no_value() if count is None else format_count(count)
