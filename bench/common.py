"""What the benches share: timing a call to a median, and a throw-away PostgreSQL database."""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from counter_app.services import schema
from counter_app.services.db import Database


def median_ms(fn: Callable[[int], object], runs: int, *, warm: bool = False) -> tuple[float, float]:
    """(median, max) milliseconds of `fn(i)` over `runs` calls; `warm` first makes one untimed call
    (calendar, statement cache, pages), as a working app has them warm."""
    if warm:
        fn(0)
    times = []
    for i in range(runs):
        t0 = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), max(times)


def on_throwaway_postgresql(work: Callable[[Database, Path], list[tuple]], name: str) -> list[tuple]:
    """Run `work(db, folder)` on a new PostgreSQL database at the current schema (dropped after),
    with a temporary data folder; [] with a note on stderr when there is no server or it fails,
    so the other figures still print."""
    from bench.sync_bench import _superuser, _url  # noqa: PLC0415

    found = _superuser()
    if found is None:
        print(f"{name}: no PostgreSQL, SQLite figures only", file=sys.stderr)
        return []
    admin, user = found
    database = f"counter_{name.replace(' ', '_')}_{int(time.time())}"
    admin.execute(f'CREATE DATABASE "{database}"')
    try:
        pg = Database(_url(user, database))
        schema.upgrade(pg)
        folder = Path(tempfile.mkdtemp(prefix="counter-bench-pg-"))
        try:
            return work(pg, folder)
        finally:
            pg.dispose()
            shutil.rmtree(folder, ignore_errors=True)
    except Exception as error:  # noqa: BLE001 - report, keep the other figures
        print(f"{name} on PostgreSQL failed: {error}", file=sys.stderr)
        return []
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        admin.close()
