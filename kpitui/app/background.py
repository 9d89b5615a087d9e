"""Work that may block (reading or checking a file) runs off the UI thread, so keys are always answered."""

import threading
from collections.abc import Callable
from typing import Any

from textual.app import App


def in_background(app: App, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
    """Run `work` on its own thread, then `done(result)` on the UI thread; an error is the result.

    A daemon thread, not a Textual thread worker: opening a FIFO or a file on a hung network
    mount can block for good, and a worker's thread would then hold up quitting too.
    """

    def run() -> None:
        try:
            result = work()
        except Exception as error:  # noqa: BLE001 - handed to `done`, which says what went wrong
            result = error
        if not app.is_running:  # the app has closed meanwhile: nobody is waiting for the answer
            return
        try:
            # Queued as the app's own message, so an error in `done` is rescued like any handler's.
            app.call_from_thread(app.call_later, done, result)
        except RuntimeError:  # it closed just now
            pass

    threading.Thread(target=run, name="kpitui-background", daemon=True).start()


async def off_ui_thread(app: App, work: Callable[[], Any]) -> Any:
    """`work()` run as `in_background` runs it, awaited: its result, or the error it raised."""
    import asyncio

    answer: asyncio.Future[Any] = asyncio.get_running_loop().create_future()

    def done(result: Any) -> None:
        if not answer.done():
            answer.set_result(result)

    in_background(app, work, done)
    return await answer
