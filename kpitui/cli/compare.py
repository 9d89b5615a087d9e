"""`kpitui compare`: the baseline and every scenario of each plan side by side, with differences."""

from decimal import Decimal

from kpitui.cli import literal
from kpitui.cli.calc import CalcReport, to_dict
from kpitui.cli.output import write
from kpitui.cli.spreadsheet import spreadsheet
from kpitui.cli.usage import EXIT_OK
from kpitui.core.domain import comparison
from kpitui.core.domain.comparison import Column
from kpitui.core.files.planfile import display_title, load_plan
from kpitui.core.text.formatting import format_decimal
from kpitui.core.text.i18n import _, tr
from kpitui.core.text.safe_text import visible


def columns_of(paths: list[str]) -> list[Column]:
    """Every plan's baseline then its scenarios; other plans' baselines are compared with the first."""
    columns: list[Column] = []
    for path in paths:
        plan = load_plan(path)
        columns += comparison.plan_columns(plan, path, display_title(plan, path), len(columns), editable=False, reference=0)
    return columns


def column_heading(column: Column, several_plans: bool) -> str:
    return tr("{title}: {label}", title=column.title, label=column.label) if several_plans else column.label


def render_json(columns: list[Column]) -> str:
    """SPEC 3: `{"columns": [...]}`, each shaped like `calc --format json` plus `plan`."""
    from kpitui.cli.json_text import to_json

    objects = []
    for column in columns:
        report = CalcReport(column.source, column.title, column.scenario, column.plan, column.calculation)
        objects.append({"plan": column.source, **to_dict(report)})
    return to_json({"columns": objects}) + "\n"


def cells(columns: list[Column]) -> tuple[list[comparison.Row], list[list[tuple[str, str]]]]:
    """The rows, and for each row every column's (value, difference) as text."""
    rows = comparison.comparison_rows(columns)
    table = [
        [
            (
                comparison.format_value(row, comparison.value(column, row), column.plan.currency),
                comparison.format_difference(row, comparison.difference(columns, index, row)),
            )
            for index, column in enumerate(columns)
        ]
        for row in rows
    ]
    return rows, table


def render_table(columns: list[Column]) -> str:
    """Terminal tables; when the columns do not fit the width, one block of columns after another."""
    from rich.cells import cell_len

    several = len({column.source for column in columns}) > 1
    rows, table = cells(columns)
    labels = [row.label for row in rows]
    units = {column.baseline.currency for column in columns}  # each figure keeps its plan's currency
    width = literal.terminal_width()
    label_width = min(24, max(cell_len(visible(label)) for label in labels))
    column_width = max(
        [12]
        + [cell_len(visible(column_heading(column, several))) for column in columns]
        + [cell_len(value) + 1 + cell_len(change) for row_cells in table for value, change in row_cells]
    )
    per_block = (width - label_width - 2) // (column_width + 3)
    if per_block < 1:  # not even one column beside the labels: one table, which lists one row a block
        per_block = len(columns)
    out = []
    for start in range(0, len(columns), per_block):
        block = range(start, min(start + per_block, len(columns)))
        heading = (
            _("Compared")
            if start == 0
            else tr("Compared (columns {first}-{last} of {count})", first=start + 1, last=block[-1] + 1, count=len(columns))
        )
        out.append(
            literal.render_table(
                heading,
                [],
                ["", *(column_heading(columns[i], several) for i in block)],
                [[label, *(f"{table[r][i][0]} {table[r][i][1]}".strip() for i in block)] for r, label in enumerate(labels)],
                numeric_from=1,
                units=units,
            )
        )
    return "\n".join(out)


def render_markdown(columns: list[Column]) -> str:
    """One Markdown table: renderers scroll wide tables themselves."""
    several = len({column.source for column in columns}) > 1
    rows, table = cells(columns)
    return literal.markdown_table(
        _("Compared"),
        [],
        ["", *(column_heading(column, several) for column in columns)],
        [[row.label, *(f"{v} {c}".strip() for v, c in table[r])] for r, row in enumerate(rows)],
        numeric_from=1,
    )


def render_csv(columns: list[Column]) -> str:
    """One row a figure; for each column its value and its change, as exact numbers."""
    import csv
    import io

    several = len({column.source for column in columns}) > 1
    rows = comparison.comparison_rows(columns)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header = [_("row")]
    for column in columns:
        heading = column_heading(column, several)
        header += [literal.spreadsheet_text(heading), literal.spreadsheet_text(tr("{column} change", column=heading))]
    writer.writerow(header)
    for row in rows:
        line = [literal.spreadsheet_text(row.key)]
        for index, column in enumerate(columns):
            figure = comparison.value(column, row)
            change = comparison.difference(columns, index, row)
            line += ["" if figure is None else exact(figure), "" if change is None else exact(change.absolute)]
        writer.writerow(line)
    return spreadsheet(buffer.getvalue())


def exact(number: Decimal | int) -> str:
    """A number for a spreadsheet: exact, plain notation, no separators."""
    return format_decimal(number) if isinstance(number, Decimal) else str(number)


RENDERERS = {"table": render_table, "markdown": render_markdown, "csv": render_csv, "json": render_json}


def run(paths: list[str], output: str) -> int:
    """Print every plan's baseline and scenarios side by side in `output` format."""
    write(RENDERERS[output](columns_of(paths)))
    return EXIT_OK
