"""Updating a TOML file someone wrote: change what changed, keep everything else exactly as written.

A three-way merge of plain documents (what a fresh save writes, read back): `before` is what the
file means now, `after` what it must mean. Only where they differ is the file's own document
(read with tomlkit, which keeps comments, order, layout and how each value is written) changed,
key by key: changed values are replaced in the style of the old one (a percent stays a percent,
digit groups stay grouped, its comment stays), keys and array entries are added and removed.
A value the file writes differently (`"10%"` for 0.1, `1_000` for 1000) or leaves to its default
is untouched while it means the same. Nothing here knows the plan's keys: new keys of the format
need no code.
"""

import difflib
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import tomlkit
from tomlkit.items import AoT, Array, InlineTable, Integer, String, Table

from kpitui.core.files import toml_escapes
from kpitui.core.text.formatting import format_decimal, format_percent

# Entries of an array of tables are matched by their name, so an inserted or renamed stage
# changes only its own lines; entries without one are matched by position.
IDENTITY_KEY = "name"
_ABSENT = object()


def updated(text: str, before: Mapping[str, Any], after: Mapping[str, Any]) -> str:
    """The TOML `text`, which means `before`, changed to mean `after`, keeping all that still holds."""
    document = tomlkit.parse(text)
    _merge_table(document, before, after)
    return toml_escapes.escaped(tomlkit.dumps(document))


def _merge_table(table: Any, before: Mapping[str, Any], after: Mapping[str, Any]) -> None:
    """Change the tomlkit `table` (document, table or inline table), which means `before`, to mean `after`."""
    for key in before:
        if key not in after and key in table:
            del table[key]
    for key, new in after.items():
        old = before.get(key, _ABSENT)
        if old == new:
            continue  # however the file writes it, or leaves it to its default, it means this
        if key not in table:
            table[key] = _item(new)
            continue
        written = table[key]
        if isinstance(new, Mapping) and isinstance(old, Mapping) and isinstance(written, Mapping):
            _merge_table(written, old, new)
            if isinstance(written, InlineTable) and old.keys() != new.keys():
                table[key] = _tidy(written)
        elif _is_array_of_tables(new) and isinstance(old, list) and isinstance(written, AoT) and len(written) == len(old):
            _merge_entries(written, old, new)
        elif isinstance(new, list) and isinstance(old, list) and isinstance(written, Array) and _same_length(written, old, new):
            for index, (was, value) in enumerate(zip(old, new, strict=True)):
                if was != value:
                    written[index] = _styled(written[index], value)
        else:
            table[key] = _styled(written, new)


def _merge_entries(entries: AoT, before: list[Any], after: list[Any]) -> None:
    """Match entries by name (else position): merge the matched, insert and delete the rest."""
    matcher = difflib.SequenceMatcher(a=[_identity(e) for e in before], b=[_identity(e) for e in after], autojunk=False)
    for tag, old_start, old_end, new_start, new_end in reversed(matcher.get_opcodes()):
        paired = min(old_end - old_start, new_end - new_start) if tag in ("equal", "replace") else 0
        for offset in range(paired):  # the same entry, or one renamed in place
            _merge_table(entries[old_start + offset], before[old_start + offset], after[new_start + offset])
        for index in reversed(range(old_start + paired, old_end)):
            del entries[index]
        for offset, entry in enumerate(after[new_start + paired : new_end]):
            entries.insert(old_start + paired + offset, _entry(entry))


def _same_length(*arrays: Any) -> bool:
    return len({len(array) for array in arrays}) == 1


def _identity(entry: Any) -> object:
    name = entry.get(IDENTITY_KEY) if isinstance(entry, Mapping) else None
    return name if isinstance(name, str) else None


def _is_array_of_tables(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(entry, Mapping) for entry in value)


def _styled(old: Any, new: Any) -> Any:
    """`new` written the way `old` was: a percent stays a percent, grouped digits stay grouped."""
    if isinstance(new, int | Decimal) and not isinstance(new, bool):
        if isinstance(old, str) and old.strip().endswith("%"):
            return tomlkit.string(format_percent(Decimal(new)))
        if isinstance(new, int) and isinstance(old, Integer) and "_" in old.as_string():
            return tomlkit.value(f"{new:_}")
    if isinstance(new, str) and isinstance(old, String) and old.type.is_multiline():
        return tomlkit.string(new, multiline=True)
    return _item(new)


def _item(value: Any) -> Any:
    """A new value as tomlkit writes it; exact decimals stay exact."""
    if isinstance(value, Decimal):
        return tomlkit.value(format_decimal(value))
    if isinstance(value, str):
        return tomlkit.value(toml_escapes.basic_string(value))
    if _is_array_of_tables(value):
        entries = tomlkit.aot()
        for entry in value:
            entries.append(_entry(entry))
        return entries
    if isinstance(value, list):
        array = tomlkit.array()
        array.extend(_item(element) for element in value)
        return array
    if isinstance(value, Mapping):
        table = tomlkit.table()
        for key, element in value.items():
            table[key] = _item(element)
        return table
    return tomlkit.item(value)


def _entry(value: Mapping[str, Any]) -> Table:
    """A new entry of an array of tables, followed by a blank line like the entries around it."""
    table = _item(value)
    table.add(tomlkit.nl())
    return table


def _tidy(table: InlineTable) -> InlineTable:
    """An inline table whose keys changed, written afresh around the values as they were written."""
    tidy = tomlkit.inline_table()
    for key in table:
        tidy[key] = table[key]
    return tidy
