"""A large plan for benchmarks: many stages and scenarios with non-round rates."""

from dataclasses import replace
from decimal import Decimal

from kpitui.core.domain.months import Month
from kpitui.core.domain.plan import (
    MAX_SCENARIOS,
    MAX_STAGES,
    CriterionState,
    Goal,
    KpiReview,
    Plan,
    Scenario,
    Stage,
)


def large_plan(stages: int = MAX_STAGES, scenarios: int = MAX_SCENARIOS) -> Plan:
    """`stages` stages with rates between 90 % and 99.9 %, and `scenarios` scenarios of 5 overrides each."""
    names = [f"Stage {index:03d}" for index in range(stages)]

    def rate(index: int) -> Decimal:
        return Decimal(900 + (index * 37) % 100).scaleb(-3)

    return Plan(
        title="Large benchmark plan",
        goal=Goal(orders=1000),
        stages=tuple(Stage(name, rate(i) if i < stages - 1 else None, f"metric {i}", "owner") for i, name in enumerate(names)),
        scenarios=tuple(
            Scenario(f"Scenario {s:03d}", "note", {names[(s * 7 + k) % (stages - 1)]: rate(s + k + 1) for k in range(5)})
            for s in range(scenarios)
        ),
        review={name: KpiReview(CriterionState.OK, notes="checked") for name in names[: stages - 1 : 3]},
    )


def followed_plan(stages: int = MAX_STAGES, months: int = 120, scenarios: int = 0) -> Plan:
    """A plan of `stages` stages over `months` months with every month's actuals recorded."""
    plan = replace(large_plan(stages, scenarios), months=months, start=Month(2026, 4))
    names = plan.stage_names()
    actuals = {
        plan.start.plus(k): {name: 1000 + (index * 37 + k * 11) % 500 for index, name in enumerate(names)} for k in range(months)
    }
    return replace(plan, actuals=actuals)
