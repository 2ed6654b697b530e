"""The walk-in queue service on the real embedded database (demo centre, settable clock)."""

from __future__ import annotations

import multiprocessing
import threading
import uuid
from datetime import datetime, timedelta

import pytest

from counter_app.services.db import Database
from counter_app.services.errors import NotFound, PermissionDenied, ServiceError
from counter_app.services.queue import QueueService
from counter_app.services.setup import DEMO_GROUPS


@pytest.fixture
def queue(ctx, clock):
    return QueueService(ctx.db, clock)


def kinds(queue, ticket_id):
    return [e["kind"] for e in queue.events(ticket_id)]


def test_demo_groups_are_seeded(queue):
    assert [g.code for g in queue.groups()] == [code for code, _n, _f in DEMO_GROUPS]


def test_numbers_per_group_restart_each_day(queue, clock):
    assert [queue.issue("A").display for _ in range(3)] == ["A001", "A002", "A003"]
    assert queue.issue("b").display == "B001"
    clock.now = datetime(2026, 11, 26, 23, 59, 59)
    assert queue.issue("A").display == "A004"
    clock.now = datetime(2026, 11, 27, 0, 0, 1)  # midnight in Asia/Ho_Chi_Minh (local clock)
    ticket = queue.issue("A")
    assert (ticket.display, ticket.day.isoformat()) == ("A001", "2026-11-27")


def test_issue_reports_people_ahead_and_estimate(queue, clock, officer):
    queue.issue("A")
    queue.issue("A")
    third = queue.issue("A")
    assert third.ahead == 2 and third.estimated_wait_minutes == 10  # default 5 min, one counter
    first = queue.call_next(1, officer, ["A"])
    queue.start(first.id, 1, officer)
    clock.now += timedelta(minutes=12)
    queue.finish(first.id, 1, officer, "received")
    assert queue.issue("A").ahead == 2
    assert queue.issue("A").estimated_wait_minutes == 36  # 3 ahead × 12 min (from events)
    assert queue.issue("A", priority=True).ahead == 0


def test_unknown_group_is_refused(queue):
    with pytest.raises(ServiceError):
        queue.issue("Z")


def test_call_next_interleaves_and_double_click_returns_same_ticket(queue, officer):
    normal = [queue.issue("A") for _ in range(3)]
    prio = queue.issue("A", priority=True, priority_reason="elderly")
    order = []
    for _ in range(4):
        ticket = queue.call_next(2, officer, ["A"])
        assert queue.call_next(2, officer, ["A"]).id == ticket.id  # double click
        order.append(ticket.display)
        queue.start(ticket.id, 2, officer)
        queue.finish(ticket.id, 2, officer)
    assert order == [normal[0].display, normal[1].display, prio.display, normal[2].display]
    assert queue.call_next(2, officer, ["A"]) is None
    assert kinds(queue, prio.id) == ["issued", "called", "started", "finished"]


def test_ageing_cap_from_settings(queue, clock, officer):
    old = queue.issue("A")
    clock.now += timedelta(minutes=31)
    queue.issue("A", priority=True)
    assert queue.call_next(1, officer, ["A"]).id == old.id


def test_cannot_call_while_serving_and_paused_counter_refuses(queue, officer):
    queue.issue("A")
    queue.issue("A")
    ticket = queue.call_next(1, officer, ["A"])
    queue.start(ticket.id, 1, officer)
    with pytest.raises(ServiceError):
        queue.call_next(1, officer, ["A"])
    queue.finish(ticket.id, 1, officer)
    with pytest.raises(ServiceError):
        queue.pause(1, officer, "  ")
    queue.pause(1, officer, "break")
    with pytest.raises(ServiceError):
        queue.call_next(1, officer, ["A"])
    queue.resume(1, officer)
    assert queue.call_next(1, officer, ["A"]) is not None
    assert [e["kind"] for e in queue.events() if e["ticket_id"] is None] == ["paused", "resumed"]


def test_no_show_only_after_n_calls(queue, officer):
    queue.issue("A")
    ticket = queue.call_next(1, officer, ["A"])
    with pytest.raises(ServiceError, match="after 2 calls"):
        queue.no_show(ticket.id, 1, officer)
    assert queue.recall(ticket.id, 1, officer).calls == 2
    assert queue.no_show(ticket.id, 1, officer).status == "no_show"
    assert kinds(queue, ticket.id) == ["issued", "called", "recalled", "no_show"]
    assert queue.call_next(1, officer, ["A"]) is None


