"""Hostile input and hostile surroundings: special files, broken outputs, odd encodings and widths."""

import csv
import io
import json
import os
import subprocess
import sys

import pytest

PLAN = """format = 1
title = "T"
[goal]
orders = 20
[[stages]]
name = "Visits"
metric = "Site sessions"
rate = "10%"
[[stages]]
name = "Leads"
rate = "50%"
[[stages]]
name = "Orders"
"""


def run(*args: str, env: dict[str, str] | None = None, **options) -> subprocess.CompletedProcess:
    """kpitui in a subprocess with a time budget: a command that hangs fails the test.

    Wide unless told otherwise, so that a message naming a long temporary path stays on one line.
    """
    return subprocess.run(
        [sys.executable, "-m", "kpitui", *args],
        capture_output="stdout" not in options,
        text=True,
        env={**os.environ, "COLUMNS": "1000", **(env or {})},
        timeout=20,
        **options,
    )


@pytest.fixture
def plan(tmp_path) -> str:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("command", [["calc"], ["check"], ["compare"]])
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path, command):
    fifo = tmp_path / "plan.toml"
    os.mkfifo(fifo)
    result = run(*command, str(fifo))  # TimeoutExpired if it opened the FIFO for reading
    assert result.returncode == 2
    assert f"{fifo}: not a regular file" in result.stdout + result.stderr


def test_opening_the_app_on_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "plan.toml"
    os.mkfifo(fifo)
    opening = f"from pathlib import Path; from kpitui.app.factory import make_app; make_app(Path({str(fifo)!r}))"
    result = subprocess.run([sys.executable, "-c", opening], capture_output=True, text=True, timeout=20)
    assert f"PlanError: {fifo}: not a regular file" in result.stderr


def test_a_device_is_refused():
    result = run("calc", "/dev/zero")
    assert (result.returncode, result.stderr) == (2, "kpitui: error: /dev/zero: not a regular file\n")


def test_a_full_disk_gives_one_error_line(plan):
    with open("/dev/full", "w") as full:
        result = run("calc", plan, stdout=full, stderr=subprocess.PIPE)
    assert (result.returncode, result.stderr) == (1, "kpitui: error: cannot write the output: No space left on device\n")


@pytest.mark.parametrize("output", ["table", "json", "csv", "markdown"])
def test_a_closed_pipe_gives_one_error_line(plan, output):
    reader, writer = os.pipe()
    os.close(reader)  # like `kpitui calc PLAN | head -0`: nobody reads
    try:
        result = run("calc", plan, "--format", output, stdout=writer, stderr=subprocess.PIPE)
    finally:
        os.close(writer)
    assert (result.returncode, result.stderr) == (1, "kpitui: error: cannot write the output: Broken pipe\n")


def test_a_closed_stdout_gives_one_error_line(plan):
    result = subprocess.run(
        ["sh", "-c", 'exec "$0" -m kpitui calc "$1" >&-', sys.executable, plan], capture_output=True, text=True, timeout=20
    )
    assert (result.returncode, result.stderr) == (1, "kpitui: error: cannot write the output: standard output is closed\n")


@pytest.mark.parametrize("output", ["table", "json", "csv", "markdown"])
@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_any_output_encoding_prints_with_escapes(samples, output, encoding):
    result = subprocess.run(
        [sys.executable, "-m", "kpitui", "calc", str(samples / "web-reference-ja.toml"), "--format", output],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": encoding, "LANG": "C", "LC_ALL": "C"},
        timeout=20,
    )
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode(encoding)
    assert "\\u" in text  # the Japanese names, as escapes
    if output == "json":
        assert json.loads(text)["stages"][0]["name"] == "集客(自社サイトの訪問)"  # JSON escapes are JSON


REFERENCE_FIGURES = ["10%", "50%", "KGI", "1,600", "160", "80", "40", "20", "134", "14", "7", "4", "2"]


@pytest.mark.parametrize("columns", ["1", "20", "40", "60", "0", "-5", "abc", "99999999999"])
def test_a_narrow_or_odd_width_never_drops_or_breaks_a_figure(samples, columns):
    result = run("calc", str(samples / "web-reference.toml"), env={"COLUMNS": columns})
    assert result.returncode == 0, result.stderr
    words = result.stdout.split()
    for figure in REFERENCE_FIGURES:
        assert figure in words, f"{figure} missing or broken at COLUMNS={columns}"
    for name in ("Visits", "Leads", "Nurtured", "Meetings", "Orders", "Rate", "Target", "Monthly"):
        assert name in words


