"""`kpitui actuals PLAN CSV...`: record actual counts from CSV exports, all or nothing (SPEC 6)."""

from kpitui.cli import output
from kpitui.cli.usage import EXIT_OK, UsageError
from kpitui.core.domain.actuals import Imported, RecordedConflict, apply_import
from kpitui.core.errors import PlanError
from kpitui.core.files.actuals_csv import read_records
from kpitui.core.files.planfile import load_plan, save_plan
from kpitui.core.text.formatting import format_count
from kpitui.core.text.i18n import _, tr


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
        lines.append(
            "  "
            + tr(
                "added     {month}  {stage}: {count}",
                month=str(record.month),
                stage=record.stage,
                count=format_count(record.count),
            )
        )
    for record, old in result.replaced:
        lines.append(
            "  "
            + tr(
                "replaced  {month}  {stage}: {old} → {new}",
                month=str(record.month),
                stage=record.stage,
                old=format_count(old),
                new=format_count(record.count),
            )
        )
    if not result.added and not result.replaced:
        lines.append(tr("Nothing to change: all {n} counts are already recorded.", n=len(result.unchanged)))
    else:
        counts = {"added": len(result.added), "replaced": len(result.replaced), "unchanged": len(result.unchanged)}
        if dry_run:
            lines.append(tr("{added} added, {replaced} replaced, {unchanged} unchanged (dry run: nothing written).", **counts))
        else:
            lines.append(tr("{added} added, {replaced} replaced, {unchanged} unchanged (saved).", **counts))
    return "\n".join(lines) + "\n"


def run(plan_path: str, csv_paths: list[str], replace: bool, dry_run: bool) -> int:
    """Import every CSV into the plan; nothing is written unless every cell of every file is good."""
    before = _read_exactly(plan_path)
    plan = load_plan(plan_path)
    records = [record for path in csv_paths for record in read_records(path, plan)]
    try:
        result = apply_import(plan, records, replace_recorded=replace)
    except RecordedConflict as error:
        raise UsageError(
            tr("{error}; nothing was written (use --replace to replace recorded counts)", error=str(error))
        ) from None
    except ValueError as error:
        raise UsageError(tr("{error}; nothing was written", error=str(error))) from None
    changed = bool(result.added or result.replaced)
    if changed and not dry_run:
        if _read_exactly(plan_path) != before:
            raise PlanError.of_file(plan_path, _("changed on disk while importing: nothing was written; run the import again"))
        save_plan(result.plan, plan_path)
    output.write(report(result, dry_run))
    return EXIT_OK
