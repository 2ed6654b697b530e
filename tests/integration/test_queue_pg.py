"""The walk-in queue on the real PostgreSQL: 20 counters calling at once through the one arbiter
(`SELECT … FOR UPDATE SKIP LOCKED` on `queue_waiting`); no ticket called twice, no number issued
twice; the service's and the day boundary's scenarios again, where call, start and finish take
their one-statement path; the SQL pick against `queue_order`; races the one-statement path must
survive (a row changed meanwhile, a dropped connection)."""

from __future__ import annotations

import multiprocessing
import random
import threading
import time
import uuid
from datetime import datetime
from types import SimpleNamespace

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import delete, insert, select, text, update
from sqlalchemy.engine import make_url

from counter_app.models import CounterState, QueueWaiting, ServiceGroup, Setting, User
from counter_app.services import queue_store as store
from counter_app.services import schema, setup
from counter_app.services.auth import Role, UserInfo
from counter_app.services.db import Database
from counter_app.services.queue import QueueService
from counter_app.services.queue_order import pick_next
from tests.unit import test_queue_days as day_tests
from tests.unit import test_queue_service as service_tests
from tests.unit.test_queue_sql import Rollback, make_tickets, random_case

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def pg_queue_url(make_database) -> str:
    url = make_database()
    db = Database(url)
    schema.upgrade(db)
    setup.initialise(db, demo=True)
    db.dispose()
    return url


def test_twenty_counters_threads_postgresql(pg_queue_url):
    issued: list[str] = []

    def issue(n):
        db = Database(pg_queue_url)
        queue = QueueService(db)
        barrier.wait()
        for i in range(n):
            issued.append(queue.issue("A" if i % 2 else "B", priority=i % 5 == 0).display)
        db.dispose()

    barrier = threading.Barrier(8)
    threads = [threading.Thread(target=issue, args=(25,)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(issued) == len(set(issued)) == 200

    called: list[str] = []
    errors: list[BaseException] = []
    start = threading.Barrier(20)

    def drain(counter):
        db = Database(pg_queue_url)
        queue = QueueService(db)
        start.wait()
        try:
            while (ticket := queue.call_next(counter, None, ["A", "B"])) is not None:
                assert queue.call_next(counter, None, ["A", "B"]).id == ticket.id  # double click
                called.append(ticket.id)
                queue.start(ticket.id, counter, None)
                queue.finish(ticket.id, counter, None)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            db.dispose()

    threads = [threading.Thread(target=drain, args=(n,)) for n in range(1, 21)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(called) == len(set(called)) == 200
    view = QueueService(Database(pg_queue_url)).supervisor_view()
    assert sum(c["served_today"] for c in view["counters"]) == 200
    assert len({c["counter"] for c in view["counters"] if c["served_today"]}) > 1


def test_events_append_only_on_postgresql(pg_queue_url):
    from sqlalchemy import text

    db = Database(pg_queue_url)
    QueueService(db).issue("C")
    with pytest.raises(Exception, match="append-only"):
        with db.transaction() as s:
            s.execute(text("UPDATE queue_event SET kind = 'x'"))
    db.dispose()


# ---- every scenario again on PostgreSQL ------------------------------------------------------
# On PostgreSQL call, start and finish take their one-statement path first, and fall back to the
# general one (double-click, paused, serving, refusals): the unit scenarios run here too, each on
# a fresh copy of a demo database.





def _admin(pg_server) -> psycopg.Connection:
    url = make_url(pg_server.url("postgres")).set(drivername="postgresql")
    return psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)


@pytest.fixture(scope="module")
def pg_template(pg_server) -> str:
    name = pg_server.create_database()
    db = Database(pg_server.url(name))
    setup.initialise(db, demo=True)
    db.dispose()
    return name


@pytest.fixture
def pg_db(pg_server, pg_template):
    name = f"{pg_template}_{uuid.uuid4().hex[:8]}"
    with _admin(pg_server) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(pg_template)))
    pg_server.databases.append(name)
    db = Database(pg_server.url(name))
    yield db
    db.dispose()


@pytest.fixture
def ctx(pg_db):
    return SimpleNamespace(db=pg_db)


