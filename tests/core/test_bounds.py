"""The bounds guarantee every figure of an accepted plan can be computed exactly and shown."""

import decimal
import time
import tomllib
from decimal import Context, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpitui.core.domain import calendar, comparison, edits, funnel, progress, scenarios
from kpitui.core.domain.example import reference_plan
from kpitui.core.domain.plan import MAX_SCENARIOS, MAX_STAGES, Goal, Plan, Rounding, Stage
from kpitui.core.domain.quantities import MAX_COUNT, MAX_TARGET, MIN_RATE
from kpitui.core.errors import PlanError, RuleError
from kpitui.core.files.planfile import load_plan, parse_plan
from kpitui.core.files.schema import plan_from_document
from kpitui.core.session.typed_input import TYPED_GOAL_PARSERS, parse_percent_input, typed_goal_text
from kpitui.core.text.formatting import format_count, format_needed_rate, format_percent, format_share

# A default context that rounds everything to one digit and raises on any rounding: code that
# leaned on Python's default context (28 digits, rounding silently) fails under it.
CARELESS = Context(prec=1, traps=[decimal.Inexact, decimal.Rounded, decimal.Overflow, decimal.InvalidOperation])


def everything_shown(plan: Plan) -> list[str]:
    """Every figure the commands and screens compute for a plan, as text."""
    columns = comparison.plan_columns(plan, "p", "P", 0, editable=False)
    rows = comparison.comparison_rows(columns)
    texts = [
        comparison.format_value(row, comparison.value(column, row))
        + comparison.format_difference(row, comparison.difference(columns, index, row))
        for row in rows
        for index, column in enumerate(columns)
    ]
    for column in columns:
        calculation = column.calculation
        texts += [format_count(row.target) + format_count(row.monthly_target) for row in calculation.stages]
        texts += [format_percent(lever.improved_rate) + format_count(lever.saving) for lever in funnel.levers(column.plan)]
        rates = funnel.stage_rates(column.plan)
        forward = funnel.forward(rates, calculation.top_target, calculation.kgi)
        texts += [format_share(count, calculation.top_target) for count in forward.expected_counts]
        texts += [format_needed_rate(rate) for rate in funnel.needed_rates(rates, calculation.top_target, calculation.kgi)]
    texts += [repr(calendar.monthly_plan(plan)), repr(progress.status(plan))]
    texts += [
        typed_goal_text(field, getattr(plan.goal, field))
        for field in ("revenue", "average_deal", "channel_share")
        if getattr(plan.goal, field) is not None
    ]
    return texts


def test_no_arithmetic_leans_on_the_default_decimal_context(samples):
    paths = sorted(samples.glob("*.toml"))
    expected = [everything_shown(load_plan(path)) for path in paths]
    typed = [parse_percent_input("12.345"), TYPED_GOAL_PARSERS["revenue"]("1,234,567.891")]
    with decimal.localcontext(CARELESS):
        assert [everything_shown(load_plan(path)) for path in paths] == expected
        assert [parse_percent_input("12.345"), TYPED_GOAL_PARSERS["revenue"]("1,234,567.891")] == typed
        assert everything_shown(reference_plan()) == everything_shown(reference_plan())


def tiny_rates_plan(stages: int, rate: str = "0.000001", kgi: int = 20) -> str:
    body = "".join(f'[[stages]]\nname = "S{i}"\nrate = {rate}\n' for i in range(stages - 1))
    return f'format = 1\n[goal]\norders = {kgi}\n{body}[[stages]]\nname = "KGI"\n'


def test_a_hundred_tiny_rates_are_refused_at_once_naming_the_bound():
    started = time.perf_counter()
    with pytest.raises(PlanError) as caught:
        parse_plan(tiny_rates_plan(MAX_STAGES), "plan.toml")  # a 600-digit top target: no table can show it
    assert time.perf_counter() - started < 1
    assert str(caught.value) == (
        'plan.toml: stages: the target of "S96" would be over 1,000,000,000,000,000,000, the largest target:'
        " these rates are too small for a KGI of 20"
    )


