"""Whole counts from long products of rates, exactly and in time linear in the number of stages.

A product of thousands of rates is a fraction of tens of thousands of digits: working with it as
a `Fraction` made a 10,000-stage funnel take seconds. Every figure the funnel needs is a whole
count (a ceiling or a floor), so each is read from a narrow interval around the true value, kept
as two fixed-point integers rounded outwards at every step; only when the interval straddles a
whole number (the value is, or is extremely close to, one) is the exact fraction worked out.
Either way the answer is the exact one.
"""

import math
from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction

Rate = Decimal | Fraction
Ratio = tuple[int, int]  # a rate as numerator and denominator
Bounds = tuple[int, int]  # the value × 2^bits, rounded down and up
GUARD_DIGITS = 40  # beyond the integer part: room for the rounding of thousands of steps


class Interval:
    """Fixed-point arithmetic on positive values, the low end rounded down and the high end up."""

    def __init__(self, ratios: Sequence[Ratio], *counts: int) -> None:
        # Dividing by the rates magnifies each step's rounding as much as it magnifies the value:
        # as many digits after the point as the largest value has before it, plus a guard.
        # (A float logarithm only sizes that: no figure is a float.)
        digits = sum(len(str(count)) for count in counts)
        digits += math.ceil(sum(max(0.0, math.log10(bottom) - math.log10(top)) for top, bottom in ratios) * 1.01)
        self.bits = math.ceil((digits + len(str(len(ratios))) + GUARD_DIGITS) * math.log2(10))  # the scale, 2^bits

    def exactly(self, count: int) -> Bounds:
        return count << self.bits, count << self.bits

    def times(self, bounds: Bounds, ratio: Ratio) -> Bounds:
        """`bounds` × the rate `ratio`."""
        top, bottom = ratio
        return bounds[0] * top // bottom, -(-bounds[1] * top // bottom)

    def over(self, bounds: Bounds, ratio: Ratio) -> Bounds:
        """`bounds` ÷ the rate `ratio`."""
        top, bottom = ratio
        return bounds[0] * bottom // top, -(-bounds[1] * bottom // top)

    def ceil(self, bounds: Bounds, exact: Callable[..., Fraction]) -> int:
        """The ceiling of a value known to lie in `bounds`; `exact()` settles a straddle."""
        low, high = -(-bounds[0] >> self.bits), -(-bounds[1] >> self.bits)
        return low if low == high else math.ceil(exact())

    def floor(self, bounds: Bounds, exact: Callable[..., Fraction]) -> int:
        """The floor of a value known to lie in `bounds`; `exact()` settles a straddle."""
        low, high = bounds[0] >> self.bits, bounds[1] >> self.bits
        return low if low == high else math.floor(exact())


def ratios(rates: Sequence[Rate]) -> list[Ratio]:
    """Each rate as (numerator, denominator)."""
    return [rate.as_integer_ratio() for rate in rates]


def product(ratios: Sequence[Ratio]) -> Fraction:
    """The exact product of the rates `ratios` (one reduction at the end, not one a factor)."""
    numerator, denominator = 1, 1
    for top, bottom in ratios:
        numerator *= top
        denominator *= bottom
    return Fraction(numerator, denominator)
