"""Wrapping by display width with Japanese line-break rules (禁則): what a wrapped line may start and end with."""

import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpitui.core.text.wrapping import NOT_AT_LINE_END, NOT_AT_LINE_START, cell_width, wrap

KANA_AND_KANJI = "あいうえおかきくけこアイウエオカキクケコ日本語計画受注商談見込顧客獲得"
WORDS = st.text(alphabet="abcdefgKGIWeb0123456789", min_size=1, max_size=6)
# A run of Japanese with at most two characters that may not start a line after it, and an opening
# bracket only before text: the rules can always be kept in a line of 8 cells or more.
JAPANESE = st.builds(
    lambda opener, body, closers: opener + body + closers,
    st.sampled_from(["", "「", "（"]),
    st.text(alphabet=KANA_AND_KANJI, min_size=1, max_size=12),
    st.text(alphabet="、。ー」）ッゃ・！", max_size=2),
)
TEXT = st.lists(st.one_of(JAPANESE, WORDS, st.just(" ")), min_size=1, max_size=30).map("".join)


def no_spaces(text: str) -> str:
    return "".join(text.split())


@given(TEXT, st.integers(min_value=2, max_value=60))
def test_every_line_fits_and_nothing_but_spaces_at_breaks_is_lost(text, width):
    lines = wrap(text, width)
    assert all(cell_width(line) <= width for line in lines)
    assert no_spaces("".join(lines)) == no_spaces(text)


@given(TEXT, st.integers(min_value=8, max_value=60))
def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one(text, width):
    lines = wrap(text, width)
    assert not [line for line in lines[1:] if line[:1] in NOT_AT_LINE_START]
    assert not [line for line in lines[:-1] if line[-1:] in NOT_AT_LINE_END]


@given(TEXT, st.integers(min_value=2, max_value=60))
def test_text_that_fits_is_one_line_as_it_is(text, width):
    if cell_width(text) <= width:
        assert wrap(text, width) == [text]


def test_a_long_vowel_mark_moves_down_with_the_character_before_it():
    assert wrap("インサイドセールス", 12) == ["インサイド", "セールス"]
    assert wrap("資料ダウンロード・問い合わせ", 12) == ["資料ダウン", "ロード・問い", "合わせ"]


def test_a_sentence_end_never_starts_a_line():
    lines = wrap("実績の転換率では最上段に1,632件が必要です。計画では1,600件です。", 26)
    assert lines == ["実績の転換率では最上段に", "1,632件が必要です。計画で", "は1,600件です。"]


def test_figures_keep_their_myriads_and_units():
    assert wrap("売上目標は10億円で受注は20件", 10) == ["売上目標は", "10億円で受", "注は20件"]


def test_english_breaks_at_spaces_and_line_breaks_are_kept():
    assert wrap("At the rates you really see\nyou need more", 12) == ["At the rates", "you really", "see", "you need", "more"]


def test_a_wide_character_is_two_cells():
    assert (cell_width("受注20件"), cell_width("KGI"), cell_width("ｶ")) == (8, 3, 1)


# Texts of about a megabyte (a plan file may hold 4 MiB): words, Japanese, figures with a currency,
# one long word, a long run of spaces, spaces that kinsoku keeps, combining marks, closing marks.
MEGABYTE_TEXTS = {
    "words": "word " * 200_000,
    "japanese": "計画を見直す。" * 50_000,
    "money": "1,000 US$ " * 100_000,
    "one word": "x" * 1_000_000,
    "spaces": "a" + " " * 1_000_000 + "b",
    "kinsoku": ": " * 500_000,
    "marks": "e\u0301" * 500_000,
}


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Fails what runs longer than `seconds` (wrapping a megabyte took hours when it was quadratic)."""

    def late(signum, frame):
        raise TimeoutError(f"over the budget of {seconds} s")

    previous = signal.signal(signal.SIGALRM, late)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("name", MEGABYTE_TEXTS)
@pytest.mark.parametrize("fold", [True, False])
def test_wrapping_a_megabyte_takes_linear_time(name, fold):
    text = MEGABYTE_TEXTS[name]
    with time_budget(8):  # about 0.5 s here; shared cores get room
        lines = wrap(text, 12, fold=fold, units=["US$"])
    assert no_spaces("".join(lines)) == no_spaces(text)


@given(TEXT, st.integers(min_value=2, max_value=60))
def test_for_a_terminal_every_line_fits_or_is_one_word(text, width):
    lines = wrap(text, width, fold=False)
    # One word, or one figure with its currency code (`1 KGI` reads as one).
    assert not [line for line in lines if cell_width(line) > width and not re.fullmatch(r"\S+( [A-Z]{3})?", line.strip())]
    assert no_spaces("".join(lines)) == no_spaces(text)


@pytest.mark.parametrize("currency", ["US$", "yen", "Euro", "JPYX", "US dollars", "円"])
def test_a_figure_keeps_its_currency_whatever_it_is(currency):
    text = f"revenue 1,000,000,000 {currency} ÷ average order 1,000 {currency} = 1,000,000 orders"
    for width in range(8, 40):
        lines = wrap(text, width, fold=False, units=[currency])
        assert f"1,000,000,000 {currency}" in lines[0] + lines[1], (width, lines)
        assert any(f"1,000 {currency}" in line for line in lines), (width, lines)


def test_a_currency_is_a_unit_only_as_a_whole_word():
    assert wrap("1,000 yenned away", 8, fold=False, units=["yen"]) == ["1,000", "yenned", "away"]


def test_when_no_break_that_kinsoku_allows_fits_a_space_still_breaks_the_line():
    text = "[link=https://e.invalid]L[/link] :smile: end"
    assert wrap(text, 38, fold=False) == ["[link=https://e.invalid]L[/link]", ":smile: end"]


def test_the_first_line_may_have_a_width_of_its_own():
    assert wrap("aaa bbb ccc ddd", 7, first=11) == ["aaa bbb ccc", "ddd"]
