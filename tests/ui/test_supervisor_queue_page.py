"""The supervisor's queue board on the real demo database: it follows the counters by itself,
reassigns and cancels waiting tickets only with a reason (audited), lists out-of-order calls,
keeps the selection across refreshes, and shows the banner while the database is gone."""

from __future__ import annotations

import shutil
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from ui_helpers import make_active, type_text

from counter_app.config import DATABASE_FILE
from counter_app.ui.supervisor_queue_models import COL_STATUS, COL_TARGET, COL_TICKET, COL_WHAT, COL_REASON, COL_BY
from counter_app.ui.supervisor_queue_page import SupervisorQueuePage
from counter_app.ui.task_runner import SyncTaskRunner


def open_page(qtbot, ctx, user) -> SupervisorQueuePage:
    page = SupervisorQueuePage(ctx.queue, SyncTaskRunner(), user, interval_ms=50)
    page.resize(1366, 768)
    qtbot.addWidget(page)
    page.show()
    make_active(qtbot, page)
    return page


@pytest.fixture
def page(qtbot, ctx, supervisor):
    return open_page(qtbot, ctx, supervisor)


def label(page, name: str) -> str:
    widget = page.findChild(QLabel, name)
    assert widget is not None, name
    return widget.text()


def column(model, col: int) -> list[str]:
    return [model.data(model.index(row, col)) for row in range(model.rowCount())]


def status_of(page, counter: int) -> str:
    model = page.counter_model
    row = model.row_of(counter)
    return model.data(model.index(row, COL_STATUS)) if row >= 0 else ""


def waiting_displays(page) -> list[str]:
    return column(page.ticket_model, COL_TICKET)


def dialog_field(page, name: str) -> QLineEdit:
    assert page.dialog is not None, "no reason dialog is open"
    field = page.dialog.findChild(QLineEdit, name)
    assert field is not None, name
    return field


def press_ok(qtbot, page, prefix: str) -> None:
    qtbot.mouseClick(page.dialog.findChild(QPushButton, f"{prefix}.ok"), Qt.LeftButton)


def error_text(page, name: str) -> str:
    return page.dialog.findChild(QLabel, f"{name}.error").text()


def issue(ctx, clock, *groups: str):
    """Issue one ticket per group, a second apart (tickets of one second tie on their numbers)."""
    tickets = []
    for group in groups:
        tickets.append(ctx.queue.issue(group))
        clock.now += timedelta(seconds=1)
    return tickets


def kinds(ctx, ticket_id) -> list[str]:
    return [e["kind"] for e in ctx.queue.events(ticket_id)]


def test_board_follows_the_counters_without_user_action(qtbot, ctx, officer, clock, page):
    """Calls and starts made elsewhere appear by themselves: counter 1 serving A001, counter 2
    calling, waiting counts per group, served today and the averages."""
    q = ctx.queue
    a1, a2, a3, b1 = issue(ctx, clock, "A", "A", "A", "B")
    first = q.call_next(1, officer, ["A"])
    q.start(first.id, 1, officer)
    clock.now += timedelta(minutes=4, seconds=31)

    qtbot.waitUntil(lambda: status_of(page, 1) == "Serving A001 for 04:31")
    assert first.id == a1.id
    assert label(page, "supervisor.waiting.A") == "2" and label(page, "supervisor.waiting.B") == "1"
    assert label(page, "supervisor.waiting_total") == "3"
    assert waiting_displays(page) == ["A002", "A003", "B001"]
    officer_name = page.counter_model.data(page.counter_model.index(page.counter_model.row_of(1), 1))
    assert officer_name == officer.full_name

    q.call_next(2, officer, ["A"])
    q.finish(first.id, 1, officer)
    qtbot.waitUntil(lambda: status_of(page, 2) == "Calling A002 for 00:00")
    assert status_of(page, 1) == "Free since 09:34"
    assert waiting_displays(page) == ["A003", "B001"]
    assert label(page, "supervisor.served_today") == "1"
    assert label(page, "supervisor.average_service") == "04:31"
    assert label(page, "supervisor.average_wait") == "02:19"  # A001 waited 4 s, A002 4:34
    assert label(page, "supervisor.issued_today") == "4"
    assert {a2.id, a3.id, b1.id} >= {t.ticket_id for t in page.ticket_model.rows()}


def test_pause_reason_shows_on_the_board_and_in_the_audit(qtbot, ctx, officer, page):
    """A paused counter reads "Paused: <reason>, since hh:mm"; the pause is in the audit list."""
    ctx.queue.pause(3, officer, "Nghỉ trưa")
    qtbot.waitUntil(lambda: status_of(page, 3) == "Paused: Nghỉ trưa, since 09:30")
    assert column(page.audit_model, COL_WHAT) == ["Counter 3 paused"]
    assert column(page.audit_model, COL_REASON) == ["Nghỉ trưa"]


