"""The walk-in queue's day boundary (Asia/Ho_Chi_Minh local days) on the real embedded database,
with a settable clock: the first action of a day closes earlier days' open tickets, or carries
them to today with priority; `close_day` does it at closing time, carrying to the next working day."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import event

from counter_app.services import centre_settings
from counter_app.services.db import Database
from counter_app.services.queue import QueueService
from tests.conftest import Clock

THURSDAY_NIGHT = datetime(2026, 11, 26, 23, 59)
FRIDAY = date(2026, 11, 27)


@pytest.fixture
def queue(ctx, clock):
    return QueueService(ctx.db, clock)


def carry_over(db: Database, value: bool) -> None:
    with db.transaction() as s:
        centre_settings.save(s, replace(centre_settings.load(s), queue_carry_over=value))


def kinds(queue, ticket_id):
    return [e["kind"] for e in queue.events(ticket_id)]


def carried_to(queue, ticket_id) -> str:
    """The ticket that `ticket_id` was carried over to."""
    return [e for e in queue.events(ticket_id) if e["kind"] == "carried_over"][0]["detail"]["to_ticket"]


def test_after_midnight_numbers_restart_and_yesterdays_ticket_is_closed(queue, clock):
    clock.now = THURSDAY_NIGHT
    waiting = queue.issue("A")
    clock.now = datetime(2026, 11, 27, 0, 1)
    fresh = queue.issue("A")
    assert (fresh.display, fresh.day) == ("A001", FRIDAY)
    assert queue.get(waiting.id).status == "closed"
    assert kinds(queue, waiting.id) == ["issued", "closed"]
    assert queue.board()["waiting"]["A"] == 1


def test_carried_over_tickets_keep_their_issue_time_and_go_first(ctx, queue, clock, officer):
    carry_over(ctx.db, True)
    clock.now = THURSDAY_NIGHT
    old_a, old_b = queue.issue("A"), queue.issue("B")
    clock.now = datetime(2026, 11, 27, 0, 1)
    fresh = queue.issue("A")
    assert fresh.display == "A002"  # the carried ticket took the day's first number of its group
    carried = queue.get(carried_to(queue, old_a.id))
    assert (carried.display, carried.day, carried.priority, carried.issued_at) == ("A001", FRIDAY, True, THURSDAY_NIGHT)
    assert queue.get(old_a.id).status == "closed" and kinds(queue, old_a.id)[-1] == "carried_over"
    assert queue.events(carried.id)[0]["detail"] == {"priority": True, "from_ticket": old_a.id}
    assert queue.get(carried_to(queue, old_b.id)).display == "B001"
    # In the morning the ageing cap puts them first, although the counter's interleave wants a
    # normal ticket next and a normal one was issued earlier this morning.
    clock.now = datetime(2026, 11, 27, 7, 30)
    queue.issue("A")
    assert queue.call_next(1, officer, ["A"]).id == carried.id
    assert queue.call_next(2, officer, ["B"]).id == carried_to(queue, old_b.id)


def test_a_ticket_being_served_at_midnight_is_left_to_its_officer(ctx, queue, clock, officer):
    carry_over(ctx.db, True)
    clock.now = datetime(2026, 11, 26, 23, 50)
    served = queue.issue("A")
    queue.start(queue.call_next(1, officer, ["A"]).id, 1, officer)
    clock.now = datetime(2026, 11, 27, 0, 5)
    queue.issue("A")
    assert queue.get(served.id).status == "serving"
    assert queue.supervisor_view()["counters"][0]["status"] == "serving"
    with pytest.raises(Exception):
        queue.call_next(1, officer, ["A"])  # still serving
    assert queue.finish(served.id, 1, officer, "received").status == "finished"
    assert kinds(queue, served.id) == ["issued", "called", "started", "finished"]


def test_a_called_ticket_that_never_came_forward_is_closed_and_its_counter_freed(queue, clock, officer):
    clock.now = datetime(2026, 11, 26, 23, 55)
    queue.issue("A")
    called = queue.call_next(2, officer, ["A"])
    clock.now = datetime(2026, 11, 27, 0, 2)
    assert queue.call_next(2, officer, ["A"]) is None  # not the old ticket again: nobody waits
    assert queue.get(called.id).status == "closed"
    counter = queue.supervisor_view()["counters"][0]
    assert (counter["counter"], counter["ticket"], counter["status"]) == (2, None, "idle")


def test_a_ticket_called_after_midnight_is_not_closed(ctx, clock, officer):
    """Counters' clocks differ by seconds: a ticket issued by a late kiosk for yesterday and called
    today is being dealt with — a later closing leaves it alone."""
    kiosk = QueueService(ctx.db, Clock(datetime(2026, 11, 26, 23, 59, 59)))
    counter = QueueService(ctx.db, Clock(datetime(2026, 11, 27, 0, 0, 10)))
    counter.issue("B")  # the counter's first action today: nothing to close yet
    late = kiosk.issue("A")
    assert late.day == date(2026, 11, 26)
    assert counter.call_next(1, officer, ["A"]).id == late.id
    closing = QueueService(ctx.db, Clock(datetime(2026, 11, 27, 0, 5)))
    assert closing.close_stale_days() == {"closed": 0, "carried_over": 0}
    assert closing.get(late.id).status == "called"


def test_transferred_ticket_is_carried_in_the_group_it_waits_in_without_its_target(ctx, queue, clock, officer):
    carry_over(ctx.db, True)
    clock.now = datetime(2026, 11, 26, 22, 0)
    ticket = queue.issue("A")
    queue.start(queue.call_next(1, officer, ["A"]).id, 1, officer)
    queue.transfer(ticket.id, 1, officer, to_group="C", to_counter=4)
    clock.now = datetime(2026, 11, 27, 7, 0)
    assert queue.close_stale_days() == {"closed": 0, "carried_over": 1}
    carried = queue.call_next(5, officer, ["C"])  # any counter of group C now
    assert (carried.id, carried.display) == (carried_to(queue, ticket.id), "C001")


def test_closing_stale_days_is_idempotent_and_covers_every_earlier_day(ctx, clock):
    carry_over(ctx.db, True)
    wednesday, thursday = QueueService(ctx.db, Clock(datetime(2026, 11, 25, 16, 0))), QueueService(ctx.db, clock)
    clock.now = datetime(2026, 11, 26, 16, 0)
    thursday.issue("B")  # Thursday's check: nothing to close yet…
    older = wednesday.issue("A")  # …then a kiosk with a stale clock issues for Wednesday
    newer = thursday.issue("A")
    friday = QueueService(ctx.db, Clock(datetime(2026, 11, 27, 7, 0)))
    assert friday.close_stale_days() == {"closed": 0, "carried_over": 3}
    assert friday.close_stale_days() == {"closed": 0, "carried_over": 0}
    first, second = friday.get(carried_to(friday, older.id)), friday.get(carried_to(friday, newer.id))
    assert (first.display, second.display, first.day, second.day) == ("A001", "A002", FRIDAY, FRIDAY)


def test_a_ticket_carried_twice_keeps_its_first_issue_time(ctx, queue, clock):
    carry_over(ctx.db, True)
    clock.now = datetime(2026, 11, 25, 16, 0)
    first = queue.issue("A")
    clock.now = datetime(2026, 11, 26, 7, 0)
    queue.issue("B")  # closes Wednesday: carried to Thursday
    clock.now = datetime(2026, 11, 27, 7, 0)
    queue.issue("B")  # closes Thursday: carried again
    again = queue.get(carried_to(queue, carried_to(queue, first.id)))
    assert (again.day, again.issued_at, again.priority, again.status) == (FRIDAY, first.issued_at, True, "waiting")


def test_the_check_costs_nothing_after_the_first_action_of_the_day(ctx, queue, clock):
    checks = []

    @event.listens_for(ctx.db.read_engine, "before_cursor_execute")
    def _seen(_conn, _cursor, statement, *_args):
        if "queue_ticket.day <" in statement:
            checks.append(statement)

    queue.issue("A")
    queue.issue("A")
    queue.call_next(1, None, ["A"])
    assert len(checks) == 1
    clock.now += timedelta(days=1)
    queue.issue("A")
    queue.issue("A")
    assert len(checks) == 2


def test_two_services_closing_at_once_carry_each_ticket_once(ctx, clock):
    carry_over(ctx.db, True)
    kiosk = QueueService(ctx.db, Clock(THURSDAY_NIGHT))
    stale = [kiosk.issue("AB"[i % 2]).id for i in range(12)]
    results, barrier = [], threading.Barrier(4)

    def close():
        db = Database(ctx.db.url)
        service = QueueService(db, Clock(datetime(2026, 11, 27, 7, 0)))
        barrier.wait()
        try:
            results.append(service.close_stale_days())
        finally:
            db.dispose()

    threads = [threading.Thread(target=close) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(r["carried_over"] for r in results) == 12 and sum(r["closed"] for r in results) == 0
    queue = QueueService(ctx.db, clock)
    assert all(kinds(queue, ticket_id).count("carried_over") == 1 for ticket_id in stale)
    displays = sorted(queue.get(carried_to(queue, ticket_id)).display for ticket_id in stale)
    assert displays == sorted([f"A{n:03d}" for n in range(1, 7)] + [f"B{n:03d}" for n in range(1, 7)])


def test_close_day_at_closing_carries_to_the_next_working_day(ctx, queue, clock, officer):
    clock.now = datetime(2026, 11, 27, 17, 30)  # Friday evening
    left = queue.issue("D")
    assert queue.close_day(carry_over=True) == {"closed": 0, "carried_over": 1}
    carried = queue.get(carried_to(queue, left.id))
    assert carried.day == date(2026, 11, 30)  # Monday
    assert queue.close_day() == {"closed": 0, "carried_over": 0}  # idempotent
    clock.now = datetime(2026, 11, 30, 7, 30)
    assert queue.issue("D").display == "D002"
    assert queue.call_next(1, officer, ["D"]).id == carried.id


def test_close_day_follows_the_centres_calendar(queue, clock):
    clock.now = datetime(2026, 12, 31, 17, 30)  # New Year's Day is a holiday, then the weekend
    left = queue.issue("A")
    queue.close_day(carry_over=True)
    assert queue.get(carried_to(queue, left.id)).day == date(2027, 1, 4)
