"""How every screen looks in Japanese, at 80x24 and 120x36 (SPEC 7): labels, money in 万/億, units
after numbers, and no sign of ambiguous width. English keeps its own snapshots, unchanged."""

import pytest

from kpitui.app.factory import make_app
from tests.app.helpers import type_text

SIZES = [(80, 24), (120, 36)]
PLAN = "web-reference-ja.toml"
SCREENS = {"funnel": ["1"], "review": ["2"], "what-if": ["3"], "progress": ["4"], "help": ["f1"]}


@pytest.mark.usefixtures("japanese")
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", SCREENS)
def test_screen_in_japanese(snap_compare, samples, screen, size):
    assert snap_compare(make_app(samples / PLAN), terminal_size=size, press=SCREENS[screen])


@pytest.mark.usefixtures("japanese")
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_rate_editor_in_japanese_with_full_width_input(snap_compare, samples, size):
    async def type_a_rate(pilot):
        await pilot.press("r")
        await pilot.pause()
        await type_text(pilot, "１５０％")  # over 100 %: the editor says why

    assert snap_compare(make_app(samples / PLAN), terminal_size=size, run_before=type_a_rate)


@pytest.mark.usefixtures("japanese")
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_money_editor_in_japanese(snap_compare, samples, size):
    async def open_revenue(pilot):
        await pilot.press("g", "down", "enter")
        await pilot.pause()
        await type_text(pilot, "１２億")

    assert snap_compare(make_app(samples / PLAN), terminal_size=size, run_before=open_revenue)
