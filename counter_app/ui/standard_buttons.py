"""Vietnamese texts for Qt's standard dialog buttons.

Qt ships no Vietnamese `qtbase` translation, so OK / Cancel / Save / Yes / No / Close would stay
English; every dialog box with standard buttons passes through `translate_buttons()`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QPushButton

def _texts() -> dict[str, str]:
    # Literal context strings: lupdate only extracts translate() calls it can read.
    translate = QCoreApplication.translate
    return {
        "Ok": translate("StandardButtons", "OK"),
        "Cancel": translate("StandardButtons", "Cancel"),
        "Save": translate("StandardButtons", "Save"),
        "Yes": translate("StandardButtons", "Yes"),
        "No": translate("StandardButtons", "No"),
        "Close": translate("StandardButtons", "Close"),
    }


def translate_buttons(box: QDialogButtonBox | QMessageBox) -> None:
    """Set translated texts on whichever standard buttons `box` has (others are left alone)."""
    enum = QDialogButtonBox.StandardButton if isinstance(box, QDialogButtonBox) else QMessageBox.StandardButton
    for name, text in _texts().items():
        button = box.button(getattr(enum, name))
        if button is not None:
            button.setText(text)


def accept_reject_box(dialog: QDialog, accept: QPushButton, reject: QPushButton, on_accept) -> QDialogButtonBox:
    """The dialog's own two buttons in the platform's order: `accept` is the default (Enter) and
    calls `on_accept` (which decides whether to close); `reject` closes the dialog."""
    accept.setDefault(True)
    box = QDialogButtonBox(dialog)
    box.addButton(accept, QDialogButtonBox.AcceptRole)
    box.addButton(reject, QDialogButtonBox.RejectRole)
    accept.clicked.connect(on_accept)
    reject.clicked.connect(dialog.reject)
    return box
