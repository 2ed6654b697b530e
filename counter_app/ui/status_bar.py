"""Status bar of the main window: counter, officer, which database, sync state, and the last action."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget


class CounterStatusBar(QStatusBar):
    """Permanent facts on the right, the last action on the left (kept, not a timed message,
    so an officer who looks away does not miss it). GUI thread only."""

    def __init__(self, counter_number: int, officer_name: str, database_kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("status")
        self.last_action = QLabel(self)
        self.last_action.setObjectName("status.last_action")
        self.counter = QLabel(self.tr("Counter {n}").format(n=counter_number), self)
        self.counter.setObjectName("status.counter")
        self.officer = QLabel(officer_name, self)
        self.officer.setObjectName("status.officer")
        self.database = QLabel(database_kind, self)
        self.database.setObjectName("status.database")
        self.addWidget(self.last_action, 1)
        for label in (self.counter, self.officer, self.database):
            label.setContentsMargins(8, 0, 8, 0)
            self.addPermanentWidget(label)

    def add_sync_indicator(self, indicator: QWidget) -> None:
        """A joined counter's online/offline indicator, at the far right."""
        self.sync = indicator
        self.addPermanentWidget(indicator)

    def show_action(self, text: str, *, error: bool = False) -> None:
        self.last_action.setText(f"{datetime.now():%H:%M}  {text}")
        self.last_action.setStyleSheet("color: #b00020; font-weight: bold;" if error else "")

    def action_text(self) -> str:
        return self.last_action.text()
