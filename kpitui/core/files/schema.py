"""Plan file format 1 (SPEC 2): a parsed TOML document checked into a Plan, and a Plan back to TOML.

Every rule broken is reported with its key path (`stages[2].rate`), and unknown keys are errors:
a typo must never be silently ignored.
"""

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, NoReturn

from kpitui.core.domain import quantities
from kpitui.core.domain.funnel import FigureError, check_figures
from kpitui.core.domain.months import Month, parse_month
from kpitui.core.domain.plan import (
    CRITERIA,
    DEFAULT_BEHIND_BELOW,
    DEFAULT_MONTHS,
    FORMAT,
    GOAL_FIELDS,
    GOAL_RULES,
    CriterionState,
    Goal,
    KpiReview,
    Plan,
    Rounding,
    Scenario,
    Stage,
    check_scenario_count,
    check_stage_count,
    named,
)
from kpitui.core.errors import PlanError, RuleError, key_part
from kpitui.core.text.formatting import format_decimal
from kpitui.core.text.i18n import N_, _, tr
from kpitui.core.text.safe_text import visible

TOP_KEYS = (
    "format",
    "title",
    "currency",
    "months",
    "rounding",
    "start",
    "seasonality",
    "behind_below",
    "goal",
    "stages",
    "scenarios",
    "review",
    "actuals",
)
STAGE_KEYS = ("name", "metric", "owner", "rate")
SCENARIO_KEYS = ("name", "note", "rates", "goal")
REVIEW_KEYS = (*CRITERIA, "notes", "contingency_plan")
NO_STAGE = N_("no stage has this name")
# A file may write a share as a percent string too ("20%").
GOAL_PARSERS: dict[str, Callable[[object], Any]] = {
    **GOAL_RULES,
    "channel_share": lambda value: quantities.parse_fraction(value, low=Decimal(0)),
}


