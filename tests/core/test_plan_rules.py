"""Every rule of plan file format 1 (SPEC 2) refused with one clear message naming file and place."""

import time

import pytest

from kpitui.core.errors import PlanError
from kpitui.core.files.planfile import parse_plan

BASE = """format = 1
[goal]
orders = 20
[[stages]]
name = "A"
rate = 0.5
[[stages]]
name = "B"
"""
SCENARIO = '[[scenarios]]\nname = "s"\n'
START = 'start = "2026-04"\n' + BASE


def edited(old: str, new: str) -> str:
    assert old in BASE
    return BASE.replace(old, new)


CASES = {
    "empty file": ("", "plan.toml: the file is empty: a plan needs format, goal and stages (try `kpitui new`)"),
    "blank file": ("\n  \n", "plan.toml: the file is empty: a plan needs format, goal and stages (try `kpitui new`)"),
    "syntax error": ("format = 1\ntitle = \n", "plan.toml:2:9: invalid TOML: Invalid value"),
    "TOML 1.1 newline in inline table": (
        BASE + SCENARIO + "rates = {\n  A = 0.5,\n}\n",
        "plan.toml:11:10: invalid TOML: Invalid initial character for a key part",
    ),
    "TOML 1.1 \\e escape": (edited('name = "A"', 'name = "A\\e"'), "plan.toml:5:12: invalid TOML: Unescaped '\\' in a string"),
    "NUL byte": (
        edited('name = "A"', 'name = "A\x00"'),
        "plan.toml:5:10: invalid TOML: Illegal character '\\x00': control characters must be written as escapes in strings",
    ),
    "deep nesting": ("x = " + "[" * 5000 + "]" * 5000, "plan.toml: invalid TOML: nested too deeply"),
    "integer too long": (
        "format = " + "1" * 5000,
        "plan.toml:1:10: format: a whole number of 5,000 digits, past every bound of a plan file",
    ),
    "format missing": (BASE.replace("format = 1\n", ""), "plan.toml: format: missing: a plan file starts with format = 1"),
    "format from the future": (
        edited("format = 1", "format = 2"),
        "plan.toml: format: this file has format 2, newer than this kpitui reads (1); upgrade kpitui",
    ),
    "format as text": (edited("format = 1", 'format = "1"'), 'plan.toml: format: must be 1 (got "1")'),
    "format zero": (edited("format = 1", "format = 0"), "plan.toml: format: must be 1 (got 0)"),
    "rate zero": (edited("rate = 0.5", "rate = 0"), "plan.toml: stages[0].rate: must be greater than 0% (got 0)"),
    "rate negative": (edited("rate = 0.5", 'rate = "-5%"'), 'plan.toml: stages[0].rate: must be greater than 0% (got "-5%")'),
    "rate as a percent number": (
        edited("rate = 0.5", "rate = 10"),
        'plan.toml: stages[0].rate: must be at most 100% (got 10); did you mean "10%"?',
    ),
    "rate over 100 %": (edited("rate = 0.5", 'rate = "150%"'), 'plan.toml: stages[0].rate: must be at most 100% (got "150%")'),
    "rate too small": (
        edited("rate = 0.5", "rate = 1e-999999"),
        "plan.toml: stages[0].rate: must be at least 0.0001% (got 1e-999999)",
    ),
    "rate text without %": (
        edited("rate = 0.5", 'rate = "0.5"'),
        'plan.toml: stages[0].rate: a rate written as text needs a percent sign, like "10%" (got "0.5")',
    ),
    "rate not a number": (
        edited("rate = 0.5", 'rate = "abc%"'),
        'plan.toml: stages[0].rate: must be a number or a percentage like "10%" (got "abc%")',
    ),
    "rate boolean": (
        edited("rate = 0.5", "rate = true"),
        'plan.toml: stages[0].rate: must be a number like 0.1 or a percentage like "10%" (got true)',
    ),
    "rate date": (
        edited("rate = 0.5", "rate = 2026-01-01"),
        'plan.toml: stages[0].rate: must be a number like 0.1 or a percentage like "10%" (got a date)',
    ),
    "rate nan": (edited("rate = 0.5", "rate = nan"), "plan.toml: stages[0].rate: must be a finite number (got nan)"),
    "rate inf": (edited("rate = 0.5", "rate = inf"), "plan.toml: stages[0].rate: must be a finite number (got inf)"),
    "rate -inf": (edited("rate = 0.5", "rate = -inf"), "plan.toml: stages[0].rate: must be a finite number (got -inf)"),
    "rate missing": (
        edited("rate = 0.5\n", ""),
        "plan.toml: stages[0].rate: missing: every stage but the last needs its conversion rate to the next",
    ),
    "rate on the last stage": (
        BASE + "rate = 0.5\n",
        "plan.toml: stages[1].rate: the last stage is the KGI stage and has no rate; remove it",
    ),
    "one stage": (
        'format = 1\n[goal]\norders = 20\n[[stages]]\nname = "A"\n',
        "plan.toml: stages: a plan needs at least two stages (got 1)",
    ),
    "stages missing": (
        "format = 1\n[goal]\norders = 20\n",
        "plan.toml: stages: missing: a plan needs at least two [[stages]], top of the funnel first",
    ),
    "stages as a table": (
        'format = 1\n[goal]\norders = 20\n[stages]\nname = "A"\n',
        "plan.toml: stages: must be an array of tables, written [[stages]] (got a table)",
    ),
    "empty stage name": (edited('name = "A"', 'name = ""'), "plan.toml: stages[0].name: a stage needs a name"),
    "blank stage name": (edited('name = "A"', 'name = " \t"'), "plan.toml: stages[0].name: a stage needs a name"),
    "stage name not text": (edited('name = "A"', "name = 3"), "plan.toml: stages[0].name: must be text (got 3)"),
    "stage without name": (edited('name = "A"\n', ""), "plan.toml: stages[0].name: missing: every stage needs a name"),
    "duplicate stage name": (
        edited('name = "B"', 'name = "A"'),
        'plan.toml: stages[1].name: another stage is already called "A"',
    ),
    "unknown stage key": (edited("rate = 0.5", "rat = 0.5"), "plan.toml: stages[0].rat: unknown key; did you mean rate?"),
    "unknown top-level key": ("titel = 'x'\n" + BASE, "plan.toml: titel: unknown key; did you mean title?"),
    "unknown goal key": (edited("orders = 20", "orderz = 20"), "plan.toml: goal.orderz: unknown key; did you mean orders?"),
    "goal missing": (edited("[goal]\norders = 20\n", ""), "plan.toml: goal: missing: give revenue with average_deal, or orders"),
    "goal both ways": (
        edited("orders = 20", "orders = 20\nrevenue = 100\naverage_deal = 10"),
        "plan.toml: goal: give either orders (the KGI as a count) or revenue with average_deal, not both",
    ),
    "goal neither way": (
        edited("orders = 20", "channel_share = 0.5"),
        "plan.toml: goal: give either orders, or revenue together with average_deal",
    ),
    "revenue without average deal": (
        edited("orders = 20", "revenue = 100"),
        "plan.toml: goal: give either orders, or revenue together with average_deal",
    ),
    "negative revenue": (
        edited("orders = 20", "revenue = -1\naverage_deal = 10"),
        "plan.toml: goal.revenue: must be greater than 0 (got -1)",
    ),
    "zero average deal": (
        edited("orders = 20", "revenue = 100\naverage_deal = 0"),
        "plan.toml: goal.average_deal: must be greater than 0 (got 0)",
    ),
    "revenue as text": (
        edited("orders = 20", 'revenue = "lots"\naverage_deal = 10'),
        'plan.toml: goal.revenue: must be a number (got "lots")',
    ),
    "revenue absurd": (
        edited("orders = 20", "revenue = 1e999999\naverage_deal = 10"),
        "plan.toml: goal.revenue: must be less than 1,000,000,000,000,000,000 (got 1e999999)",
    ),
    "orders as a float": (
        edited("orders = 20", "orders = 20.0"),
        ("plan.toml: goal.orders: must be written as a whole number, without a point or an exponent, like 20 (got 20.0)"),
    ),
    "orders boolean": (edited("orders = 20", "orders = true"), "plan.toml: goal.orders: must be a whole number (got true)"),
    "orders zero": (edited("orders = 20", "orders = 0"), "plan.toml: goal.orders: must be greater than 0 (got 0)"),
    "channel share zero": (
        edited("orders = 20", "revenue = 100\naverage_deal = 10\nchannel_share = 0"),
        "plan.toml: goal.channel_share: must be greater than 0% (got 0)",
    ),
    "channel share over one": (
        edited("orders = 20", "revenue = 100\naverage_deal = 10\nchannel_share = 1.2"),
        'plan.toml: goal.channel_share: must be at most 100% (got 1.2); did you mean "1.2%"?',
    ),
    "channel share with orders": (
        edited("orders = 20", "orders = 20\nchannel_share = 0.5"),
        "plan.toml: goal: give either orders (the KGI as a count) or revenue with average_deal, not both",
    ),
    "months zero": ("months = 0\n" + BASE, "plan.toml: months: must be from 1 to 120 (got 0)"),
    "months 121": ("months = 121\n" + BASE, "plan.toml: months: must be from 1 to 120 (got 121)"),
    "months boolean": ("months = true\n" + BASE, "plan.toml: months: must be a whole number of months (got true)"),
    "unknown rounding": ('rounding = "up"\n' + BASE, 'plan.toml: rounding: must be "step" or "once" (got "up")'),
    "title not text": ("title = 2026\n" + BASE, "plan.toml: title: must be text (got 2026)"),
    "scenario unknown stage": (
        BASE + SCENARIO + "rates = { C = 0.5 }\n",
        "plan.toml: scenarios[0].rates.C: no stage has this name (expected one of: A, B)",
    ),
    "scenario overrides the KGI stage": (
        BASE + SCENARIO + "rates = { B = 0.5 }\n",
        "plan.toml: scenarios[0].rates.B: the KGI stage has no rate to override",
    ),
    "scenario bad rate": (
        BASE + SCENARIO + "rates = { A = 0 }\n",
        "plan.toml: scenarios[0].rates.A: must be greater than 0% (got 0)",
    ),
    "duplicate scenario": (BASE + SCENARIO + SCENARIO, 'plan.toml: scenarios[1].name: another scenario is already called "s"'),
    "scenario without name": (
        BASE + "[[scenarios]]\nnote = 'x'\n",
        "plan.toml: scenarios[0].name: missing: every scenario needs a name",
    ),
    "scenario unknown goal field": (
        BASE + SCENARIO + "goal = { order = 3 }\n",
        "plan.toml: scenarios[0].goal.order: unknown key; did you mean orders?",
    ),
    "scenario revenue on a count goal": (
        BASE + SCENARIO + "goal = { channel_share = 0.5 }\n",
        "plan.toml: scenarios[0].goal: the baseline goal is a count of orders: override revenue and average_deal together",
    ),
    "scenario orders and revenue": (
        BASE + SCENARIO + "goal = { orders = 3, revenue = 5 }\n",
        "plan.toml: scenarios[0].goal: override either orders or the revenue fields, not both",
    ),
    "review of unknown stage": (
        BASE + '[review.C]\nalignment = "ok"\n',
        "plan.toml: review.C: no stage has this name (expected one of: A, B)",
    ),
    "review of the KGI stage": (
        BASE + '[review.B]\nalignment = "ok"\n',
        "plan.toml: review.B: this is the KGI stage; only KPI stages (all but the last) are reviewed",
    ),
    "review unknown state": (
        BASE + '[review.A]\nalignment = "yes"\n',
        'plan.toml: review.A.alignment: must be todo, ok or concern (got "yes")',
    ),
    "review unknown key": (BASE + '[review.A]\nnote = "x"\n', "plan.toml: review.A.note: unknown key; did you mean notes?"),
    "start as a TOML date": (
        "start = 2026-04-01\n" + BASE,
        'plan.toml: start: must be a month in quotes (got a date); write start = "2026-04"',
    ),
    "start without a leading zero": (
        'start = "2026-4"\n' + BASE,
        'plan.toml: start: must be a month written "YYYY-MM", like "2026-04" (got "2026-4"); did you mean "2026-04"?',
    ),
    "start not a month": (
        'start = "April"\n' + BASE,
        'plan.toml: start: must be a month written "YYYY-MM", like "2026-04" (got "April")',
    ),
    "start month 13": (
        'start = "2026-13"\n' + BASE,
        'plan.toml: start: must be a month written "YYYY-MM", like "2026-04" (got "2026-13")',
    ),
    "start as a number": (
        "start = 202604\n" + BASE,
        'plan.toml: start: must be a month written as text like "2026-04" (got 202604)',
    ),
    "plan ending after 9999": (
        'start = "9999-06"\n' + BASE,
        "plan.toml: start: a plan of 12 months from 9999-06 would end after the year 9999",
    ),
    "seasonality not an array": (
        "seasonality = 1\n" + BASE,
        "plan.toml: seasonality: must be an array of 12 weights, one a month (got 1)",
    ),
    "seasonality too short": (
        "months = 3\nseasonality = [1, 2]\n" + BASE,
        "plan.toml: seasonality: needs one weight for each of the 3 months (got 2)",
    ),
    "seasonality negative": (
        "months = 2\nseasonality = [1, -1]\n" + BASE,
        "plan.toml: seasonality[1]: must be 0 or more (got -1)",
    ),
    "seasonality all zero": (
        'months = 2\nseasonality = [0, "0%"]\n' + BASE,
        "plan.toml: seasonality: at least one month needs a weight above 0",
    ),
    "seasonality text without %": (
        'months = 2\nseasonality = [1, "2"]\n' + BASE,
        'plan.toml: seasonality[1]: a weight written as text needs a percent sign, like "8%" (got "2")',
    ),
    "seasonality boolean": (
        "months = 2\nseasonality = [1, true]\n" + BASE,
        'plan.toml: seasonality[1]: must be a number like 1.2 or a percentage like "8%" (got true)',
    ),
    "seasonality huge": (
        "months = 2\nseasonality = [1, 1e9]\n" + BASE,
        "plan.toml: seasonality[1]: must be less than 1,000,000 (got 1e9)",
    ),
    "seasonality too many digits": (
        "months = 2\nseasonality = [1, 0.0000001]\n" + BASE,
        "plan.toml: seasonality[1]: has too many digits: at most 6 after the point (got 0.0000001)",
    ),
    "behind_below zero": ("behind_below = 0\n" + BASE, "plan.toml: behind_below: must be greater than 0% (got 0)"),
    "behind_below as a percent number": (
        "behind_below = 90\n" + BASE,
        'plan.toml: behind_below: must be at most 100% (got 90); did you mean "90%"?',
    ),
    "actuals without start": (
        BASE + '[actuals."2026-04"]\nA = 1\n',
        'plan.toml: actuals: recording actuals needs the plan\'s first month: add start = "YYYY-MM" at the top',
    ),
    "actuals month without a leading zero": (
        START + '[actuals."2026-4"]\nA = 1\n',
        'plan.toml: actuals."2026-4": must be a month written "YYYY-MM", like "2026-04" (got "2026-4"); did you mean "2026-04"?',
    ),
    "actuals month as a date": (
        START + '[actuals."2026-04-01"]\nA = 1\n',
        'plan.toml: actuals."2026-04-01": must be a month written "YYYY-MM", like "2026-04" (got "2026-04-01");'
        ' did you mean "2026-04"?',
    ),
    "actuals month before the plan": (
        START + '[actuals."2026-03"]\nA = 1\n',
        'plan.toml: actuals."2026-03": not a month of the plan (2026-04 to 2027-03)',
    ),
    "actuals month after the plan, years wrapped": (
        START + '[actuals."2027-04"]\nA = 1\n',
        'plan.toml: actuals."2027-04": not a month of the plan (2026-04 to 2027-03)',
    ),
    "actuals unknown stage": (
        START + '[actuals."2026-04"]\nC = 1\n',
        'plan.toml: actuals."2026-04".C: no stage has this name (expected one of: A, B)',
    ),
    "actuals misspelt stage": (
        START.replace('"A"', '"Leads"') + '[actuals."2026-04"]\nLead = 1\n',
        'plan.toml: actuals."2026-04".Lead: no stage has this name; did you mean Leads?',
    ),
    "actuals count as a float": (
        START + '[actuals."2026-04"]\nA = 1.0\n',
        'plan.toml: actuals."2026-04".A: must be written as a whole number, without a point or an exponent, like 1 (got 1.0)',
    ),
    "actuals count as text": (
        START + '[actuals."2026-04"]\nA = "12"\n',
        'plan.toml: actuals."2026-04".A: must be a whole number (got "12")',
    ),
    "actuals count boolean": (
        START + '[actuals."2026-04"]\nA = true\n',
        'plan.toml: actuals."2026-04".A: must be a whole number (got true)',
    ),
    "actuals count negative": (
        START + '[actuals."2026-04"]\nA = -1\n',
        'plan.toml: actuals."2026-04".A: must be from 0 to 1,000,000,000,000 (got -1)',
    ),
    "actuals count too large": (
        START + '[actuals."2026-04"]\nA = 1_000_000_000_001\n',
        'plan.toml: actuals."2026-04".A: must be from 0 to 1,000,000,000,000 (got 1000000000001)',
    ),
    "actuals not tables": (
        "actuals = 3\n" + START,
        'plan.toml: actuals: must be tables of counts, written [actuals."2026-04"] (got 3)',
    ),
    "actuals month not a table": (
        START + '[actuals]\n"2026-04" = 5\n',
        'plan.toml: actuals."2026-04": must be a table (got 5)',
    ),
    "review key path quotes names": (
        BASE.replace('"A"', '"見込み"') + '[review."見込み"]\nalignment = "fine"\n',
        'plan.toml: review."見込み".alignment: must be todo, ok or concern (got "fine")',
    ),
    # Hostile numbers: bounds are checked on the digits as written, before any arithmetic.
    "rate overflowing": (
        edited("rate = 0.5", 'rate = "1e999999999%"'),
        'plan.toml: stages[0].rate: must be at most 100% (got "1e999999999%")',
    ),
    "rate underflowing": (
        edited("rate = 0.5", 'rate = "1e-999999999%"'),
        'plan.toml: stages[0].rate: must be at least 0.0001% (got "1e-999999999%")',
    ),
    "rate with two percent signs": (
        edited("rate = 0.5", 'rate = "10%%"'),
        'plan.toml: stages[0].rate: must be a number or a percentage like "10%" (got "10%%")',
    ),
    "rate past 28 digits": (
        edited("rate = 0.5", "rate = 0.1000000000000000000000000000001"),
        "plan.toml: stages[0].rate: has too many digits: at most 10 after the point of a percentage"
        " (got 0.1000000000000000000000000000001)",
    ),
    "percent past 28 digits": (
        edited("rate = 0.5", 'rate = "10.00000000000000000000000000001%"'),
        "plan.toml: stages[0].rate: has too many digits: at most 10 after the point of a percentage"
        ' (got "10.00000000000000000000000000001%")',
    ),
    "rate of a hundred thousand digits": (
        edited("rate = 0.5", "rate = 0.1" + "0" * 100_000 + "1"),
        "plan.toml: stages[0].rate: has too many digits: at most 10 after the point of a percentage"
        " (got a number of 100,003 digits)",
    ),
    "share overflowing": (
        edited("orders = 20", 'revenue = 100\naverage_deal = 10\nchannel_share = "1e999999999%"'),
        'plan.toml: goal.channel_share: must be at most 100% (got "1e999999999%")',
    ),
    "share underflowing": (
        edited("orders = 20", 'revenue = 100\naverage_deal = 10\nchannel_share = "1e-999999999%"'),
        'plan.toml: goal.channel_share: has too many digits: at most 10 after the point of a percentage (got "1e-999999999%")',
    ),
    "revenue past 28 digits": (
        edited("orders = 20", "revenue = 1.0000000000000000000000000000001\naverage_deal = 1"),
        "plan.toml: goal.revenue: has too many decimal places: at most 6 (got 1.0000000000000000000000000000001)",
    ),
    "exponent past any Decimal, and in a comment and a string before it": (
        '# rate = 1e999999999999999999999\ntitle = "1e999999999999999999999"\n'
        + edited("rate = 0.5", "rate = 1e999999999999999999999"),
        "plan.toml:8:8: out of range: the exponent is past any bound (got 1e999999999999999999999)",
    ),
    "exponent past any Decimal": (
        edited("rate = 0.5", "rate = 1e999999999999999999999"),
        "plan.toml:6:8: out of range: the exponent is past any bound (got 1e999999999999999999999)",
    ),
    "scenario rate overflowing": (
        BASE + SCENARIO + 'rates = { A = "1e999999999%" }\n',
        'plan.toml: scenarios[0].rates.A: must be at most 100% (got "1e999999999%")',
    ),
    "orders of 4000 digits": (
        edited("orders = 20", "orders = " + "9" * 4000),
        "plan.toml: goal.orders: must be at most 1,000,000,000,000 (got a number of 4,000 digits)",
    ),
    # Figures the plan implies: every one must be computable and printable.
    "KGI from revenue past the KGI bound": (
        edited("orders = 20", "revenue = 999_999_999_999_999_999\naverage_deal = 0.000001"),
        "plan.toml: goal: the KGI would be 999,999,999,999,999,999,000,000 (revenue ÷ average order × channel share),"
        " over the largest KGI, 1,000,000,000,000",
    ),
    "scenario KGI from revenue past the KGI bound": (
        edited("orders = 20", "revenue = 100\naverage_deal = 10")
        + SCENARIO
        + "goal = { revenue = 999_999_999_999_999_999, average_deal = 0.000001 }\n",
        'plan.toml: scenarios[0].goal: in scenario "s", the KGI would be 999,999,999,999,999,999,000,000'
        " (revenue ÷ average order × channel share), over the largest KGI, 1,000,000,000,000",
    ),
    "targets past the target bound": (
        "format = 1\n[goal]\norders = 20\n"
        + "".join(f'[[stages]]\nname = "{name}"\nrate = 0.000001\n' for name in "ABC")
        + '[[stages]]\nname = "D"\n',
        'plan.toml: stages: the target of "A" would be over 1,000,000,000,000,000,000, the largest target:'
        " these rates are too small for a KGI of 20",
    ),
    "scenario targets past the target bound": (
        "format = 1\n[goal]\norders = 20_000_000\n"
        + "".join(f'[[stages]]\nname = "{name}"\nrate = 0.001\n' for name in "AB")
        + '[[stages]]\nname = "C"\n'
        + SCENARIO
        + "rates = { A = 0.000001, B = 0.000001 }\n",
        'plan.toml: scenarios[0].rates: in scenario "s", the target of "A" would be over 1,000,000,000,000,000,000,'
        " the largest target: these rates are too small for a KGI of 20,000,000",
    ),
    # Look-alike names: the same name in NFC and NFD is one name.
    "stage names alike in NFC and NFD": (
        edited('name = "B"', 'name = "e\u0301"').replace('name = "A"', 'name = "\u00e9"'),
        'plan.toml: stages[1].name: another stage is already called "\u00e9"'
        " (the same name, written with other Unicode code points)",
    ),
    "scenario names alike in NFC and NFD": (
        BASE + '[[scenarios]]\nname = "Caf\u00e9"\n[[scenarios]]\nname = "Cafe\u0301"\n',
        'plan.toml: scenarios[1].name: another scenario is already called "Caf\u00e9"'
        " (the same name, written with other Unicode code points)",
    ),
}