@pytest.fixture
def queue(pg_db, clock):
    service = QueueService(pg_db, clock)
    yield service
    service.close()


def _user(db: Database, username: str) -> UserInfo:
    with db.reader() as s:
        u = s.scalar(select(User).where(User.username == username))
        return UserInfo(u.id, u.username, u.full_name, Role(u.role), u.phone, False)


@pytest.fixture
def officer(pg_db):
    return _user(pg_db, "tiepnhan1")


@pytest.fixture
def supervisor(pg_db):
    return _user(pg_db, "giamsat")


test_numbers_per_group_restart_each_day = service_tests.test_numbers_per_group_restart_each_day
test_issue_reports_people_ahead_and_estimate = service_tests.test_issue_reports_people_ahead_and_estimate
test_call_next_interleaves_and_double_click_returns_same_ticket = (
    service_tests.test_call_next_interleaves_and_double_click_returns_same_ticket)
test_ageing_cap_from_settings = service_tests.test_ageing_cap_from_settings
test_cannot_call_while_serving_and_paused_counter_refuses = service_tests.test_cannot_call_while_serving_and_paused_counter_refuses
test_no_show_only_after_n_calls = service_tests.test_no_show_only_after_n_calls
test_call_specific_needs_reason_and_records_it = service_tests.test_call_specific_needs_reason_and_records_it
test_calling_out_of_order_returns_the_uncome_ticket_to_its_place = (
    service_tests.test_calling_out_of_order_returns_the_uncome_ticket_to_its_place)
test_transfer_to_counter_goes_first_there = service_tests.test_transfer_to_counter_goes_first_there
test_supervisor_only_cancel_and_reassign = service_tests.test_supervisor_only_cancel_and_reassign
test_start_and_finish_refusals = service_tests.test_start_and_finish_refusals
test_close_day_closes_or_carries_over = service_tests.test_close_day_closes_or_carries_over
test_board_and_supervisor_view = service_tests.test_board_and_supervisor_view

test_after_midnight_numbers_restart_and_yesterdays_ticket_is_closed = (
    day_tests.test_after_midnight_numbers_restart_and_yesterdays_ticket_is_closed)
test_carried_over_tickets_keep_their_issue_time_and_go_first = (
    day_tests.test_carried_over_tickets_keep_their_issue_time_and_go_first)
test_a_ticket_being_served_at_midnight_is_left_to_its_officer = (
    day_tests.test_a_ticket_being_served_at_midnight_is_left_to_its_officer)
test_a_called_ticket_that_never_came_forward_is_closed_and_its_counter_freed = (
    day_tests.test_a_called_ticket_that_never_came_forward_is_closed_and_its_counter_freed)
test_a_ticket_called_after_midnight_is_not_closed = day_tests.test_a_ticket_called_after_midnight_is_not_closed
test_transferred_ticket_is_carried_in_the_group_it_waits_in_without_its_target = (
    day_tests.test_transferred_ticket_is_carried_in_the_group_it_waits_in_without_its_target)
test_closing_stale_days_is_idempotent_and_covers_every_earlier_day = (
    day_tests.test_closing_stale_days_is_idempotent_and_covers_every_earlier_day)
test_close_day_at_closing_carries_to_the_next_working_day = (
    day_tests.test_close_day_at_closing_carries_to_the_next_working_day)
test_two_services_closing_at_once_carry_each_ticket_once = day_tests.test_two_services_closing_at_once_carry_each_ticket_once


# ---- PostgreSQL only -----------------------------------------------------------------------

