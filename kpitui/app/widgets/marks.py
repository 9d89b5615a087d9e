"""The signs the app draws with, in forms one cell wide in every terminal under Japanese.

East Asian terminals draw the characters of ambiguous width (◆ █ │ ┃ —) two cells wide, which
breaks every column after them; Japanese readers use such terminals, so in Japanese the app draws
with characters of one width everywhere, and a bar is a run of coloured spaces.
"""

from rich.color import Color
from rich.style import Style

from kpitui.core.text.i18n import language


def one_width() -> bool:
    """Whether the signs must avoid characters of ambiguous width (the interface is Japanese)."""
    return language() == "ja"


def kgi_mark() -> str:
    """What marks the KGI stage in front of its name."""
    return "♦ " if one_width() else "◆ "


def no_value() -> str:
    """What stands in a cell with no figure."""
    return "-" if one_width() else "—"


def state_sign(state: str) -> str:
    """The sign in front of a review state or progress status, so it reads without colour."""
    signs = {"ok": "✓", "on_track": "✓", "concern": "✗", "behind": "✗", "at_risk": "!", "todo": "·", "no_data": "·"}
    return "-" if one_width() and signs[state] == "·" else signs[state]


def not_recorded() -> str:
    """What a month cell shows before its count is recorded."""
    return "-" if one_width() else "·"


def on_pace_marks() -> tuple[str, str]:
    """The sign of on pace in a progress bar: at it, and passed (the bar runs through it)."""
    return ("|", "|") if one_width() else ("│", "┃")


def solid(length: int, colour: Color | str | None) -> tuple[str, Style]:
    """A bar of `length` cells in `colour`: full blocks, or under Japanese coloured spaces."""
    if isinstance(colour, str):
        colour = Color.parse(colour)
    if one_width():
        return " " * length, Style(bgcolor=colour)
    return "█" * length, Style(color=colour)


def bottleneck_mark() -> str:
    """What marks the bottleneck's rate seen where the word does not fit: it falls below its plan."""
    return "▾"
