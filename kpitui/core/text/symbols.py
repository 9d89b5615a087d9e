"""Signs that take the same width in every terminal, for Japanese (SPEC 7, issue 13).

Characters of East Asian Width "A" (ambiguous: `—` `·` `…` `│` `█` `◆` `→` `×` `÷` …) take one
cell in a Western terminal and two in an East Asian one, so columns and bars drawn with them
break apart for exactly the people who read Japanese. In Japanese, kpitui shows a stand-in that
is narrow (ASCII) or wide (full-width) everywhere. The check mark and ballot X (`✓` `✗`) and the
light shade `░` are not "A" in Unicode, but East Asian fonts draw them wide: replaced too.
"""

import unicodedata

from kpitui.core.text.i18n import language

# The sign kpitui draws in English → what it draws in Japanese.
STAND_INS = {
    "—": "-",  # a cell with no figure, a title's dash
    "·": "・",  # between parts of a line (wide everywhere)
    "…": "...",
    "│": "|",  # the on-pace mark of a bar
    "┃": "|",
    "█": "#",  # a bar's fill
    "░": ".",  # a bar's part still to go
    "◆": "*",  # the KGI stage
    "●": "*",  # modified
    "→": "->",
    "×": "x",
    "÷": "/",
    "✓": "OK",
    "✗": "x",
}


def sign(english: str) -> str:
    """`english` (one of `STAND_INS`' keys) as the interface language draws it."""
    return STAND_INS.get(english, english) if language() == "ja" else english


def unambiguous(text: str) -> str:
    """`text` with every sign of `STAND_INS` replaced, in Japanese; as it is in English."""
    if language() != "ja" or text.isascii():
        return text
    return "".join(STAND_INS.get(char, char) for char in text)


def ambiguous_width(text: str) -> set[str]:
    """The characters of `text` whose width depends on the terminal (East Asian Width "A")."""
    return {char for char in text if not char.isascii() and unicodedata.east_asian_width(char) == "A"}
