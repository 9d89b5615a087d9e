"""CSV for the spreadsheet its reader opens: Excel in Japan reads UTF-8 only after a byte-order mark."""

import codecs
import sys

from kpitui.core.text.i18n import language

BOM = "\ufeff"


def spreadsheet(text: str) -> str:
    """`text` (a whole CSV) with a UTF-8 BOM in front when the language is Japanese (SPEC 7)
    and the output is UTF-8: in another encoding (CP932, ASCII) a BOM means nothing, or prints as `\\ufeff`."""
    return BOM + text if language() == "ja" and _output_is_utf8() else text


def _output_is_utf8() -> bool:
    try:
        return codecs.lookup(getattr(sys.stdout, "encoding", None) or "utf-8").name == "utf-8"
    except LookupError:
        return False
