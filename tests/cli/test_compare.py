"""`kpitui compare`: baselines and scenarios side by side, in every format."""

import csv
import io
import json

from tests.cli.test_cli import HOSTILE, kpitui


def test_json_columns_are_calc_objects_with_their_plan(samples):
    web, saas = str(samples / "web-reference.toml"), str(samples / "saas-trial.toml")
    result = kpitui("compare", web, saas, "--format", "json")
    assert result.returncode == 0, result.stderr
    columns = json.loads(result.stdout)["columns"]
    assert [(c["plan"], c["scenario"]) for c in columns] == [
        (web, None),
        (web, "Better nurturing"),
        (web, "Web share 25%"),
        (web, "Conservative"),
        (saas, None),
        (saas, "Onboarding checklist"),
        (saas, "Stretch goal"),
    ]
    assert [s["target"] for s in columns[0]["stages"]] == [1600, 160, 80, 40, 20]
    assert [s["target"] for s in columns[1]["stages"]] == [1340, 134, 67, 40, 20]
    assert columns[2]["kgi"] == 25 and columns[6]["kgi"] == 45
    calc = json.loads(kpitui("calc", web, "--scenario", "Conservative", "--format", "json").stdout)
    assert {k: v for k, v in columns[3].items() if k != "plan"} == calc


def test_table_shows_values_and_differences(samples):
    out = kpitui("compare", str(samples / "web-reference.toml"), columns=200).stdout
    lines = {line.split("  ")[0]: " ".join(line.split()) for line in out.splitlines() if line.strip()}
    assert lines["Visits target"] == "Visits target 1,600 1,340 -260 (-16%) 2,000 +400 (+25%) 2,500 +900 (+56%)"
    assert lines["Nurtured rate"] == "Nurtured rate 50% 60% +10 pt (+20%) 50% 50%"


def test_wide_tables_come_in_blocks_of_columns(samples):
    out = kpitui("compare", str(samples / "web-reference.toml"), str(samples / "saas-trial.toml"), columns=80).stdout
    assert "Compared (columns" in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_csv_has_exact_values_and_changes(samples):
    out = kpitui("compare", str(samples / "web-reference.toml"), "--format", "csv").stdout
    rows = {row[0]: row[1:] for row in csv.reader(io.StringIO(out))}
    assert rows["row"][:4] == ["Baseline", "Baseline change", "Better nurturing", "Better nurturing change"]
    assert rows["target:Visits"] == ["1600", "", "1340", "-260", "2000", "400", "2500", "900"]
    assert rows["goal.channel_share"] == ["0.2", "", "0.2", "0", "0.25", "0.05", "0.2", "0"]


def test_markdown_is_one_table(samples):
    out = kpitui("compare", str(samples / "web-reference.toml"), "--format", "markdown").stdout
    assert "| Visits target | 1,600 | 1,340 -260 (-16%) | 2,000 +400 (+25%) | 2,500 +900 (+56%) |" in out


def test_stages_are_matched_by_name_and_missing_ones_stay_empty(samples):
    out = kpitui("compare", str(samples / "web-reference.toml"), str(samples / "saas-trial.toml"), "--format", "csv").stdout
    rows = {row[0]: row[1:] for row in csv.reader(io.StringIO(out))}
    assert rows["target:Visits"][8:] == ["", "", "", "", "", ""]  # the SaaS plan has no Visits stage
    assert rows["target:Visitors"][:8] == ["", "", "", "", "", "", "", ""]


def test_hostile_text_is_literal_in_compare(tmp_path):
    path = tmp_path / "hostile.toml"
    path.write_text(HOSTILE, encoding="utf-8")
    for output in ("table", "markdown", "csv"):
        out = kpitui("compare", str(path), "--format", output, columns=200).stdout
        assert "\x1b" not in out and "\u202e" not in out and "\u200b" not in out


def test_an_invalid_plan_stops_compare_with_exit_2(tmp_path, samples):
    bad = tmp_path / "bad.toml"
    bad.write_text("format = 1\n")
    result = kpitui("compare", str(samples / "web-reference.toml"), str(bad))
    assert result.returncode == 2
    assert (
        result.stderr == f"kpitui: error: {bad}: stages: missing: a plan needs at least two [[stages]], top of the funnel first\n"
    )
