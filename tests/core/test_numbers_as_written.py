"""A plan file's numbers as people write them: the message names the real problem, not a look-alike."""

from decimal import Decimal

import pytest

from kpitui.core.domain.quantities import parse_count, parse_fraction, parse_months, parse_recorded_count, parse_weight
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
        (parse_count, "1e13", "must be at most 1,000,000,000,000 (got 1e+13)"),
        (parse_count, "1e999999", "must be at most 1,000,000,000,000 (got 1e+999999)"),
        (parse_count, "0e5", "must be greater than 0 (got 0e+5)"),
        (parse_recorded_count, "1e13", "must be from 0 to 1,000,000,000,000 (got 1e+13)"),
        (parse_months, "1.2e3", "must be from 1 to 120 (got 1.2e+3)"),
    ],
)
def test_a_whole_number_past_its_bound_is_told_the_bound(parse, written, message):
    with pytest.raises(ValueError) as error:
        parse(Decimal(written))
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
    assert str(error.value) == "p.toml: goal.orders: must be at most 1,000,000,000,000 (got 1e+13)"


@pytest.mark.parametrize("written", ["１０％", "10％", "１０ ％", "１０%"])
def test_a_full_width_percent_sign_is_a_percent_sign(written):
    assert parse_fraction(written) == Decimal("0.1")
    assert parse_weight(written) == Decimal("0.1")
    assert parse_plan(PLAN.format(orders=20, rate=f'"{written}"'), "p.toml").stages[0].rate == Decimal("0.1")


def test_a_doubled_full_width_percent_sign_is_still_no_number():
    with pytest.raises(ValueError, match="must be a number or a percentage"):
        parse_fraction("10％％")
