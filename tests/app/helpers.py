"""Reading what the app shows, for assertions."""

from dataclasses import replace

from textual.widgets import DataTable, Input

from kpitui.app.app import KpiApp
from kpitui.app.dialogs.editor import Editor
from kpitui.core.domain.months import Month
from kpitui.core.files.planfile import load_plan
from kpitui.core.session.document import PlanDocument


def column_texts(table: DataTable, column: str) -> list[str]:
    """The plain text of every cell in a column, top to bottom."""
    return [table.get_cell_at((row, table.get_column_index(column))).plain for row in range(table.row_count)]


def editor_state(app) -> tuple[str, str]:
    """The open value or path editor's typed text and the problem it shows."""
    assert isinstance(app.screen, Editor), f"no editor open, but {app.screen!r}"
    return app.screen.query_one(Input).value, str(app.screen.query_one("#problem").render())


def record_notifications(app) -> list[str]:
    """A list that collects the message of every notification the app shows from now on."""
    seen: list[str] = []
    show = app.notify

    def notify(message: str, **options) -> None:
        seen.append(message)
        show(message, **options)

    app.notify = notify
    return seen


async def open_editor(pilot, *keys: str) -> None:
    """Press the keys that open a dialog, and wait until it is up before anything is typed into it."""
    await pilot.press(*keys)
    await pilot.pause()


async def wait_until(pilot, condition, timeout: float = 5.0) -> None:
    """Let the app run until `condition()` holds: for answers that come from a background thread."""
    for _ in range(int(timeout / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the app did not get there in time")


async def restored_on_next_open(plan_path):
    """Open the plan again: a recovery copy must be offered; restore it and answer the plan restored."""
    from kpitui.app.dialogs.choice import ChoiceDialog
    from kpitui.app.factory import make_app

    app = make_app(plan_path)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog), "no recovery copy offered"
        await pilot.press("r")
        await pilot.pause()
        assert app.document.modified
        return app.document.plan


def screen_text(app) -> str:
    """What the terminal shows now, line by line, as text (dialogs and notifications included)."""
    update = app.screen._compositor.render_full_update()
    return "\n".join("".join(strip.text for strip in line) for line in update.strips)


async def type_text(pilot, text: str) -> None:
    """Type `text` as a terminal sends it: each character a key event carrying the character.

    `pilot.press` drops characters it cannot name back (`％`, `，`), which a Japanese keyboard types.
    """
    from textual import events
    from textual.keys import _character_to_key

    for character in text:
        pilot.app.post_message(events.Key(_character_to_key(character), character))
        await pilot.pause()


def hostile_with_actuals(samples) -> KpiApp:
    """The hostile sample given a calendar and a quarter of counts, so every part of the screen shows its names."""
    plan = load_plan(samples / "hostile-names.toml")
    names = plan.stage_names()
    counts = [(100, 50, 20, 9, 4), (100, 40, 15, 6, 3), (100, 52, 14, 7, 3)]  # the first stage behind
    actuals = {Month(2026, 4).plus(index): dict(zip(names, month, strict=True)) for index, month in enumerate(counts)}
    return KpiApp(PlanDocument(replace(plan, start=Month(2026, 4), actuals=actuals), None))
