"""The ticket kiosk driven by taps on the demo database: issuing, printing, priority, double taps,
printer failures, reprints and a lost database."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pdf_tools import decode_codes, pdf_page_images, pdf_text
from sqlalchemy import select, update
from ui_helpers import child

from counter_app.models import PrintLog, ServiceGroup
from counter_app.services.db import Database
from counter_app.services.errors import NotFound
from counter_app.services.queue_print import TicketPrintService
from counter_app.services.queue_types import WAITING
from counter_app.ui.kiosk_buttons import grid_columns
from counter_app.ui.kiosk_window import KioskWindow, build_kiosk
from counter_app.ui.task_runner import SyncTaskRunner
from counter_app.ui.ticket_printer import TicketPrinter, paint_ticket, printer_problem

STATUS_URL = "https://dichvucong.example.gov.vn/tra-cuu-so-thu-tu?ve={ticket}&ngay=2026-11-26"


class Ticking:
    """A monotonic clock the test moves: taps far apart unless the test says otherwise."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class HeldRunner(SyncTaskRunner):
    """Runs queue-lane tasks only when the test releases them, as a slow central database would."""

    def __init__(self):
        self.held: list = []

    def submit(self, fn, on_done=None, on_error=None, lane="database"):
        if lane == "queue" and self.held is not None:
            self.held.append((fn, on_done, on_error))
            return
        super().submit(fn, on_done, on_error, lane)

    def release(self) -> None:
        held, self.held = self.held, None
        for fn, on_done, on_error in held:
            super().submit(fn, on_done, on_error, "queue")
        self.held = []


def printing_to(ctx, folder: Path):
    return dataclasses.replace(ctx, workstation=dataclasses.replace(ctx.workstation, pdf_output_dir=str(folder)))


def kiosk(qtbot, ctx, runner=None) -> KioskWindow:
    window = build_kiosk(ctx, runner or SyncTaskRunner())
    window.monotonic = Ticking()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def tap(qtbot, window: KioskWindow, name: str, *, later: float = 5.0) -> None:
    """Tap the widget `name`, `later` seconds after the previous tap."""
    window.monotonic.now += later
    qtbot.mouseClick(child(window, name), Qt.LeftButton)


def test_start_page_has_a_button_per_active_group(qtbot, ctx):
    """Every active group gets a large button with its name; the centre's name heads the page."""
    window = kiosk(qtbot, ctx)
    names = [g.name for g in ctx.queue.groups()]
    buttons = [child(window, f"kiosk.group.{g.code}") for g in ctx.queue.groups()]
    assert [b.findChild(QWidget, f"{b.objectName()}.name").text() for b in buttons] == names
    assert all(b.height() >= 120 and b.isEnabled() for b in buttons)
    assert child(window, "kiosk.centre").text() == "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH"
    assert child(window, "kiosk.clock").text().startswith("09:30")
    assert not child(window, "kiosk.reprint").isVisible()


def test_tap_issues_shows_and_prints_the_ticket(qtbot, ctx, tmp_path):
    """A tap issues a ticket of that group, shows its number and prints ticket-<number>.pdf whose QR
    is the ticket's status URL; after a while the start page is back."""
    ctx.queue.issue("A")
    window = kiosk(qtbot, printing_to(ctx, tmp_path))
    window.CONFIRM_MS = 200
    with qtbot.waitSignal(window.printer.printed) as printed:
        tap(qtbot, window, "kiosk.group.A")

    ticket = ctx.queue.find("A002")
    assert (ticket.status, ticket.group_code, ticket.priority) == (WAITING, "A", False)
    pdf = tmp_path / "ticket-A002.pdf"
    assert printed.args == ["A002", str(pdf)]
    text = " ".join(pdf_text(pdf.read_bytes()).split())
    assert "A002" in text and "Tư pháp" in text and "Số người đang chờ trước quý khách: 1" in text
    (image,) = pdf_page_images(pdf.read_bytes(), dpi=200)
    assert [t for fmt, t in decode_codes(image) if "QR" in fmt.upper()] == [STATUS_URL.format(ticket="A002")]

    assert child(window, "kiosk.ticket").isVisible()
    assert child(window, "kiosk.ticket_number").text() == "A002"
    assert child(window, "kiosk.ticket_group").text() == "Tư pháp"
    assert "ahead of you: 1" in child(window, "kiosk.ticket_wait").text()
    assert child(window, "kiosk.print_status").text() == "Please take your ticket below."
    qtbot.waitUntil(lambda: child(window, "kiosk.start").isVisible(), timeout=3000)


