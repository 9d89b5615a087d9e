"""JSON output with exact decimals and nothing that could steer a terminal."""

import json
from decimal import Decimal

from kpitui.core.text.formatting import format_decimal
from kpitui.core.text.safe_text import is_hidden, shows_as_written


def _string(text: str) -> str:
    if text.isascii() and text.isprintable() and '"' not in text and "\\" not in text:
        return f'"{text}"'  # nothing to escape: the usual name, month or status
    # json.dumps escapes C0 controls but not C1 controls, bidi overrides or zero-width characters.
    encoded = json.dumps(text, ensure_ascii=False)
    if shows_as_written(encoded):
        return encoded
    return "".join(_json_escape(c) if is_hidden(c) else c for c in encoded)


def _json_escape(char: str) -> str:
    """One character as a JSON `\\u` escape (a surrogate pair beyond the BMP)."""
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def to_json(value: object, indent: int = 2, level: int = 0) -> str:
    """`value` (dicts, lists, strings, ints, Decimals, None, bools) as indented JSON."""
    pad, inner = " " * (indent * level), " " * (indent * (level + 1))
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = (f"{inner}{_string(k)}: {to_json(v, indent, level + 1)}" for k, v in value.items())
        return "{\n" + ",\n".join(items) + f"\n{pad}}}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        return "[\n" + ",\n".join(f"{inner}{to_json(v, indent, level + 1)}" for v in value) + f"\n{pad}]"
    if isinstance(value, str):
        return _string(value)
    if type(value) is int:
        return str(value)
    if isinstance(value, Decimal):
        return format_decimal(value)
    return json.dumps(value)
