"""`kpitui status` through a subprocess: every format, every exit code, plan text kept literal."""

import csv
import io
import json

import pytest

from tests.cli.test_cli import HOSTILE, kpitui

ON_TRACK_PLAN = """format = 1
title = "Two stages"
start = "2026-04"
[goal]
orders = 12
[[stages]]
name = "Meetings"
rate = 0.5
[[stages]]
name = "Orders"
[actuals."2026-04"]
Meetings = 2
Orders = 1
"""


def test_json_of_the_sample_is_spec_6(samples):
    path = str(samples / "web-reference.toml")
    result = kpitui("status", path, "--format", "json")
    assert result.returncode == 1, result.stderr  # Leads is behind
    data = json.loads(result.stdout)
    assert list(data) == ["plan", "title", "as_of", "months_elapsed", "stages", "replan_top", "bottleneck", "behind"]
    assert (data["plan"], data["title"], data["as_of"], data["months_elapsed"]) == (path, "FY2026 web plan", "2026-06", 3)
    leads = data["stages"][1]
    assert leads == {
        "name": "Leads",
        "target": 160,
        "plan_to_date": 40,
        "actual_to_date": 33,
        "attainment": 82.5,
        "status": "behind",
        "missing_months": [],
        "forecast": 132,
        "forecast_gap": 28,
        "needed_per_month": 15,
        "rate": 0.5,
        "observed_rate": 0.575758,  # 19/33 = 0.5757575…, half-even to 6 places
    }
    assert data["stages"][0]["observed_rate"] == 0.080882  # 33/408 = 0.0808823…
    assert data["stages"][-1]["observed_rate"] is None and data["stages"][-1]["rate"] is None
    assert (data["replan_top"], data["bottleneck"]) == (1632, "Visits")
    assert data["behind"] == [
        {
            "stage": "Leads",
            "contingency": "concern",
            "contingency_plan": "Add a paid campaign if below 80 % of target by month 6",
        }
    ]


def test_table_puts_the_behind_stage_and_its_plan_first_and_fits_80_columns(samples):
    result = kpitui("status", str(samples / "web-reference.toml"), columns=80)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "FY2026 web plan — as of 2026-06 (month 3 of 12)"
    assert lines[1] == "BEHIND Leads: 33 of 40 planned to date (82.5%); needs 15 a month from now on"
    assert lines[2].startswith("  contingency plan (review: concern): Add a paid campaign")
    assert max(len(line) for line in lines) <= 80
    assert "Leads      behind         33     40      82.5%        132      160        15" in lines
    assert "Bottleneck: Visits converts at 8.1% against 10% planned." in lines
    assert "At the rates you really see, you need 1,632 at the top (the plan says 1,600)." in lines
    assert len(lines) <= 24  # one screenful


def test_csv_has_one_exact_row_a_stage(samples):
    result = kpitui("status", str(samples / "web-reference.toml"), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["stage"] for row in rows] == ["Visits", "Leads", "Nurtured", "Meetings", "Orders"]
    assert rows[1]["attainment"] == "82.5" and rows[1]["status"] == "behind" and rows[1]["observed_rate"] == "0.575758"
    assert rows[-1]["observed_rate"] == "" and rows[-1]["rate"] == ""


def test_markdown_escapes_and_keeps_the_behind_stage_first(samples):
    result = kpitui("status", str(samples / "web-reference.toml"), "--format", "markdown")
    lines = result.stdout.splitlines()
    assert lines[0] == "## FY2026 web plan — as of 2026-06 (month 3 of 12)"
    assert lines[2].startswith("BEHIND Leads: 33 of 40")
    assert "| Leads | behind | 33 | 40 | 82.5% | 132 | 160 | 15 |" in lines


def test_an_earlier_month_and_missing_records(samples, tmp_path):
    result = kpitui("status", str(samples / "web-reference.toml"), "--as-of", "2026-07", "--format", "json")
    data = json.loads(result.stdout)
    assert data["months_elapsed"] == 4 and all(s["missing_months"] == ["2026-07"] for s in data["stages"])
    table = kpitui("status", str(samples / "web-reference.toml"), "--as-of", "2026/7", columns=120)
    assert "Not recorded in 2026-07: Visits, Leads, Nurtured, Meetings, Orders" in table.stdout.splitlines()


def test_exit_0_when_nothing_is_behind(tmp_path):
    path = tmp_path / "plan.toml"
    path.write_text(ON_TRACK_PLAN, encoding="utf-8")
    for output in ("table", "json", "csv", "markdown"):
        result = kpitui("status", str(path), "--format", output)
        assert result.returncode == 0, (output, result.stderr)
    assert json.loads(kpitui("status", str(path), "--format", "json").stdout)["behind"] == []


@pytest.mark.parametrize("output", ["table", "json", "csv", "markdown"])
def test_nothing_recorded_yet_says_so_and_exits_0(samples, output):
    result = kpitui("status", str(samples / "saas-trial.toml"), "--format", output)
    assert result.returncode == 0, result.stderr
    if output == "json":
        data = json.loads(result.stdout)
        assert data["as_of"] is None and data["months_elapsed"] == 0
        assert {s["status"] for s in data["stages"]} == {"no_data"}
    elif output in ("table", "markdown"):
        assert "Q3 self-serve trials: nothing recorded yet" in result.stdout


