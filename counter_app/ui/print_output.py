"""Print or preview a legal form: render on the database lane, print on the printer lane, log it.

Flow: `PrintService.render()` (database lane) → optional preview dialog (GUI thread) → optional
print dialog (GUI thread) → paint the PDF pages on a QPrinter, or write the PDF file when the
workstation prints to a folder (printer lane) → `PrintService.log()` (database lane) → signals.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QObject, QRectF, QSize, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget

from counter_app.config import WorkstationSettings
from counter_app.i18n import translate_message
from counter_app.services.errors import ServiceError
from counter_app.services.print_service import PrintService
from counter_app.ui.dialogs import Dialogs
from counter_app.ui.task_runner import DATABASE, PRINTER, TaskRunner

log = logging.getLogger(__name__)

# Forms are A5 (DESIGN.md: Printing); other kinds can be added here (ledger A4, ticket 80 mm).
PAGE_SIZES = {"receipt": QPageSize.A5, "supplement": QPageSize.A5, "refusal": QPageSize.A5, "apology": QPageSize.A5,
              "control_sheet": QPageSize.A5, "return": QPageSize.A5, "handover": QPageSize.A4, "ledger": QPageSize.A4}
LANDSCAPE = frozenset({"ledger"})  # Mẫu 06 is an A4 landscape book
# Raster resolution cap: an A5 page at 1200 dpi is ~280 MB of pixels; 600 dpi is sharp on paper.
MAX_RASTER_DPI = 600
_UNSAFE = re.compile(r"[^\w.\-]+")


class PrintError(Exception):
    """A print attempt that did not reach the paper (or the file); `str()` is user-readable."""


def load_pdf(pdf: bytes) -> tuple[QPdfDocument, QBuffer]:
    """Open PDF bytes with QtPdf (synchronous for an in-memory buffer). Keep the buffer alive as
    long as the document: QPdfDocument reads from it lazily."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        raise PrintError(QCoreApplication.translate("PrintOutput", "The document could not be read for printing."))
    return document, buffer


