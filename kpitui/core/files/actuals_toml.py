"""A fast reader for the `[actuals."YYYY-MM"]` tables that end a plan file, for long-running plans.

Ten years of actuals for 200 stages is 24,000 lines, and the standard library's TOML parser takes
about a third of a second over them, while `kpitui status` must start in about the time Python
loads tomllib and Rich. The tables kpitui writes are the simplest TOML there is (a header, then
`name = 123` lines), so the tail of the file made only of such lines is read here, exactly as
tomllib would read it, and the rest by tomllib. Anything else (an escape, a float, a duplicate,
a table header of another shape) returns None and the whole file goes to tomllib, so errors are
always tomllib's own, with their line and column.
"""

import operator
import re

# Patterns as text: `re` compiles each on first use (and caches it), not on every command's start-up.
_TEXT = r'[^"\\\x00-\x08\x0a-\x1f\x7f]*'  # a basic string with no escapes: read as written
_END = r"[ \t]*(?:#[^\n]*)?\r?$"  # trailing blanks and a comment (control characters are refused apart)
_HEADER = r'(?m)^[ \t]*\[actuals\."(' + _TEXT + r')"\]' + _END
_ENTRY = r'(?m)^[ \t]*([A-Za-z0-9_-]+|"' + _TEXT + r'")[ \t]*=[ \t]*(0|[1-9][0-9]{0,17})' + _END
_BLANK = r"(?m)^[ \t]*(?:#[^\n]*)?\r?$"  # a line of blanks and perhaps a comment
_CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"  # never valid outside escapes, nor is a lone \r
_UNQUOTE = operator.methodcaller("strip", '"')


def split_actuals(text: str) -> tuple[str, dict[str, dict[str, int]]] | None:
    """(the text before the actuals tables, the tables by month key), or None to leave it all to tomllib.

    Every line of the tail must be a header, a `name = count` entry, or blanks and a comment: the
    headers and entries found must account for every line with content, else tomllib decides.
    """
    first = re.search(_HEADER, text)
    if first is None:
        return None
    tail = text[first.start() :]
    if re.search(_CONTROL, tail) or ("\r" in tail and re.search(r"\r(?!\n)", tail)):
        return None
    parts = re.split(_HEADER, tail)  # "", month, its lines, month, its lines …
    tables: dict[str, dict[str, int]] = {}
    found = 0
    for month, body in zip(parts[1::2], parts[2::2], strict=True):
        entries = re.findall(_ENTRY, body)
        keys, counts = zip(*entries, strict=True) if entries else ((), ())
        table = dict(zip(map(_UNQUOTE, keys), map(int, counts), strict=True))  # no Python-level loop
        if month in tables or len(table) != len(entries):
            return None  # a month or a stage twice: tomllib's error to report
        tables[month] = table
        found += 1 + len(entries)
    if found != tail.count("\n") + 1 - len(re.findall(_BLANK, tail)):
        return None  # a line of another shape
    return text[: first.start()], tables
