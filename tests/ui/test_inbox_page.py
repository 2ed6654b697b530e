"""The department inbox on the real demo database: own department only, confirming a hand-over
list by scanning it, every processing action from the keyboard, the apology (Mẫu 04) once only,
the written explanation, and near-due / overdue colours under the test clock."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QPushButton
from pdf_tools import pdf_text
from ui_helpers import child, make_active, press, receive, type_text

from counter_app.services.status import Status
from counter_app.ui.dialogs import RecordingDialogs
from counter_app.ui.inbox_models import (
    COL_CODE, COL_DUE, COL_FLAGS, COL_LEFT, COL_STATUS, NEAR_DUE_BACKGROUND, OVERDUE_BACKGROUND,
)
from counter_app.services.tracking_reads import TRANSIT
from counter_app.ui.inbox_page import InboxPage
from counter_app.ui.print_output import PrintOutput, pdf_file_name
from counter_app.ui.task_runner import SyncTaskRunner, ThreadTaskRunner

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def open_page(qtbot, ctx, user, print_output=None) -> InboxPage:
    page = InboxPage(ctx.tracking_reads, ctx.tracking, SyncTaskRunner(), user, print_output,
                     documents=lambda code: ctx.dossiers.dossier(code).documents)
    page.resize(1366, 768)
    qtbot.addWidget(page)
    page.show()
    make_active(qtbot, page)
    page.focus_first()
    return page


def handed_over(ctx, officer, count: int = 1, **changes) -> tuple[str, list[str]]:
    """Receive `count` dossiers of the demo procedure (Sở Tư pháp) and hand them over on one list."""
    codes = [receive(ctx, officer, **changes).code for _ in range(count)]
    return ctx.tracking.hand_over(codes, officer).list_number, codes


def accepted(ctx, officer, dept, count: int = 1) -> list[str]:
    _number, codes = handed_over(ctx, officer, count)
    for code in codes:
        ctx.tracking.accept(code, dept)
    return codes


def cell(page, code: str, column: int, role=Qt.DisplayRole):
    model = page.model
    row = model.row_of(code)
    assert row >= 0, f"{code} is not listed"
    return model.data(model.index(row, column), role)


def listed(page) -> list[str]:
    return [r.code for r in page.model.rows()]


def status(ctx, code: str) -> int:
    return ctx.dossiers.dossier(code).status


def key(page, code: str, digit: str) -> None:
    """Select `code` and press one action digit on the table, as the officer does."""
    assert page.select_code(code)
    page.table.setFocus()
    press(page.table, getattr(Qt, f"Key_{digit}"))


def field(page, kind, name: str):
    assert page.dialog is not None, "no dialog is open"
    found = page.dialog.findChild(kind, name)
    assert found is not None, name
    return found


def ok(qtbot, page, prefix: str) -> None:
    qtbot.mouseClick(field(page, QPushButton, f"{prefix}.ok"), Qt.LeftButton)


def error(page, name: str) -> str:
    return field(page, QLabel, f"{name}.error").text()


def test_handed_over_dossier_shows_for_its_department_only(qtbot, ctx, officer, dept, other_dept):
    """Chuyên viên of Sở Tư pháp sees the handed-over dossier waiting for confirmation; the officer
    of Sở Xây dựng sees an empty inbox."""
    number, (code,) = handed_over(ctx, officer)
    page = open_page(qtbot, ctx, dept)
    assert listed(page) == [code]
    assert page.title.text() == "Inbox — Sở Tư pháp"
    assert cell(page, code, COL_STATUS) == "Not confirmed yet"
    assert f"List {number.split('-', 1)[1]}" in cell(page, code, COL_FLAGS)
    assert number in cell(page, code, COL_FLAGS, Qt.ToolTipRole)
    assert child(page, "inbox.filter.transit").text() == "&Waiting for confirmation (1)"
    qtbot.mouseClick(child(page, "inbox.filter.overdue"), Qt.LeftButton)
    assert listed(page) == []
    qtbot.mouseClick(child(page, "inbox.filter.transit"), Qt.LeftButton)
    assert listed(page) == [code] and page.filter == TRANSIT

    other = open_page(qtbot, ctx, other_dept)
    assert listed(other) == []
    assert other.title.text() == "Inbox — Sở Xây dựng"


def test_scanning_the_list_confirms_all_its_dossiers(qtbot, ctx, officer, dept):
    """The list's barcode (typed by the scanner, then Enter) confirms both dossiers; scanning it
    again is refused next to the box."""
    number, codes = handed_over(ctx, officer, 2)
    page = open_page(qtbot, ctx, dept)
    scan = child(page, "inbox.scan_list")
    press(scan, Qt.Key_Return)
    assert child(page, "inbox.scan_list.error").text() == "Scan or type the number of the hand-over list."

    type_text(scan, number.lower())
    press(scan, Qt.Key_Return)
    assert [status(ctx, c) for c in codes] == [Status.PROCESSING, Status.PROCESSING]
    assert [cell(page, c, COL_STATUS) for c in codes] == ["Processing", "Processing"]
    assert page.message.text() == f"List {number}: 2 dossier(s) confirmed."
    assert scan.text() == "" and not child(page, "inbox.scan_list.error").isVisible()
    assert child(page, "inbox.filter.transit").text() == "&Waiting for confirmation (0)"

    type_text(scan, number)
    qtbot.mouseClick(child(page, "inbox.accept_list"), Qt.LeftButton)
    assert child(page, "inbox.scan_list.error").text() == f"No dossier waits for confirmation on hand-over list {number}."


def test_every_action_from_the_keyboard(qtbot, ctx, officer, dept):
    """1 confirms, Enter opens the menu (3 waits for fees), 4 records the fees, 5 stops, 6 refuses,
    7 hands the result back; each shows in the row or takes the dossier out of the inbox."""
    _number, (first, second, third) = handed_over(ctx, officer, 3)
    page = open_page(qtbot, ctx, dept)
    key(page, first, "7")
    assert page.dialog is None and page.message.text() == f"Confirm receipt of {first} first (1)."
    for code in (first, second):
        key(page, code, "1")
    assert page.select_code(third)
    press(page.table, Qt.Key_1, Qt.KeypadModifier)  # the number pad works as well
    assert cell(page, first, COL_STATUS) == "Processing" and status(ctx, third) == Status.PROCESSING
    assert page.message.text() == f"{third}: receipt confirmed, processing started."

    assert page.select_code(first)
    press(page.table, Qt.Key_Return)
    assert page.menu is not None and page.menu.objectName() == "inbox.menu"
    enabled = [a.objectName() for a in page.menu.actions() if a.isEnabled()]
    assert enabled == ["inbox.menu.request-supplement", "inbox.menu.await-fees", "inbox.menu.stop", "inbox.menu.refuse",
                       "inbox.menu.ready", "inbox.menu.apologize"]
    qtbot.keyClick(page.menu, Qt.Key_3)
    assert page.menu is None
    type_text(field(page, QLineEdit, "inbox.fees.note"), "Chờ nộp lệ phí")
    press(field(page, QLineEdit, "inbox.fees.note"), Qt.Key_Return)
    assert page.dialog is None and status(ctx, first) == Status.AWAITING_FEES
    assert cell(page, first, COL_STATUS) == "Waiting for fees or taxes"
    key(page, first, "4")
    assert cell(page, first, COL_STATUS) == "Processing"

    key(page, second, "5")
    press(field(page, QLineEdit, "inbox.stop.reason"), Qt.Key_Return)
    assert error(page, "inbox.stop.reason") and status(ctx, second) == Status.PROCESSING  # refused: nothing done
    type_text(field(page, QLineEdit, "inbox.stop.reason"), "Công dân đề nghị dừng")
    press(field(page, QLineEdit, "inbox.stop.reason"), Qt.Key_Return)
    assert status(ctx, second) == Status.STOPPED and second not in listed(page)

    key(page, third, "6")
    type_text(field(page, QLineEdit, "inbox.refuse.reason"), "Không đủ điều kiện cấp phiếu")
    ok(qtbot, page, "inbox.refuse")
    assert status(ctx, third) == Status.REFUSED and listed(page) == [first]

    key(page, first, "7")
    press(field(page, QLineEdit, "inbox.ready.note"), Qt.Key_Return)
    assert status(ctx, first) == Status.RESULT_READY and listed(page) == []
    assert page.dialog is None  # on time: no explanation asked
    assert page.message.text() == f"{first}: result ready and handed back to the centre."
    assert [e.kind for e in ctx.dossiers.dossier(first).events][-1] in ("ready", "notified")


def test_near_due_and_overdue_colours_follow_the_clock(qtbot, ctx, officer, dept, clock):
    """Received Thu 26/11 09:30 with 10 working days: due 10/12 09:30. Plain at first, amber on
    the day before, red after the due time; F5 re-reads."""
    (code,) = accepted(ctx, officer, dept)
    page = open_page(qtbot, ctx, dept)
    assert cell(page, code, COL_DUE) == "10/12/2026 09:30"
    assert cell(page, code, COL_LEFT) == "10 d"
    assert cell(page, code, COL_LEFT, Qt.BackgroundRole) is None

    clock.now = datetime(2026, 12, 9, 10, 0)
    press(page.table, Qt.Key_F5)
    assert cell(page, code, COL_LEFT) == "7 h 30 min"
    assert cell(page, code, COL_LEFT, Qt.BackgroundRole).color() == NEAR_DUE_BACKGROUND
    assert cell(page, code, COL_FLAGS) == "⚠ Apology due"
    assert cell(page, code, COL_FLAGS, Qt.ToolTipRole).startswith("Due within 1 working day.")
    assert child(page, "inbox.filter.needs_apology").text() == "Needs a&pology (1)"
    assert child(page, "inbox.filter.near_due").text() == "&Near due (1)"

    clock.now = datetime(2026, 12, 11, 15, 0)
    press(page.table, Qt.Key_F5)
    assert cell(page, code, COL_LEFT) == "overdue 1 d 3 h"
    assert cell(page, code, COL_CODE, Qt.BackgroundRole).color() == OVERDUE_BACKGROUND
    assert cell(page, code, COL_FLAGS, Qt.ToolTipRole).startswith("Overdue: past the original due date 10/12/2026 09:30.")
    assert child(page, "inbox.filter.overdue").text() == "&Overdue (1)"
    assert page.updated.text() == "Updated 15:00:00"



def test_waiting_for_fees_freezes_the_time_left(qtbot, ctx, officer, dept, clock):
    """Key 3 (wait for fees) two working days before the due time: the clock stands still, so a
    week later the row shows the same two days, paused, in no warning colour."""
    (code,) = accepted(ctx, officer, dept)
    page = open_page(qtbot, ctx, dept)
    clock.now = datetime(2026, 12, 8, 9, 30)
    press(page.table, Qt.Key_F5)
    key(page, code, "3")
    ok(qtbot, page, "inbox.fees")
    assert status(ctx, code) == Status.AWAITING_FEES
    clock.now = datetime(2026, 12, 15, 9, 30)
    press(page.table, Qt.Key_F5)
    assert cell(page, code, COL_LEFT) == "paused · 2 d"
    assert cell(page, code, COL_LEFT, Qt.ToolTipRole).startswith("The clock is paused since 08/12/2026 09:30")
    assert cell(page, code, COL_LEFT, Qt.BackgroundRole) is None and cell(page, code, COL_FLAGS) == ""
    assert child(page, "inbox.filter.overdue").text() == "&Overdue (0)"


def test_apology_needs_a_reason_moves_the_date_once_and_prints_form_04(qtbot, ctx, officer, dept, clock, tmp_path):
    """8 opens the apology: an empty reason is refused next to the field; with a reason it is
    recorded (1/PXL), Form 04 is printed from the dialog; a second apology is refused clearly."""
    (code,) = accepted(ctx, officer, dept)
    clock.now = datetime(2026, 12, 9, 10, 0)
    out = tmp_path / "prints"
    workstation = dataclasses.replace(ctx.workstation, pdf_output_dir=str(out))
    printer = PrintOutput(workstation, SyncTaskRunner(), ctx.printing, dept.id, dialogs=RecordingDialogs())
    page = open_page(qtbot, ctx, dept, printer)

    key(page, code, "8")
    due = field(page, QDateEdit, "inbox.apology.new_due")
    assert due.date() == QDate(2026, 12, 17)  # five working days after the current due date
    ok(qtbot, page, "inbox.apology")
    assert error(page, "inbox.apology.reason")
    assert ctx.dossiers.dossier(code).due_at == datetime(2026, 12, 10, 9, 30)

    due.setDate(QDate(2026, 12, 12))  # a Saturday
    type_text(field(page, QPlainTextEdit, "inbox.apology.reason"), "Cần xác minh thêm thông tin tại địa phương")
    ok(qtbot, page, "inbox.apology")
    assert error(page, "inbox.apology.new_due") == "12/12/2026 is not a working day; choose a working day for the new date."
    assert not error(page, "inbox.apology.reason")
    due.setDate(QDate(2026, 12, 17))
    press(field(page, QPlainTextEdit, "inbox.apology.reason"), Qt.Key_Return, Qt.ControlModifier)
    assert ctx.dossiers.dossier(code).due_at == datetime(2026, 12, 17, 17, 0)
    assert field(page, QLabel, "inbox.apology.message").text() == "Apology 1/PXL recorded. New return date: 17/12/2026 17:00."
    print_button = field(page, QPushButton, "inbox.apology.ok")
    assert print_button.text() == "&Print Form 04"
    with qtbot.waitSignal(printer.printed, timeout=10000):
        qtbot.mouseClick(print_button, Qt.LeftButton)
    assert page.dialog is None
    text = pdf_text((out / pdf_file_name("apology", code)).read_bytes())
    assert "PHIẾU XIN LỖI" in text and code in text and "Cần xác minh thêm thông tin tại địa phương" in text
    assert page.message.text().startswith(f"Form 04 for {code} printed")

    assert cell(page, code, COL_FLAGS) == "Rescheduled once"
    assert cell(page, code, COL_DUE, Qt.ToolTipRole) == "Moved once by the apology; original due 10/12/2026 09:30"
    key(page, code, "8")
    assert page.dialog is None
    assert page.message.text() == (f"The due date of {code} was already moved once (now 17/12/2026 17:00); "
                                   "it cannot be moved again.")


def test_second_apology_filed_meanwhile_is_refused_in_the_dialog(qtbot, ctx, officer, dept, clock):
    """A colleague files the apology while the dialog is open: the service's refusal shows in the
    dialog, which stays open; the due date moved only once."""
    (code,) = accepted(ctx, officer, dept)
    clock.now = datetime(2026, 12, 9, 10, 0)
    page = open_page(qtbot, ctx, dept)
    key(page, code, "8")
    ctx.tracking.apologize(code, dept, "Lần thứ nhất", date(2026, 12, 16))
    type_text(field(page, QPlainTextEdit, "inbox.apology.reason"), "Lần thứ hai")
    ok(qtbot, page, "inbox.apology")
    message = field(page, QLabel, "inbox.apology.message")
    assert message.isVisible()
    assert message.text() == "The due date of this dossier was already moved once (on 09/12/2026); it cannot be moved again."
    assert ctx.dossiers.dossier(code).due_at == datetime(2026, 12, 16, 17, 0)


def test_supplement_request_lists_documents_and_items(qtbot, ctx, officer, dept, clock):
    """2 opens the supplement request: nothing listed is refused next to the items; a ticked
    document and a typed item make the Form 02 slip and pause the dossier."""
    (code,) = accepted(ctx, officer, dept)
    clock.now = datetime(2026, 11, 27, 9, 0)
    page = open_page(qtbot, ctx, dept)
    key(page, code, "2")
    ok(qtbot, page, "inbox.supplement")
    assert error(page, "inbox.supplement.items") == "List at least one document to add or one thing to fix."
    assert status(ctx, code) == Status.PROCESSING

    documents = field(page, QListWidget, "inbox.supplement.documents")
    first_document = documents.item(0).text()
    documents.setFocus()
    documents.setCurrentRow(0)
    press(documents, Qt.Key_Space)
    assert documents.item(0).checkState() == Qt.Checked
    type_text(field(page, QPlainTextEdit, "inbox.supplement.items"), "Bản sao giấy khai sinh")
    type_text(field(page, QPlainTextEdit, "inbox.supplement.notes"), "Tờ khai thiếu chữ ký")
    press(field(page, QPlainTextEdit, "inbox.supplement.notes"), Qt.Key_Return, Qt.ControlModifier)
    assert page.dialog is None
    assert status(ctx, code) == Status.SUPPLEMENT_REQUESTED
    assert cell(page, code, COL_STATUS) == "Supplement requested"
    slip_number = next(e for e in ctx.dossiers.dossier(code).events if e.kind == "request_supplement").detail["slip"]
    slip = ctx.dossiers.slip(slip_number)
    assert [i.name for i in slip.items] == [first_document, "Bản sao giấy khai sinh"]
    assert "Tờ khai thiếu chữ ký" in " ".join(slip.notes)
    assert page.message.text().startswith(f"{code}: supplement requested ({slip_number})")


def test_late_result_asks_for_the_written_explanation(qtbot, ctx, officer, dept, clock):
    """A result handed back after the due time opens the explanation at once; an empty text is
    refused next to the field; once recorded, the dossier is no longer waiting for one."""
    (code,) = accepted(ctx, officer, dept)
    clock.now = datetime(2026, 12, 11, 9, 0)
    page = open_page(qtbot, ctx, dept)
    key(page, code, "9")
    assert page.dialog is not None and page.dialog.objectName() == "inbox.explain.dialog"
    page.dialog.reject()
    key(page, code, "7")
    press(field(page, QLineEdit, "inbox.ready.note"), Qt.Key_Return)
    assert status(ctx, code) == Status.RESULT_READY
    assert page.dialog is not None and page.dialog.objectName() == "inbox.explain.dialog"
    assert page.message.text() == f"{code} was settled late: record the written explanation now."
    ok(qtbot, page, "inbox.explain")
    assert error(page, "inbox.explain.text")
    type_text(field(page, QPlainTextEdit, "inbox.explain.text"), "Chờ kết quả xác minh của Công an tỉnh.")
    ok(qtbot, page, "inbox.explain")
    assert page.dialog is None and page.message.text() == f"{code}: explanation recorded."
    assert code not in [r.code for r in ctx.tracking_reads.late_without_explanation()]


def test_screenshot_of_a_busy_inbox(qtbot, ctx, officer, dept, clock):
    """A morning with work in every state, saved to test-artifacts/inbox-page.png."""
    clock.now = datetime(2026, 11, 23, 9, 0)
    late = accepted(ctx, officer, dept, 1)
    clock.now = datetime(2026, 11, 26, 9, 30)
    near = accepted(ctx, officer, dept, 2)
    clock.now = datetime(2026, 12, 3, 14, 0)
    names = ("Trần Văn Bình", "Lê Thị Hồng Nhung", "Phạm Quốc Khánh")
    later = [receive(ctx, officer, applicant={"name": n}).code for n in names]
    ctx.tracking.hand_over(later, officer)
    for code in later:
        ctx.tracking.accept(code, dept)
    ctx.tracking.await_fees(later[0], dept, "Chờ nộp lệ phí")
    ctx.tracking.request_supplement(later[1], dept, notes="Bổ sung bản sao giấy khai sinh")
    clock.now = datetime(2026, 12, 9, 8, 0)
    number, fresh = handed_over(ctx, officer, 2, applicant={"name": "Hoàng Minh Tuấn"})
    clock.now = datetime(2026, 12, 9, 10, 15)
    ctx.tracking.apologize(near[1], dept, "Cần xác minh thêm", date(2026, 12, 16))
    page = open_page(qtbot, ctx, dept)
    assert len(listed(page)) == 8
    assert page.select_code(later[2])
    page.resize(1280, 680)  # the main window's page area on a 1280 × 720 counter screen
    qtbot.waitUntil(lambda: page.width() == 1280)
    assert page.table.horizontalScrollBar().maximum() == 0, "every column must be in view"
    ARTIFACTS.mkdir(exist_ok=True)
    assert page.grab().save(str(ARTIFACTS / "inbox-page.png"))
    assert cell(page, late[0], COL_LEFT, Qt.BackgroundRole).color() == OVERDUE_BACKGROUND
    assert cell(page, near[0], COL_LEFT, Qt.BackgroundRole).color() == NEAR_DUE_BACKGROUND
    assert cell(page, near[1], COL_FLAGS) == "Rescheduled once"
    assert cell(page, fresh[0], COL_FLAGS) == f"List {number.split('-', 1)[1]}"


def test_works_with_the_threaded_runner(qtbot, ctx, officer, dept):
    """With the production runner the reads and the actions run off the GUI thread and still land."""
    _number, (code,) = handed_over(ctx, officer)
    runner = ThreadTaskRunner()
    page = InboxPage(ctx.tracking_reads, ctx.tracking, runner, dept)
    qtbot.addWidget(page)
    page.show()
    make_active(qtbot, page)
    qtbot.waitUntil(lambda: listed(page) == [code])
    key(page, code, "1")
    qtbot.waitUntil(lambda: cell(page, code, COL_STATUS) == "Processing", timeout=10000)
    assert runner.wait_idle()
