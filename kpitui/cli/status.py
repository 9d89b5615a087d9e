"""`kpitui status`: where every stage stands as of a month, in four formats (SPEC 6).

Every figure comes from `progress.status`; this module only lays them out. The human formats put
the stages behind plan, with their contingency plans, first: that is what the meeting is for.
"""

from decimal import Decimal
from fractions import Fraction

from kpitui.cli import literal
from kpitui.cli.output import write
from kpitui.cli.spreadsheet import spreadsheet
from kpitui.cli.usage import EXIT_OK, EXIT_PROBLEM, UsageError
from kpitui.core.domain.months import Month, read_month
from kpitui.core.domain.plan import Plan
from kpitui.core.domain.progress import PlanStatus, StageStatus, Status, status
from kpitui.core.domain.quantities import quoted
from kpitui.core.errors import named_path
from kpitui.core.exact import EXACT
from kpitui.core.files.planfile import display_title, load_plan
from kpitui.core.text.findings import rate_findings
from kpitui.core.text.formatting import format_count, format_decimal, format_observed_rate, format_percent
from kpitui.core.text.i18n import N_, _, tr
from kpitui.core.text.safe_text import is_blank, text_lines
from kpitui.core.text.vocabulary import state_label, status_label

PACE_HEADERS = [N_("Stage"), N_("Status"), N_("Actual"), N_("Plan"), N_("Attained"), N_("Forecast"), N_("Target"), N_("Need/mo")]
RATE_HEADERS = [N_("Stage"), N_("Rate"), N_("Seen"), N_("Seen ÷ rate")]
# The CSV's column names in Japanese; in English they are the JSON keys, as scripts read them.
CSV_HEADERS = {
    "name": N_("stage"),
    "target": N_("target"),
    "plan_to_date": N_("plan_to_date"),
    "actual_to_date": N_("actual_to_date"),
    "attainment": N_("attainment"),
    "status": N_("status"),
    "missing_months": N_("missing_months"),
    "forecast": N_("forecast"),
    "forecast_gap": N_("forecast_gap"),
    "needed_per_month": N_("needed_per_month"),
    "rate": N_("rate"),
    "observed_rate": N_("observed_rate"),
}
SIX_PLACES = Decimal("0.000001")


def parse_as_of(text: str) -> Month:
    """`--as-of 2026-06` (or another spelling of a month)."""
    month = read_month(text)
    if month is None:
        raise UsageError(tr('--as-of: not a month (got {text}); write it like "2026-06"', text=quoted(text)))
    return month


def rounded(ratio: Fraction, places: int) -> Decimal:
    """The exact ratio rounded half-even to `places` decimal places, once (no division in a context)."""
    return Decimal(round(ratio * 10**places)).scaleb(-places, EXACT)


def exact_rate(rate: Fraction) -> Decimal:
    """An observed rate for machines: the exact ratio rounded half-even to 6 decimal places."""
    return rounded(rate, 6)


def _none() -> str:
    # TRANSLATORS: a cell with no figure; in Japanese a narrow "-", as "—" is of ambiguous width in East Asian terminals.
    return _("—")


def _maybe(count: int | None) -> str:
    return _none() if count is None else format_count(count)


def _attained(row: StageStatus) -> str:
    shown = row.attainment_shown
    return _none() if shown is None else f"{shown:f}%"


def to_dict(result: PlanStatus, plan: Plan, path: str) -> dict:
    """The JSON object of SPEC 6."""
    return {
        "plan": path,
        "title": display_title(plan, path),
        "as_of": None if result.as_of is None else str(result.as_of),
        "months_elapsed": result.months_elapsed,
        "stages": [
            {
                "name": row.name,
                "target": row.target,
                "plan_to_date": row.plan_to_date,
                "actual_to_date": row.actual_to_date,
                "attainment": row.attainment_shown,
                "status": row.status.value,
                "missing_months": [str(month) for month in row.missing_months],
                "forecast": row.forecast,
                "forecast_gap": row.forecast_gap,
                "needed_per_month": row.needed_per_month,
                "rate": row.rate,
                "observed_rate": None if row.observed_rate is None else exact_rate(row.observed_rate),
            }
            for row in result.stages
        ],
        "replan_top": result.replan_top,
        "bottleneck": result.bottleneck,
        "behind": [
            {
                "stage": item.stage,
                "contingency": None if item.contingency is None else item.contingency.value,
                "contingency_plan": item.contingency_plan,
            }
            for item in result.behind
        ],
    }


def heading(result: PlanStatus, title: str) -> str:
    if not result.recorded:
        return tr("{title}: nothing recorded yet", title=title)
    return tr(
        "{title} — as of {as_of} (month {elapsed} of {months})",
        title=title,
        as_of=str(result.as_of),
        elapsed=result.months_elapsed,
        months=result.months,
    )


