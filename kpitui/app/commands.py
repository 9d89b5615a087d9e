"""The command palette offers every key of the active screen: one list, made from the bindings."""

from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.screen import Screen


def binding_commands(app: App, screen: Screen) -> Iterable[SystemCommand]:
    """A palette command for each of kpitui's own keys that applies now on `screen`.

    kpitui's bindings all carry an id; Textual's built-in ones (cursor moves and the like) do
    not, and the palette has its own entries for those that matter.
    """
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.id is None or binding.id in seen or not active.enabled:
            continue
        seen.add(binding.id)
        keys = binding.key_display or app.get_key_display(binding)
        yield SystemCommand(
            binding.description,
            f"{binding.tooltip or binding.description} ({keys})",
            lambda node=active.node, action=binding.action: app.run_action(action, node),
        )
