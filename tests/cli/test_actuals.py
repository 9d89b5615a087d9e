"""`kpitui actuals` through a subprocess: every export shape it reads, and every bad file refused whole."""

import shutil

import pytest

from kpitui.core.domain.months import Month
from kpitui.core.files.planfile import load_plan
from tests.cli.test_cli import kpitui

STAGES = '"Visits", "Leads", "Nurtured", "Meetings", "Orders"'


@pytest.fixture
def plan(samples, tmp_path):
    """A copy of the English sample: start 2026-04, actuals for April to June."""
    path = tmp_path / "plan.toml"
    shutil.copy(samples / "web-reference.toml", path)
    return path


def write(tmp_path, text: str, encoding: str = "utf-8", name: str = "export.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def july(plan):
    return load_plan(plan).actuals.get(Month(2026, 7), {})


def test_the_sample_export_is_recorded_with_a_summary(plan, samples):
    result = kpitui("actuals", str(plan), str(samples / "analytics-export-2026-07.csv"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "  added     2026-07  Visits: 131",
        "  added     2026-07  Leads: 9",
        "  added     2026-07  Nurtured: 7",
        "  added     2026-07  Meetings: 4",
        "  added     2026-07  Orders: 2",
        "5 added, 0 replaced, 0 unchanged (saved).",
    ]
    assert july(plan) == {"Visits": 131, "Leads": 9, "Nurtured": 7, "Meetings": 4, "Orders": 2}
    again = kpitui("actuals", str(plan), str(samples / "analytics-export-2026-07.csv"))
    assert again.stdout == "Nothing to change: all 5 counts are already recorded.\n"


def test_an_export_with_no_count_says_so_and_changes_nothing(plan, tmp_path):
    before = plan.read_bytes()
    export = write(tmp_path, "month,stage,count\n2026-07,Visits,\n")
    result = kpitui("actuals", str(plan), str(export))
    assert (result.returncode, result.stdout) == (0, "Nothing to change: no row below the header has a count.\n")
    assert plan.read_bytes() == before


def test_the_japanese_sample_export_in_cp932(samples, tmp_path):
    path = tmp_path / "plan.toml"
    shutil.copy(samples / "web-reference-ja.toml", path)
    result = kpitui("actuals", str(path), str(samples / "crm-export-2026-07-ja.csv"))
    assert result.returncode == 0, result.stderr
    assert load_plan(path).actuals[Month(2026, 7)]["見込み顧客獲得"] == 9


def test_dry_run_writes_nothing(plan, samples):
    before = plan.read_bytes()
    result = kpitui("actuals", str(plan), str(samples / "analytics-export-2026-07.csv"), "--dry-run")
    assert result.returncode == 0
    assert result.stdout.endswith("5 added, 0 replaced, 0 unchanged (dry run: nothing written).\n")
    assert plan.read_bytes() == before


@pytest.mark.parametrize("month", ["2026-07", "2026/07", "2026/7", "2026-07-01", "202607", "2026年7月", "２０２６年７月"])
def test_every_month_spelling(plan, tmp_path, month):
    result = kpitui("actuals", str(plan), str(write(tmp_path, f"month,stage,count\n{month},Visits,131\n")))
    assert result.returncode == 0, result.stderr
    assert july(plan) == {"Visits": 131}


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ('Month,Stage,Count\n2026-07,Visits,"1,310"\n2026-07,Leads,\n', "utf-8"),  # separators, an empty cell
        ('count,MONTH,stage\n"1,310",2026-07,Visits\n', "utf-8"),  # any order, any case
        ("# Funnel export\n# 2026-07-01 - 2026-07-31\n\n月,ステージ,件数\n2026年7月,Visits,1310\n", "utf-8"),
        ('\ufeffmonth,Visits,Leads\n2026/7,"1,310",\n', "utf-8"),  # BOM, wide, empty cell
        ("月\tVisits\tLeads\n2026/07\t1,310\t\n", "cp932"),  # Japanese Excel's tab-separated text
        ('月,ステージ,件数\n2026年7月,Visits,"1,310"\n', "cp932"),
        ("month,Visits,Leads\r\n2026-07,1310,\r\n\r\n", "utf-8"),  # Windows line ends, a blank row
    ],
)
def test_exports_as_tools_write_them(plan, tmp_path, text, encoding):
    result = kpitui("actuals", str(plan), str(write(tmp_path, text, encoding)))
    assert result.returncode == 0, result.stderr
    assert july(plan) == {"Visits": 1310}  # the empty Leads cell recorded nothing, not 0


