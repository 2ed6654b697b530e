"""The "Central database" section of the workstation settings (administrators only).

Shows whether this workstation is standalone or joined (central URL without password, counter
number) and lets an administrator join a central database as the dialog's counter number.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QWidget

from counter_app.i18n import translate_message
from counter_app.services.errors import ServiceError
from counter_app.ui.login_dialog import ERROR_STYLE
from counter_app.ui.task_runner import TaskRunner


class CentralPort(Protocol):
    """What the section needs (`counter_app.sync.central_access.CentralAccess`); both calls block."""

    def link(self):  # -> object with .url (no password) and .counter_number, or None
        ...

    def join(self, url: str, password: str, counter_number: int, replace: bool = False):
        ...  # -> object with .central_url (no password), .counter_number, .rows_loaded


class CentralSection(QGroupBox):
    """Status and join form. GUI thread only; reading the link and joining run on the task runner,
    never here. The password field is cleared once a join is attempted and never re-displayed.
    The join itself refuses non-administrators (`CentralAccess.join`); the owner only builds this
    section for an administrator."""

    busy_changed = Signal(bool)
    joined = Signal(object)  # the join report

    def __init__(self, access: CentralPort, runner: TaskRunner, counter_number: Callable[[], int],
                 parent: QWidget | None = None):
        super().__init__(self.tr("Central database"), parent)
        self.setObjectName("workstation.central")
        self._access, self._runner, self._counter_number = access, runner, counter_number
        self.busy = False

        self.status = QLabel(self.tr("Checking…"), self)
        self.status.setObjectName("workstation.central_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.url = QLineEdit(self)
        self.url.setObjectName("workstation.central_url")
        self.url.setPlaceholderText("postgresql://user@host:5432/database")
        self.password = QLineEdit(self)
        self.password.setObjectName("workstation.central_password")
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setPlaceholderText(self.tr("empty: the password is in the URL"))
        self.replace = QCheckBox(self.tr("Replace the workstation that used this counter number"), self)
        self.replace.setObjectName("workstation.replace")
        self.join_button = QPushButton(self.tr("&Join as this counter"), self)
        self.join_button.setObjectName("workstation.join")
        self.join_button.clicked.connect(self._on_join_clicked)
        self.error = QLabel(self)
        self.error.setObjectName("workstation.join_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()

        form = QFormLayout(self)
        form.addRow(self.status)
        form.addRow(self.tr("Central &URL:"), self.url)
        form.addRow(self.tr("Pass&word:"), self.password)
        form.addRow("", self.replace)
        form.addRow("", self.join_button)
        form.addRow(self.error)
        self.refresh()

    def refresh(self) -> None:
        """Re-read whether this workstation is joined, off the GUI thread."""
        self._runner.submit(self._access.link, self._on_link_read, self._on_link_failed)

    def _on_link_read(self, link) -> None:
        if link is None:
            self.status.setText(self.tr("Standalone: this workstation keeps its own database."))
            return
        self.status.setText(self.tr("Joined to {url} as counter {n}.").format(url=link.url, n=link.counter_number))
        if not self.url.text():
            self.url.setText(link.url)

    def _on_link_failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("Cannot read the central database link: {reason}").format(reason=self._reason(error)))

    def _on_join_clicked(self) -> None:
        url, password = self.url.text().strip(), self.password.text()
        if not url:
            self._show_error(self.tr("Enter the central database URL."))
            self.url.setFocus()
            return
        self.password.clear()  # it lives on only in the task, then in the keyring or the 0600 file
        counter, replace = self._counter_number(), self.replace.isChecked()
        self.error.hide()
        self._set_busy(True)
        self._runner.submit(lambda: self._access.join(url, password, counter, replace), self._on_joined, self._on_join_failed)

    def _on_joined(self, report) -> None:
        self._set_busy(False)
        self.url.setText(report.central_url)
        self.status.setText(self.tr("Joined to {url} as counter {n}; {rows} rows loaded. Restart the app to work "
                                    "with the central database.").format(url=report.central_url,
                                                                         n=report.counter_number, rows=report.rows_loaded))
        self.joined.emit(report)

    def _on_join_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self._show_error(self._reason(error))

    def _reason(self, error: BaseException) -> str:
        if isinstance(error, ServiceError):
            return translate_message(error.message)
        return self.tr("Unexpected error: {reason}").format(reason=type(error).__name__)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.url, self.password, self.replace, self.join_button):
            widget.setEnabled(not busy)
        self.join_button.setText(self.tr("Joining…") if busy else self.tr("&Join as this counter"))
        self.busy_changed.emit(busy)
