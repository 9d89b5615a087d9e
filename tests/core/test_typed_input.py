"""What people type into editors: exact values, every bound checked on the text, fast on any input."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpitui.core.domain import quantities
from kpitui.core.domain.months import Month, read_month
from kpitui.core.files import actuals_csv
from kpitui.core.session.typed_input import (
    TYPED_GOAL_PARSERS,
    parse_percent_input,
    parse_typed_count,
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


# Issue 9: a comma is a thousands separator only between groups of three digits; a decimal comma
# (`1,5`), a slip (`1,0,0,0`) or a group that starts with 0 (`0,500`) is refused, never read as more.
GROUPING = "a comma (or _) goes only between groups of three digits, like 1,000 or 12,345,678; use a point for decimals, like 1.5"
MISGROUPED = {
    "revenue with a decimal comma": ("money", "1,5"),
    "average order with a decimal comma": ("money", "12,5"),
    "months with a decimal comma": ("months", "0,5"),
    "a count with a comma between every digit": ("count", "1,0,0,0"),
    "top with a decimal comma": ("top", "0,5"),
    "top of 1,5": ("top", "1,5"),
    "a rate with a decimal comma": ("rate", "1,5"),
    "a rate with an underscore": ("rate", "1_5"),
    "a share with a decimal comma": ("share", "12,5%"),
    "orders with two kinds of separator": ("orders", "1,000_000"),
    "money with a first group of 0": ("money", "0,500"),
    "money with a comma at the end": ("money", "1000,"),
    "money with a full-width comma at the start": ("money", "，1000"),
    "myriads with a group of one digit": ("money", "1,0万"),
    "myriads with an underscore group of one digit": ("money", "1_0万"),
    "full-width decimal comma": ("money", "１，５"),
}


@pytest.mark.parametrize(("parser", "text"), MISGROUPED.values(), ids=MISGROUPED.keys())
def test_a_separator_that_does_not_group_three_digits_is_refused_and_says_how_to_write_it(parser, text):
    with pytest.raises(ValueError) as caught:
        (PARSERS | {"count": parse_typed_count})[parser](text)
    assert str(caught.value) == f'{GROUPING} (got "{text}")'


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,000", 1000),
        ("12,345,678", 12_345_678),
        ("1,000万", 10**7),
        ("１，０００万", 10**7),
        ("1_600", 1600),
        ("-1,000.5", Decimal("-1000.5")),
    ],
)
def test_thousands_separators_between_groups_of_three_are_read(text, value):
    assert parse_typed_number(text) == value


@st.composite
def separated(draw) -> tuple[int, str, bool]:
    """A whole number with separators put anywhere between its digits, and whether they group it by three."""
    number = draw(st.integers(min_value=1, max_value=10**13))  # money in 万 stays below its bound
    digits = str(number)
    cuts = draw(st.sets(st.integers(min_value=1, max_value=len(digits) - 1)) if len(digits) > 1 else st.just(set()))
    separator = draw(st.sampled_from([",", "_", "，"]))
    text = "".join(separator + digit if index in cuts else digit for index, digit in enumerate(digits))
    grouped = not cuts or cuts == {index for index in range(1, len(digits)) if (len(digits) - index) % 3 == 0}
    return number, text, grouped


@given(separated(), st.sampled_from(["", "万", "円"]))
def test_separators_are_read_exactly_where_they_group_three_digits_and_refused_elsewhere(case, suffix):
    number, text, grouped = case
    scaled = number * (10**4 if suffix == "万" else 1)
    readers = [(parse_typed_number, text + suffix.replace("円", ""), scaled), (parse_typed_money, text + suffix, scaled)]
    readers += [(actuals_csv.count_cell, text, number)] if number <= quantities.MAX_COUNT else []  # the CSV reader: one rule
    for read, typed, value in readers:
        if grouped:
            assert read(typed) == value
        else:
            with pytest.raises(ValueError, match=f"^{re.escape(GROUPING)}"):
                read(typed)


# Issue 9: digits of scripts other than ASCII and full-width (what Japanese input methods type) are
# refused, not read as Python's int() and Decimal() would (`٣` as 3).
FOREIGN_DIGITS = "٣۳३৩๓𝟑³"
DIGITS_MESSAGE = "write digits as 0-9 (or full-width ０-９)"


@pytest.mark.parametrize("digit", FOREIGN_DIGITS)
@pytest.mark.parametrize("parser", sorted(PARSERS) + ["count"])
def test_digits_of_other_scripts_are_refused_by_every_typed_parser(parser, digit):
    text = f"1{digit}%" if parser in ("rate", "share") else f"1{digit}"
    with pytest.raises(ValueError) as caught:
        (PARSERS | {"count": parse_typed_count})[parser](text)
    assert str(caught.value) == f'{DIGITS_MESSAGE} (got "{text}")'


@given(st.characters(categories=["Nd", "No"]).filter(lambda c: c.isdigit() and not c.isascii() and not "０" <= c <= "９"))
def test_any_digit_of_another_script_is_refused(digit):
    for text in (digit, f"1{digit}", f"{digit}万", f"{digit}%"):
        with pytest.raises(ValueError, match=f"^{re.escape(DIGITS_MESSAGE)}"):
            parse_typed_number(text) if not text.endswith("%") else parse_percent_input(text)


@pytest.mark.parametrize("text", ["٢٠٢٦-٠٥", "२०२६/५", "٢٠٢٦年٥月", "2026-0٥"])
def test_a_month_in_digits_of_another_script_is_refused(text):
    with pytest.raises(ValueError) as caught:
        read_month(text)
    assert str(caught.value) == f'{DIGITS_MESSAGE} (got "{text}")'


@pytest.mark.parametrize("text", ["２０２６-０５", "２０２６／５", "２０２６年５月", "2026-05"])
def test_a_month_in_full_width_digits_is_read(text):
    assert read_month(text) == Month(2026, 5)


@pytest.mark.parametrize("typed", ["1,500O", "1,5x", "12,345 orders"])
def test_a_text_that_is_no_number_is_told_so_not_where_its_commas_go(typed):
    with pytest.raises(ValueError, match=r"^type a number \(got"):
        parse_typed_count(typed)
