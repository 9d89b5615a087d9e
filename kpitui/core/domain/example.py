"""The built-in example: the reference case of SPEC 1 (KGI 20 web orders), ready to explore."""

from decimal import Decimal

from kpitui.core.domain.plan import (
    CriterionState,
    Goal,
    KpiReview,
    Plan,
    Scenario,
    Stage,
)

OK, TODO, CONCERN = CriterionState.OK, CriterionState.TODO, CriterionState.CONCERN


def reference_plan() -> Plan:
    """1,000,000,000 JPY revenue, 10,000,000 JPY orders, 20 % via the web: 1600 visits → 20 orders."""
    return Plan(
        title="FY2026 web plan",
        currency="JPY",
        months=12,
        goal=Goal(revenue=Decimal(1_000_000_000), average_deal=Decimal(10_000_000), channel_share=Decimal("0.2")),
        stages=(
            Stage("Visits", Decimal("0.1"), metric="Site sessions (analytics)", owner="Web team"),
            Stage("Leads", Decimal("0.5"), metric="Form submissions and downloads", owner="Marketing"),
            Stage("Nurtured", Decimal("0.5"), metric="Leads scored 50+ in the MA tool", owner="Marketing"),
            Stage("Meetings", Decimal("0.5"), metric="First meetings held", owner="Inside sales"),
            Stage("Orders", metric="Signed orders from web leads", owner="Sales"),
        ),
        scenarios=(
            Scenario("Better nurturing", "Two extra webinars a quarter", rates={"Nurtured": Decimal("0.6")}),
            Scenario("Web share 25%", "The web brings a quarter of all orders", goal={"channel_share": Decimal("0.25")}),
            Scenario(
                "Conservative",
                "Conversion as in the weakest quarter of last year",
                rates={"Visits": Decimal("0.08"), "Meetings": Decimal("0.4")},
            ),
        ),
        review={
            "Visits": KpiReview(OK, OK, OK, TODO, notes="Sessions come straight from the analytics tool"),
            "Leads": KpiReview(
                OK,
                OK,
                OK,
                CONCERN,
                notes="Downloads are tracked in the MA tool",
                contingency_plan="Add a paid campaign if below 80 % of target by month 6",
            ),
            "Nurtured": KpiReview(CONCERN, TODO, TODO, TODO, notes="Is a score of 50 really sales-ready?"),
        },
    )
