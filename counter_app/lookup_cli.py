"""`counter-app lookup-server`: run the public status look-up page (wired in `cli.py`; the server is
`lookup_server.py`).

It reads the data folder's database, or the central PostgreSQL one given by the global
`--central URL` (what a centre with several counters should use: a counter's local store keeps
only the dossiers it needs offline). It listens on 127.0.0.1:8080 by default — put it behind the
centre's HTTPS reverse proxy (`--trusted-proxy` so that the rate limit sees the real clients), or
give `--host 0.0.0.0` to serve the network directly. SIGINT (Ctrl+C) and SIGTERM stop it cleanly.
No Qt.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading
from pathlib import Path


def add_parsers(sub) -> None:
    server = sub.add_parser("lookup-server", help="serve the public dossier status page the receipt's QR points at")
    server.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1; 0.0.0.0 for all)")
    server.add_argument("--port", type=int, default=8080, help="port (default 8080)")
    server.add_argument("--rate", type=float, default=30, help="look-ups a minute per client address (default 30; 0: no limit)")
    server.add_argument("--burst", type=int, default=10, help="look-ups a client may make at once (default 10)")
    server.add_argument("--trusted-proxy", action="append", default=[], metavar="ADDRESS",
                        help="a reverse proxy whose X-Forwarded-For names the client (repeatable)")
    server.add_argument("--quiet", action="store_true", help="log only refusals and errors, not every request")


def serve_until_stopped(server, stop: threading.Event | None = None) -> None:
    """Serve on a background thread until SIGINT/SIGTERM (or `stop` is set), then stop cleanly."""
    stop = stop or threading.Event()
    previous = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, lambda _signum, _frame: stop.set())
    worker = threading.Thread(target=server.serve_forever, name="lookup-server", daemon=True)
    worker.start()
    try:
        while not stop.wait(1.0):  # a timed wait keeps the main thread responsive to signals
            if not worker.is_alive():
                break
    finally:
        server.stop()
        worker.join(timeout=5)
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def run(args, data_dir: Path) -> int:
    from counter_app.context import database_for  # noqa: PLC0415
    from counter_app.lookup_server import LookupServer  # noqa: PLC0415
    from counter_app.services import schema  # noqa: PLC0415
    from counter_app.services.db import Database  # noqa: PLC0415
    from counter_app.services.public_status import PublicStatusQueries  # noqa: PLC0415
    from counter_app.sync.local_store import is_counter_store  # noqa: PLC0415

    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(message)s")
    db = Database(args.central) if args.central else database_for(data_dir)
    try:
        schema.check(db)
        if db.dialect == "sqlite" and is_counter_store(db):
            print("warning: this data folder is a counter's local store, which keeps only recent dossiers; "
                  "serve the central database instead (--central URL)", file=sys.stderr)
        server = LookupServer((args.host, args.port), PublicStatusQueries(db), per_minute=args.rate, burst=args.burst,
                              trusted_proxies=args.trusted_proxy)
        print(f"Lookup server on {server.url}/ — Ctrl+C to stop", flush=True)
        serve_until_stopped(server)
        print("Lookup server stopped.", flush=True)
        return 0
    finally:
        db.dispose()
