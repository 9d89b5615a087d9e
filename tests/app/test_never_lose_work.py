"""Pilot tests: no edit is lost by saving, quitting, a changed file, a failed save or a crash."""

import builtins
import os
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from textual.widgets import Input

from kpitui.app.dialogs.choice import ChoiceDialog
from kpitui.app.dialogs.editor import Editor
from kpitui.app.factory import make_app
from kpitui.core.domain import edits, funnel
from kpitui.core.files.planfile import load_plan
from kpitui.core.session import recovery
from tests.app.helpers import editor_state, open_editor, record_notifications, restored_on_next_open, wait_until


async def change_first_rate(pilot, percent: str = "20") -> None:
    await open_editor(pilot, "r")
    await pilot.press(*percent, "enter")


async def test_ctrl_s_saves_and_the_file_loads_back_equal(app_on, plan_file):
    async with app_on.run_test(notifications=True) as pilot:
        await change_first_rate(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app_on.document.modified
        assert "modified" not in app_on.sub_title
    saved = load_plan(plan_file)
    assert saved.stages[0].rate == Decimal("0.2")
    assert saved == app_on.document.plan


async def test_the_built_in_example_asks_where_to_save(tmp_path):
    app = make_app(None)
    async with app.run_test() as pilot:
        await change_first_rate(pilot)
        await open_editor(pilot, "ctrl+s")
        assert isinstance(app.screen, Editor)
        target = tmp_path / "mine.toml"
        await pilot.press("ctrl+a", "ctrl+k", *str(target), "enter")
        await pilot.pause()
        assert app.document.path == target and not app.document.modified
    assert load_plan(target).stages[0].rate == Decimal("0.2")


async def test_save_as_refuses_a_folder_and_keeps_the_typing(app_on, tmp_path):
    async with app_on.run_test() as pilot:
        await open_editor(pilot, "f2")
        await pilot.press("ctrl+a", "ctrl+k", *str(tmp_path), "enter")
        assert isinstance(app_on.screen, Editor)
        assert app_on.screen.query_one(Input).value == str(tmp_path)


def special_file(kind: str, tmp_path) -> Path:
    """A FIFO, a device or a folder to save onto."""
    if kind == "fifo":
        os.mkfifo(tmp_path / "pipe.toml")
        return tmp_path / "pipe.toml"
    if kind == "device":
        return Path(os.devnull)
    (tmp_path / "folder.toml").mkdir()
    return tmp_path / "folder.toml"


def opened_paths(monkeypatch) -> list[str]:
    """Every path opened from now on (a FIFO opened for writing would block the test for good)."""
    seen: list[str] = []
    os_open, builtin_open = os.open, builtins.open

    def recording_os_open(path, *args, **options):
        seen.append(os.fspath(path))
        return os_open(path, *args, **options)

    def recording_open(file, *args, **options):
        if isinstance(file, str | os.PathLike):
            seen.append(os.fspath(file))
        return builtin_open(file, *args, **options)

    monkeypatch.setattr(os, "open", recording_os_open)
    monkeypatch.setattr(builtins, "open", recording_open)
    return seen


@pytest.mark.parametrize("kind", ["fifo", "device"])
async def test_save_as_onto_a_special_file_is_refused_at_once_without_asking_to_replace(app_on, tmp_path, kind, monkeypatch):
    target = special_file(kind, tmp_path)
    opened = opened_paths(monkeypatch)
    async with app_on.run_test() as pilot:
        await change_first_rate(pilot)
        await open_editor(pilot, "f2")
        await pilot.press("ctrl+a", "ctrl+k", *str(target), "enter")
        await wait_until(pilot, lambda: not isinstance(app_on.screen, Editor) or "Checking" not in editor_state(app_on)[1])
        assert isinstance(app_on.screen, Editor), f"asked {app_on.screen!r} before refusing"
        typed, problem = editor_state(app_on)
        assert typed == str(target)  # to be fixed, not typed again
        assert "not a regular file" in problem and ("named pipe" in problem or "device" in problem)
        assert app_on.document.modified
    assert str(target) not in opened and os.path.realpath(target) not in opened


@pytest.mark.parametrize("kind", ["fifo", "folder"])
async def test_saving_onto_a_plan_file_that_became_a_special_file_says_why_at_once(app_on, plan_file, kind, monkeypatch):
    async with app_on.run_test() as pilot:
        await change_first_rate(pilot)
        plan_file.unlink()
        if kind == "fifo":
            os.mkfifo(plan_file)
        else:
            plan_file.mkdir()
        opened = opened_paths(monkeypatch)
        seen = record_notifications(app_on)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: seen or isinstance(app_on.screen, ChoiceDialog))
        assert not isinstance(app_on.screen, ChoiceDialog), "asked to overwrite what cannot be saved over"
        assert "not a regular file" in seen[-1] and "Your edits are kept" in seen[-1]
        assert app_on.document.modified
    assert str(plan_file) not in opened


