"""Status as of a month (SPEC 5.3): every rule with figures worked by hand, and its properties."""

from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpitui.core.domain.calendar import monthly_plan
from kpitui.core.domain.funnel import calculate
from kpitui.core.domain.months import Month
from kpitui.core.domain.plan import CriterionState, Goal, Plan, Rounding, Stage
from kpitui.core.domain.progress import Status, status
from kpitui.core.files.planfile import load_plan
from tests.core.strategies import plans

APRIL = Month(2026, 4)


def two_stage_plan(orders: int = 12, months: int = 12, **fields) -> Plan:
    """Meetings → Orders at 50 %, so Meetings' target is twice the orders."""
    return Plan(
        goal=Goal(orders=orders),
        stages=(Stage("Meetings", Decimal("0.5")), Stage("Orders")),
        months=months,
        start=APRIL,
        **fields,
    )


def test_the_english_sample_after_its_first_quarter(samples):
    # Targets 1600, 160, 80, 40, 20 over 12 equal months; as of 2026-06 (k = 3) the plan to date
    # is ceil(T × 3/12): 400, 40, 20, 10, 5. Recorded: Visits 128+141+139 = 408, Leads 12+10+11 = 33,
    # Nurtured 6+6+7 = 19, Meetings 3+4+4 = 11, Orders 1+2+2 = 5.
    result = status(load_plan(samples / "web-reference.toml"))
    assert result.as_of == Month(2026, 6) and result.months_elapsed == 3
    rows = {row.name: row for row in result.stages}
    assert [row.plan_to_date for row in result.stages] == [400, 40, 20, 10, 5]
    assert [row.actual_to_date for row in result.stages] == [408, 33, 19, 11, 5]
    # Attainment 408/400 = 102 %, 33/40 = 82.5 %, 19/20 = 95 %, 11/10 = 110 %, 5/5 = 100 %;
    # 82.5 % is under 90 % → behind; 95 % is at least 90 % → at risk.
    assert [row.attainment_shown for row in result.stages] == [Decimal("102.0"), Decimal("82.5"), 95, 110, 100]
    assert [row.status for row in result.stages] == [
        Status.ON_TRACK,
        Status.BEHIND,
        Status.AT_RISK,
        Status.ON_TRACK,
        Status.ON_TRACK,
    ]
    # Forecast floor(actual × 12/3): 1632, 132, 76, 44, 20; gap to target: 0, 28, 4, 0, 0.
    assert [row.forecast for row in result.stages] == [1632, 132, 76, 44, 20]
    assert [row.forecast_gap for row in result.stages] == [0, 28, 4, 0, 0]
    # Needed per month over the 9 left: ceil((1600-408)/9) = ceil(132.4) = 133; ceil(127/9) = 15;
    # ceil(61/9) = 7; ceil(29/9) = 4; ceil(15/9) = 2.
    assert [row.needed_per_month for row in result.stages] == [133, 15, 7, 4, 2]
    # Observed rates: 33/408 = 11/136 (8.1 % against 10 %), 19/33, 11/19, 5/11 (45.5 % against 50 %).
    assert [row.observed_rate for row in result.stages] == [
        Fraction(11, 136),
        Fraction(19, 33),
        Fraction(11, 19),
        Fraction(5, 11),
        None,
    ]
    # Observed / planned: 0.809 for Visits, 0.909 for Meetings: Visits leaks most.
    assert result.bottleneck == "Visits"
    # Back from KGI 20 at the observed rates, step by step: ceil(20 × 11/5) = 44 meetings,
    # ceil(44 × 19/11) = 76 nurtured, ceil(76 × 33/19) = 132 leads, ceil(132 × 136/11) = 1632 visits.
    assert result.replan_top == 1632 and result.top_target == 1600
    assert [(b.stage, b.contingency) for b in result.behind] == [("Leads", CriterionState.CONCERN)]
    assert result.behind[0].contingency_plan == "Add a paid campaign if below 80 % of target by month 6"
    assert rows["Leads"].missing_months == ()


