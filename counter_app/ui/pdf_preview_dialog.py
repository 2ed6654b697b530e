"""Preview of a rendered form (QPdfView, fit to width) with Print (Ctrl+P) and Close (Esc)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from counter_app.ui.print_output import load_pdf


class PdfPreviewDialog(QDialog):
    """Shows PDF bytes; emits `print_requested` (then closes) when the officer presses Print.
    Does no printing itself. GUI thread only."""

    print_requested = Signal()

    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("preview")
        self.setWindowTitle(title)
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.document, self._buffer = load_pdf(pdf)
        self.document.setParent(self)
        self._buffer.setParent(self)

        self.view = QPdfView(self)
        self.view.setObjectName("preview.view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton(self.tr("&Print"), self)
        self.print_button.setObjectName("preview.print")
        self.print_button.setShortcut(QKeySequence.Print)
        self.print_button.setToolTip(self.tr("Print (Ctrl+P)"))
        self.print_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("preview.close")
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        buttons.addButton(self.print_button, QDialogButtonBox.AcceptRole)
        buttons.addButton(self.close_button, QDialogButtonBox.RejectRole)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(640, 860)  # an A5 page at a readable width on a 1366x768 counter screen

    def page_count(self) -> int:
        return self.document.pageCount()

    def _on_print_clicked(self) -> None:
        self.print_requested.emit()
        self.accept()
