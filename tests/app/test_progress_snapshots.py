"""How the Progress screen looks at 80x24 and 160x45: English, Japanese and hostile plans."""

import pytest

from kpitui.app.factory import make_app
from tests.app.helpers import hostile_with_actuals

SIZES = [(80, 24), (160, 45)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("plan", ["web-reference.toml", "web-reference-ja.toml"])
def test_progress_screen(snap_compare, samples, plan, size):
    assert snap_compare(make_app(samples / plan), terminal_size=size, press=["4"])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_progress_screen_in_japanese(snap_compare, samples, japanese, size):
    assert snap_compare(make_app(samples / "web-reference-ja.toml"), terminal_size=size, press=["4"])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_progress_screen_with_hostile_names(snap_compare, samples, size):
    assert snap_compare(hostile_with_actuals(samples), terminal_size=size, press=["4"])


def test_import_preview(snap_compare, samples, tmp_path):
    export = tmp_path / "july.csv"
    export.write_text("month,Visits,Leads\n2026/07,131,9\n2026/06,140,11\n", encoding="utf-8")

    async def preview(pilot):
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        await pilot.press(*str(export), "enter")
        for _ in range(100):
            await pilot.pause(0.05)
            if type(pilot.app.screen).__name__ == "ImportPreview":
                break
        # the path is in the heading only by its file name: the picture does not depend on tmp_path

    assert snap_compare(make_app(samples / "web-reference.toml"), terminal_size=(80, 24), run_before=preview)
