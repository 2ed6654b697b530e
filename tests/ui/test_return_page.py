"""The return page on the real demo database, driven by a scanned receipt (key events, the QR's
tracking URL or the bare code): the collector is checked by the service, refusals show next to
the field and save nothing, a return records status 10 and prints the acknowledgement; the same
scan records a supplement or a withdrawal."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from factories import APPLICANT
from pdf_tools import pdf_text
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from ui_helpers import OTHER_APPLICANT, child, make_active, pdf_output, press, receive, type_text

from counter_app.services.intake_input import DocumentInput
from counter_app.services.status import Status
from counter_app.ui.print_output import pdf_file_name
from counter_app.ui.return_page import ReturnPage
from counter_app.ui.return_widgets import code_from_scan
from counter_app.ui.task_runner import SyncTaskRunner

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
TRACKING_URL = "https://dichvucong.example.gov.vn/tra-cuu-ho-so?ma={code}"  # the demo centre's QR
AUTHORISATION = "Giấy ủy quyền số 12/UQ ngày 20/11/2026"


@pytest.fixture
def out(tmp_path) -> Path:
    return tmp_path / "prints"


@pytest.fixture
def page(qtbot, ctx, officer, out) -> ReturnPage:
    runner = SyncTaskRunner()
    page = ReturnPage(ctx, runner, officer, pdf_output(ctx, runner, officer, out))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    make_active(qtbot, page)
    page.focus_first()
    return page


def processing(ctx, officer, dept) -> str:
    code = receive(ctx, officer).code
    ctx.tracking.hand_over([code], officer)
    ctx.tracking.accept(code, dept)
    return code


def ready(ctx, officer, dept) -> str:
    code = processing(ctx, officer, dept)
    ctx.tracking.ready(code, dept)
    return code


def scan(page, text: str) -> None:
    """What a keyboard-wedge scanner does: the characters as key events, then Enter."""
    box = child(page, "return.scan")
    box.clear()
    type_text(box, text)
    press(box, Qt.Key_Return)


def ctrl_enter() -> None:
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Return, Qt.ControlModifier)  # through the shortcut map


def value(page, name: str) -> str:
    return child(page, name).text()


def error(page, name: str) -> str:
    label = child(page, f"{name}.error")
    return label.text() if label.isVisibleTo(page) else ""


def kinds(ctx, code: str) -> list[str]:
    return [e.kind for e in ctx.dossiers.dossier(code).events]


def printed_acknowledgement(out: Path, page, code: str) -> str:
    """The text of the acknowledgement's PDF (the workstation prints to a folder); the page said so."""
    text = pdf_text((out / pdf_file_name("return", code)).read_bytes())
    assert code in text
    assert value(page, "return.message").startswith("Acknowledgement printed")
    return text


@pytest.mark.parametrize(("scanned", "code"), [
    ("000.00.06.H15-261126-0001", "000.00.06.H15-261126-0001"),
    (" 000.00.06.h15-261126-0001 ", "000.00.06.H15-261126-0001"),
    ("https://dichvucong.example.gov.vn/tra-cuu-ho-so?ma=000.00.06.H15-261126-0001", "000.00.06.H15-261126-0001"),
    ("http://other.example/x?lang=vi&ma=000.00.06.H15-261126-0001&y=1", "000.00.06.H15-261126-0001"),
    ("https://dichvucong.example.gov.vn/tra-cuu-ho-so?lang=vi", "HTTPS://DICHVUCONG.EXAMPLE.GOV.VN/TRA-CUU-HO-SO?LANG=VI"),
    ("?ma=", ""),
    ("   ", ""),
])
def test_code_from_scan(scanned, code):
    """A bare code or any URL with ma=CODE gives the code; an empty ma= gives nothing."""
    assert code_from_scan(scanned) == code


