"""Rates, shares, money and counts: parsed exactly from plan files, within the bounds of the format.

Every parser returns a domain value or raises `ValueError` with a message fit to show a user;
callers add where the value came from (a key path, an editor).
"""

from decimal import Decimal, InvalidOperation

from kpitui.core.text.formatting import (
    HUNDRED,
    format_count,
    format_decimal,
    format_percent,
)
from kpitui.core.text.safe_text import visible

MIN_RATE = Decimal("0.000001")  # 0.0001 %: below this the top of the funnel is astronomically large
MAX_RATE_PLACES = 12  # digits after the point of a rate fraction (10 for a percent)
MAX_MONEY = Decimal(10) ** 18
MAX_MONEY_PLACES = 6
MAX_COUNT = 10**12
MIN_MONTHS, MAX_MONTHS = 1, 120
MAX_WEIGHT = Decimal(10) ** 6
MAX_WEIGHT_PLACES = 6


_TYPE_NAMES = {
    "dict": "a table",
    "list": "an array",
    "date": "a date",
    "datetime": "a date-time",
    "time": "a time",
}


def describe(value: object) -> str:
    """How a raw value from a file reads in a message: `0`, `"abc"`, `true`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + visible(value) + '"'
    if isinstance(value, Decimal):
        return str(value).lower()  # as written: `20.0` stays `20.0`, `1e-999999` stays short
    if isinstance(value, int):
        return str(value) if value.bit_length() < 64 else "a very long integer"
    return _TYPE_NAMES.get(type(value).__name__, f"a {type(value).__name__}")


def _as_decimal(value: object, what: str) -> Decimal:
    """A file number as an exact Decimal; strings, booleans and other types are refused."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise ValueError(f"must be {what} (got {describe(value)})")
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError(f"must be a finite number (got {describe(value)})")
    return number


def percent_text(text: str) -> Decimal:
    """`"12.5%"` or `"12.5 %"` as the fraction 0.125, exactly."""
    body = text.strip().removesuffix("%").strip()
    try:
        number = Decimal(body)
    except InvalidOperation:
        raise ValueError(f'must be a number or a percentage like "10%" (got {describe(body)})') from None
    if not number.is_finite():
        raise ValueError(f"must be a finite number (got {format_decimal(number)})")
    return number.scaleb(-2)


def check_fraction(fraction: Decimal, original: str, *, low: Decimal) -> Decimal:
    if fraction <= 0:
        raise ValueError(f"must be greater than 0% (got {original})")
    if fraction > 1:
        raise ValueError(f"must be at most 100% (got {original})")
    if fraction < low:
        raise ValueError(f"must be at least {format_percent(low)} (got {original})")
    if -fraction.normalize().as_tuple().exponent > MAX_RATE_PLACES:
        raise ValueError(f"has too many digits: at most {MAX_RATE_PLACES - 2} after the point of a percentage (got {original})")
    return fraction.normalize()


def parse_fraction(value: object, *, low: Decimal = MIN_RATE) -> Decimal:
    """A rate or share from a file: a number as a fraction (`0.1`) or a percent string (`"10%"`)."""
    if isinstance(value, str):
        if not value.strip().endswith("%"):
            raise ValueError(f'a rate written as text needs a percent sign, like "10%" (got {describe(value)})')
        return check_fraction(percent_text(value), describe(value), low=low)
    fraction = _as_decimal(value, 'a number like 0.1 or a percentage like "10%"')
    try:
        return check_fraction(fraction, describe(value), low=low)
    except ValueError as error:
        if 1 < fraction <= HUNDRED:
            raise ValueError(f'{error}; did you mean "{format_decimal(fraction)}%"?') from None
        raise


def check_rate(value: object, *, low: Decimal = MIN_RATE) -> Decimal:
    """A rate or share a plan holds: an exact fraction (Decimal or int, never a float) within the format's bounds."""
    fraction = _as_decimal(value, "an exact fraction like Decimal('0.1')")
    try:
        return check_fraction(fraction, "", low=low)
    except ValueError:
        pass  # say it again, with the value shown as a percentage (worked out only now: plans hold thousands of rates)
    percent = fraction * HUNDRED  # rounded to the context's 28 digits: only to show it
    shown = format_decimal(percent) if -30 < percent.adjusted() < 30 else str(percent).lower()
    return check_fraction(fraction, shown + "%", low=low)


def parse_money(value: object) -> Decimal:
    """A positive amount of money from a file (integer or decimal)."""
    amount = _as_decimal(value, "a number")
    if amount <= 0:
        raise ValueError(f"must be greater than 0 (got {describe(value)})")
    if amount >= MAX_MONEY:
        raise ValueError(f"must be less than {format_count(int(MAX_MONEY))} (got {describe(value)})")
    if -amount.normalize().as_tuple().exponent > MAX_MONEY_PLACES:
        raise ValueError(f"has too many decimal places: at most {MAX_MONEY_PLACES} (got {describe(value)})")
    return amount.normalize() if amount != amount.to_integral_value() else Decimal(int(amount))


def parse_count(value: object, *, high: int = MAX_COUNT) -> int:
    """A positive whole count (orders) from a file: an integer, not a float or a boolean."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"must be a whole number (got {describe(value)})")
    if value <= 0:
        raise ValueError(f"must be greater than 0 (got {value})")
    if value > high:
        raise ValueError(f"must be at most {format_count(high)} (got {value})")
    return value


def parse_recorded_count(value: object) -> int:
    """A count recorded for a month (SPEC 5.2): whole, 0 … 10^12; 0 is a real record."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"must be a whole number (got {describe(value)})")
    if not 0 <= value <= MAX_COUNT:
        raise ValueError(f"must be from 0 to {format_count(MAX_COUNT)} (got {value})")
    return value


def parse_weight(value: object) -> Decimal:
    """A month's seasonality weight: a number or a percent string, 0 or more."""
    if isinstance(value, str):
        if not value.strip().endswith("%"):
            raise ValueError(f'a weight written as text needs a percent sign, like "8%" (got {describe(value)})')
        weight = percent_text(value)
    else:
        weight = _as_decimal(value, 'a number like 1.2 or a percentage like "8%"')
    if weight < 0:
        raise ValueError(f"must be 0 or more (got {describe(value)})")
    if weight >= MAX_WEIGHT:
        raise ValueError(f"must be less than {format_count(int(MAX_WEIGHT))} (got {describe(value)})")
    if -weight.normalize().as_tuple().exponent > MAX_WEIGHT_PLACES:  # type: ignore[operator]
        raise ValueError(f"has too many digits: at most {MAX_WEIGHT_PLACES} after the point (got {describe(value)})")
    return weight.normalize() if weight != weight.to_integral_value() else Decimal(int(weight))


def parse_months(value: object) -> int:
    """The number of months a plan spans, 1..120."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"must be a whole number of months (got {describe(value)})")
    if not MIN_MONTHS <= value <= MAX_MONTHS:
        raise ValueError(f"must be from {MIN_MONTHS} to {MAX_MONTHS} (got {value})")
    return value
