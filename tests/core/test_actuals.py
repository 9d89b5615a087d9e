"""Recording actuals (SPEC 5.2): single edits, imports, and stage and calendar edits that keep them true."""

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpitui.core.domain import edits
from kpitui.core.domain.actuals import Record, RecordedConflict, apply_import, recorded, set_actual
from kpitui.core.domain.example import reference_plan
from kpitui.core.domain.months import Month
from kpitui.core.files.planfile import parse_plan
from kpitui.core.files.schema import plan_to_toml
from kpitui.core.session.history import History

APRIL, MAY = Month(2026, 4), Month(2026, 5)


def plan_with_actuals():
    plan = replace(reference_plan(), start=APRIL)
    return replace(plan, actuals={APRIL: {"Visits": 128, "Leads": 12}, MAY: {"Visits": 141}})


def test_set_and_remove_one_actual():
    plan = set_actual(plan_with_actuals(), MAY, "Leads", 0)
    assert recorded(plan, MAY, "Leads") == 0  # a recorded 0 is a record
    plan = set_actual(plan, MAY, "Leads", None)
    assert recorded(plan, MAY, "Leads") is None
    emptied = set_actual(plan, MAY, "Visits", None)
    assert MAY not in emptied.actuals  # no empty month is kept


@pytest.mark.parametrize(
    ("month", "stage", "count", "message"),
    [
        (Month(2027, 4), "Visits", 1, r"2027-04 is not a month of the plan \(2026-04 to 2027-03\)"),
        (APRIL, "Visit", 1, r'no stage is called "Visit" \(the plan\'s stages: "Visits", "Leads", "Nurtured"'),
        (APRIL, "Visits", -1, r"must be from 0 to 1,000,000,000,000 \(got -1\)"),
        (APRIL, "Visits", 10**12 + 1, "must be from 0 to"),
    ],
)
def test_a_bad_actual_is_refused_with_the_reason(month, stage, count, message):
    with pytest.raises(ValueError, match=message):
        set_actual(plan_with_actuals(), month, stage, count)


def test_actuals_need_a_start():
    with pytest.raises(ValueError, match="no start month"):
        set_actual(reference_plan(), APRIL, "Visits", 1)


def test_renaming_a_stage_carries_its_actuals():
    plan = edits.rename_stage(plan_with_actuals(), 0, "Sessions")
    assert plan.actuals == {APRIL: {"Sessions": 128, "Leads": 12}, MAY: {"Sessions": 141}}
    assert parse_plan(plan_to_toml(plan), "p") == plan


def test_deleting_a_stage_drops_its_actuals_and_undo_brings_them_back():
    history = History(plan_with_actuals())
    history.push(edits.delete_stage(history.plan, 0), "delete")
    assert history.plan.actuals == {APRIL: {"Leads": 12}}  # May recorded only Visits: gone with it
    history.undo()
    assert history.plan.actuals == plan_with_actuals().actuals


def test_moving_a_stage_keeps_its_actuals():
    assert edits.move_stage(plan_with_actuals(), 1, 1).actuals == plan_with_actuals().actuals


def test_an_edit_of_start_or_months_that_would_strand_actuals_is_refused():
    plan = plan_with_actuals()
    with pytest.raises(ValueError, match="actuals are recorded for 2026-04 to 2026-05, outside a plan from 2026-05 to 2027-04"):
        edits.set_start(plan, MAY)
    with pytest.raises(ValueError, match="outside a plan from 2026-04 to 2026-04"):
        edits.set_months(plan, 1)
    with pytest.raises(ValueError, match="a plan with actuals needs its first month"):
        edits.set_start(plan, None)
    assert edits.set_start(plan, Month(2026, 3)).start == Month(2026, 3)  # April and May still inside
    assert edits.set_months(plan, 2).months == 2


def test_an_edit_of_months_drops_seasonality_it_no_longer_fits_and_says_so():
    plan = replace(plan_with_actuals(), seasonality=(Decimal(2),) + (Decimal(1),) * 11)
    shorter = edits.set_months(plan, 6)
    assert shorter.seasonality == ()
    assert edits.calendar_note(plan, shorter) == (
        "the seasonality weights were for 12 months, not 6: every month now weighs the same (set new weights in the plan file)"
    )
    assert parse_plan(plan_to_toml(shorter), "p") == shorter  # the file stays valid
    assert edits.calendar_note(plan, edits.set_months(plan, 12)) is None


def test_an_import_adds_replaces_and_keeps():
    plan = plan_with_actuals()
    records = [
        Record(APRIL, "Visits", 128, "a.csv:2:2"),  # the same as recorded
        Record(MAY, "Leads", 10, "a.csv:3:3"),  # new
    ]
    result = apply_import(plan, records)
    assert result.summary() == "1 added, 0 replaced, 1 unchanged"
    assert recorded(result.plan, MAY, "Leads") == 10
    with pytest.raises(RecordedConflict, match='a.csv:4:2: "Visits" in 2026-05 is already recorded as 141; the import gives 150'):
        apply_import(plan, [*records, Record(MAY, "Visits", 150, "a.csv:4:2")])
    replaced = apply_import(plan, [*records, Record(MAY, "Visits", 150, "a.csv:4:2")], replace_recorded=True)
    assert replaced.summary() == "1 added, 1 replaced, 1 unchanged"
    assert replaced.replaced[0][1] == 141


def test_an_import_giving_a_month_and_stage_twice_is_refused():
    with pytest.raises(ValueError, match=r'a.csv:3:2: "Leads" in 2026-05 is given twice \(first at a.csv:2:2\)'):
        apply_import(plan_with_actuals(), [Record(MAY, "Leads", 1, "a.csv:2:2"), Record(MAY, "Leads", 1, "a.csv:3:2")])


counts = st.integers(0, 10**12)


@given(st.dictionaries(st.integers(0, 11), st.dictionaries(st.sampled_from(["Visits", "Leads", "Orders"]), counts, min_size=1)))
def test_an_import_of_a_plans_own_actuals_changes_nothing(table):
    plan = replace(reference_plan(), start=APRIL, actuals={APRIL.plus(k): v for k, v in table.items()})
    records = [Record(month, stage, count) for month, row in plan.actuals.items() for stage, count in row.items()]
    again = apply_import(replace(plan, actuals={}), records)
    assert again.plan == plan and len(again.added) == len(records)
    assert apply_import(plan, records).unchanged == tuple(records)