def test_a_narrow_terminal_lists_one_stage_a_block(samples):
    result = run("calc", str(samples / "web-reference.toml"), env={"COLUMNS": "40"})
    assert (
        "\nVisits\n  Metric   Site sessions (analytics)\n  Owner    Web team\n  Rate     10%\n  Target   1,600\n" in result.stdout
    )


@pytest.mark.parametrize("columns", ["30", "0", "nonsense"])
def test_compare_at_any_width_keeps_every_figure(samples, columns):
    result = run("compare", str(samples / "web-reference.toml"), env={"COLUMNS": columns})
    assert result.returncode == 0, result.stderr
    words = result.stdout.split()
    for figure in ("1,600", "1,340", "-260", "(-16%)", "2,500", "+900", "(+56%)", "+10", "pt"):
        assert figure in words
    if columns == "30":  # too narrow for one column beside the labels: one row a block, a long value under its header
        assert "\nVisits target\n  Baseline          1,600\n  Better nurturing\n    1,340 -260 (-16%)\n" in result.stdout


FORMULAS = """format = 1
title = "=HYPERLINK(\\"http://x\\")"
[goal]
orders = 20
[[stages]]
name = "=1+2"
metric = "@SUM(A1:A9)"
owner = "  +cmd|' /C calc'!A0"
rate = "10%"
[[stages]]
name = "-2"
metric = "\\tx"
owner = "plain"
[[scenarios]]
name = "@evil"
rates = { "=1+2" = "20%" }
"""


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_calc_csv_text_cells_never_become_formulas_and_numbers_stay_numbers(tmp_path):
    path = tmp_path / "f.toml"
    path.write_text(FORMULAS, encoding="utf-8")
    rows = csv_rows(run("calc", str(path), "--format", "csv").stdout)
    assert rows[1] == ["'=1+2", "'@SUM(A1:A9)", "'  +cmd|' /C calc'!A0", "0.1", "200", "17"]
    assert rows[2] == ["'-2", "\\x09x", "plain", "", "20", "2"]


def test_compare_csv_text_cells_never_become_formulas_and_changes_stay_numbers(tmp_path):
    path = tmp_path / "f.toml"
    path.write_text(FORMULAS, encoding="utf-8")
    rows = csv_rows(run("compare", str(path), "--format", "csv").stdout)
    assert rows[0] == ["row", "Baseline", "Baseline change", "'@evil", "'@evil change"]
    assert ["target:=1+2", "200", "", "100", "-100"] in rows


@pytest.mark.parametrize("args", [["calc", "--monthly"], ["status"]])
def test_every_other_csv_output_neutralises_formulas_too(tmp_path, args):
    path = tmp_path / "f.toml"
    plan = FORMULAS.replace("[goal]", 'start = "2026-04"\n[goal]') + '[actuals."2026-04"]\n"=1+2" = 100\n'
    path.write_text(plan, encoding="utf-8")
    result = run(args[0], str(path), *args[1:], "--format", "csv")
    assert result.returncode in (0, 1), result.stderr
    cells = [cell for row in csv_rows(result.stdout) for cell in row]
    assert "'=1+2" in cells and "=1+2" not in cells and "'-2" in cells


def test_compare_headers_show_plan_titles_and_scenario_names_literally(tmp_path, samples):
    path = tmp_path / "h.toml"
    path.write_text(
        PLAN.replace('title = "T"', 'title = "T\\u001b]0;pwned\\u0007"')
        + '[[scenarios]]\nname = "S\\u202e\\u001b[2J"\nrates = { Visits = "20%" }\n',
        encoding="utf-8",
    )
    for output in ("table", "markdown", "csv", "json"):
        result = run("compare", str(path), str(samples / "web-reference.toml"), "--format", output, env={"COLUMNS": "400"})
        assert result.returncode == 0, result.stderr
        for hidden in ("\x1b", "\x07", "\u202e"):
            assert hidden not in result.stdout, output
        if output in ("table", "csv"):
            assert "T\\x1b]0;pwned\\x07" in result.stdout and "S\\u202e\\x1b[2J" in result.stdout


