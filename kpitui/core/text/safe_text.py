"""Make untrusted text from plan files safe to show: invisible and control characters become escapes.

This is the one literal-text layer, both ways: `visible` for showing a text (read-only or in an
editor), and `restore` for taking back what the user typed over a `visible` text in an editor.
"""

import unicodedata

# Categories that draw nothing or steer the terminal: controls (Cc), format characters such as
# bidi overrides and zero-width joiners (Cf), surrogates (Cs), private use (Co), unassigned (Cn),
# and line/paragraph separators (Zl, Zp).
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
# Printable by Unicode's categories, yet they draw nothing (default-ignorable code points that are
# letters or marks: Hangul fillers, the combining grapheme joiner, Khmer inherent vowels): a name
# made of them looks blank, so they are shown as escapes too. Variation selectors are not here:
# they choose how the character before them looks (an emoji's colour form).
_INVISIBLE_PRINTABLE = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0")
# A braille cell with no dots is a blank, as a space is: a text of them is not written.
BRAILLE_BLANK = "\u2800"
# Marks that draw on the character before them: after an escape they would draw on its last letter,
# and at the start of a text (or of a line) on whatever the terminal drew before it: a border, the
# previous column, the indent of a line.
_MARK_CATEGORIES = frozenset({"Mn", "Mc", "Me"})
LINE_BREAK = "\n"  # the only line break of a user's text; "\r", "\x85", "\u2028"... are shown as escapes
# The spaces that show as space (category Zs), trimmed around a text; hidden ones never are.
SPACES = " \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"


def is_hidden(char: str) -> bool:
    """True for a character that must not reach the terminal as itself."""
    return unicodedata.category(char) in _HIDDEN_CATEGORIES or char in _INVISIBLE_PRINTABLE


def shows_as_written(text: str) -> bool:
    """True when `text` has no hidden character: the fast path of everything that escapes them."""
    return text.isprintable() and _INVISIBLE_PRINTABLE.isdisjoint(text)


def escape_char(char: str) -> str:
    """The visible escape for one hidden character, as Python writes it (`\\x1b`, `\\u202e`)."""
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def is_blank(text: str) -> bool:
    """True for a text that shows nothing: only spaces, line breaks and hidden characters.

    This is what decides whether a text counts as written (a zero-width space is not a plan).
    """
    return all(char.isspace() or char == BRAILLE_BLANK or is_hidden(char) for char in text)


def text_lines(text: str) -> list[str]:
    """The lines of a user's text, spaces and blank lines around it trimmed.

    Only "\n" breaks a line (`str.splitlines` would also break at "\r", "\x0b", "\x1c", "\x85",
    "\u2028"...: those stay in their line, to be shown as escapes).
    """
    return text.strip(SPACES + LINE_BREAK).split(LINE_BREAK)


def one_line(text: str) -> str:
    """A user's text on one line: its lines (each trimmed) joined by a space, hidden characters escaped
    (each line made visible on its own: a mark that starts one must not draw on the joining space)."""
    return " ".join(visible(line.strip(SPACES)) for line in text_lines(text) if line.strip(SPACES))


def _starts_with_mark(text: str) -> bool:
    return bool(text) and unicodedata.category(text[0]) in _MARK_CATEGORIES


def _escaped(text: str, line_breaks: bool) -> list[int]:
    """Where the characters `visible` escapes sit in `text`: each hidden one, and each mark that has
    nothing of the text's own to draw on: one that starts the text or (with `line_breaks`) a line,
    or follows an escape (it would draw on the escape's last letter: `\\u200é`)."""
    escaped: list[int] = []
    for index, char in enumerate(text):
        if is_hidden(char) and not (line_breaks and char == LINE_BREAK):
            escaped.append(index)
        elif unicodedata.category(char) in _MARK_CATEGORIES and (
            index == 0 or (escaped and escaped[-1] == index - 1) or text[index - 1] == LINE_BREAK
        ):
            escaped.append(index)
    return escaped