async def test_quit_with_unsaved_changes_asks_and_cancel_keeps_working(app_on):
    async with app_on.run_test() as pilot:
        await change_first_rate(pilot)
        await open_editor(pilot, "ctrl+q")
        assert isinstance(app_on.screen, ChoiceDialog)
        await pilot.press("c")
        await pilot.pause()
        assert app_on.is_running and app_on.document.modified


async def test_quit_and_discard_leaves_the_file_alone(app_on, plan_file):
    before = plan_file.read_bytes()
    async with app_on.run_test() as pilot:
        await change_first_rate(pilot)
        await open_editor(pilot, "ctrl+q")
        await pilot.press("d")
        await pilot.pause()
        assert not app_on.is_running
    assert plan_file.read_bytes() == before


async def test_quit_and_save(app_on, plan_file):
    async with app_on.run_test() as pilot:
        await change_first_rate(pilot)
        await open_editor(pilot, "ctrl+q")
        await pilot.press("s")
        await pilot.pause()
        assert not app_on.is_running
    assert load_plan(plan_file).stages[0].rate == Decimal("0.2")


async def test_quit_without_changes_does_not_ask(app_on):
    async with app_on.run_test() as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app_on.is_running


async def test_saving_over_a_file_changed_on_disk_asks_first(app_on, plan_file):
    async with app_on.run_test() as pilot:
        await change_first_rate(pilot)
        plan_file.write_text(plan_file.read_text().replace('title = "FY2026 web plan"', 'title = "theirs"'))
        await open_editor(pilot, "ctrl+s")
        assert isinstance(app_on.screen, ChoiceDialog)
        await pilot.press("c")
        await pilot.pause()
        assert load_plan(plan_file).title == "theirs"
        assert app_on.document.modified
        await open_editor(pilot, "ctrl+s")
        await pilot.press("o")
        await pilot.pause()
        assert load_plan(plan_file) == app_on.document.plan


async def test_a_reflex_enter_on_the_changed_on_disk_question_keeps_their_work(app_on, plan_file):
    async with app_on.run_test() as pilot:
        await change_first_rate(pilot)
        plan_file.write_text(plan_file.read_text().replace('title = "FY2026 web plan"', 'title = "theirs"'))
        await open_editor(pilot, "ctrl+s")
        await pilot.press("enter")
        await pilot.pause()
        assert load_plan(plan_file).title == "theirs"
        assert app_on.document.modified


async def test_a_failed_save_says_why_and_keeps_every_edit(tmp_path, samples):
    folder = tmp_path / "gone"
    folder.mkdir()
    path = folder / "plan.toml"
    shutil.copy(samples / "web-reference.toml", path)
    app = make_app(path)
    async with app.run_test(notifications=True) as pilot:
        seen = record_notifications(app)
        await change_first_rate(pilot)
        shutil.rmtree(folder)
        await open_editor(pilot, "ctrl+s")
        assert isinstance(app.screen, ChoiceDialog)  # the file went missing: asked before writing
        await pilot.press("o")
        await pilot.pause()
        assert app.is_running and app.document.modified
        assert app.document.plan.stages[0].rate == Decimal("0.2")
        assert any(f"cannot save: there is no folder {folder}" in message for message in seen)


