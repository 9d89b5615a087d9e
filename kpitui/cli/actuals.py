"""`kpitui actuals PLAN CSV...`: record actual counts from CSV exports, all or nothing (SPEC 6)."""

import sys

from kpitui.cli.usage import EXIT_OK, UsageError
from kpitui.core.domain.actuals import Imported, RecordedConflict, apply_import
from kpitui.core.errors import PlanError
from kpitui.core.files.actuals_csv import read_records
from kpitui.core.files.planfile import load_plan, save_plan
from kpitui.core.text.formatting import format_count
from kpitui.core.text.safe_text import visible


def _read_exactly(path: str) -> bytes | None:
    """The plan file's bytes, to notice a change by someone else before writing; None when unreadable."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def report(result: Imported, dry_run: bool) -> str:
    """What was (or would be) added and replaced, one line each, then the counts."""
    lines = []
    for record in result.added:
        lines.append(f"  added     {record.month}  {visible(record.stage)}: {format_count(record.count)}")
    for record, old in result.replaced:
        lines.append(f"  replaced  {record.month}  {visible(record.stage)}: {format_count(old)} → {format_count(record.count)}")
    if not result.added and not result.replaced:
        lines.append(f"Nothing to change: all {len(result.unchanged)} counts are already recorded.")
    else:
        lines.append(f"{result.summary()} ({'dry run: nothing written' if dry_run else 'saved'}).")
    return "\n".join(lines) + "\n"


def run(plan_path: str, csv_paths: list[str], replace: bool, dry_run: bool) -> int:
    """Import every CSV into the plan; nothing is written unless every cell of every file is good."""
    before = _read_exactly(plan_path)
    plan = load_plan(plan_path)
    records = [record for path in csv_paths for record in read_records(path, plan)]
    try:
        result = apply_import(plan, records, replace_recorded=replace)
    except RecordedConflict as error:
        raise UsageError(f"{error}; nothing was written (use --replace to replace recorded counts)") from None
    except ValueError as error:
        raise UsageError(f"{error}; nothing was written") from None
    changed = bool(result.added or result.replaced)
    if changed and not dry_run:
        if _read_exactly(plan_path) != before:
            raise PlanError.of_file(plan_path, "changed on disk while importing: nothing was written; run the import again")
        save_plan(result.plan, plan_path)
    sys.stdout.write(report(result, dry_run))
    return EXIT_OK