def test_both_sql_picks_agree_with_pick_next(pg_db):
    """The general path's pick (in a transaction) and the one-statement call both take the ticket
    `queue_order.pick_next` names, over random waiting sets, streaks and rules."""
    rng = random.Random(11)
    ids = make_tickets(pg_db, 20)
    one = store.OneStatementActions(pg_db)
    with pg_db.transaction() as s:
        for counter in (1, 2):
            store.lock_counter(s, counter, datetime(2026, 11, 26, 8, 0))
        active = list(s.scalars(select(ServiceGroup.code).where(ServiceGroup.active.is_(True))))
    for _ in range(120):
        rows, counter, groups, streak, now, rules = random_case(rng, ids)
        expected = pick_next(rows, counter=counter, groups=groups if groups is not None else active, streak=streak,
                             now=now, rules=rules)
        with pg_db.transaction() as s:
            s.execute(delete(QueueWaiting))
            if rows:
                s.execute(insert(QueueWaiting), [
                    {"ticket_id": r.ticket_id, "group_code": r.group_code, "priority": r.priority,
                     "issued_at": r.issued_at, "target_counter": r.target_counter, "number": r.number} for r in rows])
            s.execute(update(CounterState).values(normal_streak=streak, ticket_id=None, status="idle"))
            s.execute(update(Setting).where(Setting.key == "queue_priority_every").values(value=str(rules.priority_every)))
            s.execute(update(Setting).where(Setting.key == "queue_ageing_minutes").values(value=str(rules.ageing_minutes)))
        try:
            with pg_db.transaction() as s:
                general = store.take_next(s, counter, groups, streak, now, rules)
                raise Rollback
        except Rollback:
            pass
        assert general == expected, (rows, counter, groups, streak, now, rules)
        called = one.call(counter, groups, now, None)
        assert (called.id if called else None) == (expected.ticket_id if expected else None)
    one.close()


