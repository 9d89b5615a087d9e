"""A picture of the funnel: one centred bar a stage, on a log scale so a top a thousand times the
bottom still leaves every bar visible."""

import math

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

from kpitui.app.safety import FailSafe
from kpitui.app.widgets.marks import solid
from kpitui.core.domain.funnel import Calculation
from kpitui.core.domain.plan import Plan
from kpitui.core.text.formatting import format_count
from kpitui.core.text.i18n import N_, Translated, tr
from kpitui.core.text.safe_text import visible

NAME_WIDTH = 12  # the names' width when they are no longer; longer names get up to a third of the chart
MAX_BARS = 10  # what the overview has room for (app.tcss: #overview max-height 12, less the border)


def bar_length(target: int, top: int, width: int) -> int:
    """Bar length in cells: log-scaled so each tenfold step takes the same room; at least one cell."""
    if top <= 1:
        return width
    return max(1, round(width * math.log10(target + 1) / math.log10(top + 1)))


class FunnelChart(FailSafe, Widget):
    """Stage name, bar and target, top of the funnel first; the KGI bar is drawn in the accent colour."""

    BORDER_TITLE = Translated(N_("Funnel (log scale)"))

    DEFAULT_CSS = """
    FunnelChart { height: auto; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown: tuple[Plan, Calculation] | None = None

    def show(self, plan: Plan, calculation: Calculation) -> None:
        """Draw `calculation` for `plan`."""
        self.shown = (plan, calculation)
        self.refresh(layout=True)

    def get_content_height(self, container, viewport, width: int) -> int:
        return min(len(self.shown[0].stages), MAX_BARS) if self.shown else 1

    def bars(self) -> list[int | None]:
        """The stages drawn, by position: all of them, or on a long funnel the top ones, a gap
        (None) and the KGI stage, so a 10,000-stage plan draws ten lines, not ten thousand."""
        count = len(self.shown[0].stages) if self.shown else 0
        if count <= MAX_BARS:
            return list(range(count))
        return [*range(MAX_BARS - 2), None, count - 1]

    def render(self) -> Text:
        if self.shown is None:
            return Text("")
        plan, calculation = self.shown
        bars = self.bars()
        figures = {index: format_count(calculation.stages[index].target) for index in bars if index is not None}
        figure_width = max(len(f) for f in figures.values())
        names = {index: visible(plan.stages[index].name) for index in figures}
        name_width = max(NAME_WIDTH, min(max(cell_len(name) for name in names.values()) + 1, self.size.width // 3))
        bar_room = max(1, self.size.width - name_width - figure_width - 2)
        bar_style = self.app.theme_variables.get("primary", "blue")
        kgi_style = self.app.theme_variables.get("accent", "magenta")
        lines = Text(no_wrap=True, overflow="ellipsis")
        for line, index in enumerate(bars):
            if line:
                lines.append("\n")
            if index is None:
                lines.append(tr("⋮ {count} more stages", count=format_count(len(plan.stages) - MAX_BARS + 1)), style="dim")
                continue
            row = calculation.stages[index]
            is_kgi = index == len(plan.stages) - 1
            name = Text(names[index], no_wrap=True)
            name.truncate(name_width - 1, overflow="ellipsis", pad=True)
            length = bar_length(row.target, calculation.top_target, bar_room)
            padding = (bar_room - length) // 2
            lines.append_text(name)
            lines.append(" " * (padding + 1))
            lines.append(*solid(length, kgi_style if is_kgi else bar_style))
            lines.append(" " * (bar_room - length - padding + 1))
            lines.append(figures[index].rjust(figure_width), style="bold" if is_kgi else "")
        return lines
