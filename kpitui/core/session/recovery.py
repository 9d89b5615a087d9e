"""Recovery copies: unsaved work written to the user's state folder when something goes wrong.

One copy a plan file (or one for the unsaved built-in example), found again by the plan's
absolute path the next time it is opened.
"""

import hashlib
import os
from pathlib import Path

from kpitui.core.domain.plan import Plan
from kpitui.core.errors import PlanError
from kpitui.core.files.planfile import load_plan, save_plan

UNTITLED = "untitled"


def state_folder() -> Path:
    """Where recovery copies live: `$XDG_STATE_HOME/kpitui/recovery`, by default under ~/.local/state."""
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(base) / "kpitui" / "recovery"


def recovery_path(plan_path: Path | None) -> Path:
    """The recovery copy's path for a plan file, or for the unsaved built-in example."""
    if plan_path is None:
        return state_folder() / f"{UNTITLED}.toml"
    digest = hashlib.sha256(str(plan_path.absolute()).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return state_folder() / f"{plan_path.stem[:40]}-{digest}.toml"


def write_recovery(plan: Plan, plan_path: Path | None) -> Path:
    """Save `plan` as the recovery copy of `plan_path`; returns where. PlanError if that fails too."""
    path = recovery_path(plan_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PlanError.of_file(str(path.parent), f"cannot create the recovery folder: {error.strerror or error}") from None
    save_plan(plan, path)
    return path


def find_recovery(plan_path: Path | None) -> tuple[Plan, Path] | None:
    """The recovery copy of `plan_path` and where it is, if there is a readable one."""
    path = recovery_path(plan_path)
    if not path.exists():
        return None
    try:
        return load_plan(path), path
    except PlanError:
        return None


def discard_recovery(plan_path: Path | None) -> None:
    """Remove the recovery copy of `plan_path`, once the work in it is saved or let go."""
    try:
        recovery_path(plan_path).unlink()
    except FileNotFoundError:
        pass
