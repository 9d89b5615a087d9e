"""Sharing a table's width among its text columns, for the terminal table and the app alike."""


def fit_widths(natural: list[int], budget: int, *, least: int = 12) -> list[int]:
    """Widths for the text columns (name first) that fit `budget` cells.

    The name claims first, up to three fifths of the budget, leaving each other column up to
    `least`; what is left over goes to the other columns left to right, then back to the name.
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
    return [name + max(0, min(natural[0] - name, spare)), *others]
