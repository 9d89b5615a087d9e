"""Japanese output laid out as Japanese is read (SPEC 7): no sign of ambiguous width (East Asian
terminals draw East Asian Width "A" characters — · … │ ─ █ ◆ → × ÷ two cells wide, and columns and
rules break), and no wrapped line that starts with 「ー」「、」「。」."""

import re
import shutil

import pytest
from babel.messages.pofile import read_po

from kpitui.cli.main import main
from kpitui.core.text.i18n import LOCALE_DIR
from kpitui.core.text.symbols import STAND_INS, ambiguous_width, sign, unambiguous
from kpitui.core.text.wrapping import NOT_AT_LINE_START

CATALOGUE = f"{LOCALE_DIR}/ja/LC_MESSAGES/kpitui.po"
PLANS = ["web-reference-ja.toml", "saas-trial.toml"]


def test_no_japanese_translation_has_a_sign_of_ambiguous_width():
    with open(CATALOGUE, "rb") as file:
        catalogue = read_po(file)
    found = {}
    for message in catalogue:
        for text in message.string if isinstance(message.string, tuple) else (message.string,):
            if ambiguous_width(text or ""):
                found[str(message.id)] = sorted(ambiguous_width(text))
    assert found == {}


def commands(samples, tmp_path) -> list[list[str]]:
    plans = [str(samples / name) for name in PLANS]
    copy = tmp_path / "plan.toml"
    shutil.copy(samples / "web-reference-ja.toml", copy)
    runs = [[command, "--help"] for command in ("calc", "compare", "check", "status", "actuals", "new")] + [["--help"]]
    for output in ("table", "markdown", "csv"):
        runs += [
            ["calc", plans[0], "--format", output, "--top", "1000", "--monthly"],
            ["calc", plans[0], "--format", output, "--scenario", "ナーチャリング強化"],
            ["compare", *plans, "--format", output],
            ["status", plans[0], "--format", output],
        ]
    runs += [["check", *plans], ["actuals", str(copy), str(samples / "crm-export-2026-07-ja.csv"), "--dry-run"]]
    runs += [["new", str(tmp_path / "new.toml")], ["calc", str(tmp_path / "none.toml")], ["nope.toml", "x"]]
    return runs


@pytest.mark.parametrize("width", ["40", "80", "160"])
def test_no_command_says_a_sign_of_ambiguous_width_in_japanese(width, samples, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", width)
    for args in commands(samples, tmp_path):
        try:
            main(["--lang", "ja", *args])
        except SystemExit:  # --help
            pass
        captured = capsys.readouterr()
        assert captured.out + captured.err, args
        assert ambiguous_width(captured.out + captured.err) == set(), args


def test_signs_have_stand_ins_of_one_width_in_japanese_only(japanese):
    for english, stand_in in STAND_INS.items():
        assert sign(english) == stand_in and not ambiguous_width(stand_in)
    assert unambiguous("A — B · C…") == "A - B ・ C..."


def test_english_keeps_its_signs():
    assert sign("—") == "—" and unambiguous("A — B") == "A — B"


@pytest.mark.parametrize("command", [["calc", "--top", "1000"], ["status"], ["compare"]])
@pytest.mark.parametrize("width", ["60", "70", "80"])
def test_wrapped_japanese_never_starts_a_line_with_a_mark_that_closes(command, width, samples, monkeypatch, capsys):
    """Table cells and notes wrap by the Japanese rules: 「インサイド／セールス」, never 「インサイドセ／ールス」."""
    monkeypatch.setenv("COLUMNS", width)
    main(["--lang", "ja", command[0], str(samples / "web-reference-ja.toml"), *command[1:]])
    out = capsys.readouterr().out
    starts = re.findall("(?:^|  )([" + re.escape("".join(sorted(NOT_AT_LINE_START))) + "])", out, flags=re.MULTILINE)
    assert starts == []
    assert "計画" in out
