"""`kpitui calc`: the goal, the KGI and every stage's target of one plan or scenario, in four formats.

Each format loads its library (Rich, csv, json) only when it is asked for: start-up time matters.
"""

from typing import TYPE_CHECKING, NamedTuple

from kpitui.cli import literal
from kpitui.cli.output import write
from kpitui.cli.spreadsheet import spreadsheet
from kpitui.cli.usage import EXIT_OK, UsageError
from kpitui.core.domain import funnel
from kpitui.core.domain.plan import Plan
from kpitui.core.domain.quantities import quoted
from kpitui.core.errors import named_path
from kpitui.core.files.planfile import display_title, load_plan
from kpitui.core.text.formatting import (
    format_count,
    format_decimal,
    format_money,
    format_percent,
)
from kpitui.core.text.i18n import N_, _, tr
from kpitui.core.text.safe_text import visible
from kpitui.core.text.vocabulary import rounding_label

if TYPE_CHECKING:  # the month-by-month plan is loaded only for --monthly
    from kpitui.core.domain.calendar import MonthlyPlan


class CalcReport(NamedTuple):  # a named tuple: it is made faster than a dataclass (see funnel)
    """One calculated column: a plan with a scenario applied (or its baseline), and its numbers."""

    path: str
    title: str
    scenario: str | None
    plan: Plan
    calculation: funnel.Calculation
    forward: funnel.Forward | None = None
    schedule: "MonthlyPlan | None" = None


def make_report(plan: Plan, path: str, scenario: str | None = None, top: int | None = None, monthly: bool = False) -> CalcReport:
    """Calculate the baseline, or the named scenario (`KeyError` when the plan has none of that name)."""
    applied = plan.with_scenario_applied(plan.scenario(scenario)) if scenario is not None else plan
    calculation = funnel.calculate(applied)
    forward = None
    if top is not None:
        forward = funnel.forward(funnel.stage_rates(applied), top, calculation.kgi)
    schedule = None
    if monthly:
        from kpitui.core.domain.calendar import monthly_plan

        schedule = monthly_plan(applied)
    return CalcReport(path, display_title(plan, path), scenario, applied, calculation, forward, schedule)


def goal_summary(report: CalcReport) -> str:
    """One line from goal to KGI: `1,000,000,000 JPY ÷ 10,000,000 JPY = 100 orders × 20% = KGI 20`."""
    goal, currency = report.plan.goal, report.plan.currency
    kgi, stage = format_count(report.calculation.kgi), report.plan.kgi_stage.name
    orders = report.calculation.orders_total
    if goal.revenue is None or goal.average_deal is None or orders is None:  # count-driven
        return tr("KGI {kgi} {stage} (given as a count)", kgi=kgi, stage=stage)
    figures = {
        "revenue": format_money(goal.revenue, currency),
        "average": format_money(goal.average_deal, currency),
        "orders": format_count(orders),
        "kgi": kgi,
        "stage": stage,
    }
    if goal.channel_share == 1:
        return tr("revenue {revenue} ÷ average order {average} = {orders} orders → KGI {kgi} {stage}", **figures)
    return tr(
        "revenue {revenue} ÷ average order {average} = {orders} orders × {share} channel share → KGI {kgi} {stage}",
        share=format_percent(goal.channel_share),
        **figures,
    )


def to_dict(report: CalcReport) -> dict:
    """The JSON object of SPEC 3: title, scenario, kgi, orders_total, stages, and forward with --top."""
    goal = report.plan.goal
    data: dict[str, object] = {
        "title": report.title,
        "scenario": report.scenario,
        "kgi": report.calculation.kgi,
        "orders_total": report.calculation.orders_total,
        "goal": {
            "revenue": goal.revenue,
            "average_deal": goal.average_deal,
            "channel_share": None if goal.is_count_driven else goal.channel_share,
            "orders": goal.orders,
        },
        "currency": report.plan.currency,
        "months": report.plan.months,
        "rounding": report.plan.rounding.value,
        "stages": [
            {
                "name": row.name,
                "rate": row.rate,
                "target": row.target,
                "monthly_target": row.monthly_target,
            }
            for row in report.calculation.stages
        ],
    }
    if report.forward is not None:
        data["forward"] = {
            "top": report.forward.top,
            "stages": [
                {"name": row.name, "expected": expected}
                for row, expected in zip(report.calculation.stages, report.forward.expected_counts, strict=True)
            ],
            "kgi_gap": report.forward.kgi_gap,
        }
    if report.schedule is not None:
        schedule = report.schedule
        data["schedule"] = [
            {
                "month": month,
                "planned": [per_month[index] for per_month in schedule.planned],
                "planned_to_date": [to_date[index] for to_date in schedule.planned_to_date],
            }
            for index, month in enumerate(schedule.months)
        ]
    return data


