"""The forms of a dossier's life from the main window: the dossier page's "Other forms" menu
(Mẫu 05 always; the hand-over list, Mẫu 04 and the return acknowledgement once they exist) and
the ledger (Mẫu 06) dialog on Ctrl+L — each previewed, then printed to PDF for real."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

from PySide6.QtCore import QDate, Qt
from pdf_tools import pdf_text
from ui_helpers import child, make_active, press, receive

from counter_app.app import run_gui
from counter_app.ui.dialogs import RecordingDialogs
from counter_app.ui.print_output import pdf_file_name
from counter_app.ui.task_runner import SyncTaskRunner


def _window(qtbot, ctx, user, folder):
    ctx = dataclasses.replace(ctx, workstation=dataclasses.replace(ctx.workstation, pdf_output_dir=str(folder)))
    window = run_gui(ctx, SyncTaskRunner(), user, dialogs=RecordingDialogs())
    qtbot.addWidget(window)
    make_active(qtbot, window)
    return window


def _print_previewed(qtbot, window):
    preview = window.print_output._previews[-1]  # noqa: SLF001 - the dialog the menu opened
    with qtbot.waitSignal(window.print_output.printed):
        preview.print_requested.emit()
    preview.close()


def test_forms_menu_offers_what_exists_and_prints_it(qtbot, ctx, officer, dept, clock, tmp_path):
    code = receive(ctx, officer).code
    listed = ctx.tracking.hand_over([code], officer).list_number
    ctx.tracking.accept(code, dept)
    window = _window(qtbot, ctx, officer, tmp_path)
    window.open_dossier("dossier", code)
    menu = child(window, "dossier.forms").menu()
    assert [a.objectName() for a in menu.actions()] == ["dossier.forms.control_sheet", "dossier.forms.handover"]

    clock.now = datetime(2026, 11, 27, 9, 0)
    slip = ctx.tracking.request_supplement(code, dept, notes="Bổ sung bản sao sổ hộ khẩu").reference
    clock.now = datetime(2026, 11, 30, 9, 0)
    ctx.tracking.supplement_received(code, officer)
    clock.now = datetime(2026, 12, 9, 10, 0)
    ctx.tracking.apologize(code, dept, "Chờ xác minh", date(2026, 12, 16))
    window.dossier_page.refresh()
    names = [a.objectName() for a in menu.actions()]
    assert names == ["dossier.forms.control_sheet", "dossier.forms.handover", "dossier.forms.apology",
                     "dossier.forms.supplement"]
    for action, kind, reference, title in ((0, "control_sheet", code, "PHIẾU KIỂM SOÁT"),
                                           (1, "handover", listed, "DANH SÁCH BÀN GIAO"),
                                           (2, "apology", code, "PHIẾU XIN LỖI"),
                                           (3, "supplement", slip, "PHIẾU YÊU CẦU BỔ SUNG")):
        menu.actions()[action].trigger()
        _print_previewed(qtbot, window)
        text = pdf_text((tmp_path / pdf_file_name(kind, reference)).read_bytes())
        assert title in text and code in text


def test_ctrl_l_previews_and_prints_the_ledger_of_a_field(qtbot, ctx, officer, tmp_path):
    code = receive(ctx, officer).code
    window = _window(qtbot, ctx, officer, tmp_path)
    press(window, Qt.Key_L, Qt.ControlModifier)
    dialog = window.ledger_dialog
    field = child(dialog, "ledger.field")
    field.setCurrentIndex(field.findData("TP-LLTP"))
    child(dialog, "ledger.from").setDate(QDate(2026, 11, 30))
    child(dialog, "ledger.to").setDate(QDate(2026, 11, 1))
    qtbot.mouseClick(child(dialog, "ledger.ok"), Qt.LeftButton)
    assert dialog.isVisible() and child(dialog, "ledger.to.error").isVisible()  # the period is backwards

    child(dialog, "ledger.from").setDate(QDate(2026, 11, 1))
    child(dialog, "ledger.to").setDate(QDate(2026, 11, 30))
    qtbot.mouseClick(child(dialog, "ledger.ok"), Qt.LeftButton)
    _print_previewed(qtbot, window)
    [pdf] = tmp_path.glob("*.pdf")
    text = " ".join(pdf_text(pdf.read_bytes()).split())
    assert "SỔ THEO DÕI HỒ SƠ" in text and code in text and "Lý lịch tư pháp" in text


def test_department_officer_opens_on_the_inbox_and_has_no_ledger_key(qtbot, ctx, dept, tmp_path):
    window = _window(qtbot, ctx, dept, tmp_path)
    assert window.tabs.currentWidget() is window.inbox_page
    assert window.handover_page is None and window.return_page is None and window.late_page is None
    assert window.tabs.indexOf(window.intake_page) < 0
    press(window, Qt.Key_F2)
    assert window.tabs.currentWidget() is window.inbox_page
    press(window, Qt.Key_L, Qt.ControlModifier)
    assert getattr(window, "ledger_dialog", None) is None
