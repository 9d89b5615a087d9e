"""One factory builds the app for the command line and for the tests."""

from pathlib import Path

from kpitui.app.app import KpiApp
from kpitui.core.domain.example import reference_plan
from kpitui.core.session import recovery
from kpitui.core.session.document import PlanDocument


def make_app(path: Path | None) -> KpiApp:
    """The app on the plan at `path` (a new plan when there is no file yet), or on the built-in example.

    PlanError when the file exists but cannot be read: the command line reports it before any
    screen opens.
    """
    document = PlanDocument.open(path) if path is not None else PlanDocument(reference_plan(), None)
    return KpiApp(document, recovered=recovery.find_recoveries(path))