def test_a_plan_without_a_calendar_is_told_its_first_step(tmp_path):
    """`kpitui actuals` refuses a plan without `start`: the hint says to set it first, not to run it."""
    path = tmp_path / "starter.toml"
    assert kpitui("new", str(path)).returncode == 0
    result = kpitui("status", str(path))
    assert result.returncode == 0, result.stderr
    assert 'set the plan\'s first month (start = "YYYY-MM"), then record actuals' in result.stdout.replace("\n", " ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--as-of", "2027-04"], "{plan}: --as-of: 2027-04 is not a month of the plan (2026-04 to 2027-03)"),
        (["--as-of", "april"], '--as-of: not a month (got "april"); write it like "2026-06"'),
        (["--format", "xml"], "argument --format: invalid choice: 'xml'"),
    ],
)
def test_bad_usage_exits_2_with_one_line(samples, args, message):
    plan = str(samples / "web-reference.toml")
    result = kpitui("status", plan, *args)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("kpitui: error: " + message.format(plan=plan))
    assert result.stderr.count("\n") == 1


def test_an_invalid_plan_exits_2(tmp_path):
    path = tmp_path / "plan.toml"
    path.write_text(ON_TRACK_PLAN.replace('"2026-04"]', '"2026-4"]'), encoding="utf-8")
    result = kpitui("status", str(path))
    assert result.returncode == 2
    assert result.stderr == (
        f'kpitui: error: {path}: actuals."2026-4": must be a month written "YYYY-MM", like "2026-04"'
        ' (got "2026-4"); did you mean "2026-04"?\n'
    )


@pytest.mark.parametrize("output", ["table", "markdown", "csv", "json"])
def test_hostile_names_stay_literal(tmp_path, output):
    text = HOSTILE.replace("format = 1\n", 'format = 1\nstart = "2026-04"\n')
    text += '[actuals."2026-04"]\n"[@click=app.quit]Visits[/]" = 1\n"Orders\\u200b" = 0\n'
    text += '[review."[@click=app.quit]Visits[/]"]\ncontingency_plan = "Call \\u001b[2J everyone"\n'
    path = tmp_path / "hostile.toml"
    path.write_text(text, encoding="utf-8")
    result = kpitui("status", str(path), "--format", output, columns=200)
    assert result.returncode == 1, result.stderr
    for invisible in ("\x1b", "\u202e", "\u200b"):
        assert invisible not in result.stdout
    if output in ("table", "csv"):
        assert "[@click=app.quit]Visits[/]" in result.stdout
    if output == "table":
        assert "Call \\x1b[2J everyone" in result.stdout


def test_calc_monthly_json_schedule(samples):
    result = kpitui("calc", str(samples / "web-reference.toml"), "--monthly", "--format", "json")
    assert result.returncode == 0, result.stderr
    schedule = json.loads(result.stdout)["schedule"]
    assert [entry["month"] for entry in schedule][:3] == ["2026-04", "2026-05", "2026-06"]
    # Visits: ceil(1600 × k/12) to date: 134, 267, 400; planned per month 134, 133, 133.
    assert schedule[0] == {"month": "2026-04", "planned": [134, 14, 7, 4, 2], "planned_to_date": [134, 14, 7, 4, 2]}
    assert [entry["planned_to_date"][0] for entry in schedule[:3]] == [134, 267, 400]
    assert schedule[-1]["planned_to_date"] == [1600, 160, 80, 40, 20]


def test_calc_monthly_without_start_numbers_the_months(samples):
    result = kpitui("calc", str(samples / "saas-trial.toml"), "--monthly", "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["month", "stage", "planned", "planned_to_date"]
    assert rows[1][:2] == ["M1", "Visitors"]
    assert rows[-1][0] == "M3"


def test_calc_monthly_table_comes_in_blocks_that_fit_80_columns(samples):
    result = kpitui("calc", str(samples / "web-reference.toml"), "--monthly", columns=80)
    lines = result.stdout.splitlines()
    assert "Month by month (2026-04 to 2026-09, months 1-6 of 12)" in lines
    assert "Month by month (2026-10 to 2027-03, months 7-12 of 12)" in lines
    assert "Visits          134       133       133       134       133       133" in lines
    assert "  to date       934     1,067     1,200     1,334     1,467     1,600" in lines
    assert max(len(line) for line in lines) <= 80
    wide = kpitui("calc", str(samples / "web-reference.toml"), "--monthly", columns=160)
    assert "Month by month (12 months)" in wide.stdout


def test_calc_monthly_markdown_has_every_month_in_one_table(samples):
    result = kpitui("calc", str(samples / "web-reference.toml"), "--monthly", "--format", "markdown")
    assert "| Visits | 134 | 133 | 133 | 134 | 133 | 133 | 134 | 133 | 133 | 134 | 133 | 133 |" in result.stdout
