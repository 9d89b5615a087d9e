"""The plan being edited: its file, its undo history, and what was last saved or loaded."""

from pathlib import Path

from kpitui.core.domain.example import reference_plan
from kpitui.core.domain.plan import Goal, Plan
from kpitui.core.files.planfile import (
    Fingerprint,
    display_title,
    fingerprint,
    load_plan,
    save_plan,
)
from kpitui.core.session import recovery
from kpitui.core.session.history import History


class PlanDocument:
    """One plan in the app: `path` None means not saved anywhere yet (the built-in example)."""

    def __init__(self, plan: Plan, path: Path | None) -> None:
        self.path = path
        self.history = History(plan)
        self.saved_plan = plan  # as opened or last saved: leaving it unchanged loses nothing
        self.disk_fingerprint: Fingerprint | None = fingerprint(path) if path is not None else None

    @classmethod
    def open(cls, path: Path) -> "PlanDocument":
        """The plan at `path`; a path with no file yet starts a new plan (the reference case) to be saved there.

        PlanError when the file exists but cannot be read or is invalid.
        """
        if not path.exists() and not path.is_symlink():
            return cls(reference_plan(), path)
        return cls(load_plan(path), path)

    @property
    def plan(self) -> Plan:
        """The plan as it stands now."""
        return self.history.plan

    @property
    def modified(self) -> bool:
        """The plan differs from what was opened or last saved: quitting now would lose something."""
        return self.plan != self.saved_plan

    @property
    def on_disk(self) -> bool:
        """The plan has a file (a new plan's file appears on its first save)."""
        return self.disk_fingerprint is not None

    @property
    def title(self) -> str:
        """The title to show: the plan's own, or its file's name."""
        return display_title(self.plan, self.path)

    def remembered_revenue_goal(self) -> Goal | None:
        """The latest revenue-driven goal this session has seen, to switch back to from a count."""
        for plan in (*self.history.plans(), self.saved_plan):
            if not plan.goal.is_count_driven:
                return plan.goal
        return None

    def changed_on_disk(self) -> bool:
        """Someone else wrote, created or removed the file since it was opened or saved here."""
        return self.path is not None and fingerprint(self.path) != self.disk_fingerprint

    def save(self, path: Path | None = None) -> None:
        """Save atomically to `path` (save as) or to the document's file; PlanError says why it failed."""
        target = path or self.path
        if target is None:
            raise ValueError("the plan has no file yet: save it as a new file")
        plan = self.plan
        self.disk_fingerprint = save_plan(plan, target)
        if path is not None and path != self.path:
            recovery.discard_recovery(self.path)
        self.path, self.saved_plan = target, plan
        recovery.discard_recovery(target)
