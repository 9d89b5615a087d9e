"""The interface language (SPEC 7) and the translated text that the core, the commands and the app show.

Messages are written in English in the code and looked up in the gettext catalogue
`kpitui/locale/ja/LC_MESSAGES/kpitui.mo` when the language is Japanese. English loads nothing.

How to write a message (the rules every caller follows):

- Write the whole sentence with `{name}` placeholders and translate it before filling them in:
  `tr("{stage}: the rate must be above 0%", stage=name)`. The message is a string literal in the
  call itself, never a variable, an f-string, `%` or pieces joined: extraction (tools/catalogue.py)
  would miss it, and a translator could not reorder the words.
- Plan text (a stage name, a title, a value from a file) goes in only through a placeholder.
  `tr` makes it visible (control and bidi characters as escapes) and never reads it as a format
  string, so braces in a stage name are just braces.
- What comes back is plain text, never markup: show it as `Text`/`Content`, or with
  `markup=False` (`Static(..., markup=False)`, `notify(..., markup=False)`), never through
  Rich markup, so `[bold]` in a stage name, or in a translation, is shown as written.
- A message defined before the language is chosen (a module-level constant) is marked with
  `N_()` and translated where it is shown: `_(QUESTIONS[criterion])`.
- Machine output (JSON, CSV values, key paths, plan-file keys) is never translated.
"""

import gettext  # already loaded by argparse on every command-line path: free
import os
from collections.abc import Mapping

from kpitui.core.text.safe_text import visible

LANGUAGES = ("en", "ja")
DOMAIN = "kpitui"
LOCALE_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), "locale")
# Where the language comes from, strongest first (SPEC 7); POSIX gives the locale variables this order.
LANGUAGE_VARIABLE = "KPITUI_LANG"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


_language = "en"
_catalogue: gettext.GNUTranslations | None = None  # None: English, the messages as written


def checked_language(value: str, source: str) -> str:
    """`value` if it names a language kpitui speaks; otherwise `ValueError` naming where it came from."""
    if value not in LANGUAGES:
        raise ValueError(f'{source} must be one of {", ".join(LANGUAGES)} (got "{visible(value)}")')
    return value


def locale_language(environ: Mapping[str, str]) -> str:
    """The language of the locale: `ja` for `ja_JP.UTF-8`, `ja_JP.eucJP`, `ja`...; English for anything else."""
    for name in LOCALE_VARIABLES:
        if value := environ.get(name):
            # The first variable that is set decides, even `C` (POSIX: LC_ALL overrides LANG).
            code = value.split(".")[0].split("@")[0].replace("-", "_").split("_")[0]
            return "ja" if code.lower() == "ja" else "en"
    return "en"


def resolve_language(option: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The interface language: `--lang`, else `KPITUI_LANG`, else the locale, else English (SPEC 7)."""
    environ = os.environ if environ is None else environ
    if option:
        return checked_language(option, "--lang")
    if setting := environ.get(LANGUAGE_VARIABLE, "").strip():
        return checked_language(setting.lower(), LANGUAGE_VARIABLE)
    return locale_language(environ)


def _load_catalogue(language: str) -> gettext.GNUTranslations | None:
    path = os.path.join(LOCALE_DIR, language, "LC_MESSAGES", DOMAIN + ".mo")
    try:
        with open(path, "rb") as file:
            return gettext.GNUTranslations(file)
    except OSError:  # an installation without its catalogue still works, in English
        return None


def set_language(language: str) -> None:
    """Speak `language` from now on (the command line sets it once, before any text is made)."""
    global _language, _catalogue
    _catalogue = None if checked_language(language, "the language") == "en" else _load_catalogue(language)
    _language = language


class speaking:  # noqa: N801 - used as a statement: `with speaking("en"):`
    """Speak `language` inside a `with` block, then the language before it: machine output in English."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.before = "en"

    def __enter__(self) -> None:
        self.before = _language
        set_language(self.language)

    def __exit__(self, *_exc: object) -> None:
        set_language(self.before)


def language() -> str:
    """The interface language now: `en` or `ja`."""
    return _language


def _(message: str) -> str:
    """`message` in the interface language."""
    return message if _catalogue is None else _catalogue.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message that fits `n` (Japanese has one form for every count)."""
    if _catalogue is None:
        return singular if n == 1 else plural
    return _catalogue.ngettext(singular, plural, n)


def join_sentences(sentences: list[str]) -> str:
    """Whole sentences run on as a paragraph: a space between them in English, none after Japanese 。."""
    return ("" if _language == "ja" else " ").join(sentences)


def pgettext(context: str, message: str) -> str:
    """`message` in the interface language, where one English word means two things (`Plan`: a plan, a contingency plan)."""
    return message if _catalogue is None else _catalogue.pgettext(context, message)


def N_(message: str) -> str:
    """Mark `message` for translation without translating it yet (it is translated where it is shown)."""
    return message


class Translated:
    """A class attribute read in the interface language of the moment: `BORDER_TITLE = Translated(N_("Goal"))`
    gives each widget its title in the language it is made in."""

    def __init__(self, message: str) -> None:
        self.message = message

    def __get__(self, instance: object, owner: type | None = None) -> str:
        return _(self.message)


def _literal(values: dict[str, object]) -> dict[str, object]:
    return {name: visible(value) if isinstance(value, str) else value for name, value in values.items()}


def tr(message: str, /, **values: object) -> str:
    """`message` translated, then its `{name}` placeholders filled with `values`, text made visible."""
    return _(message).format_map(_literal(values))


def ptr(context: str, message: str, /, **values: object) -> str:
    """`tr` for a message that needs its `context` to be translated right: `ptr("months", "{count}", count=12)` → `12か月`."""
    return pgettext(context, message).format_map(_literal(values))


def ntr(singular: str, plural: str, n: int, /, **values: object) -> str:
    """`tr` for a message whose form depends on the count `n`: `ntr("{n} concern", "{n} concerns", n, n=n)`."""
    return ngettext(singular, plural, n).format_map(_literal(values))
