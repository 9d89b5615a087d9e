"""The funnel arithmetic (SPEC 1.1-1.3): goal to KGI, reverse and forward calculation, levers.

All of it is exact: rates are Decimals turned into Fractions, and only whole counts are rounded,
by `ceil` for targets (a target must be reached) and `floor` for expectations (a fraction of an
order is not an order).
"""

import functools
import math
from collections.abc import Callable, Sequence
from decimal import MAX_EMAX, MIN_EMIN, ROUND_DOWN, Context, Decimal, localcontext
from fractions import Fraction
from typing import NamedTuple

from kpitui.core.domain.long_products import Interval, product, ratios
from kpitui.core.domain.plan import Goal, Plan, Rounding
from kpitui.core.domain.quantities import MAX_COUNT, MAX_TARGET, quoted
from kpitui.core.exact import EXACT
from kpitui.core.text.formatting import format_count
from kpitui.core.text.i18n import N_, tr

ONE_POINT = Decimal("0.01")
NEEDED_RATE_STEPS = 10_000  # a needed rate is rounded up to 0.01 %

# The results are named tuples, not frozen dataclasses: on Python 3.11 each dataclass compiles six
# methods from source as it is made, about 1 ms of every command's start-up (a named tuple, a fifth).


class StageTarget(NamedTuple):
    """What one stage must reach: its target over the plan and per month."""

    name: str
    rate: Decimal | None
    target: int
    monthly_target: int


class Calculation(NamedTuple):
    """The reverse calculation of a plan: total orders (revenue-driven goals), KGI, stage targets."""

    orders_total: int | None
    kgi: int
    stages: tuple[StageTarget, ...]

    @property
    def top_target(self) -> int:
        """The target at the top of the funnel."""
        return self.stages[0].target


class Forward(NamedTuple):
    """Expected counts from a top-of-funnel count, and how far the last stage falls short of the KGI."""

    top: int
    expected_counts: tuple[int, ...]
    """Expected counts rounded down: whole leads and orders."""
    kgi_gap: int


class Lever(NamedTuple):
    """What one point more on one stage's rate does to the top-of-funnel target."""

    name: str
    rate: Decimal
    improved_rate: Decimal
    top_target: int
    saving: int


def orders_total(goal: Goal) -> int | None:
    """All orders the revenue needs, `ceil(revenue / average_deal)`; None for a count-driven goal."""
    if goal.revenue is None or goal.average_deal is None:  # count-driven
        return None
    return math.ceil(Fraction(goal.revenue) / Fraction(goal.average_deal))


def kgi(goal: Goal) -> int:
    """The KGI: orders given directly, or `ceil(orders_total × channel_share)`."""
    if goal.orders is not None:
        return goal.orders
    total = orders_total(goal)
    assert total is not None  # a goal has orders, or revenue with average_deal (Goal checks it)
    return math.ceil(total * Fraction(goal.channel_share))


