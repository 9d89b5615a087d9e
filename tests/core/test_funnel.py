"""The funnel arithmetic of SPEC 1: reference cases, float traps and properties."""

import math
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpitui.core.domain import funnel
from kpitui.core.domain.example import reference_plan
from kpitui.core.domain.plan import MAX_STAGES, Goal, Plan, Rounding, Scenario, Stage
from tests.core.strategies import kgis, plans, rates

D = Decimal


def test_reference_goal_gives_100_orders_and_kgi_20():
    goal = Goal(revenue=D(1_000_000_000), average_deal=D(10_000_000), channel_share=D("0.2"))
    assert funnel.orders_total(goal) == 100
    assert funnel.kgi(goal) == 20


def test_count_driven_goal_is_its_own_kgi():
    assert funnel.kgi(Goal(orders=20)) == 20
    assert funnel.orders_total(Goal(orders=20)) is None


def test_goal_rounds_orders_and_kgi_up():
    goal = Goal(revenue=D(1001), average_deal=D(100), channel_share=D("0.33"))
    assert funnel.orders_total(goal) == 11  # 10.01 orders: 11 are needed
    assert funnel.kgi(goal) == 4  # 11 × 0.33 = 3.63


def test_reference_targets():
    calculation = funnel.calculate(reference_plan())
    assert [row.target for row in calculation.stages] == [1600, 160, 80, 40, 20]
    assert [row.monthly_target for row in calculation.stages] == [134, 14, 7, 4, 2]
    assert calculation.kgi == 20 and calculation.orders_total == 100


@pytest.mark.parametrize(
    ("rounding", "expected"),
    [(Rounding.STEP, [250, 75, 50, 29, 20]), (Rounding.ONCE, [242, 73, 49, 29, 20])],
)
def test_spec_rounding_example(rounding, expected):
    rates = [D("0.30"), D("0.67"), D("0.58"), D("0.71")]
    assert funnel.reverse_targets(rates, 20, rounding) == expected


def test_exact_division_where_floats_overshoot():
    # 21 / 0.7 is 30.000000000000004 in floats, and ceil would give 31.
    assert funnel.reverse_targets([D("0.7")], 21) == [30, 21]


def test_exact_product_where_floats_undershoot():
    # 100 × 0.29 is 28.999999999999996 in floats, and floor would give 28.
    assert funnel.forward([D("0.29")], 100, 29).expected_counts == (100, 29)


def test_monthly_target_rounds_up():
    assert funnel.monthly_target(1600, 12) == 134
    assert funnel.monthly_target(24, 12) == 2
    assert funnel.monthly_target(1, 120) == 1


def test_forward_from_reference_capacity():
    result = funnel.forward([D("0.1"), D("0.5"), D("0.5"), D("0.5")], 1000, 20)
    assert result.expected_counts == (1000, 100, 50, 25, 12)
    assert result.kgi_gap == 8


def test_forward_gap_is_zero_when_kgi_reached():
    assert funnel.forward([D("0.1"), D("0.5"), D("0.5"), D("0.5")], 5000, 20).kgi_gap == 0


def test_needed_rates_on_reference():
    rates = [D("0.1"), D("0.5"), D("0.5"), D("0.5")]
    # With 1000 visits, leads must convert at 80 % for 20 orders: 1000 × .1 × .8 × .5 × .5 = 20.
    assert funnel.needed_rates(rates, 1000, 20)[1] == Fraction(4, 5)
    assert funnel.needed_rates(rates, 100, 20)[0] > 1  # unreachable at that stage alone


def test_levers_rank_the_cheapest_first():
    levers = funnel.levers(reference_plan())
    # +1 point on the 10 % visits rate saves most: 20/.5/.5/.5/.11 → 1455 visits.
    assert levers[0].name == "Visits"
    assert levers[0].top_target == 1455 and levers[0].saving == 145
    assert [lever.saving for lever in levers] == sorted((lever.saving for lever in levers), reverse=True)


def test_lever_at_full_rate_saves_nothing():
    plan = reference_plan()
    plan = plan.with_scenario_applied(Scenario("x", rates={"Leads": D(1)}))
    lever = next(lever for lever in funnel.levers(plan) if lever.name == "Leads")
    assert lever.improved_rate == 1 and lever.saving == 0


