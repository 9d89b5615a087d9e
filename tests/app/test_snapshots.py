"""How the screens look, at the sizes people use: 80x24 and a wide terminal."""

import pytest

from kpitui.app.factory import make_app

SIZES = [(80, 24), (120, 36), (160, 45)]
PLANS = ["web-reference.toml", "web-reference-ja.toml", "hostile-names.toml"]  # hostile: long names too


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("plan", PLANS)
def test_funnel_screen(snap_compare, samples, plan, size):
    assert snap_compare(make_app(samples / plan), terminal_size=size)


def test_funnel_screen_after_editing_a_rate(snap_compare, samples):
    async def edit(pilot):
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("2", "0", "enter")

    assert snap_compare(make_app(samples / "web-reference.toml"), terminal_size=(80, 24), run_before=edit)


def test_rate_editor_refusing_input(snap_compare, samples):
    async def refuse(pilot):
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("1", "5", "0", "enter")

    assert snap_compare(make_app(samples / "web-reference.toml"), terminal_size=(80, 24), run_before=refuse)


def test_quit_dialog(snap_compare, samples):
    async def quit_with_changes(pilot):
        await pilot.press("d", "ctrl+q")

    assert snap_compare(make_app(samples / "web-reference.toml"), terminal_size=(80, 24), run_before=quit_with_changes)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("plan", PLANS)
def test_review_screen(snap_compare, samples, plan, size):
    assert snap_compare(make_app(samples / plan), terminal_size=size, press=["2"])


def test_review_screen_filtered_with_a_missing_plan_flagged(snap_compare, samples):
    keys = ["2", "right", "right", "right", "o", "f"]
    assert snap_compare(make_app(samples / "web-reference.toml"), terminal_size=(80, 24), press=keys)


@pytest.mark.parametrize("size", [(80, 24), (100, 40), (160, 45)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_help_screen(snap_compare, samples, size):
    assert snap_compare(make_app(samples / "web-reference.toml"), terminal_size=size, press=["f1"])


@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("plan", PLANS)
def test_what_if_screen(snap_compare, samples, plan, size):
    assert snap_compare(make_app(samples / plan), terminal_size=size, press=["3"])


@pytest.mark.parametrize("plan", PLANS)
def test_what_if_levers_at_80x24(snap_compare, samples, plan):
    assert snap_compare(make_app(samples / plan), terminal_size=(80, 24), press=["3", "l"])


def test_what_if_with_forward_from_a_typed_count(snap_compare, samples):
    keys = ["3", "right", "right", "t", "1", "0", "0", "0"]
    assert snap_compare(make_app(samples / "web-reference.toml"), terminal_size=(80, 24), press=keys)
