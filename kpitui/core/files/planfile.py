"""Reading and writing plan files: every failure becomes one PlanError, and saves are atomic.

Paths are plain `str` or `os.PathLike` handled with `os.path`: pathlib would add milliseconds to
every headless command's start-up.
"""

import os
import re
import stat
import sys
import tomllib
from collections.abc import Iterator
from typing import NamedTuple

from kpitui.core.domain.plan import Plan
from kpitui.core.domain.quantities import NumberOutOfRange, read_written_number
from kpitui.core.errors import PlanError, key_part, os_reason
from kpitui.core.files.schema import month_key, plan_from_document, plan_to_toml
from kpitui.core.text.formatting import format_count
from kpitui.core.text.i18n import N_, _, tr

MAX_FILE_BYTES = 4 * 1024 * 1024  # a real plan is a few kB; a 200-stage, 500-scenario one ~100 kB
# As text: `re` compiles it only when a file has a TOML error, not on every command's start-up.
_POSITION = r"^(?P<message>.*) \(at line (?P<line>\d+), column (?P<column>\d+)\)$"


FilePath = str | os.PathLike[str]

# Files this process last wrote in kpitui's own layout, by real path: while their fingerprint is
# unchanged there is nothing of anyone's layout to keep, and the next save skips reading them.
_OWN_LAYOUT: dict[str, "Fingerprint"] = {}


class Fingerprint(NamedTuple):
    """What a file looked like when it was read or written, to notice a change by someone else."""

    modified_ns: int
    size: int


def fingerprint(path: FilePath) -> Fingerprint | None:
    """The file's current fingerprint, or None when there is no file."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return Fingerprint(info.st_mtime_ns, info.st_size)


def _refuse_special(mode: int, source: str, kind: str) -> None:
    """PlanError unless `mode` is a regular file's: a FIFO or a device could block a read for ever."""
    if not stat.S_ISREG(mode):
        raise PlanError.of_file(
            source, tr("is a directory, not {kind}", kind=_(kind)) if stat.S_ISDIR(mode) else _("not a regular file")
        )


def _refuse_empty(source: str, kind: str) -> None:
    """PlanError for an empty path (`kpitui calc ''`): the system would say `: no such file`."""
    if not source:
        raise PlanError(tr("no file given: the path is empty (give the path of {kind})", kind=_(kind)))


def read_bytes(path: FilePath, source: str, *, limit: int = MAX_FILE_BYTES, kind: str = N_("a plan file")) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; PlanError naming `source` otherwise."""
    _refuse_empty(source, kind)
    # Looked at before it is opened, and opened without blocking: opening a FIFO for reading would
    # wait for a writer. fstat then checks what was really opened, in case the path changed since.
    try:
        _refuse_special(os.stat(path).st_mode, source, kind)
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(descriptor, "rb") as handle:
            _refuse_special(os.fstat(descriptor).st_mode, source, kind)
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise PlanError.of_file(source, _("no such file")) from None
    except PermissionError:
        raise PlanError.of_file(source, _("permission denied: cannot read it")) from None
    except OSError as error:
        raise PlanError.of_file(source, tr("cannot read it: {reason}", reason=os_reason(error))) from None
    if len(data) > limit:
        raise PlanError.of_file(source, tr("too large for {kind} (over {size} MiB)", kind=_(kind), size=limit // (1024 * 1024)))
    return data


def position(data: bytes, offset: int) -> tuple[int, int]:
    """The line and column (both from 1) of a byte offset, for messages about undecodable bytes."""
    before = data[:offset]
    return before.count(b"\n") + 1, len(before) - (before.rfind(b"\n") + 1) + 1


def _decode(data: bytes, source: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):  # a BOM that some Windows editors add
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = position(data, error.start)
        raise PlanError.at_position(source, line, column, _("not UTF-8 text: save the file as UTF-8")) from None


def parse_plan(text: str, source: str) -> Plan:
    """A plan from TOML text; `source` names it in messages."""
    if not text.strip():
        raise PlanError.of_file(source, _("the file is empty: a plan needs format, goal and stages (try `kpitui new`)"))
    try:
        document = _parse_toml(text)
    except tomllib.TOMLDecodeError as error:
        match = re.match(_POSITION, str(error), re.DOTALL)
        if match is None:
            raise PlanError.of_file(source, tr("invalid TOML: {detail}", detail=str(error))) from None
        message = match["message"]
        if message.startswith("Illegal character"):
            message += _(": control characters must be written as escapes in strings")
        raise PlanError.at_position(
            source, int(match["line"]), int(match["column"]), tr("invalid TOML: {detail}", detail=message)
        ) from None
    except NumberOutOfRange as error:
        line, column = _text_position(text, _number_at(text, re.escape(error.written)))
        raise PlanError.at_position(source, line, column, str(error)) from None
    except RecursionError:
        raise PlanError.of_file(source, _("invalid TOML: nested too deeply")) from None
    except ValueError:  # only an integer with more digits than Python will convert gets here
        raise _too_many_digits(text, source) from None
    return plan_from_document(document, source)


def _text_position(text: str, offset: int) -> tuple[int, int]:
    """The line and column (both from 1) of a character offset."""
    before = text[:offset]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


# What a number can hide in: comments and strings (basic, literal, multi-line), skipped whole.
_NOT_VALUES = r'#[^\n]*|"""(?:[^\\]|\\[\s\S])*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\''
# A decimal integer as a value: not part of a bare key, a float, a date or a time.
_INTEGER = r"[+-]?[0-9][0-9_]*"


