"""--help and --version are output like any command's: any encoding prints, and a failed write is an error."""

import os
import subprocess

import pytest

from tests.cli.test_hostile_input import run

HELP = [["--help"], ["--version"], ["calc", "--help"], ["actuals", "--help"], ["--lang", "ja", "calc", "--help"]]


@pytest.mark.parametrize("args", HELP, ids=" ".join)
def test_help_in_any_encoding_prints_with_escapes(args):
    result = run(*args, env={"PYTHONIOENCODING": "ascii", "LANG": "C", "LC_ALL": "C"})
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith(("usage: kpitui", "\\u4f7f\\u3044\\u65b9: kpitui", "kpitui "))  # 使い方 as escapes
    if args == ["actuals", "--help"]:
        assert "\\u6708, \\u30b9\\u30c6\\u30fc\\u30b8, \\u4ef6\\u6570 work too" in " ".join(result.stdout.split())


@pytest.mark.parametrize("args", HELP, ids=" ".join)
def test_help_to_a_full_disk_is_one_error_line(args):
    with open("/dev/full", "w") as full:
        result = run(*args, stdout=full, stderr=subprocess.PIPE)
    english = "cannot write the output: No space left on device"
    expected = "出力を書き込めません: ディスクの空き容量がありません" if "ja" in args else english
    assert (result.returncode, result.stderr) == (1, f"kpitui: error: {expected}\n")


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["calc", "--help"]], ids=" ".join)
def test_help_into_a_closed_pipe_is_one_error_line(args):
    reader, writer = os.pipe()
    os.close(reader)  # like `kpitui --help | head -0`: nobody reads
    try:
        result = run(*args, stdout=writer, stderr=subprocess.PIPE)
    finally:
        os.close(writer)
    assert (result.returncode, result.stderr) == (1, "kpitui: error: cannot write the output: Broken pipe\n")