def _wait_for_lock_wait(db: Database) -> None:
    """Polls until some session waits for a lock. Each poll ends its transaction: PostgreSQL keeps
    one snapshot of pg_stat_activity per transaction, so polling inside one transaction would keep
    seeing the state of its first read (which made this wait flaky)."""
    with db.engine.connect() as c:
        for _ in range(1000):
            waiting = c.execute(text("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                     "AND wait_event_type = 'Lock'")).scalar()
            c.rollback()
            if waiting:
                return
            time.sleep(0.01)
    raise AssertionError("the call never waited for the counter's lock")


def test_a_ticket_changed_during_a_one_statement_call_keeps_its_event_order(pg_db, clock, supervisor):
    """The one-statement call reads `seq` with its statement's snapshot: a waiting row changed after
    that (here: a supervisor's reassignment committed while the call waited for its counter's
    lock) is left to the general path, so the `called` event still comes after the reassignment."""
    queue = QueueService(pg_db, clock)
    queue.call_next(7, None, ["Z"])  # counter 7 exists, idle
    ticket = queue.issue("D")
    queue.reassign(ticket.id, 7, supervisor, "for counter 7")
    holder = psycopg.connect(make_url(pg_db.url).set(drivername="postgresql").render_as_string(hide_password=False))
    holder.execute("SELECT 1 FROM counter_state WHERE counter_number = 7 FOR UPDATE")
    result: list = []
    caller = threading.Thread(target=lambda: result.append(QueueService(pg_db, clock).call_next(7, None, ["D"])))
    caller.start()
    _wait_for_lock_wait(pg_db)
    queue.reassign(ticket.id, 7, supervisor, "still counter 7")  # commits while the call waits
    holder.rollback()
    holder.close()
    caller.join()
    assert result[0].id == ticket.id
    events = queue.events(ticket.id)
    assert [e["kind"] for e in events] == ["issued", "reassigned", "reassigned", "called"]
    with pg_db.reader() as s:
        seqs = s.execute(text("SELECT seq FROM queue_event WHERE ticket_id = :t ORDER BY seq"), {"t": ticket.id}).scalars().all()
    assert seqs == [1, 2, 3, 4]
    queue.close()


def _seqs(db: Database, ticket_id: str) -> list[tuple[str, int]]:
    with db.reader() as s:
        return [tuple(r) for r in s.execute(text("SELECT kind, seq FROM queue_event WHERE ticket_id = :t ORDER BY seq, kind"),
                                            {"t": ticket_id})]


def test_start_after_a_recall_committed_meanwhile_keeps_the_event_order(pg_db, clock, officer):
    queue = QueueService(pg_db, clock)
    queue.issue("A")
    ticket = queue.call_next(3, officer, ["A"])
    holder = psycopg.connect(make_url(pg_db.url).set(drivername="postgresql").render_as_string(hide_password=False))
    holder.execute("SELECT 1 FROM counter_state WHERE counter_number = 3 FOR UPDATE")
    result: list = []
    starter = threading.Thread(target=lambda: result.append(QueueService(pg_db, clock).start(ticket.id, 3, officer)))
    starter.start()
    _wait_for_lock_wait(pg_db)
    queue.recall(ticket.id, 3, officer)  # commits while the start waits for the counter
    holder.rollback()
    holder.close()
    starter.join()
    assert result[0].status == "serving"
    assert _seqs(pg_db, ticket.id) == [("issued", 1), ("called", 2), ("recalled", 3), ("started", 4)]
    queue.close()


def test_finish_after_another_event_committed_meanwhile_keeps_the_event_order(pg_db, clock, officer):
    """Whoever adds an event to a ticket gives its row a new version (`store.touch`): here a
    writer holding the ticket row does so while the finish waits for it."""
    queue = QueueService(pg_db, clock)
    queue.issue("A")
    ticket = queue.call_next(3, officer, ["A"])
    queue.start(ticket.id, 3, officer)
    writer = psycopg.connect(make_url(pg_db.url).set(drivername="postgresql").render_as_string(hide_password=False))
    writer.execute("SELECT 1 FROM queue_ticket WHERE id = %s FOR UPDATE", (ticket.id,))
    result: list = []
    finisher = threading.Thread(target=lambda: result.append(QueueService(pg_db, clock).finish(ticket.id, 3, officer)))
    finisher.start()
    _wait_for_lock_wait(pg_db)
    writer.execute("UPDATE queue_ticket SET number = number WHERE id = %s", (ticket.id,))
    writer.execute("INSERT INTO queue_event (id, ticket_id, at, seq, counter_number, kind, detail) "
                   "VALUES (%s, %s, now(), 4, 3, 'dossier_linked', '{}')", (str(uuid.uuid4()), ticket.id))
    writer.commit()
    writer.close()
    finisher.join()
    assert result[0].status == "finished"
    assert _seqs(pg_db, ticket.id) == [("issued", 1), ("called", 2), ("started", 3), ("dossier_linked", 4),
                                       ("finished", 5)]
    queue.close()


def test_a_dropped_connection_falls_back_without_calling_twice(pg_db, clock, officer):
    """The connection a service keeps for one-statement actions dies (server restart, network):
    the action goes the general way, which sees what did or did not happen."""
    queue = QueueService(pg_db, clock)
    first, second = queue.issue("A"), queue.issue("A")
    assert queue.call_next(1, officer, ["A"]).id == first.id
    with pg_db.engine.connect() as c:  # every other backend of this database
        c.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                       "WHERE datname = current_database() AND pid <> pg_backend_pid()"))
    assert queue.call_next(1, officer, ["A"]).id == first.id  # double-click, through the general path
    queue.start(first.id, 1, officer)
    queue.finish(first.id, 1, officer)
    assert queue.call_next(1, officer, ["A"]).id == second.id
    assert [e["kind"] for e in queue.events(first.id)] == ["issued", "called", "started", "finished"]
    queue.close()


def test_a_setting_the_statement_cannot_read_leaves_the_call_to_the_general_path(pg_db, clock, officer):
    with pg_db.transaction() as s:
        s.execute(update(Setting).where(Setting.key == "queue_priority_every").values(value="1.0"))
    queue = QueueService(pg_db, clock)
    normal, prio = queue.issue("A"), queue.issue("A", priority=True)
    assert [queue.call_next(n, officer, ["A"]).id for n in (1, 1)] == [normal.id, normal.id]  # double-click
    queue.finish(queue.start(normal.id, 1, officer).id, 1, officer)
    assert queue.call_next(1, officer, ["A"]).id == prio.id  # 1 priority after every normal one
    queue.close()


def test_twenty_counters_processes_postgresql(pg_db):
    url = pg_db.url
    spawn = multiprocessing.get_context("spawn")
    with spawn.Pool(4) as pool:
        issued = [d for chunk in pool.starmap(service_tests._process_issue, [(url, 15)] * 4) for d in chunk]
    assert len(issued) == len(set(issued)) == 60
    with spawn.Pool(20) as pool:
        called = [t for chunk in pool.starmap(service_tests._process_drain, [(url, n) for n in range(1, 21)])
                  for t in chunk]
    assert len(called) == len(set(called)) == 60
