"""A small dialog service in front of QMessageBox, so presenters decide and tests just record.

Production code receives a `Dialogs`; tests pass a `RecordingDialogs`, which never opens a
window (a modal box in an offscreen test would wait forever) and answers `confirm` as told.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from counter_app.ui.standard_buttons import translate_buttons


class Dialogs:
    """Message boxes. GUI thread only. `notify` does not block: the caller goes on at once."""

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self._show(QMessageBox.Information, parent, title, text)

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        self._show(QMessageBox.Warning, parent, title, text)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self._show(QMessageBox.Critical, parent, title, text)

    @staticmethod
    def _show(icon, parent: QWidget | None, title: str, text: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.Ok, parent)
        translate_buttons(box)
        box.exec()

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Question, title, text, QMessageBox.Yes | QMessageBox.No, parent)
        box.setDefaultButton(QMessageBox.No)
        translate_buttons(box)
        return box.exec() == QMessageBox.Yes

    def notify(self, parent: QWidget | None, title: str, text: str) -> None:
        """A warning that does not stop the officer's work (e.g. a printer failure)."""
        box = QMessageBox(QMessageBox.Warning, title, text, QMessageBox.Ok, parent)
        translate_buttons(box)
        box.setObjectName("dialogs.notify")
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.setWindowModality(Qt.NonModal)
        box.show()


class RecordingDialogs(Dialogs):
    """Test double: records `(kind, title, text)` and answers confirmations with `answer`."""

    def __init__(self, answer: bool = True):
        self.answer = answer
        self.shown: list[tuple[str, str, str]] = []

    def info(self, parent, title, text) -> None:
        self.shown.append(("info", title, text))

    def warning(self, parent, title, text) -> None:
        self.shown.append(("warning", title, text))

    def error(self, parent, title, text) -> None:
        self.shown.append(("error", title, text))

    def confirm(self, parent, title, text) -> bool:
        self.shown.append(("confirm", title, text))
        return self.answer

    def notify(self, parent, title, text) -> None:
        self.shown.append(("notify", title, text))

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, _title, text in self.shown if kind is None or k == kind]
