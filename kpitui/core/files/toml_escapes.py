"""Saved plan files hold no hidden character raw: `cat` or `git diff` of a shared plan is safe.

Neither tomli-w nor tomlkit escapes more than the C0 controls, so a bidi override, a zero-width
space or an 8-bit CSI (U+009B) in a name or a note would go into the file as it is, and from
there to the terminal of whoever reads it. `escaped` rewrites, in every basic string of a TOML
text (values and quoted keys, one line or several), each character the literal layer escapes
(`safe_text.is_hidden`) as a TOML `\\uXXXX` escape: the file means exactly the same strings.
Comments and literal strings ('...') are left as their author wrote them: kpitui writes neither.
"""

import re

from kpitui.core.text.safe_text import is_hidden, shows_as_written

_STARTS = re.compile("[#'\"]")  # what may start a comment or a string (only saving imports this module)
# Raw in a multi-line basic string, these are its line breaks and spacing (also after a
# line-ending backslash), not characters to escape.
_MULTILINE_SPACING = "\n\r\t"


def escaped(toml: str) -> str:
    """`toml` (valid TOML) with every hidden character inside a basic string written as a `\\u` escape."""
    if shows_as_written(toml.replace("\n", "")):
        return toml  # nearly every save: nothing hidden to rewrite
    parts, index = [], 0
    while index < len(toml):
        char = toml[index]
        if char == "#":
            end = _line_end(toml, index)
        elif char == "'":
            quotes = "'''" if toml.startswith("'''", index) else "'"
            end = _closing(toml, toml.index(quotes, index + len(quotes)), quotes)
        elif char == '"':
            quotes = '"""' if toml.startswith('"""', index) else '"'
            end = _basic_end(toml, index + len(quotes), quotes)
            body = toml[index + len(quotes) : end - len(quotes)]
            keep = _MULTILINE_SPACING if len(quotes) == 3 else ""
            parts.append(quotes + "".join(_escape(c) if is_hidden(c) and c not in keep else c for c in body) + quotes)
            index = end
            continue
        else:
            found = _STARTS.search(toml, index)
            end = found.start() if found else len(toml)
        parts.append(toml[index:end])
        index = end
    return "".join(parts)


def basic_string(text: str) -> str:
    """`text` as a one-line TOML basic string: `\\n`, `\\"` and `\\\\`, every other hidden character as `\\uXXXX`.

    One style for every escape (a `\\u0008` the file had stays that, never becomes `\\b`).
    """
    short = {"\n": "\\n", '"': '\\"', "\\": "\\\\"}
    return '"' + "".join(short.get(c) or (_escape(c) if is_hidden(c) else c) for c in text) + '"'


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _line_end(toml: str, start: int) -> int:
    end = toml.find("\n", start)
    return len(toml) if end < 0 else end


def _basic_end(toml: str, start: int, quotes: str) -> int:
    """Where the basic string whose body starts at `start` ends (after its closing quotes)."""
    index = start
    while not toml.startswith(quotes, index):
        index += 2 if toml[index] == "\\" else 1
    return _closing(toml, index, quotes)


def _closing(toml: str, at: int, quotes: str) -> int:
    """After the closing `quotes` found `at`: a multi-line string's body may end in up to two quote marks."""
    end = at + len(quotes)
    if len(quotes) == 3:
        while end < len(toml) and toml[end] == quotes[0] and end - at < 5:
            end += 1
    return end
