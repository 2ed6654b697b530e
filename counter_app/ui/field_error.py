"""An input paired with the red label that shows its validation message, right under it.

Guarantees: the label's objectName is `<input objectName>.error`; it is hidden (and takes no
space) while there is no message, and is announced to screen readers as the input's description.
The officer typing in a line edit clears its message (programmatic changes do not).
`SummaryMessage` takes a page's "correct the fields marked in red" line away once the officer has
corrected every one of them, so no stale red line contradicts a form that is now clean.
GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget

ERROR_COLOUR = "#b00020"
ERROR_BORDER = "border: 2px solid #b00020;"


class FieldWithError(QWidget):
    """Wraps `input` (already named) and owns its error label; `fixed` is emitted when a shown
    message is cleared (the officer edited the field, or the form was reset)."""

    fixed = Signal()

    def __init__(self, input_widget: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.input = input_widget
        self.label = QLabel(self)
        self.label.setObjectName(f"{input_widget.objectName()}.error")
        set_colour(self.label, ERROR_COLOUR)
        set_font(self.label, bold=True)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(input_widget)
        layout.addWidget(self.label)
        self.setFocusProxy(input_widget)
        self._base_style = input_widget.styleSheet()
        if isinstance(input_widget, QLineEdit):  # typing in a red field is correcting it
            input_widget.textEdited.connect(lambda _text: self.clear_error())

    def set_error(self, text: str) -> None:
        """Show `text` under the input (an empty text clears it)."""
        if not text:
            self.clear_error()
            return
        self.label.setText(text)
        self.label.show()
        self.input.setAccessibleDescription(text)
        if isinstance(self.input, (QLineEdit, QPlainTextEdit)):
            # A red frame as well as the text: the eye finds the field without reading.
            kind = "QLineEdit" if isinstance(self.input, QLineEdit) else "QPlainTextEdit"
            self.input.setStyleSheet(f"{self._base_style}\n{kind} {{ {ERROR_BORDER} }}")

    def clear_error(self) -> None:
        had_error = bool(self.label.text())
        self.label.clear()
        self.label.hide()
        self.input.setAccessibleDescription("")
        self.input.setStyleSheet(self._base_style)
        if had_error:
            self.fixed.emit()

    def error(self) -> str:
        """The message shown now ("" when none)."""
        return self.label.text()


def set_font(widget: QWidget, *, bold: bool | None = None, italic: bool | None = None,
             point_size: float | None = None) -> None:
    """Change only the given font properties; the rest keeps following the parent's font.
    (Font rules in a style sheet would detach the widget from the page's larger font.)"""
    font = QFont()
    if bold is not None:
        font.setBold(bold)
    if italic is not None:
        font.setItalic(italic)
    if point_size is not None:
        font.setPointSizeF(point_size)
    widget.setFont(font)


def set_colour(widget: QWidget, colour: str) -> None:
    """Text colour through the palette (a style sheet would also detach the widget's font)."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    widget.setPalette(palette)


def named_label(parent: QWidget, name: str, colour: str = "") -> QLabel:
    """An empty word-wrapping label with a stable objectName (pages fill it later)."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    if colour:
        set_colour(label, colour)
    return label


def named_button(parent: QWidget, name: str, text: str) -> QPushButton:
    """A push button with a stable objectName that Enter in a field never presses by itself."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAutoDefault(False)
    return button


class SummaryMessage(QObject):
    """The page-level line that sends the officer to the fields marked in red: `shown(text)` when
    the page shows it; once every field's message is cleared, `clear` is called, unless the page's
    message line has changed since (a later outcome is never wiped)."""

    def __init__(self, fields: Iterable[FieldWithError], current: Callable[[], str], clear: Callable[[], None],
                 parent: QObject | None = None):
        super().__init__(parent)
        self._fields = list(fields)
        self._current, self._clear = current, clear
        self._text = ""
        for field in self._fields:
            field.fixed.connect(self._on_fixed)

    def shown(self, text: str) -> None:
        self._text = text

    def _on_fixed(self) -> None:
        if self._text and not any(f.error() for f in self._fields) and self._current() == self._text:
            self._text = ""
            self._clear()