def _numbers(text: str, pattern: str) -> Iterator[re.Match[str]]:
    """Each number `pattern` matches as a whole value of the file, outside comments and strings, in order."""
    found = re.finditer(_NOT_VALUES + r"|(?<![\w.+-])(?P<number>" + pattern + r")(?![\w.+:-])(?![ \t]*[=.])", text)
    return (match for match in found if match["number"] is not None)


def _number_at(text: str, pattern: str) -> int:
    """Where the first number `pattern` matches sits in `text` (0 when none does: tomllib found it there)."""
    return next((match.start("number") for match in _numbers(text, pattern)), 0)


def _digit_count(integer: str) -> int:
    """The digits of a decimal integer as TOML writes it (`-1_000` has 4), counted without a loop."""
    return len(integer) - integer.count("_") - integer.startswith(("+", "-"))


def _too_many_digits(text: str, source: str) -> PlanError:
    """The PlanError for an integer longer than Python converts: placed at it, named by its key path.

    tomllib's int() refuses it before converting (so it costs no quadratic time) and says nowhere
    where it is: the first such integer that is a value is the one it met.
    """
    limit = sys.get_int_max_str_digits()
    runs = [match.span("number") for match in _numbers(text, _INTEGER) if _digit_count(match["number"]) > limit]
    if not runs:
        return PlanError.of_file(source, _("invalid TOML: a number has too many digits"))
    start, end = runs[0]
    where = _key_path(text, runs)
    message = tr(
        "a whole number of {digits} digits, past every bound of a plan file",
        digits=format_count(_digit_count(text[start:end])),
    )
    line, column = _text_position(text, start)
    return PlanError.at_position(source, line, column, f"{where}: {message}" if where else message)


def _key_path(text: str, runs: list[tuple[int, int]]) -> str | None:
    """The key path of the first of `runs` (where integers too long sit in `text`), found by reading
    the file again with a marker there and 0 for the others; None when it still does not read."""
    marker = "0.0e-0"
    while marker in text:
        marker += "0"
    parts, done = [], 0
    for index, (start, end) in enumerate(runs):
        parts += [text[done:start], "0" if index else marker]
        done = end
    parts.append(text[done:])
    found = object()

    def marked(number: str) -> object:
        return found if number == marker else read_written_number(number)

    try:
        document = tomllib.loads("".join(parts), parse_float=marked)
    except (ValueError, RecursionError):
        return None

    stack: list[tuple[object, str]] = [(document, "")]
    while stack:
        value, path = stack.pop()
        if value is found:
            return path
        if isinstance(value, dict):
            for key, item in value.items():
                part = month_key(key) if path == "actuals" else key_part(key)
                stack.append((item, f"{path}.{part}" if path else part))
        elif isinstance(value, list):
            stack += [(item, f"{path}[{index}]") for index, item in enumerate(value)]
    return None


