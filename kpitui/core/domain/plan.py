"""The plan as an immutable value: goal, stages, scenarios, the KPI review, its calendar and actuals.

Edits make a new plan (`dataclasses.replace`), so a history of plans is an undo history and every
screen renders from the same current plan. The mappings inside are never mutated, only replaced.

Each value checks the rules of the file format as it is made (`RuleError` at the key path of the
broken rule), with the rule functions the loader uses: a plan that could not be saved and loaded
back cannot exist, whichever edit tries to make it.
"""

import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import partial
from typing import Any

from kpitui.core.domain import quantities
from kpitui.core.domain.months import Month
from kpitui.core.errors import RuleError, key_part
from kpitui.core.text.formatting import format_count
from kpitui.core.text.i18n import N_, _, tr
from kpitui.core.text.safe_text import is_blank

FORMAT = 1
DEFAULT_MONTHS = 12
DEFAULT_BEHIND_BELOW = Decimal("0.9")
# A funnel is a handful of stages and a team weighs a few scenarios: these bounds keep every screen
# answering a key within 100 ms on the largest plan accepted (README, "Large plans").
MAX_STAGES = 100
MAX_SCENARIOS = 100


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
# The rule of each goal field, for figures held by a plan and for figures read from a file.
GOAL_RULES: dict[str, Callable[[Any], Any]] = {
    "revenue": quantities.parse_money,
    "average_deal": quantities.parse_money,
    "channel_share": partial(quantities.check_rate, low=Decimal(0)),
    "orders": quantities.parse_count,
}


def check(path: str, rule: Callable[[Any], Any], value: object) -> None:
    """Apply one rule to one value; its ValueError becomes a RuleError at `path`."""
    try:
        rule(value)
    except RuleError as error:
        raise error.under(path) from None
    except ValueError as error:
        raise RuleError(path, str(error)) from None


def check_text(value: object) -> str:
    """Text a plan holds: a string that UTF-8 can write (no lone surrogates)."""
    if not isinstance(value, str):
        raise ValueError(tr("must be text (got {value})", value=quantities.describe(value)))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValueError(tr("has a character that cannot be saved at position {position}", position=error.start + 1)) from None
    return value


def check_stage_count(count: int) -> None:
    """A plan holds at most MAX_STAGES stages."""
    if count > MAX_STAGES:
        raise ValueError(tr("a plan has at most {most} stages (got {count})", most=MAX_STAGES, count=format_count(count)))


def check_scenario_count(count: int) -> None:
    """A plan holds at most MAX_SCENARIOS scenarios."""
    if count > MAX_SCENARIOS:
        raise ValueError(tr("a plan has at most {most} scenarios (got {count})", most=MAX_SCENARIOS, count=format_count(count)))


# What a name of each kind breaks, whole sentences: (blank, taken, taken by a look-alike).
_NAME_RULES = {
    "stage": (
        N_("a stage needs a name"),
        N_("another stage is already called {name}"),
        N_("another stage is already called {name} (the same name, written with other Unicode code points)"),
    ),
    "scenario": (
        N_("a scenario needs a name"),
        N_("another scenario is already called {name}"),
        N_("another scenario is already called {name} (the same name, written with other Unicode code points)"),
    ),
}


def name_key(name: str) -> str:
    """A name as people see it (NFC): `Café` typed with a combining accent is the same name."""
    return unicodedata.normalize("NFC", name)


def named(name: str, names: Iterable[str]) -> str | None:
    """The one of `names` that `name` refers to, as it is written there (a look-alike spelling
    resolves to it); None when there is none."""
    key = name_key(name)
    return next((candidate for candidate in names if candidate == name or name_key(candidate) == key), None)


def check_names(names: Iterable[str], what: str) -> None:
    """Names of stages or scenarios: each not blank and not another's; RuleError at `[index].name`."""
    seen: dict[str, str] = {}  # by the name as people see it (NFC): look-alikes clash; names are kept as written
    for index, name in enumerate(names):
        check(f"[{index}].name", check_text, name)
        if is_blank(name):  # spaces, or characters that draw nothing: no one could tell the stage by it
            raise RuleError(f"[{index}].name", _(_NAME_RULES[what][0]))
        key = name_key(name)
        if key in seen:
            taken = _NAME_RULES[what][1 if seen[key] == name else 2]
            raise RuleError(f"[{index}].name", tr(taken, name=quantities.describe(seen[key])))
        seen[key] = name


def check_unique_name(name: str, names: list[str], index: int | None, what: str) -> str:
    """`name` for item `index` of `names` (None for a new item): not blank, not another's."""
    candidate = [*names, name] if index is None else [name if i == index else other for i, other in enumerate(names)]
    try:
        check_names(candidate, what)
    except RuleError as error:
        raise ValueError(error.reason) from None
    return name


