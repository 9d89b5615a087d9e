"""Scenario edits and the comparison of baselines with scenarios."""

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpitui.core.domain import comparison, edits, funnel, scenarios
from kpitui.core.domain.edits import set_goal, set_rate
from kpitui.core.domain.example import reference_plan
from kpitui.core.domain.plan import Goal, Scenario
from tests.core.strategies import plans, rates

D = Decimal


def test_add_and_copy_scenarios_get_unused_names():
    plan = scenarios.add_scenario(scenarios.add_scenario(reference_plan()))
    assert [s.name for s in plan.scenarios][-2:] == ["Scenario 1", "Scenario 2"]
    copied = scenarios.add_scenario(plan, copy_of=0)
    assert copied.scenarios[-1].name == "Better nurturing copy"
    assert copied.scenarios[-1].rates == plan.scenarios[0].rates


def test_rate_overrides_are_set_and_cleared():
    plan = scenarios.set_rate_override(reference_plan(), 0, "Leads", D("0.6"))
    assert plan.scenarios[0].rates == {"Leads": D("0.6"), "Nurtured": D("0.6")}  # in stage order
    plan = scenarios.set_rate_override(plan, 0, "Nurtured", None)
    assert plan.scenarios[0].rates == {"Leads": D("0.6")}
    with pytest.raises(ValueError, match="only KPI stages"):
        scenarios.set_rate_override(plan, 0, "Orders", D("0.5"))


def test_goal_overrides_must_leave_a_whole_goal():
    count_plan = replace(reference_plan(), goal=Goal(orders=20), scenarios=(Scenario("Plain"),))
    with pytest.raises(ValueError):
        scenarios.set_goal_override(count_plan, 0, "channel_share", D("0.5"))
    plan = scenarios.set_goal_override(count_plan, 0, "orders", 30)
    assert plan.with_scenario_applied(plan.scenarios[0]).goal == Goal(orders=30)


def test_names_are_checked():
    with pytest.raises(ValueError, match='already called "Conservative"'):
        scenarios.rename_scenario(reference_plan(), 0, "Conservative")
    with pytest.raises(ValueError, match="needs a name"):
        scenarios.rename_scenario(reference_plan(), 0, "  ")


def test_scenario_from_unsaved_edits_restores_the_baseline():
    saved = reference_plan()
    edited = set_rate(set_goal(saved, Goal(D(1_000_000_000), D(10_000_000), D("0.3"))), 1, D("0.7"))
    plan = scenarios.scenario_from_edits(saved, edited, "Edits")
    assert plan.stages == saved.stages and plan.goal == saved.goal
    made = plan.scenario("Edits")
    assert made.rates == {"Leads": D("0.7")} and made.goal == {"channel_share": D("0.3")}
    assert plan.with_scenario_applied(made).stages == edited.stages
    with pytest.raises(ValueError, match="nothing to make a scenario of"):
        scenarios.scenario_from_edits(saved, saved, "Nothing")


def test_promote_makes_the_scenario_the_baseline_and_keeps_the_old_one():
    plan = scenarios.promote_scenario(reference_plan(), 0)
    assert plan.stages[2].rate == D("0.6")
    assert "Better nurturing" not in [s.name for s in plan.scenarios]
    previous = plan.scenario("Previous baseline")
    assert previous.rates == {"Nurtured": D("0.5")}
    assert plan.with_scenario_applied(previous).stages == reference_plan().stages


@given(plans(), st.data())
def test_promote_then_previous_baseline_gives_back_the_old_plan(plan, data):
    stage = data.draw(st.sampled_from([s.name for s in plan.kpi_stages]))
    plan = scenarios.set_rate_override(scenarios.add_scenario(plan), 0, stage, data.draw(rates))
    plan = scenarios.set_goal_override(plan, 0, "orders", data.draw(st.integers(1, 10**6)))
    promoted = scenarios.promote_scenario(plan, 0)
    back = promoted.with_scenario_applied(promoted.scenarios[-1])
    assert back.stages == plan.stages and back.goal == plan.goal


@given(plans(), st.data())
def test_promote_leaves_every_other_scenarios_figures_where_they_were(plan, data):
    names = [s.name for s in plan.kpi_stages]
    for _ in range(3):  # three scenarios, each overriding a rate and perhaps the goal
        plan = scenarios.add_scenario(plan)
        index = len(plan.scenarios) - 1
        plan = scenarios.set_rate_override(plan, index, data.draw(st.sampled_from(names)), data.draw(rates))
        if data.draw(st.booleans()):
            plan = scenarios.set_goal_override(plan, index, "orders", data.draw(st.integers(1, 10**6)))
    chosen = data.draw(st.integers(0, len(plan.scenarios) - 1))
    promoted = scenarios.promote_scenario(plan, chosen)
    before = {s.name: plan.with_scenario_applied(s) for i, s in enumerate(plan.scenarios) if i != chosen}
    after = {s.name: promoted.with_scenario_applied(s) for s in promoted.scenarios if s.name in before}
    assert after.keys() == before.keys()
    for name, applied in after.items():
        assert (applied.stages, applied.goal) == (before[name].stages, before[name].goal), name


@given(plans(), st.data())
def test_switching_the_goal_kind_there_and_back_moves_no_figure(plan, data):
    money = st.integers(1, 10**12).map(D)
    plan = set_goal(plan, Goal(revenue=data.draw(money), average_deal=data.draw(money), channel_share=data.draw(rates)))
    plan = scenarios.add_scenario(plan)
    plan = scenarios.set_rate_override(plan, 0, data.draw(st.sampled_from([s.name for s in plan.kpi_stages])), data.draw(rates))
    plan = scenarios.set_goal_override(plan, 0, "channel_share", data.draw(rates))

    def figures(p):  # every target of the baseline and of each scenario
        plans = [p, *(p.with_scenario_applied(s) for s in p.scenarios)]
        return [[stage.target for stage in funnel.calculate(each).stages] for each in plans]

    counted = edits.toggle_goal_kind(plan)
    assert counted.goal.is_count_driven and figures(counted) == figures(plan)
    back = edits.toggle_goal_kind(counted, plan.goal)
    assert back.goal == plan.goal and figures(back) == figures(plan)
    with pytest.raises(ValueError, match="no revenue figures to switch back to"):
        edits.toggle_goal_kind(counted)


def test_comparison_rows_and_differences_on_the_reference_plan():
    columns = comparison.plan_columns(reference_plan(), "p", "t", 0, editable=True)
    rows = {row.key: row for row in comparison.comparison_rows(columns)}
    assert "rate:Orders" not in rows  # the KGI stage has no rate
    visits = rows["target:Visits"]
    change = comparison.difference(columns, 1, visits)  # Better nurturing
    assert (change.absolute, change.helps) == (-260, True)
    assert comparison.format_difference(visits, change) == "-260 (-16%)"
    nurtured_rate = rows["rate:Nurtured"]
    assert comparison.format_difference(nurtured_rate, comparison.difference(columns, 1, nurtured_rate)) == "+10 pt (+20%)"
    assert comparison.difference(columns, 0, visits) is None  # the baseline is the reference
    assert "rate:Nurtured" in columns[1].overridden and not columns[2].overridden - {"goal.channel_share"}
