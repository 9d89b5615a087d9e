"""Open the Textual app: the one path from the command line that loads Textual."""

from pathlib import Path


def open_app(path: str | None) -> int:
    """Run the app on `path` (or the built-in example) until the user quits; returns the exit code."""
    from kpitui.app.factory import make_app

    app = make_app(Path(path) if path is not None else None)
    app.run()
    return app.return_code or 0
