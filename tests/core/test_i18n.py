"""The interface language (SPEC 7): how it is chosen, and what the translation functions give callers."""

import pytest

from kpitui.core.domain.plan import CRITERIA, CriterionState
from kpitui.core.domain.progress import Status
from kpitui.core.domain.review import criterion_label, criterion_question
from kpitui.core.text import i18n
from kpitui.core.text.i18n import _, language, ngettext, resolve_language, set_language, tr
from kpitui.core.text.vocabulary import STATE_LABELS, STATUS_LABELS, state_label, status_label


@pytest.mark.parametrize(
    ("option", "environ", "expected"),
    [
        (None, {}, "en"),
        ("ja", {}, "ja"),
        ("en", {"KPITUI_LANG": "ja", "LANG": "ja_JP.UTF-8"}, "en"),  # --lang beats everything
        (None, {"KPITUI_LANG": "ja", "LANG": "en_US.UTF-8"}, "ja"),  # then KPITUI_LANG
        (None, {"KPITUI_LANG": " JA "}, "ja"),
        (None, {"KPITUI_LANG": "", "LANG": "ja_JP.UTF-8"}, "ja"),  # empty is unset
        (None, {"LANG": "ja_JP.UTF-8"}, "ja"),
        (None, {"LANG": "ja_JP.eucJP"}, "ja"),
        (None, {"LANG": "ja"}, "ja"),
        (None, {"LANG": "ja_JP@cjknarrow"}, "ja"),
        (None, {"LC_MESSAGES": "ja_JP.UTF-8", "LANG": "en_US.UTF-8"}, "ja"),
        (None, {"LC_ALL": "C", "LC_MESSAGES": "ja_JP.UTF-8", "LANG": "ja_JP.UTF-8"}, "en"),  # LC_ALL wins
        (None, {"LC_ALL": "ja_JP.UTF-8", "LANG": "C"}, "ja"),
        (None, {"LC_ALL": "", "LANG": "ja_JP.UTF-8"}, "ja"),  # empty variables are skipped, as POSIX says
        (None, {"LANG": "jv_ID.UTF-8"}, "en"),  # Javanese is not Japanese
        (None, {"LANG": "C.UTF-8"}, "en"),
        (None, {"LANG": "fr_FR.UTF-8"}, "en"),  # a language kpitui does not speak: English
    ],
)
def test_the_language_comes_from_the_option_then_kpitui_lang_then_the_locale(option, environ, expected):
    assert resolve_language(option, environ) == expected


@pytest.mark.parametrize(
    ("option", "environ", "source"), [("fr", {}, "--lang"), (None, {"KPITUI_LANG": "japanese"}, "KPITUI_LANG")]
)
def test_an_unknown_language_asked_for_by_name_is_an_error_naming_where_it_came_from(option, environ, source):
    with pytest.raises(ValueError, match=f"^{source} must be one of en, ja"):
        resolve_language(option, environ)


def test_english_shows_the_messages_as_written():
    assert language() == "en"
    assert criterion_label("alignment") == "Alignment"
    assert state_label(CriterionState.TODO) == "to do"
    assert ngettext("{n} concern", "{n} concerns", 1) == "{n} concern"
    assert ngettext("{n} concern", "{n} concerns", 2) == "{n} concerns"


def test_japanese_uses_the_methods_own_words(japanese):
    labels = [criterion_label(c) for c in CRITERIA]
    assert labels == ["KGIとの整合性", "安定性と計測可能性", "単純性と理解しやすさ", "未到達時の対策"]
    states = (CriterionState.TODO, CriterionState.OK, CriterionState.CONCERN)
    assert [state_label(s) for s in states] == ["未確認", "OK", "懸念あり"]
    assert [status_label(s) for s in ("on_track", "at_risk", "behind", "no_data")] == ["順調", "要注意", "遅れ", "未計測"]
    assert all(criterion_question(c).endswith("？") for c in CRITERIA)


def test_a_message_without_a_translation_falls_back_to_english(japanese):
    assert _("A message nobody has translated") == "A message nobody has translated"


def test_plan_text_substituted_into_a_message_stays_literal():
    name = "{stage} [bold]Visits[/]\x1b[31m"
    message = tr("{stage}: the rate must be above 0%", stage=name)
    # braces in plan text are not placeholders, markup stays as written, escape characters show as escapes
    assert message == "{stage} [bold]Visits[/]\\x1b[31m: the rate must be above 0%"


def test_setting_an_unknown_language_is_refused():
    with pytest.raises(ValueError):
        set_language("fr")
    assert language() == "en"


def test_an_installation_without_its_catalogue_still_works_in_english(monkeypatch, tmp_path):
    monkeypatch.setattr(i18n, "LOCALE_DIR", str(tmp_path))
    set_language("ja")
    assert language() == "ja" and criterion_label("alignment") == "Alignment"


def test_every_state_and_status_has_words():
    assert set(STATE_LABELS) == {state.value for state in CriterionState}
    assert set(STATUS_LABELS) == {status.value for status in Status}
