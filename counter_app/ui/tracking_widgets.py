"""Small parts shared by the counter's tracking pages (hand-over, return, late lists): the F5 key
that belongs to the page, the message colours and a readable error reason."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel

from counter_app.i18n import translate_message
from counter_app.services.errors import ServiceError
from counter_app.ui.field_error import ERROR_COLOUR, set_colour

PAGE_POINT_SIZE = 11.0  # read at arm's length, like the intake page
MESSAGE_COLOURS = {"info": "#1a1a1a", "success": "#1b5e20", "error": ERROR_COLOUR}


class RefreshOnF5:
    """Mixin for a QWidget page with a `refresh()`: F5 anywhere inside the page re-reads it, even
    in a window that binds F5 to something else (the main window's reprint): the page accepts the
    ShortcutOverride that the focused child passes up, so the key comes to it instead."""

    def event(self, event) -> bool:
        if event.type() == QEvent.ShortcutOverride and event.key() == Qt.Key_F5 and event.modifiers() == Qt.NoModifier:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key_F5 and event.modifiers() == Qt.NoModifier:
            self.refresh()
            return
        super().keyPressEvent(event)


def show_message(label: QLabel, text: str, kind: str = "info") -> None:
    """`text` on a message line, coloured by kind ("info", "success", "error")."""
    set_colour(label, MESSAGE_COLOURS.get(kind, MESSAGE_COLOURS["info"]))
    label.setText(text)


def error_text(error: BaseException) -> str:
    """A service refusal in the user's language; anything else as Python says it."""
    return translate_message(error.message) if isinstance(error, ServiceError) else str(error)
