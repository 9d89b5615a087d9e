"""A plan file deleted or moved while it is open is called what it is when saving."""

from kpitui.app.dialogs.choice import ChoiceDialog
from tests.app.helpers import open_editor
from tests.app.test_never_lose_work import change_first_rate


async def test_saving_a_plan_whose_file_was_deleted_says_it_was_deleted(app_on, plan_file):
    async with app_on.run_test() as pilot:
        await change_first_rate(pilot)
        plan_file.unlink()
        await open_editor(pilot, "ctrl+s")
        assert isinstance(app_on.screen, ChoiceDialog)
        assert app_on.screen.question == "plan.toml was deleted or moved since it was opened here. Save the plan there again?"
        await pilot.press("o")
        await pilot.pause()
        assert plan_file.exists() and not app_on.document.modified


async def test_saving_a_plan_changed_on_disk_still_says_changed(app_on, plan_file):
    async with app_on.run_test() as pilot:
        await change_first_rate(pilot)
        plan_file.write_text(plan_file.read_text() + "\n")
        await open_editor(pilot, "ctrl+s")
        assert app_on.screen.question == "plan.toml changed on disk since it was opened here. Overwrite those changes?"