def paint_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Paint every page of `pdf` on `printer` as an image at the printer's resolution (capped);
    returns the number of pages. Safe off the GUI thread (QPainter on QPrinter, QtPdf rendering)."""
    document, _buffer = load_pdf(pdf)
    dpi = min(printer.resolution(), MAX_RASTER_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(QCoreApplication.translate("PrintOutput", "The printer could not start the job (is it connected and switched on?)."))
    try:
        for page in range(document.pageCount()):
            if page and not printer.newPage():
                raise PrintError(QCoreApplication.translate("PrintOutput", "The printer refused a new page."))
            points = document.pagePointSize(page)
            image = document.render(page, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72)))
            if image.isNull():
                raise PrintError(QCoreApplication.translate("PrintOutput", "A page could not be rendered for printing."))
            target = QRectF(painter.viewport())
            scale = min(target.width() / image.width(), target.height() / image.height())
            painter.drawImage(QRectF(target.x(), target.y(), image.width() * scale, image.height() * scale), image)
    finally:
        painter.end()
    return document.pageCount()


def pdf_file_name(kind: str, reference: str) -> str:
    return f"{_UNSAFE.sub('_', kind)}-{_UNSAFE.sub('_', reference)}.pdf"


def write_pdf(folder: str, kind: str, reference: str, pdf: bytes) -> str:
    """The "PDF printer": write `<folder>/<kind>-<reference>.pdf` atomically; returns the path."""
    try:
        path = Path(folder) / pdf_file_name(kind, reference)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".pdf.part")
        tmp.write_bytes(pdf)
        tmp.replace(path)
    except OSError as error:
        raise PrintError(QCoreApplication.translate("PrintOutput", "The PDF could not be saved in {folder}: {reason}").format(folder=folder, reason=error.strerror or error)) from error
    return str(path)


class PrintOutput(QObject):
    """Prints and previews forms for one logged-in officer at one workstation.

    Guarantees: the GUI thread never waits on the database or the printer; every attempt (also a
    cancelled or failed one) is logged through `PrintService.log`; a failure is reported via
    `on_error(text)` (else a non-blocking message) and the `failed` signal, never raised, and never
    changes the dossier. `on_done(target)` and `printed` come after the log row is written.
    GUI thread only (create and call it there).
    """

    printed = Signal(str, str, str)  # kind, reference, target
    failed = Signal(str, str, str)  # kind, reference, reason

    def __init__(self, workstation: WorkstationSettings, runner: TaskRunner, printing: PrintService, user_id: str,
                 parent: QObject | None = None, *, dialogs: Dialogs | None = None):
        super().__init__(parent)
        self.workstation = workstation
        self.runner = runner
        self.printing = printing
        self.user_id = user_id
        self.dialogs = dialogs or Dialogs()
        self._previews: list[QDialog] = []

    def print_document(self, kind: str, reference: str, parent: QWidget | None, *, preview: bool = False,
                       on_done: Callable[[str], None] | None = None, on_error: Callable[[str], None] | None = None) -> None:
        """Render the form `kind` ("receipt", "supplement", "refusal") of `reference`, then print it
        (or show it first when `preview`)."""
        def rendered(pdf: bytes) -> None:
            if preview:
                self._preview(kind, reference, pdf, parent, on_done, on_error)
            else:
                self._print_pdf(kind, reference, pdf, parent, on_done, on_error)

        def render_failed(error: BaseException) -> None:
            reason = self.tr("The document could not be prepared: {reason}").format(reason=_reason(error))
            self._finish(kind, reference, "", False, reason, parent, on_done, on_error)

        self.runner.submit(lambda: self.printing.render(kind, reference), rendered, render_failed, lane=DATABASE)

    def _preview(self, kind, reference, pdf, parent, on_done, on_error) -> None:
        from counter_app.ui.pdf_preview_dialog import PdfPreviewDialog  # QtPdfWidgets only when previewing

        dialog = PdfPreviewDialog(pdf, self.tr("Preview: {reference}").format(reference=reference), parent)
        dialog.print_requested.connect(lambda: self._print_pdf(kind, reference, pdf, parent, on_done, on_error))
        dialog.finished.connect(lambda _result: self._previews.remove(dialog) if dialog in self._previews else None)
        self._previews.append(dialog)
        dialog.open()

    def _print_pdf(self, kind, reference, pdf, parent, on_done, on_error) -> None:
        folder = self.workstation.pdf_output_dir
        if folder:
            self.runner.submit(
                lambda: write_pdf(folder, kind, reference, pdf),
                lambda target: self._finish(kind, reference, target, True, "", parent, on_done, on_error),
                lambda error: self._finish(kind, reference, folder, False, _reason(error), parent, on_done, on_error),
                lane=PRINTER,
            )
            return
        printer = QPrinter(QPrinter.HighResolution)
        if self.workstation.printer_name:
            printer.setPrinterName(self.workstation.printer_name)
        printer.setPageSize(QPageSize(PAGE_SIZES.get(kind, QPageSize.A5)))
        printer.setPageOrientation(QPageLayout.Landscape if kind in LANDSCAPE else QPageLayout.Portrait)
        printer.setFullPage(True)  # the PDF carries its own margins: paint it 1:1 on the paper
        printer.setDocName(pdf_file_name(kind, reference))
        if kind == "receipt":
            printer.setCopyCount(max(1, self.workstation.receipt_copies))
        target = printer.printerName() or self.workstation.printer_name or self.tr("default printer")
        installed = QPrinterInfo.availablePrinterNames()
        wanted = self.workstation.printer_name
        # Without a print system Qt silently falls back to a PDF "printer" with no file: refuse
        # that, and a configured printer that is not installed, instead of printing nowhere.
        if (not printer.isValid() or printer.outputFormat() != QPrinter.NativeFormat
                or (wanted and wanted not in installed)):
            reason = self.tr("No printer is available ({name}).").format(name=target)
            self._finish(kind, reference, target, False, reason, parent, on_done, on_error)
            return
        if not self.workstation.print_without_dialog:
            if QPrintDialog(printer, parent).exec() != QDialog.Accepted:
                self._finish(kind, reference, target, False, self.tr("Printing was cancelled."), parent, on_done, on_error)
                return
            target = printer.printerName() or target
        self.runner.submit(
            lambda: paint_pdf(pdf, printer),
            lambda _pages: self._finish(kind, reference, target, True, "", parent, on_done, on_error),
            lambda error: self._finish(kind, reference, target, False, _reason(error), parent, on_done, on_error),
            lane=PRINTER,
        )

    def _finish(self, kind, reference, target, ok, reason, parent, on_done, on_error) -> None:
        """Log the attempt, then report it (after the log row exists, so a refresh shows it)."""
        copies = max(1, self.workstation.receipt_copies) if kind == "receipt" else 1

        def report(_result=None) -> None:
            if ok:
                self.printed.emit(kind, reference, target)
                if on_done:
                    on_done(target)
                return
            self.failed.emit(kind, reference, reason)
            if on_error:
                on_error(reason)
            else:
                self.dialogs.notify(parent, self.tr("Printing failed"), reason)

        def log_failed(error: BaseException) -> None:
            log.error("could not log the print of %s %s: %s", kind, reference, error)
            report()

        self.runner.submit(
            lambda: self.printing.log(kind, reference, target, ok=ok, error=reason, copies=copies, user_id=self.user_id),
            report, log_failed, lane=DATABASE,
        )


def _reason(error: BaseException) -> str:
    if isinstance(error, ServiceError):
        return translate_message(error.message)
    return str(error) or type(error).__name__
