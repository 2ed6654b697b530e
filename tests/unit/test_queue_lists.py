"""The supervisor's read lists of the walk-in queue on the real demo database: who waits (in
rough calling order), the day's totals, the day's audited actions, the counters' names."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from counter_app.services import queue_lists
from counter_app.services.queue import QueueService


@pytest.fixture
def queue(ctx, clock):
    return QueueService(ctx.db, clock)


def test_waiting_tickets_in_rough_calling_order(ctx, queue, clock, officer, supervisor):
    """Tickets sent to one counter first, then priority, then the rest oldest first; waited seconds
    from the issue time; called tickets are no longer listed; a transferred ticket says so."""
    a1 = queue.issue("A")
    clock.now += timedelta(minutes=1)
    b1 = queue.issue("B")
    clock.now += timedelta(minutes=1)
    queue.issue("A")
    p = queue.issue("D", priority=True, priority_reason="Người cao tuổi")
    queue.reassign(b1.id, 4, supervisor, "specialist")
    called = queue.call_next(1, officer, ["A"])
    assert called.id == a1.id
    clock.now += timedelta(seconds=30)

    rows = queue_lists.waiting_tickets(ctx.db, clock())
    assert [r.display for r in rows] == ["B001", "D001", "A002"]
    first = rows[0]
    assert (first.group_code, first.group_name, first.target_counter, first.status) == ("B", "Đầu tư, Doanh nghiệp", 4, "waiting")
    assert first.waited_seconds == 90
    assert (rows[1].priority, rows[1].priority_reason, rows[1].ticket_id) == (True, "Người cao tuổi", p.id)

    queue.start(called.id, 1, officer)
    queue.transfer(called.id, 1, officer, to_group="C", note="đất đai")
    moved = [r for r in queue_lists.waiting_tickets(ctx.db, clock()) if r.display == "A001"]
    assert [(r.status, r.group_code, r.target_counter) for r in moved] == [("transferred", "C", None)]


def test_day_totals_from_the_event_log(ctx, queue, clock, officer):
    """Issued, served, average wait (first call − issue) and service (finish − start) of the day only."""
    assert queue_lists.day_totals(ctx.db, clock().date()) == queue_lists.DayTotals(0, 0, None, None)
    first, second = queue.issue("A"), queue.issue("A")
    queue.issue("B")
    queue.call_next(1, officer, ["A"])
    queue.start(first.id, 1, officer)
    clock.now += timedelta(minutes=6)
    queue.finish(first.id, 1, officer)
    queue.call_next(1, officer, ["A"])  # second waited 6 minutes
    queue.recall(second.id, 1, officer)  # a recall is not a second wait
    totals = queue_lists.day_totals(ctx.db, clock().date())
    assert totals == queue_lists.DayTotals(issued=3, served=1, average_wait_seconds=180, average_service_seconds=360)
    assert queue_lists.day_totals(ctx.db, clock().date() + timedelta(days=1)).issued == 0


def test_audit_lists_decisions_with_reasons_newest_first(ctx, queue, clock, officer, supervisor):
    """Out-of-order calls, reassignments, cancellations, pauses and transfers with who, where and why;
    ordinary calls, starts and issues are left out; other days are left out."""
    tickets = [queue.issue("A") for _ in range(4)]
    queue.call_next(1, officer, ["A"])  # ordinary: not listed
    clock.now += timedelta(minutes=1)
    queue.call_specific(tickets[3].id, 2, officer, "Người khuyết tật")
    clock.now += timedelta(minutes=1)
    queue.reassign(tickets[2].id, 5, supervisor, "Cần chuyên viên")
    clock.now += timedelta(minutes=1)
    queue.start(tickets[3].id, 2, officer)
    queue.transfer(tickets[3].id, 2, officer, to_counter=6, note="trả kết quả")
    clock.now += timedelta(minutes=1)
    queue.cancel(tickets[1].id, supervisor, "Công dân đã về")
    clock.now += timedelta(seconds=1)
    queue.pause(3, officer, "Nghỉ trưa")

    rows = queue_lists.audit_today(ctx.db, clock().date())
    assert [(r.kind, r.ticket, r.counter) for r in rows] == [
        ("paused", "", 3), ("cancelled", "A002", None), ("transferred", "A004", 2), ("reassigned", "A003", 5),
        ("called", "A004", 2)]
    called = rows[-1]
    assert (called.out_of_order, called.reason, called.actor) == (True, "Người khuyết tật", officer.full_name)
    assert called.at == datetime(2026, 11, 26, 9, 31)
    assert (rows[1].actor, rows[1].reason) == (supervisor.full_name, "Công dân đã về")
    assert (rows[2].reason, rows[2].to_counter) == ("trả kết quả", 6)
    assert rows[0].reason == "Nghỉ trưa"
    assert queue_lists.audit_today(ctx.db, clock().date(), limit=2) == rows[:2]
    assert queue_lists.audit_today(ctx.db, clock().date() - timedelta(days=1)) == []


def test_counter_names_of_the_demo_centre(ctx):
    names = queue_lists.counter_names(ctx.db)
    assert sorted(names) == [1, 2, 3, 4, 5, 6]
    assert names[6] == "Quầy 6 - Trả kết quả"
