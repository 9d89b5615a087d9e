"""`kpitui new`: write the reference plan to a new file, never over an existing one."""

import os

from kpitui.cli import literal, output
from kpitui.cli.usage import EXIT_OK, UsageError
from kpitui.core.domain.example import reference_plan
from kpitui.core.errors import named_path
from kpitui.core.files.planfile import save_plan
from kpitui.core.text.i18n import tr


def run(path: str) -> int:
    """`kpitui new`: write the reference plan to a new file; an existing file is never touched.

    It is written like every save (a complete copy first, then given its name), so a full disk
    leaves no empty file behind; the name is taken only if nothing has it, even at that moment.
    """
    if os.path.lexists(path):
        raise UsageError(tr("{path}: already exists; kpitui new never overwrites (choose another path)", path=named_path(path)))
    save_plan(reference_plan(), path, replace=False)
    wrote = tr("wrote {path}: the reference plan (KGI 20 web orders); open it with `kpitui {path}`", path=named_path(path))
    output.write(literal.fit(wrote + "\n"))
    return EXIT_OK
