"""`kpitui actuals PLAN CSV...`: record actual counts from CSV exports, all or nothing (SPEC 6)."""

from kpitui.cli import literal, output
from kpitui.cli.usage import EXIT_OK, UsageError
from kpitui.core.domain.actuals import Imported, RecordedConflict, apply_import
from kpitui.core.errors import PlanError
from kpitui.core.files.actuals_csv import read_records
from kpitui.core.files.planfile import plan_from_bytes, read_bytes, save_plan
from kpitui.core.text.formatting import format_count
from kpitui.core.text.i18n import _, tr


def _unchanged(path: str, before: bytes) -> bool:
    """Whether the plan file still holds `before`, read as safely as the first time (False when unreadable)."""
    try:
        return read_bytes(path, path) == before
    except PlanError:
        return False


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
    if not result.unchanged and not result.added and not result.replaced:
        lines.append(_("Nothing to change: no row below the header has a count."))
    elif not result.added and not result.replaced:
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
    # Read once, checked before it is opened (a FIFO, a device or a huge file is refused at once),
    # and kept to notice a change by someone else before writing.
    before = read_bytes(plan_path, plan_path)
    plan = plan_from_bytes(before, plan_path)
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
        if not _unchanged(plan_path, before):
            raise PlanError.of_file(plan_path, _("changed on disk while importing: nothing was written; run the import again"))
        save_plan(result.plan, plan_path)
    output.write(literal.fit(report(result, dry_run)))
    return EXIT_OK
