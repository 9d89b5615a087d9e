"""Undo and redo as a history of plan values, each step labelled with what it did."""

from collections.abc import Iterator
from dataclasses import dataclass

from kpitui.core.domain.plan import Plan

MAX_STEPS = 1000


@dataclass(frozen=True)
class Step:
    """One edit: the plan after it, what it did in words (`rate of Visits`), and its run of typing."""

    plan: Plan
    label: str
    run: object = None


class History:
    """The current plan with the edits before it (to undo) and after it (to redo)."""

    def __init__(self, plan: Plan) -> None:
        self._past: list[Step] = []
        self._present = Step(plan, "")
        self._future: list[Step] = []

    @property
    def plan(self) -> Plan:
        """The plan as it stands now."""
        return self._present.plan

    @property
    def can_undo(self) -> bool:
        """There is an edit to undo."""
        return bool(self._past)

    @property
    def can_redo(self) -> bool:
        """There is an undone edit to redo."""
        return bool(self._future)

    def plans(self) -> Iterator[Plan]:
        """Every plan the history holds: the current one, then older ones newest first, then undone ones."""
        yield self.plan
        yield from (step.plan for step in reversed(self._past))
        yield from (step.plan for step in reversed(self._future))

    def push(self, plan: Plan, label: str, run: object = None) -> bool:
        """Record an edit; a plan equal to the current one records nothing. True when recorded.

        Edits with the same `run` (not None) in a row make one step: a burst of typing in a
        text area is undone at once, not a keystroke at a time.
        """
        if plan == self.plan:
            return False
        if run is None or run != self._present.run or not self._past:
            self._past.append(self._present)
            del self._past[:-MAX_STEPS]
        self._present = Step(plan, label, run)
        self._future.clear()
        return True

    def undo(self) -> str:
        """Go back one edit; returns its label. IndexError when there is none."""
        undone = self._present
        self._present = self._past.pop()
        self._future.append(undone)
        return undone.label

    def redo(self) -> str:
        """Redo the last undone edit; returns its label. IndexError when there is none."""
        redone = self._future.pop()
        self._past.append(self._present)
        self._present = redone
        return redone.label
