"""What the app sends to a real terminal: never a control sequence or invisible character from a plan."""

import shutil
import sys
import tomllib

import pytest

from tests.app.terminal import Terminal, foreign_controls

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")


def plan_strings(value) -> list[str]:
    """Every string of a parsed TOML document, keys included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in [key, *plan_strings(item)]]
    if isinstance(value, list):
        return [text for item in value for text in plan_strings(item)]
    return []


def test_every_screen_and_editor_on_a_hostile_plan_sends_nothing_raw_to_the_terminal(tmp_path, samples):
    # The plan's own file name carries an OSC title change too: the header and Save as show it.
    path = tmp_path / "hostile \x1b]0;path-title\x07.toml"
    shutil.copy(samples / "hostile-names.toml", path)
    beside = shutil.copy(samples / "hostile-names.toml", tmp_path / "beside.toml")  # a path one can type
    texts = [*plan_strings(tomllib.loads(path.read_text())), path.name]
    terminal = Terminal(str(path), env={"XDG_STATE_HOME": str(tmp_path / "state")})
    try:
        # Funnel: the name, metric and owner editors of the first stage, the second's metric and
        # name, the rate editor (its prompt names two stages), then title and currency, Save as, help.
        terminal.press("enter", "escape", "right", "enter", "escape", "right", "enter", "escape")
        terminal.press("left", "down", "down", "enter", "escape", "left", "enter", "escape", "r", "escape")
        terminal.press("g", "down", "down", "down", "down", "enter", "escape", "down", "enter", "escape")
        terminal.press("f2", "escape", "?", "escape")
        # Review: the first KPI's notes and contingency plan, written into.
        terminal.press("2")
        terminal.wait_for("KPI review")
        terminal.press("n", "x", "escape", "p", "x", "escape")
        # What-if: the scenario's name and note editors, the levers, the plan opened beside itself.
        terminal.press("3")
        terminal.wait_for("Compared")
        terminal.press("l", "right", "right", "enter", "escape", "down", "enter", "escape")
        terminal.press("b", str(beside), "enter")
        terminal.settle(quiet=1.0)  # the plan beside is read in the background: let it arrive
        terminal.press("ctrl+q")
        terminal.wait_for("Discard")
        terminal.press("d")
    finally:
        terminal.close()
    assert foreign_controls(terminal.output, texts) == []
    assert "beside.toml" in terminal.output and "Discard" in terminal.output  # it got as far as quitting
