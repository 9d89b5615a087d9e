"""Sharing a table's width among its text columns, for the terminal table and the app alike.

Figures are never cut: callers give number columns their full width and pass what is left here.
"""

# A text column cut below this many cells shows no more than an ellipsis.
NARROWEST = 4


def fit_widths(natural: list[int], budget: int, *, least: int = 12) -> list[int]:
    """Widths for the text columns (name first) that fit `budget` cells.

    The name claims first, up to three fifths of the budget, leaving each other column up to
    `least`; what is left over goes to the other columns left to right, then back to the name.
    When even that does not fit, the widest column gives way a cell at a time, down to
    `NARROWEST` cells (or its natural width) each.
    """
    if sum(natural) <= budget:
        return natural
    others = [min(width, least) for width in natural[1:]]
    name = max(8, min(natural[0], budget - sum(others), budget * 3 // 5))
    spare = budget - name - sum(others)
    for index, width in enumerate(natural[1:]):
        extra = max(0, min(width - others[index], spare))
        others[index] += extra
        spare -= extra
    widths = [min(natural[0], name + max(0, spare)), *others]
    floors = [min(width, NARROWEST) for width in natural]
    while sum(widths) > budget:
        widest = max(range(len(widths)), key=lambda index: widths[index] - floors[index])
        if widths[widest] <= floors[widest]:
            break
        widths[widest] -= 1
    return widths