def _rows(report: CalcReport) -> list[list[str]]:
    """One row a stage: name, metric, owner, rate, target, monthly target (and expected with --top)."""
    stages = report.plan.stages
    rows = []
    for index, row in enumerate(report.calculation.stages):
        cells = [
            row.name,
            stages[index].metric,
            stages[index].owner,
            format_percent(row.rate) if row.rate is not None else "KGI",
            format_count(row.target),
            format_count(row.monthly_target),
        ]
        if report.forward is not None:
            cells.append(format_count(report.forward.expected_counts[index]))
        rows.append(cells)
    return rows


HEADERS = [N_("Stage"), N_("Metric"), N_("Owner"), N_("Rate"), N_("Target"), N_("Monthly")]
EXPECTED = N_("Expected")
# The CSV's column names: the English ones are what scripts read; Japanese Excel users get theirs.
CSV_HEADERS = [N_("stage"), N_("metric"), N_("owner"), N_("rate"), N_("target"), N_("monthly_target")]
CSV_EXPECTED = N_("expected")
CSV_SCHEDULE_HEADERS = [N_("month"), N_("stage"), N_("planned"), N_("planned_to_date")]


def _headers(report: CalcReport) -> list[str]:
    headers = HEADERS + ([EXPECTED] if report.forward is not None else [])
    return [_(header) for header in headers]


def _heading(report: CalcReport) -> str:
    if report.scenario:
        return tr("{title} — scenario {scenario}", title=report.title, scenario=report.scenario)
    return report.title


def _footer_lines(report: CalcReport) -> list[str]:
    lines = [
        goal_summary(report),
        tr(
            "{months} months (monthly = target ÷ {months}, rounded up) · rounding: {rounding}",
            months=report.plan.months,
            rounding=rounding_label(report.plan.rounding.value),
        ),
    ]
    if report.forward is not None:
        gap, top = report.forward.kgi_gap, format_count(report.forward.top)
        lines.append(
            tr("forward from {top}: KGI reached", top=top)
            if gap == 0
            else tr("forward from {top}: {gap} short of the KGI", top=top, gap=format_count(gap))
        )
    return lines


def _schedule_rows(schedule: "MonthlyPlan", months: range) -> list[list[str]]:
    """Two rows a stage: what is planned in each month, and planned to date by its end."""
    rows = []
    for name, per_month, to_date in zip(schedule.stages, schedule.planned, schedule.planned_to_date, strict=True):
        rows.append([name, *(format_count(per_month[k]) for k in months)])
        rows.append(["  " + _("to date"), *(format_count(to_date[k]) for k in months)])
    return rows


