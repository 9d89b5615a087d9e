"""Every command's errors in Japanese (SPEC 7): the place (file, line:column, key path) as it is, the words Japanese."""

import errno
import io
import sys

import pytest

from kpitui.cli.main import main

GOAL = "[goal]\norders = 20\n"
TWO_STAGES = '[[stages]]\nname = "A"\nrate = 0.5\n[[stages]]\nname = "B"\n'


def japanese_error(args: list[str], capsys) -> tuple[int, str]:
    code = main(["--lang", "ja", *args])
    return code, capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("format = 1\n" + GOAL + TWO_STAGES.replace("0.5", "0"), "stages[0].rate: 0% より大きくしてください（指定値: 0）"),
        (
            "format = 1\n" + GOAL + TWO_STAGES.replace("0.5", "50"),
            'stages[0].rate: 100% 以下にしてください（指定値: 50）。"50%" のことですか？',
        ),
        ("format = 1\n" + GOAL + TWO_STAGES.replace("rate", "rat"), "stages[0].rat: 不明なキーです。rate のことですか？"),
        (
            "format = 1\nstart = 2026-04-01\n" + GOAL + TWO_STAGES,
            'start: 月は引用符で囲んでください（指定値: 日付）。start = "2026-04" と書きます',
        ),
        ("format = 1\nmonths = 0\n" + GOAL + TWO_STAGES, "months: 1〜120か月の範囲にしてください（指定値: 0）"),
        ("format = 1\n" + GOAL + TWO_STAGES.replace('"B"', '"A"'), 'stages[1].name: "A" という名前のステージはすでにあります'),
        ("format = 1\n" + GOAL, "stages: ありません。計画には [[stages]] が2つ以上必要です（ファネルの最上段から順に）"),
        (
            "format = 2\n" + GOAL + TWO_STAGES,
            "format: このファイルは format 2 で、この kpitui が読める形式（1）より新しいものです。kpitui を更新してください",
        ),
        (
            "format = 1\n[goal]\nrevenue = 1e17\naverage_deal = 1\n" + TWO_STAGES,
            "goal: KGI が 100,000,000,000,000,000件（売上目標 / 平均受注単価 にチャネル比率を掛けた値）になり、"
            "KGI の上限 1,000,000,000,000件を超えます",
        ),
    ],
)
@pytest.mark.parametrize("command", ["calc", "compare", "status"])
def test_a_broken_plan_rule_is_said_in_japanese_at_its_key_path(command, text, message, tmp_path, capsys):
    plan = tmp_path / "plan.toml"
    plan.write_text(text, encoding="utf-8")
    assert japanese_error([command, str(plan)], capsys) == (2, f"kpitui: error: {plan}: {message}\n")


def test_check_says_an_invalid_plan_in_japanese(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "1000")  # the temporary path is long: the message on one line needs room
    plan = tmp_path / "plan.toml"
    plan.write_text("format = 1\n" + GOAL + TWO_STAGES.replace("0.5", '"5"'), encoding="utf-8")
    assert main(["--lang", "ja", "check", str(plan)]) == 2
    assert capsys.readouterr().out.splitlines()[1] == (
        f'  {plan}: stages[0].rate: 文字列で書く転換率には "10%" のように % を付けてください（指定値: "5"）'
    )


