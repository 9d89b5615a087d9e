"""A saved plan holds no control, bidi or zero-width character raw: `cat` or `git diff` of it is safe,
and it loads back as exactly the same strings."""

import tomllib

import tomli_w
import tomlkit
from hypothesis import given, settings
from hypothesis import strategies as st

from kpitui.core.domain import edits
from kpitui.core.files.planfile import load_plan, save_plan
from kpitui.core.files.toml_escapes import escaped
from kpitui.core.text.safe_text import is_hidden

HIDDEN = ["\x00", "\x07", "\x08", "\t", "\r", "\x0b", "\x1b", "\x7f", "\x85", "\x9b", "\x9d", "\u2028", "\u2029"]
HIDDEN += ["\u200b", "\u200d", "\u200e", "\u2066", "\u202e", "\ufeff", "\U000e0041", "\u061c", "\ufff9", "\n"]
HIDDEN += ["\u3164", "\u115f", "\uffa0", "\u034f"]  # printable, yet they draw nothing
# Any text, with the characters a hostile plan hides and those that end or escape a TOML string.
TEXTS = st.lists(
    st.one_of(st.sampled_from(HIDDEN + ['"', "'", "\\", '"""', "#", "\u0301"]), st.characters(exclude_categories=["Cs"])),
    max_size=12,
).map("".join)

# Every hidden character the tester wrote into a plan, as TOML escapes: the file itself is clean.
HOSTILE = "T" + "".join(f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}" for c in HIDDEN if c != "\n")
PLAN = f"""# written by hand
format = 1
title = "{HOSTILE}"
[goal]
orders = 12
[[stages]]
name = "S{HOSTILE}"
metric = "m{HOSTILE}"
rate = "50%"
[[stages]]
name = "Orders"
[review."S{HOSTILE}"]
notes = "n{HOSTILE}"
"""


def raw_hidden(text: str, spacing: str = "\n") -> list[str]:
    return [char for char in text if is_hidden(char) and char not in spacing]


@settings(max_examples=150)
@given(st.dictionaries(TEXTS, st.one_of(TEXTS, st.dictionaries(TEXTS, TEXTS, max_size=3)), max_size=4))
def test_escaping_a_toml_text_keeps_every_string_and_leaves_nothing_raw(document):
    for written in (tomli_w.dumps(document), tomlkit.dumps(document)):  # kpitui's own layout, and a kept one
        text = escaped(written)
        assert raw_hidden(text) == []
        assert tomllib.loads(text) == document


def test_comments_literal_strings_and_line_breaks_are_left_as_written():
    text = '# c\u202e\r\na = \'q\u202e\'\r\nb = """x\u200b\\\t\r\n  y"""""\r\n'
    assert escaped(text) == '# c\u202e\r\na = \'q\u202e\'\r\nb = """x\\u200b\\\t\r\n  y"""""\r\n'
    assert tomllib.loads(escaped(text)) == tomllib.loads(text)


@settings(max_examples=25, deadline=None)
@given(TEXTS, st.sampled_from(["title", "name", "metric", "notes"]), st.booleans())
def test_saving_an_edited_hostile_plan_writes_every_hidden_character_escaped(tmp_path_factory, text, field, fresh):
    path = tmp_path_factory.mktemp("plan") / "plan.toml"
    path.write_text(PLAN if not fresh else PLAN.removeprefix("# written by hand\n"), encoding="utf-8")
    plan = load_plan(path)
    stage = plan.stages[0].name
    if field == "title":
        plan = edits.set_title(plan, plan.title + text)
    elif field == "name":
        plan = edits.rename_stage(plan, 0, stage + text)
    elif field == "metric":
        plan = edits.set_stage_text(plan, 0, "metric", plan.stages[0].metric + text)
    else:
        plan = edits.set_review_text(plan, stage, "notes", plan.review_of(stage).notes + text)
    save_plan(plan, path)
    saved = path.read_text(encoding="utf-8")
    assert raw_hidden(saved) == []
    assert load_plan(path) == plan


def test_an_edited_value_keeps_its_escapes_as_they_were_written(tmp_path):
    path = tmp_path / "plan.toml"
    path.write_text(PLAN, encoding="utf-8")
    save_plan(edits.set_title(load_plan(path), load_plan(path).title + "!"), path)
    assert f'title = "{HOSTILE}!"' in path.read_text(encoding="utf-8")
