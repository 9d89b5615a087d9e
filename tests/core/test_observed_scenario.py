"""A scenario from the observed rates: what the rates really seen mean against the plan (SPEC 6)."""

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpitui.core.domain import funnel
from kpitui.core.domain.months import Month
from kpitui.core.domain.progress import status
from kpitui.core.domain.scenarios import scenario_from_observed_rates
from kpitui.core.files.planfile import load_plan, parse_plan
from kpitui.core.files.schema import plan_to_toml

D = Decimal


@pytest.fixture
def sample(samples):
    """The English sample: the first quarter recorded (Visits 408, Leads 33, Nurtured 19, Meetings 11, Orders 5)."""
    return load_plan(samples / "web-reference.toml")


def test_the_scenario_holds_the_rates_seen_rounded_up_to_six_places(sample):
    plan = scenario_from_observed_rates(sample)
    scenario = plan.scenarios[-1]
    assert scenario.name == "Observed 2026-06"
    # 33/408 = 0.08088235…, 19/33 = 0.5757575…, 11/19 = 0.5789473…, 5/11 = 0.4545454…
    assert scenario.rates == {
        "Visits": D("0.080883"),
        "Leads": D("0.575758"),
        "Nurtured": D("0.578948"),
        "Meetings": D("0.454546"),
    }
    assert scenario.goal == {}
    assert plan.stages == sample.stages and plan.scenarios[:-1] == sample.scenarios  # the baseline is untouched


def test_the_scenario_shows_the_top_of_funnel_the_observed_rates_need(sample):
    applied = sample.with_scenario_applied(scenario_from_observed_rates(sample).scenarios[-1])
    assert funnel.calculate(applied).stages[0].target == 1632  # as `kpitui status` says: 1,632 at the top


def test_an_earlier_month_gives_the_rates_seen_until_then(sample):
    scenario = scenario_from_observed_rates(sample, Month(2026, 4)).scenarios[-1]
    assert scenario.name == "Observed 2026-04"
    assert scenario.rates["Visits"] == D("0.09375")  # 12 leads from 128 visits


def test_stages_without_an_observed_rate_keep_the_plans_rate(sample):
    # Leads never recorded: neither Visits → Leads nor Leads → Nurtured can be observed.
    actuals = {month: {k: v for k, v in counts.items() if k != "Leads"} for month, counts in sample.actuals.items()}
    scenario = scenario_from_observed_rates(replace(sample, actuals=actuals)).scenarios[-1]
    assert list(scenario.rates) == ["Nurtured", "Meetings"]


def test_a_rate_over_100_percent_is_no_conversion_rate(sample):
    actuals = dict(sample.actuals)
    actuals[Month(2026, 6)] = {**actuals[Month(2026, 6)], "Meetings": 40}  # more meetings than nurtured leads
    scenario = scenario_from_observed_rates(replace(sample, actuals=actuals)).scenarios[-1]
    assert "Nurtured" not in scenario.rates
    assert scenario.rates["Meetings"] == D("0.106383")  # 5 orders from 47 meetings


def test_asking_again_brings_the_scenario_up_to_date_in_place(sample):
    once = scenario_from_observed_rates(sample)
    actuals = {**once.actuals, Month(2026, 7): {"Visits": 131, "Leads": 9, "Nurtured": 7, "Meetings": 4, "Orders": 2}}
    again = scenario_from_observed_rates(replace(once, actuals=actuals), Month(2026, 6))
    assert [s.name for s in again.scenarios] == [s.name for s in once.scenarios]
    assert again.scenarios[-1] == once.scenarios[-1]


def test_nothing_recorded_makes_no_scenario(sample):
    with pytest.raises(ValueError, match="nothing is recorded yet"):
        scenario_from_observed_rates(replace(sample, actuals={}))


def test_one_stage_recorded_observes_no_rate(sample):
    with pytest.raises(ValueError, match="no conversion rate can be observed up to 2026-04"):
        scenario_from_observed_rates(replace(sample, actuals={Month(2026, 4): {"Visits": 100}}))


@given(st.lists(st.lists(st.integers(0, 10**6) | st.none(), min_size=5, max_size=5), min_size=1, max_size=12))
def test_the_scenario_is_always_a_valid_plan_that_saves_and_loads_back(months):
    from kpitui.core.domain.example import reference_plan

    plan = replace(reference_plan(), start=Month(2026, 4))
    names = plan.stage_names()
    actuals = {}
    for number, counts in enumerate(months):
        recorded = {name: count for name, count in zip(names, counts, strict=True) if count is not None}
        if recorded:
            actuals[Month(2026, 4).plus(number)] = recorded
    plan = replace(plan, actuals=actuals)
    try:
        made = scenario_from_observed_rates(plan)
    except ValueError:
        return  # nothing recorded, or no rate observed: said, not made
    rates = made.scenarios[-1].rates
    assert rates and all(D(0) < rate <= 1 for rate in rates.values())
    replan_top = status(plan).replan_top
    if replan_top is not None and len(rates) == len(names) - 1:  # every rate seen is a rate: at most what they need
        assert funnel.calculate(made.with_scenario_applied(made.scenarios[-1])).stages[0].target <= replan_top
    assert parse_plan(plan_to_toml(made), "made.toml") == made
