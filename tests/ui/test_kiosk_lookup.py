"""The kiosk's dossier look-up page on the demo database: a scanned receipt (bare code or the QR's
tracking URL) shows the public status in large type; unknown codes say so; the page goes back to
the start by itself and forgets what it showed; the look-up never runs on the GUI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel
from ui_helpers import child, make_active, press, receive, type_text

from counter_app.services.public_status import PublicStatusQueries
from counter_app.ui.kiosk_window import KioskWindow, build_kiosk
from counter_app.ui.task_runner import SyncTaskRunner, ThreadTaskRunner

TRACKING_URL = "https://dichvucong.example.gov.vn/tra-cuu-ho-so?ma={code}"
PERSONAL = ("Nguyễn Thị Ánh Tuyết", "Tuyết", "066190001234", "0905123456", "tuyet@example.vn", "Lê Duẩn")


class HeldRunner(SyncTaskRunner):
    """Holds database-lane tasks until the test releases them (a slow database), recording lanes."""

    def __init__(self):
        self.held: list = []
        self.lanes: list[str] = []

    def submit(self, fn, on_done=None, on_error=None, lane="database"):
        self.lanes.append(lane)
        if lane == "database":
            self.held.append((fn, on_done, on_error))
            return
        super().submit(fn, on_done, on_error, lane)

    def release(self) -> None:
        held, self.held = self.held, []
        for fn, on_done, on_error in held:
            super().submit(fn, on_done, on_error, "database")


def kiosk(qtbot, ctx, runner=None) -> KioskWindow:
    window = build_kiosk(ctx, runner or SyncTaskRunner())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    make_active(qtbot, window)  # a kiosk's only window is the active one: the scanner types into it
    return window


def open_lookup(qtbot, window: KioskWindow):
    qtbot.mouseClick(child(window, "kiosk.lookup_button"), Qt.LeftButton)
    assert child(window, "kiosk.lookup").isVisible()
    return child(window, "kiosk.lookup.input")


def scan(field, text: str) -> None:
    """What a keyboard-wedge scanner does: type the text, then Enter."""
    type_text(field, text)
    press(field, Qt.Key_Return)


def shown(window: KioskWindow) -> str:
    """All the text the look-up page shows."""
    return " ".join(label.text() for label in child(window, "kiosk.lookup").findChildren(QLabel) if label.isVisible())


def test_scanning_the_receipt_shows_the_public_status(qtbot, ctx, officer):
    received = receive(ctx, officer)
    window = kiosk(qtbot, ctx)
    assert child(window, "kiosk.lookup_button").text() == "Look up a dossier"
    field = open_lookup(qtbot, window)
    assert field.hasFocus()
    scan(field, received.code)
    assert child(window, "kiosk.lookup.result").isVisible()
    assert child(window, "kiosk.lookup.status").text() == "Received"
    assert child(window, "kiosk.lookup.code").text() == received.code
    assert child(window, "kiosk.lookup.name").text() == "Nguyễn T** Á** T****"
    assert child(window, "kiosk.lookup.department").text() == "Sở Tư pháp"
    assert child(window, "kiosk.lookup.due").text() == "10/12/2026 09:30"
    assert child(window, "kiosk.lookup.updated").text() == "26/11/2026 09:30"
    assert [p for p in PERSONAL if p in shown(window)] == []
    assert field.text() == "" and field.hasFocus()  # ready for the next scan


def test_the_qr_tracking_url_and_a_lower_case_code_work_too(qtbot, ctx, officer):
    received = receive(ctx, officer)
    window = kiosk(qtbot, ctx)
    field = open_lookup(qtbot, window)
    scan(field, TRACKING_URL.format(code=received.code))
    assert child(window, "kiosk.lookup.code").text() == received.code
    scan(field, received.code.lower())
    assert child(window, "kiosk.lookup.status").text() == "Received"


def test_an_unknown_code_says_not_found(qtbot, ctx, officer):
    receive(ctx, officer)
    window = kiosk(qtbot, ctx)
    field = open_lookup(qtbot, window)
    scan(field, "000.00.06.H15-261126-0099")
    assert not child(window, "kiosk.lookup.result").isVisible()
    message = child(window, "kiosk.lookup.message")
    assert message.isVisible() and message.text().startswith("No dossier was found with the code 000.00.06.H15-261126-0099")
    scan(field, "<b>not a code</b>")
    assert message.textFormat() == Qt.PlainText and "NOT A CODE" in message.text()


def test_overdue_shows_in_the_status(qtbot, ctx, officer, clock):
    received = receive(ctx, officer)
    clock.now = received.due_at.replace(hour=received.due_at.hour + 1)
    window = kiosk(qtbot, ctx)
    scan(open_lookup(qtbot, window), received.code)
    assert child(window, "kiosk.lookup.status").text() == "Received — overdue"


def test_a_scan_on_the_start_page_opens_the_lookup(qtbot, ctx, officer):
    """A visitor who scans without touching anything first still gets the answer."""
    received = receive(ctx, officer)
    window = kiosk(qtbot, ctx)
    for char in received.code:  # each keystroke goes where Qt would send it: the focus widget, else the window
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(QApplication.focusWidget() or window, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, char))
    press(QApplication.focusWidget(), Qt.Key_Return)
    assert child(window, "kiosk.lookup").isVisible()
    assert child(window, "kiosk.lookup.code").text() == received.code


def test_the_page_returns_to_start_and_forgets_the_dossier(qtbot, ctx, officer):
    received = receive(ctx, officer)
    window = kiosk(qtbot, ctx)
    window.lookup_page.IDLE_MS = 150
    scan(open_lookup(qtbot, window), received.code)
    assert child(window, "kiosk.lookup.result").isVisible()
    qtbot.waitUntil(lambda: child(window, "kiosk.start").isVisible(), timeout=3000)
    assert child(window, "kiosk.lookup.code").text() == "" and not child(window, "kiosk.lookup.result").isVisible()
    field = open_lookup(qtbot, window)
    assert field.text() == "" and not child(window, "kiosk.lookup.result").isVisible()
    qtbot.mouseClick(child(window, "kiosk.lookup.back"), Qt.LeftButton)
    assert child(window, "kiosk.start").isVisible()


def test_a_late_answer_for_a_visitor_who_left_is_dropped(qtbot, ctx, officer):
    """The look-up goes to the database lane; an answer arriving after the page was left (or after
    a newer scan) is not shown to the next visitor."""
    received = receive(ctx, officer)
    runner = HeldRunner()
    window = kiosk(qtbot, ctx, runner)
    field = open_lookup(qtbot, window)
    scan(field, received.code)
    assert runner.lanes[-1] == "database" and runner.held
    assert child(window, "kiosk.lookup.message").text().startswith("Looking up")
    qtbot.mouseClick(child(window, "kiosk.lookup.back"), Qt.LeftButton)
    open_lookup(qtbot, window)
    runner.release()
    assert not child(window, "kiosk.lookup.result").isVisible() and child(window, "kiosk.lookup.code").text() == ""
    scan(field, "000.00.06.H15-261126-0099")
    scan(field, received.code)
    runner.release()  # both answers arrive, the older one first: only the newer one is shown
    assert child(window, "kiosk.lookup.code").text() == received.code
    assert not child(window, "kiosk.lookup.message").isVisible()


class ThreadRecordingQueries(PublicStatusQueries):
    """The real look-up, noting the thread it ran on."""

    threads: list[threading.Thread] = []

    def lookup(self, code):
        self.threads.append(threading.current_thread())
        return super().lookup(code)


@pytest.mark.parametrize("lookup_fails", [False, True])
def test_the_lookup_runs_off_the_gui_thread(qtbot, ctx, officer, lookup_fails):
    received = receive(ctx, officer)
    queries = ThreadRecordingQueries(ctx.db, ctx.dossiers.clock)
    queries.threads = []
    runner = ThreadTaskRunner()
    window = kiosk(qtbot, ctx, SyncTaskRunner())
    window.lookup_page.lookup, window.lookup_page.runner = queries, runner
    if lookup_fails:  # a database file that cannot be opened
        queries.db = type(ctx.db)("sqlite+pysqlite:///" + str(ctx.data_dir / "missing" / "none.sqlite3"))
    scan(open_lookup(qtbot, window), received.code)
    message = child(window, "kiosk.lookup.message")
    if lookup_fails:
        qtbot.waitUntil(lambda: message.text().startswith("The dossier cannot be looked up"), timeout=10000)
    else:
        qtbot.waitUntil(lambda: child(window, "kiosk.lookup.result").isVisible(), timeout=10000)
    runner.wait_idle()
    assert queries.threads and all(t is not threading.main_thread() for t in queries.threads)