def test_serving_time_ticks_between_reads(qtbot, ctx, officer, clock, page):
    """With no read at all, the "for mm:ss" of a serving counter still counts the seconds."""
    ticket = ctx.queue.issue("A")
    ctx.queue.call_next(1, officer, ["A"])
    ctx.queue.start(ticket.id, 1, officer)
    qtbot.waitUntil(lambda: status_of(page, 1) == "Serving A001 for 00:00")
    page.poll.stop()
    clock.now += timedelta(seconds=7)
    qtbot.waitUntil(lambda: status_of(page, 1) == "Serving A001 for 00:07", timeout=3000)


def test_reassign_needs_a_counter_and_a_reason_and_is_audited(qtbot, ctx, clock, supervisor, page):
    """Enter on a waiting ticket opens Reassign; a bad counter or an empty reason shows a message
    beside the field and changes nothing; with both, the ticket waits for that counter and the
    `reassigned` event carries the reason and the supervisor."""
    _a1, ticket = issue(ctx, clock, "A", "B")
    qtbot.waitUntil(lambda: waiting_displays(page) == ["A001", "B001"])
    assert page.select_ticket("B001")
    page.tickets.setFocus()
    qtbot.keyClick(page.tickets, Qt.Key_Return)
    assert page.dialog is not None and page.dialog.objectName() == "supervisor.reassign.dialog"

    counter = dialog_field(page, "supervisor.reassign.counter")
    for bad in ("", "0", "1000", "x"):
        counter.clear()
        qtbot.keyClicks(counter, bad)
        type_text(dialog_field(page, "supervisor.reassign.reason"), "Cần chuyên viên")
        press_ok(qtbot, page, "supervisor.reassign")
        assert error_text(page, "supervisor.reassign.counter") == "Type a counter number from 1 to 999."
        dialog_field(page, "supervisor.reassign.reason").clear()
    counter.clear()
    qtbot.keyClicks(counter, "5")
    assert label(page.dialog, "supervisor.reassign.counter_name") == "Quầy 5 - Y tế, Giáo dục, Văn hóa"
    press_ok(qtbot, page, "supervisor.reassign")
    assert "kept in the audit" in error_text(page, "supervisor.reassign.reason")
    assert page.dialog is not None and page.dialog.isVisible()
    assert kinds(ctx, ticket.id) == ["issued"]  # nothing done

    type_text(dialog_field(page, "supervisor.reassign.reason"), "Hồ sơ y tế, cần quầy 5")
    press_ok(qtbot, page, "supervisor.reassign")
    assert page.dialog is None
    event = ctx.queue.events(ticket.id)[-1]
    assert (event["kind"], event["counter"], event["actor_id"]) == ("reassigned", 5, supervisor.id)
    assert event["detail"]["reason"] == "Hồ sơ y tế, cần quầy 5"
    assert label(page, "supervisor.message").endswith("Ticket B001 now waits for counter 5.")
    qtbot.waitUntil(lambda: page.ticket_model.rows()[0].display == "B001")  # sent to one counter: listed first
    assert page.ticket_model.data(page.ticket_model.index(0, COL_TARGET)) == "Counter 5"
    assert page.selected_ticket().display == "B001"  # still selected after the refresh
    assert column(page.audit_model, COL_WHAT) == ["Reassigned to counter 5"]
    assert column(page.audit_model, COL_BY) == [supervisor.full_name]
    assert status_of(page, 5) == "Not opened"
    assert page.counter_model.data(page.counter_model.index(page.counter_model.row_of(5), 3)) == "1"


def test_cancel_needs_a_reason_and_is_audited(qtbot, ctx, supervisor, page):
    """Del on a waiting ticket opens Cancel; no reason → message, nothing cancelled; with a reason
    the ticket leaves the list, its status is cancelled and the event names the supervisor."""
    ticket = ctx.queue.issue("C")
    qtbot.waitUntil(lambda: waiting_displays(page) == ["C001"])
    page.select_ticket("C001")
    page.tickets.setFocus()
    qtbot.keyClick(page.tickets, Qt.Key_Delete)
    assert page.dialog is not None and page.dialog.objectName() == "supervisor.cancel_ticket.dialog"
    press_ok(qtbot, page, "supervisor.cancel_ticket")
    assert "kept in the audit" in error_text(page, "supervisor.cancel_ticket.reason")
    assert ctx.queue.get(ticket.id).status == "waiting"

    type_text(dialog_field(page, "supervisor.cancel_ticket.reason"), "Công dân đã về")
    qtbot.keyClick(dialog_field(page, "supervisor.cancel_ticket.reason"), Qt.Key_Return)  # Enter = OK
    assert ctx.queue.get(ticket.id).status == "cancelled"
    event = ctx.queue.events(ticket.id)[-1]
    assert (event["kind"], event["actor_id"], event["detail"]["reason"]) == ("cancelled", supervisor.id, "Công dân đã về")
    qtbot.waitUntil(lambda: waiting_displays(page) == [])
    assert not page.cancel_button.isEnabled()
    assert column(page.audit_model, COL_REASON) == ["Công dân đã về"]


