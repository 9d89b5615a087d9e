"""Money in 万/億/兆, exact both ways, and numbers typed the way a Japanese keyboard types them (SPEC 7)."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpitui.core.domain.quantities import MAX_MONEY, MAX_MONEY_PLACES
from kpitui.core.session.typed_input import (
    TYPED_GOAL_PARSERS,
    parse_percent_input,
    parse_typed_money,
    parse_typed_number,
    parse_typed_whole,
)
from kpitui.core.text.formatting import format_money
from kpitui.core.text.i18n import set_language
from kpitui.core.text.myriads import format_myriads, parse_myriads

# Every amount a plan can hold: above 0, below MAX_MONEY, at most MAX_MONEY_PLACES decimals.
SMALLEST = Decimal(1).scaleb(-MAX_MONEY_PLACES)
amounts = st.one_of(
    st.integers(min_value=1, max_value=int(MAX_MONEY) - 1).map(Decimal),
    st.integers(min_value=1, max_value=int(MAX_MONEY / SMALLEST) - 1).map(lambda n: n * SMALLEST),
    st.sampled_from([10**4, 10**8, 10**12, 10**16, 10**4 + Decimal("0.5"), 10**8 + 1]).map(Decimal),
)


def full_width(text: str) -> str:
    """`text` as typed with the IME on: every ASCII letter, digit and sign in its full-width form."""
    return text.translate({code: code + 0xFEE0 for code in range(0x21, 0x7F)} | {0x20: 0x3000})


@pytest.mark.parametrize(
    ("amount", "currency", "shown"),
    [
        (1_000_000_000, "JPY", "10億円"),
        (10_000_000, "JPY", "1,000万円"),
        (1_234_567_890, "JPY", "12億3,456万7,890円"),
        (1_500_000, "USD", "150万 USD"),
        (1_500_000, "円", "150万円"),
        (1_500_000, "jpy", "150万円"),
        (1_500_000, "", "150万"),
        (9_999, "JPY", "9,999円"),
        (10_001, "JPY", "1万1円"),
        (3 * 10**12 + 5 * 10**8, "JPY", "3兆5億円"),
        (999_999_999_999_999_999, "JPY", "999,999兆9,999億9,999万9,999円"),
        (Decimal("10000.5"), "USD", "1万0.5 USD"),
        (Decimal("1234.000001"), "USD", "1,234.000001 USD"),
        (Decimal("0.25"), "", "0.25"),
    ],
)
def test_japanese_money_is_written_in_myriads_and_never_rounded(amount, currency, shown):
    assert format_money(Decimal(amount), currency, language="ja") == shown


def test_format_money_follows_the_interface_language():
    assert format_money(Decimal(1_000_000_000), "JPY") == "1,000,000,000 JPY"
    set_language("ja")
    assert format_money(Decimal(1_000_000_000), "JPY") == "10億円"
    assert format_money(Decimal(1_000_000_000), "JPY", language="en") == "1,000,000,000 JPY"


def test_a_negative_change_keeps_its_sign():
    assert format_myriads(Decimal(-12_345_678)) == "-1,234万5,678"


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("10億", 1_000_000_000),
        ("1,000万", 10_000_000),
        ("1000万円", 10_000_000),
        ("12億3,456万7,890円", 1_234_567_890),
        ("１０００万", 10_000_000),
        ("１２億", 1_200_000_000),
        ("１，０００", 1_000),
        ("１，０００円", 1_000),
        ("￥１，０００", 1_000),
        (" 1.5億 ", 150_000_000),
        ("1兆0.000001", Decimal("1000000000000.000001")),
        ("10億円", 1_000_000_000),
    ],
)
def test_money_is_accepted_as_japanese_users_type_it(language, typed, amount):
    set_language(language)
    assert parse_typed_money(typed) == amount
    assert TYPED_GOAL_PARSERS["revenue"](typed) == amount


@pytest.mark.parametrize("language", ["en", "ja"])
def test_full_width_rates_and_counts_are_accepted(language):
    set_language(language)
    assert parse_percent_input("４５％") == Decimal("0.45")
    assert parse_percent_input("２．５　％") == Decimal("0.025")
    assert parse_typed_whole("１，６００") == 1600
    assert parse_typed_whole("1万") == 10_000  # a top-of-funnel count typed in myriads
    assert TYPED_GOAL_PARSERS["orders"]("２０") == 20


@pytest.mark.parametrize("typed", ["1億20000万", "1万10000", "万", "億1", "1万億", "1,000万USD", "10²", "1e3万"])
def test_what_is_not_a_number_in_myriads_is_refused(typed):
    with pytest.raises(ValueError):
        parse_typed_number(typed)


def test_superscripts_are_not_folded_into_digits():
    with pytest.raises(ValueError):  # NFKC would read 10² as 102: only the width is folded
        parse_typed_whole("10²")


def test_the_refusal_reads_in_japanese(japanese):
    with pytest.raises(ValueError, match="^最初の単位より後ろの各部分は9,999までにしてください.*入力値「1億20000万」"):
        parse_myriads("1億20000万")


@given(amounts)
def test_what_japanese_money_shows_parses_back_to_the_same_amount(amount):
    for currency in ("JPY", "円", ""):
        assert parse_typed_money(format_money(amount, currency, language="ja")) == amount


@given(amounts)
def test_what_english_money_shows_parses_back_to_the_same_amount(amount):
    assert parse_typed_money(format_money(amount, language="en")) == amount


@given(amounts, st.sampled_from(["ja", "en"]))
def test_full_width_money_is_the_same_as_half_width(amount, language):
    shown = format_money(amount, "円" if language == "ja" else "", language=language)
    assert parse_typed_money(full_width(shown)) == parse_typed_money(shown) == amount


@given(st.integers(min_value=1, max_value=10**6).map(lambda n: Decimal(n).scaleb(-4)))
def test_full_width_percentages_are_the_same_as_half_width(percent):
    typed = f"{percent:f}%"
    assert parse_percent_input(full_width(typed)) == parse_percent_input(typed)


@given(st.text(alphabet="0123456789,.万億兆円%-+ ", max_size=20))
def test_full_width_text_parses_exactly_as_half_width_or_is_refused_alike(typed):
    def outcome(text):
        try:
            return parse_typed_number(text)
        except ValueError:
            return "refused"

    assert outcome(full_width(typed)) == outcome(typed)