def _schedule_blocks(schedule: "MonthlyPlan", width: int) -> list[range]:
    """Months in blocks that fit `width` columns beside the stage names (at least one month a block)."""
    from rich.cells import cell_len  # only the table format gets here, and it loads Rich anyway

    names = min(24, max(cell_len(visible(name)) for name in schedule.stages))
    month_width = max(len(schedule.months[0]), len(format_count(max(schedule.targets))))
    fits = max(1, (width - names) // (month_width + 3))
    count = len(schedule.months)
    per_block = -(-count // -(-count // fits))  # as many blocks as needed, evenly filled: 12 months as 6 + 6
    return [range(start, min(start + per_block, count)) for start in range(0, count, per_block)]


def _schedule_heading(schedule: "MonthlyPlan", months: range) -> str:
    whole = len(schedule.months)
    if len(months) == whole:
        return tr("Month by month ({whole} months)", whole=whole)
    first, last = months[0], months[-1]
    return tr(
        "Month by month ({start} to {end}, months {first}-{last} of {whole})",
        start=schedule.months[first],
        end=schedule.months[last],
        first=first + 1,
        last=last + 1,
        whole=whole,
    )


def render_table(report: CalcReport) -> str:
    """A terminal table, every plan string shown literally; with --monthly, the months in blocks that fit."""
    units = [report.plan.currency]
    text = literal.render_table(
        _heading(report), _footer_lines(report), _headers(report), _rows(report), numeric_from=3, units=units
    )
    if report.schedule is None:
        return text
    schedule = report.schedule
    for months in _schedule_blocks(schedule, literal.terminal_width()):
        text += "\n" + literal.render_table(
            _schedule_heading(schedule, months),
            [],
            [_("Stage"), *(schedule.months[k] for k in months)],
            _schedule_rows(schedule, months),
            numeric_from=1,
        )
    return text


def render_markdown(report: CalcReport) -> str:
    """A Markdown section with the goal line and a table; with --monthly, one table of every month."""
    text = literal.markdown_table(_heading(report), _footer_lines(report), _headers(report), _rows(report), numeric_from=3)
    if report.schedule is None:
        return text
    schedule, months = report.schedule, range(len(report.schedule.months))
    return (
        text
        + "\n"
        + literal.markdown_table(
            _schedule_heading(schedule, months),
            [],
            [_("Stage"), *schedule.months],
            _schedule_rows(schedule, months),
            numeric_from=1,
        )
    )


def render_csv(report: CalcReport) -> str:
    """One CSV row a stage; rates as fractions, counts without separators, for spreadsheets.

    With --monthly, one row a month and stage instead (`month,stage,planned,planned_to_date`).
    """
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if report.schedule is not None:
        schedule = report.schedule
        writer.writerow([_(header) for header in CSV_SCHEDULE_HEADERS])
        for index, month in enumerate(schedule.months):
            for position, name in enumerate(schedule.stages):
                writer.writerow(
                    [
                        month,
                        literal.spreadsheet_text(name),
                        schedule.planned[position][index],
                        schedule.planned_to_date[position][index],
                    ]
                )
        return spreadsheet(buffer.getvalue())
    headers = CSV_HEADERS + ([CSV_EXPECTED] if report.forward is not None else [])
    writer.writerow([_(header) for header in headers])
    for index, row in enumerate(report.calculation.stages):
        stage = report.plan.stages[index]
        cells = [literal.spreadsheet_text(text) for text in (stage.name, stage.metric, stage.owner)]
        cells += ["" if row.rate is None else format_decimal(row.rate), str(row.target), str(row.monthly_target)]
        if report.forward is not None:
            cells.append(str(report.forward.expected_counts[index]))
        writer.writerow(cells)
    return spreadsheet(buffer.getvalue())


def render_json(report: CalcReport) -> str:
    """The JSON object of SPEC 3, exact decimals."""
    from kpitui.cli.json_text import to_json

    return to_json(to_dict(report)) + "\n"


RENDERERS = {"table": render_table, "markdown": render_markdown, "csv": render_csv, "json": render_json}


def run(path: str, scenario: str | None, top: int | None, output: str, monthly: bool = False) -> int:
    """Print the calculation of the plan at `path` (or of one of its scenarios) in `output` format."""
    plan = load_plan(path)
    if scenario is not None and scenario not in {s.name for s in plan.scenarios}:
        known = ", ".join(quoted(s.name) for s in plan.scenarios) or _("none")
        raise UsageError(
            tr(
                "{path}: no scenario named {scenario} (scenarios: {known})",
                path=named_path(path),
                scenario=quoted(scenario),
                known=known,
            )
        )
    write(RENDERERS[output](make_report(plan, str(path), scenario, top, monthly)))
    return EXIT_OK