def test_scanned_url_wrong_identifier_refused_then_authorised_person_collects(qtbot, ctx, officer, dept, out, page):
    """Scanning the QR's URL opens the dossier (identifier masked); a wrong identifier is refused under
    its field and nothing is saved; an authorised person without the document is refused too; with
    it the result is returned (status 10), the history names the collector and the document, the
    receipt is taken back, and the acknowledgement is printed."""
    code = ready(ctx, officer, dept)
    assert page.waiting_model.rows() == []  # read when the page was shown, before the result was ready
    QTest.keyClick(child(page, "return.scan"), Qt.Key_F5)
    assert [row.code for row in page.waiting_model.rows()] == [code]
    scan(page, TRACKING_URL.format(code=code))

    assert value(page, "return.code") == code
    assert value(page, "return.applicant") == "Nguyễn Thị Ánh Tuyết"
    assert value(page, "return.id_number") == "••••••••1234"
    assert value(page, "return.status") == "Result ready"
    assert value(page, "return.ready") == "Ready since 26/11/2026 09:30"
    assert value(page, "return.state") == "Result ready: check who collects it."
    assert child(page, "return.submit").isEnabled()
    identifier = child(page, "return.collector.id_number")
    assert identifier.hasFocus()  # the scan leads straight to the identity check

    type_text(identifier, "066190009999")
    ctrl_enter()
    assert error(page, "return.collector.id_number") == "The identifier shown does not match the dossier's applicant."
    assert value(page, "return.message").startswith("Not returned.")
    assert ctx.dossiers.dossier(code).status == Status.RESULT_READY
    assert "return" not in kinds(ctx, code)
    ARTIFACTS.mkdir(exist_ok=True)
    assert page.grab().save(str(ARTIFACTS / "return-page-refused.png"))

    QTest.keyClick(QApplication.focusWidget(), Qt.Key_U, Qt.AltModifier)  # Alt+U: "An authorised person"
    qtbot.waitUntil(child(page, "return.collector.authorised").isChecked)  # a mnemonic "animates" the click
    assert child(page, "return.collector.name").isVisible()
    identifier.clear()
    type_text(child(page, "return.collector.name"), OTHER_APPLICANT.name)
    type_text(identifier, OTHER_APPLICANT.id_number)
    ctrl_enter()
    assert error(page, "return.collector.document") == "This field is required."
    assert ctx.dossiers.dossier(code).status == Status.RESULT_READY
    assert "return" not in kinds(ctx, code)

    type_text(child(page, "return.collector.document"), AUTHORISATION)
    assert error(page, "return.collector.document") == ""  # typing clears the message
    assert value(page, "return.message") == ""  # and, with no field left in red, the line that pointed to them
    QApplication.processEvents()  # let the layouts settle (the error label just went away)
    assert page.grab().save(str(ARTIFACTS / "return-page-authorised.png"))
    ctrl_enter()

    detail = ctx.dossiers.dossier(code)
    assert detail.status == Status.RETURNED
    event = next(e for e in detail.events if e.kind == "return")
    assert (event.from_status, event.to_status) == (Status.RESULT_READY, Status.RETURNED)
    assert event.detail["collector"] == OTHER_APPLICANT.name and event.detail["collector_id"] == OTHER_APPLICANT.id_number
    assert event.detail["authorisation"] == AUTHORISATION
    assert event.detail["method"] == "counter" and event.detail["receipt_taken_back"] is True
    assert event.actor == officer.full_name
    assert value(page, "return.status") == "Result returned"
    assert value(page, "return.ready") == "Returned 26/11/2026 09:30"
    assert code in value(page, "return.outcome") and "Collected by Trần Văn Bình (authorised)" in value(page, "return.outcome")
    assert page.waiting_model.rows() == []
    assert not child(page, "return.submit").isEnabled()
    box = child(page, "return.scan")
    assert box.hasFocus() and box.text() == code and box.selectedText() == code  # the next scan replaces it
    assert OTHER_APPLICANT.name in printed_acknowledgement(out, page, code)