async def test_an_error_in_a_handler_keeps_the_app_and_writes_a_recovery_copy(app_on, plan_file, monkeypatch, rescues_expected):
    async with app_on.run_test(notifications=True) as pilot:
        seen = record_notifications(app_on)
        await change_first_rate(pilot, "20")

        def broken(plan):
            raise RuntimeError("boom")

        calculate = funnel.calculate
        monkeypatch.setattr(funnel, "calculate", broken)
        await change_first_rate(pilot, "30")
        assert app_on.is_running
        assert any(m.startswith("Something went wrong: RuntimeError: boom") for m in seen)
        monkeypatch.setattr(funnel, "calculate", calculate)
        copy = app_on.document.kept.path
        assert load_plan(copy).stages[0].rate == Decimal("0.3")

    # Next time the plan is opened, the recovery copy is offered and can be restored.
    assert (await restored_on_next_open(plan_file)).stages[0].rate == Decimal("0.3")
    assert not copy.exists()  # restored: the work is the app's that restored it


def left_copy(plan_file, percent: str, owner: str = "1-0000beef"):
    """A recovery copy another run of kpitui left of `plan_file`, its first rate at `percent`."""
    plan = edits.set_rate(load_plan(plan_file), 0, Decimal(percent) / 100)
    return recovery.Copy(plan, recovery.write_recovery(plan, plan_file, owner))


async def test_a_discarded_recovery_copy_is_gone(plan_file):
    copy = left_copy(plan_file, "20")
    app = make_app(plan_file)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert not app.document.modified
    assert not copy.path.exists()


async def test_decide_later_then_a_save_keeps_the_copy_to_offer_again(plan_file):
    copy = left_copy(plan_file, "20")
    app = make_app(plan_file)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("l")
        await change_first_rate(pilot, "30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.document.modified
    assert copy.path.exists()
    assert await restored_on_next_open(plan_file) == copy.plan


async def test_every_copy_of_the_plan_is_offered_in_turn(plan_file):
    first, second = left_copy(plan_file, "20", "1-000000aa"), left_copy(plan_file, "30", "2-000000bb")
    app = make_app(plan_file)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)  # the second one
        await pilot.press("r")
        await pilot.pause()
        assert not isinstance(app.screen, ChoiceDialog)
        restored = app.document.plan
        assert restored in (first.plan, second.plan)
        # The restored work is this app's now (in its own copy); the one left for later waits.
        taken, waiting = (first, second) if restored == first.plan else (second, first)
        assert load_plan(app.document.kept.path) == restored
        assert not taken.path.exists() and waiting.path.exists()


async def test_a_copy_is_offered_when_the_plan_is_opened_through_a_symlink(plan_file, tmp_path):
    copy = left_copy(plan_file, "20")
    link = tmp_path / "link.toml"
    link.symlink_to(plan_file)
    assert await restored_on_next_open(link) == copy.plan


async def test_quitting_from_the_command_palette_also_asks(app_on):
    async with app_on.run_test() as pilot:
        await change_first_rate(pilot)
        await open_editor(pilot, "ctrl+p")
        await pilot.press(*"Quit", "enter")
        await pilot.pause()
        assert isinstance(app_on.screen, ChoiceDialog)
        await pilot.press("c")
        await pilot.pause()
        assert app_on.is_running and app_on.document.modified


async def test_a_save_that_hangs_leaves_the_app_answering_keys_and_edits_made_meanwhile_unsaved(app_on, plan_file, monkeypatch):
    """A plan on a network folder that stops answering: the write runs off the UI thread."""
    import threading

    from kpitui.core.files import planfile
    from kpitui.core.session import document

    writing, release, written = threading.Event(), threading.Event(), threading.Event()
    real_save = planfile.save_plan

    def hanging_save(plan, path, **options):
        writing.set()
        release.wait(10)  # the old code waited here on the UI thread, keys and all
        try:
            return real_save(plan, path, **options)
        finally:
            written.set()

    monkeypatch.setattr(document, "save_plan", hanging_save)
    monkeypatch.setattr("kpitui.app.app.save_plan", hanging_save, raising=False)
    async with app_on.run_test() as pilot:
        await change_first_rate(pilot, "20")
        await pilot.press("ctrl+s")
        await wait_until(pilot, writing.is_set)
        await change_first_rate(pilot, "30")  # typed while the file is written
        assert not written.is_set() and app_on.document.plan.stages[0].rate == Decimal("0.3")
        release.set()
        await wait_until(pilot, lambda: load_plan(plan_file).stages[0].rate == Decimal("0.2"))
        await pilot.pause()
        assert app_on.document.modified  # 30 % was typed after the save began: still unsaved
        assert app_on.document.saved_plan.stages[0].rate == Decimal("0.2")