def test_priority_toggle_issues_a_priority_ticket(qtbot, ctx, tmp_path):
    """With the priority toggle on, the ticket is a priority one (with the standard reason); the toggle
    is off again for the next visitor."""
    window = kiosk(qtbot, printing_to(ctx, tmp_path))
    tap(qtbot, window, "kiosk.priority")
    assert child(window, "kiosk.priority").isChecked()
    tap(qtbot, window, "kiosk.group.C")
    ticket = ctx.queue.find("C001")
    assert ticket.priority
    assert child(window, "kiosk.ticket_priority").isVisible()
    assert "Ưu tiên" in pdf_text((tmp_path / "ticket-C001.pdf").read_bytes())
    tap(qtbot, window, "kiosk.done")
    assert not child(window, "kiosk.priority").isChecked()
    tap(qtbot, window, "kiosk.group.C")
    assert not ctx.queue.find("C002").priority


def test_priority_left_behind_is_cleared(qtbot, ctx):
    """A priority choice nobody followed with a ticket switches itself off for the next visitor."""
    window = kiosk(qtbot, ctx)
    window.PRIORITY_RESET_MS = 50
    tap(qtbot, window, "kiosk.priority")
    qtbot.waitUntil(lambda: not child(window, "kiosk.priority").isChecked(), timeout=2000)


def test_double_tap_issues_one_ticket(qtbot, ctx, tmp_path):
    """Two quick taps on a group (and the second landing on "Done") give one ticket, still on screen."""
    window = kiosk(qtbot, printing_to(ctx, tmp_path))
    button = child(window, "kiosk.group.B")
    tap(qtbot, window, "kiosk.group.B")
    window.monotonic.now += 0.2
    qtbot.mouseClick(button, Qt.LeftButton)
    qtbot.mouseClick(child(window, "kiosk.done"), Qt.LeftButton)
    assert child(window, "kiosk.ticket").isVisible()
    ctx.queue.find("B001")
    with pytest.raises(NotFound):
        ctx.queue.find("B002")


def test_taps_while_issuing_are_ignored(qtbot, ctx, tmp_path):
    """While the issue is in flight (slow database), further taps on any group issue nothing."""
    runner = HeldRunner()
    window = kiosk(qtbot, printing_to(ctx, tmp_path), runner)
    runner.release()  # the first group read
    tap(qtbot, window, "kiosk.group.A")
    assert not child(window, "kiosk.group.D").isEnabled()
    tap(qtbot, window, "kiosk.group.A", later=3)
    tap(qtbot, window, "kiosk.group.D", later=3)
    assert child(window, "kiosk.message").text() == "Issuing your ticket…"
    runner.release()
    ctx.queue.find("A001")
    for display in ("A002", "D001"):
        with pytest.raises(NotFound):
            ctx.queue.find(display)
    assert child(window, "kiosk.ticket_number").text() == "A001"


