"""`counter-app join URL --counter N` and `counter-app sync status|now|run` (wired in `cli.py`).

Exit codes follow `cli.py`: 0 success; 1 refused or, for `sync now`, offline after the attempt.
Refusals raise `ServiceError`, which `cli.main` prints translated. `sync run` runs the same
`SyncWorker` as the GUI in the foreground until SIGTERM or SIGINT, printing each status change.
No Qt.
"""

from __future__ import annotations

import json
import signal
import sys
import threading
from datetime import datetime
from pathlib import Path

from counter_app.services.errors import QT_TRANSLATE_NOOP, Message, ServiceError


def add_parsers(sub) -> None:
    join = sub.add_parser("join", help="attach this workstation to a central database as counter N")
    join.add_argument("url", help="the app's URL printed by `central init`, e.g. postgresql://counter_app:…@db-host/counter")
    join.add_argument("--counter", type=int, required=True, help="this workstation's counter number (unique in the centre)")
    join.add_argument("--replace", action="store_true",
                      help="this workstation replaces the one that used this counter number (e.g. after a reinstall)")
    sync = sub.add_parser("sync", help="synchronisation with the central database").add_subparsers(dest="action", required=True)
    status = sync.add_parser("status", help="online or offline, changes waiting, last sync")
    status.add_argument("--json", action="store_true")
    sync.add_parser("now", help="push and pull once; exit 1 when the centre cannot be reached")
    sync.add_parser("run", help="headless sync worker until SIGTERM/SIGINT")


def not_joined() -> ServiceError:
    return ServiceError(Message(QT_TRANSLATE_NOOP(
        "Messages", "This workstation has not joined a central database. Run: counter-app join URL --counter N")))


def open_engine(data_dir: Path):
    """(local Database, SyncEngine) of a joined data folder; refuses a standalone one."""
    from counter_app.context import database_for  # noqa: PLC0415
    from counter_app.services import schema  # noqa: PLC0415
    from counter_app.sync.engine import SyncEngine  # noqa: PLC0415
    from counter_app.sync.join import central_url_of  # noqa: PLC0415
    from counter_app.sync.local_store import enable_outbox  # noqa: PLC0415

    local = database_for(data_dir)
    schema.check(local)
    joined = central_url_of(local, data_dir)
    if joined is None:
        local.dispose()
        raise not_joined()
    enable_outbox(local)
    return local, SyncEngine(local, joined[0], joined[1])


def status_dict(status) -> dict:
    def when(value: datetime | None) -> str | None:
        return value.isoformat(timespec="seconds") if value else None

    return {"online": bool(status.online), "pending": int(status.pending), "offline_since": when(status.offline_since),
            "last_sync": when(status.last_sync), "last_error": status.last_error or ""}


def status_line(status) -> str:
    d = status_dict(status)
    state = "online" if d["online"] else f"offline since {d['offline_since'] or '?'}"
    error = f"  error: {d['last_error']}" if d["last_error"] and not d["online"] else ""
    return f"{state}  pending {d['pending']}  last sync {d['last_sync'] or 'never'}{error}"


def run(args, data_dir: Path) -> int:
    if args.command == "join":
        from counter_app.sync.join import join  # noqa: PLC0415

        report = join(data_dir, args.url, args.counter, replace=args.replace)
        print(f"Joined {report.central_url} as counter {report.counter_number} (schema {report.revision}); "
              f"{report.rows_loaded} rows loaded.")
        if report.password_kept_in:
            print(f"Password kept in: {report.password_kept_in}")
        return 0
    local, engine = open_engine(data_dir)
    try:
        if args.action == "status":
            status = engine.status()
            if args.json:
                print(json.dumps(status_dict(status), ensure_ascii=False, indent=2))
            else:
                print(status_line(status))
            return 0
        if args.action == "now":
            status = engine.sync_once()
            print(status_line(status))
            return 0 if status.online else 1
        return _run_worker(engine, data_dir)
    finally:
        engine.close()
        local.dispose()


def _run_worker(engine, data_dir: Path) -> int:
    from counter_app.sync.join import check_central_schema  # noqa: PLC0415
    from counter_app.sync.worker import SyncWorker  # noqa: PLC0415

    check_central_schema(engine.central_url)  # a mismatch refuses to run; unreachable: run offline
    stop = threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGTERM, signal.SIGINT)}
    worker = SyncWorker(engine, on_status=lambda s: print(status_line(s), flush=True))
    worker.start()
    print(f"sync worker running for {data_dir} (SIGTERM or Ctrl+C stops it)", flush=True)
    try:
        while not stop.wait(0.5):
            if not worker.is_alive():
                return 1
    finally:
        worker.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    print("sync worker stopped", file=sys.stderr)
    return 0