# Below this size tomllib reads the whole file sooner than the fast reader's patterns compile.
FAST_ACTUALS_FROM = 32 * 1024


def _parse_toml(text: str, fast_from: int = FAST_ACTUALS_FROM) -> dict:
    """tomllib's document, with a long tail of plain actuals tables read by the fast reader
    (in a file of `fast_from` characters or more)."""
    if len(text) < fast_from:
        return tomllib.loads(text, parse_float=read_written_number)
    from kpitui.core.files.actuals_toml import split_actuals  # only long files have long tails

    split = split_actuals(text)
    if split is not None:
        head, actuals = split
        try:
            document = tomllib.loads(head, parse_float=read_written_number)
        except tomllib.TOMLDecodeError:
            document = None  # let the whole file give tomllib's own message
        if document is not None and "actuals" not in document:
            document["actuals"] = actuals
            return document
    return tomllib.loads(text, parse_float=read_written_number)


def display_title(plan: Plan, path: FilePath | None) -> str:
    """The plan's title, or its file's name without the extension when it has none."""
    if plan.title or path is None:
        return plan.title or "Untitled plan"
    return os.path.splitext(os.path.basename(os.fspath(path)))[0]


def load_plan(path: FilePath) -> Plan:
    """Read and check the plan file at `path`; PlanError naming the file on any problem."""
    source = os.fspath(path)
    return plan_from_bytes(read_bytes(path, source), source)


def plan_from_bytes(data: bytes, source: str) -> Plan:
    """A plan from a plan file's bytes (as `read_bytes` gives them); `source` names it in messages."""
    return parse_plan(_decode(data, source), source)


def _kept_layout(plan: Plan, path: FilePath, fresh: str) -> str:
    """`fresh` (the plan in kpitui's layout) merged into the plan file already at `path`, if any.

    The file keeps its comments, order and way of writing each untouched value; a file that is
    not a plan yet, or a merge that would not load back as exactly this plan, gets `fresh`.
    """
    source = os.fspath(path)
    try:
        existing = _decode(read_bytes(path, source), source)
        on_disk = parse_plan(existing, source)
    except PlanError:
        return fresh  # no file yet, or not a plan kpitui can read: nothing to keep
    before = plan_to_toml(on_disk)
    if existing == before:
        return fresh  # kpitui's own layout: nothing else to keep (and no slow round-trip parse)
    if on_disk == plan:
        return existing  # nothing changed: not even a byte
    from kpitui.core.files import roundtrip  # tomlkit is needed only here: start-up stays fast

    try:
        merged = roundtrip.updated(existing, _parse_toml(before), _parse_toml(fresh))
        if parse_plan(merged, source) == plan:
            return merged
    except Exception:  # noqa: BLE001 - keeping the layout is a courtesy; the save itself must not fail on it
        pass
    return fresh


def save_plan(plan: Plan, path: FilePath, *, replace: bool = True) -> Fingerprint | None:
    """Write the plan atomically (see `atomic`); with `replace` False an existing file is refused.

    A file someone wrote keeps its comments and layout (see `_kept_layout`). A symlink stays a
    symlink: its target is written. Returns the new file's fingerprint (None should it be gone at once).
    """
    source = os.fspath(path)
    _refuse_empty(source, N_("a plan file"))
    target = os.path.realpath(path)
    fresh = plan_to_toml(plan)
    own_layout = _OWN_LAYOUT.get(target)
    text = fresh if own_layout is not None and own_layout == fingerprint(target) else _kept_layout(plan, path, fresh)
    data = text.encode("utf-8")
    if len(data) > MAX_FILE_BYTES:  # it would save, and then never open again
        raise PlanError.of_file(
            source,
            tr(
                "cannot save: the plan would take {size} MiB, over the {limit} MiB a plan file may have; "
                "shorten the longest notes or texts",
                size=-(-len(data) * 10 // (1024 * 1024)) / 10,
                limit=MAX_FILE_BYTES // (1024 * 1024),
            ),
        )
    from kpitui.core.files.atomic import write_atomically  # reading plans never needs it

    written = fingerprint(write_atomically(source, data, source=source, replace=replace))
    if text is fresh and written is not None:
        _OWN_LAYOUT[target] = written
    else:
        _OWN_LAYOUT.pop(target, None)
    return written
