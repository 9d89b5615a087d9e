"""Shared fixtures: the sample plans as paths."""

import os
from pathlib import Path

import pytest
from hypothesis import settings

SAMPLES = Path(__file__).resolve().parent.parent / "sample_plans"


@pytest.fixture
def samples() -> Path:
    """The folder of sample plans shipped with the project."""
    return SAMPLES


# Shared machines are noisy: no per-example deadline. In CI, a fixed seed keeps runs repeatable.
settings.register_profile("default", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")
