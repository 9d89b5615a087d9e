"""`kpitui check`: validate plans and report the state of each one's KPI review."""

import sys

from kpitui.cli.json_text import to_json
from kpitui.cli.usage import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE
from kpitui.core.domain.review import review_status
from kpitui.core.errors import PlanError
from kpitui.core.files.planfile import load_plan
from kpitui.core.text.safe_text import visible


def run(paths: list[str], output: str) -> int:
    """`kpitui check`: validate each plan and report its KPI review; the worst outcome sets the exit code."""
    results, worst = [], EXIT_OK
    for path in paths:
        try:
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
                "complete": status.complete,
                "summary": status.summary(),
                "counts": {state.value: count for state, count in status.counts.items()},
                "open": [
                    {"stage": item.stage, "criterion": item.criterion, "state": item.state.value} for item in status.open_items
                ],
                "missing_contingency_plans": list(status.missing_contingency_plans),
            }
        )
    if output == "json":
        sys.stdout.write(to_json({"plans": results}) + "\n")
    else:
        sys.stdout.write("".join(_check_text(result) for result in results))
    return worst


def _check_text(result: dict) -> str:
    plan = visible(result["plan"])
    if not result["valid"]:
        return f"{plan}: invalid\n  {visible(result['error'])}\n"
    verdict = "review complete" if result["complete"] and not result["missing_contingency_plans"] else "review open"
    lines = [f"{plan}: valid · {verdict} · {result['summary']}"]
    lines += [f"  {visible(i['stage'])}: {i['criterion']} is {i['state']}" for i in result["open"]]
    lines += [
        f"  {visible(stage)}: contingency is ok but no contingency plan is written"
        for stage in result["missing_contingency_plans"]
    ]
    return "\n".join(lines) + "\n"
