"""App tests: recovery copies go to a temporary state folder, never the user's; an error the app
rescued fails the test unless the test meant to cause it."""

import shutil
from pathlib import Path

import pytest
from textual.app import App

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


@pytest.fixture(autouse=True)
def notifications_outlast_a_slow_snapshot(request, monkeypatch) -> None:
    """A toast's timeout runs on the wall clock: on a loaded machine the few seconds a notice
    shows may pass before its screenshot is taken. How long a toast stays is not part of how it
    looks, so a snapshot test keeps every toast for a minute."""
    if "snap_compare" not in request.fixturenames:
        return
    notify = App.notify

    def lasting(app: App, message, **options) -> None:
        notify(app, message, **(options | {"timeout": 60}))

    monkeypatch.setattr(App, "notify", lasting)


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
