"""Rates, shares, money and counts: parsed exactly from plan files, within the bounds of the format.

Every bound is checked on the number as written (its sign, exponent and digits) before any
arithmetic, so `1e999999999` is refused at once instead of overflowing, rounding or freezing; the
arithmetic that follows runs in the exact context (`kpitui.core.exact`). The `check_*` functions
are shared by plan files and typed input; `parse_*` are the plan file's front ends.

Every parser returns a domain value or raises `ValueError` with a message fit to show a user;
callers add where the value came from (a key path, an editor). Values are quoted one way
everywhere: a number bare as written, text in double quotes, hidden characters as escapes.
"""

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from kpitui.core.exact import EXACT
from kpitui.core.text.formatting import (
    HUNDRED,
    format_count,
    format_decimal,
    format_percent,
)
from kpitui.core.text.i18n import N_, _, tr
from kpitui.core.text.safe_text import visible

MIN_RATE = Decimal("0.000001")  # 0.0001 %: below this the top of the funnel is astronomically large
MAX_RATE_PLACES = 12  # digits after the point of a rate fraction (10 for a percent)
MAX_MONEY = Decimal(10**18)
MAX_MONEY_PLACES = 6
MAX_COUNT = 10**12  # the KGI, given as orders or computed from revenue
MAX_TARGET = 10**18  # any stage's target, and a top-of-funnel count for the forward calculation
MIN_MONTHS, MAX_MONTHS = 1, 120
MAX_WEIGHT = Decimal(10**6)
MAX_WEIGHT_PLACES = 6
PERCENT_SIGNS = ("%", "％")  # the full-width sign too, as a Japanese keyboard types it (SPEC 7)
LONGEST_QUOTE = 40  # characters of a value quoted back in a message; longer ones are summed up
# Thousands separators: one kind, `,` or `_`, between groups of three digits after a first group of
# one to three that does not start with 0 (`1,000`, `12,345,678.5`); anything else (`1,5`, `0,500`,
# `1,0,0,0`) is a decimal comma or a slip, never read as a bigger number. As text: compiled on first use.
_GROUPED = r"[+-]?[1-9][0-9]{0,2}([,_])[0-9]{3}(?:\1[0-9]{3})*(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?"

_TYPE_NAMES = {
    "dict": N_("a table"),
    "list": N_("an array"),
    "date": N_("a date"),
    "datetime": N_("a date-time"),
    "time": N_("a time"),
}


def quoted(text: str) -> str:
    """Text as a message quotes it: `"abc"`, hidden characters as escapes, a long text cut short."""
    if len(text) > LONGEST_QUOTE:
        return tr('"{start}…" ({length} characters)', start=text[:LONGEST_QUOTE], length=format_count(len(text)))
    return '"' + visible(text) + '"'


def number_as_written(text: str) -> str:
    """A number as a message quotes it: bare as written, or its digit count when it is long."""
    if len(text) > LONGEST_QUOTE:
        return tr("a number of {digits} digits", digits=format_count(sum(c.isdigit() for c in text)))
    return visible(text)


def fold_width(text: str, original: str | None = None) -> str:
    """Full-width digits and signs as their ASCII selves, the way NFKC reads them: `４５％` → `45%`, `１，０００` → `1,000`.

    Only the width is folded, not everything NFKC folds: NFKC would also read `10²` as `102`. Digits
    of other scripts (`٣`, `३`, `𝟑`, `²`) are refused (`original` quotes the text in the message):
    Python's own int() and Decimal() would read `٣` as 3, but no one plans in them, and a plan must
    mean the same to every reader. Full-width digits are what a Japanese input method types (SPEC 7).
    """
    if text.isascii():
        return text
    folded = "".join(unicodedata.normalize("NFKC", c) if unicodedata.decomposition(c).startswith("<wide>") else c for c in text)
    if any(c.isdigit() and not c.isascii() for c in folded):
        raise ValueError(
            tr(
                "write digits as 0-9 (or full-width ０-９) (got {value})",
                value=quoted(text.strip()) if original is None else original,
            )
        )
    return folded