def test_missing_printer_keeps_the_ticket_and_a_counter_reprints_it(qtbot, ctx, tmp_path):
    """No printer (offscreen has none): the number stays on screen with a clear message, the ticket
    waits in the queue, and a counter's TicketPrinter (printing to a folder) reprints it."""
    window = kiosk(qtbot, ctx)
    with qtbot.waitSignal(window.printer.failed) as failed:
        tap(qtbot, window, "kiosk.group.E")
    assert failed.args[0] == "E001"
    status = child(window, "kiosk.print_status")
    assert status.isVisible() and status.property("fault") is True
    assert "Ticket E001 has been issued. The printer is out of paper or not connected" in status.text()
    assert child(window, "kiosk.print_reason").text() == "No ticket printer is connected."
    assert ctx.queue.find("E001").status == WAITING
    tap(qtbot, window, "kiosk.done")
    assert child(window, "kiosk.notice").isVisible()  # the next visitor is warned too

    counter = TicketPrinter(printing_to(ctx, tmp_path).workstation, SyncTaskRunner(), TicketPrintService(ctx.queue, ctx.db))
    ticket = ctx.queue.find("E001")
    with qtbot.waitSignal(counter.printed):
        counter.print_ticket(ticket.id, ticket.display)
    assert "E001" in pdf_text((tmp_path / "ticket-E001.pdf").read_bytes())
    with ctx.db.reader() as session:
        logged = session.execute(select(PrintLog.ok).where(PrintLog.reference == "E001/2026-11-26")).scalars().all()
    assert sorted(logged) == [False, True]


def test_reprint_without_the_database_fails_plainly(qtbot, ctx, tmp_path):
    """A reprint when the queue database is gone reports a plain reason (no driver text), writes nothing."""
    ticket = ctx.queue.issue("A")
    real = ctx.queue.db
    ctx.queue.db = Database(f"sqlite+pysqlite:///{tmp_path / 'gone' / 'no.sqlite3'}")
    try:
        printer = TicketPrinter(printing_to(ctx, tmp_path).workstation, SyncTaskRunner(),
                                TicketPrintService(ctx.queue, ctx.db))
        with qtbot.waitSignal(printer.failed) as failed:
            printer.print_ticket(ticket.id, ticket.display)
    finally:
        ctx.queue.db.dispose()
        ctx.queue.db = real
    assert failed.args == ["A001", "The ticket could not be read: the queue database is not reachable."]
    assert not (tmp_path / "ticket-A001.pdf").exists()


def test_reprint_last_ticket_within_two_minutes(qtbot, ctx, tmp_path):
    """"Reprint ticket A001" prints the kiosk's last ticket again while it is recent, then disappears."""
    window = kiosk(qtbot, printing_to(ctx, tmp_path))
    tap(qtbot, window, "kiosk.group.A")
    tap(qtbot, window, "kiosk.done")
    reprint = child(window, "kiosk.reprint")
    assert reprint.isVisible() and reprint.text() == "Reprint ticket A001"
    (tmp_path / "ticket-A001.pdf").unlink()
    with qtbot.waitSignal(window.printer.printed):
        tap(qtbot, window, "kiosk.reprint")
    assert child(window, "kiosk.ticket_number").text() == "A001"
    assert (tmp_path / "ticket-A001.pdf").exists()
    with pytest.raises(NotFound):
        ctx.queue.find("A002")  # a reprint issues nothing
    tap(qtbot, window, "kiosk.done", later=window.REPRINT_WINDOW_S)
    window._tick()
    assert not reprint.isVisible()


def test_printer_problems_are_named():
    """A configured printer that is missing, no printer at all, and a printer in error (out of paper)
    each give a reason; a ready printer gives none."""
    from PySide6.QtPrintSupport import QPrinter

    assert "not installed" in printer_problem("TM-T82", ["Office"], "Office", None)
    assert printer_problem("", [], "", None) == "No ticket printer is connected."
    assert "out of paper" in printer_problem("TM-T82", ["TM-T82"], "TM-T82", QPrinter.PrinterState.Error)
    assert printer_problem("TM-T82", ["TM-T82"], "TM-T82", QPrinter.PrinterState.Idle) == ""
    assert printer_problem("", ["TM-T82"], "TM-T82", QPrinter.PrinterState.Idle) == ""


