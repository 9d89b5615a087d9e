"""The keys of the active screen, described once for the command palette and the help screen."""

import dataclasses
import functools
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from textual.app import App, SystemCommand
from textual.binding import ActiveBinding, Binding
from textual.dom import DOMNode
from textual.screen import Screen

from kpitui.app import textual_words  # noqa: F401 - Textual's own key descriptions, in the catalogue
from kpitui.core.text.i18n import _, language


class Key(NamedTuple):
    """One key that works now: what to press, its name, what it does, and how to run it."""

    keys: str
    title: str
    help: str
    node: DOMNode
    action: str
    ours: bool  # one of kpitui's keys, rather than Textual's own (cursor moves and the like)
    enabled: bool  # it would do something now (undo with nothing to undo would not)


def said(text: str) -> str:
    """`text` in the interface language; empty stays empty (gettext would give the catalogue's header)."""
    return _(text) if text else text


@functools.cache
def translated(binding: Binding, language: str) -> Binding:
    """`binding` described in `language`: its description and tooltip (kpitui's and Textual's own keys)."""
    return dataclasses.replace(binding, description=said(binding.description), tooltip=said(binding.tooltip))


def in_language(active: Mapping[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    """The active bindings of a screen with their descriptions in the interface language.

    Bindings are class attributes, made before the language is known (and tests run both
    languages in one process): they are translated where they are shown, and the footer, the
    help and the palette all read them from `Screen.active_bindings`.
    """
    if language() == "en":
        return dict(active)
    return {
        key: item._replace(binding=translated(item.binding, language()), tooltip=said(item.tooltip))
        for key, item in active.items()
    }


def screen_keys(app: App, screen: Screen) -> list[Key]:
    """Every key on `screen`: kpitui's first, then Textual's. A key's help is its binding's tooltip
    (every key of kpitui's has one), or else its description."""
    keys, seen = [], set()
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.description or (binding.action, binding.description) in seen:
            continue
        seen.add((binding.action, binding.description))
        keys.append(
            Key(
                binding.key_display or app.get_key_display(binding),
                binding.description,
                binding.tooltip or binding.description,
                active.node,
                binding.action,
                binding.id is not None,
                active.enabled,
            )
        )
    keys.sort(key=lambda key: not key.ours)
    return keys


def key_display(screen: Screen, binding_id: str) -> str:
    """The key that runs the binding `binding_id` on `screen` now, as the footer shows it.

    Text that names a key reads it from here, so a user's keymap never makes the text wrong.
    """
    app = screen.app
    keys = [app.get_key_display(active.binding) for active in screen.active_bindings.values() if active.binding.id == binding_id]
    if not keys:  # under a dialog the keys beneath are off: name the key as bound
        keys = [
            app.get_key_display(binding)
            for binding in (*type(screen).BINDINGS, *type(app).BINDINGS)
            if isinstance(binding, Binding) and binding.id == binding_id
        ]
    return "/".join(keys)


def binding_commands(app: App, screen: Screen) -> Iterable[SystemCommand]:
    """A palette command for each of kpitui's own keys on `screen`; Textual adds its own entries."""
    for key in screen_keys(app, screen):
        if key.ours and key.enabled:
            yield SystemCommand(
                key.title,
                f"{key.help} ({key.keys})",
                lambda node=key.node, action=key.action: app.run_action(action, node),
            )
