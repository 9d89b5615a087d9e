"""Shared fixtures: the sample plans as paths, and the interface language."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from kpitui.core.text.i18n import set_language

SAMPLES = Path(__file__).resolve().parent.parent / "sample_plans"


@pytest.fixture
def samples() -> Path:
    """The folder of sample plans shipped with the project."""
    return SAMPLES


# Shared machines are noisy: no per-example deadline. In CI, a fixed seed keeps runs repeatable.
settings.register_profile("default", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")


# Tests read English unless they ask for Japanese, whatever the machine's locale; commands run in a
# subprocess inherit this too.
os.environ["KPITUI_LANG"] = "en"


@pytest.fixture(autouse=True)
def english_by_default() -> Iterator[None]:
    """Every test starts in English, and a test that switches language cannot leak it into the next."""
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def japanese() -> None:
    """The interface in Japanese for this test."""
    set_language("ja")
