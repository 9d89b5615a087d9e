"""Editors over plan text: hidden characters show as escapes, and come back as they were.

An editor never puts a plan's control, bidi or zero-width character on the screen: it shows
`visible(text)`. What the user makes of it is read back with `restore`, edit by edit with the
cursor's place, so an escape the user left whole is the original character again, and what
they typed (a `\\x1b` typed by hand included) is exactly what they typed.
"""

from textual.validation import ValidationResult
from textual.widgets import Input, TextArea
from textual.widgets.text_area import Document, Edit, EditResult

from kpitui.app.safety import FailSafe
from kpitui.core.text.safe_text import restore, visible


class PlanInput(FailSafe, Input):
    """A one-line editor over plan text; `text` is what the user means."""

    def __init__(self, text: str, **options) -> None:
        self._text = text  # first: validators may run as Input sets its value
        super().__init__(visible(text), **options)

    @property
    def text(self) -> str:
        """The edited text, with the hidden characters the user left alone given back."""
        if visible(self._text) != self.value:  # changed some other way than typing: compare the texts
            self._text = restore(self.value, self._text)
        return self._text

    def replace(self, text: str, start: int, end: int) -> None:
        """Every typed, pasted or deleted character comes here: shown as escapes, meant as typed."""
        meant, before = self.text, self.value
        start, end = sorted((max(0, start), min(len(before), end)))
        # Meant before it shows: the validators run as the value changes, on what the user means.
        self._text = restore(before[:start] + text + before[end:], meant, cursor=start + len(text))
        super().replace(visible(text), start, end)
        if self.value != before[:start] + visible(text) + before[end:]:  # refused
            self._text = meant

    def validate(self, value: str) -> ValidationResult | None:
        """Validators judge the text the user means (hidden characters given back), not its escapes."""
        return super().validate(self.text if value == self.value else value)


class PlanTextArea(FailSafe, TextArea):
    """A text area over plan text shown with its line breaks; `plan_text` is what the user means."""

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self._text = ""

    def action_undo(self) -> None:
        """ctrl+z here too is the plan's undo: one history, not the text area's own beside it."""
        self.app.action_undo()

    def action_redo(self) -> None:
        """The plan's redo, as everywhere else."""
        self.app.action_redo()

    def show_text(self, text: str) -> None:
        """Show `text`, unless the area already shows it (never reset what is being typed)."""
        if text != self.plan_text:
            self.load_text(visible(text, line_breaks=True))
        self._text = text

    @property
    def plan_text(self) -> str:
        """The edited text, with the hidden characters the user left alone given back."""
        if visible(self._text, line_breaks=True) != self.text:  # an undo in the area, say
            self._text = restore(self.text, self._text, line_breaks=True)
        return self._text

    def edit(self, edit: Edit) -> EditResult:
        """Every typed, pasted or deleted character comes here: shown as escapes, meant as typed."""
        meant, before, typed = self.plan_text, self.text, edit.text
        document = self.document
        assert isinstance(document, Document)  # plain text: no syntax tree
        start, end = (document.get_index_from_location(place) for place in (edit.top, edit.bottom))
        edit.text = visible(typed, line_breaks=True)
        result = super().edit(edit)
        self._text = restore(before[:start] + typed + before[end:], meant, line_breaks=True, cursor=start + len(typed))
        return result
