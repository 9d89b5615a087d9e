"""Recording actual counts (SPEC 5.2): one at a time, or a whole import, all or nothing.

Each function takes a plan and returns a new one, or raises ValueError saying why not, like
every edit. "Not recorded" is an absent entry, never a 0.
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace

from kpitui.core.domain.months import Month
from kpitui.core.domain.plan import Plan, named
from kpitui.core.domain.quantities import describe, parse_recorded_count
from kpitui.core.text.formatting import format_count
from kpitui.core.text.i18n import _, tr


class RecordedConflict(ValueError):
    """A count differs from the one already recorded, and replacing was not asked for."""


def check_month(plan: Plan, month: Month) -> None:
    """Refuse a month outside the plan (and any month when the plan has no start)."""
    if plan.start is None:
        raise ValueError(_('the plan has no start month: add start = "YYYY-MM" before recording actuals'))
    if plan.month_number(month) is None:
        last = plan.start.plus(plan.months - 1)
        raise ValueError(
            tr("{month} is not a month of the plan ({start} to {last})", month=str(month), start=str(plan.start), last=str(last))
        )


def check_stage(plan: Plan, stage: str) -> str:
    """The plan's stage that `stage` names, as the plan writes it (a look-alike spelling resolves
    to it); ValueError listing the plan's stages when it has none of that name."""
    name = named(stage, plan.stage_names())
    if name is None:
        known = ", ".join(describe(name) for name in plan.stage_names())
        raise ValueError(tr("no stage is called {stage} (the plan's stages: {known})", stage=describe(stage), known=known))
    return name


def check_record(plan: Plan, month: Month, stage: str) -> None:
    """Refuse a month outside the plan or a stage it does not have."""
    check_month(plan, month)
    check_stage(plan, stage)


def recorded(plan: Plan, month: Month, stage: str) -> int | None:
    """The count recorded for a stage in a month; None when nothing was recorded."""
    return plan.actuals.get(month, {}).get(stage)


def set_actual(plan: Plan, month: Month, stage: str, count: int | None) -> Plan:
    """Record `count` for `stage` in `month`; None removes the record (not recorded, not 0)."""
    check_record(plan, month, stage)
    counts = dict(plan.actuals.get(month, {}))
    if count is None:
        counts.pop(stage, None)
    else:
        counts[stage] = parse_recorded_count(count)
    actuals = {**plan.actuals, month: counts}
    if not counts:
        del actuals[month]
    return replace(plan, actuals=actuals)


@dataclass(frozen=True)
class Record:
    """One count to record, and where it came from (`export.csv:4:3`) for messages."""

    month: Month
    stage: str
    count: int
    origin: str = ""


@dataclass(frozen=True)
class Imported:
    """What an import did: the new plan, and the records added, replaced (with the old count) and unchanged."""

    plan: Plan
    added: tuple[Record, ...]
    replaced: tuple[tuple[Record, int], ...]
    unchanged: tuple[Record, ...]

    def summary(self) -> str:
        """`3 added, 1 replaced, 12 unchanged`."""
        return f"{len(self.added)} added, {len(self.replaced)} replaced, {len(self.unchanged)} unchanged"


def _where(record: Record) -> str:
    return f"{record.origin}: " if record.origin else ""


def apply_import(plan: Plan, records: Iterable[Record], *, replace_recorded: bool = False) -> Imported:
    """Record every count, or none: ValueError (naming the record's origin) on the first problem.

    A month and stage given twice is refused, and so is a count that differs from the one already
    recorded unless `replace_recorded` (RecordedConflict, so a caller can say how to replace).
    """
    seen: dict[tuple[Month, str], Record] = {}
    added: list[Record] = []
    replaced: list[tuple[Record, int]] = []
    unchanged: list[Record] = []
    actuals = {month: dict(counts) for month, counts in plan.actuals.items()}
    for record in records:
        try:
            check_record(plan, record.month, record.stage)
            parse_recorded_count(record.count)
        except ValueError as error:
            raise ValueError(f"{_where(record)}{error}") from None
        key = (record.month, record.stage)
        if key in seen:
            first = seen[key].origin or _("before")  # TRANSLATORS: where a record came from when it has no file place
            raise ValueError(
                _where(record)
                + tr(
                    "{stage} in {month} is given twice (first at {first})",
                    stage=describe(record.stage),
                    month=str(record.month),
                    first=str(first),
                )
            )
        seen[key] = record
        old = recorded(plan, record.month, record.stage)
        if old == record.count:
            unchanged.append(record)
            continue
        if old is None:
            added.append(record)
        elif replace_recorded:
            replaced.append((record, old))
        else:
            raise RecordedConflict(
                _where(record)
                + tr(
                    "{stage} in {month} is already recorded as {old}; the import gives {new}",
                    stage=describe(record.stage),
                    month=str(record.month),
                    old=format_count(old),
                    new=format_count(record.count),
                )
            )
        actuals.setdefault(record.month, {})[record.stage] = record.count
    return Imported(replace(plan, actuals=actuals), tuple(added), tuple(replaced), tuple(unchanged))
