"""CSV for the spreadsheet its reader opens: Excel in Japan reads UTF-8 only after a byte-order mark."""

from kpitui.core.text.i18n import language

BOM = "\ufeff"


def spreadsheet(text: str) -> str:
    """`text` (a whole CSV) with a UTF-8 BOM in front when the language is Japanese (SPEC 7)."""
    return BOM + text if language() == "ja" else text
