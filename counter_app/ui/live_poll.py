"""Keep a view fresh without user action, and say so plainly when the database is out of reach.

`LivePoll` re-runs one read on the task runner every `interval_ms` (the board, the counter's queue
panel, the supervisor's board). Guarantees: at most one read is in flight (a slow database never
piles reads up); results arrive on the GUI thread through `updated`; the first failed read emits
`connection_changed(False)` and the first good read after it `connection_changed(True)` — polling
goes on throughout, so a view recovers by itself. GUI thread only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from counter_app.ui.task_runner import QUEUE, TaskRunner

log = logging.getLogger(__name__)


class LivePoll(QObject):
    updated = Signal(object)
    connection_changed = Signal(bool)

    def __init__(self, read: Callable[[], Any], runner: TaskRunner, interval_ms: int = 500,
                 parent: QObject | None = None, *, lane: str = QUEUE):
        super().__init__(parent)
        self._read, self._runner, self._lane = read, runner, lane
        self._in_flight = False
        self.connected = True
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.refresh_now)

    def start(self) -> None:
        self._timer.start()
        self.refresh_now()

    def stop(self) -> None:
        self._timer.stop()

    def refresh_now(self) -> None:
        """Read now unless a read is already running (its result is as fresh)."""
        if self._in_flight:
            return
        self._in_flight = True
        self._runner.submit(self._read, self._on_result, self._on_error, lane=self._lane)

    def _on_result(self, result: Any) -> None:
        self._in_flight = False
        if not self.connected:
            self.connected = True
            self.connection_changed.emit(True)
        self.updated.emit(result)

    def _on_error(self, error: BaseException) -> None:
        self._in_flight = False
        if self.connected:
            log.warning("live view lost its database: %s", error)
            self.connected = False
            self.connection_changed.emit(False)


class ConnectionBanner(QLabel):
    """A red bar reading "Mất kết nối…", shown while `LivePoll` cannot reach the database."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Connection lost — reconnecting…"), parent)
        self.setObjectName("connection_banner")
        self.setAlignment(Qt.AlignCenter)
        self.setStyleSheet("background: #b00020; color: white; font-weight: bold; padding: 6px;")
        self.hide()

    def set_connected(self, connected: bool) -> None:
        self.setVisible(not connected)
