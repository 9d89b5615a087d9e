"""Open the Textual app: the one path from the command line that loads Textual."""

import sys
from pathlib import Path

from kpitui.cli.usage import UsageError
from kpitui.core.errors import PlanError
from kpitui.core.text.i18n import N_, _, tr

NO_INPUT_TERMINAL = N_(
    "the app needs a terminal, and standard input is not one; in scripts use a headless command: "
    "`kpitui calc`, `compare`, `check`, `status`, `actuals` or `new` (see `kpitui --help`)"
)
NO_OUTPUT_TERMINAL = N_(
    "the app needs a terminal, and standard output is not one; in scripts use a headless command: "
    "`kpitui calc`, `compare`, `check`, `status`, `actuals` or `new` (see `kpitui --help`)"
)


def open_app(path: str | None) -> int:
    """Run the app on `path` (or the built-in example) until the user quits; returns the exit code."""
    require_terminal()
    from kpitui.app.factory import make_app

    app = make_app(Path(path) if path is not None else None)
    try:
        app.run()
    finally:
        # Quitting asks before unsaved work is left behind, so unsaved work here means a crash or a signal.
        if app.document.modified:
            try:
                where = app.document.keep_recovery()
                say(
                    tr("kpitui: your unsaved work is kept in {path}; it is offered when you open the plan again", path=str(where))
                )
            except PlanError as error:
                say(tr("kpitui: error: could not keep your unsaved work: {error}", error=str(error)))
    return app.return_code or 0


def require_terminal() -> None:
    """Refuse to start the app without a terminal (a script, a pipe, a cron job): it would wait forever."""
    for stream, message in ((sys.stdin, NO_INPUT_TERMINAL), (sys.stdout, NO_OUTPUT_TERMINAL)):
        if stream is None or not stream.isatty():
            raise UsageError(_(message))


def say(message: str) -> None:
    """Tell the user on standard error, unless the terminal is gone (a hang-up): the copy is kept anyway."""
    try:
        print(message, file=sys.stderr)
    except OSError:
        pass
