"""Printing and reprinting forms: PDF output, the raster path on a QPrinter, logging, failures."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pdf_tools import pdf_text
from ui_helpers import child, make_active, receive

from counter_app.app import run_gui
from counter_app.services.status import Status
from counter_app.ui.detail_widgets import table_texts
from counter_app.ui.dialogs import RecordingDialogs
from counter_app.ui.pdf_preview_dialog import PdfPreviewDialog
from counter_app.ui.print_output import PrintOutput, paint_pdf, pdf_file_name
from counter_app.ui.task_runner import SyncTaskRunner


def _with_output(ctx, folder: Path | str, **settings):
    return dataclasses.replace(ctx, workstation=dataclasses.replace(ctx.workstation, pdf_output_dir=str(folder), **settings))


@pytest.fixture
def dialogs():
    return RecordingDialogs()


def _window(qtbot, ctx, officer, dialogs, code: str):
    window = run_gui(ctx, SyncTaskRunner(), officer, dialogs=dialogs)
    qtbot.addWidget(window)
    make_active(qtbot, window)
    window.open_dossier("dossier", code)
    return window


def test_reprint_writes_pdf_and_logs_it(qtbot, ctx, officer, dialogs, tmp_path):
    """Reprint from the dossier page writes the receipt PDF (with the code in it), a print-log row
    and a 'printed' history event, and the page shows both."""
    received = receive(ctx, officer)
    out = tmp_path / "prints"
    window = _window(qtbot, _with_output(ctx, out), officer, dialogs, received.code)
    with qtbot.waitSignal(window.print_output.printed) as printed:
        qtbot.mouseClick(child(window, "dossier.reprint"), Qt.LeftButton)

    pdf = out / pdf_file_name("receipt", received.code)
    assert printed.args == ["receipt", received.code, str(pdf)]
    text = pdf_text(pdf.read_bytes())
    assert received.code in text
    assert "Nguyễn Thị Ánh Tuyết" in text

    detail = ctx.dossiers.dossier(received.code)
    assert [(p.document, p.target, p.ok) for p in detail.prints] == [("receipt", str(pdf), True)]
    assert sorted(e.kind for e in detail.events) == ["printed", "received"]
    prints = table_texts(child(window, "dossier.prints"))
    assert prints and prints[0][2] == str(pdf) and prints[0][3] == "Printed"
    assert "Form printed" in [row[2] for row in table_texts(child(window, "dossier.history"))]
    assert "Printed" in child(window, "status.last_action").text()
    assert dialogs.shown == []


def test_f5_reprints_the_open_dossier(qtbot, ctx, officer, dialogs, tmp_path):
    """F5 reprints the receipt of the dossier on the Dossier page; each reprint is logged again."""
    received = receive(ctx, officer)
    window = _window(qtbot, _with_output(ctx, tmp_path / "prints"), officer, dialogs, received.code)
    for _ in range(2):
        qtbot.keyClick(window, Qt.Key_F5)
    assert len(ctx.dossiers.dossier(received.code).prints) == 2
    assert (tmp_path / "prints" / pdf_file_name("receipt", received.code)).exists()


def test_f5_without_open_dossier_says_so(qtbot, ctx, officer, dialogs, tmp_path):
    """F5 with nothing open prints nothing and tells the officer why."""
    window = run_gui(_with_output(ctx, tmp_path / "prints"), SyncTaskRunner(), officer, dialogs=dialogs)
    qtbot.addWidget(window)
    make_active(qtbot, window)
    qtbot.keyClick(window, Qt.Key_F5)
    assert "No dossier is open" in child(window, "status.last_action").text()
    assert not (tmp_path / "prints").exists()


def test_failing_printer_logs_failure_and_keeps_dossier(qtbot, ctx, officer, dialogs, tmp_path):
    """An output folder that cannot be written is a failed print: logged (print log and history),
    reported without blocking, and the dossier itself is untouched."""
    received = receive(ctx, officer)
    before = ctx.dossiers.dossier(received.code)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    window = _window(qtbot, _with_output(ctx, blocker / "prints"), officer, dialogs, received.code)
    with qtbot.waitSignal(window.print_output.failed) as failed:
        qtbot.mouseClick(child(window, "dossier.reprint"), Qt.LeftButton)

    assert failed.args[:2] == ["receipt", received.code]
    after = ctx.dossiers.dossier(received.code)
    assert [(p.ok, bool(p.error)) for p in after.prints] == [(False, True)]
    assert sorted(e.kind for e in after.events) == ["print_failed", "received"]
    assert (after.status, after.due_at, after.documents, after.applicant_name) == (
        Status.RECEIVED, before.due_at, before.documents, before.applicant_name)
    assert [kind for kind, _title, _text in dialogs.shown] == ["notify"]
    assert "failed" in child(window, "status.last_action").text()
    assert table_texts(child(window, "dossier.prints"))[0][3] == "Failed"


def test_unknown_reference_is_a_logged_failure(qtbot, ctx, officer, dialogs, tmp_path):
    """Printing something that does not exist reports and logs a failure instead of raising."""
    output = PrintOutput(_with_output(ctx, tmp_path / "prints").workstation, SyncTaskRunner(), ctx.printing, officer.id, dialogs=dialogs)
    reasons = []
    output.print_document("receipt", "000.00.06.H15-261126-9999", None, on_error=reasons.append)
    assert len(reasons) == 1 and "9999" in reasons[0]
    assert not (tmp_path / "prints").exists()


def test_missing_printer_is_a_logged_failure(qtbot, ctx, officer, dialogs):
    """A configured printer that is not installed fails cleanly (logged, reported), never crashes."""
    received = receive(ctx, officer)
    workstation = dataclasses.replace(ctx.workstation, printer_name="No Such Printer 42", pdf_output_dir="")
    output = PrintOutput(workstation, SyncTaskRunner(), ctx.printing, officer.id, dialogs=dialogs)
    reasons = []
    output.print_document("receipt", received.code, None, on_error=reasons.append)
    assert reasons and "No Such Printer 42" in reasons[0]
    assert [p.ok for p in ctx.dossiers.dossier(received.code).prints] == [False]


def test_raster_path_paints_every_page_on_a_qprinter(qtbot, ctx, officer, tmp_path):
    """The printer path (PDF pages rendered to images and painted on a QPrinter) produces every
    page; checked on Qt's own PDF printer, which needs no print system."""
    received = receive(ctx, officer)
    pdf = ctx.printing.render("receipt", received.code)
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(150)
    printer.setFullPage(True)
    pages = paint_pdf(pdf, printer)
    source, printed = pdfium.PdfDocument(pdf), pdfium.PdfDocument(str(tmp_path / "printed.pdf"))
    try:
        assert pages == len(source) == len(printed)
    finally:
        source.close()
        printed.close()


def test_preview_then_print(qtbot, ctx, officer, dialogs, tmp_path):
    """Preview shows the form in a PDF view; its Print button prints the same document."""
    received = receive(ctx, officer)
    window = _window(qtbot, _with_output(ctx, tmp_path / "prints"), officer, dialogs, received.code)
    qtbot.mouseClick(child(window, "dossier.preview"), Qt.LeftButton)
    preview = window.findChild(PdfPreviewDialog, "preview")
    assert preview is not None and preview.isVisible()
    assert preview.page_count() >= 1
    assert not (tmp_path / "prints" / pdf_file_name("receipt", received.code)).exists()
    with qtbot.waitSignal(window.print_output.printed):
        qtbot.mouseClick(child(preview, "preview.print"), Qt.LeftButton)
    assert (tmp_path / "prints" / pdf_file_name("receipt", received.code)).exists()