def test_ticket_paints_on_an_80_mm_page_of_its_own_height(qapp, ctx, tmp_path):
    """On a QPrinter the page is 80 mm wide and as tall as the ticket; the painted QR still decodes."""
    import pypdfium2 as pdfium
    from PySide6.QtPrintSupport import QPrinter

    tickets = TicketPrintService(ctx.queue, ctx.db)
    info = ctx.queue.issue("A")
    pdf = tickets.pdf(info.id, info)
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "painted.pdf"))
    printer.setFullPage(True)
    paint_ticket(pdf, printer)
    source, painted = (pdfium.PdfDocument(data) for data in (pdf, (tmp_path / "painted.pdf").read_bytes()))
    assert len(painted) == 1
    assert painted[0].get_size() == pytest.approx(source[0].get_size(), abs=1.5)  # points
    assert painted[0].get_size()[0] == pytest.approx(80 * 72 / 25.4, abs=1.5)
    (image,) = pdf_page_images((tmp_path / "painted.pdf").read_bytes(), dpi=200)
    assert [t for fmt, t in decode_codes(image) if "QR" in fmt.upper()] == [STATUS_URL.format(ticket="A001")]


def test_lost_database_disables_buttons_and_recovers(qtbot, ctx, tmp_path):
    """Without the queue database: red banner, buttons disabled with a message; back by itself."""
    window = kiosk(qtbot, printing_to(ctx, tmp_path))
    banner = child(window, "connection_banner")
    assert not banner.isVisible()
    real = ctx.queue.db
    ctx.queue.db = Database(f"sqlite+pysqlite:///{tmp_path / 'gone' / 'no.sqlite3'}")
    try:
        window.poll.refresh_now()
        assert banner.isVisible()
        assert not child(window, "kiosk.group.A").isEnabled()
        assert "not reachable" in child(window, "kiosk.message").text()
        tap(qtbot, window, "kiosk.group.A")
    finally:
        ctx.queue.db.dispose()
        ctx.queue.db = real
    window.poll.refresh_now()
    assert not banner.isVisible()
    assert child(window, "kiosk.group.A").isEnabled()
    assert not child(window, "kiosk.message").isVisible()
    with pytest.raises(NotFound):
        ctx.queue.find("A001")  # the tap while disconnected issued nothing
    tap(qtbot, window, "kiosk.group.A")
    assert ctx.queue.find("A001").status == WAITING


def test_database_lost_during_the_tap(qtbot, ctx, tmp_path):
    """The issue itself fails (database gone between two reads): the banner comes up, no ticket."""
    window = kiosk(qtbot, printing_to(ctx, tmp_path))
    real = ctx.queue.db
    ctx.queue.db = Database(f"sqlite+pysqlite:///{tmp_path / 'gone' / 'no.sqlite3'}")
    try:
        tap(qtbot, window, "kiosk.group.B")
        assert child(window, "connection_banner").isVisible()
        assert child(window, "kiosk.start").isVisible()
    finally:
        ctx.queue.db.dispose()
        ctx.queue.db = real


def test_group_closed_meanwhile_says_so_and_drops_the_button(qtbot, ctx, tmp_path):
    """A group deactivated since the last read: the tap explains, and the button goes at the next read."""
    window = kiosk(qtbot, printing_to(ctx, tmp_path))
    with ctx.queue.db.transaction() as session:
        session.execute(update(ServiceGroup).where(ServiceGroup.code == "D").values(active=False))
    tap(qtbot, window, "kiosk.group.D")
    assert "There is no service group D." in child(window, "kiosk.message").text()
    window.poll.refresh_now()
    assert window.findChild(QWidget, "kiosk.group.D") is None
    assert child(window, "kiosk.group.E").isEnabled()


@pytest.mark.parametrize(("count", "width", "height", "cols"),
                         [(5, 1856, 790, 2), (5, 1300, 450, 3), (5, 1016, 1500, 1), (12, 1300, 450, 4), (1, 1000, 600, 1)])
def test_grid_columns_fit_the_screen(count, width, height, cols):
    """Buttons stay at least 120 px tall and about 3:1 wide: 2–3 columns landscape, 1 in portrait."""
    assert grid_columns(count, width, height) == cols
