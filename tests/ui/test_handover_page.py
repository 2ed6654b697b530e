"""The hand-over page on the real demo database: ticking dossiers from the keyboard, handing them
over with one list (number, print), late dossiers flagged, refusals shown next to the table."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from pdf_tools import pdf_text
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from ui_helpers import child, make_active, pdf_output, press, receive, type_text

from counter_app.ui.handover_models import COL_CODE, COL_DEADLINE, COL_FLAG, LATE_BRUSH
from counter_app.ui.handover_page import HandoverPage
from counter_app.ui.print_output import pdf_file_name
from counter_app.ui.task_runner import SyncTaskRunner

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
SXD_PROCEDURE = "1.009979"  # Gia hạn giấy phép xây dựng — Sở Xây dựng


@pytest.fixture
def out(tmp_path) -> Path:
    return tmp_path / "prints"


@pytest.fixture
def page(qtbot, ctx, officer, out) -> HandoverPage:
    runner = SyncTaskRunner()
    page = HandoverPage(ctx, runner, officer, pdf_output(ctx, runner, officer, out))
    qtbot.addWidget(page)
    page.resize(1366, 720)
    page.show()
    make_active(qtbot, page)
    return page


def codes_shown(page) -> list[str]:
    return [row.code for row in page.model.rows()]


def ctrl_enter(widget) -> None:
    QTest.keyClick(widget, Qt.Key_Return, Qt.ControlModifier)  # through Qt's shortcut map, like a keyboard


def printed_list(out: Path, page, number: str) -> str:
    """The text of the hand-over list's PDF (the workstation prints to a folder); the page said so."""
    text = pdf_text((out / pdf_file_name("handover", number)).read_bytes())
    assert number in text
    assert child(page, "handover.message").text().startswith(f"List {number} printed")
    return text


def test_hand_over_two_dossiers_prints_the_list_and_empties_the_queue(qtbot, ctx, officer, out, page):
    """Two dossiers of Sở Tư pháp ticked with Ctrl+A and sent with Ctrl+Enter: one list number, both
    leave the queue (the count beside the department too), both are in transit; Sở Xây dựng's stays."""
    first, second = receive(ctx, officer).code, receive(ctx, officer).code
    other = receive(ctx, officer, code=SXD_PROCEDURE).code
    page.refresh()
    combo = child(page, "handover.department")
    assert combo.currentText() == "Sở Tư pháp — 2 waiting"  # the department of the oldest waiting dossier
    assert "Sở Xây dựng — 1 waiting" in [combo.itemText(i) for i in range(combo.count())]
    assert codes_shown(page) == [first, second]
    assert page.model.data(page.model.index(0, COL_DEADLINE)) == "26/11/2026 17:00"  # same working day
    assert page.model.data(page.model.index(0, COL_FLAG)) is None

    table = child(page, "handover.table")
    table.setFocus()
    press(table, Qt.Key_A, Qt.ControlModifier)
    assert page.model.checked_codes() == [first, second]
    assert child(page, "handover.summary").text() == "2 of 2 ticked"
    type_text(child(page, "handover.note"), "Giao bản giấy")
    ctrl_enter(table)

    result = page.last_result
    assert result is not None and result.list_number.endswith("-BG0001")
    assert result.codes == (first, second) and result.late_codes == ()
    assert result.list_number in child(page, "handover.outcome").text()
    assert codes_shown(page) == []
    assert combo.currentText() == "Sở Tư pháp — 0 waiting"
    assert [r.code for r in ctx.tracking_reads.handover_queue()] == [other]
    info, rows = ctx.tracking_reads.handover_list(result.list_number)
    assert sorted(r.code for r in rows) == sorted([first, second])
    assert info["note"] == "Giao bản giấy" and info["mark"] == "on_time"
    text = printed_list(out, page, result.list_number)
    assert first in text and second in text and "Sở Tư pháp" in text

    assert page.select_department("SXD")
    assert codes_shown(page) == [other]


