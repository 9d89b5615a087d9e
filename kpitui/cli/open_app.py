"""Open the Textual app: the one path from the command line that loads Textual."""

import sys
from pathlib import Path

from kpitui.core.errors import PlanError
from kpitui.core.session import recovery
from kpitui.core.text.safe_text import visible


def open_app(path: str | None) -> int:
    """Run the app on `path` (or the built-in example) until the user quits; returns the exit code."""
    from kpitui.app.factory import make_app

    app = make_app(Path(path) if path is not None else None)
    try:
        app.run()
    finally:
        # Quitting asks before unsaved work is left behind, so unsaved work here means a crash.
        if app.document.modified:
            try:
                where = recovery.write_recovery(app.document.plan, app.document.path)
                print(
                    f"kpitui: your unsaved work is kept in {visible(str(where))}; it is offered when you open the plan again",
                    file=sys.stderr,
                )
            except PlanError as error:
                print(f"kpitui: error: could not keep your unsaved work: {visible(str(error))}", file=sys.stderr)
    return app.return_code or 0
