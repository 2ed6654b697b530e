"""How the ticket kiosk looks: its style sheet and the two helpers every kiosk widget uses for
centred, wrapped labels and for type sized in pixels (the kiosk scales its type to the screen)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

STYLE = """
KioskWindow { background: #f4f6fa; }
#kiosk\\.header { background: #0b3d91; }
#kiosk\\.header QLabel { color: white; }
QPushButton[kiosk_group="true"] { background: #1565c0; border: none; border-radius: 14px; }
QPushButton[kiosk_group="true"]:pressed { background: #0d47a1; }
QPushButton[kiosk_group="true"]:disabled { background: #9aa5b4; }
QPushButton[kiosk_group="true"] QLabel { color: white; }
QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }
#kiosk\\.priority { background: white; border: 3px solid #e65100; border-radius: 14px; padding: 6px; }
#kiosk\\.priority:checked { background: #e65100; }
#kiosk\\.priority:disabled { border-color: #9aa5b4; }
#kiosk\\.done { background: #1565c0; color: white; border: none; border-radius: 12px; padding: 12px 48px; }
#kiosk\\.reprint { background: transparent; color: #0b3d91; border: 2px solid #0b3d91; border-radius: 8px; padding: 6px 16px; }
#kiosk\\.message, #kiosk\\.notice { color: #8a1c00; }
#kiosk\\.print_status[fault="true"] { background: #fff3e0; color: #8a1c00; border: 3px solid #e65100; border-radius: 14px; }
#kiosk\\.print_reason { color: #5f6b7a; }
"""


def make_label(name: str, parent: QWidget | None = None, *, wrap: bool = True, align=Qt.AlignCenter) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setAlignment(align)
    return label


def set_font(widget: QWidget, pixels: float, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPixelSize(max(12, round(pixels)))
    font.setBold(bold)
    widget.setFont(font)
