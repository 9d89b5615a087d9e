"""The plan's calendar (SPEC 5.1): month labels, seasonality weights, and the month-by-month plan.

With `W(k)` the weight of months 1..k and `W` the total, a stage with target `T` is planned to
reach `P(k) = ceil(T × W(k) / W)` by the end of month k, so `P(months) = T`, and it plans
`P(k) - P(k-1)` in month k: the months add up to `T` exactly, and no month's plan lags its target.
"""

from decimal import Decimal
from typing import NamedTuple

from kpitui.core.domain.funnel import calculate
from kpitui.core.domain.plan import Plan
from kpitui.core.exact import EXACT


def month_labels(plan: Plan) -> tuple[str, ...]:
    """`2026-04` … when the plan has a start, else `M1` … `Mn`."""
    if plan.start is None:
        return tuple(f"M{number}" for number in range(1, plan.months + 1))
    return tuple(str(month) for month in plan.calendar_months())


def whole_weights(weights: tuple[Decimal, ...], months: int) -> tuple[int, ...]:
    """The weights scaled by one power of ten to whole numbers: same ratios, integer arithmetic."""
    if not weights:
        return (1,) * months
    places = max(0, *(-weight.as_tuple().exponent for weight in weights))  # type: ignore[operator]
    return tuple(int(weight.scaleb(places, EXACT)) for weight in weights)


def cumulative_weights(plan: Plan) -> tuple[int, ...]:
    """`W(0)` … `W(months)`: the weight of the plan's first k months, as whole numbers."""
    running, total = [0], 0
    for weight in whole_weights(plan.seasonality, plan.months):
        total += weight
        running.append(total)
    return tuple(running)


def planned_to_date(target: int, weight_to_date: int, weight_total: int) -> int:
    """`P(k) = ceil(T × W(k) / W)`, exactly."""
    return -(-target * weight_to_date // weight_total)


class MonthlyPlan(NamedTuple):
    """Every stage's plan month by month: `planned[s][k-1]` in month k, `planned_to_date[s][k-1]` by its end."""

    months: tuple[str, ...]
    stages: tuple[str, ...]
    targets: tuple[int, ...]
    planned: tuple[tuple[int, ...], ...]
    planned_to_date: tuple[tuple[int, ...], ...]


def monthly_plan(plan: Plan) -> MonthlyPlan:
    """The month-by-month plan of every stage (SPEC 5.1)."""
    cumulative = cumulative_weights(plan)
    total = cumulative[-1]
    targets = tuple(row.target for row in calculate(plan).stages)
    to_date, per_month = [], []
    for target in targets:
        running = [planned_to_date(target, weight, total) for weight in cumulative]
        to_date.append(tuple(running[1:]))
        per_month.append(tuple(after - before for before, after in zip(running, running[1:], strict=False)))
    return MonthlyPlan(month_labels(plan), tuple(plan.stage_names()), targets, tuple(per_month), tuple(to_date))
