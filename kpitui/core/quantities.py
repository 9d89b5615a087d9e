"""Rates, shares, money and counts: parsed exactly from files and typed input, formatted for people.

Every parser returns a domain value or raises `ValueError` with a message fit to show a user;
callers add where the value came from (a key path, an editor).
"""

import math
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from kpitui.core.safe_text import visible

HUNDRED = Decimal(100)
MIN_RATE = Decimal("0.000001")  # 0.0001 %: below this the top of the funnel is astronomically large
MAX_RATE_PLACES = 12  # digits after the point of a rate fraction (10 for a percent)
MAX_MONEY = Decimal(10) ** 18
MAX_MONEY_PLACES = 6
MAX_COUNT = 10**12
MIN_MONTHS, MAX_MONTHS = 1, 120


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


def format_decimal(value: Decimal) -> str:
    """A decimal in plain positional notation without trailing zeros: `0.1`, `12.5`, `1000`."""
    if not value.is_finite():
        return str(value).lower()
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _as_decimal(value: object, what: str) -> Decimal:
    """A file number as an exact Decimal; strings, booleans and other types are refused."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise ValueError(f"must be {what} (got {describe(value)})")
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError(f"must be a finite number (got {describe(value)})")
    return number


def _percent_text(text: str) -> Decimal:
    """`"12.5%"` or `"12.5 %"` as the fraction 0.125, exactly."""
    body = text.strip().removesuffix("%").strip()
    try:
        number = Decimal(body)
    except InvalidOperation:
        raise ValueError(f'must be a number or a percentage like "10%" (got {describe(body)})') from None
    if not number.is_finite():
        raise ValueError(f"must be a finite number (got {format_decimal(number)})")
    return number.scaleb(-2)


def _check_fraction(fraction: Decimal, original: str, *, low: Decimal) -> Decimal:
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
        return _check_fraction(_percent_text(value), describe(value), low=low)
    fraction = _as_decimal(value, 'a number like 0.1 or a percentage like "10%"')
    try:
        return _check_fraction(fraction, describe(value), low=low)
    except ValueError as error:
        if 1 < fraction <= HUNDRED:
            raise ValueError(f'{error}; did you mean "{format_decimal(fraction)}%"?') from None
        raise


def parse_percent_input(text: str, *, low: Decimal = MIN_RATE) -> Decimal:
    """A rate typed by a person, always in percent: `25`, `25%`, `2.5`, `2.5 %` → fraction."""
    if not text.strip().removesuffix("%").strip():
        raise ValueError("type a percentage, like 25 or 2.5%")
    return _check_fraction(_percent_text(text), text.strip(), low=low)


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


def parse_months(value: object) -> int:
    """The number of months a plan spans, 1..120."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"must be a whole number of months (got {describe(value)})")
    if not MIN_MONTHS <= value <= MAX_MONTHS:
        raise ValueError(f"must be from {MIN_MONTHS} to {MAX_MONTHS} (got {value})")
    return value


def parse_typed_number(text: str) -> Decimal:
    """A number typed by a person, thousands separators allowed: `1,000,000` or `1_000_000`."""
    cleaned = text.strip().replace(",", "").replace("_", "")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"type a number (got {text.strip()!r})") from None
    if not number.is_finite():
        raise ValueError(f"type a finite number (got {text.strip()!r})")
    return number


def parse_typed_whole(text: str) -> int:
    """A whole number typed by a person: `1,600` yes, `2.5` no."""
    number = parse_typed_number(text)
    if number != number.to_integral_value():
        raise ValueError(f"type a whole number (got {text.strip()!r})")
    return int(number)


def format_percent(fraction: Decimal) -> str:
    """A fraction as a percent without trailing zeros: 0.1 → `10%`, 0.125 → `12.5%`."""
    return format_decimal(fraction * HUNDRED) + "%"


def format_count(count: int) -> str:
    """A whole count with thousands separators: `1,600`."""
    return f"{count:,}"


def format_money(amount: Decimal, currency: str = "") -> str:
    """Money with thousands separators and the plan's currency: `1,000,000,000 JPY`."""
    text = f"{amount:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text} {currency}".rstrip()


def format_rounded_percent(percent: Fraction) -> str:
    """A percentage as people round it: whole from 10 %, one decimal below, half up; `<0.1%` for crumbs."""
    size = abs(percent)
    if size and size < Fraction(1, 20):
        return ("-" if percent < 0 else "") + "<0.1%"
    places = 0 if size >= 10 else 1
    rounded = math.floor(size * 10**places + Fraction(1, 2))
    return ("-" if percent < 0 and rounded else "") + format_decimal(Decimal(rounded).scaleb(-places)) + "%"


def format_share(part: int, whole: int) -> str:
    """`part` as a percent of `whole`."""
    return format_rounded_percent(Fraction(part * 100, whole) if whole else Fraction(0))


def format_needed_rate(rate: Fraction) -> str:
    """A required rate, rounded up to 0.01 % so that the rate shown does reach the goal."""
    if rate > 1:
        return "over 100%"
    hundredths = math.ceil(rate * 10_000)
    return format_decimal(Decimal(hundredths).scaleb(-2)) + "%"


def typed_goal_text(field: str, figure: Decimal | int) -> str:
    """A goal figure as a person types it back: the channel share in percent, the others plain."""
    return format_decimal(Decimal(figure) * HUNDRED if field == "channel_share" else Decimal(figure))


# How a person types each goal field: money with separators, a share in percent, orders whole.
TYPED_GOAL_PARSERS = {
    "revenue": lambda text: parse_money(parse_typed_number(text)),
    "average_deal": lambda text: parse_money(parse_typed_number(text)),
    "channel_share": lambda text: parse_percent_input(text, low=Decimal(0)),
    "orders": lambda text: parse_count(parse_typed_whole(text)),
}
