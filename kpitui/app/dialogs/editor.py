"""Edit one value or one file path: opens on the current one selected, says what is wrong, loses nothing typed."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.validation import ValidationResult, Validator
from textual.widgets import Input

from kpitui.app.background import in_background
from kpitui.app.safety import FailSafe
from kpitui.app.widgets.plan_text import PlanInput
from kpitui.app.widgets.prose import Prose
from kpitui.core.errors import PlanError
from kpitui.core.files.atomic import existing_target
from kpitui.core.text.i18n import N_, _, tr
from kpitui.core.text.safe_text import visible


class Parses(Validator):
    """Valid when `parse` takes the text; a failure says what the parser's ValueError says."""

    def __init__(self, parse: Callable[[str], Any]) -> None:
        super().__init__()
        self.parse = parse

    def validate(self, value: str) -> ValidationResult:
        try:
            self.parse(value)
        except ValueError as error:
            return self.failure(visible(str(error)), value)
        return self.success()


def typed_path(text: str) -> Path:
    """The path typed, `~` expanded; empty is refused."""
    if not text.strip():
        raise ValueError(_("type a file name, for example plan.toml"))
    return Path(text.strip()).expanduser()


def check_save_path(path: Path) -> Path:
    """A path a plan can be saved to: not a folder nor any other special file (never opened), in a folder that exists."""
    if path.is_dir():
        raise ValueError(tr("{path} is a folder: add a file name", path=str(path)))
    try:
        existing_target(str(path), str(path))  # a FIFO or a device is refused now, not after "replace it?"
    except PlanError as error:
        raise ValueError(str(error)) from None
    if not path.absolute().parent.is_dir():
        raise ValueError(tr("there is no folder {path}", path=str(path.absolute().parent)))
    return path


class Editor(FailSafe, ModalScreen[Any]):
    """Answers with `parse(text)` on Enter, or None on Escape.

    The editor opens on `value` shown literally (hidden characters as escapes); `parse` gets the
    text the user means, with the hidden characters they left alone given back. `parse` raises
    ValueError with a message for the user, shown while the text is typed; on Enter a bad value
    keeps the dialog open with the typed text and the message, so nothing typed is lost.

    A value editor given `apply` hands it the parsed value on Enter, before closing: `apply`
    makes the edit of the plan current then, or answers why the whole plan refuses it (a KGI or
    a target past its bound, a name another stage has, actuals left outside the calendar). A
    refusal keeps the dialog open like a bad value, its reason under the typed text.

    A path editor (`open` given) checks nothing while the path is typed: on Enter, `open(path)`
    runs off the UI thread (a FIFO or a hung network folder would block it for good), and its
    ValueError is shown for the path to be fixed. Escape cancels even while it runs.
    """

    BINDINGS = [Binding("escape", "dismiss(None)", N_("Cancel"))]

    def __init__(
        self,
        prompt: str,
        value: str,
        parse: Callable[[str], Any],
        hint: str = "",
        *,
        open: Callable[[Path], Any] | None = None,
        apply: Callable[[Any], str | None] | None = None,
    ) -> None:
        super().__init__()
        self.prompt = prompt
        self.value = value
        self.parse = parse
        self.hint = hint
        self.open = open
        self.apply = apply
        self.tries = 0  # answers to an earlier Enter than the last are not wanted any more
        self.ready_for_keys = False  # keys typed while it opens wait for its input (see type_ahead)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Prose(self.prompt, classes="question")
            yield PlanInput(
                self.value,
                id="path" if self.open else "value",
                validators=[] if self.open else [Parses(self.parse)],
                validate_on=["changed"],
            )
            yield Prose(self.hint, id="hint", classes="hint")
            yield Prose("", id="problem", classes="problem")

    def on_descendant_focus(self) -> None:
        """The input has the focus, its value selected: keys typed ahead go there now."""
        self.ready_for_keys = True
        self.app.release_keys()

    def say(self, problem: str) -> None:
        self.query_one("#problem", Prose).update(problem)

    def refuse(self, reason: str) -> None:
        """The whole plan refuses the value: the typed text stays, marked and with the reason under it, as a bad value's does."""
        self.query_one(PlanInput).add_class("-invalid")  # until the next change is validated
        self.say(reason)

    @on(Input.Changed)
    def typed(self, event: Input.Changed) -> None:
        """Say what is wrong while it is typed (nothing, for a path: it is checked on Enter)."""
        result = event.validation_result
        self.say(result.failure_descriptions[0] if result is not None and not result.is_valid else "")

    @on(Input.Submitted)
    def submit(self) -> None:
        """Commit a good value; keep a bad one open with its problem shown."""
        try:
            value = self.parse(self.query_one(PlanInput).text)
        except ValueError as error:
            self.say(visible(str(error)))
            return
        if self.open is not None:
            self.try_path(value, self.open)
            return
        refusal = None if self.apply is None else self.apply(value)
        if refusal is not None:
            self.refuse(refusal)
            return
        self.dismiss(value)

    def try_path(self, path: Path, open: Callable[[Path], Any]) -> None:
        """Try the path off the UI thread; a good one closes the dialog, a bad one stays to be fixed."""
        self.tries += 1
        tried = self.tries
        self.say(tr("Checking {path}…", path=str(path)))

        def answered(result: Any) -> None:
            if tried != self.tries or not self.is_attached:
                return
            if isinstance(result, ValueError):
                self.say(visible(str(result)))
            elif isinstance(result, Exception):
                self.say("")
                self.app.rescue(result)
            else:
                self.dismiss(result)

        in_background(self.app, lambda: open(path), answered)


def path_editor(prompt: str, current: str, open: Callable[[Path], Any], hint: str = "") -> Editor:
    """Ask for a file path; the answer is `open(path)`, worked out off the UI thread on Enter."""
    return Editor(prompt, current, typed_path, hint, open=open)


def save_as_dialog(current: Path | None) -> Editor:
    """Ask where to save the plan, starting from its file (or plan.toml)."""
    return path_editor(
        _("Save the plan as (Enter saves, Escape cancels)"), str(current) if current else "plan.toml", check_save_path
    )