@pytest.mark.parametrize("command", ["calc", "check", "compare"])
def test_an_overflowing_rate_is_one_message_in_every_command(tmp_path, command):
    path = tmp_path / "p.toml"
    path.write_text(PLAN.replace('rate = "10%"', 'rate = "1e999999999%"'), encoding="utf-8")
    result = run(command, str(path))
    assert "Traceback" not in result.stderr and result.returncode == 2
    assert f'{path}: stages[0].rate: must be at most 100% (got "1e999999999%")' in result.stdout + result.stderr


def test_a_hundred_tiny_rates_are_refused_by_every_command(tmp_path):
    path = tmp_path / "p.toml"
    stages = "".join(f'[[stages]]\nname = "S{i}"\nrate = 0.000001\n' for i in range(99))
    path.write_text(f'format = 1\n[goal]\norders = 20\n{stages}[[stages]]\nname = "KGI"\n', encoding="utf-8")
    for command in ("calc", "compare", "check"):
        result = run(command, str(path))
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert "would be over 1,000,000,000,000,000,000, the largest target" in result.stdout + result.stderr


@pytest.mark.parametrize("command", ["calc", "check", "compare", "status"])
def test_a_plan_over_the_stage_cap_is_refused_by_every_command(tmp_path, command):
    path = tmp_path / "p.toml"
    stages = "".join(f'[[stages]]\nname = "S{i}"\nrate = 0.9\n' for i in range(100))
    path.write_text(f'format = 1\n[goal]\norders = 20\n{stages}[[stages]]\nname = "KGI"\n', encoding="utf-8")
    result = run(command, str(path))
    assert f"{path}: stages: a plan has at most 100 stages (got 101)" in result.stdout + result.stderr
    assert result.returncode == 2 and "Traceback" not in result.stderr


MESSAGES = {
    "two plans to calc": (["calc", "a", "b"], 'unexpected argument "b" (see `kpitui calc --help`)'),
    "unknown command": (
        ["calcx", "PLAN"],
        'unknown command "calcx": the commands are calc, compare, check, status, actuals, new (see `kpitui --help`)',
    ),
    "an option before its command": (
        ["--format", "json"],
        '"--format" is an option of calc, compare, check, status: name the command first, as in `kpitui calc PLAN --format`',
    ),
    "a command's only option before it": (
        ["--as-of=2026-04", "p.toml"],
        '"--as-of=2026-04" is an option of status: name the command first, as in `kpitui status PLAN --as-of=2026-04`',
    ),
    "no plan for calc": (["calc", "--top", "5"], "the following arguments are required: PLAN (see `kpitui calc --help`)"),
    "top of 5000 digits": (
        ["calc", "p.toml", "--top", "9" * 5000],
        "argument --top: must be at most 1,000,000,000,000,000,000 (got a number of 5,000 digits) (see `kpitui calc --help`)",
    ),
    "top in exponent form": (
        ["calc", "p.toml", "--top", "1e999999999"],
        "argument --top: must be at most 1,000,000,000,000,000,000 (got 1e999999999) (see `kpitui calc --help`)",
    ),
}


@pytest.mark.parametrize(("args", "message"), MESSAGES.values(), ids=MESSAGES.keys())
def test_bad_usage_says_what_is_wrong_and_where_to_look(args, message):
    result = run(*args)
    assert (result.returncode, result.stderr) == (2, f"kpitui: error: {message}\n")


def test_check_json_and_table_agree_on_a_complete_review(tmp_path):
    path = tmp_path / "p.toml"
    review = '[review.A]\nalignment = "ok"\nmeasurability = "ok"\nsimplicity = "ok"\ncontingency = "ok"\n'
    path.write_text('format = 1\n[goal]\norders = 2\n[[stages]]\nname = "A"\nrate = 0.5\n[[stages]]\nname = "B"\n' + review)
    table = run("check", str(path))
    data = json.loads(run("check", str(path), "--format", "json").stdout)
    assert "review open" in table.stdout and table.returncode == 1
    assert data["plans"][0]["complete"] is False  # an agreed contingency with no written plan is still open


