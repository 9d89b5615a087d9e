"""For one column: which stage's rate is the cheapest lever, and what a given top of the funnel brings."""

from rich.text import Text

from kpitui.app.background import in_background
from kpitui.app.widgets.cells import literal, number, sync_rows, text_room
from kpitui.app.widgets.kept_cells import KeptCells
from kpitui.core.domain import funnel
from kpitui.core.domain.funnel import Lever
from kpitui.core.domain.plan import Plan
from kpitui.core.text.formatting import format_count, format_needed_rate, format_percent
from kpitui.core.text.i18n import N_, Translated, _, tr

LEVERS_SHOWN = 50  # the cheapest levers; on a long funnel the rest change little
LEVERS_KEPT = 16  # plans whose levers are remembered (the baseline and scenarios looked at)
LEVER_COLUMNS = (("stage", N_("Stage")), ("rate", N_("Rate")), ("top", N_("Top needs")), ("saving", N_("Saves")))
FORWARD_COLUMNS = (("stage", N_("Stage")), ("expected", N_("Expected")), ("needed", N_("Alone needs")))


class LeverTable(KeptCells):
    """Sensitivity: the top-of-funnel target after one point more on each rate, cheapest lever first.

    The levers are worked out off the UI thread (with `step` rounding a long funnel takes a
    while) and remembered per plan, so moving around the comparison never waits for them.
    """

    BORDER_TITLE = Translated(N_("Levers: +1 point on one rate"))

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="none", zebra_stripes=True)
        self.known: dict[tuple, list[Lever]] = {}
        self.wanted: tuple | None = None  # the plan whose levers should show
        self.drawn: list[Lever] | None = None

    def on_mount(self) -> None:
        for key, label in LEVER_COLUMNS:
            label = _(label)
            self.add_column(Text(label, justify="left" if key == "stage" else "right"), key=key)

    def on_resize(self) -> None:
        """The names get the width the figures leave."""
        if self.drawn is not None:
            self.draw(self.drawn)

    def show(self, plan: Plan) -> None:
        """Rank the levers of `plan`: at once when known, otherwise as soon as they are worked out."""
        key = (plan.stages, plan.goal, plan.rounding)
        self.wanted = key
        if key in self.known:
            self.draw(self.known[key])
            return
        self.border_subtitle = _("working out…")

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
        self.drawn = levers
        shown = levers[:LEVERS_SHOWN]
        cut = len(shown) < len(levers)
        self.border_subtitle = tr("cheapest {shown} of {count}", shown=len(shown), count=format_count(len(levers))) if cut else ""
        figures = [
            [
                number(tr("{rate}→{improved}", rate=format_percent(lever.rate), improved=format_percent(lever.improved_rate))),
                number(format_count(lever.top_target)),
                number(format_count(lever.saving)),
            ]
            for lever in shown
        ]
        name_width = text_room(self, [_(label) for _key, label in LEVER_COLUMNS[1:]], figures)
        sync_rows(
            self,
            [
                (lever.name, [literal(lever.name, width=name_width, style="bold" if rank == 0 and lever.saving else ""), *cells])
                for rank, (lever, cells) in enumerate(zip(shown, figures, strict=True))
            ],
        )


class ForwardTable(KeptCells):
    """Forward from a top-of-funnel count: expected at each stage, and the rate each stage alone would need."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="none", zebra_stripes=True)
        self.drawn: tuple[Plan, int] | None = None

    def on_mount(self) -> None:
        for key, label in FORWARD_COLUMNS:
            label = _(label)
            self.add_column(Text(label, justify="left" if key == "stage" else "right"), key=key)

    def on_resize(self) -> None:
        """The names get the width the figures leave."""
        if self.drawn is not None:
            self.show(*self.drawn)

    def show(self, plan: Plan, top: int) -> str:
        """Draw the forward calculation of `plan` from `top`; returns the verdict on the KGI."""
        self.drawn = (plan, top)
        kgi = funnel.kgi(plan.goal)
        rates = funnel.stage_rates(plan)
        result = funnel.forward(rates, top, kgi)
        needed = [format_needed_rate(rate) for rate in funnel.needed_rates(rates, top, kgi)] + [""]
        counts = result.expected_counts
        figures = [[number(format_count(expected)), number(rate)] for expected, rate in zip(counts, needed, strict=True)]
        name_width = text_room(self, [_(label) for _key, label in FORWARD_COLUMNS[1:]], figures)
        sync_rows(
            self,
            [
                (stage.name, [literal(stage.name, width=name_width), *cells])
                for stage, cells in zip(plan.stages, figures, strict=True)
            ],
        )
        if result.kgi_gap == 0:
            return tr("{top} at the top: KGI {kgi} reached", top=format_count(top), kgi=format_count(kgi))
        return tr(
            "{top} at the top: {gap} short of KGI {kgi}",
            top=format_count(top),
            gap=format_count(result.kgi_gap),
            kgi=format_count(kgi),
        )
