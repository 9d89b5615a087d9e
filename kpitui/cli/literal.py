"""Human output (Rich tables, Markdown) in which every plan string is shown literally.

Plan files are shared, so their text must never be read as Rich markup or `:emoji:` codes, never
become Markdown syntax, and never send a control sequence to the terminal.
"""

import sys

from kpitui.core.text.columns import fit_widths
from kpitui.core.text.safe_text import visible

MARKDOWN_SPECIAL = "\\`*_[]<>|~"  # what Markdown reads as syntax inside a line or a table cell


def markdown(text: str) -> str:
    """Text that a Markdown renderer shows exactly as written."""
    return "".join("\\" + c if c in MARKDOWN_SPECIAL else c for c in visible(text))


def render_lines(lines: list[str]) -> str:
    """Lines for the terminal, every plan string in them made visible."""
    return "".join(visible(line) + "\n" for line in lines)


def render_table(heading: str, notes: list[str], headers: list[str], rows: list[list[str]], *, numeric_from: int) -> str:
    """A heading, note lines, then a Rich table that fits the terminal, rendered to a string."""
    # Imported here so that the csv and json formats never pay for loading Rich.
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=sys.stdout, markup=False, emoji=False, highlight=False)
    cells = [[Text(visible(cell)) for cell in row] for row in rows]
    natural = [
        max([Text(header).cell_len] + [cell.cell_len for cell in column])
        for header, column in zip(headers, zip(*cells, strict=False), strict=False)
    ]
    padding = 3 * (len(headers) - 1)  # a space either side of each divider, and the divider
    budget = console.width - padding - sum(natural[numeric_from:])
    widths = fit_widths(natural[:numeric_from], budget) + natural[numeric_from:]
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    for index, header in enumerate(headers):
        numeric = index >= numeric_from  # numbers are never wrapped or cut; text wraps, long words fold
        table.add_column(Text(header), justify="right" if numeric else "left", width=widths[index], overflow="fold")
    for row in cells:
        table.add_row(*row)
    with console.capture() as capture:
        console.print(Text(visible(heading), style="bold"))
        for note in notes:
            console.print(Text(visible(note)))
        console.print()
        console.print(table)
    return capture.get()


def markdown_table(heading: str, notes: list[str], headers: list[str], rows: list[list[str]], *, numeric_from: int) -> str:
    """A Markdown heading, note lines and a pipe table."""
    align = ["---:" if index >= numeric_from else ":---" for index in range(len(headers))]
    lines = [f"## {markdown(heading)}", ""]
    lines += [f"{markdown(note)}  " for note in notes] + [""]
    lines.append("| " + " | ".join(markdown(h) for h in headers) + " |")
    lines.append("| " + " | ".join(align) + " |")
    lines += ["| " + " | ".join(markdown(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"
