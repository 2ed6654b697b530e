"""Run service calls off the GUI thread and deliver results back on it.

Guarantees:
- `ThreadTaskRunner` runs database work on a one-thread pool (writes stay in order), print work
  on another and queue work on a third; the callbacks run on the GUI thread (queued signal through a relay QObject
  created there); workers never touch widgets.
- `SyncTaskRunner` (tests) calls the function and the callback inline, so a test sees the result
  as soon as the action returns.
- Exceptions never escape into Qt's event loop: they go to `on_error` (or are logged).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

DATABASE = "database"
PRINTER = "printer"
# The walk-in queue: on a joined counter it lives on the central database, so its reads and
# actions get their own lane — a slow or lost network never holds up local intake work.
QUEUE = "queue"

Callback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


def _report(error: BaseException) -> None:
    log.error("background task failed: %s", "".join(traceback.format_exception(error)))


class TaskRunner:
    """Interface: `submit(fn, on_done, on_error, lane=DATABASE)`."""

    def submit(self, fn: Callable[[], Any], on_done: Callback | None = None,
               on_error: ErrorCallback | None = None, lane: str = DATABASE) -> None:
        raise NotImplementedError

    def wait_idle(self, msecs: int = 30000) -> bool:
        return True


class SyncTaskRunner(TaskRunner):
    """Inline runner for tests: same contract, no threads."""

    def submit(self, fn, on_done=None, on_error=None, lane=DATABASE) -> None:
        try:
            result = fn()
        except Exception as error:  # noqa: BLE001 - delivered to the caller's error callback
            (on_error or _report)(error)
            return
        if on_done:
            on_done(result)


class _Relay(QObject):
    """Lives on the GUI thread; its signal carries results back there."""

    finished = Signal(object, object, object)  # callback, value, is_error

    @Slot(object, object, object)
    def deliver(self, callback, value, is_error) -> None:
        if callback is None:
            if is_error:
                _report(value)
            return
        callback(value)


class _Task(QRunnable):
    def __init__(self, fn, on_done, on_error, relay: _Relay):
        super().__init__()
        self.fn, self.on_done, self.on_error, self.relay = fn, on_done, on_error, relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as error:  # noqa: BLE001
            self.relay.finished.emit(self.on_error, error, True)
        else:
            self.relay.finished.emit(self.on_done, result, False)


class ThreadTaskRunner(TaskRunner):
    """Production runner: one-thread pools per lane; create it on the GUI thread."""

    def __init__(self, parent: QObject | None = None):
        self._relay = _Relay(parent)
        self._relay.finished.connect(self._relay.deliver)
        self._pools: dict[str, QThreadPool] = {}
        for lane in (DATABASE, PRINTER, QUEUE):
            pool = QThreadPool(parent)
            pool.setMaxThreadCount(1)
            self._pools[lane] = pool

    def submit(self, fn, on_done=None, on_error=None, lane=DATABASE) -> None:
        self._pools[lane].start(_Task(fn, on_done, on_error, self._relay))

    def wait_idle(self, msecs: int = 30000) -> bool:
        return all(pool.waitForDone(msecs) for pool in self._pools.values())
