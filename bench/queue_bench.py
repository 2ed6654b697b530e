"""Queue figures for `python -m bench` (issue 4): call-next median with 500 tickets waiting and 20
counters calling at once (budget 20 ms), ticket issue time (budget 50 ms); on SQLite, and on
PostgreSQL (a throw-away database) when the server is reachable. Printed, never asserted.

The 20 counters are 20 processes, each with its own connection, released together by a barrier.
Read the figure knowing what it includes: all 20 counter processes AND the database server share
this machine's cores (in a centre each counter is its own PC), so the median is mostly the time a
call waits for a core — about (counters ÷ cores) × one call's CPU, client and server. The
"1 counter alone" row is the same call without that contention.

On PostgreSQL `queue_waiting` is ANALYZEd once filled: a centre's table always has statistics
(autovacuum analyses it within a minute of the first 50 changes, and they persist), while this
bench fills a brand-new table in seconds; without statistics the planner sorts the waiting set
instead of walking the calling-order index (migration 0006), which costs about 0.6 ms more per call.
"""

from __future__ import annotations

import multiprocessing
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from bench.common import on_throwaway_postgresql
from counter_app.context import database_for
from counter_app.services import setup
from counter_app.services.db import Database
from counter_app.services.queue import QueueService
from counter_app.services.queue_print import TicketPrintService

WAITING = 500
COUNTERS = 20


def _counter(url: str, number: int, barrier, results) -> None:
    own = Database(url)  # one workstation = one connection
    service = QueueService(own)
    service.call_next(number, None, ["Z"])  # connect before the clock starts
    barrier.wait()
    times = []
    for _ in range(5):  # 500+ still waiting throughout
        t0 = time.perf_counter()
        ticket = service.call_next(number, None, ["A", "B", "C", "D"])
        times.append((time.perf_counter() - t0) * 1000)
        service.start(ticket.id, number, None)
        service.finish(ticket.id, number, None)
    service.close()
    own.dispose()
    results.put(times)


def _alone(db: Database, calls: int = 30) -> list[float]:
    """The same call by one counter with nobody else calling (after a warm-up call)."""
    service = QueueService(db)
    service.call_next(COUNTERS + 1, None, ["Z"])
    times = []
    for _ in range(calls):
        t0 = time.perf_counter()
        ticket = service.call_next(COUNTERS + 1, None, ["A", "B", "C", "D"])
        times.append((time.perf_counter() - t0) * 1000)
        service.start(ticket.id, COUNTERS + 1, None)
        service.finish(ticket.id, COUNTERS + 1, None)
    service.close()
    return times


def _ticket_ready(db: Database, count: int = 40) -> list[float]:
    """The kiosk's path: issue, then the ticket's PDF ready for the printer (fonts warmed up)."""
    queue = QueueService(db)
    tickets = TicketPrintService(queue, db)
    tickets.warm_up()
    times = []
    for i in range(count):
        t0 = time.perf_counter()
        tickets.pdf(queue.issue("E" if i % 2 else "A").id)
        times.append((time.perf_counter() - t0) * 1000)
    queue.close()
    return times


def _measure(db: Database, label: str) -> list[tuple]:
    queue = QueueService(db)
    issue_ms = []
    for i in range(WAITING + COUNTERS * 5 + 30):
        t0 = time.perf_counter()
        queue.issue("ABCD"[i % 4], priority=i % 7 == 0)
        issue_ms.append((time.perf_counter() - t0) * 1000)
    if db.dialect == "postgresql":
        with db.engine.connect() as connection:  # see the module's docstring
            connection.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE queue_waiting"))
    # One process per counter, as in a centre (threads of one process would measure the
    # interpreter lock, not the queue).
    mp = multiprocessing.get_context("fork")
    db.dispose()  # no pooled connection crosses the fork
    barrier, results = mp.Barrier(COUNTERS), mp.Queue()
    processes = [mp.Process(target=_counter, args=(db.url, n, barrier, results)) for n in range(1, COUNTERS + 1)]
    for p in processes:
        p.start()
    call_ms = [ms for _ in processes for ms in results.get(timeout=300)]
    for p in processes:
        p.join()
    alone_ms = _alone(db)
    ready_ms = _ticket_ready(db)
    return [
        (f"Queue call-next, {WAITING} waiting, {COUNTERS} at once ({label})", statistics.median(call_ms), max(call_ms), 20),
        (f"  call-next, 1 counter alone ({label})", statistics.median(alone_ms), max(alone_ms), None),
        (f"Queue ticket issue ({label})", statistics.median(issue_ms), max(issue_ms), 50),
        (f"Queue ticket ready to print: issue + PDF ({label})", statistics.median(ready_ms), max(ready_ms), 50),
    ]


def queue_rows() -> list[tuple]:
    rows: list[tuple] = []
    db = database_for(Path(tempfile.mkdtemp(prefix="counter-queue-bench-")))
    setup.initialise(db, demo=True)
    rows += _measure(db, "SQLite")
    db.dispose()

    def on_postgresql(pg: Database, _folder: Path) -> list[tuple]:
        setup.initialise(pg, demo=True)
        return _measure(pg, "PostgreSQL")

    rows += on_throwaway_postgresql(on_postgresql, "queue bench")
    return rows


if __name__ == "__main__":
    for row in queue_rows():
        print(row)
