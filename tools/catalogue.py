"""Keep the translations in step with the code: extract the messages, update each .po, compile each .mo.

    .venv/bin/python -m tools.catalogue

Run it after adding or changing a message in the code (new messages arrive in the .po empty, for a
translator to fill in), and again after translating (kpitui reads the .mo compiled from the .po).
Running it twice changes nothing. It needs Babel, which the test extras install: Babel is only a
development tool here; kpitui itself reads the compiled .mo with the standard library's gettext.
"""

import io
import re
import string
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "kpitui"
LOCALE_DIR = PACKAGE / "locale"
TEMPLATE = LOCALE_DIR / "kpitui.pot"
LANGUAGES = ("ja",)
# The functions of kpitui.core.text.i18n that take messages to translate, and which arguments are messages.
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "ptr": ((1, "c"), 2), "tr": None, "ntr": (1, 2)}
HEADER = "# {what} of kpitui's interface (SPEC 7). Edit the .po; tools/catalogue.py does the rest.\n#"
# Header lines that change on every run; a file whose only change is these is left as it is.
_DATES = re.compile(rb'^"(?:POT-Creation-Date|PO-Revision-Date): .*\n', re.MULTILINE)


def catalogue_path(language: str, suffix: str) -> Path:
    """`kpitui/locale/ja/LC_MESSAGES/kpitui.po` (or `.mo`): where gettext looks for the language."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"kpitui{suffix}"


def extract() -> Catalog:
    """Every message the code marks for translation, with the files it appears in."""
    template = Catalog(domain="kpitui", header_comment=HEADER.format(what="Messages"), project="kpitui", fuzzy=False)
    found = extract_from_dir(PACKAGE, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",), strip_comment_tags=True)
    for filename, line, message, comments, context in found:
        template.add(message, None, [(f"kpitui/{Path(filename).as_posix()}", line)], auto_comments=comments, context=context)
    return template


def read_catalogue(language: str) -> Catalog:
    """The translator's source of truth for `language`, as Babel reads it."""
    with catalogue_path(language, ".po").open("rb") as file:
        return read_po(file, locale=language, domain="kpitui")


def translated(message: Message) -> bool:
    """A message with every form translated and not marked fuzzy (gettext only uses those)."""
    forms = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    return not message.fuzzy and all(forms)


# argparse's own words use `%s` and `%(name)s`; they must survive translation as `{name}` ones do.
_PERCENT = re.compile(r"%(\([A-Za-z_]+\))?([sdr])")


def placeholders(text: str) -> set[tuple[str, str | None, str]]:
    """The `{name}` placeholders of a message, with their conversion and format spec, and its `%` ones."""
    braces = {(name, conversion, spec or "") for _, name, spec, conversion in string.Formatter().parse(text) if name is not None}
    return braces | {("%" + (name or ""), None, kind) for name, kind in _PERCENT.findall(text)}


def placeholder_problems(message: Message) -> Iterator[str]:
    """Where a translation drops, adds or renames a placeholder of the English message (or cannot be filled in)."""
    ids = message.id if isinstance(message.id, (list, tuple)) else [message.id]
    forms = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    for form in filter(None, forms):
        try:
            wanted, got = placeholders(ids[-1]), placeholders(form)
        except ValueError as error:  # an unpaired brace: str.format would fail at run time
            yield f"{form!r}: {error}"
            continue
        if got != wanted:
            yield f"{form!r} has placeholders {sorted(got)}, the English {ids[-1]!r} has {sorted(wanted)}"


def _write_if_changed(path: Path, content: bytes) -> bool:
    if path.exists() and _DATES.sub(b"", path.read_bytes()) == _DATES.sub(b"", content):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return True


def _po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, sort_output=True, include_lineno=False, width=100)
    return buffer.getvalue()


def main() -> None:
    template = extract()
    written = [TEMPLATE] if _write_if_changed(TEMPLATE, _po_bytes(template)) else []
    for language in LANGUAGES:
        po = catalogue_path(language, ".po")
        if po.exists():
            catalog = read_catalogue(language)
        else:
            catalog = Catalog(language, "kpitui", HEADER.format(what=f"The {language} translation"), "kpitui", fuzzy=False)
        catalog.update(template, update_creation_date=False)
        if _write_if_changed(po, _po_bytes(catalog)):
            written.append(po)
            catalog = read_catalogue(language)  # compile what the translator will see
        mo = io.BytesIO()
        write_mo(mo, catalog)
        if _write_if_changed(catalogue_path(language, ".mo"), mo.getvalue()):
            written.append(catalogue_path(language, ".mo"))
        todo = [m.id for m in catalog if m.id and not translated(m)]
        problems = [problem for m in catalog if m.id for problem in placeholder_problems(m)]
        print(f"{language}: {len(todo)} message(s) to translate, {len(problems)} placeholder problem(s)")
        for line in problems:
            print(f"  {line}")
    for path in written:
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