def test_the_japanese_sample_agrees_with_the_english_one(samples):
    english = status(load_plan(samples / "web-reference.toml"))
    japanese = status(load_plan(samples / "web-reference-ja.toml"))
    assert [row._replace(name="") for row in english.stages] == [row._replace(name="") for row in japanese.stages]
    assert [b.stage for b in japanese.behind] == ["見込み顧客獲得"]


def test_attainment_is_rounded_down_never_up():
    # 5,000 orders at 50 % need 10,000 meetings; as of the last month the plan to date is all of
    # them. 12 months of 833 make 9,996: 99.96 %, shown 99.9 %, and at risk.
    actuals = {APRIL.plus(m): {"Meetings": 833} for m in range(12)}
    row = status(two_stage_plan(orders=5000, actuals=actuals)).stages[0]
    assert row.actual_to_date == 9996 and row.plan_to_date == 10000
    assert row.attainment == Fraction(9996, 10000)
    assert row.attainment_shown == Decimal("99.9")
    assert row.status is Status.AT_RISK


def test_behind_below_is_the_line_between_at_risk_and_behind():
    # Plan to date in month 1: ceil(24 × 1/12) = 2 meetings; 90 % of 2 is 1.8: 1 is behind.
    # With behind_below = 50 %: 1 is at least 50 % × 2 = 1 → at risk.
    plan = two_stage_plan(actuals={APRIL: {"Meetings": 1}})
    assert status(plan).stages[0].status is Status.BEHIND
    assert status(replace(plan, behind_below=Decimal("0.5"))).stages[0].status is Status.AT_RISK


def test_not_recorded_is_not_zero():
    # Meetings recorded in April only, Orders nothing; as of June, Meetings lists May and June missing.
    plan = two_stage_plan(actuals={APRIL: {"Meetings": 5}, Month(2026, 6): {}})
    result = status(plan, Month(2026, 6))
    meetings, orders = result.stages
    assert meetings.actual_to_date == 5 and meetings.missing_months == (Month(2026, 5), Month(2026, 6))
    assert orders.status is Status.NO_DATA and orders.actual_to_date is None and orders.forecast is None
    assert orders.needed_per_month is None and orders.attainment is None
    assert meetings.observed_rate is None  # Orders has no data
    assert result.replan_top is None and result.bottleneck is None
    # A recorded 0 is data: the stage is behind, and Meetings' observed rate is 0/5.
    zero = status(replace(plan, actuals={APRIL: {"Meetings": 5, "Orders": 0}}), Month(2026, 6))
    assert zero.stages[1].status is Status.BEHIND and zero.stages[0].observed_rate == 0
    assert zero.replan_top is None  # a rate of 0 cannot be planned with


def test_nothing_recorded_yet():
    result = status(two_stage_plan())
    assert not result.recorded and result.as_of is None and result.months_elapsed == 0
    assert all(row.status is Status.NO_DATA and row.plan_to_date == 0 for row in result.stages)
    assert not result.any_behind


def test_a_month_before_anything_was_planned_has_no_forecast():
    # Weights 0, 1, 1: nothing is planned in month 1, so W(1) = 0 and no pace can be projected;
    # the attainment has no plan to compare with (plan to date 0), and any count is on track.
    plan = two_stage_plan(months=3, seasonality=(Decimal(0), Decimal(1), Decimal(1)), actuals={APRIL: {"Meetings": 3}})
    row = status(plan).stages[0]
    assert row.plan_to_date == 0 and row.forecast is None and row.forecast_gap is None
    assert row.attainment is None and row.status is Status.ON_TRACK
    # Needed: ceil((24 - 3) / 2) = 11 a month over the two months left.
    assert row.needed_per_month == 11


def test_in_the_last_month_nothing_more_is_needed_per_month():
    plan = two_stage_plan(months=2, actuals={APRIL: {"Meetings": 10}, APRIL.plus(1): {"Meetings": 10}})
    row = status(plan).stages[0]
    assert row.needed_per_month is None
    assert row.forecast == 20 and row.forecast_gap == 4  # 20 × 2/2 = 20, target 24


