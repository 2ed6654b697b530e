"""The status-bar sync indicator of a joined counter, and the bridge that carries the sync
worker's status to the GUI thread.

Threading rules: `SyncBridge.publish()` and `publish_pulled()` may be called from any thread (the
sync worker calls them on its own thread); they only emit `status_changed` / `rows_pulled`, whose
receivers live on the GUI thread, so Qt delivers them by a queued connection — no widget is ever
touched off the GUI thread.
`SyncIndicator` is GUI thread only. Statuses are duck-typed (`online`, `offline_since`,
`pending`, `last_error`), so this module needs nothing from `counter_app.sync`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

_STYLE_ONLINE = "color: #1b5e20;"
_STYLE_PENDING = "color: #8a5a00;"
_STYLE_OFFLINE = "color: #b00020; font-weight: bold;"


class SyncBridge(QObject):
    """Create on the GUI thread. `status_changed(status)` arrives on the GUI thread; `last` is
    the newest status published (None before the first sync); `wake()` asks the worker to sync
    now (after a save). `rows_pulled(count)` arrives on the GUI thread after the worker applied
    rows of other counters. `pending_ids` (run it on the task runner, never on the GUI thread)
    returns the ids of dossiers whose rows still wait in the outbox; None when unknown."""

    status_changed = Signal(object)
    rows_pulled = Signal(int)

    def __init__(self, wake: Callable[[], None] | None = None, parent: QObject | None = None, *,
                 pending_ids: Callable[[], set[str]] | None = None):
        super().__init__(parent)
        self.last = None
        self._wake = wake
        self.pending_ids = pending_ids

    def set_wake(self, wake: Callable[[], None] | None) -> None:
        self._wake = wake

    def publish(self, status) -> None:
        """Any thread: hand a new status to the GUI thread."""
        self.last = status
        self.status_changed.emit(status)

    def publish_pulled(self, count: int) -> None:
        """Any thread: tell the GUI thread that `count` rows of other counters were applied."""
        self.rows_pulled.emit(count)

    def wake(self) -> None:
        if self._wake is not None:
            self._wake()


class SyncIndicator(QLabel):
    """"Online" · "Offline since hh:mm" · "N changes waiting to sync" (combined when both apply);
    the last error is in the tooltip. GUI thread only."""

    def __init__(self, bridge: SyncBridge | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("status.sync")
        self.setContentsMargins(8, 0, 8, 0)
        self.status = None
        self.setText(self.tr("Connecting…"))
        if bridge is not None:
            bridge.status_changed.connect(self.show_status)
            if bridge.last is not None:
                self.show_status(bridge.last)

    def show_status(self, status) -> None:
        self.status = status
        parts = []
        if not status.online:
            since = status.offline_since
            parts.append(self.tr("Offline since {time}").format(time=f"{since:%H:%M}" if since else "--:--"))
        if status.pending:
            parts.append(self.tr("%n change(s) waiting to sync", "", status.pending))
        if not parts:
            parts.append(self.tr("Online"))
        self.setText(" · ".join(parts))
        self.setToolTip(status.last_error or "")
        self.setStyleSheet(_STYLE_OFFLINE if not status.online else _STYLE_PENDING if status.pending else _STYLE_ONLINE)

    def is_online(self) -> bool:
        return bool(self.status is not None and self.status.online)
