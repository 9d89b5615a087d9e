"""Plan edits keep stage references true; the history undoes them, a run of typing at once."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpitui.core.domain import edits
from kpitui.core.domain.example import reference_plan
from kpitui.core.domain.plan import CriterionState
from kpitui.core.session.history import History
from tests.core.strategies import plans

D = Decimal


def test_deleting_the_kgi_stage_makes_the_one_above_it_the_kgi():
    plan = edits.delete_stage(reference_plan(), 4)
    assert plan.stage_names() == ["Visits", "Leads", "Nurtured", "Meetings"]
    assert plan.kgi_stage.rate is None
    assert plan.scenario("Conservative").rates == {"Visits": D("0.08")}  # Meetings' override went with it


def test_a_plan_keeps_two_stages():
    plan = edits.delete_stage(edits.delete_stage(edits.delete_stage(reference_plan(), 0), 0), 0)
    with pytest.raises(ValueError, match="at least two stages"):
        edits.delete_stage(plan, 0)


def test_moving_keeps_each_stage_its_rate_and_the_kgi_last():
    plan = edits.move_stage(reference_plan(), 0, 1)
    assert [(s.name, s.rate) for s in plan.stages[:2]] == [("Leads", D("0.5")), ("Visits", D("0.1"))]
    with pytest.raises(ValueError, match="KGI stage stays last"):
        edits.move_stage(reference_plan(), 3, 1)


def test_review_edits_only_for_kpi_stages():
    plan = edits.set_criterion(reference_plan(), "Meetings", "alignment", CriterionState.OK)
    assert plan.review["Meetings"].alignment is CriterionState.OK
    with pytest.raises(ValueError, match="not a KPI stage"):
        edits.set_criterion(reference_plan(), "Orders", "alignment", CriterionState.OK)


@given(plans(min_stages=3), st.data())
def test_renaming_then_renaming_back_is_the_identity(plan, data):
    index = data.draw(st.integers(0, len(plan.stages) - 1))
    old = plan.stages[index].name
    renamed = edits.rename_stage(plan, index, "Renamed ★")
    assert edits.rename_stage(renamed, index, old) == plan


def test_history_undo_redo_and_runs_of_typing():
    history = History(reference_plan())
    first = edits.set_rate(history.plan, 0, D("0.2"))
    assert history.push(first, "rate")
    assert not history.push(first, "same plan again")
    note = history.plan
    for text in ("a", "ab", "abc"):  # one run of typing
        note = edits.set_review_text(note, "Leads", "notes", text)
        history.push(note, "notes", run=("typing", 1))
    assert history.undo() == "notes"
    assert history.plan == first  # the whole run at once
    assert history.undo() == "rate"
    assert history.plan == reference_plan()
    with pytest.raises(IndexError):
        history.undo()
    assert history.redo() == "rate" and history.redo() == "notes"
    assert history.plan.review["Leads"].notes == "abc"
    with pytest.raises(IndexError):
        history.redo()


def test_look_alike_names_are_one_name_and_kept_as_written():
    plan = reference_plan()
    nfd = "Visits".replace("i", "i\u0308", 1)  # "Vïsits" with a combining diaeresis
    renamed = edits.rename_stage(plan, 1, nfd)
    assert renamed.stages[1].name == nfd  # kept exactly as typed, not normalised
    with pytest.raises(ValueError, match="another stage is already called"):
        edits.rename_stage(renamed, 0, "V\u00efsits")  # the same name in NFC