@pytest.mark.parametrize(
    ("csv", "message"),
    [
        (
            "month,stage,count\n2026-13,Visits,3\n",
            '2:1: 月ではありません: "2026-13"（2026-04、2026/4、2026-04-01、202604、2026年4月のように書いてください）',
        ),
        ("month,stage,count\n2026-04,Visits,3,4\n", "2:4: セルがヘッダーの3列より多くあります"),
        ("month,stage,count\n2026-04,Visits,-3\n", '2:3: 1510 や 1,510 のような 0 以上の整数にしてください（指定値: "-3"）'),
        ("month,stage,count,件数\n", '1:4: count 列が2つあります（"件数"）'),
        ("month,stage\n", "1:1: count 列がありません。縦長形式では month、stage、count の列が必要です"),
        ("# only a comment\n", "ヘッダー行がありません。# で始まるコメント以外の最初の行に列名を書いてください"),
    ],
)
def test_an_actuals_csv_error_is_said_in_japanese_at_its_cell(csv, message, samples, tmp_path, capsys):
    plan = tmp_path / "plan.toml"
    plan.write_bytes((samples / "web-reference.toml").read_bytes())
    export = tmp_path / "export.csv"
    export.write_text(csv, encoding="utf-8")
    place = f"{export}:" if message[0].isdigit() else f"{export}: "
    assert japanese_error(["actuals", str(plan), str(export)], capsys) == (2, f"kpitui: error: {place}{message}\n")
    assert plan.read_bytes() == (samples / "web-reference.toml").read_bytes()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["nope.toml", "extra"],
            '"nope.toml" というコマンドはありません。'
            "コマンドは calc, compare, check, status, actuals, new です（`kpitui --help` を参照）",
        ),
        (["calc", "PLAN", "one", "two"], '不要な引数があります: "one", "two"（`kpitui calc --help` を参照）'),
        (
            ["calc", "PLAN", "--top", "1e99999"],
            "引数 --top: 1,000,000,000,000,000,000 以下にしてください（指定値: 1e99999）（`kpitui calc --help` を参照）",
        ),
        (
            ["calc", "PLAN", "--top", "lots"],
            '引数 --top: 数値を入力してください（入力値: "lots"）（`kpitui calc --help` を参照）',
        ),
        (["status", "PLAN", "--as-of", "2030-01"], "PLAN: --as-of: 2030-01 は計画期間（2026-04〜2027-03）の月ではありません"),
    ],
)
def test_a_usage_error_is_said_in_japanese(args, message, samples, capsys):
    plan = str(samples / "web-reference.toml")
    args = [plan if a == "PLAN" else a for a in args]
    assert japanese_error(args, capsys) == (2, f"kpitui: error: {message.replace('PLAN', plan)}\n")


def test_a_full_disk_is_said_in_japanese(samples, monkeypatch, capsys):
    class FullDisk:
        def write(self, text):
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self):
            pass

        def fileno(self):
            raise io.UnsupportedOperation("no file descriptor")

    monkeypatch.setattr(sys, "stdout", FullDisk())
    code = main(["--lang", "ja", "calc", str(samples / "web-reference.toml")])
    assert (code, capsys.readouterr().err) == (1, "kpitui: error: 出力を書き込めません: ディスクの空き容量がありません\n")


def test_a_closed_output_is_said_in_japanese(samples, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdout", None)
    code = main(["--lang", "ja", "status", str(samples / "web-reference.toml")])
    assert (code, capsys.readouterr().err) == (1, "kpitui: error: 出力を書き込めません: 標準出力が閉じられています\n")


def test_new_over_an_existing_file_and_on_a_full_disk_in_japanese(tmp_path, monkeypatch, capsys):
    import os

    existing = tmp_path / "plan.toml"
    existing.write_text("")
    assert japanese_error(["new", str(existing)], capsys)[1].startswith(f"kpitui: error: {existing}: ")

    def disk_full(descriptor):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    path = tmp_path / "new.toml"
    assert japanese_error(["new", str(path)], capsys) == (
        2,
        f"kpitui: error: {path}: 保存できません: ディスクの空き容量がありません\n",
    )


def test_check_json_of_an_invalid_plan_is_the_same_in_both_languages(samples, tmp_path, capsys):
    """The error inside `check --format json` is machine output: English in every language."""
    plan = tmp_path / "plan.toml"
    plan.write_text("format = 1\n" + GOAL + TWO_STAGES.replace("0.5", "0"), encoding="utf-8")
    args = ["check", str(plan), str(samples / "web-reference-ja.toml"), "--format", "json"]
    outputs = []
    for language in ("en", "ja"):
        assert main(["--lang", language, *args]) == 2
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    assert "must be greater than 0% (got 0)" in outputs[0]
