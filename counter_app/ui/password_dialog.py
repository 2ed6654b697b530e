"""Forced password change (demo, new or reset accounts): current, new, repeat the new one."""

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
from counter_app.services.errors import ServiceError, ValidationFailed
from counter_app.ui.login_dialog import ERROR_STYLE
from counter_app.ui.standard_buttons import accept_reject_box
from counter_app.ui.task_runner import DATABASE, TaskRunner

FIELDS = ("password.old", "password.new", "password.repeat")


class PasswordDialog(QDialog):
    """Accepted with `self.user` (the account, no longer flagged) once the change is saved.
    It cannot be skipped: the only other way out is Quit (rejected), and the app then exits.
    Field messages come from the service (`ValidationFailed.by_field()`), shown under each
    field. GUI thread only."""

    def __init__(self, auth: AuthService, user: UserInfo, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("password")
        self.setWindowTitle(self.tr("Change your password"))
        self._auth = auth
        self._runner = runner
        self._username = user.username
        self.user: UserInfo | None = None

        intro = QLabel(self.tr("{name}, please choose your own password before you start. "
                               "It needs at least 8 characters, with letters and digits.").format(name=user.full_name), self)
        intro.setWordWrap(True)
        self.inputs: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        captions = (self.tr("&Current password:"), self.tr("&New password:"), self.tr("&Repeat the new password:"))
        for name, caption in zip(FIELDS, captions):
            edit = QLineEdit(self)
            edit.setObjectName(name)
            edit.setEchoMode(QLineEdit.Password)
            error = QLabel(self)
            error.setObjectName(name + ".error")
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            form.addRow(caption, edit)
            form.addRow("", error)
            self.inputs[name], self.errors[name] = edit, error
        self.general = QLabel(self)
        self.general.setObjectName("password.error")
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.setWordWrap(True)
        self.general.hide()

        self.submit = QPushButton(self.tr("&Change password"), self)
        self.submit.setObjectName("password.submit")
        self.quit = QPushButton(self.tr("&Quit"), self)
        self.quit.setObjectName("password.quit")
        buttons = accept_reject_box(self, self.submit, self.quit, self.attempt)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.inputs["password.old"].setFocus()

    def field_error(self, name: str) -> str:
        label = self.errors[name]
        return label.text() if not label.isHidden() else ""

    def attempt(self) -> None:
        old, new, repeat = (self.inputs[name].text() for name in FIELDS)
        self._clear_errors()
        if new != repeat:
            self._show_errors({"password.repeat": self.tr("The two new passwords are different.")})
            return
        self._set_busy(True)
        self._runner.submit(lambda: self._auth.change_password(self._username, old, new), self._on_changed,
                            self._on_change_failed, lane=DATABASE)

    def _on_changed(self, user: UserInfo) -> None:
        self._set_busy(False)
        self.user = user
        self.accept()

    def _on_change_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, ValidationFailed):
            messages = {name: translate_message(message) for name, message in error.by_field().items()}
            self._show_errors(messages)
        elif isinstance(error, ServiceError):
            self._show_errors({"": translate_message(error.message)})
        else:
            self._show_errors({"": self.tr("The password could not be changed: {reason}").format(reason=error)})

    def _show_errors(self, messages: dict[str, str]) -> None:
        first = None
        for name, text in messages.items():
            label = self.errors.get(name, self.general)
            if text:
                label.setText(text)
                label.show()
            if name in self.inputs and first is None:
                first = self.inputs[name]
        self.adjustSize()  # room for the wrapped messages
        if first is not None:
            first.selectAll()
            first.setFocus(Qt.OtherFocusReason)

    def _clear_errors(self) -> None:
        for label in (*self.errors.values(), self.general):
            label.clear()
            label.hide()

    def _set_busy(self, busy: bool) -> None:
        for widget in (*self.inputs.values(), self.submit):
            widget.setEnabled(not busy)
