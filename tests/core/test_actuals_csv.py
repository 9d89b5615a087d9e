"""CSV exports to records (SPEC 6): what a plan's own actuals look like written out comes back the same."""

import csv
import io
import os
import tempfile
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpitui.cli.main import main
from kpitui.core.domain.actuals import apply_import
from kpitui.core.domain.example import reference_plan
from kpitui.core.domain.months import Month
from kpitui.core.files.actuals_csv import read_records
from kpitui.core.files.planfile import save_plan

APRIL = Month(2026, 4)
NAMES = reference_plan().stage_names()
SPELLINGS = [
    lambda m: str(m),
    lambda m: f"{m.year}/{m.month}",
    lambda m: f"{m.year}/{m.month:02d}",
    lambda m: f"{m}-01",
    lambda m: f"{m.year}{m.month:02d}",
    lambda m: f"{m.year}年{m.month}月",
]
actuals_tables = st.dictionaries(
    st.integers(0, 11).map(APRIL.plus),
    st.dictionaries(st.sampled_from(NAMES), st.integers(0, 10**12), min_size=1),
    max_size=6,
)


def export(actuals, wide: bool, spell, delimiter: str, thousands: bool) -> str:
    """The actuals as an analytics tool might export them."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    number = (lambda n: f"{n:,}") if thousands else str
    if wide:
        writer.writerow(["Month", *NAMES])
        for month, counts in actuals.items():
            writer.writerow([spell(month), *(number(counts[name]) if name in counts else "" for name in NAMES)])
    else:
        writer.writerow(["件数", "月", "ステージ"])
        for month, counts in actuals.items():
            for name, count in counts.items():
                writer.writerow([number(count), spell(month), name])
    return "# exported by a tool\n" + buffer.getvalue()


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    actuals_tables,
    st.booleans(),
    st.sampled_from(SPELLINGS),
    st.sampled_from([",", "\t"]),
    st.booleans(),
    st.sampled_from(["utf-8", "utf-8-sig", "cp932"]),
)
def test_an_export_of_a_plans_actuals_imports_as_the_same_actuals(actuals, wide, spell, delimiter, thousands, encoding):
    plan = replace(reference_plan(), start=APRIL)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "export.csv")
        with open(path, "wb") as handle:
            handle.write(export(actuals, wide, spell, delimiter, thousands).encode(encoding))
        imported = apply_import(plan, read_records(path, plan))
    assert imported.plan.actuals == actuals


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=40)
@given(actuals_tables, st.text(max_size=60), st.integers(0, 200))
def test_a_failed_import_changes_nothing(actuals, junk, where):
    plan = replace(reference_plan(), start=APRIL, actuals={APRIL: {"Visits": 5}})
    good = export(actuals, True, str, ",", False)
    text = good[:where] + junk + good[where:]
    with tempfile.TemporaryDirectory() as folder:
        plan_path, csv_path = os.path.join(folder, "plan.toml"), os.path.join(folder, "export.csv")
        save_plan(plan, plan_path)
        before = open(plan_path, "rb").read()
        with open(csv_path, "w", encoding="utf-8") as handle:
            handle.write(text)
        code = main(["actuals", plan_path, csv_path])
        if code != 0:
            assert open(plan_path, "rb").read() == before
            assert sorted(os.listdir(folder)) == ["export.csv", "plan.toml"]
