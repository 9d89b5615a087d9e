"""The kpitui app: one plan document, four screens as modes, and the file actions around them."""

import asyncio
import gc
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from textual import work
from textual.app import SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.content import Content
from textual.reactive import var
from textual.screen import ModalScreen, Screen

from kpitui.app.background import off_ui_thread
from kpitui.app.commands import binding_commands, key_display, said, screen_keys
from kpitui.app.dialogs.choice import Choice, ChoiceDialog
from kpitui.app.safety import FailSafeApp
from kpitui.app.screens.funnel import FunnelScreen
from kpitui.app.type_ahead import TypeAheadApp
from kpitui.app.widgets.marks import one_width
from kpitui.app.widgets.prose import notification_text
from kpitui.core.domain.funnel import check_figures
from kpitui.core.domain.plan import Plan
from kpitui.core.errors import PlanError
from kpitui.core.files.atomic import existing_target
from kpitui.core.files.planfile import Fingerprint, fingerprint, save_plan
from kpitui.core.session import recovery
from kpitui.core.session.document import PlanDocument
from kpitui.core.text.i18n import N_, _, tr
from kpitui.core.text.safe_text import visible

# Textual's palette entries that kpitui's own keys already offer: its Quit would skip the question
# about unsaved work, and its Keys panel repeats the Help screen.
TEXTUAL_COMMANDS_WE_REPLACE = frozenset({"Quit", "Keys"})


# Every ending a process can catch; SIGKILL cannot be.
ENDING_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGINT)
EXIT_DEADLINE = 5.0  # seconds to end cleanly after a signal before stopping regardless
TERMINAL_CHECK = 1.0  # seconds between looks at whether the terminal is still there
RESCUE_TIMEOUT = 15  # seconds an error's notification shows; the same error within it is not said again


def review_screen() -> Screen:
    """The Review screen, its module loaded on the first visit: start-up only pays for the Funnel."""
    from kpitui.app.screens.review import ReviewScreen

    return ReviewScreen()


def what_if_screen() -> Screen:
    """The What-if screen, its module loaded on the first visit."""
    from kpitui.app.screens.whatif import WhatIfScreen

    return WhatIfScreen()


def progress_screen() -> Screen:
    """The Progress screen, its module loaded on the first visit."""
    from kpitui.app.screens.progress import ProgressScreen

    return ProgressScreen()


