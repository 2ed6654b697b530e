"""The walk-in queue on the real PostgreSQL: 20 counters calling at once through the one arbiter
(`SELECT … FOR UPDATE SKIP LOCKED` on `queue_waiting`); no ticket called twice, no number issued twice."""

from __future__ import annotations

import threading

import pytest

from counter_app.services import schema, setup
from counter_app.services.db import Database
from counter_app.services.queue import QueueService

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