def test_closing_the_dialog_does_nothing(qtbot, ctx, page):
    """Esc closes the reason dialog; the ticket is untouched."""
    ticket = ctx.queue.issue("A")
    qtbot.waitUntil(lambda: waiting_displays(page) == ["A001"])
    page.select_ticket("A001")
    qtbot.mouseClick(page.cancel_button, Qt.LeftButton)
    type_text(dialog_field(page, "supervisor.cancel_ticket.reason"), "nhầm")
    qtbot.mouseClick(page.dialog.findChild(QPushButton, "supervisor.cancel_ticket.close"), Qt.LeftButton)
    assert page.dialog is None
    assert kinds(ctx, ticket.id) == ["issued"]


def test_actions_without_a_selection_say_so(qtbot, ctx, page):
    """Reassign or cancel with no ticket chosen: a message, no dialog."""
    page.open_reassign()
    assert page.dialog is None
    assert label(page, "supervisor.message").endswith("Choose a waiting ticket first.")


def test_out_of_order_call_appears_in_the_audit_with_its_reason(qtbot, ctx, officer, page):
    """A ticket called out of order is listed with the reason the officer gave."""
    q = ctx.queue
    q.issue("A")
    late = q.issue("A")
    q.call_specific(late.id, 2, officer, "Người khuyết tật")
    qtbot.waitUntil(lambda: column(page.audit_model, COL_REASON) == ["Người khuyết tật"])
    assert column(page.audit_model, COL_WHAT) == ["Called out of order at counter 2"]
    assert column(page.audit_model, COL_BY) == [officer.full_name]
    assert status_of(page, 2) == "Calling A002 for 00:00"
    q.call_next(1, officer, ["A"])  # an ordinary call is not an audited decision
    qtbot.waitUntil(lambda: status_of(page, 1) == "Calling A001 for 00:00")
    assert len(page.audit_model.rows()) == 1


def test_reception_officer_may_not_cancel(qtbot, ctx, officer):
    """The service refuses a reception officer; the page shows its message, the ticket still waits."""
    page = open_page(qtbot, ctx, officer)
    ticket = ctx.queue.issue("A")
    qtbot.waitUntil(lambda: waiting_displays(page) == ["A001"])
    page.select_ticket("A001")
    page.open_cancel()
    type_text(dialog_field(page, "supervisor.cancel_ticket.reason"), "thử")
    press_ok(qtbot, page, "supervisor.cancel_ticket")
    assert label(page, "supervisor.message").endswith("Not done: Your role (reception) may not do this.")
    assert ctx.queue.get(ticket.id).status == "waiting"


def test_selection_is_kept_when_tickets_come_and_go(qtbot, ctx, clock, officer, page):
    """The chosen ticket stays chosen when others are issued or called around it."""
    q = ctx.queue
    issue(ctx, clock, "A", "B")
    qtbot.waitUntil(lambda: waiting_displays(page) == ["A001", "B001"])
    page.select_ticket("B001")
    q.issue("A", priority=True)
    q.call_next(1, officer, ["A"])  # A001: a normal ticket first (interleave)
    qtbot.waitUntil(lambda: waiting_displays(page) == ["A002", "B001"])  # priority listed first
    assert page.selected_ticket().display == "B001"
    assert page.reassign_button.isEnabled()


def test_lost_database_shows_the_banner_and_recovers(qtbot, ctx, data_dir, page):
    """The database file vanishes: the red banner shows; it is back: the banner goes, the board updates."""
    banner = page.findChild(QLabel, "connection_banner")
    qtbot.waitUntil(lambda: page.snapshot is not None)
    assert not banner.isVisible()
    database = data_dir / DATABASE_FILE
    hidden = data_dir / "hidden.db"
    ctx.queue.db.dispose()  # open connections would keep reading the moved file
    shutil.move(database, hidden)
    try:
        qtbot.waitUntil(banner.isVisible)
    finally:
        ctx.queue.db.dispose()
        for suffix in ("", "-wal", "-shm"):
            (data_dir / (DATABASE_FILE + suffix)).unlink(missing_ok=True)
        shutil.move(hidden, database)
    ctx.queue.issue("D")
    qtbot.waitUntil(lambda: not banner.isVisible() and waiting_displays(page) == ["D001"])
