"""Recovery copies belong to the app that wrote them and go only when restored, discarded or saved exactly."""

import os
from decimal import Decimal
from pathlib import Path

import pytest

from kpitui.core.domain import edits
from kpitui.core.domain.example import reference_plan
from kpitui.core.files.planfile import save_plan
from kpitui.core.session import recovery
from kpitui.core.session.document import PlanDocument


@pytest.fixture(autouse=True)
def state_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


@pytest.fixture
def plan_file(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    path = folder / "plan.toml"
    save_plan(reference_plan(), path)
    return path


def edited(document: PlanDocument, percent: str) -> PlanDocument:
    """`document` with its first rate changed, as the app would through its history."""
    document.history.push(edits.set_rate(document.plan, 0, Decimal(percent) / 100), "rate")
    document.keep_recovery_current()
    return document


def test_a_second_app_saving_the_plan_leaves_the_first_apps_copy(plan_file):
    first = edited(PlanDocument.open(plan_file), "20")
    kept = first.keep_recovery()  # the first app met an error: its work is in a copy
    second = edited(PlanDocument.open(plan_file), "30")
    second.save()
    assert kept.exists()
    assert [copy.plan for copy in recovery.find_recoveries(plan_file)] == [first.plan]


def test_a_save_of_exactly_what_a_copy_holds_removes_it(plan_file):
    first = edited(PlanDocument.open(plan_file), "20")
    kept = first.keep_recovery()
    edited(PlanDocument.open(plan_file), "20").save()
    assert not kept.exists()


def test_an_apps_own_copy_follows_its_edits_and_goes_when_they_are_saved(plan_file):
    document = edited(PlanDocument.open(plan_file), "20")
    kept = document.keep_recovery()
    edited(document, "30")
    assert recovery.find_recoveries(plan_file)[0].plan == document.plan
    document.save()
    assert not kept.exists()


def test_undoing_back_to_the_saved_plan_lets_the_copy_go(plan_file):
    document = edited(PlanDocument.open(plan_file), "20")
    kept = document.keep_recovery()
    document.history.undo()
    document.keep_recovery_current()
    assert not kept.exists()


def test_save_as_moves_nothing_but_the_apps_own_copy(plan_file):
    document = edited(PlanDocument.open(plan_file), "20")
    kept = document.keep_recovery()
    document.save(plan_file.with_name("other.toml"))
    assert not kept.exists()


def test_a_copy_is_found_by_the_files_real_path_however_it_is_spelled(plan_file, tmp_path):
    document = edited(PlanDocument.open(plan_file), "20")
    document.keep_recovery()
    link = tmp_path / "link.toml"
    link.symlink_to(plan_file)
    dotted = plan_file.parent / ".." / plan_file.parent.name / plan_file.name
    linked_folder = tmp_path / "linked-folder"
    linked_folder.symlink_to(plan_file.parent)
    for spelling in (link, dotted, linked_folder / "plan.toml", Path(os.path.relpath(plan_file))):
        assert [copy.plan for copy in recovery.find_recoveries(spelling)] == [document.plan], spelling


def test_two_apps_copies_of_one_plan_are_both_found(plan_file):
    first = edited(PlanDocument.open(plan_file), "20")
    first.keep_recovery()
    second = edited(PlanDocument.open(plan_file), "30")
    second.keep_recovery()
    assert sorted(copy.plan.stages[0].rate for copy in recovery.find_recoveries(plan_file)) == [
        Decimal("0.2"),
        Decimal("0.3"),
    ]


def test_a_copy_of_another_plan_or_of_the_example_is_not_offered(plan_file):
    edited(PlanDocument(reference_plan(), None), "20").keep_recovery()
    other = plan_file.with_name("untitled.toml")
    save_plan(reference_plan(), other)
    edited(PlanDocument.open(other), "30").keep_recovery()
    assert recovery.find_recoveries(plan_file) == []
    assert [copy.plan.stages[0].rate for copy in recovery.find_recoveries(None)] == [Decimal("0.2")]
    assert [copy.plan.stages[0].rate for copy in recovery.find_recoveries(other)] == [Decimal("0.3")]
