"""What a person types into an editor: rates in percent, numbers with separators, goal figures.

Every parser returns a domain value or raises `ValueError` with a message fit to show in the
editor. Every parser first folds what a Japanese keyboard types (`fold_width`: digits of other scripts are refused), and numbers
may be written with 万/億/兆 (`1,000万`, `12億3,456万7,890`), in either interface language (SPEC 7).
The bounds are those of plan files (`kpitui.core.domain.quantities`), checked on the number as
typed before any arithmetic: `1e9999999` is refused at once, never expanded.
"""

from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from kpitui.core.domain.quantities import (
    MAX_COUNT,
    MAX_TARGET,
    MIN_RATE,
    NumberOutOfRange,
    check_count,
    check_fraction,
    check_money,
    check_months,
    decimal_places,
    fold_width,
    number_as_written,
    out_of_range,
    parse_recorded_count,
    percent_number,
    quoted,
    read_number,
    ungrouped,
)
from kpitui.core.exact import EXACT
from kpitui.core.text.formatting import format_count, format_decimal
from kpitui.core.text.i18n import _, tr
from kpitui.core.text.myriads import has_myriads, parse_myriads


def parse_percent_input(text: str, *, low: Decimal = MIN_RATE) -> Decimal:
    """A rate typed by a person, always in percent: `25`, `25%`, `2.5`, `2.5 %`, `４５％` → fraction."""
    text = fold_width(text)
    if not text.strip().removesuffix("%").strip():
        raise ValueError(_("type a percentage, like 25 or 2.5%"))
    as_number = number_as_written(text.strip())
    number = percent_number(text, quoted(text.strip()), as_number)
    return check_fraction(number, as_number, low=low, percent=True)


def parse_typed_number(text: str) -> Decimal:
    """A number typed by a person, thousands separators allowed: `1,000,000`, `1_000_000`, `１，０００`, `100万`.

    A separator groups three digits (`ungrouped`): `1,5` is refused, never read as 15.
    """
    typed = fold_width(text)
    if has_myriads(typed):
        return parse_myriads(typed)
    try:
        number = read_number(ungrouped(typed.strip(), quoted(text.strip())))
    except NumberOutOfRange:
        raise ValueError(out_of_range(number_as_written(text.strip()))) from None
    except InvalidOperation:
        raise ValueError(tr("type a number (got {value})", value=quoted(text.strip()))) from None
    if not number.is_finite():
        raise ValueError(tr("type a finite number (got {value})", value=quoted(text.strip())))
    return number


def _typed_whole(text: str) -> tuple[Decimal, str]:
    """A whole number as typed, and how a message quotes it; it stays a Decimal until it is bounded."""
    number = parse_typed_number(text)
    original = number_as_written(text.strip())
    if decimal_places(number):
        raise ValueError(tr("type a whole number (got {value})", value=original))
    return number, original


def parse_typed_whole(text: str, *, high: int = MAX_COUNT) -> int:
    """A whole count typed by a person, from 1 to `high`: `1,600` yes, `2.5` no."""
    number, original = _typed_whole(text)
    return check_count(number, original, high=high)


def parse_typed_top(text: str) -> int:
    """A top-of-funnel count for the forward calculation: at most the largest target."""
    return parse_typed_whole(text, high=MAX_TARGET)


def parse_typed_months(text: str) -> int:
    """The number of months a plan spans, typed: 1 to 120."""
    return check_months(*_typed_whole(text))


def parse_typed_count(text: str) -> int:
    """An actual count typed by a person: whole, 0 … 10^12 (0 is a real record); `1,510`, `１５１０` and `1万` work."""
    number, original = _typed_whole(text)
    if not 0 <= number <= MAX_COUNT:
        raise ValueError(tr("must be from 0 to {high} (got {value})", high=format_count(MAX_COUNT), value=original))
    return parse_recorded_count(int(number))


def parse_typed_money(text: str) -> Decimal:
    """An amount of money typed by a person: `1,000,000`, `1000万円`, `12億3,456万7,890円`, `￥1,000`."""
    amount = text.strip().removeprefix("¥").removeprefix("￥").removesuffix("円")  # unfolded: refusals quote what was typed
    return check_money(parse_typed_number(amount), number_as_written(text.strip()))


def typed_goal_text(field: str, figure: Decimal | int) -> str:
    """A goal figure as a person types it back: the channel share in percent, the others plain."""
    return format_decimal(Decimal(figure).scaleb(2, EXACT) if field == "channel_share" else Decimal(figure))


# How a person types each goal field: money with separators, a share in percent, orders whole.
TYPED_GOAL_PARSERS: dict[str, Callable[[str], Decimal | int]] = {
    "revenue": parse_typed_money,
    "average_deal": parse_typed_money,
    "channel_share": lambda text: parse_percent_input(text, low=Decimal(0)),
    "orders": parse_typed_whole,
}
