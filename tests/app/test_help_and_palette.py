"""Help that helps: one sentence a key, what every figure means, a palette without duplicates, and
key names that follow the user's keymap."""

import pytest
from textual.widgets import Static

from kpitui.app.commands import screen_keys
from kpitui.app.screens.help import HelpScreen
from kpitui.app.widgets.levers import LeverTable
from tests.app.helpers import column_texts, open_editor, record_notifications

SCREENS = ["1", "2", "3"]


def help_text(app) -> str:
    return "\n".join(str(static.render()) for static in app.screen.query(Static))


@pytest.mark.parametrize("screen_key", SCREENS)
async def test_every_key_of_every_screen_has_its_own_sentence(app_on, screen_key):
    async with app_on.run_test(size=(120, 40)) as pilot:
        await pilot.press(screen_key)
        ours = [key for key in screen_keys(app_on, app_on.screen) if key.ours]
        helps = [key.help for key in ours]
        assert len(helps) == len(set(helps)), [key.keys for key in ours if helps.count(key.help) > 1]


@pytest.mark.parametrize(
    ("screen_key", "expected"),
    [
        ("1", ["enter", "Of top:", "Monthly:"]),
        ("2", ["enter", "⚠ missing"]),
        ("3", ["enter", '"Saves"', '"Alone needs"', "marks a value it overrides"]),
    ],
)
async def test_help_explains_enter_and_the_figures_of_each_screen(app_on, screen_key, expected):
    async with app_on.run_test(size=(120, 40)) as pilot:
        await pilot.press(screen_key, "f1")
        assert isinstance(app_on.screen, HelpScreen)
        text = help_text(app_on)
        for phrase in expected:
            assert phrase in text


@pytest.mark.parametrize("screen_key", SCREENS)
async def test_help_text_fits_the_dialog_on_an_80_column_terminal(app_on, screen_key):
    async with app_on.run_test(size=(80, 24)) as pilot:
        await pilot.press(screen_key, "f1")
        lines = help_text(app_on).splitlines()
        assert max(len(line) for line in lines) <= 68, [line for line in lines if len(line) > 68]


def palette_titles(app) -> list[str]:
    return [command.title for command in app.get_system_commands(app.screen)]


@pytest.mark.parametrize("screen_key", SCREENS)
async def test_the_open_palette_lists_each_command_once_the_apps_included(app_on, screen_key):
    async with app_on.run_test(size=(120, 40)) as pilot:
        await pilot.press(screen_key)
        beneath = app_on.screen
        await open_editor(pilot, "ctrl+p")
        titles = [command.title for command in app_on.get_system_commands(beneath)]
        assert len(titles) == len(set(titles)), titles
        assert "Keys" not in titles  # Textual's keys panel would repeat Help
        assert titles.count("Quit") == 1  # ours, which asks about unsaved work
        for title in ("Save", "Save as", "Help", "Funnel screen", "Review screen", "What-if screen"):
            assert title in titles


async def test_the_palette_offers_close_beside_only_with_a_plan_beside(app_on, samples):
    async with app_on.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        assert "Close beside" not in palette_titles(app_on)
        await open_editor(pilot, "b")
        await pilot.press(*str(samples / "saas-trial.toml"), "enter")
        await pilot.pause()
        assert "Close beside" in palette_titles(app_on)
        await pilot.press("x")
        await pilot.pause()
        assert "Close beside" not in palette_titles(app_on)


async def test_notifications_name_the_key_of_the_users_keymap(app_on):
    app_on.set_keymap({"undo": "ctrl+u"})
    async with app_on.run_test(size=(120, 40)) as pilot:
        seen = record_notifications(app_on)
        await pilot.press("down", "d")
        await pilot.pause()
        assert any("^u brings it back" in message for message in seen), seen
        assert app_on.query_one("#stages").border_subtitle == "Enter edits · r rate"


async def test_levers_say_how_many_fewer_the_top_needs_without_a_double_negative(app_on):
    async with app_on.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "l")
        await pilot.pause()
        savings = column_texts(app_on.screen.query_one(LeverTable), "saving")
        assert savings and all(not text.startswith("-") for text in savings)
        assert savings[0] != "0"
