"""A plan that breaks a rule of the file format cannot exist: every edit keeps a plan that saves and loads back."""

from dataclasses import replace
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpitui.core.domain import actuals, edits, funnel, scenarios
from kpitui.core.domain.example import reference_plan
from kpitui.core.domain.months import Month
from kpitui.core.domain.plan import CRITERIA, GOAL_FIELDS, CriterionState, Goal, KpiReview, Plan, Scenario, Stage
from kpitui.core.errors import PlanError
from kpitui.core.files.planfile import MAX_FILE_BYTES, load_plan, parse_plan, save_plan
from kpitui.core.files.schema import plan_to_toml
from kpitui.core.session.document import PlanDocument
from tests.core.strategies import rates


def assert_saves_and_loads_back(plan: Plan) -> None:
    text = plan_to_toml(plan)
    assert parse_plan(text, "p.toml") == plan
    assert plan_to_toml(parse_plan(text, "p.toml")) == text


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda p: edits.set_rate(p, 0, D(5)), "rate: must be at most 100% (got 500%)"),
        (lambda p: edits.set_rate(p, 0, D(0)), "rate: must be greater than 0% (got 0%)"),
        (lambda p: edits.set_rate(p, 0, D("1e-9")), "rate: must be at least 0.0001% (got 0.0000001%)"),
        (lambda p: edits.set_rate(p, 0, 0.5), "rate: must be an exact fraction like Decimal('0.1') (got a float)"),
        (lambda p: edits.set_months(p, 0), "months: must be from 1 to 120 (got 0)"),
        (lambda p: edits.set_months(p, 500), "months: must be from 1 to 120 (got 500)"),
        (lambda p: edits.set_title(p, "a\ud800b"), "title: has a character that cannot be saved at position 2"),
        (lambda p: edits.set_goal(p, Goal(orders=0)), "orders: must be greater than 0 (got 0)"),
        (lambda p: edits.set_goal(p, Goal(D(-1), D(10))), "revenue: must be greater than 0 (got -1)"),
        (lambda p: edits.set_goal(p, Goal(D(10), D(10), D("1.5"))), "channel_share: must be at most 100% (got 150%)"),
        (lambda p: scenarios.set_rate_override(p, 0, "Leads", D(2)), "rates.Leads: must be at most 100% (got 200%)"),
        (lambda p: scenarios.set_goal_override(p, 0, "orders", 0), "orders: must be greater than 0 (got 0)"),
        (lambda p: edits.set_criterion(p, "Leads", "alignment", "ok"), 'alignment: must be todo, ok or concern (got "ok")'),
        (lambda p: replace(p, stages=p.stages[:1]), "stages: a plan needs at least two stages (got 1)"),
        (lambda p: replace(p, review={"Orders": KpiReview()}), "review.Orders: this is the KGI stage"),
    ],
)
def test_edits_refuse_what_the_file_format_refuses(edit, message):
    with pytest.raises(ValueError) as caught:
        edit(reference_plan())
    assert str(caught.value).startswith(message)


def test_a_count_goal_keeps_the_scenarios_that_changed_part_of_the_revenue_goal():
    """The reference plan's "Web share 25%" scenario overrides only the share: a count goal keeps its whole goal."""
    plan = edits.toggle_goal_kind(reference_plan())
    assert plan.goal == Goal(orders=20)
    web = plan.scenario("Web share 25%")
    assert plan.with_scenario_applied(web).goal == Goal(D(1_000_000_000), D(10_000_000), D("0.25"))
    assert_saves_and_loads_back(plan)


