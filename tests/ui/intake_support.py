"""Shared set-up of the intake page tests: the real page on the real demo database, a synchronous
runner, and the real PrintOutput writing PDFs into a temporary folder."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from factories import APPLICANT, PROCEDURE
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from ui_helpers import child, press, type_text

from counter_app.ui.dialogs import RecordingDialogs
from counter_app.ui.intake_page import IntakePage
from counter_app.ui.print_output import PrintOutput
from counter_app.ui.task_runner import SyncTaskRunner


def make_page(qtbot, ctx, officer, pdf_dir: Path) -> IntakePage:
    runner = SyncTaskRunner()
    workstation = replace(ctx.workstation, pdf_output_dir=str(pdf_dir))
    output = PrintOutput(workstation, runner, ctx.printing, officer.id, dialogs=RecordingDialogs())
    page = IntakePage(ctx, runner, officer, output)
    qtbot.addWidget(page)
    page.resize(1366, 720)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.focus_first()
    return page


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def key(k: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """One key (press + release) on whatever has the focus: Tab, arrows, Enter, Space, Esc, Ctrl+A.
    Not for QShortcut keys (use `shortcut`)."""
    press(focused(), k, modifiers)


def shortcut(k: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    """A key combination that goes through Qt's shortcut map (Ctrl+Enter, Ctrl+Shift+S …), which
    only QTest can reach."""
    QTest.keyClick(focused(), k, modifiers)


def tab(times: int = 1) -> None:
    for _ in range(times):
        key(Qt.Key.Key_Tab)


def pick_procedure(page: IntakePage, query: str = "cap phieu ly lich") -> None:
    search = child(page, "intake.procedure_search")
    type_text(search, query)
    press(search, Qt.Key.Key_Return)


def fill_valid(page: IntakePage, *, tick_all: bool = True) -> None:
    """A complete, valid intake of the factories' applicant for the demo procedure (fast: no Tab walk)."""
    page.picker.choose_code(PROCEDURE)
    a = APPLICANT
    for name, value in (("intake.name", a.name), ("intake.id_number", a.id_number),
                        ("intake.date_of_birth", a.date_of_birth), ("intake.address", a.address),
                        ("intake.phone", a.phone), ("intake.email", a.email)):
        child(page, name).setText(value)
    sex = child(page, "intake.sex")
    sex.setCurrentIndex(sex.findData(a.sex))
    if tick_all:
        child(page, "intake.tick_all").click()


def saved_for_applicant(ctx) -> list:
    """Dossiers and slips of the factories' applicant, found by name or by phone."""
    found = ctx.dossiers.find("nguyen thi anh tuyet") + ctx.dossiers.find("0905 123 456")
    return list({item.reference: item for item in found}.values())