def test_late_dossier_is_red_and_flagged_on_the_list(qtbot, ctx, officer, clock, page):
    """Received Thursday 09:30, still at the centre Friday morning: red, flagged "Late"; Space ticks
    it, and the list records it late."""
    late = receive(ctx, officer).code
    clock.now = datetime(2026, 11, 26, 15, 30)  # after 15:00: may go the next morning
    fresh = receive(ctx, officer).code
    clock.now = datetime(2026, 11, 27, 8, 0)
    page.refresh()
    model = page.model
    assert codes_shown(page) == [late, fresh]
    assert model.data(model.index(0, COL_FLAG)) == "Late"
    assert model.data(model.index(0, COL_CODE), Qt.ForegroundRole) == LATE_BRUSH
    assert model.data(model.index(1, COL_DEADLINE)) == "27/11/2026 11:30"  # next morning's session end
    assert model.data(model.index(1, COL_FLAG)) is None
    assert model.data(model.index(1, COL_CODE), Qt.ForegroundRole) is None
    assert "1 late" in child(page, "handover.department").currentText()
    table = child(page, "handover.table")
    table.setFocus()
    table.selectRow(1)  # the late row unselected, so the picture shows its red
    ARTIFACTS.mkdir(exist_ok=True)
    assert page.grab().save(str(ARTIFACTS / "handover-page.png"))
    press(table, Qt.Key_Up)  # the arrow keys move the selection, as an officer would
    assert [i.row() for i in table.selectionModel().selectedRows()] == [0]
    press(table, Qt.Key_Space)
    assert model.checked_codes() == [late]
    assert child(page, "handover.summary").text() == "1 of 2 ticked (1 late)"
    press(table, Qt.Key_Space)  # Space again unticks
    assert model.checked_codes() == []
    press(table, Qt.Key_Space)
    ctrl_enter(table)

    assert page.last_result.late_codes == (late,)
    assert f"Late: {late}." in child(page, "handover.outcome").text()
    info, _rows = ctx.tracking_reads.handover_list(page.last_result.list_number)
    assert info["mark"] == "late" and info["deadline"] == "2026-11-26T17:00"
    assert codes_shown(page) == [fresh]


def test_nothing_ticked_is_refused_next_to_the_table(qtbot, ctx, officer, page):
    """Ctrl+Enter with no tick: the service's message under the table, nothing handed over."""
    code = receive(ctx, officer).code
    page.refresh()
    ctrl_enter(child(page, "handover.table"))
    assert child(page, "handover.table.error").text() == "Select at least one dossier to hand over."
    assert child(page, "handover.message").text().startswith("Nothing was handed over.")
    assert page.last_result is None
    assert [r.code for r in ctx.tracking_reads.handover_queue()] == [code]
    assert [e.kind for e in ctx.dossiers.dossier(code).events] == ["received"]
    page.model.set_checked([0], True)  # ticking one clears the message
    assert child(page, "handover.table.error").isHidden()


def test_dossier_sent_meanwhile_is_refused_and_the_queue_reread(qtbot, ctx, officer, page):
    """Another counter hands a ticked dossier over first: the service refuses the whole list,
    nothing of it is sent, and F5 shows the queue as it is now."""
    sent, mine = receive(ctx, officer).code, receive(ctx, officer).code
    page.refresh()
    page.model.toggle_all()
    ctx.tracking.hand_over([sent], officer)  # elsewhere, before this officer presses the key
    ctrl_enter(child(page, "handover.table"))
    assert f"Dossier {sent} was already handed over" in child(page, "handover.message").text()
    assert [r.code for r in ctx.tracking_reads.handover_queue()] == [mine]
    QTest.keyClick(child(page, "handover.table"), Qt.Key_F5)
    assert codes_shown(page) == [mine]
    assert page.model.checked_codes() == [mine]  # the tick survives the refresh


def test_f5_refreshes_inside_a_window_that_binds_f5(qtbot, ctx, officer, page):
    """The main window binds F5 to reprint; with the focus in this page F5 re-reads the queue instead."""
    from PySide6.QtGui import QKeySequence, QShortcut

    window_f5 = []
    shortcut = QShortcut(QKeySequence("F5"), page)
    shortcut.setContext(Qt.WindowShortcut)
    shortcut.activated.connect(lambda: window_f5.append(1))
    code = receive(ctx, officer).code
    assert codes_shown(page) == []
    child(page, "handover.table").setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_F5)
    assert codes_shown(page) == [code]
    assert window_f5 == []
