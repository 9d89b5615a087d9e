"""A guard for event handlers: an error in one must never take unsaved work down with it."""

import functools
import inspect
from collections.abc import Callable
from typing import Any


def guarded(handler: Callable[..., Any]) -> Callable[..., Any]:
    """Run `handler`; if it raises, hand the error to `app.rescue` and carry on instead of exiting."""
    if inspect.iscoroutinefunction(handler):

        @functools.wraps(handler)
        async def run_async(self: Any, *args: Any, **kwargs: Any) -> Any:
            try:
                return await handler(self, *args, **kwargs)
            except Exception as error:  # noqa: BLE001 - the point is to catch what nobody foresaw
                self.app.rescue(error)
                return None

        return run_async

    @functools.wraps(handler)
    def run(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return handler(self, *args, **kwargs)
        except Exception as error:  # noqa: BLE001 - the point is to catch what nobody foresaw
            self.app.rescue(error)
            return None

    return run