def visible(text: str, *, line_breaks: bool = False) -> str:
    """`text` with every hidden character replaced by its visible escape; other text unchanged.

    `line_breaks` keeps "\\n" as it is, for a widget that shows lines (every other line
    separator still becomes an escape, so the widget cannot silently turn it into "\\n").
    """
    if shows_as_written(text) and not _starts_with_mark(text):  # fast path: nothing to escape (nearly every real name)
        return text
    shown, start = [], 0
    for index in _escaped(text, line_breaks):
        shown += [text[start:index], escape_char(text[index])]
        start = index + 1
    shown.append(text[start:])
    return "".join(shown)


def restore(edited: str, original: str, *, line_breaks: bool = False, cursor: int | None = None) -> str:
    """What the user meant by `edited`, which they typed over `visible(original)` in an editor.

    Each escape they left whole stands for `original`'s hidden character again; everything else
    is taken as typed, so a `\\x1b` typed by hand (or one the user cut into) stays those
    characters and never becomes a control character. Which escapes were left whole is found by
    comparing the texts. `cursor`, where the cursor is in `edited` just after one edit, settles
    an edit that could be read two ways (deleting the `b` of `\\x1bb`, or the last `b`); without
    it the reading that keeps the escape whole wins.
    """
    hidden = [(index, original[index]) for index in _escaped(original, line_breaks)]
    if not hidden:
        return edited
    # Where each hidden character's escape sits in the text the editor was given.
    shown, spans, position, start = [], [], 0, 0
    for index, char in hidden:
        shown.append(original[start:index])
        position += index - start
        escape = escape_char(char)
        spans.append((position, position + len(escape), char))
        shown.append(escape)
        position += len(escape)
        start = index + 1
    shown.append(original[start:])
    given = "".join(shown)
    if edited == given:
        return original
    kept = {}  # start of a whole escape in `edited` -> (its end, the character it stands for)
    blocks = iter(_matching_blocks(given, edited, [(begin, end) for begin, end, _ in spans], cursor))
    block = next(blocks)
    for span_start, span_end, char in spans:
        while block[0] + block[2] < span_end:  # blocks that end before this escape does
            block = next(blocks)
        if block[0] <= span_start:
            where = block[1] + span_start - block[0]
            kept[where] = (where + span_end - span_start, char)
    restored, index = [], 0
    while index < len(edited):
        if index in kept:
            end, char = kept[index]
            restored.append(char)
            index = end
        else:
            restored.append(edited[index])
            index += 1
    return "".join(restored)


def _matching_blocks(given: str, edited: str, escapes: list[tuple[int, int]], cursor: int | None) -> list[tuple[int, int, int]]:
    """The stretches `given` and `edited` share, as (start in given, start in edited, length).

    The common start and end are matched directly (one edit in a long note costs little), never
    ending inside an escape (typing `\\x` in front of `\\x1b` leaves the escape whole), and never
    past the cursor (the edit ended there); only what lies between goes to difflib. The list ends
    with a zero-length block at both ends.
    """
    limit = min(len(given), len(edited))

    def common_head(most: int) -> int:
        head = 0
        while head < most and given[head] == edited[head]:
            head += 1
        return min([head] + [begin for begin, end in escapes if begin < head < end])

    def common_tail(most: int) -> int:
        tail = 0
        while tail < most and given[-1 - tail] == edited[-1 - tail]:
            tail += 1
        cut = len(given) - tail
        return min([tail] + [len(given) - end for begin, end in escapes if begin < cut < end])

    if cursor is None:
        head = common_head(limit)
        tail = common_tail(limit - head)
    else:  # after one edit, all that follows the cursor is as it was
        tail = common_tail(min(limit, len(edited) - cursor))
        head = common_head(min(cursor, limit - tail))
    from difflib import SequenceMatcher  # only editing needs it; the commands start faster without

    middle = SequenceMatcher(None, given[head : len(given) - tail], edited[head : len(edited) - tail], autojunk=False)
    blocks = [(0, 0, head)] if head else []
    blocks += [(a + head, b + head, size) for a, b, size in middle.get_matching_blocks() if size]
    if tail:
        blocks.append((len(given) - tail, len(edited) - tail, tail))
    blocks.append((len(given), len(edited), 0))
    return blocks