DIGITS = "9" * 5000  # more than Python converts from text (4,300)
MESSAGE = "a whole number of 5,000 digits, past every bound of a plan file"
LONG_INTEGERS = {
    "orders": (edited("orders = 20", f"orders = {DIGITS}"), f"plan.toml:3:10: goal.orders: {MESSAGE}"),
    "negative, with underscores": (
        edited("orders = 20", "orders = -" + "1_" * 4400 + "1"),
        "plan.toml:3:10: goal.orders: a whole number of 4,401 digits, past every bound of a plan file",
    ),
    "a stage's rate, after the same digits in a comment and a string": (
        f"# {DIGITS}\ntitle = '{DIGITS}'\n" + edited("rate = 0.5", f"rate = {DIGITS}"),
        f"plan.toml:8:8: stages[0].rate: {MESSAGE}",
    ),
    "a key of digits is no number": (f"{DIGITS} = 1\nx = {DIGITS}\n", f"plan.toml:2:5: x: {MESSAGE}"),
    "seasonality": (f"months = 2\nseasonality = [1, {DIGITS}]\n" + BASE, f"plan.toml:2:19: seasonality[1]: {MESSAGE}"),
    "actuals": (START + f'[actuals."2026-04"]\nA = {DIGITS}\n', f'plan.toml:11:5: actuals."2026-04".A: {MESSAGE}'),
    "the first of two": (
        BASE + SCENARIO + f"rates = {{ A = {DIGITS} }}\nx = [[1, {DIGITS}]]\n",
        f"plan.toml:11:15: scenarios[0].rates.A: {MESSAGE}",
    ),
    "a long file read by the fast actuals reader": (
        START + f"# {'-' * 40_000}\n" + f'[actuals."2026-04"]\nA = {DIGITS}\n',
        f'plan.toml:12:5: actuals."2026-04".A: {MESSAGE}',
    ),
    "a long file, in the part before its actuals": (
        edited("orders = 20", f"orders = {DIGITS}") + f"# {'-' * 40_000}\n" + '[actuals."2026-04"]\nA = 1\n',
        f"plan.toml:3:10: goal.orders: {MESSAGE}",
    ),
}
# Placed at its line and column (tomllib says nowhere) and named by its key path.
CASES |= {f"integer longer than Python converts: {name}": case for name, case in LONG_INTEGERS.items()}

