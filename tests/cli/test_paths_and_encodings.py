"""What a command says about an empty path or one of spaces, and what its CSV starts with in an encoding without a BOM."""

import pytest

from tests.cli.test_hostile_input import PLAN, run


@pytest.mark.parametrize(
    ("args", "kind"),
    [
        (["calc", ""], "a plan file"),
        (["status", ""], "a plan file"),
        (["actuals", "", "export.csv"], "a plan file"),
        (["new", ""], "a plan file"),
        (["actuals", "sample_plans/web-reference.toml", ""], "an export of monthly counts"),
    ],
)
def test_an_empty_path_is_called_empty(args, kind):
    result = run(*args)
    message = f"no file given: the path is empty (give the path of {kind})"
    assert (result.returncode, result.stderr) == (2, f"kpitui: error: {message}\n")


def test_an_empty_path_in_japanese():
    result = run("--lang", "ja", "calc", "")
    assert result.returncode == 2
    assert result.stderr == "kpitui: error: ファイルが指定されていません: パスが空です（計画ファイルのパスを指定してください）\n"


def test_check_names_an_empty_path_in_its_row():
    result = run("check", "", "--format", "table")
    assert result.stdout == "(an empty path): invalid\n  no file given: the path is empty (give the path of a plan file)\n"
    japanese = run("--lang", "ja", "check", "")
    assert japanese.stdout.startswith("（空のパス）: ")


@pytest.mark.parametrize("blank", [" ", "   ", "\u3000", " plan.toml", "plan.toml "])
@pytest.mark.parametrize(
    "args",
    [["calc", "{}"], ["compare", "{}"], ["status", "{}"], ["actuals", "{}", "x.csv"]],
    ids=["calc", "compare", "status", "actuals"],
)
def test_a_path_with_spaces_at_an_end_is_quoted(args, blank):
    result = run(*[arg.format(blank) for arg in args])
    assert (result.returncode, result.stderr) == (2, f'kpitui: error: "{blank}": no such file\n')


def test_check_quotes_a_path_of_spaces_in_its_rows(tmp_path):
    missing = run("check", " ")
    assert missing.stdout == '" ": invalid\n  " ": no such file\n'
    spaces = tmp_path / "  "  # a plan that really is called that
    spaces.write_text(PLAN, encoding="utf-8")
    valid = run("check", str(spaces))
    assert valid.stdout.startswith(f'"{spaces}": valid · review open')


def test_new_and_a_missing_scenario_quote_a_path_of_spaces(tmp_path):
    spaces = str(tmp_path / " ")
    assert run("new", spaces).stdout.startswith(f'wrote "{spaces}": the reference plan')
    assert run("new", spaces).stderr.startswith(f'kpitui: error: "{spaces}": already exists')
    assert run("calc", spaces, "--scenario", "x").stderr.startswith(f'kpitui: error: "{spaces}": no scenario named "x"')


@pytest.mark.parametrize("command", [["calc"], ["compare"], ["status"]])
def test_csv_in_an_encoding_without_a_bom_has_none(samples, command):
    plan = str(samples / "web-reference.toml")
    ascii_output = run("--lang", "ja", *command, plan, "--format", "csv", env={"PYTHONIOENCODING": "ascii"})
    assert ascii_output.stdout.startswith("\\u") and not ascii_output.stdout.startswith("\\ufeff")
    latin1 = run("--lang", "ja", *command, plan, "--format", "csv", env={"PYTHONIOENCODING": "latin-1"})
    assert latin1.stdout.startswith("\\u") and not latin1.stdout.startswith("\\ufeff")
    utf8 = run("--lang", "ja", *command, plan, "--format", "csv", env={"PYTHONIOENCODING": "utf-8"})
    assert utf8.stdout.startswith("\ufeff")  # what Excel in Japan needs to read UTF-8
