"""Saving a plan someone wrote keeps what they wrote: comments, order, layout, how each value is written."""

import difflib
import shutil
import tempfile
from decimal import Decimal as D
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpitui.core.domain import edits, scenarios
from kpitui.core.domain.plan import CRITERIA, CriterionState, Goal
from kpitui.core.files.planfile import load_plan, save_plan
from kpitui.core.files.schema import plan_to_toml
from kpitui.core.text.safe_text import is_blank
from tests.core.strategies import rates

SAMPLES = Path(__file__).resolve().parent.parent.parent / "sample_plans"

HAND_WRITTEN = """\
# FY2026 plan: agreed with sales on 2 March
format = 1
title = "Hand-written plan"   # the board's name for it
currency = "JPY"
# months left to the default (12), rounding too

[goal]
revenue = 1_000_000_000       # from the business plan
average_deal = 10_000_000
channel_share = "20%"         # web share, per the CRM report

[[stages]]
name = "Visits"               # sessions, not users
rate = "10%"

[[stages]]
name = "Leads"
metric = "Form submissions"
rate = 0.5                    # last year's average

[[stages]]
name = "Meetings"
owner = 'Inside sales'        # literal string
rate = "50%"

[[stages]]
name = "Orders"               # the KGI

[review.Visits]
alignment = "ok"              # everyone agrees
notes = \"\"\"
Counted by the analytics tool.
Checked weekly.\"\"\"

[[scenarios]]
name = "Better leads"
rates = { Leads = "60%", Meetings = 0.55 }   # after the webinar series

[[scenarios]]
name = "Bigger share"
goal.channel_share = 0.25     # a dotted key
"""


