"""What a command says about an empty path, and what its CSV starts with in an encoding without a BOM."""

import pytest

from tests.cli.test_hostile_input import run


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


@pytest.mark.parametrize("command", [["calc"], ["compare"], ["status"]])
def test_csv_in_an_encoding_without_a_bom_has_none(samples, command):
    plan = str(samples / "web-reference.toml")
    ascii_output = run("--lang", "ja", *command, plan, "--format", "csv", env={"PYTHONIOENCODING": "ascii"})
    assert ascii_output.stdout.startswith("\\u") and not ascii_output.stdout.startswith("\\ufeff")
    latin1 = run("--lang", "ja", *command, plan, "--format", "csv", env={"PYTHONIOENCODING": "latin-1"})
    assert latin1.stdout.startswith("\\u") and not latin1.stdout.startswith("\\ufeff")
    utf8 = run("--lang", "ja", *command, plan, "--format", "csv", env={"PYTHONIOENCODING": "utf-8"})
    assert utf8.stdout.startswith("\ufeff")  # what Excel in Japan needs to read UTF-8
