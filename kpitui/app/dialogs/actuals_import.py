"""Importing actual counts from a CSV export: ask for the file, read it off the UI thread, preview, confirm."""

from pathlib import Path
from typing import NamedTuple

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from kpitui.app.dialogs.editor import Editor, path_editor
from kpitui.app.safety import FailSafe
from kpitui.core.domain.actuals import Imported, Record, apply_import
from kpitui.core.domain.plan import Plan
from kpitui.core.errors import PlanError
from kpitui.core.text.formatting import format_count
from kpitui.core.text.i18n import N_, _, tr


class ReadImport(NamedTuple):
    """A CSV file read against the plan: its records, and what importing them would do."""

    path: Path
    records: tuple[Record, ...]
    result: Imported


def read_import(plan: Plan, path: Path) -> ReadImport:
    """Read the CSV at `path` for `plan` with the same rules as `kpitui actuals`; ValueError with the core's message.

    Counts that differ from recorded ones are shown as replacements in the preview, which is
    where the user agrees to them (the command's --replace).
    """
    from kpitui.core.files.actuals_csv import read_records

    try:
        records = tuple(read_records(str(path), plan))
    except PlanError as error:
        raise ValueError(str(error)) from None
    return ReadImport(path, records, apply_import(plan, records, replace_recorded=True))


def import_dialog(plan: Plan) -> Editor:
    """Ask for the CSV file to import; the answer is a `ReadImport` (the file is read on Enter, never while typing)."""
    return path_editor(
        _("Import actual counts from a CSV export (Enter reads it, Escape cancels)"),
        "",
        lambda path: read_import(plan, path),
        _("Long or wide form, UTF-8 or Shift_JIS, as `kpitui actuals` reads it. Nothing changes before the preview."),
    )


def preview_lines(result: Imported) -> list[str]:
    """What the import adds and replaces, one line a count."""
    lines = [
        tr("added     {month}  {stage}: {count}", month=str(record.month), stage=record.stage, count=format_count(record.count))
        for record in result.added
    ]
    lines += [
        tr(
            "replaced  {month}  {stage}: {old} → {new}",
            month=str(record.month),
            stage=record.stage,
            old=format_count(old),
            new=format_count(record.count),
        )
        for record, old in result.replaced
    ]
    return lines


class ImportPreview(FailSafe, ModalScreen[bool]):
    """What an import would change, before it changes anything; answers True to import."""

    BINDINGS = [
        Binding("escape,c", "dismiss(False)", N_("Cancel")),
        Binding("i", "dismiss(True)", N_("Import")),
    ]

    def __init__(self, read: ReadImport, undo_key: str) -> None:
        super().__init__()
        self.read = read
        self.undo_key = undo_key

    def compose(self) -> ComposeResult:
        result = self.read.result
        with Vertical(classes="dialog import-preview"):
            yield Label(
                tr(
                    "Import {file}: {added} added, {replaced} replaced, {unchanged} unchanged.",
                    file=self.read.path.name,
                    added=len(result.added),
                    replaced=len(result.replaced),
                    unchanged=len(result.unchanged),
                ),
                markup=False,
                classes="question",
            )
            with VerticalScroll(id="import-changes"):
                yield Static("\n".join(preview_lines(result)), markup=False, id="import-lines")
            yield Label(tr("The import is one step: {key} takes it back.", key=self.undo_key), markup=False, classes="hint")
            with Horizontal(classes="buttons"):
                yield Button(_("Import (i)"), id="import", variant="primary")
                yield Button(_("Cancel (c)"), id="cancel")

    @on(Button.Pressed)
    def chosen(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "import")
