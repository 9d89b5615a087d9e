"""Edits of a plan's scenarios: each returns a new plan, or raises ValueError saying why not."""

import math
from dataclasses import replace
from decimal import Decimal

from kpitui.core.domain.baseline import goal_overrides, rebased
from kpitui.core.domain.edits import unused_name
from kpitui.core.domain.months import Month
from kpitui.core.domain.plan import GOAL_FIELDS, Plan, Scenario, check_unique_name
from kpitui.core.domain.progress import PlanStatus, status
from kpitui.core.domain.quantities import quoted
from kpitui.core.text.i18n import N_, _, tr

# Names and notes kpitui gives the scenarios it makes: plan text from then on, written in the
# interface language (filled in with `str.format`, never `tr`: plan text is stored as it is).
NEW_SCENARIO_NAME = N_("Scenario")
PREVIOUS_BASELINE = N_("Previous baseline")
OBSERVED_PLACES = 6  # decimal places of an observed rate made a scenario's rate: 45.4546 %, as people read it


def _with_scenarios(plan: Plan, scenarios: list[Scenario]) -> Plan:
    return replace(plan, scenarios=tuple(scenarios))


def check_scenario_name(plan: Plan, name: str, index: int | None = None) -> str:
    """A valid name for scenario `index` (None for a new one)."""
    return check_unique_name(name, [s.name for s in plan.scenarios], index, "scenario")


def scenario_index(plan: Plan, name: str) -> int:
    """Where scenario `name` is now: an edit started on a scenario applies to it, wherever it moved.

    ValueError when it is gone.
    """
    for index, scenario in enumerate(plan.scenarios):
        if scenario.name == name:
            return index
    raise ValueError(tr("there is no scenario {name!r} any more", name=name))


def unused_scenario_name(plan: Plan, base: str) -> str:
    """`base`, or `base 2`, 3 … whichever no scenario has yet."""
    return unused_name(base, [s.name for s in plan.scenarios])


def add_scenario(plan: Plan, copy_of: int | None = None) -> Plan:
    """A new scenario at the end: empty, or a copy of scenario `copy_of`."""
    if copy_of is None:
        # "Scenario 1", not "Scenario": that is the heading of the row of names
        new = Scenario(unused_name(_(NEW_SCENARIO_NAME), [s.name for s in plan.scenarios], numbered=True))
    else:
        source = plan.scenarios[copy_of]
        new = replace(source, name=unused_scenario_name(plan, _("{name} copy").format(name=source.name)))
    return _with_scenarios(plan, [*plan.scenarios, new])


def scenario_from_edits(saved: Plan, current: Plan, name: str) -> Plan:
    """Turn the rate and goal edits made since `saved` into a new scenario; the baseline goes back to `saved`."""
    if current.stage_names() != saved.stage_names():
        raise ValueError(
            _("stages were added, removed, renamed or moved since the last save: a scenario only holds rates and goal")
        )
    check_scenario_name(current, name)
    rates = {
        stage.name: stage.rate
        for stage, before in zip(current.kpi_stages, saved.kpi_stages, strict=True)
        if stage.rate is not None and stage.rate != before.rate  # a KPI stage always has a rate
    }
    goal = goal_overrides(saved.goal, current.goal)
    if not rates and not goal:
        raise ValueError(_("no rate or goal has changed since the last save: nothing to make a scenario of"))
    scenario = Scenario(name, "Made from unsaved edits", rates, goal)
    return replace(current, goal=saved.goal, stages=saved.stages, scenarios=(*current.scenarios, scenario))


def rename_scenario(plan: Plan, index: int, name: str) -> Plan:
    """Rename scenario `index`."""
    check_scenario_name(plan, name, index)
    scenarios = list(plan.scenarios)
    scenarios[index] = replace(scenarios[index], name=name)
    return _with_scenarios(plan, scenarios)


def set_scenario_note(plan: Plan, index: int, note: str) -> Plan:
    """What scenario `index` is about, in words."""
    scenarios = list(plan.scenarios)
    scenarios[index] = replace(scenarios[index], note=note)
    return _with_scenarios(plan, scenarios)


def delete_scenario(plan: Plan, index: int) -> Plan:
    """Remove scenario `index`."""
    scenarios = list(plan.scenarios)
    del scenarios[index]
    return _with_scenarios(plan, scenarios)


def move_scenario(plan: Plan, index: int, offset: int) -> Plan:
    """Move scenario `index` left (-1) or right (+1) among the scenarios."""
    target = index + offset
    if not 0 <= target < len(plan.scenarios):
        raise ValueError(_("already at the end") if offset > 0 else _("already first of the scenarios"))
    scenarios = list(plan.scenarios)
    scenarios[index], scenarios[target] = scenarios[target], scenarios[index]
    return _with_scenarios(plan, scenarios)


