"""The plan's calendar (SPEC 5.1): months, seasonality, and the month-by-month plan, exactly."""

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpitui.core.domain.calendar import month_labels, monthly_plan, planned_to_date
from kpitui.core.domain.example import reference_plan
from kpitui.core.domain.funnel import monthly_target
from kpitui.core.domain.months import Month, parse_month, read_month
from kpitui.core.files.planfile import parse_plan
from tests.core.strategies import plans

weights = st.one_of(
    st.integers(0, 1000).map(Decimal),
    st.integers(0, 10**6).map(lambda n: Decimal(n).scaleb(-4).normalize()),
)


def test_months_wrap_years_from_a_fiscal_april():
    plan = replace(reference_plan(), start=Month(2026, 4))
    assert month_labels(plan) == (
        *("2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09"),
        *("2026-10", "2026-11", "2026-12", "2027-01", "2027-02", "2027-03"),
    )
    assert plan.month_number(Month(2027, 1)) == 10
    assert plan.month_number(Month(2027, 4)) is None and plan.month_number(Month(2026, 3)) is None


def test_without_start_months_are_numbered():
    assert month_labels(replace(reference_plan(), months=3)) == ("M1", "M2", "M3")


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("2026-04", Month(2026, 4)),
        ("2026/04", Month(2026, 4)),
        ("2026/4", Month(2026, 4)),
        ("2026-04-01", Month(2026, 4)),
        ("202604", Month(2026, 4)),
        ("2026年4月", Month(2026, 4)),
        (" 2026年12月 ", Month(2026, 12)),
        ("2026-13", None),
        ("April 2026", None),
        ("2026-04-15", None),  # a day in the month is not the month
    ],
)
def test_every_export_spelling_of_a_month(text, month):
    assert read_month(text) == month


def test_a_plan_file_writes_months_one_way_only():
    assert parse_month("2026-04") == Month(2026, 4)
    with pytest.raises(ValueError, match='did you mean "2026-04"'):
        parse_month("2026/4")


def test_equal_weights_month_one_is_the_monthly_target():
    # 1600 visits over 12 equal months: P(1) = ceil(1600 × 1/12) = ceil(133.3) = 134 = monthly target;
    # P(2) = ceil(266.7) = 267, so month 2 plans 267 - 134 = 133; P(12) = 1600.
    schedule = monthly_plan(reference_plan())
    visits_per_month, visits_to_date = schedule.planned[0], schedule.planned_to_date[0]
    assert visits_per_month[:3] == (134, 133, 133)
    assert visits_to_date[:3] == (134, 267, 400)
    assert visits_to_date[-1] == sum(visits_per_month) == 1600
    assert [row[0] for row in schedule.planned] == [monthly_target(t, 12) for t in (1600, 160, 80, 40, 20)]


def test_seasonality_in_integers_decimals_and_percent_strings_with_a_zero():
    # Weights 2, 1.5, "50%", 0 (W = 4): Orders target 20 →
    # P(1) = ceil(20 × 2/4) = 10, P(2) = ceil(20 × 3.5/4) = ceil(17.5) = 18,
    # P(3) = ceil(20 × 4/4) = 20, P(4) = 20: the months plan 10, 8, 2, 0.
    text = 'format = 1\nmonths = 4\nseasonality = [2, 1.5, "50%", 0]\n[goal]\norders = 20\n'
    text += '[[stages]]\nname = "Meetings"\nrate = 0.5\n[[stages]]\nname = "Orders"\n'
    schedule = monthly_plan(parse_plan(text, "p.toml"))
    assert schedule.planned[1] == (10, 8, 2, 0)
    assert schedule.planned_to_date[1] == (10, 18, 20, 20)
    # Meetings target 40: P = ceil(20), ceil(35), 40, 40 → 20, 15, 5, 0.
    assert schedule.planned[0] == (20, 15, 5, 0)


def test_planned_to_date_is_never_below_the_exact_share():
    # ceil, so a plan is never below its own target: 7 × 1/3 = 2.33 → 3.
    assert planned_to_date(7, 1, 3) == 3 and planned_to_date(7, 3, 3) == 7 and planned_to_date(7, 0, 3) == 0


@given(plans(max_stages=4), st.data())
def test_planned_per_month_adds_up_to_the_target_for_any_weights(plan, data):
    seasonality = tuple(data.draw(st.lists(weights, min_size=plan.months, max_size=plan.months).filter(any)))
    schedule = monthly_plan(replace(plan, seasonality=seasonality))
    for target, per_month, to_date in zip(schedule.targets, schedule.planned, schedule.planned_to_date, strict=True):
        assert sum(per_month) == target
        assert all(count >= 0 for count in per_month)  # to date never decreases
        assert to_date[-1] == target
        assert list(to_date) == sorted(to_date)