def test_replace_changes_recorded_counts_and_says_from_what(plan, tmp_path):
    export = write(tmp_path, "month,Visits,Leads\n2026-06,150,11\n")
    result = kpitui("actuals", str(plan), str(export), "--replace")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["  replaced  2026-06  Visits: 139 → 150", "0 added, 1 replaced, 1 unchanged (saved)."]
    assert load_plan(plan).actuals[Month(2026, 6)]["Visits"] == 150


BAD = {
    "unknown stage in the header": (
        "month,Visits,Visitz\n2026-07,1,2\n",
        '{csv}:1:3: no stage is called "Visitz" (the plan\'s stages: ' + STAGES + ")",
    ),
    "unknown stage in a row": (
        "month,stage,count\n2026-07,Visits,1\n2026-07,Lead,2\n",
        '{csv}:3:2: no stage is called "Lead" (the plan\'s stages: ' + STAGES + ")",
    ),
    "not a month": (
        "month,Visits\nJuly,1\n",
        '{csv}:2:1: not a month: "July" (write 2026-04, 2026/4, 2026-04-01, 202604 or 2026年4月)',
    ),
    "a month outside the plan": (
        "month,Visits\n2027/04,1\n",
        "{csv}:2:1: 2027-04 is not a month of the plan (2026-04 to 2027-03)",
    ),
    "a fraction": (
        "month,Visits\n2026-07,12.5\n",
        '{csv}:2:2: must be a whole number of 0 or more, like 1510 or 1,510 (got "12.5")',
    ),
    "a negative count": (
        "month,Visits\n2026-07,-3\n",
        '{csv}:2:2: must be a whole number of 0 or more, like 1510 or 1,510 (got "-3")',
    ),
    "a misplaced separator": (
        'month,Visits\n2026-07,"1,31"\n',
        "{csv}:2:2: a comma (or _) goes only between groups of three digits, like 1,000 or 12,345,678; "
        'use a point for decimals, like 1.5 (got "1,31")',
    ),
    "a decimal comma read as a thousands separator": (  # issue 9: 0,500 was read as 500
        'month,Visits\n2026-07,"0,500"\n',
        "{csv}:2:2: a comma (or _) goes only between groups of three digits, like 1,000 or 12,345,678; "
        'use a point for decimals, like 1.5 (got "0,500")',
    ),
    "a count in Arabic-Indic digits": (  # issue 9: read as 3
        "month,Visits\n2026-07,٣\n",
        '{csv}:2:2: write digits as 0-9 (or full-width ０-９) (got "٣")',
    ),
    "a count with a superscript": (  # issue 9: NFKC read 10² as 102
        "month,Visits\n2026-07,10²\n",
        '{csv}:2:2: write digits as 0-9 (or full-width ０-９) (got "10²")',
    ),
    "a month in Arabic-Indic digits": (  # issue 9: read as 2026-07
        "month,Visits\n٢٠٢٦-٠٧,1\n",
        '{csv}:2:1: write digits as 0-9 (or full-width ０-９) (got "٢٠٢٦-٠٧")',
    ),
    "a count too large": (
        "month,Visits\n2026-07,1000000000001\n",
        '{csv}:2:2: must be at most 1,000,000,000,000 (got "1000000000001")',
    ),
    "a month and stage twice": (
        "month,stage,count\n2026-07,Leads,1\n2026/7,Leads,1\n",
        '{csv}:3:3: "Leads" in 2026-07 is given twice (first at {csv}:2:3); nothing was written',
    ),
    "a count that differs from the recorded one": (
        "month,Visits\n2026-06,140\n",
        '{csv}:2:2: "Visits" in 2026-06 is already recorded as 139; the import gives 140; nothing was written'
        " (use --replace to replace recorded counts)",
    ),
    "no month column": (
        "stage,count\nVisits,1\n",
        "{csv}:1:1: no month column: name one month (or 月), beside stage and count, or one column a stage",
    ),
    "no count column": (
        "month,stage\n2026-07,Visits\n",
        "{csv}:1:1: no count column: a long export has month, stage and count columns",
    ),
    "an extra column in long form": (
        "month,stage,count,note\n2026-07,Visits,1,x\n",
        '{csv}:1:4: unknown column "note" (expected month, stage and count)',
    ),
    "a second month column": ("month,月,Visits\n2026-07,2026-07,1\n", '{csv}:1:2: a second month column ("月")'),
    "more cells than columns": ("month,Visits\n2026-07,1,2\n", "{csv}:2:3: more cells than the header's 2 columns"),
    "a count without a stage": ("month,stage,count\n2026-07,,5\n", "{csv}:2:2: no stage given for this count"),
    "an unclosed quote": ('month,Visits\n2026-07,"1\n', "{csv}:2:1: not valid CSV: a quote opened in this row is never closed"),
    "an unclosed quote in the header": (
        '"month,stage,count\n2026-07,Visits,5\n',
        "{csv}:1:1: not valid CSV: a quote opened in this row is never closed",
    ),
    "a count of 5,000 digits": (
        "month,Visits\n2026-07," + "9" * 5000 + "\n",
        '{csv}:2:2: must be at most 1,000,000,000,000 (got "' + "9" * 40 + '…" (5,000 characters))',
    ),
    "a stage name with a next-line character": (
        "month,stage,count\n2026-07,Leads\x85,5\n2026-13,Leads,5\n",
        '{csv}:3:1: not a month: "2026-13" (write 2026-04, 2026/4, 2026-04-01, 202604 or 2026年4月)',
    ),
    "a stage name with a line separator": (
        "month,stage,count\n2026-07,Leads\u2028,5\n2026-13,Leads,5\n",
        '{csv}:3:1: not a month: "2026-13" (write 2026-04, 2026/4, 2026-04-01, 202604 or 2026年4月)',
    ),
    "only comments": (
        "# nothing but a comment\n\n",
        "{csv}: no header row: the first line that is not a # comment names the columns",
    ),
}