def behind_lines(result: PlanStatus) -> list[str]:
    """Each stage behind, by how much, what it needs, and the recovery the team agreed."""
    lines = []
    for item in result.behind:
        row = result.stage(item.stage)
        figures = {
            "stage": item.stage,
            "actual": format_count(row.actual_to_date or 0),
            "plan": format_count(row.plan_to_date),
            "attained": _attained(row),
        }
        if row.needed_per_month:
            lines.append(
                tr(
                    "BEHIND {stage}: {actual} of {plan} planned to date ({attained}); needs {needed} a month from now on",
                    needed=format_count(row.needed_per_month),
                    **figures,
                )
            )
        else:
            lines.append(tr("BEHIND {stage}: {actual} of {plan} planned to date ({attained})", **figures))
        if item.contingency is None:
            lines.append("  " + _("the KGI stage: the stages above it are where to act"))
        elif not is_blank(item.contingency_plan):
            plan_lines = text_lines(item.contingency_plan)
            state = state_label(item.contingency.value)
            lines.append("  " + tr("contingency plan (review: {state}): {plan}", state=state, plan=plan_lines[0]))
            lines += [f"    {line}" for line in plan_lines[1:]]
        else:
            state = state_label(item.contingency.value)
            lines.append("  " + tr("no contingency plan written (review: {state}); write one in the Review screen", state=state))
    return lines


def summary_lines(result: PlanStatus) -> list[str]:
    """The bottleneck, what the observed rates mean at the top, and months with nothing recorded."""
    lines = rate_findings(result)
    missing: dict[tuple[Month, ...], list[str]] = {}
    for row in result.stages:
        if row.missing_months and row.status is not Status.NO_DATA:
            missing.setdefault(row.missing_months, []).append(row.name)
    for months, names in missing.items():
        lines.append(tr("Not recorded in {months}: {stages}", months=", ".join(map(str, months)), stages=", ".join(names)))
    return lines


def pace_rows(result: PlanStatus) -> list[list[str]]:
    return [
        [
            row.name,
            status_label(row.status.value),
            _maybe(row.actual_to_date),
            format_count(row.plan_to_date),
            _attained(row),
            _maybe(row.forecast),
            format_count(row.target),
            _maybe(row.needed_per_month),
        ]
        for row in result.stages
    ]


def rate_rows(result: PlanStatus) -> list[list[str]]:
    rows = []
    for row in result.stages[:-1]:
        ratio = row.rate_ratio
        name = tr("{stage} (bottleneck)", stage=row.name) if row.name == result.bottleneck else row.name
        rows.append(
            [
                name,
                format_percent(row.rate),  # type: ignore[arg-type]
                _none() if row.observed_rate is None else format_observed_rate(row.observed_rate),
                _none() if ratio is None else format_observed_rate(ratio),
            ]
        )
    return rows


RATES_HEADING = N_("Conversion rates, planned and seen")


def _all(headers: list[str]) -> list[str]:
    return [_(header) for header in headers]


def render_table(result: PlanStatus, title: str, *, has_calendar: bool = True) -> str:
    """Behind stages and their plans first, then the pace of every stage, then the rates."""
    head = heading(result, title)
    if not result.recorded:
        if not has_calendar:  # `kpitui actuals` would refuse: say the first step
            how = _('set the plan\'s first month (start = "YYYY-MM"), then record actuals with `kpitui actuals PLAN CSV`')
        else:
            how = _("record actuals with `kpitui actuals PLAN CSV` or in the plan file")
        return literal.render_lines([head, how])
    pace = literal.render_table(head, behind_lines(result), _all(PACE_HEADERS), pace_rows(result), numeric_from=2)
    rates = literal.render_table(_(RATES_HEADING), [], _all(RATE_HEADERS), rate_rows(result), numeric_from=1)
    return pace + "\n" + rates + "\n" + literal.render_lines(summary_lines(result))


def render_markdown(result: PlanStatus, title: str) -> str:
    """The same as the table, as Markdown."""
    head = heading(result, title)
    if not result.recorded:
        return f"## {literal.markdown(head)}\n"
    pace = literal.markdown_table(head, behind_lines(result), _all(PACE_HEADERS), pace_rows(result), numeric_from=2)
    rates = literal.markdown_table(_(RATES_HEADING), [], _all(RATE_HEADERS), rate_rows(result), numeric_from=1)
    notes = "".join(f"{literal.markdown(line)}  \n" for line in summary_lines(result))
    return f"{pace}\n{rates}\n{notes}"


def render_csv(data: dict) -> str:
    """One row a stage, exact figures, for spreadsheets."""
    import csv
    import io

    columns = list(data["stages"][0])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([_(CSV_HEADERS[column]) for column in columns])
    for row in data["stages"]:
        cells = []
        for column in columns:
            value = row[column]
            if isinstance(value, list):
                value = " ".join(value)
            if isinstance(value, str):
                cells.append(literal.spreadsheet_text(value))  # names and words: never a formula
            else:
                cells.append("" if value is None else format_decimal(value) if isinstance(value, Decimal) else str(value))
        writer.writerow(cells)
    return spreadsheet(buffer.getvalue())


def run(path: str, as_of: str | None, output: str) -> int:
    """Print the plan's status; exit 1 when a stage is behind."""
    plan = load_plan(path)
    try:
        result = status(plan, None if as_of is None else parse_as_of(as_of))
    except ValueError as error:
        raise UsageError(f"{named_path(path)}: --as-of: {error}") from None
    title = display_title(plan, path)
    if output == "json":
        from kpitui.cli.json_text import to_json

        text = to_json(to_dict(result, plan, str(path))) + "\n"
    elif output == "csv":
        text = render_csv(to_dict(result, plan, str(path)))
    elif output == "markdown":
        text = render_markdown(result, title)
    else:
        text = render_table(result, title, has_calendar=plan.start is not None)
    write(text)
    return EXIT_PROBLEM if result.any_behind else EXIT_OK
