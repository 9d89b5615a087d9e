"""The one decimal context for arithmetic on plan figures: exact, or an exception, never rounded.

Python's default context rounds silently to 28 digits. Every figure kpitui accepts is bounded in
magnitude and digits before any arithmetic (see `kpitui.core.domain.quantities`), so results fit
this context's precision; were one not to, the trap raises instead of rounding.
"""

from decimal import (
    Context,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
    Underflow,
)

EXACT = Context(prec=100, Emin=-999_999, Emax=999_999, traps=[InvalidOperation, DivisionByZero, Overflow, Underflow, Inexact])