def test_any_month_of_the_plan_can_be_asked_for_and_no_other():
    plan = two_stage_plan(actuals={APRIL: {"Meetings": 2, "Orders": 1}})
    assert status(plan, Month(2027, 3)).months_elapsed == 12
    with pytest.raises(ValueError, match=r"2027-04 is not a month of the plan \(2026-04 to 2027-03\)"):
        status(plan, Month(2027, 4))


def test_the_bottleneck_is_the_first_of_equal_shortfalls():
    # Rates 50 %, 50 %; observed 10 → 4 → 2: 40 % and 50 %; then 10 → 4 → 1.6: both at 0.8.
    plan = Plan(
        goal=Goal(orders=10),
        stages=(Stage("A", Decimal("0.5")), Stage("B", Decimal("0.5")), Stage("C")),
        start=APRIL,
        actuals={APRIL: {"A": 10, "B": 4, "C": 2}},
    )
    assert status(plan).bottleneck == "A"
    tie = replace(plan, actuals={APRIL: {"A": 25, "B": 10, "C": 4}})  # 40 % and 40 %: both 0.8 of plan
    assert status(tie).bottleneck == "A"
    better = replace(plan, actuals={APRIL: {"A": 10, "B": 6, "C": 3}})  # 60 %, 50 %: none below plan
    assert status(better).bottleneck is None


def test_a_behind_kgi_stage_has_no_review_to_show():
    plan = two_stage_plan(actuals={APRIL: {"Meetings": 2, "Orders": 0}})
    assert [(b.stage, b.contingency, b.contingency_plan) for b in status(plan).behind] == [("Orders", None, "")]


def test_replan_uses_the_plans_rounding_rule():
    # Observed 7 → 3 → 2 (rates 3/7 and 2/3), KGI 5. Step: ceil(5 × 3/2) = ceil(7.5) = 8 at B,
    # then ceil(8 × 7/3) = ceil(18.67) = 19 at the top. Once: ceil(5 / (3/7 × 2/3)) = ceil(17.5) = 18.
    plan = Plan(
        goal=Goal(orders=5),
        stages=(Stage("A", Decimal("0.5")), Stage("B", Decimal("0.5")), Stage("C")),
        start=APRIL,
        actuals={APRIL: {"A": 7, "B": 3, "C": 2}},
    )
    assert status(plan).replan_top == 19
    assert status(replace(plan, rounding=Rounding.ONCE)).replan_top == 18


@given(plans(max_stages=5), st.data())
def test_attainment_is_never_shown_higher_than_the_exact_ratio(plan, data):
    plan = replace(plan, start=APRIL)
    month = data.draw(st.integers(0, plan.months - 1))
    counts = {stage: data.draw(st.integers(0, 10**7)) for stage in plan.stage_names()}
    for row in status(replace(plan, actuals={APRIL.plus(month): counts})).stages:
        if row.attainment is not None:
            assert row.attainment_shown <= row.attainment * 100 < row.attainment_shown + Decimal("0.1")


@given(plans(max_stages=5), st.data())
def test_actuals_equal_to_the_plan_are_on_track_and_replan_to_the_plans_own_top(plan, data):
    plan = replace(plan, start=APRIL)
    schedule = monthly_plan(plan)
    actuals = {
        APRIL.plus(k): {name: schedule.planned[s][k] for s, name in enumerate(schedule.stages)} for k in range(plan.months)
    }
    plan = replace(plan, actuals=actuals)
    as_of = APRIL.plus(data.draw(st.integers(0, plan.months - 1)))
    assert all(row.status is Status.ON_TRACK for row in status(plan, as_of).stages)
    # Over the whole plan the observed rates are target ratios, and reversing them gives the top back.
    assert status(plan).replan_top == calculate(plan).top_target