def test_bare_code_and_the_applicants_own_identifier(qtbot, ctx, officer, dept, out, page):
    """The barcode's bare code, then the applicant's identifier (spaces as typed from the card): returned."""
    code = ready(ctx, officer, dept)
    scan(page, code.lower())
    type_text(child(page, "return.collector.id_number"), "066 190 001 234")
    qtbot.mouseClick(child(page, "return.submit"), Qt.LeftButton)
    detail = ctx.dossiers.dossier(code)
    assert detail.status == Status.RETURNED
    event = next(e for e in detail.events if e.kind == "return")
    assert event.detail["collector"] == APPLICANT.name and event.detail["collector_id"] == APPLICANT.id_number
    assert APPLICANT.name in printed_acknowledgement(out, page, code)


def test_pick_from_the_waiting_results(qtbot, ctx, officer, dept, page):
    """Enter on a result in the waiting list opens it, as a scan would."""
    first, second = ready(ctx, officer, dept), ready(ctx, officer, dept)
    QTest.keyClick(child(page, "return.scan"), Qt.Key_F5)  # F5: re-read the waiting results
    assert [row.code for row in page.waiting_model.rows()] == [first, second]
    table = child(page, "return.waiting")
    table.setFocus()
    table.selectRow(1)
    press(table, Qt.Key_Return)
    assert value(page, "return.code") == second
    assert child(page, "return.scan").text() == second


def test_by_post_needs_the_postal_reference(qtbot, ctx, officer, dept, page):
    """Sent by post: the postal reference is required (message under it, nothing saved); with it, returned."""
    code = ready(ctx, officer, dept)
    scan(page, code)
    method = child(page, "return.method")
    method.setFocus()
    press(method, Qt.Key_Down)  # at the counter → by post
    assert method.currentData() == "post"
    assert not child(page, "return.collector.id_number").isEnabled()
    assert not child(page, "return.receipt_taken_back").isChecked()
    ctrl_enter()
    assert error(page, "return.note") == "This field is required."
    assert ctx.dossiers.dossier(code).status == Status.RESULT_READY
    type_text(child(page, "return.note"), "EMS EB123456789VN")
    ctrl_enter()
    event = next(e for e in ctx.dossiers.dossier(code).events if e.kind == "return")
    assert (event.detail["method"], event.detail["note"], event.detail["receipt_taken_back"]) == (
        "post", "EMS EB123456789VN", False)


def test_not_ready_dossier_cannot_be_returned(qtbot, ctx, officer, dept, page):
    """A dossier still processing shows why nothing can be returned; Ctrl+Enter does nothing."""
    code = processing(ctx, officer, dept)
    scan(page, code)
    assert value(page, "return.state") == "No result to return: the dossier is “Processing”."
    assert value(page, "return.ready") == "Not ready"
    assert not child(page, "return.submit").isEnabled()
    ctrl_enter()
    assert ctx.dossiers.dossier(code).status == Status.PROCESSING


def test_unknown_code_is_said_next_to_the_scan_box(qtbot, ctx, page):
    """A code that does not exist: the service's message under the scan box, no dossier shown."""
    scan(page, TRACKING_URL.format(code="000.00.06.H15-261126-9999"))
    assert error(page, "return.scan") == "No dossier with code 000.00.06.H15-261126-9999."
    assert page.current is None and value(page, "return.code") == ""
    scan(page, "")
    assert error(page, "return.scan") == "Scan the receipt, or type the dossier code."


def test_supplement_received_after_a_scan(qtbot, ctx, officer, dept, clock, page):
    """A dossier waiting for a supplement: the scan enables "Supplement received"; it goes back to processing."""
    code = processing(ctx, officer, dept)
    ctx.tracking.request_supplement(code, dept, (DocumentInput("Bản sao giấy khai sinh", certified_copies=1),))
    scan(page, code)
    assert value(page, "return.state").startswith("Supplement requested")
    assert not child(page, "return.submit").isEnabled()
    qtbot.mouseClick(child(page, "return.supplement_received"), Qt.LeftButton)
    detail = ctx.dossiers.dossier(code)
    assert detail.status == Status.PROCESSING
    assert kinds(ctx, code)[-1] == "supplement_received"
    assert value(page, "return.status") == "Processing"
    assert f"Supplement of {code} received" in value(page, "return.outcome")
    assert not child(page, "return.supplement_received").isEnabled()