# Issue 9: numbers written as text follow the rules of what a person types: ASCII or full-width
# digits only (Python reads `٣` as 3), and a separator only between groups of three digits.
DIGITS_MESSAGE = "write digits as 0-9 (or full-width ０-９)"
GROUPING = "a comma (or _) goes only between groups of three digits, like 1,000 or 12,345,678; use a point for decimals, like 1.5"
CASES |= {
    "rate in Arabic-Indic digits": (
        edited("rate = 0.5", 'rate = "٣%"'),
        f'plan.toml: stages[0].rate: {DIGITS_MESSAGE} (got "٣%")',
    ),
    "share in Devanagari digits": (
        edited("orders = 20", 'revenue = 100\naverage_deal = 10\nchannel_share = "३०%"'),
        f'plan.toml: goal.channel_share: {DIGITS_MESSAGE} (got "३०%")',
    ),
    "weight in Arabic-Indic digits": (
        'months = 2\nseasonality = [1, "٣%"]\n' + BASE,
        f'plan.toml: seasonality[1]: {DIGITS_MESSAGE} (got "٣%")',
    ),
    "start in Arabic-Indic digits": ('start = "٢٠٢٦-٠٤"\n' + BASE, f'plan.toml: start: {DIGITS_MESSAGE} (got "٢٠٢٦-٠٤")'),
    "actuals month in Arabic-Indic digits": (
        START + '[actuals."٢٠٢٦-٠٤"]\nA = 1\n',
        f'plan.toml: actuals."٢٠٢٦-٠٤": {DIGITS_MESSAGE} (got "٢٠٢٦-٠٤")',
    ),
    "rate with an underscore": (edited("rate = 0.5", 'rate = "1_0%"'), f'plan.toml: stages[0].rate: {GROUPING} (got "1_0%")'),
    "rate with a decimal comma": (edited("rate = 0.5", 'rate = "1,5%"'), f'plan.toml: stages[0].rate: {GROUPING} (got "1,5%")'),
    # a number written with a point or an exponent is quoted as the file writes it, never as its value
    "months with an exponent": (
        "months = 0.1e1\n" + BASE,
        "plan.toml: months: must be written as a whole number, without a point or an exponent, like 1 (got 0.1e1)",
    ),
    "orders with an exponent": (
        edited("orders = 20", "orders = 0.2e2"),
        "plan.toml: goal.orders: must be written as a whole number, without a point or an exponent, like 20 (got 0.2e2)",
    ),
    "an actual count with an exponent": (
        START + '[actuals."2026-04"]\nA = 0.1e1\n',
        'plan.toml: actuals."2026-04".A: must be written as a whole number, without a point or an exponent, like 1 (got 0.1e1)',
    ),
}


