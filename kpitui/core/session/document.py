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
from kpitui.core.text.i18n import _


class PlanDocument:
    """One plan in the app: `path` None means not saved anywhere yet (the built-in example)."""

    def __init__(self, plan: Plan, path: Path | None) -> None:
        self.path = path
        self.history = History(plan)
        self.saved_plan = plan  # as opened or last saved: leaving it unchanged loses nothing
        self.disk_fingerprint: Fingerprint | None = fingerprint(path) if path is not None else None
        self.owner = recovery.new_owner()  # this app's recovery copies are its own
        self.kept: recovery.Copy | None = None  # this app's recovery copy, once one was written

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

    def changed_on_disk(self, found: Fingerprint | None) -> bool:
        """Someone else wrote, created or removed the file since it was opened or saved here, its
        `fingerprint` being `found` now (looked at by the caller: a network folder can hang)."""
        return self.path is not None and found != self.disk_fingerprint

    def deleted_on_disk(self, found: Fingerprint | None) -> bool:
        """The file this plan was opened from or saved to is gone (deleted or moved away)."""
        return self.path is not None and self.disk_fingerprint is not None and found is None

    def save(self, path: Path | None = None) -> None:
        """Save atomically to `path` (save as) or to the document's file; PlanError says why it failed."""
        target = path or self.path
        if target is None:
            raise ValueError(_("the plan has no file yet: save it as a new file"))
        plan = self.plan
        self.saved(plan, target, save_plan(plan, target))

    def saved(self, plan: Plan, path: Path, written: Fingerprint | None) -> None:
        """`plan` was saved to `path`, which has the fingerprint `written` now; edits made while it was
        written stay unsaved. Recovery copies holding exactly what was saved go: nothing in them is
        unsaved any more."""
        self.disk_fingerprint = written
        self.path, self.saved_plan = path, plan
        recovery.remove_saved(path, plan)
        self.keep_recovery_current()

    # Recovery copies --------------------------------------------------------------------------------

    def keep_recovery(self) -> Path:
        """Write this app's recovery copy of the plan as it stands; from now on it follows every change.

        PlanError when it cannot be written.
        """
        where = recovery.write_recovery(self.plan, self.path, self.owner)
        if self.kept is not None and self.kept.path != where:  # the plan was saved under another name
            recovery.remove(self.kept.path)
        self.kept = recovery.Copy(self.plan, where)
        return where

    def keep_recovery_current(self) -> None:
        """After a change: this app's copy, if it has one, holds the unsaved plan, or goes once nothing is unsaved.

        PlanError when it cannot be rewritten.
        """
        if self.kept is None or self.kept.plan == self.plan and self.modified:
            return
        if self.modified:
            self.keep_recovery()
        else:
            self.let_go_of_recovery()

    def let_go_of_recovery(self) -> None:
        """Remove this app's copy: what it held is saved, or the user discarded it."""
        if self.kept is not None:
            recovery.remove(self.kept.path)
            self.kept = None
