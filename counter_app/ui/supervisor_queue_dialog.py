"""The reason dialog of the supervisor's queue board: why (always) and to which counter (reassign).

Opened with `open()` (window-modal, never blocks), so the page goes on in a callback and tests
drive it like any widget. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from counter_app.ui.field_error import FieldWithError
from counter_app.ui.standard_buttons import translate_buttons

MAX_COUNTER = 999


class ReasonDialog(QDialog):
    """Why (mandatory) and, to reassign, to which counter (1–999). Opened with `open()` (it does
    not block); OK with a bad input shows the message beside the field and keeps the dialog open,
    so nothing is done until both are right. `chosen()` gives (counter or None, reason)."""

    def __init__(self, prefix: str, title: str, question: str, ok_text: str, parent: QWidget, *,
                 ask_counter: bool = False, counter_names: dict[int, str] | None = None):
        super().__init__(parent)
        self.setObjectName(f"{prefix}.dialog")
        self.setFont(parent.font())  # a dialog is its own window: keep the page's counter-sized type
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self._names = counter_names or {}
        text = QLabel(question, self)
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        self.counter: FieldWithError | None = None
        if ask_counter:
            edit = QLineEdit(self)
            edit.setObjectName(f"{prefix}.counter")
            edit.setMaxLength(4)
            edit.setMaximumWidth(120)
            self.counter = FieldWithError(edit, self)
            self.counter_name = QLabel(self)
            self.counter_name.setObjectName(f"{prefix}.counter_name")
            self.counter_name.hide()
            edit.textChanged.connect(self._on_counter_text_changed)
            label = QLabel(self.tr("To &counter number (1–999):"), self)
            label.setBuddy(edit)
            layout.addWidget(label)
            layout.addWidget(self.counter)
            layout.addWidget(self.counter_name)
        reason = QLineEdit(self)
        reason.setObjectName(f"{prefix}.reason")
        reason.setMaxLength(200)
        self.reason = FieldWithError(reason, self)
        label = QLabel(self.tr("R&eason (kept in the audit):"), self)
        label.setBuddy(reason)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        translate_buttons(buttons)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setObjectName(f"{prefix}.ok")
        ok.setText(ok_text)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName(f"{prefix}.close")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.counter or self.reason).input.setFocus()

    def chosen(self) -> tuple[int | None, str]:
        counter = int(self.counter.input.text()) if self.counter is not None else None
        return counter, self.reason.input.text().strip()

    def accept(self) -> None:
        first_bad: QWidget | None = None
        if self.counter is not None:
            text = self.counter.input.text().strip()
            if not (text.isdigit() and 1 <= int(text) <= MAX_COUNTER):
                self.counter.set_error(self.tr("Type a counter number from 1 to 999."))
                first_bad = self.counter.input
            else:
                self.counter.clear_error()
        if not self.reason.input.text().strip():
            self.reason.set_error(self.tr("Type the reason: it is kept in the audit for the record."))
            first_bad = first_bad or self.reason.input
        else:
            self.reason.clear_error()
        if first_bad is not None:
            first_bad.setFocus()
            return
        super().accept()

    def _on_counter_text_changed(self, text: str) -> None:
        self.counter.clear_error()
        name = self._names.get(int(text)) if text.strip().isdigit() else None
        self.counter_name.setText(name or "")
        self.counter_name.setVisible(bool(name))
