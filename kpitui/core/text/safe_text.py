"""Make untrusted text from plan files safe to show: invisible and control characters become escapes."""

import unicodedata

# Categories that draw nothing or steer the terminal: controls (Cc), format characters such as
# bidi overrides and zero-width joiners (Cf), surrogates (Cs), private use (Co), unassigned (Cn),
# and line/paragraph separators (Zl, Zp).
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def is_hidden(char: str) -> bool:
    """True for a character that must not reach the terminal as itself."""
    return unicodedata.category(char) in _HIDDEN_CATEGORIES


def escape_char(char: str) -> str:
    """The visible escape for one hidden character, as Python writes it (`\\x1b`, `\\u202e`)."""
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def visible(text: str) -> str:
    """`text` with every hidden character replaced by its visible escape; other text unchanged."""
    if text.isprintable():  # fast path: nothing to escape (covers nearly every real name)
        return text
    return "".join(escape_char(c) if is_hidden(c) else c for c in text)
