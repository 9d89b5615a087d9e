"""Keys typed while an editor opens wait for it, then land in it in order: never beneath it, never nowhere.

A terminal sends keys as fast as they are typed or pasted, and Textual hands each one to what has
the focus the moment it is read. An editor opens a few messages after the key that asked for it
(Enter posts a request, the screen handles it, the dialog mounts, its input takes the focus), so
keys sent with that Enter went to the table beneath (`o` switched the rounding) or to no one. Here
the app holds every key from the one that asks for an editor until the editor has the focus, then
types them there, as if typed a moment later: the first replaces the selected value.
"""

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from textual import events, on
from textual.app import App
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable

from kpitui.app.safety import FailSafe

if TYPE_CHECKING:
    from kpitui.app.app import KpiApp

    Table = DataTable
else:
    Table = object

# A hold nobody ends (an error while the editor opened) lets the keys go after this long anyway.
HOLD_LIMIT = 2.0


class Request(Message):
    """A widget asks for something that may open an editor. Once the screen has handled it (it
    bubbles on to the app), the held keys go on, unless an editor is still opening."""


class KeysReleased(Message):
    """What the keys waited for is ready: type them now (after every key still queued, so in order)."""


class EnterOpensEditors(Table):
    """A table whose Enter (or a click) asks for an editor: keys typed after Enter wait for it."""

    if TYPE_CHECKING:
        app: "KpiApp"

    def action_select_cursor(self) -> None:
        self.app.hold_keys()
        super().action_select_cursor()


def ready_for_keys(screen: object) -> bool:
    """False while `screen` is an editor whose input has not taken the focus yet."""
    return getattr(screen, "ready_for_keys", True)


class TypeAheadApp(FailSafe, App[None]):
    """An app that holds keys while an editor opens (`hold_keys`) and types them into it (`release_keys`)."""

    def __init__(self) -> None:
        super().__init__()
        self.keys_held: list[events.Key | events.Paste] | None = None
        self.held_for_focus = False  # a text area is taking the focus: it ends the hold, not the request
        self.holds = 0  # which hold a time limit belongs to
        self.typed_on: WeakKeyDictionary[events.Key, Screen] = WeakKeyDictionary()  # the screen a key was read on

    def hold_keys(self, *, until_focus: bool = False) -> None:
        """Hold the keys read from now until `release_keys` (or the time limit)."""
        if self.keys_held is None:
            self.keys_held = []
            self.holds += 1
            hold = self.holds
            self.set_timer(HOLD_LIMIT, lambda: self.hold_timed_out(hold))
        self.held_for_focus |= until_focus

    def release_keys(self) -> None:
        """What the keys waited for has the focus: type them there."""
        if self.keys_held is not None:
            self.post_message(KeysReleased())

    def hold_timed_out(self, hold: int, *, again: bool = True) -> None:
        """Let held keys go: an editor still opening gets one more while, then the keys go on regardless."""
        if hold != self.holds or self.keys_held is None:
            return
        if not ready_for_keys(self.screen):
            if again:  # a slow machine: the editor's focus ends the hold
                self.set_timer(HOLD_LIMIT, lambda: self.hold_timed_out(hold, again=False))
                return
            self.screen.ready_for_keys = True  # type: ignore[attr-defined]  # never hold keys for good
        self.release_keys()

    def holding(self) -> bool:
        return self.keys_held is not None or not ready_for_keys(self.screen)

    def held(self, event: events.Key | events.Paste) -> None:
        self.hold_keys()
        assert self.keys_held is not None
        self.keys_held.append(event)

    async def on_event(self, event: events.Event) -> None:
        """Keys read while an editor opens are held for it; everything else as Textual does."""
        if isinstance(event, events.Key | events.Paste) and not event.is_forwarded:
            if self.holding():
                self.held(event)
                return
            if isinstance(event, events.Key):
                self.typed_on[event] = self.screen
        await super().on_event(event)

    def on_key(self, event: events.Key) -> None:
        """A key handed to the screen beneath before an editor opened comes back up unused: it is typed again, there."""
        beneath = self.typed_on.pop(event, self.screen) is not self.screen
        if self.holding():
            event.prevent_default()  # not the bindings of the screen it was typed on
            event.stop()
            self.held(event)
        elif beneath:  # the editor opened meanwhile and is ready: type it there now
            event.prevent_default()
            event.stop()
            self.held(event)
            self.release_keys()

    @on(Request)
    def request_handled(self) -> None:
        """A request was handled (or asked for nothing): if no editor is opening, the keys go on at once."""
        if self.keys_held is not None and not self.held_for_focus and ready_for_keys(self.screen):
            self.release_keys()

    @on(KeysReleased)
    async def type_held_keys(self) -> None:
        """Type the held keys, in the order they were read, into what has the focus now."""
        if self.keys_held is None or not ready_for_keys(self.screen):
            return  # an editor still opening: its focus lets them go
        held = sorted(self.keys_held, key=lambda event: event.time)
        self.keys_held, self.held_for_focus = None, False
        for event in held:
            again = events.Key(event.key, event.character) if isinstance(event, events.Key) else events.Paste(event.text)
            if isinstance(again, events.Key):
                self.typed_on[again] = self.screen
            await super().on_event(again)