def reverse_targets(rates: Sequence[Decimal | Fraction], kgi_count: int, rounding: Rounding = Rounding.STEP) -> list[int]:
    """Stage targets, top first, for the conversion rates of every stage but the last (planned or observed).

    Linear in the number of stages: `step` divides whole counts, `once` reads each
    `ceil(kgi / product of the rates below)` from a decimal interval (see long_products).
    """
    targets, fractions = [kgi_count], ratios(rates)
    if rounding is Rounding.STEP:
        for top, bottom in reversed(fractions):
            targets.append(-(-targets[-1] * bottom // top))
    else:
        interval = Interval(fractions, kgi_count)
        bounds = interval.exactly(kgi_count)
        for index in reversed(range(len(fractions))):
            bounds = interval.over(bounds, fractions[index])
            targets.append(interval.ceil(bounds, lambda index=index: kgi_count / product(fractions[index:])))
    targets.reverse()
    return targets


def monthly_target(target: int, months: int) -> int:
    """The per-month share of a target, rounded up."""
    return -(-target // months)


def stage_rates(plan: Plan) -> list[Decimal]:
    """The conversion rates of every stage but the KGI stage, top first."""
    return [stage.rate for stage in plan.kpi_stages if stage.rate is not None]  # every KPI stage has one


def calculate(plan: Plan) -> Calculation:
    """The reverse calculation of a whole plan."""
    kgi_count = kgi(plan.goal)
    targets = reverse_targets(stage_rates(plan), kgi_count, plan.rounding)
    return Calculation(
        orders_total=orders_total(plan.goal),
        kgi=kgi_count,
        stages=tuple(
            StageTarget(stage.name, stage.rate, target, monthly_target(target, plan.months))
            for stage, target in zip(plan.stages, targets, strict=True)
        ),
    )


def forward(rates: Sequence[Decimal], top: int, kgi_count: int) -> Forward:
    """The expected count at every stage from `top` at the top of the funnel, rounded down, exactly."""
    fractions = ratios(rates)
    interval = Interval(fractions, top)
    bounds, counts = interval.exactly(top), [top]
    for index, ratio in enumerate(fractions):
        bounds = interval.times(bounds, ratio)
        counts.append(interval.floor(bounds, lambda index=index: top * product(fractions[: index + 1])))
    return Forward(top, tuple(counts), max(0, kgi_count - counts[-1]))


def needed_rates(rates: Sequence[Decimal], top: int, kgi_count: int) -> list[Fraction]:
    """For each stage, the rate it alone would need for `top` at the top to yield the KGI, the
    others unchanged: `kgi / (top × the other rates)`, rounded up to 0.01 % so that it does.

    Above 1 (100 %), no rate at that stage alone can reach the KGI.
    """
    fractions = ratios(rates)
    interval = Interval(fractions, top, kgi_count, NEEDED_RATE_STEPS)
    bounds = interval.over(interval.exactly(kgi_count * NEEDED_RATE_STEPS), (top, 1))
    for ratio in fractions:
        bounds = interval.over(bounds, ratio)  # kgi / (top × every rate), in hundredths of a percent
    all_rates = functools.cache(lambda: product(fractions))
    return [
        Fraction(
            interval.ceil(
                interval.times(bounds, ratio),
                lambda ratio=ratio: kgi_count * NEEDED_RATE_STEPS * Fraction(*ratio) / (top * all_rates()),
            ),
            NEEDED_RATE_STEPS,
        )
        for ratio in fractions
    ]


def levers(plan: Plan, keep_going: Callable[[], bool] = lambda: True) -> list[Lever] | None:
    """For each KPI stage, the top-of-funnel target after one percentage point more on its rate.

    Ranked by saving, largest first, so the cheapest lever leads; a rate already at 100 % saves 0.
    With `once` rounding this is linear in the number of stages (the product of the other rates
    is the same product, one factor changed). With `step` rounding each lever's counts are
    divided again from its stage up, whole numbers only: quadratic at worst, so the app works
    them out in the background, and answers None as soon as `keep_going()` says to stop.
    """
    kgi_count = kgi(plan.goal)
    rates = stage_rates(plan)
    baseline = reverse_targets(rates, kgi_count, plan.rounding)
    improved = [min(EXACT.add(rate, ONE_POINT), Decimal(1)) for rate in rates]
    fractions, better_fractions = ratios(rates), ratios(improved)
    if plan.rounding is Rounding.ONCE:
        interval = Interval(fractions + better_fractions, kgi_count)
        bounds = interval.exactly(kgi_count)
        for ratio in fractions:
            bounds = interval.over(bounds, ratio)  # the baseline's top, kgi / product
        all_rates = functools.cache(lambda: product(fractions))
        tops = [
            interval.ceil(
                interval.over(interval.times(bounds, ratio), better),
                lambda ratio=ratio, better=better: kgi_count * Fraction(*ratio) / (all_rates() * Fraction(*better)),
            )
            for ratio, better in zip(fractions, better_fractions, strict=True)
        ]
    else:
        tops = []
        for index, (top, bottom) in enumerate(better_fractions):
            if not keep_going():
                return None
            count = -(-baseline[index + 1] * bottom // top)
            for above in reversed(range(index)):
                if count == baseline[above + 1]:  # back on the baseline's counts: the rest follows them
                    count = baseline[0]
                    break
                top, bottom = fractions[above]
                count = -(-count * bottom // top)
            tops.append(count)
    result = [
        Lever(stage.name, rate, better, top, baseline[0] - top)
        for stage, rate, better, top in zip(plan.stages, rates, improved, tops, strict=False)
    ]
    result.sort(key=lambda lever: -lever.saving)
    return result


# Rounding down on purpose: a lower bound of a product of rates, for a quick sufficient check.
_LOWER_BOUND = Context(prec=30, rounding=ROUND_DOWN, Emin=MIN_EMIN, Emax=MAX_EMAX)


class FigureError(ValueError):
    """A plan (or one scenario, by index) whose KGI or targets would pass their bounds."""

    def __init__(self, message: str, *, scenario: int | None, part: str) -> None:
        super().__init__(message)
        self.scenario = scenario
        self.part = part  # "goal" or "rates": what to change


def check_figures(plan: Plan) -> None:
    """FigureError when the KGI or a target of the baseline or of any scenario would pass its bound.

    These bounds guarantee that every figure kpitui computes for an accepted plan can be computed
    and shown: a KGI is at most MAX_COUNT, a target at most MAX_TARGET (every other figure, from
    monthly targets to levers, is smaller). Checked on every load and every edit.
    """
    names = [stage.name for stage in plan.kpi_stages]
    rates = stage_rates(plan)
    _check_figures(plan.goal, rates, names, None)
    position = {name: index for index, name in enumerate(names)}
    for index, scenario in enumerate(plan.scenarios):
        if scenario.rates or scenario.goal:
            overridden = list(rates)
            for name, rate in scenario.rates.items():
                overridden[position[name]] = rate
            try:
                goal = plan.goal.with_overrides(scenario.goal)
            except ValueError:  # overrides that make no whole goal: the scenario's own rules say so
                goal = plan.goal
            _check_figures(goal, overridden, names, index, scenario.name)


# Each bound passed, said of the baseline and of a scenario: whole sentences, so both translate.
KGI_TOO_LARGE = (
    N_("the KGI would be {kgi} (revenue ÷ average order × channel share), over the largest KGI, {bound}"),
    N_("in scenario {scenario}, the KGI would be {kgi} (revenue ÷ average order × channel share), over the largest KGI, {bound}"),
)
TARGET_TOO_LARGE = (
    N_("the target of {stage} would be over {bound}, the largest target: these rates are too small for a KGI of {kgi}"),
    N_(
        "in scenario {scenario}, the target of {stage} would be over {bound}, the largest target:"
        " these rates are too small for a KGI of {kgi}"
    ),
)


def _figure_error(messages: tuple[str, str], part: str, scenario: int | None, label: str, **figures: str) -> FigureError:
    if scenario is None:
        return FigureError(tr(messages[0], **figures), scenario=None, part=part)
    return FigureError(tr(messages[1], scenario=quoted(label), **figures), scenario=scenario, part=part)


def _check_figures(goal: Goal, rates: list[Decimal], names: list[str], scenario: int | None, label: str = "") -> None:
    kgi_count = kgi(goal)
    if kgi_count > MAX_COUNT:
        raise _figure_error(KGI_TOO_LARGE, "goal", scenario, label, kgi=format_count(kgi_count), bound=format_count(MAX_COUNT))
    # Step by step, target[i] < target[i+1] / rate[i] + 1, so the top target (the largest) is
    # below (KGI + stages) / product of rates: when that fits, no target can pass the bound.
    with localcontext(_LOWER_BOUND):
        if kgi_count + len(rates) <= MAX_TARGET * math.prod(rates):
            return
    target = kgi_count
    for name, rate in zip(reversed(names), reversed(rates), strict=True):
        numerator, denominator = rate.as_integer_ratio()
        target = -(-target * denominator // numerator)
        if target > MAX_TARGET:
            figures = {"stage": quoted(name), "bound": format_count(MAX_TARGET), "kgi": format_count(kgi_count)}
            raise _figure_error(TARGET_TOO_LARGE, "rates", scenario, label, **figures)