def test_start_and_finish_refusals(queue, officer):
    """Start and finish only the ticket called (started) at this counter, and not twice; a paused
    counter starts nothing; the officer is recorded on each event."""
    queue.issue("A")
    ticket = queue.call_next(1, officer, ["A"])
    with pytest.raises(ServiceError, match="not at counter 2"):
        queue.start(ticket.id, 2, officer)
    with pytest.raises(ServiceError, match="called to a counter; this is not possible"):
        queue.finish(ticket.id, 1, officer)
    queue.pause(1, officer, "phone call")
    with pytest.raises(ServiceError, match="paused"):
        queue.start(ticket.id, 1, officer)
    queue.resume(1, officer)
    assert queue.start(ticket.id, 1, officer).status == "serving"
    with pytest.raises(ServiceError, match="being served; this is not possible"):
        queue.start(ticket.id, 1, officer)
    done = queue.finish(ticket.id, 1, officer, "  received  ")
    assert (done.status, done.counter_number) == ("finished", 1)
    with pytest.raises(ServiceError, match="finished; this is not possible"):
        queue.finish(ticket.id, 1, officer)
    events = queue.events(ticket.id)
    assert [e["kind"] for e in events] == ["issued", "called", "started", "finished"]
    assert [e["actor_id"] for e in events[1:]] == [officer.id] * 3 and events[-1]["detail"] == {"outcome": "received"}
    with pytest.raises(NotFound):
        queue.start(str(uuid.uuid4()), 1, officer)


def test_call_specific_needs_reason_and_records_it(queue, officer):
    queue.issue("A")
    second = queue.issue("A")
    with pytest.raises(ServiceError):
        queue.call_specific(second.id, 1, officer, "")
    assert queue.call_specific(second.id, 1, officer, "appointment").status == "called"
    called = queue.events(second.id)[-1]
    assert called["kind"] == "called" and called["detail"] == {"out_of_order": True, "reason": "appointment"}
    with pytest.raises(ServiceError):
        queue.call_specific(second.id, 3, officer, "again")


def test_calling_out_of_order_returns_the_uncome_ticket_to_its_place(queue, officer):
    """A counter whose called ticket has not come forward may call another one out of order: the
    first goes back to its place in the queue (not left "called" at no counter)."""
    first, second = queue.issue("A"), queue.issue("A")
    assert queue.call_next(1, officer, ["A"]).id == first.id
    assert queue.call_specific(second.id, 1, officer, "appointment").id == second.id
    assert kinds(queue, first.id) == ["issued", "called", "returned_to_queue"]
    queue.start(second.id, 1, officer)
    queue.finish(second.id, 1, officer)
    assert queue.call_next(1, officer, ["A"]).id == first.id  # still first in line


def test_transfer_to_counter_goes_first_there(queue, officer):
    queue.issue("C")
    ticket = queue.issue("A")
    queue.issue("A")
    called = queue.call_next(1, officer, ["A"])
    assert called.id == ticket.id
    queue.start(ticket.id, 1, officer)
    moved = queue.transfer(ticket.id, 1, officer, to_group="C", to_counter=4, note="land question")
    assert moved.status == "transferred"
    assert queue.events(ticket.id)[-1]["detail"] == {"to_group": "C", "to_counter": 4, "note": "land question"}
    assert queue.call_next(3, officer, ["C"]).id != ticket.id  # counter 3 gets the other C ticket
    assert queue.call_next(4, officer, ["C"]).id == ticket.id
    assert kinds(queue, ticket.id) == ["issued", "called", "started", "transferred", "called"]


def test_supervisor_only_cancel_and_reassign(queue, officer, supervisor):
    ticket = queue.issue("A")
    with pytest.raises(PermissionDenied):
        queue.cancel(ticket.id, officer, "duplicate")
    with pytest.raises(PermissionDenied):
        queue.reassign(ticket.id, 5, officer, "specialist")
    with pytest.raises(ServiceError):
        queue.reassign(ticket.id, 5, supervisor, "")
    queue.reassign(ticket.id, 5, supervisor, "specialist")
    assert queue.call_next(1, officer, ["A"]) is None
    other = queue.issue("A")
    assert queue.cancel(other.id, supervisor, "left").status == "cancelled"
    assert kinds(queue, other.id) == ["issued", "cancelled"]
    assert queue.events(ticket.id)[-1]["actor_id"] == supervisor.id


def test_department_staff_may_not_call(ctx, queue, passwords):
    staff = ctx.auth.login("chuyenvien", passwords["chuyenvien"])
    with pytest.raises(PermissionDenied):
        queue.call_next(1, staff, ["A"])


