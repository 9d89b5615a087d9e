"""What the rates seen say about the plan, one sentence each: the bottleneck, and the count the
top of the funnel needs at those rates (SPEC 5). The Progress screen and `kpitui status` both say
them, so they are written once, here."""

from kpitui.core.domain.progress import PlanStatus
from kpitui.core.text.formatting import format_count, format_observed_rate, format_percent
from kpitui.core.text.i18n import tr


def rate_findings(result: PlanStatus) -> list[str]:
    """The bottleneck sentence and the replan sentence, each only when the status has it."""
    sentences = []
    if result.bottleneck is not None:
        row = result.stage(result.bottleneck)
        sentences.append(
            tr(
                "Bottleneck: {stage} converts at {seen} against {planned} planned.",
                stage=row.name,
                seen=format_observed_rate(row.observed_rate),  # type: ignore[arg-type]  # a bottleneck has both rates
                planned=format_percent(row.rate),  # type: ignore[arg-type]
            )
        )
    if result.replan_top is not None:
        sentences.append(
            tr(
                "At the rates you really see, you need {needed} at the top (the plan says {planned}).",
                needed=format_count(result.replan_top),
                planned=format_count(result.top_target),
            )
        )
    return sentences
