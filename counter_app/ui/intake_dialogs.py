"""The two small dialogs of reception: what to add (Mẫu 02) and why a request is refused (Mẫu 03).

Both open window-modal without blocking (`open()`), so the presenter goes on in a callback and
tests drive them like any widget. `IntakeDialogs` is the seam the presenter talks to; a test can
pass its own object with the same two methods. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.services.catalogue import DocumentRequirement
from counter_app.ui.standard_buttons import translate_buttons

SupplementCallback = Callable[[list[str], str], None]  # document names to add, other notes
RefusalCallback = Callable[[str], None]  # reasons, one per line


def _buttons(dialog: QDialog, ok_name: str, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    translate_buttons(box)
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setObjectName(ok_name)
    ok.setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setObjectName(ok_name.replace(".ok", ".cancel"))
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def _readable(dialog: QDialog, parent: QWidget | None) -> None:
    """A dialog is its own window: give it the page's counter-sized font."""
    if parent is not None:
        dialog.setFont(parent.font())


def _notes_box(dialog: QDialog, name: str) -> QPlainTextEdit:
    box = QPlainTextEdit(dialog)
    box.setObjectName(name)
    box.setTabChangesFocus(True)  # Tab goes on to the buttons; Enter starts a new line
    box.setMinimumHeight(90)
    return box


class SupplementDialog(QDialog):
    """Mẫu 02: the documents still missing (required ones ticked in advance) and free notes."""

    def __init__(self, missing: list[DocumentRequirement], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("supplement.dialog")
        _readable(self, parent)
        self.setWindowTitle(self.tr("Request a supplement (Form 02)"))
        self.resize(680, 500)
        self.items = QListWidget(self)
        self.items.setObjectName("supplement.items")
        self.items.setAccessibleName(self.tr("Documents to add"))
        self.items.setWordWrap(True)
        self.items.setSpacing(3)
        for requirement in missing:
            text = requirement.name if requirement.required else self.tr("{name} (optional)").format(name=requirement.name)
            item = QListWidgetItem(text, self.items)
            item.setData(Qt.ItemDataRole.UserRole, requirement.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if requirement.required else Qt.CheckState.Unchecked)
        if self.items.count():
            self.items.setCurrentRow(0)
        items_label = QLabel(self.tr("&Documents to add (Space ticks or unticks):"), self)
        items_label.setBuddy(self.items)
        self.notes = _notes_box(self, "supplement.notes")
        notes_label = QLabel(self.tr("Other things to add or &fix (one per line):"), self)
        notes_label.setBuddy(self.notes)
        buttons = _buttons(self, "supplement.ok", self.tr("&Issue and print"))
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        hint = QLabel(self.tr("Everything missing must be listed now, once and completely."), self)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (hint, items_label, self.items, notes_label, self.notes, buttons):
            layout.addWidget(widget)
        self.items.itemChanged.connect(self._update_ok)
        self.notes.textChanged.connect(self._update_ok)
        self._update_ok()

    def chosen_items(self) -> list[str]:
        return [self.items.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.items.count())
                if self.items.item(i).checkState() == Qt.CheckState.Checked]

    def _update_ok(self, *_args) -> None:
        self._ok.setEnabled(bool(self.chosen_items() or self.notes.toPlainText().strip()))


class RefusalDialog(QDialog):
    """Mẫu 03: the reasons for refusing, one per line."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("refusal.dialog")
        _readable(self, parent)
        self.setWindowTitle(self.tr("Refuse the request (Form 03)"))
        self.resize(560, 320)
        self.reasons = _notes_box(self, "refusal.reasons")
        label = QLabel(self.tr("&Reasons for the refusal (one per line):"), self)
        label.setBuddy(self.reasons)
        buttons = _buttons(self, "refusal.ok", self.tr("&Refuse and print"))
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.reasons, 1)
        layout.addWidget(buttons)
        self.reasons.textChanged.connect(lambda: self._ok.setEnabled(bool(self.reasons.toPlainText().strip())))
        self._ok.setEnabled(False)


class IntakeDialogs:
    """Opens the dialogs and calls back on OK (nothing happens on Cancel)."""

    def ask_supplement(self, parent: QWidget, missing: list[DocumentRequirement], on_accept: SupplementCallback) -> None:
        dialog = SupplementDialog(missing, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: on_accept(dialog.chosen_items(), dialog.notes.toPlainText()))
        dialog.open()
        (dialog.items if dialog.items.count() else dialog.notes).setFocus()

    def ask_refusal(self, parent: QWidget, on_accept: RefusalCallback) -> None:
        dialog = RefusalDialog(parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: on_accept(dialog.reasons.toPlainText()))
        dialog.open()
        dialog.reasons.setFocus()
