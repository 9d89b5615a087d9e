"""`kpitui check`: validate plans and report the state of each one's KPI review."""

from kpitui.cli.json_text import to_json
from kpitui.cli.output import write
from kpitui.cli.usage import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE
from kpitui.core.domain.review import LABELS, review_status
from kpitui.core.errors import PlanError
from kpitui.core.files.planfile import load_plan
from kpitui.core.text.i18n import _, language, ntr, speaking, tr
from kpitui.core.text.safe_text import visible
from kpitui.core.text.vocabulary import state_label


def run(paths: list[str], output: str) -> int:
    """`kpitui check`: validate each plan and report its KPI review; the worst outcome sets the exit code."""
    results, worst = [], EXIT_OK
    for path in paths:
        try:
            with speaking("en" if output == "json" else language()):  # JSON is the same in every language
                plan = load_plan(path)
        except PlanError as error:
            results.append({"plan": str(path), "valid": False, "error": str(error)})
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
    if output == "json":
        write(to_json({"plans": results}) + "\n")
    else:
        write("".join(_check_text(result) for result in results))
    return worst


def _check_text(result: dict) -> str:
    plan = result["plan"]
    if not result["valid"]:
        return tr("{plan}: invalid", plan=plan) + "\n  " + visible(result["error"]) + "\n"
    verdict = _("review complete") if result["complete"] else _("review open")
    lines = [tr("{plan}: valid · {verdict} · {summary}", plan=plan, verdict=verdict, summary=_summary(result))]
    lines += [
        "  "
        + tr(
            "{stage}: {criterion} is {state}",
            stage=i["stage"],
            criterion=_(LABELS[i["criterion"]]),
            state=state_label(i["state"]),
        )
        for i in result["open"]
    ]
    lines += [
        "  " + tr("{stage}: contingency is ok but no contingency plan is written", stage=stage)
        for stage in result["missing_contingency_plans"]
    ]
    return "\n".join(lines) + "\n"


def _summary(result: dict) -> str:
    """`11 of 16 checks ok · 2 concerns · 3 to do`, in the interface language (JSON keeps the English)."""
    counts = result["counts"]
    total, concerns, missing = sum(counts.values()), counts["concern"], len(result["missing_contingency_plans"])
    parts = [
        tr("{ok} of {total} checks ok", ok=counts["ok"], total=total),
        ntr("{n} concern", "{n} concerns", concerns, n=concerns),
        tr("{n} to do", n=counts["todo"]),
    ]
    if missing:
        parts.append(tr("{n} contingency plan(s) not written", n=missing))
    # TRANSLATORS: between the parts of the summary; "·" is of ambiguous width in East Asian terminals.
    return _(" · ").join(parts)
