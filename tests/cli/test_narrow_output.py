"""No figure is ever split across lines, at any width, in any language (issue 9, item 4).

Every human line fits the width, unless it is one unbreakable token standing alone (a figure with
its unit, or a word longer than the width); every figure shown at the widest layout (1000 columns) is shown whole,
on one line, at every narrower width. Terminals fold what is wider than they are, so a line
wider than the width would split a number in two.
"""

import re
import shutil

import pytest

from kpitui.cli import literal
from kpitui.cli.main import main
from kpitui.core.text.wrapping import cell_width

WIDTHS = [12, 16, 20, 24, 40, 55, 60, 80]
# Currencies as a plan may write them: each stays with its figure however the line wraps.
ODD_CURRENCIES = ["US$", "yen", "Euro", "JPYX"]
# A figure as kpitui writes one: digits with separators, a sign, a percent, a myriad and a unit
# (`1,000,000,000 JPY`, `+12.5%`, `10億円`, `150万 USD`, `1,600件`).
UNIT = "|".join(re.escape(currency) for currency in [*ODD_CURRENCIES, "円"])  # `1,000 円` in English
FIGURE = re.compile(rf"[-+−]?\d[\d,.]*(?:[万億兆]\d[\d,.]*)*[万億兆]?(?: (?:{UNIT}|[A-Z]{{3}})(?![A-Za-z])|[円件%])?")
# A title that kinsoku cannot break where it would (no line starts with `:` or `。`), in markup.
HOSTILE_TITLE = "Plan [link=https://e.invalid]L[/link] :smile: end「計画」。、ー（見直し）。Contingency"


def commands(samples, tmp_path) -> list[list[str]]:
    web, ja, saas = (str(samples / name) for name in ("web-reference.toml", "web-reference-ja.toml", "saas-trial.toml"))
    copy = tmp_path / "plan.toml"
    shutil.copy(samples / "web-reference.toml", copy)
    no_currency = tmp_path / "no-currency.toml"
    no_currency.write_text(
        "".join(line for line in (samples / "web-reference.toml").read_text().splitlines(True) if not line.startswith("currency"))
    )
    odd = []
    for currency in ODD_CURRENCIES:
        plan = tmp_path / f"odd-{len(odd)}.toml"
        text = (samples / "web-reference.toml").read_text()
        text = re.sub(r"(?m)^title = .*$", f'title = "{HOSTILE_TITLE}"', text)
        plan.write_text(re.sub(r"(?m)^currency = .*$", f'currency = "{currency}"', text))
        odd += [["calc", str(plan)], ["compare", str(plan)], ["status", str(plan)], ["check", str(plan)]]
    return odd + [
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
            # Wider than the terminal only alone and with no indent: an indent gives way first.
            too_wide = [line for line in lines if cell_width(line) > width and not (unbreakable(line) and line[:1] != " ")]
            assert too_wide == [], (args, width)
            shown = {figure for line in lines for figure in figures(line)}
            assert whole - shown == set(), (args, width)


@pytest.mark.parametrize(
    ("line", "width", "lines"),
    [
        ("    1,000,000,000 JPY", 20, ["   1,000,000,000 JPY"]),  # was `    1,000,000,000 JP` + `Y` in the terminal
        ("    10,000,000 JPY", 16, ["  10,000,000 JPY"]),
        ("    1,000,000,000 JPY", 16, ["1,000,000,000 JPY"]),  # wider than the terminal: alone, no indent
        ("  Contingency is to do", 12, [" Contingency", "  is to do"]),
        ("  計画は1,600件）。", 12, ["  計画は", " 1,600件）。"]),
    ],
)
def test_an_indent_gives_way_to_a_figure_or_a_word_that_would_not_fit_after_it(line, width, lines):
    assert literal.fit(line, width).split("\n") == lines


def test_a_line_breaks_at_a_space_when_no_break_kinsoku_allows_fits():
    title = "  [link=https://e.invalid]L[/link] :smile: end"
    assert literal.fit(title, 40).split("\n") == ["  [link=https://e.invalid]L[/link]", "    :smile: end"]


@pytest.mark.parametrize("currency", ODD_CURRENCIES)
def test_a_figure_keeps_its_currency_whatever_the_plan_writes(currency, samples, tmp_path, monkeypatch, capsys):
    plan = tmp_path / "plan.toml"
    plan.write_text(re.sub(r"(?m)^currency = .*$", f'currency = "{currency}"', (samples / "web-reference.toml").read_text()))
    for width in (16, 24, 40):
        lines = run(["calc", str(plan)], width, "en", monkeypatch, capsys, tmp_path)
        assert [line for line in lines if f"1,000,000,000 {currency}" in line], (currency, width)
