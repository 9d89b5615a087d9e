"""The KPI review's state (SPEC 1.4): what is ok, what is a concern, what is still to do."""

from collections import Counter
from typing import NamedTuple

from kpitui.core.domain.plan import CRITERIA, CriterionState, Plan
from kpitui.core.text.i18n import N_, _, ntr, tr
from kpitui.core.text.safe_text import is_blank

# The criteria in the method's words (SPEC 1.4, 7); translated where they are shown.
LABELS = {
    "alignment": N_("Alignment"),
    "measurability": N_("Measurability"),
    "simplicity": N_("Simplicity"),
    "contingency": N_("Contingency"),
}
# What each criterion asks of a KPI, in the words the team should use.
QUESTIONS = {
    "alignment": N_("Does reaching this KPI really lead to the KGI (a logical link, not a hope)?"),
    "measurability": N_("Can it be counted regularly and reliably, ideally automatically by a tool?"),
    "simplicity": N_("Do the people doing the work understand it at once?"),
    "contingency": N_("Is there an agreed recovery plan for when this KPI is missed?"),
}
_CYCLE = {
    CriterionState.TODO: CriterionState.OK,
    CriterionState.OK: CriterionState.CONCERN,
    CriterionState.CONCERN: CriterionState.TODO,
}


def criterion_label(criterion: str) -> str:
    """The criterion's name in the interface language: `Alignment`, 「KGIとの整合性」."""
    return _(LABELS[criterion])


def criterion_question(criterion: str) -> str:
    """What the criterion asks of a KPI, in the interface language."""
    return _(QUESTIONS[criterion])


def next_state(state: CriterionState) -> CriterionState:
    """The state after `state` when cycling: to do → ok → concern → to do."""
    return _CYCLE[state]


def needs_attention(plan: Plan, stage_name: str) -> bool:
    """A KPI with a criterion not ok yet, or an agreed contingency with no written plan."""
    review = plan.review_of(stage_name)
    unwritten = review.contingency is CriterionState.OK and is_blank(review.contingency_plan)
    return unwritten or any(review.state(c) is not CriterionState.OK for c in CRITERIA)


class OpenItem(NamedTuple):
    """One criterion of one KPI stage that is not ok yet."""

    stage: str
    criterion: str
    state: CriterionState


class ReviewStatus(NamedTuple):
    """Counts by state, the open items in stage order, and KPIs whose agreed contingency is unwritten."""

    counts: dict[CriterionState, int]
    open_items: tuple[OpenItem, ...]
    missing_contingency_plans: tuple[str, ...]

    @property
    def total(self) -> int:
        """All checks: four for every KPI stage."""
        return sum(self.counts.values())

    @property
    def complete(self) -> bool:
        """Every criterion of every KPI stage is ok (SPEC 1.4)."""
        return not self.open_items

    @property
    def settled(self) -> bool:
        """Complete, and every agreed contingency plan is written down."""
        return self.complete and not self.missing_contingency_plans

    def summary(self) -> str:
        """`11 of 16 checks ok · 2 concerns · 3 to do`."""
        concerns, todo = self.counts[CriterionState.CONCERN], self.counts[CriterionState.TODO]
        parts = [f"{self.counts[CriterionState.OK]} of {self.total} checks ok"]
        parts.append(f"{concerns} concern{'s' if concerns != 1 else ''}")
        parts.append(f"{todo} to do")
        if self.missing_contingency_plans:
            parts.append(f"{len(self.missing_contingency_plans)} contingency plan(s) not written")
        return " · ".join(parts)

    def told(self) -> str:
        """`summary` in the interface language, for people (JSON keeps `summary`, in English)."""
        concerns, missing = self.counts[CriterionState.CONCERN], len(self.missing_contingency_plans)
        parts = [
            tr("{ok} of {total} checks ok", ok=self.counts[CriterionState.OK], total=self.total),
            ntr("{n} concern", "{n} concerns", concerns, n=concerns),
            tr("{n} to do", n=self.counts[CriterionState.TODO]),
        ]
        if missing:
            parts.append(tr("{n} contingency plan(s) not written", n=missing))
        # TRANSLATORS: between the parts of the summary; "·" is of ambiguous width in East Asian terminals.
        return _(" · ").join(parts)


def review_status(plan: Plan) -> ReviewStatus:
    """The review of every KPI stage of the plan, summed up."""
    counts: Counter[CriterionState] = Counter({state: 0 for state in CriterionState})
    open_items, missing = [], []
    for stage in plan.kpi_stages:
        review = plan.review_of(stage.name)
        for criterion in CRITERIA:
            state = review.state(criterion)
            counts[state] += 1
            if state is not CriterionState.OK:
                open_items.append(OpenItem(stage.name, criterion, state))
        if review.contingency is CriterionState.OK and is_blank(review.contingency_plan):
            missing.append(stage.name)
    return ReviewStatus(dict(counts), tuple(open_items), tuple(missing))
