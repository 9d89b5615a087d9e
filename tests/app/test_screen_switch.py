"""Screen switches: each screen comes back as it was, showing the current plan, the current theme
and the keys that work now, without the work of drawing it all again (the 100 ms promise)."""

import gc

import pytest
from rich.color import Color
from textual.css.stylesheet import Stylesheet

from kpitui.app.widgets.cells import row_keys
from kpitui.app.widgets.progress_grid import MonthGrid
from kpitui.app.widgets.progress_table import ProgressTable
from kpitui.app.widgets.review_table import ReviewTable

FOOTER_SETTLES = 0.2  # seconds: the footer is rebuilt after the next refresh


def footer_keys(screen) -> list[tuple[str, bool]]:
    """The footer's keys as shown: each key's action, and whether it shows as working."""
    return [(key.action, not key.has_class("-disabled")) for key in screen.query("FooterKey")]


def working_keys(screen) -> list[tuple[str, bool]]:
    """The keys the footer should show: every action with a shown binding on the screen now (once,
    however many keys it has), then the palette's."""
    shown: dict[str, bool] = {}
    for _node, binding, enabled, _tip in screen.active_bindings.values():
        if binding.show:
            shown.setdefault(binding.action, enabled)
    palette = screen.active_bindings.get(screen.app.COMMAND_PALETTE_BINDING)
    return [*shown.items(), *([(palette.binding.action, palette.enabled)] if palette else [])]


async def press(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause(FOOTER_SETTLES)


async def test_the_footer_shows_the_keys_that_work_now_through_switches_edits_and_focus(app_on):
    async with app_on.run_test(size=(120, 36)) as pilot:
        await press(pilot, "2")
        assert ("cycle", True) in footer_keys(app_on.screen)
        assert ("undo", False) in footer_keys(app_on.screen)  # nothing to undo yet: shown greyed
        await press(pilot, "space")  # an edit: undo works now
        assert ("undo", True) in footer_keys(app_on.screen)
        assert footer_keys(app_on.screen) == working_keys(app_on.screen)
        await press(pilot, "1")  # the Funnel's footer was built before the edit: it follows it
        assert ("undo", True) in footer_keys(app_on.screen)
        assert ("cycle", True) not in footer_keys(app_on.screen)
        assert footer_keys(app_on.screen) == working_keys(app_on.screen)
        await press(pilot, "ctrl+z", "2")  # undone elsewhere: Review's footer follows too
        assert ("undo", False) in footer_keys(app_on.screen)
        assert footer_keys(app_on.screen) == working_keys(app_on.screen)
        before = footer_keys(app_on.screen)
        await press(pilot, "n")  # the notes take the focus: the table's keys give way to the text area's
        assert footer_keys(app_on.screen) == working_keys(app_on.screen) != before
        await press(pilot, "escape")
        assert footer_keys(app_on.screen) == before


async def test_a_screen_shown_again_takes_a_theme_chosen_on_another(app_on):
    async with app_on.run_test(size=(120, 36)) as pilot:
        await press(pilot, "2", "1")
        app_on.theme = "gruvbox"
        await pilot.pause()
        await press(pilot, "2")
        table = app_on.screen.query_one(ReviewTable)
        success = Color.parse(app_on.theme_variables["success"]).triplet
        assert table.get_component_rich_style("review-table--ok").color.triplet == success
        assert table.get_cell_at((0, 2)).plain == "✓ ok"
        assert table.get_cell_at((0, 2)).style.color.triplet == success


async def test_a_screen_shown_again_fits_a_terminal_resized_on_another(app_on):
    async with app_on.run_test(size=(120, 36)) as pilot:
        await press(pilot, "2", "1")
        await pilot.resize_terminal(80, 24)
        await press(pilot, "2")
        assert app_on.screen.has_class("-narrow", "-short")
        assert app_on.screen.query_one(ReviewTable).region.right <= 80


async def test_a_switch_back_neither_restyles_the_screen_nor_rebuilds_its_footer(app_on, monkeypatch):
    """Restyling a whole screen and rebuilding its footer cost most of a switch (a third of a
    second on the sample plan); nothing on a screen shown before needs it when the plan, the
    theme and the keys did not change."""
    async with app_on.run_test(size=(120, 36)) as pilot:
        await press(pilot, "2", "1")
        keys = list(app_on.screen.query("FooterKey"))
        restyled: list[object] = []
        apply = Stylesheet.apply

        def counting(self, node, **options) -> None:
            restyled.append(node)
            apply(self, node, **options)

        monkeypatch.setattr(Stylesheet, "apply", counting)
        await press(pilot, "2", "1")
        assert list(app_on.screen.query("FooterKey")) == keys, "the footer was rebuilt"
        widgets = len(list(app_on.screen.walk_children()))
        assert len(restyled) < widgets / 2, f"{len(restyled)} nodes restyled for a screen of {widgets}"


async def test_the_plan_and_each_screen_are_set_aside_from_full_collections_while_the_app_runs(app_on):
    """A full garbage collection went through every object of the plan and the screens: a third
    of a second now and then on the largest plan. What lives as long as the app is set aside."""
    async with app_on.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        at_start = gc.get_freeze_count()
        assert at_start > 0
        await press(pilot, "2")
        assert gc.get_freeze_count() > at_start  # the Review screen's widgets too
    assert gc.get_freeze_count() == 0  # and given back when the app ends


@pytest.mark.parametrize("chosen_on", ["4", "1"], ids=["while-shown", "on-another-screen"])
async def test_progress_takes_a_theme_chosen_while_shown_or_on_another(app_on, chosen_on):
    async with app_on.run_test(size=(120, 36)) as pilot:
        await press(pilot, "4", chosen_on)
        app_on.theme = "gruvbox"
        await pilot.pause()
        await press(pilot, "4")
        table, grid = app_on.screen.query_one(ProgressTable), app_on.screen.query_one(MonthGrid)
        behind = row_keys(table).index("Leads")  # the sample's stage behind plan
        assert table.get_cell_at((behind, 1)).style.color.triplet == Color.parse(app_on.theme_variables["error"]).triplet
        planned = grid.get_component_rich_style("grid--planned", partial=True).color
        assert all(grid.get_cell_at((row, 1)).spans[-1].style.color == planned for row in range(grid.row_count))
