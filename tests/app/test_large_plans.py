"""The largest plans the format allows: one over a cap never opens, and no edit makes one."""

import pytest

from benchmarks.large_plan import large_plan
from kpitui.app.factory import make_app
from kpitui.core.domain.plan import MAX_SCENARIOS, MAX_STAGES
from kpitui.core.errors import PlanError
from kpitui.core.files.planfile import save_plan
from tests.app.helpers import record_notifications


def test_the_app_refuses_a_plan_over_the_stage_cap(tmp_path):
    path = tmp_path / "plan.toml"
    stages = "".join(f'[[stages]]\nname = "S{i}"\nrate = 0.9\n' for i in range(MAX_STAGES))
    path.write_text(f'format = 1\n[goal]\norders = 20\n{stages}[[stages]]\nname = "KGI"\n', encoding="utf-8")
    with pytest.raises(PlanError) as caught:
        make_app(path)
    assert str(caught.value) == f"{path}: stages: a plan has at most 100 stages (got 101)"


@pytest.fixture
def full_plan(tmp_path):
    """A plan on both caps."""
    path = tmp_path / "full.toml"
    save_plan(large_plan(stages=MAX_STAGES, scenarios=MAX_SCENARIOS), path)
    return make_app(path)


STAGES_FULL = "stages: a plan has at most 100 stages (got 101)"
SCENARIOS_FULL = "scenarios: a plan has at most 100 scenarios (got 101)"


@pytest.mark.parametrize(
    ("screen", "key", "message"),
    [("1", "a", STAGES_FULL), ("1", "i", STAGES_FULL), ("3", "n", SCENARIOS_FULL), ("3", "y", SCENARIOS_FULL)],
)
async def test_adding_at_a_cap_is_refused_and_changes_nothing(full_plan, screen, key, message):
    async with full_plan.run_test(notifications=True) as pilot:
        await pilot.press(screen)
        await pilot.pause()
        seen = record_notifications(full_plan)
        before = full_plan.document.plan
        await pilot.press(key)
        await pilot.pause()
        assert full_plan.document.plan is before and not full_plan.document.modified
        assert seen == [message]
