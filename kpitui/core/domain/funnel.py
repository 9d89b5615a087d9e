"""The funnel arithmetic (SPEC 1.1-1.3): goal to KGI, reverse and forward calculation, levers.

All of it is exact: rates are Decimals turned into Fractions, and only whole counts are rounded,
by `ceil` for targets (a target must be reached) and `floor` for expectations (a fraction of an
order is not an order).
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from kpitui.core.domain.plan import Goal, Plan, Rounding

ONE_POINT = Decimal("0.01")


@dataclass(frozen=True)
class StageTarget:
    """What one stage must reach: its target over the plan and per month."""

    name: str
    rate: Decimal | None
    target: int
    monthly_target: int


@dataclass(frozen=True)
class Calculation:
    """The reverse calculation of a plan: total orders (revenue-driven goals), KGI, stage targets."""

    orders_total: int | None
    kgi: int
    stages: tuple[StageTarget, ...]

    @property
    def top_target(self) -> int:
        """The target at the top of the funnel."""
        return self.stages[0].target


@dataclass(frozen=True)
class Forward:
    """Expected counts from a top-of-funnel count, and how far the last stage falls short of the KGI."""

    top: int
    expected: tuple[Fraction, ...]
    kgi_gap: int

    @property
    def expected_counts(self) -> tuple[int, ...]:
        """Expected counts rounded down: whole leads and orders."""
        return tuple(math.floor(value) for value in self.expected)


@dataclass(frozen=True)
class Lever:
    """What one point more on one stage's rate does to the top-of-funnel target."""

    name: str
    rate: Decimal
    improved_rate: Decimal
    top_target: int
    saving: int


def orders_total(goal: Goal) -> int | None:
    """All orders the revenue needs, `ceil(revenue / average_deal)`; None for a count-driven goal."""
    if goal.is_count_driven:
        return None
    return math.ceil(Fraction(goal.revenue) / Fraction(goal.average_deal))


def kgi(goal: Goal) -> int:
    """The KGI: orders given directly, or `ceil(orders_total × channel_share)`."""
    if goal.is_count_driven:
        return goal.orders
    return math.ceil(orders_total(goal) * Fraction(goal.channel_share))


def reverse_targets(rates: Sequence[Decimal | Fraction], kgi_count: int, rounding: Rounding = Rounding.STEP) -> list[int]:
    """Stage targets, top first, for the conversion rates of every stage but the last (planned or observed)."""
    targets = [kgi_count]
    if rounding is Rounding.STEP:
        for rate in reversed(rates):
            targets.append(math.ceil(targets[-1] / Fraction(rate)))
    else:
        product = Fraction(1)
        for rate in reversed(rates):
            product *= Fraction(rate)
            targets.append(math.ceil(kgi_count / product))
    targets.reverse()
    return targets


def monthly_target(target: int, months: int) -> int:
    """The per-month share of a target, rounded up."""
    return -(-target // months)


def stage_rates(plan: Plan) -> list[Decimal]:
    """The conversion rates of every stage but the KGI stage, top first."""
    return [stage.rate for stage in plan.kpi_stages]


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
    """The expected count at every stage from `top` at the top of the funnel, exactly."""
    expected = [Fraction(top)]
    for rate in rates:
        expected.append(expected[-1] * Fraction(rate))
    return Forward(top, tuple(expected), max(0, kgi_count - math.floor(expected[-1])))


def solve_rate(rates: Sequence[Decimal], index: int, top: int, kgi_count: int) -> Fraction:
    """The rate stage `index` needs so that `top` at the top yields the KGI, others unchanged.

    The answer may exceed 1: then no rate at that stage alone can reach the KGI.
    """
    others = Fraction(top)
    for position, rate in enumerate(rates):
        if position != index:
            others *= Fraction(rate)
    return Fraction(kgi_count) / others


def levers(plan: Plan) -> list[Lever]:
    """For each KPI stage, the top-of-funnel target after one percentage point more on its rate.

    Ranked by saving, largest first, so the cheapest lever leads; a rate already at 100 % saves 0.
    """
    kgi_count = kgi(plan.goal)
    rates = stage_rates(plan)
    baseline_top = reverse_targets(rates, kgi_count, plan.rounding)[0]
    result = []
    for index, rate in enumerate(rates):
        improved = min(rate + ONE_POINT, Decimal(1))
        trial = rates[:index] + [improved] + rates[index + 1 :]
        top = reverse_targets(trial, kgi_count, plan.rounding)[0]
        result.append(Lever(plan.stages[index].name, rate, improved, top, baseline_top - top))
    result.sort(key=lambda lever: -lever.saving)
    return result
