"""A stage is named the way people see its name (NFC): `Café` typed with a combining accent (NFD)
in a review, a scenario's rates, a month of actuals or a CSV export names the plan's `Café`."""

import pytest

from kpitui.core.domain.months import Month
from kpitui.core.errors import PlanError
from kpitui.core.files.actuals_csv import read_records
from kpitui.core.files.planfile import parse_plan

NFC, NFD = "Caf\u00e9", "Cafe\u0301"
PLAN = f"""format = 1
start = "2026-04"
[goal]
orders = 12
[[stages]]
name = "{NFC}"
rate = "50%"
[[stages]]
name = "B"
"""
REFERENCES = f"""[[scenarios]]
name = "S"
rates."{NFD}" = "40%"
[review."{NFD}"]
alignment = "ok"
[actuals."2026-04"]
"{NFD}" = 3
"""


def test_a_look_alike_spelling_names_the_same_stage_everywhere_in_a_plan():
    plan = parse_plan(PLAN + REFERENCES, "p.toml")
    assert list(plan.scenarios[0].rates) == [NFC]
    assert list(plan.review) == [NFC]
    assert plan.actuals[Month(2026, 4)] == {NFC: 3}


def test_two_spellings_of_one_stage_in_one_table_are_refused():
    with pytest.raises(PlanError, match="another key names this stage"):
        parse_plan(PLAN + f'[review."{NFC}"]\nalignment = "ok"\n[review."{NFD}"]\nsimplicity = "ok"\n', "p.toml")


@pytest.mark.parametrize("export", [f"month,{NFD}\n2026-05,4\n", f"month,stage,count\n2026-05,{NFD},4\n"])
def test_a_look_alike_spelling_in_a_csv_export_names_the_plans_stage(tmp_path, export):
    path = tmp_path / "export.csv"
    path.write_text(export, encoding="utf-8")
    records = read_records(str(path), parse_plan(PLAN, "p.toml"))
    assert [(record.stage, record.count) for record in records] == [(NFC, 4)]