@dataclass(frozen=True)
class Goal:
    """Revenue-driven (revenue, average deal, channel share) or count-driven (orders)."""

    revenue: Decimal | None = None
    average_deal: Decimal | None = None
    channel_share: Decimal = Decimal(1)
    orders: int | None = None

    def __post_init__(self) -> None:
        for name, rule in GOAL_RULES.items():
            if getattr(self, name) is not None:
                check(name, rule, getattr(self, name))
        if self.orders is not None and (self.revenue is not None or self.average_deal is not None):
            raise RuleError("", _("give either orders or revenue with average_deal, not both"))
        if self.orders is None and (self.revenue is None or self.average_deal is None):
            raise RuleError("", _("give either orders, or revenue together with average_deal"))

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

    def __post_init__(self) -> None:
        for name in ("name", "metric", "owner"):
            check(name, check_text, getattr(self, name))
        if self.rate is not None:
            check("rate", quantities.check_rate, self.rate)


@dataclass(frozen=True)
class Scenario:
    """A what-if: rates (by stage name) and goal fields that override the baseline."""

    name: str
    note: str = ""
    rates: Mapping[str, Decimal] = field(default_factory=dict)
    goal: Mapping[str, Decimal | int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        check("name", check_text, self.name)
        check("note", check_text, self.note)
        for stage, rate in self.rates.items():
            check(f"rates.{key_part(stage)}", quantities.check_rate, rate)
        for name, figure in self.goal.items():
            if name not in GOAL_RULES:
                raise RuleError(f"goal.{key_part(name)}", _("a goal has no such field"))
            check(f"goal.{name}", GOAL_RULES[name], figure)
        if "orders" in self.goal and len(self.goal) > 1:
            raise RuleError("goal", _("override either orders or the revenue fields, not both"))


@dataclass(frozen=True)
class KpiReview:
    """The team's review of one KPI stage against the four criteria (SPEC 1.4)."""

    alignment: CriterionState = CriterionState.TODO
    measurability: CriterionState = CriterionState.TODO
    simplicity: CriterionState = CriterionState.TODO
    contingency: CriterionState = CriterionState.TODO
    notes: str = ""
    contingency_plan: str = ""

    def __post_init__(self) -> None:
        for criterion in CRITERIA:
            if not isinstance(self.state(criterion), CriterionState):
                raise RuleError(
                    criterion, tr("must be todo, ok or concern (got {value})", value=quantities.describe(self.state(criterion)))
                )
        check("notes", check_text, self.notes)
        check("contingency_plan", check_text, self.contingency_plan)

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

    def __post_init__(self) -> None:
        if len(self.stages) < 2:
            raise RuleError("stages", tr("a plan needs at least two stages (got {count})", count=len(self.stages)))
        check("stages", check_stage_count, len(self.stages))
        names = self.stage_names()
        check("stages", partial(check_names, what="stage"), names)
        for index, stage in enumerate(self.stages):
            if index == len(self.stages) - 1 and stage.rate is not None:
                raise RuleError(f"stages[{index}].rate", _("the last stage is the KGI stage and has no rate; remove it"))
            if index < len(self.stages) - 1 and stage.rate is None:
                raise RuleError(
                    f"stages[{index}].rate", _("missing: every stage but the last needs its conversion rate to the next")
                )
        check("title", check_text, self.title)
        check("currency", check_text, self.currency)
        check("months", quantities.parse_months, self.months)
        if not isinstance(self.rounding, Rounding):
            raise RuleError("rounding", tr('must be "step" or "once" (got {value})', value=quantities.describe(self.rounding)))
        self._check_scenarios(names)
        for reviewed in self.review:
            _check_kpi_stage(
                "review", reviewed, names, N_("this is the KGI stage; only KPI stages (all but the last) are reviewed")
            )

    def _check_scenarios(self, names: list[str]) -> None:
        check("scenarios", check_scenario_count, len(self.scenarios))
        check("scenarios", partial(check_names, what="scenario"), [scenario.name for scenario in self.scenarios])
        for index, scenario in enumerate(self.scenarios):
            for stage in scenario.rates:
                _check_kpi_stage(f"scenarios[{index}].rates", stage, names, N_("the KGI stage has no rate to override"))
            try:
                self.goal.with_overrides(scenario.goal)
            except ValueError:
                raise RuleError(
                    f"scenarios[{index}].goal",
                    _("the baseline goal is a count of orders: override revenue and average_deal together"),
                ) from None

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


def _check_kpi_stage(table: str, name: str, names: list[str], if_kgi: str) -> None:
    """`name`, a key of `table`, names a KPI stage: one of the plan's stages, not the KGI stage."""
    if name not in names:
        raise RuleError(f"{table}.{key_part(name)}", _("no stage has this name"))
    if name == names[-1]:
        raise RuleError(f"{table}.{key_part(name)}", _(if_kgi))
