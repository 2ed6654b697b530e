"""Public look-up figures for `python -m bench` (issue 5): how many status pages a second the
`lookup-server` serves (budget ≥ 500 req/s, shown as ≤ 2 ms per request in the ms table), and a
request's latency under that load. Printed, never asserted.

The server runs in its own process on a SQLite data folder of SIZE dossiers (the rate limit raised
out of the way, request logging off); CLIENTS client processes each keep one HTTP/1.1 connection
alive and ask for status pages back to back — 9 in 10 for a real code, 1 in 10 for an unknown one.
Read the figure knowing that the clients share this machine's cores with the server (in use, the
clients are phones elsewhere), so it understates what the server alone would do.
"""

from __future__ import annotations

import http.client
import multiprocessing
import random
import statistics
import tempfile
import threading
import time
from pathlib import Path

from sqlalchemy import select

from bench.populate import populate
from counter_app.context import database_for
from counter_app.lookup_server import LookupServer
from counter_app.models import Dossier
from counter_app.services import setup
from counter_app.services.db import Database
from counter_app.services.public_status import PublicStatusQueries

SIZE = 20_000
CLIENTS = 8
SECONDS = 4.0
RUNS = 3


def _serve(url: str, ready, stop) -> None:
    db = Database(url)
    server = LookupServer(("127.0.0.1", 0), PublicStatusQueries(db), per_minute=1e12, burst=10**9)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    ready.put(server.server_address[1])
    stop.wait()
    server.stop()
    db.dispose()


def _client(port: int, codes: list[str], seed: int, barrier, seconds: float, results) -> None:
    rng = random.Random(seed)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    paths = [f"/tra-cuu-ho-so?ma={c}" for c in codes]
    for path in paths[:20]:  # connect and warm up before the clock starts
        connection.request("GET", path)
        connection.getresponse().read()
    barrier.wait()
    latencies, bad = [], 0
    deadline = time.perf_counter() + seconds
    while (t0 := time.perf_counter()) < deadline:
        connection.request("GET", rng.choice(paths))
        response = connection.getresponse()
        response.read()
        latencies.append((time.perf_counter() - t0) * 1000)
        bad += response.status not in (200, 404) or response.will_close
    connection.close()
    results.put((latencies, bad))


def _run(port: int, codes: list[str], clients: int, seconds: float) -> tuple[float, list[float]]:
    mp = multiprocessing.get_context("fork")
    barrier, results = mp.Barrier(clients + 1), mp.Queue()
    processes = [mp.Process(target=_client, args=(port, codes, n, barrier, seconds, results)) for n in range(clients)]
    for p in processes:
        p.start()
    barrier.wait()
    t0 = time.perf_counter()
    gathered = [results.get(timeout=seconds + 60) for _ in processes]
    wall = time.perf_counter() - t0
    for p in processes:
        p.join()
    latencies = [ms for lat, _bad in gathered for ms in lat]
    if any(bad for _lat, bad in gathered):
        raise RuntimeError("the lookup server answered with an unexpected status or closed a kept-alive connection")
    return len(latencies) / wall, latencies


def lookup_rows(size: int = SIZE, clients: int = CLIENTS, seconds: float = SECONDS, runs: int = RUNS) -> list[tuple]:
    db = database_for(Path(tempfile.mkdtemp(prefix="counter-lookup-bench-")))
    setup.initialise(db, demo=True)
    populate(db, size)
    with db.reader() as session:
        known = list(session.scalars(select(Dossier.code)))
    rng = random.Random(5)
    codes = rng.sample(known, min(900, len(known))) + [f"000.00.06.H15-{d:06d}-9999" for d in range(100)]
    url = db.url
    db.dispose()  # no pooled connection crosses the fork
    mp = multiprocessing.get_context("fork")
    ready, stop = mp.Queue(), mp.Event()
    server = mp.Process(target=_serve, args=(url, ready, stop))
    server.start()
    try:
        port = ready.get(timeout=60)
        rates, latencies = [], []
        for _ in range(runs):
            rate, lat = _run(port, codes, clients, seconds)
            rates.append(rate)
            latencies += lat
    finally:
        stop.set()
        server.join(timeout=30)
    rate = statistics.median(rates)
    return [
        (f"Lookup page {rate:,.0f} req/s: ms per request", 1000 / rate, 1000 / min(rates), 2),
        (f"  lookup request latency, {clients} clients", statistics.median(latencies), max(latencies), None),
    ]


if __name__ == "__main__":
    for row in lookup_rows():
        print(row)
