"""One way for the whole app to fail safely: an unforeseen error keeps the app running and the work kept.

Textual ends the app on any exception a handler lets out, and has no public hook to do otherwise
(Textualize/textual#2818). So the two private places every error passes through are taken over
here, and nowhere else:

- `MessagePump._dispatch_message` runs every handler of a widget, screen or the app (events,
  messages, actions from keys, watchers they set off, `on_resize`, `on_mount`). An error that
  leaves it stops that widget's message loop for good, so `FailSafe` catches it first and the
  widget goes on answering. Every kpitui widget, screen and dialog takes `FailSafe` as its first
  base (tests/app/test_fail_safe.py checks each one).
- `App._handle_exception` is where Textual reports what it catches itself (workers, timers,
  callbacks, compose, layout and rendering) before exiting; `FailSafeApp` hands those to the
  app's `rescue` instead.

`rescue` writes the recovery copy of unsaved work and says what happened. Should a Textual
upgrade rename either method, the tests that raise in each kind of handler fail, as does the check
that both names still exist.
"""

from typing import TYPE_CHECKING

from textual import getters
from textual.message import Message
from textual.message_pump import MessagePump
from textual.worker import WorkerFailed

if TYPE_CHECKING:
    from kpitui.app.app import KpiApp

    Pump = MessagePump  # the type checker sees what FailSafe is mixed into; at run time it adds nothing
else:
    Pump = object


class FailSafe(Pump):
    """A message pump whose handlers cannot take the app down: their errors go to `app.rescue`."""

    if TYPE_CHECKING:  # Textual's own `app` at run time, typed as what it is: the kpitui app
        app = getters.app(lambda: KpiApp)

    async def _dispatch_message(self, message: Message) -> None:
        try:
            await super()._dispatch_message(message)
        except Exception as error:  # noqa: BLE001 - the point is to catch what nobody foresaw
            self.app.rescue(error)


class FailSafeApp(FailSafe):
    """An app that answers errors Textual caught itself with `rescue`, not with exiting."""

    def _handle_exception(self, error: Exception) -> None:
        try:
            self.app.rescue(error.error if isinstance(error, WorkerFailed) else error)
        except Exception:  # noqa: BLE001 - rescuing failed too: Textual's own way, exit with the traceback
            super()._handle_exception(error)  # type: ignore[misc]
