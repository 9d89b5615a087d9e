"""Human output (Rich tables, Markdown) in which every plan string is shown literally.

Plan files are shared, so their text must never be read as Rich markup or `:emoji:` codes, never
become Markdown syntax, and never send a control sequence to the terminal.
"""

import os
import re
import sys
from collections.abc import Collection

from kpitui.core.text.columns import fit_widths
from kpitui.core.text.i18n import language
from kpitui.core.text.safe_text import visible
from kpitui.core.text.wrapping import cell_width, wrap, wrap_text

# What Markdown reads as syntax inside a line or a table cell; `&` starts a character reference (`&#x202e;`).
MARKDOWN_SPECIAL = "\\`*_[]<>|~&"
MAX_WIDTH = 1000  # wider than any table needs: COLUMNS=99999999 lays out like 1000
# What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection"), and the full-width
# forms that some spreadsheets read the same way.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


# GitHub links more than Markdown does, once it has rendered: `@name` mentions someone (and notifies
# them), `:name:` draws an emoji, `#12` links an issue, `https://` and `www.` start links. A
# backslash does not stop it; an empty HTML comment between the characters does, and shows nothing.
GITHUB_LINK_STARTS = r"(?<=[@:])(?=[\w/])|(?<=#)(?=\d)|(?<=www)(?=\.)"
UNLINK = "<!-- -->"


def markdown(text: str) -> str:
    """Text that a Markdown renderer, GitHub's included, shows exactly as written."""
    escaped = "".join("\\" + c if c in MARKDOWN_SPECIAL else c for c in visible(text))
    return re.sub(GITHUB_LINK_STARTS, UNLINK, escaped, flags=re.IGNORECASE)  # compiled on the first Markdown output


def render_lines(lines: list[str]) -> str:
    """Lines for the terminal, every plan string in them made visible, each fitted to its width."""
    return fit("\n".join(map(visible, lines)) + "\n")


def fit(text: str, width: int | None = None, *, units: Collection[str] = ()) -> str:
    """Text for people, each line wider than the terminal wrapped; a figure is never split.

    The terminal would fold a longer line at its edge, cutting `1,000,000,000 JPY` in two. A
    wrapped line keeps its indent, and what follows on the next lines is indented two more; a
    figure with its unit (`units`: the plans' currencies, as written), or a word, that does not
    fit after its indent takes the room of the indent, and one wider than the whole line stands
    alone on one, whole.
    """
    width = width or terminal_width()
    shown = [visible(unit) for unit in units if unit]
    return "\n".join(line for paragraph in text.split("\n") for line in _fit_line(paragraph, width, units=shown))


