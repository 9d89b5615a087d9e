"""The plan as an immutable value: goal, stages, scenarios, the KPI review, its calendar and actuals.

Edits make a new plan (`dataclasses.replace`), so a history of plans is an undo history and every
screen renders from the same current plan. The mappings inside are never mutated, only replaced.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from kpitui.core.domain.months import Month

FORMAT = 1
DEFAULT_MONTHS = 12
DEFAULT_BEHIND_BELOW = Decimal("0.9")


class Rounding(StrEnum):
    """How the reverse calculation rounds: stage by stage, or once from the KGI (SPEC 1.2)."""

    STEP = "step"
    ONCE = "once"


class CriterionState(StrEnum):
    """The state of one review criterion of one KPI."""

    TODO = "todo"
    OK = "ok"
    CONCERN = "concern"


CRITERIA = ("alignment", "measurability", "simplicity", "contingency")
GOAL_FIELDS = ("revenue", "average_deal", "channel_share", "orders")
REVENUE_FIELDS = ("revenue", "average_deal", "channel_share")


@dataclass(frozen=True)
class Goal:
    """Revenue-driven (revenue, average deal, channel share) or count-driven (orders)."""

    revenue: Decimal | None = None
    average_deal: Decimal | None = None
    channel_share: Decimal = Decimal(1)
    orders: int | None = None

    def __post_init__(self) -> None:
        if self.orders is not None and (self.revenue is not None or self.average_deal is not None):
            raise ValueError("give either orders or revenue with average_deal, not both")
        if self.orders is None and (self.revenue is None or self.average_deal is None):
            raise ValueError("give either orders, or revenue together with average_deal")

    @property
    def is_count_driven(self) -> bool:
        """True when the KGI is given directly as a count of orders."""
        return self.orders is not None

    def with_overrides(self, overrides: Mapping[str, Decimal | int]) -> "Goal":
        """This goal with some fields replaced; `orders` makes it count-driven, revenue fields revenue-driven."""
        if "orders" in overrides:
            return Goal(orders=int(overrides["orders"]))
        if not overrides:
            return self
        fields = {name: getattr(self, name) for name in REVENUE_FIELDS}
        fields.update(overrides)
        return Goal(**fields)


@dataclass(frozen=True)
class Stage:
    """One funnel stage; every stage but the last converts to the next at `rate` (a fraction)."""

    name: str
    rate: Decimal | None = None
    metric: str = ""
    owner: str = ""


@dataclass(frozen=True)
class Scenario:
    """A what-if: rates (by stage name) and goal fields that override the baseline."""

    name: str
    note: str = ""
    rates: Mapping[str, Decimal] = field(default_factory=dict)
    goal: Mapping[str, Decimal | int] = field(default_factory=dict)


@dataclass(frozen=True)
class KpiReview:
    """The team's review of one KPI stage against the four criteria (SPEC 1.4)."""

    alignment: CriterionState = CriterionState.TODO
    measurability: CriterionState = CriterionState.TODO
    simplicity: CriterionState = CriterionState.TODO
    contingency: CriterionState = CriterionState.TODO
    notes: str = ""
    contingency_plan: str = ""

    def state(self, criterion: str) -> CriterionState:
        """The state of one criterion by name."""
        return getattr(self, criterion)


NO_REVIEW = KpiReview()


@dataclass(frozen=True)
class Plan:
    """A whole plan file's content. `title` "" means: named after its file.

    The calendar (SPEC 5.1): `start` is the first month (None: months are only numbered);
    `seasonality` holds one weight a month, or nothing when every month weighs the same.
    `actuals` maps a month to the counts recorded in it, by stage name; a stage absent from a
    month was not recorded, which is not the same as 0.
    """

    goal: Goal
    stages: tuple[Stage, ...]
    title: str = ""
    currency: str = ""
    months: int = DEFAULT_MONTHS
    rounding: Rounding = Rounding.STEP
    scenarios: tuple[Scenario, ...] = ()
    review: Mapping[str, KpiReview] = field(default_factory=dict)
    start: Month | None = None
    seasonality: tuple[Decimal, ...] = ()
    behind_below: Decimal = DEFAULT_BEHIND_BELOW
    actuals: Mapping[Month, Mapping[str, int]] = field(default_factory=dict)

    @property
    def kgi_stage(self) -> Stage:
        """The last stage, whose target is the KGI."""
        return self.stages[-1]

    @property
    def kpi_stages(self) -> tuple[Stage, ...]:
        """Every stage but the KGI stage: the ones that are reviewed."""
        return self.stages[:-1]

    def stage_names(self) -> list[str]:
        """The stage names, top of the funnel first."""
        return [stage.name for stage in self.stages]

    def review_of(self, stage_name: str) -> KpiReview:
        """The review of one KPI stage; all to do when none was written."""
        return self.review.get(stage_name, NO_REVIEW)

    def scenario(self, name: str) -> Scenario:
        """The scenario called `name`; `KeyError` when there is none."""
        for scenario in self.scenarios:
            if scenario.name == name:
                return scenario
        raise KeyError(name)

    def with_scenario_applied(self, scenario: Scenario) -> "Plan":
        """The baseline with the scenario's rate and goal overrides in place."""
        stages = tuple(
            Stage(stage.name, scenario.rates[stage.name], stage.metric, stage.owner) if stage.name in scenario.rates else stage
            for stage in self.stages
        )
        return Plan(
            goal=self.goal.with_overrides(scenario.goal),
            stages=stages,
            title=self.title,
            currency=self.currency,
            months=self.months,
            rounding=self.rounding,
            start=self.start,
            seasonality=self.seasonality,
            behind_below=self.behind_below,
        )

    def calendar_months(self) -> tuple[Month, ...]:
        """The plan's months from `start` (years wrap); empty without a start."""
        if self.start is None:
            return ()
        return tuple(self.start.plus(offset) for offset in range(self.months))

    def month_number(self, month: Month) -> int | None:
        """1 for the plan's first month … `months` for its last; None for a month outside the plan."""
        if self.start is None:
            return None
        number = month.minus(self.start) + 1
        return number if 1 <= number <= self.months else None
