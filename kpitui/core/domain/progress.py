"""Following the plan (SPEC 5.3): every stage's status as of a month, and what it means for the plan.

`status(plan, as_of)` is the one place these figures are computed: `kpitui status` prints it and
the Progress screen draws it. All exact: counts are integers, ratios Fractions; only the shown
attainment is rounded, and always down, so a stage is never shown as further along than it is.
"""

import math
from collections.abc import Mapping
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import NamedTuple

from kpitui.core.domain.calendar import cumulative_weights, planned_to_date
from kpitui.core.domain.funnel import calculate, reverse_targets
from kpitui.core.domain.months import Month
from kpitui.core.domain.plan import CriterionState, Plan
from kpitui.core.exact import EXACT
from kpitui.core.text.i18n import _, tr


class Status(StrEnum):
    """Where a stage stands against its plan to date."""

    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    BEHIND = "behind"
    NO_DATA = "no_data"


class StageStatus(NamedTuple):
    """One stage as of the month. None means "cannot be said" (nothing recorded, nothing planned yet)."""

    name: str
    target: int
    plan_to_date: int
    actual_to_date: int | None
    attainment: Fraction | None
    status: Status
    missing_months: tuple[Month, ...]
    forecast: int | None
    forecast_gap: int | None
    needed_per_month: int | None
    rate: Decimal | None
    observed_rate: Fraction | None

    @property
    def attainment_shown(self) -> Decimal | None:
        """The attainment in percent, rounded down to 0.1 %: 99.96 % is 99.9, never 100."""
        if self.attainment is None:
            return None
        return Decimal(math.floor(self.attainment * 1000)).scaleb(-1, EXACT)

    @property
    def rate_ratio(self) -> Fraction | None:
        """Observed rate / planned rate: under 1 where the funnel leaks more than planned."""
        if self.observed_rate is None or self.rate is None:
            return None
        return self.observed_rate / Fraction(self.rate)


class BehindStage(NamedTuple):
    """A stage behind plan, with the review's agreed recovery (None: the KGI stage is not reviewed)."""

    stage: str
    contingency: CriterionState | None
    contingency_plan: str


class PlanStatus(NamedTuple):
    """The whole plan as of a month; `as_of` None (month 0) when nothing is recorded yet."""

    as_of: Month | None
    months_elapsed: int
    months: int
    stages: tuple[StageStatus, ...]
    replan_top: int | None
    bottleneck: str | None
    behind: tuple[BehindStage, ...]

    @property
    def recorded(self) -> bool:
        """Anything to report: a month was asked for or has actuals."""
        return self.as_of is not None

    @property
    def any_behind(self) -> bool:
        """At least one stage is behind: the exit code 1 of `kpitui status`."""
        return bool(self.behind)

    def stage(self, name: str) -> StageStatus:
        """The status of the stage called `name`."""
        return next(row for row in self.stages if row.name == name)

    @property
    def top_target(self) -> int:
        """The plan's own top-of-funnel target, to set `replan_top` against."""
        return self.stages[0].target


def last_recorded_month(plan: Plan) -> Month | None:
    """The last month with any recorded count: the default as-of month."""
    return max(plan.actuals, default=None)


def as_of_number(plan: Plan, as_of: Month | None) -> int:
    """The plan month number of `as_of` (0 for None); ValueError for a month outside the plan."""
    if as_of is None:
        return 0
    if plan.start is None:
        raise ValueError(_('the plan has no start month (start = "YYYY-MM"), so it has no calendar months'))
    number = plan.month_number(as_of)
    if number is None:
        raise ValueError(
            tr(
                "{month} is not a month of the plan ({start} to {last})",
                month=str(as_of),
                start=str(plan.start),
                last=str(plan.start.plus(plan.months - 1)),
            )
        )
    return number


