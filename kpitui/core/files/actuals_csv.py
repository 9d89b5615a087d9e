"""Actual counts from CSV exports (SPEC 6), the way analytics and CRM tools and Excel write them.

Long form (`month`, `stage`, `count` columns in any order) or wide form (a `month` column and one
column a stage); UTF-8 with or without BOM, or CP932 as Japanese Excel saves it; comma or tab;
`#` lines before the header skipped. Any bad cell is a PlanError naming `file:line:column`.
"""

import re
import unicodedata
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import TypeVar

from kpitui.core.domain.actuals import Record, check_month, check_stage
from kpitui.core.domain.months import read_month
from kpitui.core.domain.plan import Plan
from kpitui.core.domain.quantities import MAX_COUNT, describe, fold_width, ungrouped
from kpitui.core.errors import PlanError
from kpitui.core.files.planfile import position, read_bytes
from kpitui.core.text.formatting import format_count
from kpitui.core.text.i18n import N_, _, tr

MAX_CSV_BYTES = 16 * 1024 * 1024
HEADER_ALIASES = {
    "month": ("month", "月", "年月"),
    "stage": ("stage", "ステージ"),
    "count": ("count", "件数"),
}
T = TypeVar("T")


def _header_role(name: str) -> str | None:
    """`month`, `stage` or `count` for a header cell that names one (any case, full-width too)."""
    folded = unicodedata.normalize("NFKC", name).strip().casefold()
    for role, aliases in HEADER_ALIASES.items():
        if folded in aliases:
            return role
    return None


def read_text(path: str) -> str:
    """The file's text: UTF-8 (a BOM is dropped), else CP932; PlanError when it is neither."""
    data = read_bytes(path, path, limit=MAX_CSV_BYTES, kind=N_("an export of monthly counts"))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        return data.decode("cp932")
    except UnicodeDecodeError:
        line, column = position(data, utf8_error.start)
        raise PlanError.at_position(path, line, column, _("neither UTF-8 nor Shift_JIS (CP932) text")) from None


def _rows(path: str, text: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of every row from the header on; `#` and blank lines before it skipped."""
    import csv
    import io

    # Lines end where csv ends them (\n, \r\n, \r): str.splitlines would also end one at U+0085,
    # U+2028 or \x0c inside a cell, and every line number after it would be wrong.
    lines = io.StringIO(text, newline="").readlines()
    skipped = 0
    while skipped < len(lines) and (not lines[skipped].strip() or lines[skipped].lstrip().startswith("#")):
        skipped += 1
    if skipped == len(lines):
        raise PlanError.of_file(path, _("no header row: the first line that is not a # comment names the columns"))
    header = lines[skipped]
    delimiter = "\t" if header.count("\t") > header.count(",") else ","
    reader = csv.reader(lines[skipped:], delimiter=delimiter, strict=True)
    line = skipped + 1
    try:
        for cells in reader:
            yield line, cells
            line = skipped + reader.line_num + 1
    except csv.Error as error:
        if skipped + reader.line_num >= len(lines):  # the file ended inside a quoted cell: say where it began
            raise PlanError.at_position(path, line, 1, _("not valid CSV: a quote opened in this row is never closed")) from None
        raise PlanError.at_position(
            path, skipped + reader.line_num, 1, tr("not valid CSV: {detail}", detail=str(error))
        ) from None


def count_cell(text: str) -> int | None:
    """A count as exports write it: `1510`, `1,510`, full-width digits; None for an empty cell.

    Digits and separators follow the rule of everything typed (`fold_width`, `ungrouped`): `1,5` is refused.
    """
    cleaned = fold_width(text, describe(text)).strip()
    if not cleaned:
        return None
    digits = ungrouped(cleaned, describe(text))
    if not re.fullmatch("[0-9]+", digits):
        raise ValueError(tr("must be a whole number of 0 or more, like 1510 or 1,510 (got {value})", value=describe(text)))
    count = Decimal(digits)  # bounded before int(), which refuses over 4,300 digits in its own words
    if count > MAX_COUNT:
        raise ValueError(tr("must be at most {bound} (got {value})", bound=format_count(MAX_COUNT), value=describe(text)))
    return int(count)


def read_records(path: str, plan: Plan) -> list[Record]:
    """Every count in the CSV file at `path` as records for `plan`; PlanError at the first bad cell."""
    rows = _rows(path, read_text(path))
    header_line, header = next(rows)

    def fail(line: int, column: int, message: str) -> PlanError:
        return PlanError.at_position(path, line, column, message)

    def at(line: int, column: int, check: Callable[..., T], *args: object) -> T:
        """`check(*args)`, its ValueError reported at this cell."""
        try:
            return check(*args)
        except ValueError as error:
            raise fail(line, column, str(error)) from None

    roles: dict[str, int] = {}
    for index, name in enumerate(header):
        role = _header_role(name)
        if role is not None:
            if role in roles:
                raise fail(header_line, index + 1, tr("a second {role} column ({name})", role=role, name=describe(name)))
            roles[role] = index
    if "month" not in roles:
        raise fail(header_line, 1, _("no month column: name one month (or 月), beside stage and count, or one column a stage"))
    long_form = "stage" in roles or "count" in roles
    if long_form:
        for role in ("stage", "count"):
            if role not in roles:
                raise fail(header_line, 1, tr("no {role} column: a long export has month, stage and count columns", role=role))
        for index, name in enumerate(header):
            if index not in roles.values():
                raise fail(
                    header_line, index + 1, tr("unknown column {name} (expected month, stage and count)", name=describe(name))
                )
        stage_columns: dict[int, str] = {}
    else:
        stage_columns = {index: name.strip() for index, name in enumerate(header) if index != roles["month"]}
        for index, name in stage_columns.items():
            stage_columns[index] = at(header_line, index + 1, check_stage, plan, name)

    records: list[Record] = []
    for line, cells in rows:
        if not any(cell.strip() for cell in cells):
            continue  # a blank row records nothing
        if len(cells) > len(header):
            raise fail(line, len(header) + 1, tr("more cells than the header's {count} columns", count=len(header)))
        cells += [""] * (len(header) - len(cells))
        month_column = roles["month"] + 1
        month_text = cells[roles["month"]]
        month = at(line, month_column, read_month, month_text)
        if month is None:
            raise fail(
                line,
                month_column,
                tr("not a month: {value} (write 2026-04, 2026/4, 2026-04-01, 202604 or 2026年4月)", value=describe(month_text)),
            )
        at(line, month_column, check_month, plan, month)
        if long_form:
            stage = cells[roles["stage"]].strip()
            if not stage:
                if cells[roles["count"]].strip():
                    raise fail(line, roles["stage"] + 1, _("no stage given for this count"))
                continue
            stage = at(line, roles["stage"] + 1, check_stage, plan, stage)
            pairs = [(stage, roles["count"])]
        else:
            pairs = [(name, index) for index, name in stage_columns.items()]
        for stage, index in pairs:
            count = at(line, index + 1, count_cell, cells[index])
            if count is not None:
                records.append(Record(month, stage, count, f"{path}:{line}:{index + 1}"))
    return records