def test_a_save_over_the_size_cap_is_refused_and_keeps_the_work(tmp_path):
    path = tmp_path / "plan.toml"
    save_plan(reference_plan(), path)
    before = path.read_bytes()
    document = PlanDocument.open(path)
    note = "a pasted log " * (MAX_FILE_BYTES // 13)
    document.history.push(edits.set_review_text(document.plan, "Leads", "notes", note), "notes")
    with pytest.raises(PlanError) as caught:
        document.save()
    assert str(caught.value) == (
        f"{path}: cannot save: the plan would take 4.1 MiB, over the 4 MiB a plan file may have; "
        "shorten the longest notes or texts"
    )
    assert path.read_bytes() == before and list(tmp_path.iterdir()) == [path]
    assert document.modified and document.plan.review_of("Leads").notes == note
    assert load_plan(path) == reference_plan()


# Values people (or a bug) could hand an edit: good ones and every kind the format refuses.
wide_rates = st.one_of(
    rates,
    st.decimals(min_value=-1, max_value=200, allow_nan=False, allow_infinity=False, places=3),
    st.sampled_from([D(0), D(1), D(5), D("1e-7"), D("0.1234567890123"), D("NaN"), 0.5]),
)
wide_money = st.one_of(
    st.decimals(min_value=-10, max_value=10**19, allow_nan=False, allow_infinity=False, places=7),
    st.sampled_from([D(1), D("0.5"), D(10**18)]),
)
wide_counts = st.integers(min_value=-2, max_value=10**13)
months = st.builds(Month, st.integers(2024, 2028), st.integers(1, 12))
texts = st.one_of(st.text(max_size=8), st.sampled_from(["", " ", "a\ud800", "[bold]x[/]", "Leads", "Orders", '"\\\n']))
states = st.sampled_from(list(CriterionState))


def _index(draw, items) -> int:
    return draw(st.integers(0, len(items) - 1)) if items else 0


def _goal(draw) -> Goal:
    if draw(st.booleans()):
        return Goal(orders=draw(wide_counts))
    return Goal(draw(wide_money), draw(wide_money), draw(wide_rates))


def _goal_figure(draw, field: str):
    return draw(st.none() | (wide_counts if field == "orders" else wide_rates if field == "channel_share" else wide_money))


EDITS = {
    "set_rate": lambda p, draw: edits.set_rate(p, _index(draw, p.stages), draw(wide_rates)),
    "rename_stage": lambda p, draw: edits.rename_stage(p, _index(draw, p.stages), draw(texts)),
    "set_stage_text": lambda p, draw: edits.set_stage_text(
        p, _index(draw, p.stages), draw(st.sampled_from(["metric", "owner"])), draw(texts)
    ),
    "insert_stage": lambda p, draw: edits.insert_stage(p, _index(draw, p.stages)),
    "delete_stage": lambda p, draw: edits.delete_stage(p, _index(draw, p.stages)),
    "move_stage": lambda p, draw: edits.move_stage(p, _index(draw, p.stages), draw(st.sampled_from([-1, 1]))),
    "set_goal": lambda p, draw: edits.set_goal(p, _goal(draw)),
    "toggle_goal_kind": lambda p, draw: edits.toggle_goal_kind(p),
    "set_months": lambda p, draw: edits.set_months(p, draw(st.integers(-1, 200))),
    "toggle_rounding": lambda p, draw: edits.toggle_rounding(p),
    "set_start": lambda p, draw: edits.set_start(p, draw(st.none() | months)),
    "set_actual": lambda p, draw: actuals.set_actual(
        p, draw(months), draw(st.sampled_from([*p.stage_names(), "Nowhere"])), draw(st.none() | wide_counts)
    ),
    "set_title": lambda p, draw: edits.set_title(p, draw(texts)),
    "set_currency": lambda p, draw: edits.set_currency(p, draw(texts)),
    "set_criterion": lambda p, draw: edits.set_criterion(
        p, draw(st.sampled_from(p.stage_names())), draw(st.sampled_from(CRITERIA)), draw(states)
    ),
    "set_review_text": lambda p, draw: edits.set_review_text(
        p, draw(st.sampled_from(p.stage_names())), draw(st.sampled_from(["notes", "contingency_plan"])), draw(texts)
    ),
    "add_scenario": lambda p, draw: scenarios.add_scenario(p, _index(draw, p.scenarios) if p.scenarios else None),
    "rename_scenario": lambda p, draw: scenarios.rename_scenario(p, _index(draw, p.scenarios), draw(texts)),
    "set_scenario_note": lambda p, draw: scenarios.set_scenario_note(p, _index(draw, p.scenarios), draw(texts)),
    "delete_scenario": lambda p, draw: scenarios.delete_scenario(p, _index(draw, p.scenarios)),
    "move_scenario": lambda p, draw: scenarios.move_scenario(p, _index(draw, p.scenarios), draw(st.sampled_from([-1, 1]))),
    "set_rate_override": lambda p, draw: scenarios.set_rate_override(
        p, _index(draw, p.scenarios), draw(st.sampled_from(p.stage_names())), draw(st.none() | wide_rates)
    ),
    "set_goal_override": lambda p, draw: scenarios.set_goal_override(
        p, _index(draw, p.scenarios), (field := draw(st.sampled_from(GOAL_FIELDS))), _goal_figure(draw, field)
    ),
    "promote_scenario": lambda p, draw: scenarios.promote_scenario(p, _index(draw, p.scenarios)),
    "scenario_from_edits": lambda p, draw: scenarios.scenario_from_edits(
        reference_plan(), p, scenarios.unused_scenario_name(p, "Edits")
    ),
}
# The edits that take the index of a scenario: only tried when there is one.
SCENARIO_EDITS = {
    "rename_scenario",
    "set_scenario_note",
    "delete_scenario",
    "move_scenario",
    "set_rate_override",
    "set_goal_override",
    "promote_scenario",
}


@settings(max_examples=150)
@given(st.data())
def test_any_sequence_of_edits_leaves_a_plan_that_saves_and_loads_back_equal(data):
    plan = reference_plan()
    for _ in range(data.draw(st.integers(1, 15), label="edits")):
        name = data.draw(st.sampled_from(sorted(EDITS)), label="edit")
        if name in SCENARIO_EDITS and not plan.scenarios:
            continue
        try:
            edited = EDITS[name](plan, data.draw)
            funnel.check_figures(edited)  # as the app applies every edit: each figure can be computed and shown
            plan = edited
        except ValueError:
            pass  # refused, saying why: the plan stays as it was
        assert_saves_and_loads_back(plan)


def test_the_model_checks_each_value_as_it_is_made():
    with pytest.raises(ValueError, match="rate: must be at most 100%"):
        Stage("A", D(2))
    with pytest.raises(ValueError, match="goal: override either orders or the revenue fields, not both"):
        Scenario("s", goal={"orders": 3, "revenue": D(5)})
    with pytest.raises(ValueError, match=r'stages\[1\].name: another stage is already called "A"'):
        Plan(Goal(orders=1), (Stage("A", D("0.5")), Stage("A")))