def test_an_integer_of_a_whole_plan_file_is_placed_within_a_time_budget():
    text = edited("orders = 20", "orders = " + "9" * 4_000_000)
    began = time.perf_counter()
    with pytest.raises(PlanError, match=r"^plan\.toml:3:10: goal\.orders: a whole number of 4,000,000 digits"):
        parse_plan(text, "plan.toml")
    assert time.perf_counter() - began < 10  # tomllib alone takes about 0.6 s to match the digits


@pytest.mark.parametrize(("text", "message"), CASES.values(), ids=CASES.keys())
def test_bad_plan_is_refused_with_one_clear_message(text, message):
    with pytest.raises(PlanError) as caught:
        parse_plan(text, "plan.toml")
    assert str(caught.value) == message


def test_hostile_text_in_a_message_is_made_visible():
    text = BASE.replace('name = "B"', 'name = "A"').replace('"A"', '"A\\u001b[31m\\u202e"')
    with pytest.raises(PlanError) as caught:
        parse_plan(text, "plan.toml")
    assert str(caught.value) == 'plan.toml: stages[1].name: another stage is already called "A\\x1b[31m\\u202e"'


def test_base_plan_is_valid():
    plan = parse_plan(BASE, "plan.toml")
    assert plan.stage_names() == ["A", "B"]


def test_percent_strings_and_fractions_are_the_same_rate():
    a = parse_plan(edited("rate = 0.5", 'rate = "50%"'), "p")
    b = parse_plan(edited("rate = 0.5", 'rate = " 50 %"'), "p")
    c = parse_plan(BASE, "p")
    assert a.stages[0].rate == b.stages[0].rate == c.stages[0].rate
    ten = parse_plan(edited("rate = 0.5", 'rate = "10%"'), "p").stages[0].rate
    assert ten == parse_plan(edited("rate = 0.5", "rate = 0.1"), "p").stages[0].rate
    assert str(ten) == "0.1"  # exactly one tenth, not 0.1000000000000000055...
