"""Hypothesis strategies for plans: rates, goals and whole funnels."""

from decimal import Decimal

from hypothesis import strategies as st

from kpitui.core.domain.plan import Goal, Plan, Rounding, Stage

# Rates from 0.01 % to 100 % in steps of 0.01 %: the precision people type.
rates = st.integers(min_value=1, max_value=10_000).map(lambda n: Decimal(n).scaleb(-4).normalize())
kgis = st.integers(min_value=1, max_value=100_000)


@st.composite
def plans(draw, min_stages: int = 2, max_stages: int = 7) -> Plan:
    """A valid plan with a count-driven goal and random rates."""
    count = draw(st.integers(min_value=min_stages, max_value=max_stages))
    stage_rates = draw(st.lists(rates, min_size=count - 1, max_size=count - 1))
    stages = tuple(Stage(f"S{i}", rate) for i, rate in enumerate(stage_rates)) + (Stage(f"S{count - 1}"),)
    return Plan(
        goal=Goal(orders=draw(kgis)),
        stages=stages,
        rounding=draw(st.sampled_from(list(Rounding))),
        months=draw(st.integers(min_value=1, max_value=120)),
    )
