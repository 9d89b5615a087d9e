"""Large numbers the Japanese way, in myriads: 万 (10⁴), 億 (10⁸), 兆 (10¹²), exact both ways (SPEC 7)."""

import re
from decimal import Decimal, Inexact, localcontext

from kpitui.core.text.i18n import tr

UNITS = (("兆", 10**12), ("億", 10**8), ("万", 10**4))
MYRIAD = 10**4
_NUMBER = r"(?:[0-9][0-9,_]*(?:\.[0-9]+)?|\.[0-9]+)"
# Compiled on first use (re caches it): formatting, which every command needs, never pays for it.
_WRITTEN = rf"([+-]?)(?:({_NUMBER})兆)?(?:({_NUMBER})億)?(?:({_NUMBER})万)?({_NUMBER})?"


def has_myriads(text: str) -> bool:
    """True when `text` is written with 万, 億 or 兆."""
    return any(unit in text for unit, _ in UNITS)


def format_myriads(number: Decimal | int) -> str:
    """`1234567890` → `12億3,456万7,890`, `1000000000` → `10億`; decimals kept as they are: `1万0.5`."""
    whole_text, _, fraction = f"{Decimal(number).copy_abs():f}".partition(".")  # copy_abs: exact, no context
    fraction = fraction.rstrip("0")
    whole, parts = int(whole_text), []
    for unit, size in UNITS:
        count, whole = divmod(whole, size)
        if count:
            parts.append(f"{count:,}{unit}")
    if whole or fraction or not parts:
        parts.append(f"{whole:,}" + (f".{fraction}" if fraction else ""))
    return ("-" if number < 0 else "") + "".join(parts)


def parse_myriads(text: str) -> Decimal:
    """A number written with 万/億/兆 and thousands separators: `12億3,456万7,890`, `1.5億`, `1,000万`, exactly.

    Below the first unit, each part must be under 10,000, as it is when the number is written out:
    `1億20000万` is refused rather than guessed at.
    """
    typed = text.strip()
    written = re.fullmatch(_WRITTEN, typed)
    if written is None or not any(written.groups()[1:]):
        raise ValueError(tr('type a number like 1,000万 or 12億3,456万 (got "{typed}")', typed=typed))
    from kpitui.core.domain.quantities import quoted, ungrouped  # the one grouping rule: `1,000万` yes, `1,0万` no

    sign, *groups = written.groups()
    sizes = [size for _, size in UNITS] + [1]
    parts = [(Decimal(ungrouped(group, quoted(typed))), size) for group, size in zip(groups, sizes, strict=True) if group]
    if any(count >= MYRIAD for count, _ in parts[1:]):
        raise ValueError(
            tr('each part after the first unit must be below 10,000, like 12億3,456万7,890 (got "{typed}")', typed=typed)
        )
    with localcontext() as exact:
        exact.prec, exact.traps[Inexact] = len(text) + 20, True  # enough digits for any sum of these parts
        total = sum((count * size for count, size in parts), Decimal(0))
    return total.copy_negate() if sign == "-" else total
