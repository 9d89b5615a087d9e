"""A plan with a text of a megabyte is printed in linear time (issue 9): wrapping it once hung `calc`.

The loader accepts 4 MiB a plan; wrapping copied the rest of the text at every space, so 200,000
words kept `calc` busy for minutes and a long contingency plan `status` for a quarter of a minute.
"""

import os
import subprocess
import sys

import pytest

BUDGET = 20  # seconds for the whole command, started cold; about one here
WORDS = "word " * 200_000  # 1 MB
MORE_WORDS = "word " * 400_000  # 2 MB: status took 6 s of processor a megabyte, 24 s for two
JAPANESE = "計画を見直す。" * 50_000  # 1 MB in UTF-8
PLAN = 'format = 1\ntitle = "{title}"\n[goal]\norders = 1\n[[stages]]\nname = "a"\nrate = "10%"\n[[stages]]\nname = "b"\n'


def run(*args: str, width: int) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kpitui", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": str(width)},
        timeout=BUDGET,
    )


@pytest.mark.parametrize("width", [12, 80])
def test_calc_prints_a_title_of_a_megabyte_in_time(width, tmp_path):
    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN.format(title=WORDS))
    result = run("calc", str(plan), width=width)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("word") == 200_000


@pytest.mark.parametrize(("language", "text"), [("en", MORE_WORDS), ("ja", JAPANESE)], ids=["english", "japanese"])
def test_status_prints_a_contingency_plan_of_megabytes_in_time(language, text, samples, tmp_path):
    plan = tmp_path / "plan.toml"
    sample = (samples / "web-reference.toml").read_text()
    written = 'contingency_plan = "Add a paid campaign if below 80 % of target by month 6"'
    assert written in sample
    plan.write_text(sample.replace(written, f'contingency_plan = "{text}"'))
    result = run("--lang", language, "status", str(plan), width=40)
    assert result.returncode == 1, result.stderr  # a stage is behind: its contingency plan is shown
    assert "".join(result.stdout.split()).count("".join(text.split())) == 1
