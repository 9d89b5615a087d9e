"""The headless commands: each loads plans through the core and prints one report."""

import os
import sys
from pathlib import Path

from kpitui.cli import calc_report, literal
from kpitui.cli.json_text import to_json
from kpitui.core.errors import PlanError
from kpitui.core.example import reference_plan
from kpitui.core.planfile import load_plan
from kpitui.core.review import review_status
from kpitui.core.safe_text import visible
from kpitui.core.schema import plan_to_toml

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad usage: one line on stderr, exit 2."""


def calc(path: Path, scenario: str | None, top: int | None, output: str) -> int:
    """`kpitui calc`: the goal, the KGI and every stage's target, optionally forward from `top`."""
    plan = load_plan(path)
    if scenario is not None and scenario not in {s.name for s in plan.scenarios}:
        known = ", ".join(repr(s.name) for s in plan.scenarios) or "none"
        raise UsageError(f"{path}: no scenario named {scenario!r} (scenarios: {known})")
    report = calc_report.make_report(plan, str(path), scenario, top)
    renderers = {
        "table": calc_report.render_table,
        "markdown": calc_report.render_markdown,
        "csv": calc_report.render_csv,
        "json": lambda r: to_json(calc_report.to_dict(r)) + "\n",
    }
    sys.stdout.write(renderers[output](report))
    return EXIT_OK


def compare(paths: list[Path], output: str) -> int:
    """`kpitui compare`: every plan's baseline and scenarios side by side."""
    from kpitui.cli.compare_report import compare_plans

    sys.stdout.write(compare_plans([(path, load_plan(path)) for path in paths], output))
    return EXIT_OK


def check(paths: list[Path], output: str) -> int:
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
                    {"stage": item.stage, "criterion": item.criterion, "state": item.state.value}
                    for item in status.open_items
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
    plan = literal.plain(result["plan"])
    if not result["valid"]:
        return f"{plan}: invalid\n  {literal.plain(result['error'])}\n"
    verdict = "review complete" if result["complete"] and not result["missing_contingency_plans"] else "review open"
    lines = [f"{plan}: valid · {verdict} · {result['summary']}"]
    lines += [f"  {literal.plain(i['stage'])}: {i['criterion']} is {i['state']}" for i in result["open"]]
    lines += [
        f"  {literal.plain(stage)}: contingency is ok but no contingency plan is written"
        for stage in result["missing_contingency_plans"]
    ]
    return "\n".join(lines) + "\n"


def new(path: Path) -> int:
    """`kpitui new`: write the reference plan to a new file; an existing file is never touched."""
    data = plan_to_toml(reference_plan()).encode("utf-8")
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileExistsError:
        raise UsageError(f"{path}: already exists; kpitui new never overwrites (choose another path)") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot create it: {error.strerror or error}") from None
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    print(f"wrote {visible(str(path))}: the reference plan (KGI 20 web orders); open it with `kpitui {visible(str(path))}`")
    return EXIT_OK
