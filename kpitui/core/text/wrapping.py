"""Wrapping text to a width in terminal cells, the way Japanese is set (SPEC 7, issue 13).

Japanese has no spaces between words: a line may break between almost any two characters, but
never before the characters that cannot start a line (「ー」「、」「。」, closing brackets, small
kana: 行頭禁則) nor after an opening bracket (行末禁則). When the break would fall there, the
character before it moves down with it (追い出し): terminals have no room to hang punctuation
past the edge. Words of Latin script break at spaces, as in English; a number keeps its 万/億/兆
and its unit (`1,000万円`, `20件`, `1,000,000,000 JPY`). A wide character (CJK, full-width) takes two cells.
"""

import re
import unicodedata
from collections.abc import Collection

# JIS X 4051's characters that may not start a line: closing brackets and quotes, hyphens and
# dashes, punctuation, the prolonged sound mark, iteration marks and small kana.
NOT_AT_LINE_START = frozenset(
    ")]}）〕］｝〉》」』】〙〗〟’”｠»"
    "‐゠–〜～"
    "、。，．・：；？！‼⁇⁈⁉,.:;?!"
    "ーヽヾゝゞ々〻"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "%％"
)
# ...and the opening brackets and quotes that may not end one.
NOT_AT_LINE_END = frozenset("([{（〔［｛〈《「『【〘〖〝‘“｟«")
# What follows a figure without a break: myriads and the units kpitui writes after numbers.
_UNITS = frozenset("万億兆円件")
# The space between a figure and its currency code (`10,000,000 JPY`, `150万 USD`) is no break.
_CURRENCY_AFTER = re.compile(r" [A-Z]{3}(?![A-Za-z])")


def is_wide(char: str) -> bool:
    """Two cells wide in a terminal: the CJK characters and full-width forms."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def char_width(char: str) -> int:
    """Cells a character takes in a terminal: 2 for wide and full-width, 0 for combining marks, else 1."""
    if char.isascii():
        return 1
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if is_wide(char) else 1


def cell_width(text: str) -> int:
    """Cells `text` takes in a terminal."""
    return len(text) if text.isascii() else sum(map(char_width, text))


def _breakable(before: str, after: str) -> bool:
    """Whether a line may break between `before` and `after` (neither a space)."""
    if after in NOT_AT_LINE_START or before in NOT_AT_LINE_END:
        return False
    if after in _UNITS and (before.isdigit() or before in _UNITS):
        return False
    if before in _UNITS and after.isdigit():  # `12億` `3,456万`
        return False
    # Between two narrow letters or digits is inside a word; anything wide may break.
    return char_width(before) == 2 or char_width(after) == 2


def _glue_end(text: str, index: int, units: Collection[str]) -> int:
    """Where the unit that the space at `index` joins to the figure before it ends; 0 when it joins none.

    A figure keeps its currency: a code of three capitals (`JPY`) or any of `units` (a plan's
    currency as written, `US$`, `yen`, `US dollars`).
    """
    before = text[index - 1]
    if not (before.isdigit() or before in _UNITS):
        return 0
    if code := _CURRENCY_AFTER.match(text, index):
        return code.end()
    for unit in units:
        end = index + 1 + len(unit)
        if unit and text.startswith(unit, index + 1) and (end == len(text) or not (unit[-1].isalnum() and text[end].isalnum())):
            return end
    return 0


def _may_start_line(text: str, index: int) -> bool:
    """Whether what follows the run of spaces at `index` may start a line (kinsoku)."""
    while index < len(text) and text[index].isspace():  # only the first space of a run asks: linear
        index += 1
    return text[index : index + 1] not in NOT_AT_LINE_START


def _line_end(text: str, start: int, width: int, fold: bool, units: Collection[str]) -> int:
    """Where the line from `start` ends (exclusive).

    At the last break that fits; when none fits, `fold` cuts at the edge, and without it the line
    breaks at a space that kinsoku would rather keep, else one figure or word wider than `width`
    stands alone, whole. One pass over the line: the whole text is wrapped in linear time.
    """
    column, last_break, last_space, glued_until, over = 0, -1, -1, start, False
    for index in range(start, len(text)):
        char = text[index]
        if char.isspace():
            if index > start and index >= glued_until and not text[index - 1].isspace():
                if glue := _glue_end(text, index, units):
                    glued_until = glue
                elif over:
                    return index
                elif _may_start_line(text, index):
                    last_break = index  # the spaces end this line, and are not shown
                else:
                    last_space = index
            column += char_width(char)
            continue
        if char.isascii() and text[index - 1].isascii():  # inside an English word or a figure: no break
            column += 1
        else:
            if index > start and index >= glued_until and not text[index - 1].isspace() and _breakable(text[index - 1], char):
                if over:
                    return index
                last_break = index
            column += char_width(char)
        if column > width and index > start and not over:
            if last_break > start:
                return last_break
            if fold:
                return _fold(text, start, index)
            if last_space > start:
                return last_space
            over = True  # one figure or word wider than the line: it stands alone, whole
    return len(text)


def _fold(text: str, start: int, end: int) -> int:
    """Where to cut a line with no break allowed in it: the last place that keeps the rules, else the edge."""
    for index in range(end, start, -1):
        if text[index] not in NOT_AT_LINE_START and text[index - 1] not in NOT_AT_LINE_END:
            return index
    return end


def wrap(text: str, width: int, *, fold: bool = True, units: Collection[str] = (), first: int | None = None) -> list[str]:
    """`text` as lines of at most `width` cells (each line break in it kept), broken as Japanese and English are.

    Spaces where a line breaks are dropped; nothing else is. A single character wider than
    `width` still gets a line of its own. A word wider than `width` is folded at the edge, or
    with `fold=False` (for a terminal, where a folded figure would read as two) stands alone, whole.
    A figure keeps its unit, `units` included (a plan's currency). The first line may have a
    width of its own, `first` (the rest hang under it). Linear in the length of `text`.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        budget = width if first is None or lines else first
        if cell_width(paragraph) <= budget:
            lines.append(paragraph)
            continue
        start = 0
        while start < len(paragraph):
            budget = width if first is None or lines else first
            end = _line_end(paragraph, start, budget, fold, units)
            lines.append(paragraph[start:end].rstrip())
            start = end
            while start < len(paragraph) and paragraph[start].isspace():
                start += 1
    return lines


def wrap_text(text: str, width: int) -> str:
    """`wrap`, joined with line breaks: for a widget or a table cell that must not wrap it again."""
    return "\n".join(wrap(text, width))