@pytest.mark.parametrize(("text", "message"), BAD.values(), ids=BAD.keys())
def test_a_bad_export_is_refused_whole_and_the_plan_is_untouched(plan, tmp_path, text, message):
    good = write(tmp_path, "month,Visits\n2026-07,131\n", name="good.csv")  # would be fine alone
    export = write(tmp_path, text)
    before = plan.read_bytes()
    result = kpitui("actuals", str(plan), str(good), str(export))
    assert result.returncode == 2
    assert result.stderr == f"kpitui: error: {message.format(csv=export)}\n"
    assert result.stdout == ""
    assert plan.read_bytes() == before  # byte for byte
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.csv", "good.csv", "plan.toml"]  # no temp file


def test_bytes_that_are_neither_utf8_nor_cp932(plan, tmp_path):
    export = tmp_path / "export.csv"
    export.write_bytes(b"month,Visits\n2026-07,\x81 \n")  # a Shift_JIS lead byte with no second byte
    result = kpitui("actuals", str(plan), str(export))
    assert result.stderr == f"kpitui: error: {export}:2:9: neither UTF-8 nor Shift_JIS (CP932) text\n"


def test_the_same_count_in_two_files_is_given_twice(plan, tmp_path):
    first = write(tmp_path, "month,Visits\n2026-07,131\n", name="a.csv")
    second = write(tmp_path, "month,stage,count\n2026-07,Visits,131\n", name="b.csv")
    result = kpitui("actuals", str(plan), str(first), str(second))
    assert result.stderr == (
        f'kpitui: error: {second}:2:3: "Visits" in 2026-07 is given twice (first at {first}:2:2); nothing was written\n'
    )