class _Checker:
    """Walks a document, raising PlanError at the key path of the first broken rule."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, path: str, message: str) -> NoReturn:
        raise PlanError.at_key(self.source, path, message)

    def table(self, value: object, path: str, allowed: tuple[str, ...], unknown: str = N_("unknown key")) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            self.fail(path, tr("must be a table (got {value})", value=quantities.describe(value)))
        known = set(allowed)  # a plan of 200 stages checks thousands of keys against its names
        for key in value:
            if key not in known:
                import difflib  # only a mistake needs it

                hint = difflib.get_close_matches(key, allowed, n=1)
                if hint:
                    message = tr("{problem}; did you mean {key}?", problem=_(unknown), key=key_part(hint[0]))
                else:
                    message = tr(
                        "{problem} (expected one of: {keys})", problem=_(unknown), keys=", ".join(map(key_part, allowed))
                    )
                self.fail(f"{path}.{key_part(key)}" if path else key_part(key), message)
        return value

    def stage_table(self, value: object, path: str, stage_names: list[str]) -> Mapping[str, Any]:
        """A table keyed by stage names (review, a month of actuals, a scenario's rates), each key as the
        plan writes the stage's name: a look-alike spelling (`Café` in NFD) names the same stage."""
        if not isinstance(value, dict) or all(key in stage_names for key in value):
            return self.table(value, path, tuple(stage_names), NO_STAGE)
        resolved: dict[str, Any] = {}
        for key, entry in value.items():
            name = named(key, stage_names) or key
            if name in resolved:
                self.fail(
                    f"{path}.{key_part(key)}",
                    _("another key names this stage (the same name, written with other Unicode code points)"),
                )
            resolved[name] = entry
        return self.table(resolved, path, tuple(stage_names), NO_STAGE)

    def text(self, value: object, path: str) -> str:
        if not isinstance(value, str):
            self.fail(path, tr("must be text (got {value})", value=quantities.describe(value)))
        return value

    def parse(self, parser: Callable[[Any], Any], value: object, path: str) -> Any:
        try:
            return parser(value)
        except ValueError as error:
            self.fail(path, str(error))

    def array_of_tables(self, value: object, path: str) -> list:
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            self.fail(
                path,
                tr("must be an array of tables, written [[{path}]] (got {value})", path=path, value=quantities.describe(value)),
            )
        return value

    def build(self, path: str, make: Callable[..., Any], **fields: Any) -> Any:
        """A value of the plan model; the rules it checks itself are reported at their key path."""
        try:
            return make(**fields)
        except RuleError as error:
            broken = error.under(path) if path else error
            self.fail(broken.path, broken.reason)


def plan_from_document(document: Mapping[str, Any], source: str) -> Plan:
    """Check a parsed TOML document against format 1 and build the Plan; PlanError on any broken rule."""
    check = _Checker(source)
    check.table(document, "", TOP_KEYS)
    if "format" not in document:
        check.fail("format", tr("missing: a plan file starts with format = {format}", format=FORMAT))
    file_format = document["format"]
    if isinstance(file_format, bool) or not isinstance(file_format, int) or file_format < 1:
        check.fail("format", tr("must be {format} (got {value})", format=FORMAT, value=quantities.describe(file_format)))
    if file_format > FORMAT:
        check.fail(
            "format",
            tr(
                "this file has format {found}, newer than this kpitui reads ({format}); upgrade kpitui",
                found=file_format,
                format=FORMAT,
            ),
        )
    stages = _stages(check, document.get("stages"))
    names = [stage.name for stage in stages]
    goal = _goal(check, document.get("goal"))
    rounding = document.get("rounding", Rounding.STEP.value)
    if not isinstance(rounding, str) or rounding not in {r.value for r in Rounding}:
        check.fail("rounding", tr('must be "step" or "once" (got {value})', value=quantities.describe(rounding)))
    months = check.parse(quantities.parse_months, document.get("months", DEFAULT_MONTHS), "months")
    start = _start(check, document.get("start"), months)
    plan = check.build(
        "",
        Plan,
        goal=goal,
        stages=stages,
        title=check.text(document.get("title", ""), "title"),
        currency=check.text(document.get("currency", ""), "currency"),
        months=months,
        rounding=Rounding(rounding),
        scenarios=_scenarios(check, document.get("scenarios", []), names),
        review=_review(check, document.get("review", {}), names),
        start=start,
        seasonality=_seasonality(check, document.get("seasonality"), months),
        behind_below=check.parse(quantities.parse_fraction, document.get("behind_below", DEFAULT_BEHIND_BELOW), "behind_below"),
        actuals=_actuals(check, document.get("actuals"), start, months, names),
    )
    try:
        check_figures(plan)
    except FigureError as error:
        if error.scenario is None:
            check.fail("goal" if error.part == "goal" else "stages", str(error))
        check.fail(f"scenarios[{error.scenario}].{error.part}", str(error))
    return plan


def _start(check: _Checker, value: object, months: int) -> Month | None:
    if value is None:
        return None
    start = check.parse(lambda raw: parse_month(raw, "start"), value, "start")
    try:
        start.plus(months - 1)
    except ValueError:
        check.fail(
            "start", tr("a plan of {months} months from {start} would end after the year 9999", months=months, start=str(start))
        )
    return start


def _seasonality(check: _Checker, value: object, months: int) -> tuple[Decimal, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        check.fail(
            "seasonality",
            tr(
                "must be an array of {months} weights, one a month (got {value})", months=months, value=quantities.describe(value)
            ),
        )
    if len(value) != months:
        check.fail(
            "seasonality", tr("needs one weight for each of the {months} months (got {count})", months=months, count=len(value))
        )
    weights = tuple(check.parse(quantities.parse_weight, weight, f"seasonality[{index}]") for index, weight in enumerate(value))
    if not any(weights):
        check.fail("seasonality", _("at least one month needs a weight above 0"))
    return weights


def _all_fit(counts: object, names: set[str]) -> bool:
    """Counts of known stages that `parse_recorded_count` takes as they are, checked at C speed."""
    if not isinstance(counts, dict) or not counts or not counts.keys() <= names:
        return False
    values = counts.values()
    return set(map(type, values)) == {int} and min(values) >= 0 and max(values) <= quantities.MAX_COUNT


def month_key(month: str) -> str:
    """A month key in a key path, quoted as the file writes it: `actuals."2026-04"`."""
    return '"' + visible(month).replace('"', '\\"') + '"'


def _actuals(
    check: _Checker, value: object, start: Month | None, months: int, stage_names: list[str]
) -> dict[Month, dict[str, int]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        check.fail(
            "actuals", tr('must be tables of counts, written [actuals."2026-04"] (got {value})', value=quantities.describe(value))
        )
    if not value:
        return {}
    if start is None:
        check.fail("actuals", _('recording actuals needs the plan\'s first month: add start = "YYYY-MM" at the top'))
    last = start.plus(months - 1)
    names = set(stage_names)
    actuals: dict[Month, dict[str, int]] = {}
    for raw_month, counts in value.items():
        path = f"actuals.{month_key(raw_month)}"
        month = check.parse(parse_month, raw_month, path)
        if not start <= month <= last:
            check.fail(path, tr("not a month of the plan ({start} to {last})", start=str(start), last=str(last)))
        if _all_fit(counts, names):
            recorded = dict(counts)  # the common case, checked in one pass: years of actuals load fast
        else:
            entry = check.stage_table(counts, path, stage_names)
            recorded = {
                stage: check.parse(quantities.parse_recorded_count, count, f"{path}.{key_part(stage)}")
                for stage, count in entry.items()
            }
        if recorded:  # an empty month records nothing
            actuals[month] = recorded
    return actuals


def _goal(check: _Checker, value: object) -> Goal:
    if value is None:
        check.fail("goal", _("missing: give revenue with average_deal, or orders"))
    table = check.table(value, "goal", GOAL_FIELDS)
    fields = {name: check.parse(GOAL_PARSERS[name], table[name], f"goal.{name}") for name in table}
    if "orders" in fields and ("revenue" in fields or "average_deal" in fields or "channel_share" in fields):
        check.fail("goal", _("give either orders (the KGI as a count) or revenue with average_deal, not both"))
    return check.build("goal", Goal, **fields)


def _stages(check: _Checker, value: object) -> tuple[Stage, ...]:
    if value is None:
        check.fail("stages", _("missing: a plan needs at least two [[stages]], top of the funnel first"))
    items = check.array_of_tables(value, "stages")
    check.parse(check_stage_count, len(items), "stages")  # before building thousands of them
    stages = []
    for index, item in enumerate(items):
        path = f"stages[{index}]"
        check.table(item, path, STAGE_KEYS)
        if "name" not in item:
            check.fail(f"{path}.name", _("missing: every stage needs a name"))
        stages.append(
            check.build(
                path,
                Stage,
                name=check.text(item["name"], f"{path}.name"),
                rate=check.parse(quantities.parse_fraction, item["rate"], f"{path}.rate") if "rate" in item else None,
                metric=check.text(item.get("metric", ""), f"{path}.metric"),
                owner=check.text(item.get("owner", ""), f"{path}.owner"),
            )
        )
    return tuple(stages)


def _scenarios(check: _Checker, value: object, stage_names: list[str]) -> tuple[Scenario, ...]:
    items = check.array_of_tables(value, "scenarios") if value != [] else []
    check.parse(check_scenario_count, len(items), "scenarios")
    scenarios = []
    for index, item in enumerate(items):
        path = f"scenarios[{index}]"
        check.table(item, path, SCENARIO_KEYS)
        if "name" not in item:
            check.fail(f"{path}.name", _("missing: every scenario needs a name"))
        rates = check.stage_table(item.get("rates", {}), f"{path}.rates", stage_names)
        overrides = check.table(item.get("goal", {}), f"{path}.goal", GOAL_FIELDS)
        scenarios.append(
            check.build(
                path,
                Scenario,
                name=check.text(item["name"], f"{path}.name"),
                note=check.text(item.get("note", ""), f"{path}.note"),
                rates={
                    stage: check.parse(quantities.parse_fraction, rate, f"{path}.rates.{key_part(stage)}")
                    for stage, rate in rates.items()
                },
                goal={field: check.parse(GOAL_PARSERS[field], raw, f"{path}.goal.{field}") for field, raw in overrides.items()},
            )
        )
    return tuple(scenarios)


def _review(check: _Checker, value: object, stage_names: list[str]) -> dict[str, KpiReview]:
    table = check.stage_table(value, "review", stage_names)
    states = tuple(state.value for state in CriterionState)
    review = {}
    for stage, entry in table.items():
        path = f"review.{key_part(stage)}"
        check.table(entry, path, REVIEW_KEYS)
        fields: dict[str, Any] = {}
        for criterion in CRITERIA:
            if criterion in entry:
                state = entry[criterion]
                if state not in states:
                    check.fail(
                        f"{path}.{criterion}", tr("must be todo, ok or concern (got {value})", value=quantities.describe(state))
                    )
                fields[criterion] = CriterionState(state)
        for note in ("notes", "contingency_plan"):
            if note in entry:
                fields[note] = check.text(entry[note], f"{path}.{note}")
        review[stage] = KpiReview(**fields)
    return review


def _number(value: Decimal | int) -> Decimal | int:
    """Whole amounts are written as TOML integers, others as plain decimals (never an exponent)."""
    if isinstance(value, int) or value == value.to_integral_value():
        return int(value)
    return Decimal(format_decimal(value))


def plan_to_toml(plan: Plan) -> str:
    """The plan as format-1 TOML, in a fixed layout: the same plan always gives the same bytes.

    No hidden character goes into it raw (see `toml_escapes`).
    """
    import tomli_w  # only saving needs it: the commands that read plans start faster without

    from kpitui.core.files import toml_escapes

    head: dict[str, Any] = {"format": FORMAT}
    if plan.title:
        head["title"] = plan.title
    if plan.currency:
        head["currency"] = plan.currency
    head["months"] = plan.months
    head["rounding"] = plan.rounding.value
    if plan.start is not None:
        head["start"] = str(plan.start)
    calendar = ""
    if plan.seasonality:  # one line, however many months: it reads as the year at a glance
        calendar += f"seasonality = [{', '.join(format_decimal(weight) for weight in plan.seasonality)}]\n"
    if plan.behind_below != DEFAULT_BEHIND_BELOW:
        calendar += tomli_w.dumps({"behind_below": _number(plan.behind_below)})
    goal = {name: _number(getattr(plan.goal, name)) for name in GOAL_FIELDS if getattr(plan.goal, name) is not None}
    if plan.goal.is_count_driven or plan.goal.channel_share == 1:
        goal.pop("channel_share")
    chunks = [tomli_w.dumps(head) + calendar, tomli_w.dumps({"goal": goal})]
    for stage in plan.stages:
        fields: dict[str, Any] = {"name": stage.name}
        fields.update({k: v for k, v in (("metric", stage.metric), ("owner", stage.owner)) if v})
        if stage.rate is not None:
            fields["rate"] = _number(stage.rate)
        chunks.append("[[stages]]\n" + tomli_w.dumps(fields))
    for scenario in plan.scenarios:
        fields = {"name": scenario.name}
        if scenario.note:
            fields["note"] = scenario.note
        chunk = "[[scenarios]]\n" + tomli_w.dumps(fields)
        # Sub-tables under [[scenarios]] keep every scenario in one shape, however long its overrides.
        for part in ("rates", "goal"):
            overrides = getattr(scenario, part)
            if overrides:
                chunk += f"\n[scenarios.{part}]\n" + tomli_w.dumps({k: _number(v) for k, v in overrides.items()})
        chunks.append(chunk)
    review = {}
    for stage in plan.kpi_stages:
        if stage.name in plan.review:
            entry = plan.review[stage.name]
            fields = {criterion: entry.state(criterion).value for criterion in CRITERIA}
            fields.update({k: v for k, v in (("notes", entry.notes), ("contingency_plan", entry.contingency_plan)) if v})
            review[stage.name] = fields
    if review:
        chunks.append(tomli_w.dumps({"review": review}))
    names = plan.stage_names()
    for month in sorted(plan.actuals):
        counts = plan.actuals[month]
        # Months quoted, as people write them; stages in funnel order, so a month reads top down.
        chunks.append(f'[actuals."{month}"]\n' + tomli_w.dumps({name: counts[name] for name in names if name in counts}))
    return toml_escapes.escaped("\n".join(chunks))