def test_fees_paid_at_the_counter_after_a_scan(qtbot, ctx, officer, dept, clock, page):
    """A dossier waiting for fees since Fri 27/11 09:00: the applicant pays at the counter on Wed
    2/12 08:00; "Fees paid" sends it back to processing with the due date moved on by the pause."""
    code = processing(ctx, officer, dept)
    clock.now = datetime(2026, 11, 27, 9, 0)
    ctx.tracking.await_fees(code, dept, "Lệ phí cấp phiếu")
    clock.now = datetime(2026, 12, 2, 8, 0)
    scan(page, code)
    assert value(page, "return.state").startswith("Waiting for fees or taxes")
    assert child(page, "return.fees_paid").isEnabled() and not child(page, "return.supplement_received").isEnabled()
    qtbot.mouseClick(child(page, "return.fees_paid"), Qt.LeftButton)
    detail = ctx.dossiers.dossier(code)
    assert detail.status == Status.PROCESSING and kinds(ctx, code)[-1] == "fees_paid"
    assert detail.due_at == detail.original_due_at == datetime(2026, 12, 15, 8, 30)  # 10/12 09:30 + 1,380 working minutes
    assert value(page, "return.outcome") == f"Fees of {code} paid; due now 15/12/2026 08:30."
    assert not child(page, "return.fees_paid").isEnabled()


def test_withdraw_needs_the_reason(qtbot, ctx, officer, page):
    """Withdraw on a received dossier: no reason → message in the dialog, nothing saved; with the
    applicant's reason the dossier is withdrawn (status 7) and the reason is in its history."""
    code = receive(ctx, officer).code
    scan(page, code)
    qtbot.mouseClick(child(page, "return.withdraw"), Qt.LeftButton)
    dialog = page.dialog
    assert dialog is not None and dialog.objectName() == "withdraw.dialog"
    qtbot.mouseClick(child(dialog, "withdraw.ok"), Qt.LeftButton)
    assert error(dialog, "withdraw.reason") == "Write the reason the applicant gives for withdrawing."
    assert ctx.dossiers.dossier(code).status == Status.RECEIVED
    type_text(child(dialog, "withdraw.reason"), "Công dân không còn nhu cầu")
    press(child(dialog, "withdraw.reason"), Qt.Key_Return)  # Enter = the default button
    assert page.dialog is None
    detail = ctx.dossiers.dossier(code)
    assert detail.status == Status.WITHDRAWN
    assert detail.events[-1].kind == "withdraw" and detail.events[-1].detail["reason"] == "Công dân không còn nhu cầu"
    assert value(page, "return.status") == "Withdrawn by the applicant"
    assert not child(page, "return.withdraw").isEnabled()


def test_withdrawal_refused_by_the_service_keeps_the_dialog_open(qtbot, ctx, officer, page):
    """Withdrawn at another counter while the dialog is open: the service's refusal shows under the
    reason, the dialog stays with what was typed, and nothing more is written."""
    code = receive(ctx, officer).code
    scan(page, code)
    page.open_withdraw()
    dialog = page.dialog
    type_text(child(dialog, "withdraw.reason"), "Công dân đổi ý")
    ctx.tracking.withdraw(code, officer, "Rút tại quầy khác")
    qtbot.mouseClick(child(dialog, "withdraw.ok"), Qt.LeftButton)
    assert error(dialog, "withdraw.reason") == 'Not possible while the dossier is "Withdrawn by the applicant".'
    assert page.dialog is dialog and dialog.isVisible()
    assert child(dialog, "withdraw.reason").text() == "Công dân đổi ý"
    assert [e.detail.get("reason") for e in ctx.dossiers.dossier(code).events if e.kind == "withdraw"] == ["Rút tại quầy khác"]
    qtbot.mouseClick(child(dialog, "withdraw.cancel"), Qt.LeftButton)
    assert page.dialog is None