def _stage_status(
    plan: Plan,
    index: int,
    target: int,
    elapsed: tuple[Month, ...],
    recorded: list[Mapping[str, int]],
    weight_to_date: int,
    weight_total: int,
) -> StageStatus:
    stage = plan.stages[index]
    counts = [month.get(stage.name) for month in recorded]
    complete = None not in counts  # the usual case: every month recorded, summed without a Python loop
    missing = () if complete else tuple(month for month, count in zip(elapsed, counts, strict=True) if count is None)
    planned = planned_to_date(target, weight_to_date, weight_total)
    remaining_months = plan.months - len(elapsed)
    if len(missing) == len(elapsed):  # nothing recorded: nothing can be said about the pace
        return StageStatus(stage.name, target, planned, None, None, Status.NO_DATA, missing, None, None, None, stage.rate, None)
    actual = sum(counts) if complete else sum(count for count in counts if count is not None)  # type: ignore[arg-type]
    attainment = Fraction(actual, planned) if planned else None
    if actual >= planned:
        state = Status.ON_TRACK
    elif actual >= Fraction(plan.behind_below) * planned:
        state = Status.AT_RISK
    else:
        state = Status.BEHIND
    forecast = actual * weight_total // weight_to_date if weight_to_date else None
    return StageStatus(
        name=stage.name,
        target=target,
        plan_to_date=planned,
        actual_to_date=actual,
        attainment=attainment,
        status=state,
        missing_months=missing,
        forecast=forecast,
        forecast_gap=None if forecast is None else max(0, target - forecast),
        needed_per_month=-(-max(0, target - actual) // remaining_months) if remaining_months else None,
        rate=stage.rate,
        observed_rate=None,
    )


def _with_observed_rates(stages: list[StageStatus]) -> list[StageStatus]:
    """Each stage's observed conversion to the next: next actual / this actual, where both are known."""
    result = []
    for this, following in zip(stages, stages[1:], strict=False):
        observed = None
        if this.actual_to_date and following.actual_to_date is not None:
            observed = Fraction(following.actual_to_date, this.actual_to_date)
        result.append(this._replace(observed_rate=observed))
    return result + stages[-1:]


def _bottleneck(stages: list[StageStatus]) -> str | None:
    """The stage whose observed rate falls furthest below plan (the first on a tie)."""
    below = [
        (ratio, index, stage.name) for index, stage in enumerate(stages) if (ratio := stage.rate_ratio) is not None and ratio < 1
    ]
    return min(below)[2] if below else None


def status(plan: Plan, as_of: Month | None = None) -> PlanStatus:
    """The status of every stage as of `as_of` (default: the last month with actuals), SPEC 5.3.

    ValueError when `as_of` is not a month of the plan.
    """
    if as_of is None:
        as_of = last_recorded_month(plan)
    number = as_of_number(plan, as_of)
    elapsed = plan.calendar_months()[:number]
    recorded = [plan.actuals.get(month, {}) for month in elapsed]  # each month looked up once, not once a stage
    cumulative = cumulative_weights(plan)
    calculation = calculate(plan)
    stages = _with_observed_rates(
        [
            _stage_status(plan, index, row.target, elapsed, recorded, cumulative[number], cumulative[-1])
            for index, row in enumerate(calculation.stages)
        ]
    )
    observed = [stage.observed_rate for stage in stages[:-1] if stage.observed_rate]
    replan_top = None
    if len(observed) == len(stages) - 1:  # every rate observed, none 0
        replan_top = reverse_targets(observed, calculation.kgi, plan.rounding)[0]
    behind = tuple(
        BehindStage(
            stage.name,
            plan.review_of(stage.name).contingency if index < len(stages) - 1 else None,
            plan.review_of(stage.name).contingency_plan if index < len(stages) - 1 else "",
        )
        for index, stage in enumerate(stages)
        if stage.status is Status.BEHIND
    )
    return PlanStatus(as_of, number, plan.months, tuple(stages), replan_top, _bottleneck(stages), behind)