# Every separator Python's `splitlines` knows, and a tab: none of them breaks a line of plan text.
SEPARATORS_PLAN = "A\\rB\\u000bC\\u000cD\\u001cE\\u001dF\\u001eG\\u0085H\\u2028I\\u2029J\\r\\nK\\tL"
BEHIND = """format = 1
title = "Plan"
start = "2026-04"
[goal]
orders = 10
[[stages]]
name = "Visits"
rate = "50%"
[[stages]]
name = "Orders"
[review.Visits]
contingency = "ok"
contingency_plan = "{plan}"
[actuals."2026-04"]
Visits = 1
Orders = 0
"""


@pytest.mark.parametrize("output", ["table", "markdown"])
def test_a_contingency_plan_breaks_lines_only_at_line_breaks(tmp_path, output):
    path = tmp_path / "p.toml"
    path.write_text(BEHIND.format(plan=SEPARATORS_PLAN), encoding="utf-8")
    printed = run("status", str(path), "--as-of", "2026-04", "--format", output).stdout.replace("\\\\", "\\")
    shown = "A\\x0dB\\x0bC\\x0cD\\x1cE\\x1dF\\x1eG\\x85H\\u2028I\\u2029J\\x0d"
    assert shown in printed.replace("\n    ", "")
    assert "K\\x09L" in printed
    assert not [line for line in printed.split("\n") if line.strip(" |") in ("B", "C", "D", "E", "F", "G", "H", "I", "J")]


# Zero-width and control characters, and characters that draw nothing though Unicode calls them
# printable: Hangul fillers, a blank braille cell, the combining grapheme joiner, Khmer inherent vowels.
BLANK_LOOKING = ["\\u3164", "\\u2800", "\\u115f\\u1160", "\\uffa0", "\\u034f", "\\u17b5"]


@pytest.mark.parametrize("plan", ["\\u200b", "\\u202e\\u2066", " \\u3000\\t", "\\u0000", *BLANK_LOOKING])
def test_an_invisible_contingency_plan_is_not_written(tmp_path, plan):
    path = tmp_path / "p.toml"
    review = '[review.A]\nalignment = "ok"\nmeasurability = "ok"\nsimplicity = "ok"\ncontingency = "ok"\n'
    review += f'contingency_plan = "{plan}"\n'
    path.write_text('format = 1\n[goal]\norders = 2\n[[stages]]\nname = "A"\nrate = 0.5\n[[stages]]\nname = "B"\n' + review)
    data = json.loads(run("check", str(path), "--format", "json").stdout)
    assert data["plans"][0]["complete"] is False
    assert data["plans"][0]["missing_contingency_plans"] == ["A"]
    assert "review open" in run("check", str(path)).stdout


@pytest.mark.parametrize("name", BLANK_LOOKING)
def test_a_name_that_shows_nothing_is_refused(tmp_path, name):
    path = tmp_path / "p.toml"
    path.write_text(f'format = 1\n[goal]\norders = 2\n[[stages]]\nname = "{name}"\nrate = 0.5\n[[stages]]\nname = "B"\n')
    result = run("calc", str(path))
    assert result.returncode == 2
    assert result.stderr == f"kpitui: error: {path}: stages[0].name: a stage needs a name\n"


def test_markdown_starts_no_mention_emoji_issue_or_link_on_github(tmp_path):
    path = tmp_path / "p.toml"
    title = "Plan :smile: @octocat #1 https://evil.example/x WWW.evil.example a@b.example"
    path.write_text(PLAN.replace('title = "T"', f'title = "{title}"').replace('name = "Leads"', 'name = ":rocket: @team"'))
    printed = run("calc", str(path), "--format", "markdown").stdout
    # GitHub links these after rendering, and a backslash does not stop it: an empty comment does.
    shown = "Plan :<!-- -->smile: @<!-- -->octocat #<!-- -->1 https:<!-- -->//evil.example/x WWW<!-- -->.evil.example"
    assert f"## {shown} a@<!-- -->b.example\n" in printed
    assert "| :<!-- -->rocket: @<!-- -->team |" in printed
    assert printed.replace("<!-- -->", "").count("@octocat") == 1  # shown as written once rendered


def test_markdown_escapes_character_references(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text(PLAN.replace('name = "Leads"', 'name = "&#x202E;slevart &lt;b&gt; &amp;"'), encoding="utf-8")
    printed = run("calc", str(path), "--format", "markdown").stdout
    assert "\\&#x202E;slevart \\&lt;b\\&gt; \\&amp;" in printed
    assert "&#x202E;" not in printed.replace("\\&", "")
