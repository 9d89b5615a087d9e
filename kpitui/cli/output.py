"""Writing a command's output: any encoding, and one clear error when it cannot be written."""

import os
import sys

from kpitui.core.errors import os_reason
from kpitui.core.text.i18n import _, tr


class OutputError(Exception):
    """The output could not be written (a full disk, a closed pipe or terminal): one line, exit 1."""


def write(text: str) -> None:
    """Write `text` to standard output, escaping what its encoding cannot hold; OutputError on failure."""
    stream = sys.stdout
    if stream is None:
        raise OutputError(_("cannot write the output: standard output is closed"))
    try:
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")  # LANG=C, PYTHONIOENCODING=ascii: `\xf7`, not a crash
        stream.write(text)
        stream.flush()
    except (OSError, ValueError) as error:  # ValueError: the stream was closed
        raise OutputError(tr("cannot write the output: {reason}", reason=os_reason(error))) from None


def discard() -> None:
    """Send what is still buffered for standard output nowhere, so that exiting raises no second error."""
    if sys.stdout is None:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
