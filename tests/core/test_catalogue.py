"""The Japanese catalogue: complete, compiled from its .po, and faithful to every placeholder (SPEC 7)."""

import gettext

import pytest
from babel.messages.catalog import Message
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from kpitui.core.text.i18n import DOMAIN, LOCALE_DIR
from tools.catalogue import LANGUAGES, TEMPLATE, catalogue_path, extract, placeholder_problems, read_catalogue, translated


def entries(catalog) -> dict:
    """Message id → translation, for the messages gettext will use (a plural's forms as a tuple, as .po and .mo differ)."""

    def plain(value):
        return tuple(value) if isinstance(value, (list, tuple)) else value

    def context(value):  # Babel reads a .mo's contexts as bytes
        return value.decode() if isinstance(value, bytes) else value

    return {(context(m.context), plain(m.id)): plain(m.string) for m in catalog if m.id and translated(m)}


@pytest.fixture(scope="module")
def messages():
    """Every message the code marks for translation (extracted afresh from the source)."""
    return extract()


def test_the_template_lists_every_message_of_the_code(messages):
    with TEMPLATE.open("rb") as file:
        template = read_po(file)
    stale = {m.id for m in messages if m.id} ^ {m.id for m in template if m.id}
    assert not stale, f"kpitui.pot is out of date for {stale}: run `python -m tools.catalogue`"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_has_a_translation(language, messages):
    catalog = read_catalogue(language)
    missing = [m.id for m in messages if m.id and not translated(catalog.get(m.id, context=m.context) or Message(m.id))]
    assert not missing, f"untranslated (or fuzzy) in {language}: {missing}; run `python -m tools.catalogue`, then translate"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_is_the_po(language):
    with catalogue_path(language, ".mo").open("rb") as file:
        compiled = read_mo(file)
    assert entries(compiled) == entries(read_catalogue(language)), "the .mo is out of date: run `python -m tools.catalogue`"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_every_placeholder(language):
    problems = [p for m in read_catalogue(language) if m.id for p in placeholder_problems(m)]
    assert not problems


@pytest.mark.parametrize(
    ("translation", "fine"),
    [
        ("{stage}: 率は0%より大きくしてください", True),
        ("率は0%より大きくしてください", False),  # dropped
        ("{name}: 率は0%より大きくしてください", False),  # renamed
        ("{stage}: {stage}{extra}", False),  # added
        ("{stage: 率は", False),  # cannot be filled in at all
    ],
)
def test_the_placeholder_check_catches_a_dropped_or_renamed_placeholder(translation, fine):
    message = Message("{stage}: the rate must be above 0%", translation)
    assert (not list(placeholder_problems(message))) is fine


def test_plural_translations_keep_the_plural_placeholders():
    message = Message(("one concern", "{n} concerns"), ("{n}件の懸念",))
    assert not list(placeholder_problems(message))
    assert list(placeholder_problems(Message(("one concern", "{n} concerns"), ("懸念",))))


def test_the_installed_catalogue_is_where_gettext_looks():
    translations = gettext.translation(DOMAIN, LOCALE_DIR, ["ja"])
    assert translations.gettext("Alignment") == "KGIとの整合性"


@pytest.mark.parametrize(
    ("translation", "fine"),
    [
        ("%(value)r は選べません（%(choices)s から選んでください）", True),
        ("%(value)r は選べません", False),  # dropped
        ("%(value)s は選べません（%(choices)s から選んでください）", False),  # converted differently
        ("%(valeur)r は選べません（%(choices)s から選んでください）", False),  # renamed
    ],
)
def test_the_placeholder_check_covers_argparse_percent_placeholders(translation, fine):
    message = Message("invalid choice: %(value)r (choose from %(choices)s)", translation)
    assert (not list(placeholder_problems(message))) is fine
