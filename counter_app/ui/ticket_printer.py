"""Print a walk-in queue ticket on the 80 mm roll (the kiosk's printer, or a counter's for a reprint).

Flow: read the ticket (queue lane) → check the printer (GUI thread) → render the PDF and paint it
on a QPrinter with an 80 mm × ticket-height page, or write `ticket-<number>.pdf` when the
workstation prints to a folder (printer lane) → `printed` / `failed` → log the attempt (database
lane, in the background).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, QSizeF, Signal
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from counter_app.config import WorkstationSettings
from counter_app.i18n import translate_message
from counter_app.printing.documents import TicketData
from counter_app.services.errors import ServiceError
from counter_app.services.queue_print import TICKET, TicketPrintService
from counter_app.services.queue_types import TicketInfo
from counter_app.ui.print_output import load_pdf, paint_pdf, pdf_file_name, write_pdf
from counter_app.ui.task_runner import DATABASE, PRINTER, QUEUE, TaskRunner

log = logging.getLogger(__name__)

ROLL_WIDTH_MM = 80.0
POINT_MM = 25.4 / 72


# Literal QCoreApplication.translate calls (not a helper taking a variable) so lupdate finds them.
def out_of_paper_text() -> str:
    return QCoreApplication.translate("TicketPrinter", "The ticket printer is out of paper or not connected.")


def printer_problem(wanted: str, installed: list[str], default: str, state: QPrinter.PrinterState | None) -> str:
    """Why the ticket cannot go to the printer `wanted` (empty: the system default), or "".

    A printer in the error state is what CUPS and Windows report for a thermal printer that is out
    of paper, has its cover open or is switched off; a configured printer that is not installed,
    or no printer at all, would otherwise make Qt print silently into nowhere.
    """
    if wanted and wanted not in installed:
        return QCoreApplication.translate(
            "TicketPrinter", "The ticket printer “{name}” is not installed or not connected.").format(name=wanted)
    if not wanted and not default:
        return QCoreApplication.translate("TicketPrinter", "No ticket printer is connected.")
    if state == QPrinter.PrinterState.Error:
        return out_of_paper_text()
    return ""


def _find_printer(wanted: str) -> tuple[QPrinterInfo | None, str]:
    installed = QPrinterInfo.availablePrinterNames()
    default = QPrinterInfo.defaultPrinter()
    name = wanted or ("" if default.isNull() else default.printerName())
    info = QPrinterInfo.printerInfo(name) if name and name in installed else None
    problem = printer_problem(wanted, installed, name, info.state() if info is not None and not info.isNull() else None)
    return (None if problem else info), problem


def paint_ticket(pdf: bytes, printer: QPrinter) -> None:
    """Set the roll page to the ticket's own height, then paint it 1:1 (printer lane)."""
    document, _buffer = load_pdf(pdf)
    points = document.pagePointSize(0)
    printer.setPageSize(QPageSize(QSizeF(ROLL_WIDTH_MM, points.height() * POINT_MM), QPageSize.Unit.Millimeter,
                                  "Ticket 80 mm", QPageSize.SizeMatchPolicy.ExactMatch))
    paint_pdf(pdf, printer)


class TicketPrinter(QObject):
    """Prints tickets for one workstation (the kiosk, or a counter reprinting).

    Guarantees: the GUI thread never waits on the database or the printer; a failure never touches
    the ticket (it stays issued and waiting) and is reported by `failed(number, reason)` with a
    reason fit to show to the public; every attempt is logged afterwards (a lost log row is only
    logged as a warning). GUI thread only.
    """

    printed = Signal(str, str)  # ticket number, target (file path or printer name)
    failed = Signal(str, str)  # ticket number, reason

    def __init__(self, workstation: WorkstationSettings, runner: TaskRunner, tickets: TicketPrintService,
                 parent: QObject | None = None, *, user_id: str | None = None):
        super().__init__(parent)
        self.workstation = workstation
        self.runner = runner
        self.tickets = tickets
        self.user_id = user_id

    def print_ticket(self, ticket_id: str, display: str, issued: TicketInfo | None = None) -> None:
        """Print (or reprint) the ticket; `issued` is the `TicketInfo` from `issue()` when at hand."""
        self.runner.submit(
            lambda: self.tickets.printable(ticket_id, issued),
            lambda found: self._output(display, *found),
            lambda error: self._read_failed(display, error),
            lane=QUEUE,
        )

    def _read_failed(self, display: str, error: BaseException) -> None:
        if isinstance(error, ServiceError):
            reason = translate_message(error.message)
        else:  # a driver's error text means nothing at a kiosk; the log keeps it
            log.warning("ticket %s could not be read for printing: %s", display, error)
            reason = self.tr("the queue database is not reachable.")
        self._finish(display, "", "", False, self.tr("The ticket could not be read: {reason}").format(reason=reason))

    def _output(self, display: str, reference: str, data: TicketData) -> None:
        folder = self.workstation.pdf_output_dir
        if folder:
            self.runner.submit(
                lambda: write_pdf(folder, TICKET, display, self.tickets.render(data)),
                lambda path: self._finish(display, reference, path, True, ""),
                lambda error: self._finish(display, reference, folder, False, _reason(error)),
                lane=PRINTER,
            )
            return
        info, problem = _find_printer(self.workstation.printer_name)
        target = self.workstation.printer_name or (info.printerName() if info is not None else "")
        if info is None:
            self._finish(display, reference, target, False, problem)
            return
        printer = QPrinter(info, QPrinter.HighResolution)
        if printer.outputFormat() != QPrinter.NativeFormat or not printer.isValid():
            self._finish(display, reference, target, False, out_of_paper_text())
            return
        printer.setFullPage(True)  # the PDF carries its own margins
        printer.setDocName(pdf_file_name(TICKET, display))
        self.runner.submit(
            lambda: paint_ticket(self.tickets.render(data), printer),
            lambda _none: self._finish(display, reference, target, True, ""),
            lambda error: self._finish(display, reference, target, False, f"{out_of_paper_text()} ({_reason(error)})"),
            lane=PRINTER,
        )

    def _finish(self, display: str, reference: str, target: str, ok: bool, reason: str) -> None:
        if ok:
            self.printed.emit(display, target)
        else:
            log.warning("ticket %s not printed: %s", display, reason)
            self.failed.emit(display, reason)
        if reference:  # a ticket that could not even be read has nothing to log against
            self.runner.submit(
                lambda: self.tickets.log(reference, target, ok=ok, error=reason, user_id=self.user_id),
                None, lambda error: log.warning("could not log the print of ticket %s: %s", display, error),
                lane=DATABASE,
            )


def _reason(error: BaseException) -> str:
    if isinstance(error, ServiceError):
        return translate_message(error.message)
    return str(error) or type(error).__name__
