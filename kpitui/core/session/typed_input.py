"""What a person types into an editor: rates in percent, numbers with separators, goal figures.

Every parser returns a domain value or raises `ValueError` with a message fit to show in the editor.
Every parser first folds what a Japanese keyboard types (`normalise_typed`), and numbers may be
written with 万/億/兆 (`1,000万`, `12億3,456万7,890`), in either interface language (SPEC 7).
"""

import unicodedata
from decimal import Decimal, InvalidOperation

from kpitui.core.domain.quantities import (
    MIN_RATE,
    check_fraction,
    parse_count,
    parse_money,
    percent_text,
)
from kpitui.core.text.formatting import HUNDRED, format_decimal
from kpitui.core.text.myriads import has_myriads, parse_myriads


def normalise_typed(text: str) -> str:
    """Full-width digits and signs as their ASCII selves, the way NFKC reads them: `４５％` → `45%`, `１，０００` → `1,000`.

    Only the width is folded, not everything NFKC folds: NFKC would also read `10²` as `102`.
    """
    if text.isascii():
        return text
    return "".join(unicodedata.normalize("NFKC", c) if unicodedata.decomposition(c).startswith("<wide>") else c for c in text)


def parse_percent_input(text: str, *, low: Decimal = MIN_RATE) -> Decimal:
    """A rate typed by a person, always in percent: `25`, `25%`, `2.5`, `2.5 %`, `４５％` → fraction."""
    text = normalise_typed(text)
    if not text.strip().removesuffix("%").strip():
        raise ValueError("type a percentage, like 25 or 2.5%")
    return check_fraction(percent_text(text), text.strip(), low=low)


def parse_typed_number(text: str) -> Decimal:
    """A number typed by a person, thousands separators allowed: `1,000,000`, `1_000_000`, `１，０００`, `100万`."""
    typed = normalise_typed(text)
    if has_myriads(typed):
        return parse_myriads(typed)
    cleaned = typed.strip().replace(",", "").replace("_", "")
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


def parse_typed_money(text: str) -> Decimal:
    """An amount of money typed by a person: `1,000,000`, `1000万円`, `12億3,456万7,890円`, `￥1,000`."""
    amount = normalise_typed(text).strip().removeprefix("¥").removesuffix("円")
    return parse_money(parse_typed_number(amount))


def typed_goal_text(field: str, figure: Decimal | int) -> str:
    """A goal figure as a person types it back: the channel share in percent, the others plain."""
    return format_decimal(Decimal(figure) * HUNDRED if field == "channel_share" else Decimal(figure))


# How a person types each goal field: money with separators, a share in percent, orders whole.
TYPED_GOAL_PARSERS = {
    "revenue": parse_typed_money,
    "average_deal": parse_typed_money,
    "channel_share": lambda text: parse_percent_input(text, low=Decimal(0)),
    "orders": lambda text: parse_count(parse_typed_whole(text)),
}