def test_a_plan_over_the_stage_cap_is_refused_at_once_naming_the_bound():
    document = tomllib.loads(tiny_rates_plan(50_000, rate="0.999999999999"))  # about 2 MiB of stages
    started = time.perf_counter()
    with pytest.raises(PlanError) as caught:
        plan_from_document(document, "plan.toml")  # the count is checked before any stage is built
    assert time.perf_counter() - started < 0.1
    assert str(caught.value) == "plan.toml: stages: a plan has at most 100 stages (got 50,000)"
    parse_plan(tiny_rates_plan(MAX_STAGES, rate="0.999999999999"), "plan.toml")  # on the bound is within it


def with_scenarios(count: int) -> str:
    return tiny_rates_plan(3, rate="0.5") + "".join(f'[[scenarios]]\nname = "s{i}"\n' for i in range(count))


def test_a_plan_over_the_scenario_cap_is_refused_naming_the_bound():
    with pytest.raises(PlanError) as caught:
        parse_plan(with_scenarios(MAX_SCENARIOS + 1), "plan.toml")
    assert str(caught.value) == "plan.toml: scenarios: a plan has at most 100 scenarios (got 101)"
    assert len(parse_plan(with_scenarios(MAX_SCENARIOS), "plan.toml").scenarios) == MAX_SCENARIOS


def test_no_edit_makes_a_plan_over_a_cap():
    from benchmarks.large_plan import large_plan

    full = large_plan(stages=MAX_STAGES, scenarios=MAX_SCENARIOS)
    for edit, message in (
        (lambda p: edits.insert_stage(p, 0), "stages: a plan has at most 100 stages (got 101)"),
        (lambda p: edits.insert_stage(p, MAX_STAGES - 1), "stages: a plan has at most 100 stages (got 101)"),
        (scenarios.add_scenario, "scenarios: a plan has at most 100 scenarios (got 101)"),
        (lambda p: scenarios.add_scenario(p, copy_of=0), "scenarios: a plan has at most 100 scenarios (got 101)"),
    ):
        with pytest.raises(ValueError) as caught:
            edit(full)
        assert str(caught.value) == message
    with pytest.raises(RuleError, match="at most 100 stages"):
        Plan(Goal(orders=1), tuple(Stage(f"S{i}", Decimal(1)) for i in range(MAX_STAGES)) + (Stage("KGI"),))


def test_the_largest_figures_are_accepted_and_shown():
    plan = parse_plan(tiny_rates_plan(3, rate="0.000001", kgi=1_000_000), "plan.toml")
    assert funnel.calculate(plan).top_target == MAX_TARGET  # exactly on the bound is within it
    assert format_count(funnel.calculate(plan).top_target) == "1,000,000,000,000,000,000"


def step_top(rates: list[Decimal], kgi: int) -> int:
    return funnel.reverse_targets(rates, kgi, Rounding.STEP)[0]


tiny_rates = st.integers(min_value=1, max_value=10**12).map(lambda n: max(Decimal(n).scaleb(-12).normalize(), MIN_RATE))


@given(
    rates=st.lists(st.one_of(tiny_rates, st.sampled_from([MIN_RATE, Decimal("0.5"), Decimal(1)])), min_size=1, max_size=8),
    kgi=st.one_of(st.integers(min_value=1, max_value=MAX_COUNT), st.just(MAX_COUNT)),
    rounding=st.sampled_from(list(Rounding)),
)
def test_the_check_accepts_exactly_the_plans_whose_targets_fit(rates, kgi, rounding):
    plan = Plan(
        Goal(orders=kgi), tuple(Stage(f"S{i}", rate) for i, rate in enumerate(rates)) + (Stage("KGI"),), rounding=rounding
    )
    fits = step_top(rates, kgi) <= MAX_TARGET  # the step-rounded targets are the largest of either rounding
    try:
        funnel.check_figures(plan)
    except funnel.FigureError:
        assert not fits
    else:
        assert fits
        assert max(row.target for row in funnel.calculate(plan).stages) <= MAX_TARGET
        everything_shown(plan)  # every figure computes and prints


def test_a_kgi_from_revenue_is_held_to_the_kgi_bound():
    over = Goal(revenue=Decimal(MAX_COUNT + 1), average_deal=Decimal(1))
    with pytest.raises(funnel.FigureError, match="over the largest KGI, 1,000,000,000,000"):
        funnel.check_figures(Plan(over, (Stage("A", Decimal(1)), Stage("B"))))
    funnel.check_figures(Plan(Goal(revenue=Decimal(MAX_COUNT), average_deal=Decimal(1)), (Stage("A", Decimal(1)), Stage("B"))))
