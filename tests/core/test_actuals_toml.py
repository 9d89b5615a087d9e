"""The fast reader of actuals tables reads exactly what tomllib reads, or steps aside."""

import tomllib
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from kpitui.core.files.actuals_toml import split_actuals
from kpitui.core.files.planfile import _parse_toml
from kpitui.core.files.schema import plan_to_toml
from tests.core.test_planfile import rich_plans

TAIL = """[actuals."2026-04"]
Visits = 1510   # from the analytics tool
"見込み 顧客" = 0

# May
[actuals."2026-05"]\r
Visits = 1620\r
"""


def same_as_tomllib(text: str) -> None:
    try:
        expected = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        try:
            _parse_toml(text, fast_from=0)
        except tomllib.TOMLDecodeError as mine:
            assert str(mine) == str(error)  # the same message, line and column
            return
        raise AssertionError(f"accepted what tomllib refuses: {error}") from None
    assert _parse_toml(text, fast_from=0) == expected  # the fast reader whatever the size


def test_plain_tables_are_read_fast():
    head, tables = split_actuals("format = 1\n\n" + TAIL)
    assert head == "format = 1\n\n"
    assert tables == {"2026-04": {"Visits": 1510, "見込み 顧客": 0}, "2026-05": {"Visits": 1620}}
    same_as_tomllib("format = 1\n" + TAIL)


def test_anything_else_goes_to_tomllib():
    for odd in ["Visits = 1_510\n", "Visits = 1.5\n", '"A\\u0041" = 1\n', "Visits = 1\nVisits = 2\n", "x.y = 1\n", "[other]\n"]:
        assert split_actuals(TAIL + odd) is None, odd
        same_as_tomllib("format = 1\n" + TAIL + odd)
    assert split_actuals(TAIL + TAIL) is None  # a month twice is tomllib's error to report
    same_as_tomllib("format = 1\n" + TAIL + TAIL)
    same_as_tomllib("[actuals]\nx = 1\n" + TAIL)  # the head has actuals too: tomllib decides
    same_as_tomllib('notes = """\n' + TAIL + '"""\n')  # inside a multi-line string it is text


@given(rich_plans())
def test_any_saved_plan_reads_the_same(plan):
    same_as_tomllib(plan_to_toml(plan))


@given(rich_plans(), st.text(max_size=8), st.integers(0, 10_000))
def test_any_damage_to_a_saved_plan_reads_the_same_or_fails_the_same(plan, junk, where):
    text = plan_to_toml(plan)
    where = len(text) - where % (len(text) + 1)  # mostly near the end, where the actuals are
    same_as_tomllib(text[:where] + junk + text[where:])