def test_a_plan_without_start_cannot_record(samples, tmp_path):
    export = write(tmp_path, "month,Visitors\n2026-07,1\n")
    result = kpitui("actuals", str(samples / "saas-trial.toml"), str(export))
    assert result.returncode == 2
    assert result.stderr == (
        f'kpitui: error: {export}:2:1: the plan has no start month: add start = "YYYY-MM" before recording actuals\n'
    )


def test_a_missing_export(plan, tmp_path):
    result = kpitui("actuals", str(plan), str(tmp_path / "none.csv"))
    assert result.stderr == f"kpitui: error: {tmp_path / 'none.csv'}: no such file\n"


def test_a_plan_changed_on_disk_during_the_import_is_not_overwritten(plan, tmp_path, monkeypatch, capsys):
    from kpitui.cli import actuals
    from kpitui.cli.main import main

    reading = actuals.read_records

    def someone_saves_meanwhile(path, loaded):
        records = reading(path, loaded)
        plan.write_text(plan.read_text(encoding="utf-8") + "\n# edited by a colleague\n", encoding="utf-8")
        return records

    monkeypatch.setattr(actuals, "read_records", someone_saves_meanwhile)
    export = write(tmp_path, "month,Visits\n2026-07,131\n")
    assert main(["actuals", str(plan), str(export)]) == 2
    assert capsys.readouterr().err == (
        f"kpitui: error: {plan}: changed on disk while importing: nothing was written; run the import again\n"
    )
    assert plan.read_text(encoding="utf-8").endswith("# edited by a colleague\n")


def test_the_readme_walk_through_of_the_monthly_meeting(plan, samples):
    kpitui("actuals", str(plan), str(samples / "analytics-export-2026-07.csv"))
    result = kpitui("status", str(plan), columns=80)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        "FY2026 web plan — as of 2026-07 (month 4 of 12)",
        "BEHIND Leads: 42 of 54 planned to date (77.7%); needs 15 a month from now on",
    ]
    assert "Visits     on track      539    534     100.9%      1,617    1,600       133" in lines
    assert "Leads      behind         42     54      77.7%        126      160        15" in lines
    assert "Bottleneck: Visits converts at 7.8% against 10% planned." in lines
    assert "At the rates you really see, you need 1,566 at the top (the plan says 1,600)." in lines


def test_special_files_are_refused_without_waiting_on_them(plan, tmp_path):
    import os

    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    result = kpitui("actuals", str(plan), str(fifo))  # would block for ever if it were opened
    assert result.stderr == f"kpitui: error: {fifo}: not a regular file\n"
    folder = kpitui("actuals", str(plan), str(tmp_path))
    assert folder.stderr == f"kpitui: error: {tmp_path}: is a directory, not an export of monthly counts\n"


def test_a_special_or_huge_plan_is_refused_before_it_is_read(samples, tmp_path):
    import os
    import subprocess

    export = str(samples / "analytics-export-2026-07.csv")
    fifo = tmp_path / "plan.toml"
    os.mkfifo(fifo)
    huge = tmp_path / "huge.toml"
    with open(huge, "wb") as handle:
        handle.truncate(10 * 1024**3)  # sparse: 10 GB that take no room on disk
    try:
        pipe = kpitui("actuals", str(fifo), export, "--dry-run", timeout=20)  # open() would wait for a writer
        device = kpitui("actuals", "/dev/zero", export, timeout=20)  # read() would never end
        big = kpitui("actuals", str(huge), export, timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail("a special file was opened and read")
    assert pipe.stderr == f"kpitui: error: {fifo}: not a regular file\n"
    assert device.stderr == "kpitui: error: /dev/zero: not a regular file\n"
    assert big.stderr == f"kpitui: error: {huge}: too large for a plan file (over 4 MiB)\n"
