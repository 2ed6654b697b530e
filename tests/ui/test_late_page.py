"""The supervisor's late lists on the real demo database: an overdue dossier with no apology shows
in red with its department and due times, read when the page is shown and again on F5; an
apology takes it off the first list but never off the explanation list."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from ui_helpers import child, make_active, receive

from counter_app.ui.handover_models import (
    LATE_BRUSH, LATE_CODE, LATE_DEPARTMENT, LATE_DUE, LATE_NOTE, LATE_ORIGINAL, LATE_STATUS,
)
from counter_app.ui.late_page import LatePage
from counter_app.ui.task_runner import SyncTaskRunner
from counter_app.ui.timeliness_model import (
    COL_COMPLETED, COL_DEPARTMENT, COL_EARLY, COL_LATE, COL_NEAR_DUE, COL_NO_APOLOGY, COL_ON_TIME, COL_OPEN, COL_OVERDUE,
    COL_PAUSED, COL_RATIO, RED,
)

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def make_page(qtbot, ctx) -> LatePage:
    page = LatePage(ctx, SyncTaskRunner(), ctx.auth.get("giamsat"))
    qtbot.addWidget(page)
    page.resize(1366, 600)
    page.show()
    make_active(qtbot, page)
    return page


def cells(model, row: int = 0) -> dict[int, str]:
    return {col: model.data(model.index(row, col)) for col in range(model.columnCount())}


def codes(model) -> list[str]:
    return [row.code for row in model.rows()]


def test_overdue_without_apology_is_listed_in_red(qtbot, ctx, officer, dept, clock):
    """Processing past its original due time with no apology: on both lists, red, with the
    department and the due times; a dossier on time is on neither. Read when the page is shown."""
    late = receive(ctx, officer).code
    ctx.tracking.hand_over([late], officer)
    ctx.tracking.accept(late, dept)
    clock.now = datetime(2026, 12, 7, 9, 0)
    on_time = receive(ctx, officer).code  # due two weeks later
    due = ctx.dossiers.dossier(late).original_due_at
    assert due == datetime(2026, 12, 10, 9, 30)
    clock.now = datetime(2026, 12, 11, 9, 0)

    page = make_page(qtbot, ctx)
    apology, explanation = page.apology_model, page.explanation_model
    assert codes(apology) == [late] and codes(explanation) == [late]
    assert on_time not in codes(explanation)
    row = cells(apology)
    assert row[LATE_CODE] == late
    assert row[LATE_DEPARTMENT] == "Sở Tư pháp"
    assert row[LATE_STATUS] == "Processing"
    assert row[LATE_ORIGINAL] == "10/12/2026 09:30" and row[LATE_DUE] == "10/12/2026 09:30"
    assert apology.data(apology.index(0, LATE_DEPARTMENT), Qt.ForegroundRole) == LATE_BRUSH
    assert child(page, "late.apology_heading").text() == "Late without an &apology (Form 04): 1"
    assert child(page, "late.updated").text() == "Updated 09:00 11/12/2026"
    ARTIFACTS.mkdir(exist_ok=True)
    assert page.grab().save(str(ARTIFACTS / "late-page.png"))


def test_f5_rereads_and_an_apology_leaves_only_the_explanation_list(qtbot, ctx, officer, dept, clock):
    """A late apology moves the due date: F5 takes the dossier off "without apology"; it stays
    "without explanation" (judged against the original due time) until the department explains."""
    code = receive(ctx, officer).code
    ctx.tracking.hand_over([code], officer)
    ctx.tracking.accept(code, dept)
    page = make_page(qtbot, ctx)
    assert codes(page.apology_model) == []  # on time when the page was shown

    clock.now = datetime(2026, 12, 11, 9, 0)
    QTest.keyClick(child(page, "late.without_apology"), Qt.Key_F5)
    assert codes(page.apology_model) == [code]

    ctx.tracking.apologize(code, dept, "Chờ kết quả xác minh", date(2026, 12, 18))
    QTest.keyClick(child(page, "late.without_explanation"), Qt.Key_F5)
    assert codes(page.apology_model) == []
    assert codes(page.explanation_model) == [code]
    row = cells(page.explanation_model)
    assert row[LATE_ORIGINAL] == "10/12/2026 09:30" and row[LATE_DUE] == "18/12/2026 17:00"
    assert row[LATE_NOTE] == "Apology filed, new date set"

    ctx.tracking.explain(code, dept, "Phải chờ Công an tỉnh xác minh nhân thân.")
    qtbot.mouseClick(child(page, "late.refresh"), Qt.LeftButton)
    assert codes(page.explanation_model) == []
    assert child(page, "late.explanation_heading").text() == "Late without a written e&xplanation: 0"


def test_f5_is_the_pages_inside_a_window_that_binds_f5(qtbot, ctx, officer, dept, clock):
    """The main window binds F5 to reprint; with the focus in the late page, F5 refreshes the lists."""
    page = make_page(qtbot, ctx)
    window_f5 = []
    shortcut = QShortcut(QKeySequence("F5"), page)
    shortcut.setContext(Qt.WindowShortcut)
    shortcut.activated.connect(lambda: window_f5.append(1))
    code = receive(ctx, officer).code
    clock.now = datetime(2026, 12, 11, 9, 0)
    child(page, "late.without_apology").setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_F5)
    assert codes(page.apology_model) == [code]  # received, never handed over: late all the same
    assert window_f5 == []


def test_shown_again_reads_again(qtbot, ctx, officer, clock):
    """Hidden and shown again (another tab and back): the lists are read afresh."""
    page = make_page(qtbot, ctx)
    code = receive(ctx, officer).code
    clock.now = datetime(2026, 12, 11, 9, 0)
    page.hide()
    page.show()
    assert codes(page.apology_model) == [code]


def test_every_departments_timeliness_heads_the_page(qtbot, ctx, officer, dept, clock):
    """One row per department and a total: Sở Tư pháp holds one dossier overdue with no apology
    (red, bold) and completed one result early this month (100 % on time); the others are empty."""
    late, done = (receive(ctx, officer).code for _ in range(2))
    ctx.tracking.hand_over([late, done], officer)
    for code in (late, done):
        ctx.tracking.accept(code, dept)
    clock.now = datetime(2026, 12, 3, 10, 0)
    ctx.tracking.ready(done, dept)
    clock.now = datetime(2026, 12, 11, 9, 0)

    page = make_page(qtbot, ctx)
    model = page.timeliness_model
    names = [r.department_name for r in model.departments()]
    stp = cells(model, names.index("Sở Tư pháp"))
    assert [stp[c] for c in (COL_OPEN, COL_PAUSED, COL_NEAR_DUE, COL_OVERDUE, COL_NO_APOLOGY)] == ["1", "0", "0", "1", "1"]
    assert [stp[c] for c in (COL_COMPLETED, COL_EARLY, COL_ON_TIME, COL_LATE, COL_RATIO)] == ["1", "1", "0", "0", "100%"]
    row = names.index("Sở Tư pháp")
    assert model.data(model.index(row, COL_NO_APOLOGY), Qt.ForegroundRole).color() == RED
    other = cells(model, names.index("Sở Xây dựng"))
    assert other[COL_OPEN] == "0" and other[COL_RATIO] == "—"
    totals = cells(model, model.rowCount() - 1)
    assert totals[COL_DEPARTMENT] == "Total" and totals[COL_OVERDUE] == "1" and totals[COL_COMPLETED] == "1"
    assert child(page, "late.timeliness_heading").text() == "By &department"
    assert (page.since.date().toPython(), page.until.date().toPython()) == (date(2026, 12, 1), date(2026, 12, 11))
    QTest.keyClick(page, Qt.Key_D, Qt.AltModifier)
    assert QApplication.focusWidget() is page.timeliness
    ARTIFACTS.mkdir(exist_ok=True)
    assert page.grab().save(str(ARTIFACTS / "timeliness-page.png"))


def test_the_period_of_the_completed_results_can_be_chosen(qtbot, ctx, officer, dept, clock):
    """A result completed in November is not this month's; choosing November shows it. A period
    that ends before it starts is refused under its end, and the table keeps what it showed."""
    done = receive(ctx, officer).code
    ctx.tracking.hand_over([done], officer)
    ctx.tracking.accept(done, dept)
    clock.now = datetime(2026, 11, 30, 10, 0)
    ctx.tracking.ready(done, dept)
    clock.now = datetime(2026, 12, 2, 9, 0)
    page = make_page(qtbot, ctx)

    def stp():
        return next(r for r in page.timeliness_model.departments() if r.department_name == "Sở Tư pháp")

    assert stp().completed == 0
    page.since.setDate(QDate(2026, 11, 1))
    assert stp().completed == 1 and stp().early == 1  # the until date (02/12) takes in November
    page.until.setDate(QDate(2026, 10, 31))
    assert child(page, "late.until.error").text() == "The period ends before it starts."
    assert stp().completed == 1
    page.until.setDate(QDate(2026, 11, 30))
    assert child(page, "late.until.error").text() == "" and stp().completed == 1
