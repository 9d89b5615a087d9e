"""Numbers, money and percentages as people read them, for the app and the commands alike."""

import math
from decimal import Decimal
from fractions import Fraction

from kpitui.core.exact import EXACT
from kpitui.core.text import i18n

HUNDRED = Decimal(100)
YEN = ("JPY", "円")  # currencies written 円, right after the number, in Japanese


def format_decimal(value: Decimal) -> str:
    """A decimal in plain positional notation without trailing zeros: `0.1`, `12.5`, `1000`."""
    if not value.is_finite():
        return str(value).lower()
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def format_percent(fraction: Decimal) -> str:
    """A fraction as a percent without trailing zeros: 0.1 → `10%`, 0.125 → `12.5%`."""
    return format_decimal(fraction.scaleb(2, EXACT)) + "%"


def format_count(count: int) -> str:
    """A whole count with thousands separators: `1,600`."""
    return f"{count:,}"


def format_money(amount: Decimal, currency: str = "", *, language: str | None = None) -> str:
    """Money as people read it, exactly: `1,000,000,000 JPY`; in Japanese `10億円`, `150万 USD` (SPEC 7).

    `language` defaults to the interface language; pass it to format for a given reader.
    """
    if (language or i18n.language()) == "ja":
        from kpitui.core.text.myriads import format_myriads  # Japanese only

        text = format_myriads(amount)
        return text + "円" if currency.strip().upper() in YEN else f"{text} {currency}".rstrip()
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
    return ("-" if percent < 0 and rounded else "") + format_decimal(Decimal(rounded).scaleb(-places, EXACT)) + "%"


def format_share(part: int, whole: int) -> str:
    """`part` as a percent of `whole`."""
    return format_rounded_percent(Fraction(part * 100, whole) if whole else Fraction(0))


def format_needed_rate(rate: Fraction) -> str:
    """A required rate, rounded up to 0.01 % so that the rate shown does reach the goal."""
    if rate > 1:
        return i18n._("over 100%")  # no rate can reach the goal
    hundredths = math.ceil(rate * 10_000)
    return format_decimal(Decimal(hundredths).scaleb(-2, EXACT)) + "%"


def format_observed_rate(rate: Fraction) -> str:
    """An observed rate as people read it: percent with one decimal, half-even, exactly: 33/408 → `8.1%`."""
    return format_decimal(Decimal(round(rate * 1000)).scaleb(-1, EXACT)) + "%"
