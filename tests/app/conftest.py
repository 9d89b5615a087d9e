"""App tests: recovery copies go to a temporary state folder, never the user's."""

import shutil
from pathlib import Path

import pytest

from kpitui.app.factory import make_app


@pytest.fixture(autouse=True)
def state_folder(tmp_path, monkeypatch) -> Path:
    """A private XDG state folder for each test."""
    folder = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(folder))
    return folder


@pytest.fixture
def plan_file(tmp_path, samples) -> Path:
    """A copy of the English reference sample that a test may change and save."""
    path = tmp_path / "plan.toml"
    shutil.copy(samples / "web-reference.toml", path)
    return path


@pytest.fixture
def app_on(plan_file):
    """The app on the copied sample plan."""
    return make_app(plan_file)