@given(plans())
def test_step_targets_are_minimal(plan):
    targets = funnel.reverse_targets(funnel.stage_rates(plan), funnel.kgi(plan.goal))
    for index, rate in enumerate(funnel.stage_rates(plan)):
        assert targets[index] * Fraction(rate) >= targets[index + 1]
        assert (targets[index] - 1) * Fraction(rate) < targets[index + 1]


@given(plans())
def test_once_targets_never_exceed_step_targets(plan):
    rates, kgi = funnel.stage_rates(plan), funnel.kgi(plan.goal)
    once = funnel.reverse_targets(rates, kgi, Rounding.ONCE)
    step = funnel.reverse_targets(rates, kgi, Rounding.STEP)
    assert all(o <= s for o, s in zip(once, step, strict=True))
    assert once[-1] == step[-1] == kgi


@given(plans())
def test_forward_from_the_top_target_reaches_the_kgi(plan):
    calculation = funnel.calculate(plan)
    result = funnel.forward(funnel.stage_rates(plan), calculation.top_target, calculation.kgi)
    assert result.kgi_gap == 0


@given(plans(), st.integers(min_value=1, max_value=10**9), st.data())
def test_a_needed_rate_reaches_the_kgi_and_a_hundredth_of_a_percent_less_does_not(plan, top, data):
    rates, kgi = funnel.stage_rates(plan), funnel.kgi(plan.goal)
    index = data.draw(st.integers(min_value=0, max_value=len(rates) - 1))
    needed = funnel.needed_rates(rates, top, kgi)[index]
    assert (needed * 10_000).denominator == 1
    trial = list(rates)
    trial[index] = needed
    assert math.prod(Fraction(r) for r in trial) * top >= kgi
    trial[index] = needed - Fraction(1, 10_000)
    assert math.prod(Fraction(r) for r in trial) * top < kgi


@given(rates, kgis)
def test_a_single_rate_step_is_the_smallest_count_that_yields_the_kgi(rate, kgi):
    top = funnel.reverse_targets([rate], kgi)[0]
    assert math.floor(top * Fraction(rate)) >= kgi > math.floor((top - 1) * Fraction(rate))


@given(plans(), st.integers(min_value=1, max_value=10**7), st.data())
def test_the_needed_rate_shown_reaches_the_kgi_and_a_hundredth_less_does_not(plan, top, data):
    from kpitui.core.text.formatting import format_needed_rate

    rates, kgi = funnel.stage_rates(plan), funnel.kgi(plan.goal)
    index = data.draw(st.integers(min_value=0, max_value=len(rates) - 1))
    shown = format_needed_rate(funnel.needed_rates(rates, top, kgi)[index])
    if shown == "over 100%":
        assert funnel.needed_rates(rates, top, kgi)[index] > 1
        return
    rate = Decimal(shown.removesuffix("%")) / 100
    with_rate = rates[:index] + [rate] + rates[index + 1 :]
    assert funnel.forward(with_rate, top, kgi).expected_counts[-1] >= kgi
    less = rate - Decimal("0.0001")
    if less > 0:
        assert funnel.forward(rates[:index] + [less] + rates[index + 1 :], top, kgi).expected_counts[-1] < kgi


@given(plans())
def test_levers_never_cost_and_match_the_reverse_calculation(plan):
    baseline_top = funnel.calculate(plan).top_target
    rates, kgi = funnel.stage_rates(plan), funnel.kgi(plan.goal)
    levers = funnel.levers(plan)
    assert [lever.saving for lever in levers] == sorted((lever.saving for lever in levers), reverse=True)
    for lever in levers:
        index = [stage.name for stage in plan.stages].index(lever.name)
        trial = rates[:index] + [lever.improved_rate] + rates[index + 1 :]
        assert lever.top_target == funnel.reverse_targets(trial, kgi, plan.rounding)[0]
        assert 0 <= lever.saving == baseline_top - lever.top_target


# The linear-time arithmetic gives exactly what the plain definitions give -----------------------


