"""Changing the baseline under the scenarios without moving any scenario's figures."""

from dataclasses import replace
from decimal import Decimal

from kpitui.core.domain.plan import REVENUE_FIELDS, Goal, Plan, Scenario


def goal_overrides(base: Goal, target: Goal) -> dict[str, Decimal | int]:
    """The overrides that turn goal `base` into goal `target`."""
    if target.orders is not None:
        return {} if target == base else {"orders": target.orders}
    if base.is_count_driven:
        return {field: getattr(target, field) for field in REVENUE_FIELDS}
    return {field: getattr(target, field) for field in REVENUE_FIELDS if getattr(target, field) != getattr(base, field)}


def rebased(scenario: Scenario, old: Plan, new: Plan) -> Scenario:
    """`scenario`, rewritten to give the same figures over baseline `new` as it gave over `old`."""
    applied = old.with_scenario_applied(scenario)
    rates = {
        stage.name: stage.rate
        for stage, baseline in zip(applied.kpi_stages, new.kpi_stages, strict=True)
        if stage.rate is not None and stage.rate != baseline.rate
    }
    return replace(scenario, rates=rates, goal=goal_overrides(new.goal, applied.goal))


def with_baseline(plan: Plan, new: Plan) -> Plan:
    """`new` as the baseline, with every scenario of `plan` rewritten to keep its figures."""
    return replace(new, scenarios=tuple(rebased(scenario, plan, new) for scenario in plan.scenarios))
