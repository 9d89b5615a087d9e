"""No figure is ever split across lines, at any width, in any language (issue 9, item 4).

Every human line fits the width, unless it is one unbreakable token standing alone (a figure with
its unit, or a word longer than the width); every figure shown at the widest layout (1000 columns) is shown whole,
on one line, at every narrower width. Terminals fold what is wider than they are, so a line
wider than the width would split a number in two.
"""

import re
import shutil

import pytest

from kpitui.cli.main import main
from kpitui.core.text.wrapping import cell_width

WIDTHS = [20, 40, 55, 60, 80]
# A figure as kpitui writes one: digits with separators, a sign, a percent, a myriad and a unit
# (`1,000,000,000 JPY`, `+12.5%`, `10億円`, `150万 USD`, `1,600件`).
FIGURE = re.compile(r"[-+−]?\d[\d,.]*(?:[万億兆]\d[\d,.]*)*[万億兆]?(?: [A-Z]{3}\b|[円件%])?")


def commands(samples, tmp_path) -> list[list[str]]:
    web, ja, saas = (str(samples / name) for name in ("web-reference.toml", "web-reference-ja.toml", "saas-trial.toml"))
    copy = tmp_path / "plan.toml"
    shutil.copy(samples / "web-reference.toml", copy)
    no_currency = tmp_path / "no-currency.toml"
    no_currency.write_text(
        "".join(line for line in (samples / "web-reference.toml").read_text().splitlines(True) if not line.startswith("currency"))
    )
    return [
        ["calc", web],
        ["calc", web, "--top", "1000", "--monthly"],
        ["calc", str(no_currency)],
        ["calc", ja],
        ["calc", saas],
        ["compare", web, saas],
        ["compare", ja, web],
        ["status", web],
        ["status", ja],
        ["check", web, saas, ja],
        ["actuals", str(copy), str(samples / "analytics-export-2026-07.csv"), "--dry-run"],
        ["new", str(tmp_path / "new.toml")],
    ]


def run(args, width, language, monkeypatch, capsys, tmp_path) -> list[str]:
    monkeypatch.setenv("COLUMNS", str(width))
    (tmp_path / "new.toml").unlink(missing_ok=True)
    main(["--lang", language, *args])
    captured = capsys.readouterr()
    return captured.out.splitlines()


def unbreakable(token: str) -> bool:
    """One figure with its unit, or one word: what stands alone on a line when wider than the width."""
    return FIGURE.fullmatch(token) is not None or " " not in token


def figures(line: str) -> list[str]:
    return [match.group() for match in FIGURE.finditer(line)]


@pytest.mark.parametrize("language", ["en", "ja"])
def test_no_line_is_wider_than_the_terminal_and_no_figure_is_split(language, samples, tmp_path, monkeypatch, capsys):
    for args in commands(samples, tmp_path):
        wide = run(args, 1000, language, monkeypatch, capsys, tmp_path)
        whole = {figure for line in wide for figure in figures(line)}
        assert whole, args
        for width in WIDTHS:
            lines = run(args, width, language, monkeypatch, capsys, tmp_path)
            too_wide = [line for line in lines if cell_width(line) > width and not unbreakable(line.strip())]
            assert too_wide == [], (args, width)
            shown = {figure for line in lines for figure in figures(line)}
            assert whole - shown == set(), (args, width)
