"""Login at the counter: user name, password, the workstation's counter number shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.i18n import translate_message
from counter_app.services.auth import AuthService, UserInfo
from counter_app.services.errors import ServiceError
from counter_app.ui.standard_buttons import accept_reject_box
from counter_app.ui.task_runner import DATABASE, TaskRunner

ERROR_STYLE = "color: #b00020; font-weight: bold;"


class LoginDialog(QDialog):
    """Accepted with `self.user` set after a successful login. A refusal is shown in a label
    beside the form (no popup) and the password is cleared. The check runs on the runner
    (argon2 is slow on purpose). GUI thread only."""

    def __init__(self, auth: AuthService, counter_number: int, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("login")
        self.setWindowTitle(self.tr("counter_app — Log in"))
        self._auth = auth
        self._runner = runner
        self.user: UserInfo | None = None

        title = QLabel(self.tr("Reception counter"), self)
        font = title.font()
        font.setPointSize(16)
        font.setBold(True)
        title.setFont(font)
        self.counter = QLabel(self.tr("Counter {n}").format(n=counter_number), self)
        self.counter.setObjectName("login.counter")
        self.username = QLineEdit(self)
        self.username.setObjectName("login.username")
        self.username.setMaxLength(60)
        self.password = QLineEdit(self)
        self.password.setObjectName("login.password")
        self.password.setEchoMode(QLineEdit.Password)
        self.error = QLabel(self)
        self.error.setObjectName("login.error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()

        self.submit = QPushButton(self.tr("&Log in"), self)
        self.submit.setObjectName("login.submit")
        self.quit = QPushButton(self.tr("&Quit"), self)
        self.quit.setObjectName("login.quit")
        buttons = accept_reject_box(self, self.submit, self.quit, self.attempt)

        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("&Password:"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.counter)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.username.setFocus()

    def attempt(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self._show_error(self.tr("Enter your user name and password."))
            (self.username if not username else self.password).setFocus()
            return
        self._set_busy(True)
        self._runner.submit(lambda: self._auth.login(username, password), self._on_login_done, self._on_login_failed,
                            lane=DATABASE)

    def _on_login_done(self, user: UserInfo) -> None:
        self._set_busy(False)
        self.user = user
        self.accept()

    def _on_login_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, ServiceError):
            self._show_error(translate_message(error.message))
        else:
            self._show_error(self.tr("Could not log in: {reason}").format(reason=error))
        self.password.clear()
        self.password.setFocus(Qt.OtherFocusReason)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.adjustSize()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.username, self.password, self.submit):
            widget.setEnabled(not busy)