def test_events_are_append_only(ctx, queue):
    from sqlalchemy import text

    queue.issue("A")
    with pytest.raises(Exception, match="append-only"):
        with ctx.db.transaction() as s:
            s.execute(text("UPDATE queue_event SET kind = 'x'"))
    with pytest.raises(Exception, match="append-only"):
        with ctx.db.transaction() as s:
            s.execute(text("DELETE FROM queue_event"))


def test_close_day_closes_or_carries_over(queue, clock, officer):
    a1, a2 = queue.issue("A"), queue.issue("A")
    assert queue.close_day(a1.day, carry_over=False) == {"closed": 2, "carried_over": 0}
    assert queue.get(a1.id).status == "closed" and queue.call_next(1, officer, ["A"]) is None
    b = queue.issue("B")
    result = queue.close_day(b.day, carry_over=True)
    assert result == {"closed": 0, "carried_over": 1}
    clock.now = datetime(2026, 11, 27, 7, 30)
    normal = queue.issue("B")
    carried = queue.call_next(1, officer, ["B"])
    assert carried.id != normal.id and carried.priority and carried.day.isoformat() == "2026-11-27"
    assert kinds(queue, b.id)[-1] == "carried_over"
    assert a2.id


def test_board_and_supervisor_view(queue, clock, officer):
    queue.issue("A")
    queue.issue("D")
    ticket = queue.call_next(1, officer, ["A"])
    board = queue.board()
    assert board["current"][0]["number"] == ticket.display and board["waiting"]["D"] == 1
    queue.start(ticket.id, 1, officer)
    clock.now += timedelta(minutes=7)
    queue.finish(ticket.id, 1, officer)
    row = queue.supervisor_view()["counters"][0]
    assert (row["counter"], row["served_today"], row["average_service_seconds"], row["status"]) == (1, 1, 420, "idle")
    assert row["officer"] == officer.full_name


def test_link_dossiers(ctx, queue):
    from counter_app.models import Dossier

    ticket = queue.issue("A")
    with ctx.db.reader() as s:
        from sqlalchemy import select
        ids = list(s.scalars(select(Dossier.id).limit(2)))
    for dossier_id in ids:
        queue.link_dossier(ticket.id, dossier_id)
        queue.link_dossier(ticket.id, dossier_id)
    assert kinds(queue, ticket.id).count("dossier_linked") == len(ids)


# ---- concurrency -----------------------------------------------------------------------------

def _drain(url: str, counter: int, out: list, barrier) -> None:
    db = Database(url)
    queue = QueueService(db)
    if barrier is not None:
        barrier.wait()
    try:
        while True:
            ticket = queue.call_next(counter, None, ["A", "B"])
            if ticket is None:
                return
            out.append(ticket.id)
            queue.start(ticket.id, counter, None)
            queue.finish(ticket.id, counter, None)
    finally:
        db.dispose()


def _issue_many(url: str, n: int, out: list) -> None:
    db = Database(url)
    queue = QueueService(db)
    for i in range(n):
        out.append(queue.issue("A" if i % 2 else "B", priority=i % 5 == 0).display)
    db.dispose()


def _process_drain(url: str, counter: int) -> list[str]:
    out: list[str] = []
    _drain(url, counter, out, None)
    return out


def _process_issue(url: str, n: int) -> list[str]:
    out: list[str] = []
    _issue_many(url, n, out)
    return out


def test_twenty_counters_threads_sqlite(ctx, queue):
    url = ctx.db.url
    issued: list[str] = []
    threads = [threading.Thread(target=_issue_many, args=(url, 10, issued)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(issued) == len(set(issued)) == 40
    called: list[str] = []
    barrier = threading.Barrier(20)
    threads = [threading.Thread(target=_drain, args=(url, n, called, barrier)) for n in range(1, 21)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(called) == len(set(called)) == 40


def test_twenty_counters_processes_sqlite(ctx, queue):
    url = ctx.db.url
    spawn = multiprocessing.get_context("spawn")
    with spawn.Pool(4) as pool:
        issued = [d for chunk in pool.starmap(_process_issue, [(url, 15)] * 4) for d in chunk]
    assert len(issued) == len(set(issued)) == 60
    with spawn.Pool(20) as pool:
        called = [t for chunk in pool.starmap(_process_drain, [(url, n) for n in range(1, 21)]) for t in chunk]
    assert len(called) == len(set(called)) == 60
