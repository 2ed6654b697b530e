"""Sync figures for `python -m bench` (issue 3), against the PostgreSQL server of PGHOST/PGPORT
(default 127.0.0.1:5432) as PGUSER (default postgres, then root) with PGPASSWORD.

The bench creates its own central database (`central init --demo` with a throw-away app role),
joins counters to it in temporary data folders, and drops everything at the end. Measures:

(a) 10,000 dossiers created at a counter while the centre is unreachable (codes from the counter's
    fall-back range, every row queued in the real outbox by the session hook), then the counter
    reconnects (its `SyncWorker` starts): seconds until the outbox is empty — budget 15 s;
(b) a dossier received at counter A (its worker woken as the GUI does after a save) is in counter B's
    local store, B's worker LISTENing: median and max over 20 receives — budget 1 s median;
(c) an idle counter's `SyncWorker` (default settings: LISTEN, local check every 1 s, poll every
    5 s) over 10 s: CPU of the process (only that worker running) as % of one core — budget 5 %.

Figures are printed, never asserted. `python -m bench.sync_bench` runs only these.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

PG_HOST = os.environ.get("PGHOST", "127.0.0.1")
PG_PORT = int(os.environ.get("PGPORT", "5432"))
BUDGET_PUSH_MS = 15_000
BUDGET_VISIBLE_MS = 1_000
BUDGET_IDLE_CPU_PERCENT = 5


def _superuser():
    """(psycopg autocommit connection to the maintenance database, user) or None when unreachable."""
    import psycopg  # noqa: PLC0415

    for user in dict.fromkeys([os.environ.get("PGUSER") or "postgres", "postgres", "root"]):
        try:
            return psycopg.connect(host=PG_HOST, port=PG_PORT, user=user, password=os.environ.get("PGPASSWORD"),
                                   dbname="postgres", autocommit=True, connect_timeout=3), user
        except psycopg.OperationalError:
            continue
    return None


def _url(user: str, database: str) -> str:
    from sqlalchemy.engine import URL  # noqa: PLC0415

    return URL.create("postgresql+psycopg", username=user, password=os.environ.get("PGPASSWORD"), host=PG_HOST,
                      port=PG_PORT, database=database).render_as_string(hide_password=False)


def _dead_url() -> str:
    import socket  # noqa: PLC0415

    with socket.socket() as probe:  # a port nobody listens on: "the centre is unreachable"
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"postgresql+psycopg://nobody@127.0.0.1:{port}/offline"


def _wait(predicate, timeout: float, step: float = 0.005) -> float | None:
    """Seconds until `predicate()` held, or None after `timeout`."""
    start = time.perf_counter()
    while not predicate():
        if time.perf_counter() - start > timeout:
            return None
        time.sleep(step)
    return time.perf_counter() - start


def _create_offline(ctx, officer_id: str, counter: int, size: int, seed: int = 11) -> None:
    """`size` dossiers as `IntakeService.receive` stores them (code and ledger entry from
    `codes`, documents, a 'received' event), added through the counter's ORM sessions in batches,
    so the outbox hook queues every row exactly as for a real save. (Receiving them one by one
    takes ~11 ms each: 2 minutes for 10,000.)"""
    from sqlalchemy import select  # noqa: PLC0415

    from bench.populate import GIVEN, MIDDLE, PREFIXES, SURNAMES  # noqa: PLC0415
    from counter_app.models import Dossier, DossierDocument, DossierEvent, Procedure  # noqa: PLC0415
    from counter_app.services import centre_settings, codes  # noqa: PLC0415
    from counter_app.services.text import fold  # noqa: PLC0415

    rng = random.Random(seed)
    with ctx.db.reader() as session:
        agency = centre_settings.load(session).agency_id
        procedures = session.execute(select(Procedure.id, Procedure.limit_value, Procedure.limit_unit)).all()
    documents = [d.name for d in ctx.catalogue.get("2.000488").documents]
    now = datetime.now().replace(second=0, microsecond=0)
    for start in range(0, size, 500):
        with ctx.db.transaction() as session:
            for _ in range(start, min(size, start + 500)):
                name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
                year, female = rng.randint(1950, 2005), rng.random() < 0.5
                proc_id, limit_value, limit_unit = rng.choice(procedures)
                due = now + timedelta(days=limit_value)
                dossier = Dossier(
                    code=codes.issue_dossier_code(session, agency, now.date()), agency=agency, status=2,
                    procedure_id=proc_id, sets=1, return_method="counter", received_at=now, limit_value=limit_value,
                    limit_unit=limit_unit, counting_rule="working-hours", after_cutoff=True, due_at=due,
                    original_due_at=due, ledger_book=str(now.year),
                    ledger_entry=codes.issue_ledger_entry(session, agency, now.year), officer_id=officer_id,
                    counter_number=counter, notes="", applicant_kind="individual", applicant_name=name,
                    id_type="personal_id",
                    id_number=f"066{(0 if year < 2000 else 2) + female}{year % 100:02d}{rng.randrange(10**6):06d}",
                    date_of_birth=None, sex="female" if female else "male", address="Số 1, đường Lê Duẩn, tỉnh Đắk Lắk",
                    phone=f"{rng.choice(PREFIXES)}{rng.randrange(10**7):07d}", email="", representative_name="",
                    representative_id="", authorisation_document="", search_name=fold(name),
                    documents=[DossierDocument(position=i, name=n, originals=1) for i, n in enumerate(documents, 1)],
                )
                session.add(dossier)
                session.flush()
                session.add(DossierEvent(dossier_id=dossier.id, seq=1, at=now, actor_id=officer_id, kind="received",
                                         to_status=2, detail={"counter": counter}))


def sync_rows(size: int = 10_000, receives: int = 20, idle_seconds: float = 10.0) -> list[tuple]:
    """Rows `(measure, median, max, budget)` for the bench table ((a), (b) in ms; (c) in % of one
    core), or [] after printing "skipped: no PostgreSQL"."""
    found = _superuser()
    if found is None:
        print(f"sync bench skipped: no PostgreSQL on {PG_HOST}:{PG_PORT}", file=sys.stderr)
        print("skipped: no PostgreSQL")
        return []
    admin, user = found
    os.environ.setdefault("COUNTER_APP_NO_KEYRING", "1")  # the bench's passwords go to files in its temp folders
    from psycopg import sql  # noqa: PLC0415

    from counter_app.context import open_context  # noqa: PLC0415
    from counter_app.services.central import init_central  # noqa: PLC0415
    from counter_app.services.intake_input import ApplicantInput, DocumentInput, IntakeInput  # noqa: PLC0415
    from counter_app.sync import leases  # noqa: PLC0415
    from counter_app.sync.engine import SyncEngine  # noqa: PLC0415
    from counter_app.sync.join import central_url_of, join  # noqa: PLC0415
    from counter_app.sync.local_store import pending_count  # noqa: PLC0415
    from counter_app.sync.worker import SyncWorker  # noqa: PLC0415

    run = uuid.uuid4().hex[:8]
    database, role = f"counter_bench_{run}", f"counter_bench_app_{run}"
    folder = Path(tempfile.mkdtemp(prefix="counter-sync-bench-"))
    contexts, workers = [], []
    rows: list[tuple] = []
    admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))
    try:
        app_url = init_central(_url(user, database), demo=True, app_role=role).app_url

        def counter(number: int):
            data = folder / f"counter{number}"
            join(data, app_url, number)
            ctx = open_context(data)
            contexts.append(ctx)
            url, _ = central_url_of(ctx.db, data)
            return ctx, SyncEngine(ctx.db, url, number)

        def worker(engine) -> SyncWorker:
            workers.append(SyncWorker(engine).start())
            return workers[-1]

        # (b) A → B with B LISTENing
        (a, engine_a), (b, engine_b) = counter(1), counter(2)
        worker_a, worker_b = worker(engine_a), worker(engine_b)
        if not worker_b.listening.wait(10) or _wait(lambda: worker_a.syncs and worker_b.syncs, 10) is None:
            raise RuntimeError("the sync workers did not come online")
        officer = a.auth.get("tiepnhan1")
        procedure = a.catalogue.get("2.000488")
        raw = IntakeInput(
            procedure_code=procedure.code,
            applicant=ApplicantInput(name="Nguyễn Thị Ánh Tuyết", id_number="066190001234", date_of_birth="12/05/1990",
                                     sex="female", address="Số 12, đường Lê Duẩn, tỉnh Đắk Lắk", phone="0905123456"),
            documents=tuple(DocumentInput(d.name) for d in procedure.documents),
        )
        from sqlalchemy import select  # noqa: PLC0415

        from counter_app.models import Dossier  # noqa: PLC0415

        def at_b(code: str) -> bool:
            with b.db.reader() as session:
                return session.scalar(select(Dossier.id).where(Dossier.code == code)) is not None

        latencies = []
        for _ in range(receives):
            code = a.intake.receive(raw, officer, counter_number=1).code
            worker_a.wake()  # what the GUI does after a save
            seconds = _wait(lambda: at_b(code), 10)
            latencies.append((seconds if seconds is not None else 10) * 1000)
            time.sleep(random.uniform(0.2, 0.5))
        rows.append((f"Sync: received at A → in B's store ({receives}×)", statistics.median(latencies),
                     max(latencies), BUDGET_VISIBLE_MS))

        # (c) B's worker alone, idle
        worker_a.stop()
        time.sleep(1.5)
        syncs = worker_b.syncs
        tid = worker_b._thread.native_id  # noqa: SLF001 - the worker's own CPU, from /proc
        cpu0, thread0, t0 = time.process_time(), _thread_cpu(tid), time.perf_counter()
        time.sleep(idle_seconds)
        cpu1, thread1, t1 = time.process_time(), _thread_cpu(tid), time.perf_counter()
        percent = (cpu1 - cpu0) / (t1 - t0) * 100
        thread_percent = (thread1 - thread0) / (t1 - t0) * 100 if thread0 is not None and thread1 is not None else percent
        rows.append((f"Sync: idle worker CPU, % of a core ({idle_seconds:.0f} s)", percent, percent,
                     BUDGET_IDLE_CPU_PERCENT))
        print(f"idle worker: {worker_b.syncs - syncs} syncs in {idle_seconds:.0f} s; process {percent:.2f} %, "
              f"worker thread {thread_percent:.2f} % of one core", file=sys.stderr)
        worker_b.stop()

        # (a) 10,000 dossiers created offline, then pushed after reconnecting
        c, engine_c = counter(3)
        leases.register(c.db, _dead_url())  # offline: the one lease attempt fails, codes from the fall-back range
        t0 = time.perf_counter()
        _create_offline(c, c.auth.get("tiepnhan1").id, 3, size)
        created_s = time.perf_counter() - t0
        queued = pending_count(c.db)
        t0 = time.perf_counter()
        worker_c = worker(engine_c)  # reconnect: the worker registers the real URL and pushes at once
        seconds = _wait(lambda: pending_count(c.db) == 0, 120, step=0.05)
        push_ms = (seconds if seconds is not None else float("nan")) * 1000
        rows.append((f"Sync: {size:,} offline dossiers pushed", push_ms, push_ms, BUDGET_PUSH_MS))
        print(f"offline counter: {size:,} dossiers ({queued:,} outbox rows) created in {created_s:.1f} s, "
              f"outbox empty {push_ms / 1000:.1f} s after reconnecting", file=sys.stderr)
        worker_c.stop()
    finally:
        for w in workers:
            if w.is_alive():
                w.stop()
            w.engine.close()
        for ctx in contexts:
            ctx.close()
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database)))
        admin.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))
        admin.close()
        shutil.rmtree(folder, ignore_errors=True)
    return rows


def _thread_cpu(tid: int) -> float | None:
    """User + system CPU seconds of one thread of this process (Linux), or None."""
    try:
        fields = Path(f"/proc/self/task/{tid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def main() -> int:
    rows = sync_rows()
    for name, median, worst, budget in rows:
        print(f"| {name:<42} | {median:>9.1f} | {worst:>8.1f} | {budget:>9} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
