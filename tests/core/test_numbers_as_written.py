"""A plan file's numbers as people write them: the message names the real problem, not a look-alike."""

from decimal import Decimal

import pytest

from kpitui.core.domain.quantities import (
    parse_count,
    parse_fraction,
    parse_months,
    parse_recorded_count,
    parse_weight,
    read_written_number,
)
from kpitui.core.errors import PlanError
from kpitui.core.files.planfile import parse_plan

PLAN = """format = 1
[goal]
orders = {orders}
[[stages]]
name = "Visits"
rate = {rate}
[[stages]]
name = "Orders"
"""


@pytest.mark.parametrize(
    ("parse", "written", "message"),
    [
        (parse_count, "1e13", "must be at most 1,000,000,000,000 (got 1e13)"),
        (parse_count, "1e999999", "must be at most 1,000,000,000,000 (got 1e999999)"),
        (parse_count, "0e5", "must be greater than 0 (got 0e5)"),
        (parse_recorded_count, "1e13", "must be from 0 to 1,000,000,000,000 (got 1e13)"),
        (parse_months, "1.2e3", "must be from 1 to 120 (got 1.2e3)"),
    ],
)
def test_a_whole_number_past_its_bound_is_told_the_bound(parse, written, message):
    with pytest.raises(ValueError) as error:
        parse(read_written_number(written))
    assert str(error.value) == message


@pytest.mark.parametrize("parse", [parse_count, parse_recorded_count, parse_months])
def test_a_whole_number_within_its_bound_is_told_how_to_write_it(parse):
    with pytest.raises(ValueError) as error:
        parse(Decimal("12.0"))
    assert str(error.value) == "must be written as a whole number, without a point or an exponent, like 12 (got 12.0)"


@pytest.mark.parametrize("parse", [parse_count, parse_recorded_count, parse_months])
def test_a_fraction_is_still_not_a_whole_number(parse):
    with pytest.raises(ValueError, match=r"^must be a whole number.* \(got 2\.5\)$"):
        parse(Decimal("2.5"))


def test_orders_past_the_bound_in_a_plan_file_names_the_bound():
    with pytest.raises(Exception) as error:
        parse_plan(PLAN.format(orders="1e13", rate='"10%"'), "p.toml")
    assert str(error.value) == "p.toml: goal.orders: must be at most 1,000,000,000,000 (got 1e13)"


CALENDAR = 'months = 2\nstart = "2026-04"\n'
# Every number a plan file holds, each out of bounds as a file may write it: E or e, a sign, `_`.
PLACES = {
    "rate": ("stages[0].rate", "must be at most 100%", PLAN.format(orders=20, rate="{n}")),
    "share": (
        "goal.channel_share",
        "must be at most 100%",
        PLAN.format(orders="{n}", rate=0.1).replace("orders = {n}", "revenue = 100\naverage_deal = 1\nchannel_share = {n}"),
    ),
    "money": (
        "goal.revenue",
        "must be less than 1,000,000,000,000,000,000",
        PLAN.format(orders="{n}", rate=0.1).replace("orders", "average_deal = 1\nrevenue"),
    ),
    "orders": ("goal.orders", "must be at most 1,000,000,000,000", PLAN.format(orders="{n}", rate=0.1)),
    "months": ("months", "must be from 1 to 120", "months = {n}\n" + PLAN.format(orders=20, rate=0.1)),
    "seasonality": (
        "seasonality[1]",
        "must be less than 1,000,000",
        CALENDAR + "seasonality = [1, {n}]\n" + PLAN.format(orders=20, rate=0.1),
    ),
    "behind_below": ("behind_below", "must be at most 100%", "behind_below = {n}\n" + PLAN.format(orders=20, rate=0.1)),
    "actuals": (
        'actuals."2026-04".Visits',
        "must be from 0 to 1,000,000,000,000",
        CALENDAR + PLAN.format(orders=20, rate=0.1) + '[actuals."2026-04"]\nVisits = {n}\n',
    ),
    "scenario rate": (
        "scenarios[0].rates.Visits",
        "must be at most 100%",
        PLAN.format(orders=20, rate=0.1) + '[[scenarios]]\nname = "s"\nrates = { Visits = {n} }\n',
    ),
}


@pytest.mark.parametrize("written", ["1e999999", "1E999999", "+1e999_999", "1_0e999999", "1.50E+999999", "2e30"])
@pytest.mark.parametrize("place", PLACES)
def test_a_number_past_its_bound_is_quoted_as_the_file_writes_it(place, written):
    key_path, rule, text = PLACES[place]
    with pytest.raises(PlanError) as error:
        parse_plan(text.replace("{n}", written), "p.toml")
    assert str(error.value) == f"p.toml: {key_path}: {rule} (got {written})"


@pytest.mark.parametrize("written", ["１０％", "10％", "１０ ％", "１０%"])
def test_a_full_width_percent_sign_is_a_percent_sign(written):
    assert parse_fraction(written) == Decimal("0.1")
    assert parse_weight(written) == Decimal("0.1")
    assert parse_plan(PLAN.format(orders=20, rate=f'"{written}"'), "p.toml").stages[0].rate == Decimal("0.1")


def test_a_doubled_full_width_percent_sign_is_still_no_number():
    with pytest.raises(ValueError, match="must be a number or a percentage"):
        parse_fraction("10％％")
