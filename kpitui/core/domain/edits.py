"""Edits of a plan: each takes a plan and returns a new one, or raises ValueError saying why not.

Stage names tie a plan together (scenario overrides, review entries and actuals refer to them),
so every edit that renames, removes or moves stages keeps those references true; and recorded
actuals tie it to its calendar, so an edit of `start` or `months` never leaves one outside.
"""

from dataclasses import replace
from decimal import Decimal
from typing import Any

from kpitui.core.domain.baseline import with_baseline
from kpitui.core.domain.funnel import kgi
from kpitui.core.domain.months import Month
from kpitui.core.domain.plan import (
    CRITERIA,
    CriterionState,
    Goal,
    KpiReview,
    Plan,
    Rounding,
    Stage,
    check_unique_name,
)
from kpitui.core.domain.quantities import quoted
from kpitui.core.text.i18n import _, tr

DEFAULT_RATE = Decimal("0.5")
NEW_STAGE_NAME = "New stage"


def _with_stages(plan: Plan, stages: list[Stage]) -> Plan:
    """The plan with new stages; overrides and reviews of names no longer rated, actuals of names gone, are dropped."""
    rated = {stage.name for stage in stages[:-1]}
    names = rated | {stages[-1].name}
    scenarios = tuple(replace(s, rates={name: rate for name, rate in s.rates.items() if name in rated}) for s in plan.scenarios)
    review = {name: entry for name, entry in plan.review.items() if name in rated}
    actuals = {month: {n: c for n, c in counts.items() if n in names} for month, counts in plan.actuals.items()}
    actuals = {month: counts for month, counts in actuals.items() if counts}
    return replace(plan, stages=tuple(stages), scenarios=scenarios, review=review, actuals=actuals)


def stage_index(plan: Plan, name: str) -> int:
    """Where stage `name` is now: an edit started on a stage applies to that stage, wherever it moved.

    ValueError when it is gone.
    """
    try:
        return plan.stage_names().index(name)
    except ValueError:
        raise ValueError(tr("there is no stage {name!r} any more", name=name)) from None


def check_stage_name(plan: Plan, name: str, index: int | None = None) -> str:
    """A valid new name for stage `index` (None for a new stage)."""
    return check_unique_name(name, plan.stage_names(), index, "stage")


def set_rate(plan: Plan, index: int, rate: Decimal) -> Plan:
    """Stage `index` converts to the next at `rate`; the KGI stage has no rate."""
    if index == len(plan.stages) - 1:
        raise ValueError(_("the KGI stage has no rate: it is the goal itself"))
    stages = list(plan.stages)
    stages[index] = replace(stages[index], rate=rate)
    return replace(plan, stages=tuple(stages))


def rename_stage(plan: Plan, index: int, name: str) -> Plan:
    """Rename a stage; its scenario overrides, its review and its actuals follow it."""
    old = plan.stages[index].name
    check_stage_name(plan, name, index)
    if name == old:
        return plan
    stages = list(plan.stages)
    stages[index] = replace(stages[index], name=name)
    scenarios = tuple(
        replace(s, rates={name if key == old else key: rate for key, rate in s.rates.items()}) for s in plan.scenarios
    )
    review = {name if key == old else key: entry for key, entry in plan.review.items()}
    actuals = {month: {name if key == old else key: c for key, c in counts.items()} for month, counts in plan.actuals.items()}
    return replace(plan, stages=tuple(stages), scenarios=scenarios, review=review, actuals=actuals)


def set_stage_text(plan: Plan, index: int, field: str, text: str) -> Plan:
    """Set a stage's `metric` or `owner`."""
    if field not in ("metric", "owner"):
        raise ValueError(tr("a stage has no text field {field}", field=quoted(field)))
    stages = list(plan.stages)
    changes: dict[str, Any] = {field: text}
    stages[index] = replace(stages[index], **changes)
    return replace(plan, stages=tuple(stages))


def unused_name(base: str, names: list[str], *, numbered: bool = False) -> str:
    """`base`, or `base 2`, 3 … whichever is not among `names` yet (`base 1`, 2 … when `numbered`)."""
    number = 1
    while (candidate := base if number == 1 and not numbered else f"{base} {number}") in names:
        number += 1
    return candidate


def unused_stage_name(plan: Plan) -> str:
    """`New stage`, or `New stage 2`, 3 … whichever no stage has yet."""
    return unused_name(NEW_STAGE_NAME, plan.stage_names())


def insert_stage(plan: Plan, index: int) -> Plan:
    """A new KPI stage at position `index` (above the stage now there), converting at 50 %."""
    if not 0 <= index < len(plan.stages):
        raise ValueError(_("new stages go above the KGI stage, which stays last"))
    stages = list(plan.stages)
    stages.insert(index, Stage(unused_stage_name(plan), DEFAULT_RATE))
    return replace(plan, stages=tuple(stages))


def delete_stage(plan: Plan, index: int) -> Plan:
    """Remove a stage with its overrides and review; deleting the KGI stage makes the one above it the KGI."""
    if len(plan.stages) <= 2:
        raise ValueError(_("a plan needs at least two stages"))
    stages = list(plan.stages)
    del stages[index]
    if index == len(stages):  # the KGI stage went: the new last stage has no rate
        stages[-1] = replace(stages[-1], rate=None)
    return _with_stages(plan, stages)


