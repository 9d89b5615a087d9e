"""The footer of every screen: Textual's Footer, rebuilt only when the keys it shows change.

Textual's Footer rebuilds all its keys whenever the screen says its bindings may have changed:
on every edit (undo may have become possible), every focus move, and twice on every screen
switch (the screen left and the screen shown). Each rebuild restyles every key, a fifth of a
screen switch; mostly the keys were the same.
"""

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from kpitui.app.safety import FailSafe


class KeyFooter(FailSafe, Footer):
    """The keys that work now, with what they do; rebuilt when they change."""

    def __init__(self) -> None:
        super().__init__()
        self.keys_shown: tuple | None = None  # the keys of the last rebuild

    def keys_now(self) -> tuple:
        """Everything the footer shows of each key: the binding, whether it works, its tooltip."""
        return tuple((binding, enabled, tooltip) for _node, binding, enabled, tooltip in self.screen.active_bindings.values())

    def compose(self) -> ComposeResult:
        if self._bindings_ready:  # Textual's footer shows nothing before the screen's first bindings
            self.keys_shown = self.keys_now()
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        if self.keys_shown is not None and self.keys_now() == self.keys_shown:
            return
        super().bindings_changed(screen)