class KpiApp(FailSafeApp, TypeAheadApp):
    """Plan KPIs backwards from the goal; every screen shows the same plan, and every edit can be undone."""

    CSS_PATH = "app.tcss"
    TITLE = "kpitui"
    MODES = {"funnel": FunnelScreen, "review": review_screen, "whatif": what_if_screen, "progress": progress_screen}
    DEFAULT_MODE = "funnel"
    # Every screen gets a class for its size; app.tcss says what gives way at 80x24 and what grows
    # at 160x45.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]
    BINDINGS = [
        # The tabs show 1-4 already: the footer keeps its room for the rest.
        Binding(
            "1",
            "show_screen('funnel')",
            N_("Funnel screen"),
            show=False,
            id="screen.funnel",
            tooltip=N_("Go to the Funnel screen: goal, stages and targets."),
        ),
        Binding(
            "2",
            "show_screen('review')",
            N_("Review screen"),
            show=False,
            id="screen.review",
            tooltip=N_("Go to the Review screen: the four checks of every KPI."),
        ),
        Binding(
            "3",
            "show_screen('whatif')",
            N_("What-if screen"),
            show=False,
            id="screen.whatif",
            tooltip=N_("Go to the What-if screen: scenarios side by side."),
        ),
        Binding(
            "4",
            "show_screen('progress')",
            N_("Progress screen"),
            show=False,
            id="screen.progress",
            tooltip=N_("Go to the Progress screen: actual counts against the plan, month by month."),
        ),
        # Help first: on a narrow terminal the footer is cut from the right, and help lists the rest.
        Binding(
            "f1,question_mark",
            "help",
            N_("Help"),
            id="help",
            tooltip=N_("Show every key of this screen and what the review criteria mean."),
        ),
        Binding("ctrl+z", "undo", N_("Undo"), id="undo", tooltip=N_("Undo the last edit.")),
        Binding("ctrl+y", "redo", N_("Redo"), show=False, id="redo", tooltip=N_("Redo the last undone edit.")),
        Binding("ctrl+s", "save", N_("Save"), id="save", tooltip=N_("Save to the plan's file (asks for a path the first time).")),
        Binding(
            "f2",
            "save_as",
            N_("Save as"),
            show=False,
            id="save_as",
            tooltip=N_("Save to a new file, which becomes the plan's file."),
        ),
        Binding(
            "ctrl+q",
            "quit",
            N_("Quit"),
            priority=True,
            id="quit",
            tooltip=N_("Quit, asking first when there are unsaved changes."),
        ),
    ]

    plan: var[Plan] = var(None, init=False)  # type: ignore[arg-type]  # set in __init__, before anything watches it
    """The plan as it stands now; screens watch it and redraw."""

    def __init__(self, document: PlanDocument, recovered: Iterable[recovery.Copy] = ()) -> None:
        super().__init__()
        self.document = document
        self.recovered = list(recovered)  # copies other runs left of this plan, to offer
        self.last_rescue: tuple[str, float] | None = None
        self.set_reactive(KpiApp.plan, document.plan)

    def on_load(self) -> None:
        """Before the terminal is taken over: every ending a signal asks for keeps the work first."""
        loop = asyncio.get_running_loop()
        for number in ENDING_SIGNALS:
            loop.add_signal_handler(number, self.end_by_signal, number)

    def on_unmount(self) -> None:
        loop = asyncio.get_running_loop()
        for number in ENDING_SIGNALS:
            loop.remove_signal_handler(number)
        gc.unfreeze()  # what `settle` set aside is the collector's again

    def on_mount(self) -> None:
        self.show_title()
        self.offer_recoveries()
        self.call_after_refresh(self.settle)
        if not self.is_headless:
            self.set_interval(TERMINAL_CHECK, self.check_terminal, name="terminal check")

    def check_terminal(self) -> None:
        """A terminal that hung up with no SIGHUP for the app (the shell that started it took it, or
        it was blocked) reads as endless end-of-file, on which Textual's input thread spins: end as
        the signal would, keeping the work."""
        try:
            os.get_terminal_size(sys.__stdin__.fileno())  # type: ignore[union-attr]
        except (OSError, ValueError, AttributeError):  # EIO: the terminal is gone
            if self.is_running and self.return_code is None:
                self.end_by_signal(signal.SIGHUP)

    def settle(self) -> None:
        """Set the objects there are now aside from the garbage collector's full passes.

        The plan and the screens built so far live as long as the app, and each full collection
        went through all of them: on the largest plan, a third of a second now and then, a key
        answered that late. Called after the first frame and after each screen's first.
        """
        gc.freeze()

    # The one way the plan changes --------------------------------------------------------------

    def apply_edit(self, label: str, change: Callable[[Plan], Plan], run: object = None) -> bool:
        """Apply `change` to the plan as one undoable step; a refused edit is said in a notification.

        Edits of one `run` in a row (a burst of typing) make one step.
        """
        refusal = self.try_edit(label, change, run)
        if refusal is not None:
            self.notify(refusal, title=_("Not changed"), severity="warning", markup=False)
        return refusal is None

    def try_edit(self, label: str, change: Callable[[Plan], Plan], run: object = None) -> str | None:
        """Apply `change` to the plan as one undoable step, or answer why not (the plan stays as it is).

        The edit's own rules and the whole plan's (its model, the bounds of its figures) decide;
        an editor shows the answer under what was typed, `apply_edit` in a notification.
        """
        try:
            changed = change(self.document.plan)
            check_figures(changed)  # every figure of the new plan can be computed and shown
        except ValueError as error:
            return visible(str(error))
        if self.document.history.push(changed, label, run):
            self.plan_changed()
        return None

    def plan_changed(self) -> None:
        """Tell every screen (through `plan`) and the header about a new current plan, in one repaint."""
        with self.batch_update():
            self.plan = self.document.plan
            self.show_title()
            self.refresh_bindings()
        self.document.keep_recovery_current()

    def show_title(self) -> None:
        """Title, file and modified mark in the header; all plan text shown literally."""
        document = self.document
        self.title = visible(document.title)
        if document.path is None:
            where = _("built-in example, not saved")
        elif document.on_disk:
            where = visible(document.path.name)
        else:
            where = tr("{file} (new file)", file=document.path.name)
        self.sub_title = tr("{where} ● modified", where=where) if document.modified else where

    def notify(self, message: str, *, title: str = "", **options) -> None:
        """A notification; Japanese is wrapped with kinsoku first (no line of the toast starts with 。)."""
        super().notify(notification_text(message, self.size.width), title=title, **options)

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header's title and file; in Japanese without the dash of ambiguous width."""
        if not one_width() or not sub_title:
            return super().format_title(title, sub_title)
        return Content.assemble(Content(title), ("｜", "dim"), Content(sub_title).stylize("dim"))

    # Actions --------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide keys that do nothing now: undo with nothing to undo, screens behind a dialog."""
        # A dialog answers first; the palette is not one: it offers the keys of the screen beneath.
        if isinstance(self.screen, ModalScreen) and not isinstance(self.screen, CommandPalette):
            return False
        if action == "undo":
            return self.document.history.can_undo or None
        if action == "redo":
            return self.document.history.can_redo or None
        return True

    def action_show_screen(self, mode: str) -> None:
        """Go to the Funnel, Review, What-if or Progress screen."""
        if self.current_mode != mode:
            self.switch_mode(mode)

    def action_undo(self) -> None:
        """Undo the last edit."""
        if self.document.history.can_undo:
            label = self.document.history.undo()
            self.plan_changed()
            self.notify(tr("Undid: {edit}", edit=label), markup=False, timeout=2)

    def action_redo(self) -> None:
        """Redo the last undone edit."""
        if self.document.history.can_redo:
            label = self.document.history.redo()
            self.plan_changed()
            self.notify(tr("Redid: {edit}", edit=label), markup=False, timeout=2)

    def action_help(self) -> None:
        """Show every key of this screen and what the review criteria mean."""
        # Read before the help covers the screen: under a dialog the app's keys are off.
        screen = self.screen
        from kpitui.app.screens.help import HelpScreen  # loaded when asked for: a faster first frame

        self.push_screen(
            HelpScreen(
                screen_keys(self, screen), said(getattr(screen, "ENTER_HELP", "")), said(getattr(screen, "FIGURES_HELP", ""))
            )
        )

    def action_save(self) -> None:
        """Save to the plan's file (asks for a path the first time)."""
        if self.document.path is None:
            self.hold_keys()  # a path typed right after the key goes in the dialog, not beneath it
        self.save_in_background(self.document.path)

    def action_save_as(self) -> None:
        """Save to a new file, which becomes the plan's file."""
        self.hold_keys()  # a path typed right after the key goes in the dialog, not beneath it
        self.save_as_in_background()

    @work(exclusive=True, group="file")
    async def save_in_background(self, path: Path | None) -> None:
        """`save_flow` as a worker: its questions are awaited."""
        await self.save_flow(path)

    @work(exclusive=True, group="file")
    async def save_as_in_background(self) -> None:
        """Ask for the path, then save there (a worker: the dialog is awaited)."""
        path = await self.ask_save_path(self.document.path)
        if path is not None:
            await self.save_flow(path)

    async def ask_save_path(self, path: Path | None) -> Path | None:
        """The path to save to, typed in the Save-as dialog (None when it is cancelled)."""
        from kpitui.app.dialogs.editor import save_as_dialog  # with its text widgets, loaded when first asked for

        return await self.push_screen_wait(save_as_dialog(path))

    async def save_flow(self, path: Path | None) -> bool:
        """Save, asking for a path when there is none and before overwriting someone else's change."""
        if path is None:
            path = await self.ask_save_path(None)
            if path is None:
                return False
        # The file is looked at, and written, off the UI thread (a network folder can hang): a
        # folder, a FIFO or a device there now is refused at once, never asked about and never opened.
        found = await off_ui_thread(self, lambda: (existing_target(str(path), str(path)), fingerprint(path)))
        if isinstance(found, Exception):
            return self.not_saved(found)
        existing, now = found
        if await self.overwrite_refused(path, exists=existing is not None, found=now):
            return False
        plan = self.document.plan  # edits made while it is written stay unsaved
        written = await off_ui_thread(self, lambda: save_plan(plan, path))
        if isinstance(written, Exception):
            return self.not_saved(written)
        self.document.saved(plan, path, written)
        self.show_title()
        self.notify(tr("Saved {path}", path=str(path)), markup=False, timeout=3)
        return True

    def not_saved(self, error: Exception) -> bool:
        """Say why a save failed and that every edit is kept; False, for `save_flow` to answer."""
        if not isinstance(error, PlanError):
            raise error  # nobody foresaw it: rescued as any error is
        self.notify(
            tr(
                "{error}\nYour edits are kept: fix the problem or save elsewhere ({key}).",
                error=str(error),
                key=key_display(self.screen, "save_as"),
            ),
            title=_("Not saved"),
            severity="error",
            markup=False,
            timeout=10,
        )
        return False

    async def overwrite_refused(self, path: Path, *, exists: bool, found: Fingerprint | None) -> bool:
        """True when the user would rather not overwrite a file changed or created by someone else
        (`found`: the file's fingerprint now)."""
        if path == self.document.path:
            if not self.document.changed_on_disk(found):
                return False
            question = (
                tr("{file} was deleted or moved since it was opened here. Save the plan there again?", file=path.name)
                if self.document.deleted_on_disk(found)
                else tr("{file} changed on disk since it was opened here. Overwrite those changes?", file=path.name)
            )
        elif exists:
            question = tr("{path} exists. Replace it with this plan?", path=str(path))
        else:
            return False
        answer = await self.push_screen_wait(
            # Cancel first, so a reflex Enter keeps someone else's work.
            ChoiceDialog(question, [Choice("cancel", _("Cancel"), "c"), Choice("overwrite", _("Overwrite"), "o")])
        )
        return answer != "overwrite"

    async def action_quit(self) -> None:
        """Quit, asking first when there are unsaved changes."""
        self.quit_asking()

    @work(exclusive=True, group="file")
    async def quit_asking(self) -> None:
        """Quit now when everything is saved; otherwise ask first (a worker: the question is awaited)."""
        if not self.document.modified:
            self.exit()
            return
        answer = await self.push_screen_wait(
            ChoiceDialog(
                _("The plan has unsaved changes. Save them before quitting?"),
                [Choice("save", _("Save"), "s"), Choice("discard", _("Discard"), "d"), Choice("cancel", _("Cancel"), "c")],
            )
        )
        if answer == "save" and await self.save_flow(self.document.path):
            self.exit()
        elif answer == "discard":
            self.document.let_go_of_recovery()
            self.document.saved_plan = self.document.plan  # let go on purpose: nothing to recover
            self.exit()

    # Crash safety ----------------------------------------------------------------------------------

    def rescue(self, error: BaseException) -> None:
        """An unforeseen error anywhere in the app (see safety.py): keep running, keep the work, say so."""
        self.log.error(error)
        self.release_keys()  # keys held for an editor that failed to open go on now, not after a wait
        kept = ""
        if self.document.modified:
            try:
                where = self.document.keep_recovery()
                kept = "\n" + tr("Your unsaved work is safe: a recovery copy is in {path}.", path=str(where))
            except PlanError as also:
                kept = "\n" + tr("A recovery copy could not be written either ({error}): save your work now.", error=str(also))
        message = tr("Something went wrong: {kind}: {error}", kind=type(error).__name__, error=str(error)) + kept
        # The same error again and again (a widget failing to draw) is said once, not in a storm.
        now = time.monotonic()
        if self.last_rescue is not None and self.last_rescue[0] == message and now - self.last_rescue[1] < RESCUE_TIMEOUT:
            return
        self.last_rescue = (message, now)
        self.notify(message, title=_("Error"), severity="error", markup=False, timeout=RESCUE_TIMEOUT)

    def end_by_signal(self, number: int) -> None:
        """SIGTERM, SIGHUP, SIGQUIT or SIGINT: keep the unsaved work, then end cleanly (the terminal is restored)."""
        if self.document.modified:
            try:
                self.document.keep_recovery()
            except PlanError as error:
                self.log.error(error)  # open_app tries again once the terminal is back, and says so
        self.exit(return_code=128 + number)
        # Should ending hang (a terminal that is gone), the work is kept already: stop for sure.
        deadline = threading.Timer(EXIT_DEADLINE, os._exit, (128 + number,))
        deadline.daemon = True
        deadline.start()

    def offer_recoveries(self) -> None:
        """Offer each recovery copy of this plan in turn: restore it as an unsaved edit, discard it, or wait."""
        if not self.recovered:
            return
        copy = self.recovered.pop(0)
        several = tr(" ({count} more after this one)", count=len(self.recovered)) if self.recovered else ""
        written = time.strftime("%Y-%m-%d %H:%M", time.localtime(recovery.modified_time(copy.path)))

        def decided(answer: str | None) -> None:
            if answer == "restore":
                if self.apply_edit(_("restore the recovery copy"), lambda _plan: copy.plan):
                    if self.document.modified:
                        self.document.keep_recovery()  # the restored work is this app's to keep now
                    recovery.remove(copy.path)
            elif answer == "discard":
                recovery.remove(copy.path)
            self.offer_recoveries()

        self.push_screen(
            ChoiceDialog(
                tr(
                    "kpitui kept unsaved work for this plan on {written} ({path}){several}. Restore it?",
                    written=written,
                    path=str(copy.path),
                    several=several,
                ),
                [
                    Choice("restore", _("Restore"), "r"),
                    Choice("discard", _("Discard it"), "d"),
                    Choice("later", _("Decide later"), "l"),
                ],
            ),
            decided,
        )

    # The command palette ---------------------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key of the screen and the app, plus Textual's own commands that kpitui has no key for."""
        yield from binding_commands(self, screen)
        for command in super().get_system_commands(screen):
            if command.title not in TEXTUAL_COMMANDS_WE_REPLACE:
                yield command._replace(title=said(command.title), help=said(command.help))

    def action_command_palette(self) -> None:
        """Textual's command palette, its search field in the interface language."""
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]  # as Textual does
            self.push_screen(CommandPalette(placeholder=said("Search for commands…"), id="--command-palette"))
