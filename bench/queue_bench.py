"""Queue figures for `python -m bench` (issue 4): call-next median with 500 tickets waiting and 20
counters calling at once (budget 20 ms), ticket issue time (budget 50 ms); on SQLite, and on
PostgreSQL (a throw-away database) when the server is reachable. Printed, never asserted.

The 20 counters are threads of this one process, each with its own connection: on PostgreSQL the
median is dominated by the threads sharing one Python interpreter (one call alone takes ~8 ms).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from counter_app.context import database_for
from counter_app.services import schema, setup
from counter_app.services.db import Database
from counter_app.services.queue import QueueService

WAITING = 500
COUNTERS = 20


def _measure(db: Database, label: str) -> list[tuple]:
    queue = QueueService(db)
    issue_ms = []
    for i in range(WAITING + COUNTERS * 5):
        t0 = time.perf_counter()
        queue.issue("ABCD"[i % 4], priority=i % 7 == 0)
        issue_ms.append((time.perf_counter() - t0) * 1000)
    call_ms: list[float] = []
    barrier = threading.Barrier(COUNTERS)

    def counter(number: int) -> None:
        own = Database(db.url)  # one workstation = one connection, as in a centre
        service = QueueService(own)
        service.call_next(number, None, ["Z"])  # connect before the clock starts
        barrier.wait()
        for _ in range(5):  # 500+ still waiting throughout
            t0 = time.perf_counter()
            ticket = service.call_next(number, None, ["A", "B", "C", "D"])
            call_ms.append((time.perf_counter() - t0) * 1000)
            service.start(ticket.id, number, None)
            service.finish(ticket.id, number, None)
        own.dispose()

    threads = [threading.Thread(target=counter, args=(n,)) for n in range(1, COUNTERS + 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return [
        (f"Queue call-next, {WAITING} waiting, {COUNTERS} at once ({label})", statistics.median(call_ms), max(call_ms), 20),
        (f"Queue ticket issue ({label})", statistics.median(issue_ms), max(issue_ms), 50),
    ]


def queue_rows() -> list[tuple]:
    rows: list[tuple] = []
    db = database_for(Path(tempfile.mkdtemp(prefix="counter-queue-bench-")))
    setup.initialise(db, demo=True)
    rows += _measure(db, "SQLite")
    db.dispose()
    try:
        from bench.sync_bench import _superuser, _url  # noqa: PLC0415

        found = _superuser()
        if found is None:
            return rows
        admin, user = found
        name = f"counter_queue_bench_{int(time.time())}"
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            pg = Database(_url(user, name))
            schema.upgrade(pg)
            setup.initialise(pg, demo=True)
            rows += _measure(pg, "PostgreSQL")
            pg.dispose()
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.close()
    except Exception as error:  # noqa: BLE001 - report, keep the other figures
        print(f"queue bench on PostgreSQL failed: {error}", file=sys.stderr)
    return rows


if __name__ == "__main__":
    for row in queue_rows():
        print(row)
