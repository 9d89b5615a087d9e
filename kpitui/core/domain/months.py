"""Calendar months (`2026-04`) as values: parsed strictly from plan files, leniently from exports."""

import re
from typing import NamedTuple

# Patterns as text: `re` compiles each on first use (and caches it), not on every command's start-up.
# How analytics and CRM exports and spreadsheets write a month (SPEC 6).
_LENIENT = (
    r"([0-9]{4})\s*[-/.]\s*([0-9]{1,2})(?:\s*[-/.]\s*0?1)?",  # 2026-04, 2026/4, 2026-04-01
    r"([0-9]{4})([0-9]{2})",  # 202604
    r"([0-9]{4})\s*年\s*([0-9]{1,2})\s*月(?:\s*1\s*日)?",  # 2026年4月
)
MIN_YEAR, MAX_YEAR = 1900, 9999


class Month(NamedTuple):
    """One calendar month, written `2026-04`; ordered, and hashed as fast as a tuple.

    `month_of` makes one from numbers that may be wrong; every other way to get one checks it.
    """

    year: int
    month: int

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def plus(self, months: int) -> "Month":
        """The month `months` later (earlier when negative); years wrap."""
        index = self.year * 12 + self.month - 1 + months
        return month_of(index // 12, index % 12 + 1)

    def minus(self, other: "Month") -> int:
        """How many months after `other` this one is."""
        return (self.year - other.year) * 12 + self.month - other.month


def month_of(year: int, month: int) -> Month:
    """The month `year`-`month`; ValueError when there is no such month (or it is out of range)."""
    if not MIN_YEAR <= year <= MAX_YEAR or not 1 <= month <= 12:
        from kpitui.core.text.i18n import tr  # only a mistake needs it

        raise ValueError(tr("there is no month {month}", month=f"{year:04d}-{month:02d}"))
    return Month(year, month)


def _from_match(match: re.Match[str] | None) -> Month | None:
    if match is None:
        return None
    try:
        return month_of(int(match[1]), int(match[2]))
    except ValueError:
        return None


def read_month(text: str) -> Month | None:
    """A month however an export spells it (`2026/4`, `202604`, `2026年4月`, full-width `２０２６／４` …); None
    if it is not one. ValueError for digits of another script (`٢٠٢٦-٠٥`): the one rule of `fold_width`."""
    if not text.isascii():
        from kpitui.core.domain.quantities import fold_width

        text = fold_width(text)
    text = text.strip()
    for pattern in _LENIENT:
        month = _from_match(re.fullmatch(pattern, text))
        if month is not None:
            return month
    return None


def parse_month(value: object, key: str = "") -> Month:
    """A month as a plan file writes it, `"2026-04"`; the error says how to write it right.

    `key` (`start`) lets the hint for a TOML date show the whole line to write instead.
    """
    import datetime

    from kpitui.core.domain.quantities import describe
    from kpitui.core.text.i18n import tr

    if isinstance(value, datetime.date):  # `start = 2026-04-01` is a TOML date, not a month
        written = f'"{value.year:04d}-{value.month:02d}"'
        raise ValueError(
            tr(
                "must be a month in quotes (got {value}); write {line}",
                value=describe(value),
                line=f"{key} = {written}" if key else written,
            )
        )
    if not isinstance(value, str):
        raise ValueError(tr('must be a month written as text like "2026-04" (got {value})', value=describe(value)))
    # "YYYY-MM" checked without a regex, as `(\d{4})-(\d{2})` would: every command reads `start`.
    if len(value) == 7 and value.isascii() and value[4] == "-" and value[:4].isdecimal() and value[5:].isdecimal():
        try:
            return month_of(int(value[:4]), int(value[5:]))
        except ValueError:
            pass
    near = read_month(value)
    if near is not None:
        raise ValueError(
            tr(
                'must be a month written "YYYY-MM", like "2026-04" (got {value}); did you mean "{month}"?',
                value=describe(value),
                month=str(near),
            )
        )
    raise ValueError(tr('must be a month written "YYYY-MM", like "2026-04" (got {value})', value=describe(value)))
