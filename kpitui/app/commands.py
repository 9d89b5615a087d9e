"""The keys of the active screen, described once for the command palette and the help screen."""

from collections.abc import Iterable
from typing import NamedTuple

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen


class Key(NamedTuple):
    """One key that works now: what to press, its name, what it does, and how to run it."""

    keys: str
    title: str
    help: str
    node: DOMNode
    action: str
    ours: bool  # one of kpitui's keys, rather than Textual's own (cursor moves and the like)
    enabled: bool  # it would do something now (undo with nothing to undo would not)


def screen_keys(app: App, screen: Screen) -> list[Key]:
    """Every key on `screen`: kpitui's first, then Textual's. A key's help is its binding's tooltip,
    or else the first line of its action's docstring."""
    keys, seen = [], set()
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.description or (binding.action, binding.description) in seen:
            continue
        seen.add((binding.action, binding.description))
        action_name = binding.action.split("(")[0]
        method = getattr(active.node, f"action_{action_name}", None)
        doc = (method.__doc__ or "").strip().splitlines()[0] if method is not None and method.__doc__ else ""
        keys.append(
            Key(
                binding.key_display or app.get_key_display(binding),
                binding.description,
                binding.tooltip or doc or binding.description,
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