def move_stage(plan: Plan, index: int, offset: int) -> Plan:
    """Move a KPI stage up (-1) or down (+1) among the KPI stages; each keeps its own rate."""
    target = index + offset
    last = len(plan.stages) - 1
    if index == last or target == last:
        raise ValueError(_("the KGI stage stays last"))
    if not 0 <= target < last:
        raise ValueError(_("already at the top of the funnel"))
    stages = list(plan.stages)
    stages[index], stages[target] = stages[target], stages[index]
    return replace(plan, stages=tuple(stages))


def set_goal(plan: Plan, goal: Goal) -> Plan:
    """Replace the goal. When it changes kind (revenue or a count), every scenario keeps its figures.

    A scenario's goal overrides are of the baseline's kind (the channel share alone cannot
    override a count of orders), so they are rewritten to give what they gave before.
    """
    if goal.is_count_driven == plan.goal.is_count_driven:
        return replace(plan, goal=goal)
    return with_baseline(plan, replace(plan, goal=goal, scenarios=()))


def toggle_goal_kind(plan: Plan, revenue_goal: Goal | None = None) -> Plan:
    """Switch between a revenue-driven and a count-driven goal.

    To a count, the KGI stays where it is, and so does every scenario's. Back to revenue, the figures are `revenue_goal`, the
    team's own (the app remembers them); without them the switch is refused rather than made up.
    """
    if not plan.goal.is_count_driven:
        goal = Goal(orders=kgi(plan.goal))
    elif revenue_goal is None or revenue_goal.is_count_driven:
        raise ValueError(_("there are no revenue figures to switch back to: type the revenue and the average order"))
    else:
        goal = revenue_goal
    return set_goal(plan, goal)


def _check_actuals_fit(plan: Plan, start: Month | None, months: int) -> None:
    """Refuse a calendar that would leave recorded actuals outside the plan (SPEC 5.2)."""
    if not plan.actuals:
        return
    recorded = sorted(plan.actuals)
    first, last = str(recorded[0]), str(recorded[-1])
    if start is None:
        if first == last:
            raise ValueError(tr("actuals are recorded ({month}): a plan with actuals needs its first month", month=first))
        raise ValueError(
            tr("actuals are recorded ({first} to {last}): a plan with actuals needs its first month", first=first, last=last)
        )
    end = start.plus(months - 1)
    if recorded[0] < start or recorded[-1] > end:
        plan_span = {"start": str(start), "end": str(end)}
        if first == last:
            message = tr(
                "actuals are recorded for {month}, outside a plan from {start} to {end}: remove those actuals first",
                month=first,
                **plan_span,
            )
        else:
            message = tr(
                "actuals are recorded for {first} to {last}, outside a plan from {start} to {end}: remove those actuals first",
                first=first,
                last=last,
                **plan_span,
            )
        raise ValueError(message)


def set_months(plan: Plan, months: int) -> Plan:
    """The number of months the plan spans; seasonality for another count of months is dropped.

    Refused when recorded actuals would fall outside the plan. `calendar_note` says what was dropped.
    """
    _check_actuals_fit(plan, plan.start, months)
    seasonality = plan.seasonality if len(plan.seasonality) == months else ()
    return replace(plan, months=months, seasonality=seasonality)


def set_start(plan: Plan, start: Month | None) -> Plan:
    """The plan's first month (None: months only numbered); refused when actuals would fall outside."""
    _check_actuals_fit(plan, start, plan.months)
    return replace(plan, start=start)


def calendar_note(before: Plan, after: Plan) -> str | None:
    """What an edit of `months` did beyond what was asked, for the user to read; None when nothing."""
    if before.seasonality and not after.seasonality:
        return tr(
            "the seasonality weights were for {weights} months, not {months}: "
            "every month now weighs the same (set new weights in the plan file)",
            weights=len(before.seasonality),
            months=after.months,
        )
    return None


def toggle_rounding(plan: Plan) -> Plan:
    """Switch between rounding step by step and rounding once (SPEC 1.2)."""
    other = Rounding.ONCE if plan.rounding is Rounding.STEP else Rounding.STEP
    return replace(plan, rounding=other)


def set_title(plan: Plan, title: str) -> Plan:
    """The plan's title; empty means: named after its file."""
    return replace(plan, title=title)


def set_currency(plan: Plan, currency: str) -> Plan:
    """The currency shown with money; display only."""
    return replace(plan, currency=currency)


def set_review(plan: Plan, stage_name: str, review: KpiReview) -> Plan:
    """The review of one KPI stage."""
    if stage_name not in {stage.name for stage in plan.kpi_stages}:
        raise ValueError(tr("{stage} is not a KPI stage: only KPI stages are reviewed", stage=quoted(stage_name)))
    return replace(plan, review={**plan.review, stage_name: review})


def set_criterion(plan: Plan, stage_name: str, criterion: str, state: CriterionState) -> Plan:
    """One criterion of one KPI's review: todo, ok or concern."""
    if criterion not in CRITERIA:
        raise ValueError(tr("there is no review criterion {criterion}", criterion=quoted(criterion)))
    return set_review(plan, stage_name, replace(plan.review_of(stage_name), **{criterion: state}))


def set_review_text(plan: Plan, stage_name: str, field: str, text: str) -> Plan:
    """A KPI's review `notes` or its written `contingency_plan`."""
    if field not in ("notes", "contingency_plan"):
        raise ValueError(tr("a review has no text field {field}", field=quoted(field)))
    changes: dict[str, Any] = {field: text}
    return set_review(plan, stage_name, replace(plan.review_of(stage_name), **changes))
