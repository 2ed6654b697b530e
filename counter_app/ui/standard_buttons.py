"""Vietnamese texts for Qt's standard dialog buttons.

Qt ships no Vietnamese `qtbase` translation, so OK / Cancel / Save / Yes / No / Close would stay
English; every dialog box with standard buttons passes through `translate_buttons()`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

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
