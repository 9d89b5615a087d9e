"""The headless commands through a real subprocess: output, exit codes, one-line errors."""

import json
import os
import subprocess
import sys

import pytest

from kpitui.core.domain.example import reference_plan
from kpitui.core.files.planfile import load_plan


def kpitui(*args: str, columns: int = 80, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": str(columns)}
    return subprocess.run([sys.executable, "-m", "kpitui", *args], capture_output=True, text=True, env=env, timeout=timeout)


def test_calc_json_on_the_reference_plan(samples):
    result = kpitui("calc", str(samples / "web-reference.toml"), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["kgi"] == 20 and data["orders_total"] == 100 and data["scenario"] is None
    assert [s["target"] for s in data["stages"]] == [1600, 160, 80, 40, 20]
    assert [s["monthly_target"] for s in data["stages"]] == [134, 14, 7, 4, 2]
    assert [s["rate"] for s in data["stages"]] == [0.1, 0.5, 0.5, 0.5, None]
    assert '"rate": 0.1,' in result.stdout  # written exactly, not 0.1000000000000000055511


def test_calc_json_forward_and_scenario(samples):
    result = kpitui(
        "calc", str(samples / "web-reference.toml"), "--format", "json", "--top", "1000", "--scenario", "Better nurturing"
    )
    data = json.loads(result.stdout)
    assert data["scenario"] == "Better nurturing"
    assert [s["target"] for s in data["stages"]] == [1340, 134, 67, 40, 20]
    assert data["forward"] == {
        "top": 1000,
        "stages": [
            {"name": "Visits", "expected": 1000},
            {"name": "Leads", "expected": 100},
            {"name": "Nurtured", "expected": 50},
            {"name": "Meetings", "expected": 30},
            {"name": "Orders", "expected": 15},
        ],
        "kgi_gap": 5,
    }


def test_calc_table_shows_goal_kgi_and_targets(samples):
    result = kpitui("calc", str(samples / "web-reference.toml"))
    assert result.returncode == 0
    assert (
        "revenue 1,000,000,000 JPY ÷ average order 10,000,000 JPY = 100 orders × 20% channel share → KGI 20 Orders"
        in " ".join(result.stdout.split())
    )
    assert "1,600" in result.stdout and "134" in result.stdout


def test_calc_csv(samples):
    result = kpitui("calc", str(samples / "web-reference.toml"), "--format", "csv")
    assert result.stdout.splitlines()[:2] == [
        "stage,metric,owner,rate,target,monthly_target",
        "Visits,Site sessions (analytics),Web team,0.1,1600,134",
    ]


def test_calc_markdown(samples):
    result = kpitui("calc", str(samples / "web-reference.toml"), "--format", "markdown")
    assert "| Visits | Site sessions (analytics) | Web team | 10% | 1,600 | 134 |" in result.stdout


def test_japanese_sample(samples):
    data = json.loads(kpitui("calc", str(samples / "web-reference-ja.toml"), "--format", "json").stdout)
    assert data["stages"][0]["name"] == "集客(自社サイトの訪問)"
    assert [s["target"] for s in data["stages"]] == [1600, 160, 80, 40, 20]


HOSTILE = """format = 1
title = "[bold red]pwned[/] :smile:"
[goal]
orders = 20
[[stages]]
name = "[@click=app.quit]Visits[/]"
metric = "Top [of] funnel | *x* \\u001b[2J\\u202egnp.exe"
rate = 0.5
[[stages]]
name = "Orders\\u200b"
"""


@pytest.mark.parametrize("output", ["table", "markdown", "csv", "json"])
def test_hostile_text_is_printed_literally_and_never_as_escape_sequences(tmp_path, output):
    path = tmp_path / "hostile.toml"
    path.write_text(HOSTILE, encoding="utf-8")
    result = kpitui("calc", str(path), "--format", output, columns=200)  # no wrapping inside a name
    assert result.returncode == 0, result.stderr
    for invisible in ("\x1b", "\u202e", "\u200b"):
        assert invisible not in result.stdout
    if output == "json":
        data = json.loads(result.stdout)
        assert data["stages"][1]["name"] == "Orders\u200b"  # exact data, escaped in transit
    elif output == "markdown":
        assert r"\[@<!-- -->click=app.quit\]Visits\[/\]" in result.stdout
    else:
        assert "[@click=app.quit]Visits[/]" in result.stdout
        assert "\\x1b[2J" in result.stdout and "\\u202e" in result.stdout


def test_hostile_title_keeps_markup_and_emoji_codes(tmp_path):
    path = tmp_path / "hostile.toml"
    path.write_text(HOSTILE, encoding="utf-8")
    assert "[bold red]pwned[/] :smile:" in kpitui("calc", str(path)).stdout


def test_invalid_plan_exits_2_with_one_line(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('format = 1\n[goal]\norders = 20\n[[stages]]\nname = "A"\nrate = 0\n[[stages]]\nname = "B"\n')
    result = kpitui("calc", str(path))
    assert result.returncode == 2
    assert result.stderr == f"kpitui: error: {path}: stages[0].rate: must be greater than 0% (got 0)\n"
    assert result.stdout == ""


def test_syntax_error_line(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("format = 1\ntitle = \n")
    assert kpitui("calc", str(path)).stderr == f"kpitui: error: {path}:2:9: invalid TOML: Invalid value\n"


def test_missing_file_and_bad_usage_exit_2(tmp_path):
    missing = kpitui("calc", str(tmp_path / "none.toml"))
    assert (missing.returncode, missing.stderr) == (2, f"kpitui: error: {tmp_path / 'none.toml'}: no such file\n")
    usage = kpitui("calc", "--format", "xml", "p.toml")
    assert usage.returncode == 2 and usage.stderr.count("\n") == 1
    assert usage.stderr.startswith("kpitui: error: argument --format: invalid choice: 'xml'")
    top = kpitui("calc", "p.toml", "--top", "0")
    assert top.stderr == "kpitui: error: argument --top: must be at least 1 (got 0) (see `kpitui calc --help`)\n"


@pytest.mark.parametrize(
    ("top", "message"),
    [
        ("-0", "must be at least 1 (got -0)"),  # quoted as typed, not as its value
        (
            "0,5",
            "a comma (or _) goes only between groups of three digits, like 1,000 or 12,345,678; "
            'use a point for decimals, like 1.5 (got "0,5")',
        ),  # was "forward from 5"
        (
            "1,5",
            "a comma (or _) goes only between groups of three digits, like 1,000 or 12,345,678; "
            'use a point for decimals, like 1.5 (got "1,5")',
        ),  # was "forward from 15"
        ("١٠٠", 'write digits as 0-9 (or full-width ０-９) (got "١٠٠")'),
    ],
)
def test_top_is_read_by_the_rules_of_typed_numbers(samples, top, message):
    result = kpitui("calc", str(samples / "web-reference.toml"), f"--top={top}")
    assert (result.returncode, result.stderr) == (2, f"kpitui: error: argument --top: {message} (see `kpitui calc --help`)\n")


def test_top_with_thousands_separators_and_full_width_digits(samples):
    for top in ("1,000", "１，０００", "1_000"):
        assert "forward from 1,000" in kpitui("calc", str(samples / "web-reference.toml"), f"--top={top}").stdout


def test_as_of_in_digits_of_another_script_is_refused(samples):
    plan = samples / "web-reference.toml"
    result = kpitui("status", str(plan), "--as-of", "٢٠٢٦-٠٥")
    assert (result.returncode, result.stderr) == (
        2,
        f'kpitui: error: {plan}: --as-of: write digits as 0-9 (or full-width ０-９) (got "٢٠٢٦-٠٥")\n',
    )
    assert "as of 2026-05" in kpitui("status", str(plan), "--as-of", "２０２６-０５").stdout


def test_unknown_scenario_exits_2(samples):
    result = kpitui("calc", str(samples / "saas-trial.toml"), "--scenario", "nope")
    assert result.returncode == 2
    assert 'no scenario named "nope" (scenarios: "Onboarding checklist", "Stretch goal")' in result.stderr


def test_a_file_name_with_escapes_is_shown_escaped(tmp_path):
    result = kpitui("calc", str(tmp_path / "x\x1b[2J.toml"))
    assert "\x1b" not in result.stderr and "x\\x1b[2J.toml: no such file" in result.stderr


def test_new_writes_the_reference_plan_and_never_overwrites(tmp_path):
    path = tmp_path / "plan.toml"
    first = kpitui("new", str(path))
    assert first.returncode == 0
    assert load_plan(path) == reference_plan()
    path.write_text("mine")
    second = kpitui("new", str(path))
    assert second.returncode == 2 and path.read_text() == "mine"
    assert second.stderr == f"kpitui: error: {path}: already exists; kpitui new never overwrites (choose another path)\n"


def test_check_valid_incomplete_and_invalid(tmp_path, samples):
    bad = tmp_path / "bad.toml"
    bad.write_text("format = 9\n")
    reference = str(samples / "web-reference.toml")
    assert kpitui("check", reference).returncode == 1
    both = kpitui("check", reference, str(bad), "--format", "json")
    assert both.returncode == 2
    plans = json.loads(both.stdout)["plans"]
    assert plans[0]["complete"] is False and plans[0]["counts"] == {"todo": 8, "ok": 6, "concern": 2}
    assert {"stage": "Leads", "criterion": "contingency", "state": "concern"} in plans[0]["open"]
    assert plans[1] == {
        "plan": str(bad),
        "valid": False,
        "error": f"{bad}: format: this file has format 9, newer than this kpitui reads (1); upgrade kpitui",
    }


def test_check_complete_review_exits_0(tmp_path):
    complete = "\n".join(
        f'[review.{s}]\nalignment = "ok"\nmeasurability = "ok"\nsimplicity = "ok"\ncontingency = "ok"\ncontingency_plan = "call"'
        for s in ("A",)
    )
    path = tmp_path / "p.toml"
    path.write_text('format = 1\n[goal]\norders = 2\n[[stages]]\nname = "A"\nrate = 0.5\n[[stages]]\nname = "B"\n' + complete)
    result = kpitui("check", str(path), columns=1000)  # the temporary path is long: one line needs room
    assert result.returncode == 0, result.stdout
    assert result.stdout == f"{path}: valid · review complete · 4 of 4 checks ok · 0 concerns · 0 to do\n"


def test_check_flags_an_agreed_contingency_without_a_plan(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text(
        'format = 1\n[goal]\norders = 2\n[[stages]]\nname = "A"\nrate = 0.5\n[[stages]]\nname = "B"\n'
        '[review.A]\nalignment = "ok"\nmeasurability = "ok"\nsimplicity = "ok"\ncontingency = "ok"\n'
    )
    result = kpitui("check", str(path))
    assert result.returncode == 1
    assert "A: contingency is ok but no contingency plan is written" in result.stdout


def test_version_and_help():
    assert kpitui("--version").stdout.startswith("kpitui ")
    assert "calc PLAN" in kpitui("--help").stdout


@pytest.mark.parametrize("columns", ["50", "200", "0", "-3", "wide", None])
def test_help_is_as_wide_as_argparse_would_lay_it_out(columns, monkeypatch):
    import shutil

    from kpitui.cli.main import _help_width

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert _help_width() == shutil.get_terminal_size().columns - 2


def test_a_commands_help_wraps_to_the_terminal():
    help_text = kpitui("status", "--help", columns=50).stdout
    assert "\nWhere every stage stands as of a month: plan and\nactual to date, attainment, forecast, what is\n" in help_text


def test_new_on_a_full_disk_says_why_and_leaves_nothing_behind(tmp_path, monkeypatch, capsys):
    from kpitui.cli.main import main

    def disk_full(descriptor):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    path = tmp_path / "plan.toml"
    assert main(["new", str(path)]) == 2
    assert capsys.readouterr().err == f"kpitui: error: {path}: cannot save: No space left on device\n"
    assert list(tmp_path.iterdir()) == []  # no empty file blocking the next try, no temporary copy
    monkeypatch.undo()
    assert main(["new", str(path)]) == 0 and load_plan(path) == reference_plan()


def test_the_app_without_a_terminal_says_which_command_to_use(samples):
    plan = str(samples / "web-reference.toml")
    piped = subprocess.run(
        [sys.executable, "-m", "kpitui", plan], stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30
    )
    assert piped.returncode == 2 and piped.stdout == ""
    assert piped.stderr == (
        "kpitui: error: the app needs a terminal, and standard input is not one; in scripts use a headless command: "
        "`kpitui calc`, `compare`, `check`, `status`, `actuals` or `new` (see `kpitui --help`)\n"
    )
    controller, terminal = os.openpty()  # a terminal for input, a pipe for output
    try:
        redirected = subprocess.run([sys.executable, "-m", "kpitui"], stdin=terminal, capture_output=True, text=True, timeout=30)
    finally:
        os.close(terminal)
        os.close(controller)
    assert redirected.returncode == 2
    assert redirected.stderr.startswith("kpitui: error: the app needs a terminal, and standard output is not one;")
