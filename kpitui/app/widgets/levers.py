"""For one column: which stage's rate is the cheapest lever, and what a given top of the funnel brings."""

from rich.text import Text
from textual.widgets import DataTable

from kpitui.app.background import in_background
from kpitui.app.safety import FailSafe
from kpitui.app.widgets.cells import literal, number, sync_rows
from kpitui.core.domain import funnel
from kpitui.core.domain.funnel import Lever
from kpitui.core.domain.plan import Plan
from kpitui.core.text.formatting import format_count, format_needed_rate, format_percent

NAME_WIDTH = 14
LEVERS_SHOWN = 50  # the cheapest levers; on a long funnel the rest change little
LEVERS_KEPT = 16  # plans whose levers are remembered (the baseline and scenarios looked at)


class LeverTable(FailSafe, DataTable):
    """Sensitivity: the top-of-funnel target after one point more on each rate, cheapest lever first.

    The levers are worked out off the UI thread (with `step` rounding a long funnel takes a
    while) and remembered per plan, so moving around the comparison never waits for them.
    """

    BORDER_TITLE = "Levers: +1 point on one rate"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="none", zebra_stripes=True)
        self.known: dict[tuple, list[Lever]] = {}
        self.wanted: tuple | None = None  # the plan whose levers should show

    def on_mount(self) -> None:
        for key, label in (("stage", "Stage"), ("rate", "Rate"), ("top", "Top needs"), ("saving", "Saves")):
            self.add_column(Text(label, justify="left" if key == "stage" else "right"), key=key)

    def show(self, plan: Plan) -> None:
        """Rank the levers of `plan`: at once when known, otherwise as soon as they are worked out."""
        key = (plan.stages, plan.goal, plan.rounding)
        self.wanted = key
        if key in self.known:
            self.draw(self.known[key])
            return
        self.border_subtitle = "working out…"

        def still_wanted() -> bool:
            return self.wanted == key

        def done(levers: list[Lever] | None | Exception) -> None:
            if isinstance(levers, Exception):
                self.app.rescue(levers)
            elif levers is not None:
                self.known[key] = levers
                while len(self.known) > LEVERS_KEPT:
                    del self.known[next(iter(self.known))]
                if still_wanted():
                    self.draw(levers)

        in_background(self.app, lambda: funnel.levers(plan, still_wanted), done)

    def draw(self, levers: list[Lever]) -> None:
        shown = levers[:LEVERS_SHOWN]
        self.border_subtitle = f"cheapest {len(shown)} of {format_count(len(levers))}" if len(shown) < len(levers) else ""
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
                for rank, lever in enumerate(shown)
            ],
        )


class ForwardTable(FailSafe, DataTable):
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
        needed = [format_needed_rate(rate) for rate in funnel.needed_rates(rates, top, kgi)] + [""]
        sync_rows(
            self,
            [
                (stage.name, [literal(stage.name, width=NAME_WIDTH), number(format_count(expected)), number(rate)])
                for stage, expected, rate in zip(plan.stages, result.expected_counts, needed, strict=True)
            ],
        )
        if result.kgi_gap == 0:
            return f"{format_count(top)} at the top: KGI {format_count(kgi)} reached"
        return f"{format_count(top)} at the top: {format_count(result.kgi_gap)} short of KGI {format_count(kgi)}"
