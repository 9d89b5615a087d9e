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
        (["--lang", "fr"], {}, 'kpitui: error: --lang must be one of en, ja (got "fr")'),
        (["calc", "PLAN", "--lang"], {}, "kpitui: error: --lang needs one of en, ja"),
        (["calc", "PLAN"], {"KPITUI_LANG": "jp"}, 'kpitui: error: KPITUI_LANG must be one of en, ja (got "jp")'),
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


def run_in(language: str, args: list[str], capsys) -> tuple[int, str]:
    code = main(["--lang", language, *args])
    return code, capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "lines"),
    [
        (
            ["calc", "web-reference-ja.toml", "--top", "1000"],
            [
                "売上目標 10億円 / 平均受注単価 1,000万円 = 受注 100件、チャネル比率 20% で KGI は 受注 20件",
                "期間 12か月（月間目標 = 目標 / 12、切り上げ）、端数処理: ステージごと",  # the rule in words, as the app says it
                "最上段 1,000件 から順に計算: KGI に 8件 足りません",
            ],
        ),
        (
            ["status", "web-reference-ja.toml"],
            [
                "2026年度 Web経由受注計画（2026-06 時点、全12か月中 3か月目）",
                "遅れ 見込み顧客獲得: 累計実績 33件／計画 40件（達成率 82.5%）。今後は毎月 15件 が必要です",
                "実際の転換率のままなら、最上段に1,632件が必要です（計画では1,600件）。",
            ],
        ),
        (
            ["check", "web-reference-ja.toml"],
            ["  育成: KGIとの整合性は懸念あり", "  商談: 安定性と計測可能性は未確認"],
        ),
        (
            ["compare", "web-reference-ja.toml", "--format", "markdown"],
            ["| 売上目標 | 10億円 | 10億円 | 10億円 | 10億円 |", "| 育成 転換率 | 50% | 60% +10pt (+20%) | 50% | 50% |"],
        ),
    ],
)
def test_human_formats_read_as_japanese_is_written(args, lines, samples, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")  # whole lines, not wrapped to the test terminal
    args = [str(samples / a) if a.endswith(".toml") else a for a in args]
    _, out = run_in("ja", args, capsys)
    for line in lines:
        assert line in out.splitlines()


@pytest.mark.parametrize("command", ["calc", "status"])
def test_japanese_tables_use_no_ambiguous_width_symbols(command, samples, capsys):
    """「—」「·」「→」「×」「÷」 take one or two columns depending on the terminal: Japanese output avoids them."""
    _, out = run_in("ja", [command, str(samples / "web-reference-ja.toml")], capsys)
    assert not set("—·→×÷") & set(out)
    assert "ステージ" in out


@pytest.mark.parametrize(
    "args",
    [
        ["calc", "web-reference-ja.toml", "--format", "csv"],
        ["calc", "web-reference-ja.toml", "--format", "csv", "--monthly"],
        ["compare", "web-reference-ja.toml", "--format", "csv"],
        ["status", "web-reference-ja.toml", "--format", "csv"],
    ],
)
def test_japanese_csv_opens_in_excel_and_keeps_its_values(args, samples, capsys):
    """A BOM and Japanese headings in Japanese; the values below the heading are the same in both languages."""
    args = [str(samples / a) if a.endswith(".toml") else a for a in args]
    _, english = run_in("en", args, capsys)
    _, japanese = run_in("ja", args, capsys)
    assert not english.startswith("\ufeff")
    assert japanese.startswith("\ufeff")
    english_lines, japanese_lines = english.splitlines(), japanese.removeprefix("\ufeff").splitlines()
    assert english_lines[0] != japanese_lines[0]
    assert english_lines[1:] == japanese_lines[1:]


def test_a_usage_error_of_a_command_is_in_japanese(samples):
    result = kpitui("calc", str(samples / "web-reference.toml"), "--scenario", "nope", "--lang", "ja")
    assert result.returncode == 2
    assert "no scenario" not in result.stderr and 'シナリオ "nope" はありません' in result.stderr


@pytest.mark.parametrize("command", [[], ["calc"], ["status"], ["actuals"]])
def test_help_is_japanese_argparse_words_included(command):
    result = kpitui(*command, "--help", "--lang", "ja")
    assert result.returncode == 0
    assert result.stdout.startswith("使い方: kpitui")
    assert "オプション:" in result.stdout and "このヘルプを表示して終了" in result.stdout
    assert "show this help" not in result.stdout and "options:" not in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["calc"], "kpitui: error: 次の引数が必要です: PLAN（`kpitui calc --help` を参照）"),
        (
            ["calc", "p.toml", "--top", "0"],
            "kpitui: error: 引数 --top: 1 以上で指定してください（指定値: 0）（`kpitui calc --help` を参照）",
        ),
    ],
)
def test_usage_errors_are_japanese(args, message):
    result = kpitui(*args, "--lang", "ja")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [message]


def test_plan_file_errors_are_japanese_and_keep_the_file_name(tmp_path):
    empty = tmp_path / "empty.toml"
    empty.write_text("")
    missing = kpitui("calc", str(tmp_path / "missing.toml"), "--lang", "ja")
    assert missing.stderr == f"kpitui: error: {tmp_path / 'missing.toml'}: ファイルがありません\n"
    result = kpitui("calc", str(empty), "--lang", "ja")
    assert result.stderr.startswith(f"kpitui: error: {empty}: ファイルが空です。計画には format、goal、stages が必要です")


def test_an_actuals_import_error_is_japanese_and_names_the_place(samples, tmp_path):
    plan = tmp_path / "plan.toml"
    plan.write_bytes((samples / "web-reference-ja.toml").read_bytes())
    export = tmp_path / "export.csv"
    export.write_text("month,stage,count\n2026-04,nope,3\n")
    result = kpitui("actuals", str(plan), str(export), "--lang", "ja")
    assert result.returncode == 2
    assert result.stderr.startswith(f'kpitui: error: {export}:2:2: "nope" というステージはありません（計画のステージ: ')