def _fit_line(line: str, width: int, hang: int = 2, units: Collection[str] = ()) -> list[str]:
    """`line` in lines of `width` cells, its indent kept and `hang` cells more after the first (as room allows)."""
    if cell_width(line) <= width:
        return [line]  # the usual case: nothing changes, byte for byte
    body = line.lstrip(" ")
    indent = min(len(line) - len(body), width // 2)
    hang = indent + hang if width - indent - hang >= 10 else indent
    parts = wrap(body, width - hang, fold=False, units=units, first=width - indent)
    # A part wider than its room is one figure or word: its indent gives way, all of it if need be.
    return [
        " " * max(0, min(room, width - cell_width(part))) + part
        for room, part in zip([indent] + [hang] * len(parts), parts, strict=False)
    ]


def terminal_width() -> int:
    """The width to lay tables out for: COLUMNS when it is a positive number, else the terminal's, else 80."""
    columns = os.environ.get("COLUMNS", "").strip().lstrip("0")
    if columns.isdecimal():
        return min(int(columns), MAX_WIDTH) if len(columns) <= 4 else MAX_WIDTH
    try:
        return min(os.get_terminal_size().columns, MAX_WIDTH) or 80
    except (ValueError, OSError):
        return 80


def spreadsheet_text(text: str) -> str:
    """A text cell for CSV: shown literally, and never read as a formula by a spreadsheet.

    As OWASP recommends, a cell that starts with `=`, `+`, `-`, `@`, a tab or a line break (also
    after leading spaces, which spreadsheets skip) gets a leading `'`. Number cells stay numbers.
    """
    shown = visible(text)
    return "'" + shown if shown.lstrip().startswith(FORMULA_START) else shown


def render_table(
    heading: str, notes: list[str], headers: list[str], rows: list[list[str]], *, numeric_from: int, units: Collection[str] = ()
) -> str:
    """A heading, note lines, then a Rich table that fits the terminal, rendered to a string.

    Numbers are never wrapped or cut and no column is dropped: when the table cannot fit, each
    row becomes a block of its own (`records`). `units` are the currencies that stay with their figures.
    """
    # Imported here so that the csv and json formats never pay for loading Rich.
    import io

    from rich import box
    from rich.cells import cell_len
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    width = terminal_width()
    shown_headers = [visible(header) for header in headers]
    cells = [[Text(visible(cell)) for cell in row] for row in rows]
    natural = [
        max([cell_len(header)] + [cell.cell_len for cell in column])
        for header, column in zip(shown_headers, zip(*cells, strict=False), strict=False)
    ]
    padding = 3 * (len(headers) - 1)  # a space either side of each divider, and the divider
    budget = width - padding - sum(natural[numeric_from:])
    widths = fit_widths(natural[:numeric_from], budget) + natural[numeric_from:]
    if sum(widths) + padding > width:
        return records(heading, notes, headers, rows, units=units)
    lines = box.SIMPLE_HEAD
    # "─" is of ambiguous width: in East Asian terminals it takes two cells, and the rule breaks.
    if language() == "ja" or not (getattr(sys.stdout, "encoding", None) or "utf-8").lower().startswith("utf"):
        lines = box.Box("    \n    \n -- \n    \n    \n    \n    \n    \n", ascii=True)  # SIMPLE_HEAD in ASCII
    table = Table(box=lines, pad_edge=False, show_edge=False)
    for index, header in enumerate(shown_headers):
        numeric = index >= numeric_from  # numbers are never wrapped or cut; text wraps, long words fold
        table.add_column(
            Text(wrap_text(header, widths[index])), justify="right" if numeric else "left", width=widths[index], overflow="fold"
        )
    for row in cells:
        # Wrapped here, not by Rich, so that Japanese keeps its line-break rules (no line starts with 「ー」「、」).
        table.add_row(*[Text(wrap_text(cell.plain, widths[i])) if i < numeric_from else cell for i, cell in enumerate(row)])
    # Rendered into a string, never straight to stdout: writing is `output.write`'s job, errors included.
    console = Console(
        file=io.StringIO(),
        width=width,
        markup=False,
        emoji=False,
        highlight=False,
        force_terminal=Console(file=sys.stdout).is_terminal,  # styles only for a terminal, as Rich decides
        legacy_windows=False,
    )
    with console.capture() as capture:
        # Fitted here, not by Rich, which would fold a figure wider than the line; soft_wrap: never cropped.
        console.print(Text(fit(visible(heading), width, units=units), style="bold"), soft_wrap=True)
        for note in notes:
            console.print(Text(fit(visible(note), width, units=units)), soft_wrap=True)
        console.print()
        console.print(table)
    return capture.get()


def records(heading: str, notes: list[str], headers: list[str], rows: list[list[str]], *, units: Collection[str] = ()) -> str:
    """The table for a narrow terminal: one block a row, `header  value` a line (the value under
    its header when they do not fit on one), every line fitted to the width."""
    width = terminal_width()
    labels = [visible(header) for header in headers[1:]]
    label_width = min(16, max(map(cell_width, labels)))
    lines = [visible(heading), *map(visible, notes)]
    for row in rows:
        lines += ["", visible(row[0])]
        for label, value in zip(labels, row[1:], strict=True):
            if not value:
                continue
            line = f"  {label}{' ' * (label_width - cell_width(label))}  {visible(value)}"
            if cell_width(line) > width:  # the value on lines of its own, below all of its header
                line = "\n".join([*_fit_line(f"  {label}", width, hang=0), f"    {visible(value)}"])
            lines.append(line)
    return fit("\n".join(lines), width, units=units) + "\n"


def markdown_table(heading: str, notes: list[str], headers: list[str], rows: list[list[str]], *, numeric_from: int) -> str:
    """A Markdown heading, note lines and a pipe table."""
    align = ["---:" if index >= numeric_from else ":---" for index in range(len(headers))]
    lines = [f"## {markdown(heading)}", ""]
    lines += [f"{markdown(note)}  " for note in notes] + [""]
    lines.append("| " + " | ".join(markdown(h) for h in headers) + " |")
    lines.append("| " + " | ".join(align) + " |")
    lines += ["| " + " | ".join(markdown(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"
