"""The literal-text layer both ways: hidden characters shown as escapes, and given back on editing."""

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpitui.core.text.safe_text import _escaped, escape_char, is_blank, is_hidden, one_line, restore, text_lines, visible

# Text that mixes plain characters, backslashes and escape look-alikes with hidden characters.
HIDDEN = st.sampled_from(["\x1b", "\x07", "\n", "\r", "\t", "\x9b", "\u202e", "\u2066", "\u200b", "\u2028", "\ufeff"])
PLAIN = st.sampled_from(["a", "b", "1", "x", "u", "\\", "[", "日", " "])
MARKS = st.sampled_from(["\u0301", "\u20dd", "\u0903"])  # combining, enclosing, spacing
TEXT = st.lists(st.one_of(HIDDEN, PLAIN, MARKS, st.sampled_from(["\\x1b", "\\u202e", "\\x"])), max_size=12).map("".join)
TYPED = st.lists(st.one_of(PLAIN, st.sampled_from(["\\x1b", "\\x", "1b", "\\u202e"])), max_size=6).map("".join)
LINE_BREAKS = st.booleans()


def hidden_of(text: str, line_breaks: bool) -> list[str]:
    return [c for c in text if is_hidden(c) and not (line_breaks and c == "\n")]


def shown_at(text: str, line_breaks: bool) -> list[int]:
    """Where each character of `text` (and its end) starts in `visible(text)`: the places between
    two characters where the user can put the cursor in the editor."""
    escaped = set(_escaped(text, line_breaks))
    at = [0]
    for index, char in enumerate(text):
        at.append(at[-1] + (len(escape_char(char)) if index in escaped else 1))
    return at


@given(TEXT, LINE_BREAKS)
def test_visible_text_has_no_hidden_characters(text, line_breaks):
    shown = visible(text, line_breaks=line_breaks)
    assert hidden_of(shown, line_breaks) == []
    assert ("\n" in shown) == (line_breaks and "\n" in text)


@given(TEXT, LINE_BREAKS)
def test_an_untouched_text_comes_back_as_it_was(text, line_breaks):
    assert restore(visible(text, line_breaks=line_breaks), text, line_breaks=line_breaks) == text


@given(TEXT, st.data(), TYPED, LINE_BREAKS)
def test_typing_anywhere_changes_only_what_is_typed(text, data, typed, line_breaks):
    # The cursor sits between two characters of the original: before or after an escape, never inside.
    cut = data.draw(st.integers(0, len(text)))
    shown, at = visible(text, line_breaks=line_breaks), shown_at(text, line_breaks)
    before = shown[: at[cut]] + typed
    edited = before + shown[at[cut] :]
    assert restore(edited, text, line_breaks=line_breaks, cursor=len(before)) == text[:cut] + typed + text[cut:]


@given(TEXT, st.data(), LINE_BREAKS)
def test_deleting_characters_keeps_every_other_character(text, data, line_breaks):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    shown, at = visible(text, line_breaks=line_breaks), shown_at(text, line_breaks)
    before = shown[: at[start]]
    edited = before + shown[at[end] :]
    assert restore(edited, text, line_breaks=line_breaks, cursor=len(before)) == text[:start] + text[end:]


@given(TEXT, TYPED, LINE_BREAKS)
def test_typing_never_makes_a_hidden_character_the_plan_did_not_have(text, typed, line_breaks):
    # Whatever the user does to the shown text, the hidden characters that come back are some of
    # the original's, in their order: typing `\x1b` never produces an escape character.
    shown = visible(text, line_breaks=line_breaks)
    for edited in (typed, shown + typed, typed + shown, shown[: len(shown) // 2] + typed + shown[len(shown) // 2 + 1 :]):
        restored = hidden_of(restore(edited, text, line_breaks=line_breaks), line_breaks)
        remaining = iter(hidden_of(text, line_breaks))
        assert all(char in remaining for char in restored)


def test_a_typed_escape_stays_literal_and_a_cut_escape_stays_cut():
    original = "red \x1b[31m"
    assert visible(original) == "red \\x1b[31m"
    assert restore("red \\x1b[31m \\x07", original) == "red \x1b[31m \\x07"  # typed: stays text
    assert restore("red \\x1[31m", original) == "red \\x1[31m"  # the user cut into the escape
    assert restore("\\x1b", "\\x1b") == "\\x1b"  # a plan's own backslashes are never read as escapes


def test_a_mark_after_an_escape_is_escaped_too_and_comes_back_on_editing():
    assert visible("a\u200e\u0301") == "a\\u200e\\u0301"
    assert visible("e\u0301\u200e") == "e\u0301\\u200e"  # a mark on a letter stays as it is
    assert restore(visible("a\u200e\u0301") + "x", "a\u200e\u0301") == "a\u200e\u0301x"


@given(st.lists(st.one_of(HIDDEN, MARKS, st.sampled_from(["a", "日", " "])), max_size=10).map("".join))
def test_no_mark_draws_on_an_escape(text):
    shown = visible(text)
    for index, char in enumerate(shown):
        if unicodedata.category(char).startswith("M"):
            assert not re.search(r"\\(x[0-9a-f]{2}|u[0-9a-f]{4})$", shown[:index])
    assert restore(shown, text) == text


def test_a_mark_that_starts_a_text_or_a_line_is_escaped():
    # It would draw on what the terminal printed before the text: a table's border, the previous column.
    assert visible("\u0301abc") == "\\u0301abc"
    assert visible("\u20dd\u0301a") == "\\u20dd\\u0301a"
    assert visible("a\n\u0301b", line_breaks=True) == "a\n\\u0301b"  # a line of a text area starts at its border
    assert one_line("a\n\u0301b") == "a \\u0301b"  # not on the space that joins the lines
    assert visible("e\u0301 \u0301") == "e\u0301 \u0301"  # on the text's own letter or space it stays
    for text, line_breaks in (("\u0301", False), ("\u0301a\n\u0903", True)):
        shown = visible(text, line_breaks=line_breaks)
        assert restore(shown, text, line_breaks=line_breaks) == text
        assert restore("x" + shown, text, line_breaks=line_breaks, cursor=1) == "x" + text


@given(TEXT, LINE_BREAKS)
def test_no_mark_starts_a_shown_text_or_line(text, line_breaks):
    for line in visible(text, line_breaks=line_breaks).split("\n"):
        assert not line or not unicodedata.category(line[0]).startswith("M")


@pytest.mark.parametrize("char", ["\u3164", "\u115f", "\u1160", "\uffa0", "\u034f", "\u17b4", "\u17b5"])
def test_a_printable_character_that_draws_nothing_is_shown_as_an_escape(char):
    assert visible(f"A{char}B") == f"A{escape_char(char)}B"
    assert restore(visible(f"A{char}B") + "C", f"A{char}B") == f"A{char}BC"
    assert is_blank(char * 3)


def test_a_blank_braille_cell_is_blank_but_shown_as_it_is():
    assert is_blank("\u2800 \u2800") and visible("\u2800") == "\u2800"


def test_only_a_line_break_breaks_a_line_and_invisible_text_is_blank():
    assert text_lines("  A\rB\x85C\u2028D\nE\x1cF \n\n") == ["A\rB\x85C\u2028D", "E\x1cF"]
    assert one_line(" A\n\n B\tC ") == "A B\\x09C"
    assert [is_blank(t) for t in ("", " \u3000\n\t", "\u200b", "\u202e\u2066\x00", "a\u200b", "\u0301")] == [True] * 4 + [
        False
    ] * 2
