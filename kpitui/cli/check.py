"""`kpitui check`: validate plans and report the state of each one's KPI review."""

from kpitui.cli import literal
from kpitui.cli.json_text import to_json
from kpitui.cli.output import write
from kpitui.cli.usage import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE
from kpitui.core.domain.review import criterion_label, review_status
from kpitui.core.errors import PlanError, named_path
from kpitui.core.files.planfile import load_plan
from kpitui.core.text.i18n import _, language, speaking, tr
from kpitui.core.text.safe_text import visible
from kpitui.core.text.vocabulary import state_label


def run(paths: list[str], output: str) -> int:
    """`kpitui check`: validate each plan and report its KPI review; the worst outcome sets the exit code."""
    results: list[dict] = []
    texts: list[str] = []  # the same, for people
    worst = EXIT_OK
    for path in paths:
        try:
            with speaking("en" if output == "json" else language()):  # JSON is the same in every language
                plan = load_plan(path)
        except PlanError as error:
            results.append({"plan": str(path), "valid": False, "error": str(error)})
            texts.append(tr("{plan}: invalid", plan=named_path(path)) + "\n  " + visible(str(error)) + "\n")
            worst = EXIT_USAGE
            continue
        status = review_status(plan)
        if not status.settled:
            worst = max(worst, EXIT_PROBLEM)
        results.append(
            {
                "plan": str(path),
                "valid": True,
                "complete": status.settled,  # as the table says: an agreed contingency must be written
                "summary": status.summary(),
                "counts": {state.value: count for state, count in status.counts.items()},
                "open": [
                    {"stage": item.stage, "criterion": item.criterion, "state": item.state.value} for item in status.open_items
                ],
                "missing_contingency_plans": list(status.missing_contingency_plans),
            }
        )
        texts.append(_check_text(results[-1], status.told()))
    if output == "json":
        write(to_json({"plans": results}) + "\n")
    else:
        write(literal.fit("".join(texts)))
    return worst


def _check_text(result: dict, summary: str) -> str:
    """A valid plan's review for people: the verdict, `summary` (told in the interface language), what is open."""
    plan = result["plan"]
    verdict = _("review complete") if result["complete"] else _("review open")
    lines = [tr("{plan}: valid · {verdict} · {summary}", plan=named_path(plan), verdict=verdict, summary=summary)]
    lines += [
        "  "
        + tr(
            "{stage}: {criterion} is {state}",
            stage=i["stage"],
            criterion=criterion_label(i["criterion"]),
            state=state_label(i["state"]),
        )
        for i in result["open"]
    ]
    lines += [
        "  " + tr("{stage}: contingency is ok but no contingency plan is written", stage=stage)
        for stage in result["missing_contingency_plans"]
    ]
    return "\n".join(lines) + "\n"
