"""Choosing the language on the command line (SPEC 7): `--lang` on every command, `KPITUI_LANG`, the locale."""

import os
import subprocess
import sys

import pytest

from kpitui.cli.main import main
from kpitui.core.text.i18n import language


def kpitui(*args: str, **environ: str) -> subprocess.CompletedProcess:
    env = {**os.environ, **environ}
    return subprocess.run([sys.executable, "-m", "kpitui", *args], capture_output=True, text=True, env=env, timeout=60)


@pytest.mark.parametrize(
    "args",
    [
        ["--lang", "ja", "calc", "PLAN", "--format", "json"],
        ["calc", "PLAN", "--lang=ja", "--format", "json"],
        ["calc", "--lang", "ja", "PLAN", "--format", "json"],
    ],
)
def test_lang_is_taken_before_or_after_the_command(args, samples, capsys):
    args = [str(samples / "web-reference.toml") if a == "PLAN" else a for a in args]
    assert main(args) == 0
    assert language() == "ja"


def test_the_locale_chooses_japanese_when_nothing_else_does(samples, monkeypatch, capsys):
    for name in ("KPITUI_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert main(["calc", str(samples / "web-reference.toml"), "--format", "json"]) == 0
    assert language() == "ja"


@pytest.mark.parametrize(
    ("args", "environ", "message"),
    [
        (["--lang", "fr"], {}, "kpitui: error: --lang must be one of en, ja (got 'fr')"),
        (["calc", "PLAN", "--lang"], {}, "kpitui: error: --lang needs one of en, ja"),
        (["calc", "PLAN"], {"KPITUI_LANG": "jp"}, "kpitui: error: KPITUI_LANG must be one of en, ja (got 'jp')"),
    ],
)
def test_an_unknown_language_is_a_one_line_usage_error(args, environ, message, samples):
    args = [str(samples / "web-reference.toml") if a == "PLAN" else a for a in args]
    result = kpitui(*args, **environ)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [message]


@pytest.mark.parametrize("command", [[], ["calc"], ["compare"], ["check"], ["new"], ["status"]])
def test_every_help_lists_lang(command):
    result = kpitui(*command, "--help")
    assert result.returncode == 0 and "--lang {en,ja}" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["calc", "web-reference.toml", "--format", "json", "--top", "1000"],
        ["compare", "web-reference.toml", "saas-trial.toml", "--format", "json"],
        ["check", "web-reference.toml", "saas-trial.toml", "--format", "json"],
        ["status", "web-reference-ja.toml", "--format", "json"],
    ],
)
def test_json_is_byte_identical_in_every_language(args, samples):
    args = [str(samples / a) if a.endswith(".toml") else a for a in args]
    english, japanese = kpitui(*args, "--lang", "en"), kpitui(*args, "--lang", "ja")
    assert english.stdout and english.stdout == japanese.stdout
