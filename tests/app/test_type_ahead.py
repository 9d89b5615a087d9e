"""Keys sent together with the key that opens an editor, as a terminal sends a fast typist's or a
paste's: they land in the editor, on its selected value, never on the screen beneath nor nowhere.

`pilot.press` waits for each key to be handled; a terminal does not, so these tests post the keys
all at once.
"""

from decimal import Decimal

import pytest
from textual import events
from textual.widgets import Input

from kpitui.app.app import KpiApp
from kpitui.core.domain import edits
from kpitui.core.domain.months import Month
from kpitui.core.files.planfile import load_plan
from kpitui.core.session.document import PlanDocument
from tests.app.helpers import editor_state

HUGE = 240_000


def sent_at_once(app, *keys: str) -> None:
    """Keys read in one go from the terminal: queued for the app without waiting for any to be handled."""
    characters = {"enter": "\r", "escape": "\x1b"}
    for key in keys:
        app.post_message(events.Key(key, characters.get(key, key if len(key) == 1 else None)))


async def settled(pilot) -> None:
    await pilot.pause(0.5)
    await pilot.pause()


def app_with(plan) -> KpiApp:
    return KpiApp(PlanDocument(plan, None))


@pytest.mark.parametrize("length", [10, HUGE])
async def test_a_name_typed_with_the_enter_that_opens_its_editor_replaces_the_name(samples, length):
    plan = edits.rename_stage(load_plan(samples / "web-reference.toml"), 0, "V" * length)
    app = app_with(plan)
    async with app.run_test() as pilot:
        await pilot.press("left")  # the name of the first stage
        sent_at_once(app, "enter", "o", "k", "enter")
        await settled(pilot)
        assert app.document.plan.stage_names()[0] == "ok"
        assert app.document.plan.rounding == plan.rounding  # `o` did not switch the rounding beneath


async def test_a_rate_typed_with_r_replaces_the_rate(samples):
    plan = edits.rename_stage(load_plan(samples / "web-reference.toml"), 0, "V" * HUGE)  # in the editor's prompt too
    app = app_with(plan)
    async with app.run_test() as pilot:
        sent_at_once(app, "r", "5", "enter")
        await settled(pilot)
        assert app.document.plan.stages[0].rate == Decimal("0.05")


async def test_escape_sent_with_enter_cancels_and_changes_nothing(samples):
    plan = load_plan(samples / "web-reference.toml")
    app = app_with(plan)
    async with app.run_test() as pilot:
        await pilot.press("left")
        sent_at_once(app, "enter", "d", "escape")  # d would delete the stage beneath
        await settled(pilot)
        assert app.document.plan == plan
        assert app.screen.query_one("#stages").has_focus


async def test_a_count_typed_with_enter_on_the_month_grid_is_recorded(plan_file):
    app = app_with(load_plan(plan_file))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("right_square_bracket", "down")  # Leads in July
        sent_at_once(app, "enter", "2", "5", "enter")
        await settled(pilot)
        assert app.document.plan.actuals[Month(2026, 7)] == {"Leads": 25}


@pytest.mark.parametrize("length", [10, HUGE])
async def test_a_note_typed_right_after_n_is_written_in_the_note(samples, length):
    plan = load_plan(samples / "web-reference.toml")
    stage = plan.stage_names()[0]
    plan = edits.set_review_text(plan, stage, "notes", "N" * length)
    app = app_with(plan)
    async with app.run_test() as pilot:
        await pilot.press("2")
        await pilot.pause()
        sent_at_once(app, "n", "o", "k")  # o and k would set the criterion beneath
        await settled(pilot)
        review = app.document.plan.review_of(stage)
        assert review.notes == "N" * length + "ok"
        assert review == edits.set_review_text(plan, stage, "notes", "N" * length + "ok").review_of(stage)


async def test_keys_after_an_enter_that_opens_nothing_go_on_at_once(samples):
    plan = load_plan(samples / "web-reference.toml")
    app = app_with(plan)
    async with app.run_test() as pilot:
        await pilot.press("g")  # the goal table, on its kind
        sent_at_once(app, "enter", "o")  # Enter switches the goal kind, o the rounding
        await pilot.pause(0.2)  # well within the time a forgotten hold would keep the keys
        await pilot.pause()
        assert app.document.plan.goal.is_count_driven != plan.goal.is_count_driven
        assert app.document.plan.rounding != plan.rounding


async def test_a_path_typed_with_save_as_replaces_the_path_in_the_dialog(samples, tmp_path):
    app = KpiApp(PlanDocument(load_plan(samples / "web-reference.toml"), tmp_path / "plan.toml"))
    async with app.run_test() as pilot:
        sent_at_once(app, "f2", *"new.toml")
        await settled(pilot)
        assert editor_state(app) == ("new.toml", "")


async def test_a_count_typed_right_after_t_goes_in_the_top_of_funnel_field(samples):
    app = app_with(load_plan(samples / "web-reference.toml"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        sent_at_once(app, "t", "5", "0")  # 5 would do nothing, 0 nothing, on the comparison
        await settled(pilot)
        assert app.screen.query_one("#top", Input).value == "50"


async def test_keys_sent_with_g_act_on_the_goal_table(samples):
    """`g` moves the focus to the goal: the arrows and Enter sent with it edit a goal field, not a stage's name."""
    app = app_with(load_plan(samples / "web-reference.toml"))
    async with app.run_test() as pilot:
        sent_at_once(app, "g", "down", "down", "enter")
        await settled(pilot)
        assert editor_state(app)[0] == "10000000"  # the average order's editor, on its value
        sent_at_once(app, *"12000000", "enter")
        await settled(pilot)
        assert app.document.plan.goal.average_deal == Decimal("12000000")
        assert app.document.plan.stage_names()[:3] == ["Visits", "Leads", "Nurtured"]


@pytest.mark.parametrize(
    ("mode", "keys", "table"), [("review", ["n", "escape", "down"], "#review"), ("whatif", ["t", "escape", "down"], "#compare")]
)
async def test_keys_sent_with_the_key_back_to_the_table_move_in_the_table(samples, mode, keys, table):
    app = app_with(load_plan(samples / "web-reference.toml"))
    async with app.run_test() as pilot:
        await app.switch_mode(mode)
        await pilot.pause()
        focused_table = app.screen.query_one(table)
        row = focused_table.cursor_row
        sent_at_once(app, *keys)
        await settled(pilot)
        assert app.focused is focused_table and focused_table.cursor_row == row + 1