def set_rate_override(plan: Plan, index: int, stage_name: str, rate: Decimal | None) -> Plan:
    """Scenario `index` converts at `rate` at stage `stage_name`; None removes the override."""
    if stage_name not in {stage.name for stage in plan.kpi_stages}:
        raise ValueError(_("only KPI stages have a rate to override"))
    scenario = plan.scenarios[index]
    rates = {k: v for k, v in scenario.rates.items() if k != stage_name}
    if rate is not None:
        rates[stage_name] = rate
    ordered = {stage.name: rates[stage.name] for stage in plan.kpi_stages if stage.name in rates}
    scenarios = list(plan.scenarios)
    scenarios[index] = replace(scenario, rates=ordered)
    return _with_scenarios(plan, scenarios)


def set_goal_override(plan: Plan, index: int, field: str, figure: Decimal | int | None) -> Plan:
    """Scenario `index` overrides goal `field` with `figure`; None removes the override."""
    if field not in GOAL_FIELDS:
        raise ValueError(tr("there is no goal field {field}", field=quoted(field)))
    scenario = plan.scenarios[index]
    goal = {k: v for k, v in scenario.goal.items() if k != field}
    if figure is not None:
        if field == "orders":
            goal = {"orders": figure}
        else:
            goal.pop("orders", None)
            goal[field] = figure
    plan.goal.with_overrides(goal)  # raises ValueError when the result is not a whole goal
    scenarios = list(plan.scenarios)
    scenarios[index] = replace(scenario, goal={k: goal[k] for k in GOAL_FIELDS if k in goal})
    return _with_scenarios(plan, scenarios)


def promote_scenario(plan: Plan, index: int) -> Plan:
    """Make scenario `index` the baseline; the old baseline is kept as a scenario.

    Every other scenario is rewritten against the new baseline, so that none of its figures moves.
    """
    promoted = plan.scenarios[index]
    applied = plan.with_scenario_applied(promoted)
    new = replace(plan, goal=applied.goal, stages=applied.stages)
    previous = Scenario(
        unused_scenario_name(plan, _(PREVIOUS_BASELINE)),
        _("The baseline before {name!r} was promoted").format(name=promoted.name),
    )
    others = [rebased(s, plan, new) for i, s in enumerate(plan.scenarios) if i != index]
    return replace(new, scenarios=(*others, rebased(previous, plan, new)))


def observed_scenario_name(as_of: Month) -> str:
    """`Observed 2026-06`: the scenario made from the rates seen up to that month."""
    return _("Observed {month}").format(month=as_of)


def observed_rates(result: PlanStatus) -> dict[str, Decimal]:
    """Every observed rate that can stand as a plan's rate, rounded up to 6 decimal places.

    Up, so that a target the exact rates reach in whole numbers stays whole (5/11 as 0.454545
    would turn 20 orders into 45 meetings, not 44): the scenario never needs more at the top than
    the rates seen do. A rate over 100 % (more counted at the next stage than at this one) is no
    conversion rate: that stage keeps the plan's rate.
    """
    rates = {}
    for row in result.stages[:-1]:
        if row.observed_rate is not None and 0 < row.observed_rate <= 1:
            rates[row.name] = Decimal(math.ceil(row.observed_rate * 10**OBSERVED_PLACES)).scaleb(-OBSERVED_PLACES).normalize()
    return rates


def scenario_from_observed_rates(plan: Plan, as_of: Month | None = None) -> Plan:
    """A scenario "Observed YYYY-MM" at the rates seen up to `as_of` (default: the last month with actuals).

    Stages without a usable observed rate keep the plan's rate. A scenario of that name already
    there is brought up to date in place, so asking again after new actuals does not pile up copies.
    """
    result = status(plan, as_of)
    if result.as_of is None:
        raise ValueError(_("nothing is recorded yet: no rate has been observed"))
    rates = observed_rates(result)
    if not rates:
        raise ValueError(
            tr("no conversion rate can be observed up to {month}: record counts of two stages in a row", month=str(result.as_of))
        )
    name = observed_scenario_name(result.as_of)
    note = _("Conversion rates observed from {start} to {end}").format(start=plan.start, end=result.as_of)
    scenario = Scenario(name, note, rates)
    names = [s.name for s in plan.scenarios]
    if name in names:
        index = names.index(name)
        return _with_scenarios(plan, [*plan.scenarios[:index], scenario, *plan.scenarios[index + 1 :]])
    return _with_scenarios(plan, [*plan.scenarios, scenario])
