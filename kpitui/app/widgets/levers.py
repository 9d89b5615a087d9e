"""For one column: which stage's rate is the cheapest lever, and what a given top of the funnel brings."""

from rich.text import Text
from textual.widgets import DataTable

from kpitui.app.widgets.cells import literal, number, sync_rows
from kpitui.core.domain import funnel
from kpitui.core.domain.plan import Plan
from kpitui.core.text.formatting import format_count, format_needed_rate, format_percent

NAME_WIDTH = 14


class LeverTable(DataTable):
    """Sensitivity: the top-of-funnel target after one point more on each rate, cheapest lever first."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="none", zebra_stripes=True)

    def on_mount(self) -> None:
        self.border_title = "Levers: +1 point on one rate"
        for key, label in (("stage", "Stage"), ("rate", "Rate"), ("top", "Top needs"), ("saving", "Saves")):
            self.add_column(Text(label, justify="left" if key == "stage" else "right"), key=key)

    def show(self, plan: Plan) -> None:
        """Rank the levers of `plan`."""
        sync_rows(
            self,
            [
                (
                    lever.name,
                    [
                        literal(lever.name, width=NAME_WIDTH, style="bold" if rank == 0 and lever.saving else ""),
                        number(f"{format_percent(lever.rate)}→{format_percent(lever.improved_rate)}"),
                        number(format_count(lever.top_target)),
                        number(format_count(lever.saving)),
                    ],
                )
                for rank, lever in enumerate(funnel.levers(plan))
            ],
        )


class ForwardTable(DataTable):
    """Forward from a top-of-funnel count: expected at each stage, and the rate each stage alone would need."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="none", zebra_stripes=True)

    def on_mount(self) -> None:
        for key, label in (("stage", "Stage"), ("expected", "Expected"), ("needed", "Alone needs")):
            self.add_column(Text(label, justify="left" if key == "stage" else "right"), key=key)

    def show(self, plan: Plan, top: int) -> str:
        """Draw the forward calculation of `plan` from `top`; returns the verdict on the KGI."""
        kgi = funnel.kgi(plan.goal)
        rates = funnel.stage_rates(plan)
        result = funnel.forward(rates, top, kgi)
        rows = []
        for index, (stage, expected) in enumerate(zip(plan.stages, result.expected_counts, strict=True)):
            needed = "" if stage.rate is None else format_needed_rate(funnel.solve_rate(rates, index, top, kgi))
            rows.append((stage.name, [literal(stage.name, width=NAME_WIDTH), number(format_count(expected)), number(needed)]))
        sync_rows(self, rows)
        if result.kgi_gap == 0:
            return f"{format_count(top)} at the top: KGI {format_count(kgi)} reached"
        return f"{format_count(top)} at the top: {format_count(result.kgi_gap)} short of KGI {format_count(kgi)}"