def ungrouped(text: str, original: str) -> str:
    """The number in `text` (width folded) without its thousands separators: `1,000.5` → `1000.5`.

    The one grouping rule for every number a person types or a file holds as text (`_GROUPED`);
    any other separator is refused with a message that says how to write it (quoting `original`).
    """
    if "," not in text and "_" not in text:
        return text
    if re.search(r"[^0-9.,_eE+-]", text.strip()):
        return text  # no number at all (`1,500O`): the caller's own message says so, not the separator's
    grouped = re.fullmatch(_GROUPED, text.strip())
    if grouped is None:
        raise ValueError(
            tr(
                "a comma (or _) goes only between groups of three digits, like 1,000 or 12,345,678; "
                "use a point for decimals, like 1.5 (got {value})",
                value=original,
            )
        )
    return text.replace(grouped[1], "")


def describe(value: object) -> str:
    """How a raw value from a file reads in a message: `0`, `"abc"`, `true`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return quoted(value)
    if isinstance(value, Decimal):
        written = getattr(value, "written", None)  # a file's number, quoted as the file has it: `1e999999`, `1_0.5`
        return number_as_written(written or str(value).lower())  # `20.0` stays `20.0`, `1e-999999` stays short
    if isinstance(value, int):
        return number_as_written(str(value))  # a file's integers have at most 4300 digits (tomllib)
    name = type(value).__name__
    return _(_TYPE_NAMES[name]) if name in _TYPE_NAMES else tr("a {type}", type=name)


def out_of_range(original: str) -> str:
    """The message for a number no bound comes close to."""
    return tr("out of range: the exponent is past any bound (got {value})", value=original)


class NumberOutOfRange(ValueError):
    """A number whose exponent is past what any Decimal holds (about ±10^18): no bound comes close."""

    def __init__(self, written: str) -> None:
        super().__init__(out_of_range(number_as_written(written)))
        self.written = written


def read_number(text: str) -> Decimal:
    """The number written in `text`, exactly (no context applies); InvalidOperation when it is none."""
    try:
        return Decimal(text)
    except InvalidOperation:
        mantissa, e, exponent = text.strip().lower().rpartition("e")
        if e and exponent.lstrip("+-").isdecimal() and Decimal(mantissa).is_finite():  # InvalidOperation: no number
            raise NumberOutOfRange(text.strip()) from None
        raise


class WrittenNumber(Decimal):
    """A number read from a plan file that keeps its text, so that a message quotes it as written
    (Decimal's own text would say `1E+999999` for `1e999999`, and drop the `_` of `1_000.5`).
    Arithmetic on it gives a plain Decimal; a plan never holds one."""

    __slots__ = ("written",)
    written: str


def read_written_number(text: str) -> Decimal:
    """`read_number` for tomllib's `parse_float`: the number, knowing how it was written."""
    try:
        number = WrittenNumber(text)
    except InvalidOperation:
        read_number(text)  # NumberOutOfRange when it is one, as for any number
        raise
    number.written = text
    return number


def decimal_places(number: Decimal) -> int:
    """Digits after the point once trailing zeros are dropped, read from the digits: no arithmetic."""
    _, digits, exponent = number.as_tuple()
    trailing = 0
    for digit in reversed(digits):
        if digit:
            break
        trailing += 1
    return max(0, -(int(exponent) + trailing))


def _as_decimal(value: object, what: str) -> Decimal:
    """A file number as an exact Decimal; strings, booleans and other types are refused."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise ValueError(tr("must be {what} (got {value})", what=what, value=describe(value)))
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError(tr("must be a finite number (got {value})", value=describe(value)))
    return number


def percent_number(text: str, original: str, as_number: str | None = None) -> Decimal:
    """The number of a percentage as written: `"12.5%"`, `"12.5 %"` or `12.5` give 12.5.

    Messages quote `original`, or `as_number` once the text did read as a number.
    """
    body = fold_width(text, original).strip()
    body = body[:-1].rstrip() if body.endswith(PERCENT_SIGNS) else body  # one sign: `10%%` is no number
    try:
        number = read_number(ungrouped(body, original))
    except NumberOutOfRange:
        raise ValueError(out_of_range(as_number or original)) from None
    except InvalidOperation:
        raise ValueError(tr('must be a number or a percentage like "10%" (got {value})', value=original)) from None
    if not number.is_finite():
        raise ValueError(tr("must be a finite number (got {value})", value=original))
    return number


def check_fraction(number: Decimal, original: str, *, low: Decimal, percent: bool = False) -> Decimal:
    """A rate or share within its bounds, as a fraction; `number` is in percent when `percent`."""
    whole = HUNDRED if percent else Decimal(1)
    if number <= 0:
        raise ValueError(tr("must be greater than 0% (got {value})", value=original))
    if number > whole:
        raise ValueError(tr("must be at most 100% (got {value})", value=original))
    if number < (low.scaleb(2, EXACT) if percent else low):
        raise ValueError(tr("must be at least {low} (got {value})", low=format_percent(low), value=original))
    if decimal_places(number) + (2 if percent else 0) > MAX_RATE_PLACES:
        raise ValueError(
            tr(
                "has too many digits: at most {places} after the point of a percentage (got {value})",
                places=MAX_RATE_PLACES - 2,
                value=original,
            )
        )
    return (number.scaleb(-2, EXACT) if percent else number).normalize(EXACT)


def parse_fraction(value: object, *, low: Decimal = MIN_RATE) -> Decimal:
    """A rate or share from a file: a number as a fraction (`0.1`) or a percent string (`"10%"`)."""
    original = describe(value)
    if isinstance(value, str):
        if not value.strip().endswith(PERCENT_SIGNS):
            raise ValueError(tr('a rate written as text needs a percent sign, like "10%" (got {value})', value=original))
        return check_fraction(percent_number(value, original), original, low=low, percent=True)
    fraction = _as_decimal(value, _('a number like 0.1 or a percentage like "10%"'))
    try:
        return check_fraction(fraction, original, low=low)
    except ValueError as error:
        if 1 < fraction <= HUNDRED and decimal_places(fraction) <= MAX_RATE_PLACES - 2:
            raise ValueError(
                tr('{problem}; did you mean "{percent}%"?', problem=str(error), percent=format_decimal(fraction))
            ) from None
        raise


def check_rate(value: object, *, low: Decimal = MIN_RATE) -> Decimal:
    """A rate or share a plan holds: an exact fraction (Decimal or int, never a float) within the format's bounds."""
    fraction = _as_decimal(value, _("an exact fraction like Decimal('0.1')"))
    try:
        return check_fraction(fraction, "", low=low)
    except ValueError:
        pass  # say it again, with the value shown as a percentage (worked out only now: plans hold thousands of rates)
    bounded = -30 < fraction.adjusted() < 30 and decimal_places(fraction) <= 40  # as a percentage, exactly
    return check_fraction(fraction, format_percent(fraction) if bounded else describe(fraction), low=low)


def check_money(amount: Decimal, original: str) -> Decimal:
    """A positive amount of money within the bounds: below 10^18, at most 6 decimal places."""
    if amount <= 0:
        raise ValueError(tr("must be greater than 0 (got {value})", value=original))
    if amount >= MAX_MONEY:
        raise ValueError(tr("must be less than {bound} (got {value})", bound=format_count(int(MAX_MONEY)), value=original))
    places = decimal_places(amount)
    if places > MAX_MONEY_PLACES:
        raise ValueError(
            tr("has too many decimal places: at most {places} (got {value})", places=MAX_MONEY_PLACES, value=original)
        )
    return amount.normalize(EXACT) if places else Decimal(int(amount))


def parse_money(value: object) -> Decimal:
    """A positive amount of money from a file (integer or decimal)."""
    return check_money(_as_decimal(value, _("a number")), describe(value))


def check_count(number: int | Decimal, original: str, *, high: int = MAX_COUNT) -> int:
    """A whole count from 1 to `high`; a Decimal is compared before it becomes an int."""
    if number <= 0:
        raise ValueError(tr("must be greater than 0 (got {value})", value=original))
    if number > high:
        raise ValueError(tr("must be at most {bound} (got {value})", bound=format_count(high), value=original))
    return int(number)


def _whole_decimal(value: object) -> bool:
    """True for a file number with no fraction written as a decimal (`1e13`, `20.0`): its bound is said first."""
    return isinstance(value, Decimal) and value.is_finite() and not decimal_places(value)


def _written_as_integer(value: Decimal) -> ValueError:
    """The error for a whole number within its bounds that is written with a point or an exponent."""
    return ValueError(
        tr(
            "must be written as a whole number, without a point or an exponent, like {example} (got {value})",
            example=int(value),
            value=describe(value),
        )
    )


def parse_count(value: object, *, high: int = MAX_COUNT) -> int:
    """A positive whole count (orders) from a file: an integer, not a float or a boolean."""
    if _whole_decimal(value):
        check_count(value, describe(value), high=high)  # type: ignore[arg-type]
        raise _written_as_integer(value)  # type: ignore[arg-type]
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(tr("must be a whole number (got {value})", value=describe(value)))
    return check_count(value, describe(value), high=high)


def check_months(number: int | Decimal, original: str) -> int:
    """The number of months a plan spans, 1..120; a Decimal is compared before it becomes an int."""
    if not MIN_MONTHS <= number <= MAX_MONTHS:
        raise ValueError(tr("must be from {low} to {high} (got {value})", low=MIN_MONTHS, high=MAX_MONTHS, value=original))
    return int(number)


def parse_recorded_count(value: object) -> int:
    """A count recorded for a month (SPEC 5.2): whole, 0 … 10^12; 0 is a real record."""
    whole = _whole_decimal(value)
    if not whole and (isinstance(value, bool) or not isinstance(value, int)):
        raise ValueError(tr("must be a whole number (got {value})", value=describe(value)))
    if not 0 <= value <= MAX_COUNT:  # type: ignore[operator]
        raise ValueError(tr("must be from 0 to {high} (got {value})", high=format_count(MAX_COUNT), value=describe(value)))
    if whole:
        raise _written_as_integer(value)  # type: ignore[arg-type]
    return value  # type: ignore[return-value]


def check_weight(number: Decimal, original: str, *, percent: bool = False) -> Decimal:
    """A month's seasonality weight within its bounds; `number` is in percent when `percent`."""
    if number < 0:
        raise ValueError(tr("must be 0 or more (got {value})", value=original))
    if number >= (MAX_WEIGHT.scaleb(2, EXACT) if percent else MAX_WEIGHT):
        raise ValueError(tr("must be less than {bound} (got {value})", bound=format_count(int(MAX_WEIGHT)), value=original))
    if decimal_places(number) + (2 if percent else 0) > MAX_WEIGHT_PLACES:
        raise ValueError(
            tr("has too many digits: at most {places} after the point (got {value})", places=MAX_WEIGHT_PLACES, value=original)
        )
    weight = number.scaleb(-2, EXACT) if percent else number
    return weight.normalize(EXACT) if decimal_places(weight) else Decimal(int(weight))


def parse_weight(value: object) -> Decimal:
    """A month's seasonality weight: a number or a percent string, 0 or more."""
    original = describe(value)
    if isinstance(value, str):
        if not value.strip().endswith(PERCENT_SIGNS):
            raise ValueError(tr('a weight written as text needs a percent sign, like "8%" (got {value})', value=original))
        return check_weight(percent_number(value, original), original, percent=True)
    return check_weight(_as_decimal(value, _('a number like 1.2 or a percentage like "8%"')), original)


def parse_months(value: object) -> int:
    """The number of months a plan spans, from a file."""
    if _whole_decimal(value):
        check_months(value, describe(value))  # type: ignore[arg-type]
        raise _written_as_integer(value)  # type: ignore[arg-type]
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(tr("must be a whole number of months (got {value})", value=describe(value)))
    return check_months(value, describe(value))
