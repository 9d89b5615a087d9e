"""What people type into editors: exact values, every bound checked on the text, fast on any input."""

from datetime import timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpitui.core.domain import quantities
from kpitui.core.session.typed_input import (
    TYPED_GOAL_PARSERS,
    parse_percent_input,
    parse_typed_money,
    parse_typed_months,
    parse_typed_number,
    parse_typed_top,
    parse_typed_whole,
)

PARSERS = {
    "rate": parse_percent_input,
    "share": TYPED_GOAL_PARSERS["channel_share"],
    "money": parse_typed_money,
    "orders": parse_typed_whole,
    "months": parse_typed_months,
    "top": parse_typed_top,
}

REFUSED = {
    "rate overflowing": ("rate", "1e9999999", "must be at most 100% (got 1e9999999)"),
    "rate underflowing": ("rate", "1e-999999999", "must be at least 0.0001% (got 1e-999999999)"),
    "rate past 28 digits": (
        "rate",
        "10.00000000000000000000000000001",
        "has too many digits: at most 10 after the point of a percentage (got 10.00000000000000000000000000001)",
    ),
    "rate with two percent signs": ("rate", "10%%", 'must be a number or a percentage like "10%" (got "10%%")'),
    "rate past any exponent": (
        "rate",
        "1e999999999999999999999",
        "out of range: the exponent is past any bound (got 1e999999999999999999999)",
    ),
    "share underflowing": (
        "share",
        "1e-999999999%",
        "has too many digits: at most 10 after the point of a percentage (got 1e-999999999%)",
    ),
    "money as text": ("money", "lots", 'type a number (got "lots")'),
    "money past 28 digits": (
        "money",
        "1.0000000000000000000000000000001",
        "has too many decimal places: at most 6 (got 1.0000000000000000000000000000001)",
    ),
    "money overflowing": ("money", "1e9999999", "must be less than 1,000,000,000,000,000,000 (got 1e9999999)"),
    "orders overflowing": ("orders", "1e999999", "must be at most 1,000,000,000,000 (got 1e999999)"),
    "orders not whole": ("orders", "2.5", "type a whole number (got 2.5)"),
    "orders tiny": ("orders", "1e-999999999", "type a whole number (got 1e-999999999)"),
    "months overflowing": ("months", "1e999999", "must be from 1 to 120 (got 1e999999)"),
    "months far past any exponent": (
        "months",
        "1e99999999999999999999",
        "out of range: the exponent is past any bound (got 1e99999999999999999999)",
    ),
    "top of 5000 digits": ("top", "9" * 5000, "must be at most 1,000,000,000,000,000,000 (got a number of 5,000 digits)"),
    "top zero": ("top", "0", "must be greater than 0 (got 0)"),
}


@pytest.mark.parametrize(("parser", "text", "message"), REFUSED.values(), ids=REFUSED.keys())
def test_typed_values_out_of_bounds_are_refused_with_one_clear_message(parser, text, message):
    with pytest.raises(ValueError) as caught:
        PARSERS[parser](text)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("parser", "text", "value"),
    [
        ("rate", "25", Decimal("0.25")),
        ("rate", " 2.5 % ", Decimal("0.025")),
        ("rate", "0.0001", Decimal("0.000001")),
        ("share", "100%", Decimal(1)),
        ("money", "1,000,000.5", Decimal("1000000.5")),
        ("money", "1e3", Decimal(1000)),
        ("orders", "1_600", 1600),
        ("months", "12", 12),
        ("top", "1,000,000,000,000,000,000", 10**18),
    ],
)
def test_typed_values_within_bounds_are_read_exactly(parser, text, value):
    result = PARSERS[parser](text)
    assert result == value and type(result) is type(value)


@st.composite
def extreme_numbers(draw) -> str:
    """Number text with any sign, thousands of digits, any exponent (far past what Decimal holds), maybe `%`."""
    digits = draw(st.sampled_from(["", "0", "1", "9" * 30, "1" + "0" * 5000, "3" * 5000]))
    fraction = draw(st.sampled_from(["", ".", ".5", "." + "0" * 4000 + "1", ".333333333333333333333333333333"]))
    exponent = draw(
        st.one_of(
            st.just(""),
            st.integers(min_value=-(10**24), max_value=10**24).map(lambda e: f"e{e}"),
            st.integers(min_value=-30, max_value=30).map(lambda e: f"E{e:+d}"),
        )
    )
    sign = draw(st.sampled_from(["", "-", "+"]))
    return f"{sign}{digits or '1'}{fraction}{exponent}{draw(st.sampled_from(['', '%', ' %', '%%']))}"


@settings(deadline=timedelta(milliseconds=500), max_examples=300)
@given(text=extreme_numbers(), parser=st.sampled_from(sorted(PARSERS)))
def test_every_typed_parser_answers_extreme_numbers_fast(text, parser):
    try:
        value = PARSERS[parser](text)
    except ValueError as error:
        assert len(str(error)) < 200  # one short line, never the number's thousands of digits
        return
    assert len(str(value)) <= 25  # within the bounds: a value that prints short


@settings(deadline=timedelta(milliseconds=500), max_examples=300)
@given(text=extreme_numbers())
def test_every_file_parser_answers_extreme_numbers_fast(text):
    body = text.rstrip("%").rstrip()
    try:
        number = parse_typed_number(body)
    except ValueError:
        number = None
    cases = [(quantities.parse_fraction, text if text.endswith("%") else text + "%")]
    if number is not None:
        cases += [(quantities.parse_fraction, number), (quantities.parse_money, number)]
        if quantities.decimal_places(number) == 0 and number.adjusted() < 4000:
            cases += [(quantities.parse_count, int(number)), (quantities.parse_months, int(number))]
    for parser, value in cases:
        try:
            parsed = parser(value)
        except ValueError as error:
            assert len(str(error)) < 200
        else:
            assert len(str(parsed)) <= 25
