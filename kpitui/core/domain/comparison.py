"""Baselines and scenarios side by side (SPEC 1.3): one column each, rows matched by meaning.

Stages are matched by name across plans; a stage missing from a plan has no value there. Each
scenario is compared with its own plan's baseline; each other plan's baseline with the first.
"""

import functools
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from kpitui.core.domain import funnel
from kpitui.core.domain.plan import Plan, Scenario
from kpitui.core.exact import EXACT
from kpitui.core.text.formatting import (
    format_count,
    format_decimal,
    format_money,
    format_percent,
    format_rounded_percent,
)
from kpitui.core.text.i18n import _, tr

# Which way a row's change helps: fewer needed at a stage helps, a higher rate helps; the goal
# itself (revenue, KGI) is the team's ambition, neither good nor bad.
LOWER, HIGHER, NEUTRAL = "lower", "higher", "neutral"


@dataclass(frozen=True)
class Column:
    """One baseline or scenario; calculated when a figure of it is first asked for, so a screen
    that shows four columns of a hundred works out four."""

    source: str  # the plan file (or the open plan's name) this column comes from
    title: str
    baseline: Plan  # the plan the column belongs to, without the scenario
    applied: Scenario | None  # the scenario whose overrides the column shows; None for the baseline
    reference: int  # the column this one is compared with
    editable: bool  # part of the open plan (other files are read-only here)

    @property
    def scenario(self) -> str | None:
        """The scenario's name; None for the baseline."""
        return None if self.applied is None else self.applied.name

    @property
    def note(self) -> str:
        return "" if self.applied is None else self.applied.note

    @property
    def label(self) -> str:
        """`Baseline` or the scenario's name."""
        return self.scenario if self.scenario is not None else _("Baseline")

    @functools.cached_property
    def plan(self) -> Plan:
        """The plan with the scenario's overrides applied."""
        return self.baseline if self.applied is None else self.baseline.with_scenario_applied(self.applied)

    @functools.cached_property
    def calculation(self) -> funnel.Calculation:
        return funnel.calculate(self.plan)

    @functools.cached_property
    def overridden(self) -> frozenset[str]:
        """Keys of the rows the scenario sets."""
        if self.applied is None:
            return frozenset()
        return frozenset({f"rate:{name}" for name in self.applied.rates} | {f"goal.{field}" for field in self.applied.goal})

    @functools.cached_property
    def by_stage(self) -> dict[str, tuple[Decimal | None, int]]:
        """Each stage's rate and target by name: a lookup per cell, not a scan of the stages."""
        return {
            stage.name: (stage.rate, target.target)
            for stage, target in zip(self.plan.stages, self.calculation.stages, strict=True)
        }


class Row(NamedTuple):
    """One line of the comparison: a goal figure, or one stage's rate or target."""

    key: str  # "goal.revenue", "kgi", "rate:Visits", "target:Visits" …
    label: str  # "Revenue", "KGI", "Visits rate", "Visits target" …
    kind: str  # money, share, count, rate
    better: str
    stage: str | None = None


def plan_columns(
    plan: Plan, source: str, title: str, first: int, *, editable: bool, reference: int | None = None
) -> list[Column]:
    """The baseline of `plan` and then each scenario, as columns numbered from `first`."""
    baseline = Column(source, title, plan, None, first if reference is None else reference, editable)
    return [baseline, *(Column(source, title, plan, scenario, first, editable) for scenario in plan.scenarios)]


def _stage_label(template: str, stage: str) -> str:
    # The stage name as written, not made visible: whoever shows the label makes it visible (the
    # app styles its escapes and finds the name at the label's start to set the rest apart).
    return template.replace("{stage}", stage)


def comparison_rows(columns: list[Column]) -> list[Row]:
    """The goal rows, then each stage's rate and target; stages of every plan, first plan's order first."""
    rows = [
        Row("goal.revenue", _("Revenue"), "money", NEUTRAL),
        Row("goal.average_deal", _("Average order"), "money", NEUTRAL),
        Row("goal.channel_share", _("Channel share"), "share", NEUTRAL),
        Row("orders_total", _("Total orders"), "count", NEUTRAL),
        Row("kgi", "KGI", "count", NEUTRAL),
    ]
    names: dict[str, None] = {}  # in order, each once
    for column in columns:  # a scenario has its baseline's stages: no need to apply it
        names.update(dict.fromkeys(column.baseline.stage_names()))
    rated = {stage.name for column in columns for stage in column.baseline.kpi_stages}
    for name in names:
        if name in rated:  # a KGI stage has no rate in any plan: no rate row for it
            rows.append(Row(f"rate:{name}", _stage_label(_("{stage} rate"), name), "rate", HIGHER, name))
        rows.append(Row(f"target:{name}", _stage_label(_("{stage} target"), name), "count", LOWER, name))
    return rows


def value(column: Column, row: Row) -> Decimal | int | None:
    """The figure of `row` in `column`; None where it does not apply (no such stage, a count goal)."""
    goal = column.plan.goal
    if row.key.startswith("goal."):
        field = row.key.removeprefix("goal.")
        return None if goal.is_count_driven else getattr(goal, field)
    if row.key == "orders_total":
        return column.calculation.orders_total
    if row.key == "kgi":
        return column.calculation.kgi
    if row.stage not in column.by_stage:
        return None
    rate, target = column.by_stage[row.stage]
    return rate if row.kind == "rate" else target


class Difference(NamedTuple):
    """A change from the reference column: absolute, relative (None from zero), and whether it helps."""

    absolute: Decimal | int
    percent: Fraction | None
    helps: bool | None  # None: no better or worse (the goal, or no change)


def difference(columns: list[Column], index: int, row: Row) -> Difference | None:
    """How column `index` differs from its reference in `row`; None where either has no value or for the reference itself."""
    column = columns[index]
    if column.reference == index:
        return None
    mine, theirs = value(column, row), value(columns[column.reference], row)
    if mine is None or theirs is None:
        return None
    change = mine - theirs if isinstance(mine, int) and isinstance(theirs, int) else EXACT.subtract(mine, theirs)
    percent = Fraction(change) / Fraction(theirs) * 100 if theirs else None
    helps = None if change == 0 or row.better == NEUTRAL else (change < 0) == (row.better == LOWER)
    return Difference(change, percent, helps)


def format_value(row: Row, figure: Decimal | int | None, currency: str = "") -> str:
    """A figure of `row` for people: `1,600`, `10%`, `1,000,000,000 JPY`; empty where there is none."""
    if figure is None:
        return ""
    if row.kind in ("rate", "share"):
        return format_percent(Decimal(figure))
    if row.kind == "money":
        return format_money(Decimal(figure), currency)
    return format_count(int(figure))


def format_difference(row: Row, change: Difference | None) -> str:
    """A change for people: `-260 (-16%)`, `+10 pt (+20%)`; empty where nothing changed."""
    if change is None or change.absolute == 0:
        return ""
    sign = "+" if change.absolute > 0 else "-"
    size = abs(change.absolute) if isinstance(change.absolute, int) else change.absolute.copy_abs()
    if row.kind in ("rate", "share"):
        # TRANSLATORS: a change of a rate in percentage points, `+10 pt`.
        absolute = tr("{change} pt", change=sign + format_decimal(Decimal(size).scaleb(2, EXACT)))
    elif row.kind == "money":
        absolute = sign + format_money(Decimal(size))
    else:
        absolute = sign + format_count(int(size))
    if change.percent is None:
        return absolute
    relative = format_rounded_percent(change.percent)
    return f"{absolute} ({'' if relative.startswith('-') else '+'}{relative})"
