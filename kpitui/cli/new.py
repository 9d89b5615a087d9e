"""`kpitui new`: write the reference plan to a new file, never over an existing one."""

import os

from kpitui.cli.usage import EXIT_OK, UsageError
from kpitui.core.domain.example import reference_plan
from kpitui.core.files.schema import plan_to_toml
from kpitui.core.text.safe_text import visible


def run(path: str) -> int:
    """`kpitui new`: write the reference plan to a new file; an existing file is never touched."""
    data = plan_to_toml(reference_plan()).encode("utf-8")
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileExistsError:
        raise UsageError(f"{path}: already exists; kpitui new never overwrites (choose another path)") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot create it: {error.strerror or error}") from None
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    print(f"wrote {visible(str(path))}: the reference plan (KGI 20 web orders); open it with `kpitui {visible(str(path))}`")
    return EXIT_OK
