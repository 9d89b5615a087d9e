"""App tests: recovery copies go to a temporary state folder, never the user's; an error the app
rescued fails the test unless the test meant to cause it."""

import shutil
from pathlib import Path

import pytest

from kpitui.app.app import KpiApp
from kpitui.app.factory import make_app


@pytest.fixture(autouse=True)
def state_folder(tmp_path, monkeypatch) -> Path:
    """A private XDG state folder for each test."""
    folder = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(folder))
    return folder


@pytest.fixture(autouse=True)
def rescued(request, monkeypatch) -> list[BaseException]:
    """The errors the app rescued. The app keeps running through them, so a test would not see
    them: unless it asks for `rescues_expected`, a test where the app met one fails."""
    seen: list[BaseException] = []
    rescue = KpiApp.rescue

    def recording(app: KpiApp, error: BaseException) -> None:
        seen.append(error)
        rescue(app, error)

    monkeypatch.setattr(KpiApp, "rescue", recording)
    yield seen
    if "rescues_expected" not in request.fixturenames:
        assert not seen, f"the app met unforeseen errors: {seen!r}"


@pytest.fixture
def rescues_expected(rescued) -> list[BaseException]:
    """For tests that cause errors on purpose, to check the app survives them."""
    return rescued


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