def hand_written_files() -> dict[str, str]:
    files = {path.name: path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.toml"))}
    files["hand-written.toml"] = HAND_WRITTEN
    return files


FILES = hand_written_files()


def saved_after(text: str, edit) -> tuple[str, object]:
    """Write `text`, apply `edit` to the plan it holds, save; the file's new text and the edited plan."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.toml"
        path.write_text(text, encoding="utf-8")
        plan = edit(load_plan(path))
        save_plan(plan, path)
        assert load_plan(path) == plan
        return path.read_text(encoding="utf-8"), plan


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    return [line[2:] for line in diff if line.startswith("- ")], [line[2:] for line in diff if line.startswith("+ ")]


def test_a_one_rate_edit_is_a_one_line_diff():
    text, _ = saved_after(HAND_WRITTEN, lambda plan: edits.set_rate(plan, 1, D("0.6")))
    assert changed_lines(HAND_WRITTEN, text) == (
        ["rate = 0.5                    # last year's average"],
        ["rate = 0.6                    # last year's average"],
    )


def test_a_percent_stays_a_percent_and_digit_groups_stay_grouped():
    def edit(plan):
        plan = edits.set_rate(plan, 0, D("0.125"))
        return edits.set_goal(plan, Goal(D(2_500_000_000), D(10_000_000), D("0.2")))

    text, _ = saved_after(HAND_WRITTEN, edit)
    assert changed_lines(HAND_WRITTEN, text) == (
        ["revenue = 1_000_000_000       # from the business plan", 'rate = "10%"'],
        ["revenue = 2_500_000_000       # from the business plan", 'rate = "12.5%"'],
    )


def test_values_left_to_their_default_stay_unwritten():
    text, _ = saved_after(HAND_WRITTEN, lambda plan: edits.set_criterion(plan, "Visits", "simplicity", CriterionState.OK))
    assert changed_lines(HAND_WRITTEN, text) == ([], ['simplicity = "ok"'])


def test_adding_and_removing_entries_touches_only_them():
    text, _ = saved_after(HAND_WRITTEN, lambda plan: edits.insert_stage(plan, 1))
    removed, added = changed_lines(HAND_WRITTEN, text)
    assert removed == [] and sorted(added) == sorted(["[[stages]]", 'name = "New stage"', "rate = 0.5", ""])
    text, _ = saved_after(HAND_WRITTEN, lambda plan: edits.delete_stage(plan, 2))
    removed, added = changed_lines(HAND_WRITTEN, text)
    assert added == ['rates = {Leads = "60%"}   # after the webinar series']
    assert sorted(removed) == sorted(
        [
            "[[stages]]",
            'name = "Meetings"',
            "owner = 'Inside sales'        # literal string",
            'rate = "50%"',
            "",
            'rates = { Leads = "60%", Meetings = 0.55 }   # after the webinar series',
        ]
    )


def test_a_file_that_is_not_a_plan_yet_is_written_afresh(tmp_path):
    path = tmp_path / "plan.toml"
    path.write_text("# notes to self\n")
    plan = load_plan(SAMPLES / "saas-trial.toml")
    save_plan(plan, path)
    assert path.read_text(encoding="utf-8") == plan_to_toml(plan)


# One-value edits a person makes in the app, on any hand-written file.
texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12).filter(
    lambda s: not is_blank(s)
)


@st.composite
def one_value_edits(draw, plan):
    kpi = draw(st.integers(0, len(plan.kpi_stages) - 1))
    choice = draw(st.sampled_from(["rate", "text", "title", "criterion", "notes", "override", "rounding", "revenue"]))
    if choice == "rate":
        return lambda p: edits.set_rate(p, kpi, draw(rates))
    if choice == "text":
        field = draw(st.sampled_from(["metric", "owner"]))
        return lambda p: edits.set_stage_text(p, kpi, field, draw(texts))
    if choice == "title":
        return lambda p: edits.set_title(p, draw(texts))
    if choice == "criterion":
        stage, criterion = plan.kpi_stages[kpi].name, draw(st.sampled_from(CRITERIA))
        return lambda p: edits.set_criterion(p, stage, criterion, draw(st.sampled_from(list(CriterionState))))
    if choice == "notes":
        return lambda p: edits.set_review_text(p, plan.kpi_stages[kpi].name, "notes", draw(texts))
    if choice == "override" and plan.scenarios:
        index = draw(st.integers(0, len(plan.scenarios) - 1))
        return lambda p: scenarios.set_rate_override(p, index, plan.kpi_stages[kpi].name, draw(rates))
    if choice == "revenue" and not plan.goal.is_count_driven:
        return lambda p: edits.set_goal(p, Goal(D(draw(st.integers(1, 10**15))), p.goal.average_deal, p.goal.channel_share))
    return edits.toggle_rounding


@settings(max_examples=150)
@given(st.sampled_from(sorted(FILES)), st.data())
def test_any_one_value_edit_changes_only_its_own_line(name, data):
    text = FILES[name]
    edit = data.draw(one_value_edits(load_plan_text(text)))
    saved, _ = saved_after(text, edit)
    old, new = text.splitlines(), saved.splitlines()
    hunks = [op for op in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes() if op[0] != "equal"]
    assert len(hunks) <= 1, hunks  # one place changed, every other line kept as it was
    for _, old_start, old_end, new_start, new_end in hunks:
        gone, came = old[old_start:old_end], new[new_start:new_end]
        if not gone and [line for line in came if line][0].startswith("["):
            continue  # the edit made a new table (the first review of a stage): its lines are all new
        # ... and that place is one key's value (a multi-line string spans several lines)
        assert sum(" = " in line for line in gone) <= 1 and sum(" = " in line for line in came) <= 1, (gone, came)


def load_plan_text(text: str):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.toml"
        path.write_text(text, encoding="utf-8")
        return load_plan(path)


@pytest.mark.parametrize("name", sorted(FILES))
def test_saving_an_unchanged_plan_changes_nothing(name, tmp_path):
    path = tmp_path / "plan.toml"
    shutil.copy(SAMPLES / name, path) if (SAMPLES / name).exists() else path.write_text(FILES[name], encoding="utf-8")
    before = path.read_bytes()
    save_plan(load_plan(path), path)
    assert path.read_bytes() == before


def test_only_saving_loads_tomlkit():
    import subprocess
    import sys

    probe = (
        "from kpitui.cli.main import main; main(['calc', 'sample_plans/web-reference.toml'])\n"
        "import sys; print('tomlkit' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=SAMPLES.parent, timeout=60)
    assert result.stdout.strip().splitlines()[-1] == "False", result.stderr
