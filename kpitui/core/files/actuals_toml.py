"""A fast reader for the `[actuals."YYYY-MM"]` tables that end a plan file, for long-running plans.

Ten years of actuals for 200 stages is 24,000 lines, and the standard library's TOML parser takes
about a third of a second over them, while `kpitui status` must start in about the time Python
loads tomllib and Rich. The tables kpitui writes are the simplest TOML there is (a header, then
`name = 123` lines), so the tail of the file made only of such lines is read here, exactly as
tomllib would read it, and the rest by tomllib. Anything else (an escape, a float, a duplicate,
a table header of another shape) returns None and the whole file goes to tomllib, so errors are
always tomllib's own, with their line and column.
"""

import re

_TEXT = r'[^"\\\x00-\x08\x0a-\x1f\x7f]*'  # a basic string with no escapes: read as written
# One line of an actuals table: a header, a `name = count` entry, or nothing; each with a comment.
_LINE = re.compile(
    r"[ \t]*(?:"
    r'\[actuals\."(?P<month>' + _TEXT + r')"\]'
    r'|(?:(?P<bare>[A-Za-z0-9_-]+)|"(?P<quoted>' + _TEXT + r')")[ \t]*=[ \t]*(?P<count>0|[1-9][0-9]{0,17})'
    r")?[ \t]*(?:#[^\x00-\x08\x0a-\x1f\x7f]*)?\r?(?:\n|\Z)"
)
_FIRST = re.compile(r'^[ \t]*\[actuals\."', re.MULTILINE)


def split_actuals(text: str) -> tuple[str, dict[str, dict[str, int]]] | None:
    """(the text before the actuals tables, the tables by month key), or None to leave it all to tomllib."""
    first = _FIRST.search(text)
    if first is None:
        return None
    tables: dict[str, dict[str, int]] = {}
    current: dict[str, int] | None = None
    position = first.start()
    for line in _LINE.finditer(text, position):
        if line.start() != position:
            return None  # a line of another shape
        position = line.end()
        month, count = line["month"], line["count"]
        if month is not None:
            if month in tables:
                return None
            current = tables[month] = {}
        elif count is not None:
            key = line["bare"] if line["bare"] is not None else line["quoted"]
            if current is None or key in current:
                return None
            current[key] = int(count)
        if position == len(text):
            break
    if position != len(text):
        return None
    return text[: first.start()], tables
