"""Recovery copies: unsaved work written to the user's state folder when something goes wrong.

Each running app writes its own copy of a plan (named after the plan's real path and the app's
owner id), so two apps on one plan never overwrite or delete each other's. A plan finds its
copies by its real path, however that path is spelled (a symlink, `../`). A copy is removed only
when the user restored or discarded it, or a save wrote exactly the plan it holds.
"""

import hashlib
import os
import re
import secrets
from pathlib import Path
from typing import NamedTuple

from kpitui.core.domain.plan import Plan
from kpitui.core.errors import PlanError, os_reason
from kpitui.core.files.planfile import load_plan, save_plan
from kpitui.core.text.i18n import tr

UNTITLED = "untitled"
# After the plan's key: the owner (see `new_owner`), absent in copies written before copies had owners.
OWNER_SUFFIX = r"(-[0-9]+-[0-9a-f]{8})?\.toml"


class Copy(NamedTuple):
    """A recovery copy found on disk: the plan it holds, and where it is."""

    plan: Plan
    path: Path


def state_folder() -> Path:
    """Where recovery copies live: `$XDG_STATE_HOME/kpitui/recovery`, by default under ~/.local/state."""
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(base) / "kpitui" / "recovery"


def new_owner() -> str:
    """An id for one running app, unique among the apps that ever write copies of a plan."""
    return f"{os.getpid()}-{secrets.token_hex(4)}"


def plan_key(plan_path: Path | None) -> str:
    """The part of a copy's name that says which plan it is: the file's real path, hashed."""
    if plan_path is None:
        return UNTITLED
    real = os.path.realpath(plan_path)
    digest = hashlib.sha256(real.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return f"{Path(real).stem[:40]}-{digest}"


def recovery_path(plan_path: Path | None, owner: str) -> Path:
    """Where the app `owner` keeps its copy of the plan at `plan_path` (None: the built-in example)."""
    return state_folder() / f"{plan_key(plan_path)}-{owner}.toml"


def write_recovery(plan: Plan, plan_path: Path | None, owner: str) -> Path:
    """Save `plan` as app `owner`'s copy of `plan_path`; returns where. PlanError if that fails too."""
    path = recovery_path(plan_path, owner)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PlanError.of_file(
            str(path.parent), tr("cannot create the recovery folder: {reason}", reason=os_reason(error))
        ) from None
    save_plan(plan, path)
    return path


def find_recoveries(plan_path: Path | None) -> list[Copy]:
    """Every readable recovery copy of `plan_path`, whichever app wrote it, oldest first."""
    key = plan_key(plan_path)
    folder = state_folder()
    try:
        names = [name for name in os.listdir(folder) if re.fullmatch(re.escape(key) + OWNER_SUFFIX, name)]
    except OSError:
        return []
    found = []
    for path in sorted((folder / name for name in names), key=modified_time):
        try:
            found.append(Copy(load_plan(path), path))
        except PlanError:
            continue
    return found


def modified_time(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def remove(path: Path) -> None:
    """Remove a recovery copy once the work in it is restored, saved or let go."""
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def remove_saved(plan_path: Path, saved: Plan) -> None:
    """Remove the copies of `plan_path` that hold exactly `saved`: nothing in them is unsaved any more."""
    for copy in find_recoveries(plan_path):
        if copy.plan == saved:
            remove(copy.path)