def defined_targets(rates, kgi, rounding):
    """SPEC 1.2 as written: each target from the exact fraction, stage by stage or once."""
    targets = [kgi]
    product = Fraction(1)
    for rate in reversed(rates):
        product *= Fraction(rate)
        targets.append(math.ceil(targets[-1] / Fraction(rate)) if rounding is Rounding.STEP else math.ceil(kgi / product))
    return targets[::-1]


def defined_levers(plan):
    """Each lever's top target from the whole reverse calculation with that one rate changed."""
    rates, kgi = funnel.stage_rates(plan), funnel.kgi(plan.goal)
    baseline = defined_targets(rates, kgi, plan.rounding)[0]
    tops = {}
    for index, rate in enumerate(rates):
        better = min(rate + D("0.01"), D(1))
        tops[plan.stages[index].name] = defined_targets(rates[:index] + [better] + rates[index + 1 :], kgi, plan.rounding)[0]
    return tops, baseline


# Long funnels of rates that divide evenly (whole targets), that do not, and that are tiny.
even_rates = st.sampled_from([D("0.5"), D("0.25"), D("0.1"), D("0.8"), D("1"), D("0.04")])
long_rates = st.lists(st.one_of(rates, even_rates, st.just(D("0.000001"))), min_size=1, max_size=80)


@given(long_rates, kgis, st.sampled_from(list(Rounding)))
def test_targets_are_the_defined_ones_on_long_funnels(stage_rates, kgi, rounding):
    assert funnel.reverse_targets(stage_rates, kgi, rounding) == defined_targets(stage_rates, kgi, rounding)


@given(st.lists(st.fractions(min_value=Fraction(1, 1000), max_value=1), min_size=1, max_size=30), kgis)
def test_targets_from_observed_fractions_are_the_defined_ones(stage_rates, kgi):
    for rounding in Rounding:
        assert funnel.reverse_targets(stage_rates, kgi, rounding) == defined_targets(stage_rates, kgi, rounding)


@given(long_rates, st.integers(min_value=1, max_value=10**30), kgis)
def test_forward_and_needed_rates_are_the_defined_ones_on_long_funnels(stage_rates, top, kgi):
    result = funnel.forward(stage_rates, top, kgi)
    expected = [math.floor(top * math.prod(Fraction(r) for r in stage_rates[:k])) for k in range(len(stage_rates) + 1)]
    assert list(result.expected_counts) == expected
    assert result.kgi_gap == max(0, kgi - expected[-1])
    everything = math.prod(Fraction(r) for r in stage_rates)
    assert funnel.needed_rates(stage_rates, top, kgi) == [
        Fraction(math.ceil(kgi * Fraction(r) * 10_000 / (top * everything)), 10_000) for r in stage_rates
    ]


@given(plans(max_stages=40))
def test_levers_are_the_defined_ones(plan):
    tops, baseline = defined_levers(plan)
    levers = funnel.levers(plan)
    assert {lever.name: lever.top_target for lever in levers} == tops
    assert all(lever.saving == baseline - lever.top_target for lever in levers)


@given(st.lists(st.one_of(rates, even_rates), min_size=1, max_size=60), kgis, st.sampled_from(list(Rounding)))
def test_levers_on_long_funnels_are_the_defined_ones(stage_rates, kgi, rounding):
    plan = Plan(
        goal=Goal(orders=kgi),
        stages=(*(Stage(f"S{i}", rate) for i, rate in enumerate(stage_rates)), Stage("KGI")),
        rounding=rounding,
    )
    tops, _ = defined_levers(plan)
    assert {lever.name: lever.top_target for lever in funnel.levers(plan)} == tops


def test_the_longest_funnel_is_worked_out_at_once():
    import time

    from benchmarks.large_plan import large_plan

    for rounding in Rounding:
        plan = replace(large_plan(stages=MAX_STAGES, scenarios=0), rounding=rounding)
        start = time.perf_counter()
        calculation = funnel.calculate(plan)
        funnel.forward(funnel.stage_rates(plan), calculation.top_target, calculation.kgi)
        funnel.needed_rates(funnel.stage_rates(plan), calculation.top_target, calculation.kgi)
        funnel.levers(plan)
        assert time.perf_counter() - start < 0.5
