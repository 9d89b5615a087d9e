"""The core and the headless commands never load Textual: that is what keeps them fast."""

import ast
import subprocess
import sys

import pytest

HEADLESS = [
    # every module of the core and of the commands, found by walking the packages, so a new one is covered
    "import importlib, pkgutil, kpitui.core, kpitui.cli\n"
    "for package in (kpitui.core, kpitui.cli):\n"
    "    for module in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):\n"
    "        importlib.import_module(module.name)",
    "from kpitui.cli.main import main; main(['calc', 'sample_plans/web-reference.toml'])",
    "from kpitui.cli.main import main; main(['calc', 'sample_plans/web-reference.toml', '--format', 'json'])",
    "from kpitui.cli.main import main; main(['check', 'sample_plans/web-reference.toml'])",
    "from kpitui.cli.main import main; main(['compare', 'sample_plans/web-reference.toml'])",
    "from kpitui.cli.main import main; main(['status', 'sample_plans/web-reference.toml'])",
    "from kpitui.cli.main import main; main(['calc', 'sample_plans/web-reference.toml', '--monthly'])",
    "from kpitui.cli.main import main; main(['actuals', 'sample_plans/web-reference.toml',"
    " 'sample_plans/analytics-export-2026-07.csv', '--dry-run'])",
]


@pytest.mark.parametrize("code", HEADLESS)
def test_headless_paths_never_import_textual(code, samples):
    probe = f"{code}\nimport sys\nprint(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=samples.parent, timeout=60)
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr


def loaded(arguments: list[str], modules: set[str], samples) -> set[str]:
    """Which of `modules` a run of `kpitui ARGUMENTS` in the samples' folder loads."""
    probe = f"from kpitui.cli.main import main; main({arguments!r})\nimport sys; print(sorted({modules!r} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=samples.parent, timeout=60)
    return set(ast.literal_eval(result.stdout.strip().splitlines()[-1]))


def test_json_output_does_not_even_load_rich(samples):
    assert loaded(["calc", "sample_plans/web-reference.toml", "--format", "json"], {"rich"}, samples) == set()


def test_calc_loads_nothing_for_help_it_does_not_print(samples):
    # argparse, left to itself, imports shutil (and bz2, lzma) for every argument of every command,
    # and the standard gettext loads locale to search the disk for a catalogue of its words
    assert loaded(["calc", "sample_plans/web-reference.toml"], {"shutil", "locale"}, samples) == set()
