"""The sync engine against a real PostgreSQL centre and real SQLite counter stores: outbox,
idempotent push, a pull cursor that skips nothing, merged histories, crash and offline behaviour."""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import func, select, text

from counter_app.context import Context, database_for, open_context
from counter_app.models import Dossier, DossierDocument, DossierEvent
from counter_app.services import schema
from counter_app.services.central import CentralReport, init_central
from counter_app.services.db import Database
from counter_app.services.history import append_event
from counter_app.services.status import Status
from counter_app.sync import apply, push
from counter_app.sync.engine import SyncEngine
from counter_app.sync.local_store import enable_outbox, is_counter_store, outbox_enabled
from counter_app.sync.tables import outbox
from tests.factories import intake

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]
OFFICER = "tiepnhan1"


@dataclass
class Centre:
    owner_url: str
    report: CentralReport

    @property
    def app_url(self) -> str:
        return self.report.app_url


@dataclass
class Counter:
    folder: Path
    db: Database
    engine: SyncEngine


@pytest.fixture
def centre(pg_server, make_database) -> Centre:
    """A fresh central database with the demo centre, and its app role."""
    url = make_database()
    return Centre(url, init_central(url, demo=True, app_role=pg_server.role_name("sync" + uuid.uuid4().hex[:6])))


@pytest.fixture
def counters(tmp_path, centre, clock):
    """`make(n)`: counter n's store in tmp_path, loaded from the centre through the app role."""
    made: list[Counter] = []

    def make(number: int) -> Counter:
        folder = tmp_path / f"counter{number}"
        folder.mkdir()
        db = database_for(folder)
        schema.upgrade(db)
        engine = SyncEngine(db, centre.app_url, number, clock=clock)
        engine.initial_load()
        made.append(Counter(folder, db, engine))
        return made[-1]

    yield make
    for counter in made:
        counter.engine.close()
        counter.db.dispose()


def _count(db: Database, table, *where) -> int:
    with db.reader() as session:
        return session.scalar(select(func.count()).select_from(table).where(*where))


def _events(db: Database, dossier_id: str) -> set[tuple]:
    with db.reader() as session:
        return set(session.execute(select(DossierEvent.id, DossierEvent.kind, DossierEvent.to_status)
                                   .where(DossierEvent.dossier_id == dossier_id)).all())


def _status(db: Database, dossier_id: str) -> int:
    with db.reader() as session:
        return session.scalar(select(Dossier.status).where(Dossier.id == dossier_id))


def _move(ctx: Context, dossier_id: str, to_status: int, at: datetime) -> None:
    """What a status-change service does: append an event and cache the status, in one transaction."""
    with ctx.db.transaction() as session:
        dossier = session.get(Dossier, dossier_id)
        append_event(session, dossier_id, at=at, actor_id=None, kind="status", from_status=dossier.status,
                     to_status=to_status)
        dossier.status = to_status


def _receive(folder: Path, clock) -> tuple[Context, str]:
    ctx = open_context(folder, clock=clock)
    return ctx, ctx.intake.receive(intake(ctx), ctx.auth.get(OFFICER), counter_number=1).id


def test_dossier_received_at_one_counter_reaches_another(counters, centre, clock):
    """A dossier received at counter A (outbox on) is pushed and, after B's pull, is at B with documents and events."""
    a, b = counters(1), counters(2)
    ctx, dossier_id = _receive(a.folder, clock)
    try:
        assert outbox_enabled(ctx.db) and is_counter_store(ctx.db)
        assert a.engine.pending_dossier_ids() == {dossier_id}
        pending = a.engine.status().pending
        assert pending >= 3  # dossier, its documents, its event
        assert a.engine.push_once() == pending
        assert a.engine.status().pending == 0 and a.engine.pending_dossier_ids() == set()

        assert b.engine.pull_once() >= pending
        assert _count(b.db, Dossier, Dossier.id == dossier_id) == 1
        assert _count(b.db, DossierDocument, DossierDocument.dossier_id == dossier_id) == \
            _count(a.db, DossierDocument, DossierDocument.dossier_id == dossier_id) > 0
        assert _events(b.db, dossier_id) == _events(a.db, dossier_id) != set()
        assert _count(b.db, outbox) == 0  # pulled rows are not queued again
        assert a.engine.pull_once() == 0  # A does not receive its own rows back

        with a.db.reader() as session:
            last_id = session.scalar(text("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'"))
        _move(ctx, dossier_id, Status.RECEIVED, clock())
        with a.db.reader() as session:
            assert min(session.scalars(select(outbox.c.id))) > last_id  # ids never reused after a push
    finally:
        ctx.close()


def test_push_cut_before_or_after_the_central_commit_duplicates_nothing(counters, centre, clock, monkeypatch):
    """A push cut inside the central transaction, or after its commit but before the local ack, is retried without duplicates."""
    a = counters(1)
    ctx, dossier_id = _receive(a.folder, clock)
    ctx.close()
    pending = a.engine.status().pending
    central = Database(centre.owner_url)
    try:
        def cut(*args, **kwargs):
            raise OSError("connection reset")

        with monkeypatch.context() as patch:  # cut mid-transaction: the centre rolls everything back
            patch.setattr(apply, "recompute_status", cut)
            assert a.engine.sync_once().online is False
        assert _count(central, Dossier, Dossier.id == dossier_id) == 0

        with monkeypatch.context() as patch:  # cut after the commit, before the local delete
            patch.setattr(push, "forget_acknowledged", cut)
            status = a.engine.sync_once()
        assert (status.online, status.pending) == (False, pending)
        with central.reader() as session:
            logged = session.scalar(text("SELECT count(*) FROM change_log WHERE origin = '1'"))
        assert _count(central, Dossier, Dossier.id == dossier_id) == 1

        status = a.engine.sync_once()
        assert (status.online, status.pending, status.offline_since, status.last_error) == (True, 0, None, "")
        assert _count(central, Dossier, Dossier.id == dossier_id) == 1
        assert _events(central, dossier_id) == _events(a.db, dossier_id)
        with central.reader() as session:
            assert session.scalar(text("SELECT count(*) FROM change_log WHERE origin = '1'")) == logged
            assert session.scalar(text("SELECT last_outbox_id FROM counter_push WHERE counter_number = 1")) >= pending
    finally:
        central.dispose()


def _pg(url: str, **kwargs) -> psycopg.Connection:
    return psycopg.connect(Database(url).engine.url.set(drivername="postgresql").render_as_string(hide_password=False),
                           **kwargs)


def test_pull_cursor_never_skips_a_row_committed_out_of_order(counters, centre):
    """A held transaction blocks later change-log writers until it commits, so a pull delivers both rows; a naive sequence would skip."""
    b = counters(2)
    first, second, watcher = _pg(centre.app_url), _pg(centre.app_url), _pg(centre.app_url, autocommit=True)
    try:
        first.execute("INSERT INTO setting (key, value) VALUES ('sync_test_first', 'held')")  # open, holding the lock
        done = threading.Event()

        def later() -> None:
            second.execute("INSERT INTO setting (key, value) VALUES ('sync_test_second', 'later')")
            second.commit()
            done.set()

        thread = threading.Thread(target=later)
        thread.start()
        time.sleep(0.5)
        waiting = watcher.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").fetchone()[0]
        assert not done.is_set() and waiting == 1  # the later writer waits for the lock, before taking a seq
        b.engine.pull_once()  # sees neither: nothing committed yet
        first.commit()
        thread.join(10)
        assert done.is_set()
        rows = watcher.execute("SELECT row_id FROM change_log WHERE row_id LIKE 'sync_test_%' ORDER BY seq").fetchall()
        assert [r[0] for r in rows] == ["sync_test_first", "sync_test_second"]  # seq order == commit order
        b.engine.pull_once()
        with b.db.reader() as session:
            got = set(session.scalars(text("SELECT key FROM setting WHERE key LIKE 'sync_test_%'")))
        assert got == {"sync_test_first", "sync_test_second"}
    finally:
        for connection in (first, second, watcher):
            connection.close()

    # Without the lock, a cursor on a plain sequence misses the row that committed late.
    owner1, owner2 = _pg(centre.owner_url), _pg(centre.owner_url, autocommit=True)
    try:
        owner2.execute("CREATE TABLE naive_log (seq bigserial PRIMARY KEY, v text)")
        owner1.execute("INSERT INTO naive_log (v) VALUES ('early seq, late commit')")
        owner2.execute("INSERT INTO naive_log (v) VALUES ('late seq, early commit')")
        seen = [r[0] for r in owner2.execute("SELECT seq FROM naive_log WHERE seq > 0 ORDER BY seq")]
        cursor = max(seen)
        owner1.commit()
        seen += [r[0] for r in owner2.execute("SELECT seq FROM naive_log WHERE seq > %s", (cursor,))]
        assert seen == [2] and owner2.execute("SELECT count(*) FROM naive_log").fetchone()[0] == 2  # seq 1 skipped
    finally:
        owner1.close()
        owner2.close()


def test_offline_counters_editing_one_dossier_merge_their_histories(counters, centre, clock):
    """Two counters append events to one dossier offline; after push and pull all three databases hold the union and the same status."""
    a, b = counters(1), counters(2)
    ctx_a, dossier_id = _receive(a.folder, clock)
    ctx_b = open_context(b.folder, clock=clock)
    central = Database(centre.owner_url)
    try:
        a.engine.sync_once()
        b.engine.sync_once()
        assert _count(b.db, Dossier, Dossier.id == dossier_id) == 1
        at = datetime(2026, 11, 26, 10, 0)  # same minute, same seq on both sides: the event id decides
        _move(ctx_a, dossier_id, Status.PROCESSING, at)
        _move(ctx_b, dossier_id, Status.SUPPLEMENT_REQUESTED, at)
        for counter in (a, b, a):
            assert counter.engine.sync_once().online
        union = _events(a.db, dossier_id)
        assert len(union) == 3
        assert _events(b.db, dossier_id) == union == _events(central, dossier_id)
        winner = max((e for e in union if e[1] == "status"), key=lambda e: e[0])[2]
        assert _status(a.db, dossier_id) == _status(b.db, dossier_id) == _status(central, dossier_id) == winner
    finally:
        ctx_a.close()
        ctx_b.close()
        central.dispose()


def test_change_committed_before_a_sigkill_is_pushed_after_restart(counters, centre, clock):
    """A counter process killed after its local commit and before its push pushes the change when restarted."""
    a = counters(1)
    a.db.dispose()
    script = textwrap.dedent(
        f"""
        import os, signal
        from datetime import datetime
        from pathlib import Path
        from counter_app.context import open_context
        from tests.factories import intake

        ctx = open_context(Path({str(a.folder)!r}), clock=lambda: datetime(2026, 11, 26, 11, 0))
        received = ctx.intake.receive(intake(ctx), ctx.auth.get("tiepnhan1"))
        print(received.id, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == -9, proc.stderr
    dossier_id = proc.stdout.split()[0]

    restarted = SyncEngine(database_for(a.folder), centre.app_url, 1, clock=clock)
    central = Database(centre.owner_url)
    try:
        assert dossier_id in restarted.pending_dossier_ids()
        status = restarted.sync_once()
        assert (status.online, status.pending) == (True, 0)
        assert _count(central, Dossier, Dossier.id == dossier_id) == 1
        assert _events(central, dossier_id) == _events(restarted.local, dossier_id) != set()
    finally:
        restarted.close()
        restarted.local.dispose()
        central.dispose()


def test_unreachable_server_reports_offline_without_raising(ctx, clock):
    """sync_once against a closed port returns offline since the first failure, counts pending rows and never raises."""
    enable_outbox(ctx.db)
    ctx.intake.receive(intake(ctx), ctx.auth.get(OFFICER))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    engine = SyncEngine(ctx.db, f"postgresql://nobody@127.0.0.1:{port}/counter", 4, clock=clock)
    try:
        started = time.monotonic()
        status = engine.sync_once()
        assert time.monotonic() - started < 5
        assert (status.online, status.offline_since, status.last_sync) == (False, clock(), None)
        assert status.pending == _count(ctx.db, outbox) > 0 and status.last_error
        first_failure = clock()
        clock.now = datetime(2026, 11, 26, 9, 45)
        assert engine.sync_once().offline_since == first_failure == engine.status().offline_since
    finally:
        engine.close()


def test_standalone_store_never_writes_outbox_rows(ctx, officer):
    """A store that has not joined a centre gets no outbox: receiving a dossier queues nothing."""
    assert not is_counter_store(ctx.db) and not outbox_enabled(ctx.db)
    ctx.intake.receive(intake(ctx), officer)
    assert _count(ctx.db, outbox) == 0


def test_app_role_appends_to_the_change_log_but_cannot_rewrite_it(centre):
    """Through the app role the triggers log each change with its origin; UPDATE/DELETE of the log are refused."""
    with _pg(centre.app_url) as connection:
        connection.execute("SELECT set_config('counter_app.origin', '7', true)")
        connection.execute("INSERT INTO setting (key, value) VALUES ('sync_test_origin', 'x')")
        connection.execute("UPDATE setting SET value = 'y' WHERE key = 'sync_test_origin'")
        logged = connection.execute("SELECT origin, payload ->> 'value' FROM change_log "
                                    "WHERE row_id = 'sync_test_origin' ORDER BY seq").fetchall()
        connection.commit()
        assert logged == [("7", "x"), ("7", "y")]
        assert connection.execute("SELECT origin FROM change_log ORDER BY seq DESC LIMIT 1").fetchone() == ("7",)
        connection.execute("INSERT INTO setting (key, value) VALUES ('sync_test_admin', 'z')")  # no origin: ''
        assert connection.execute("SELECT origin FROM change_log ORDER BY seq DESC LIMIT 1").fetchone() == ("",)
        connection.rollback()
        for statement in ("UPDATE change_log SET origin = 'x'", "DELETE FROM change_log", "TRUNCATE change_log"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                connection.execute(statement)
            connection.rollback()


def test_a_password_changed_at_one_counter_works_at_every_counter(counters, centre, clock):
    """The forced first-login change happens once: the new hash reaches the centre and the others;
    other account fields changed locally (failed-login counts) stay local."""
    a, b = counters(31), counters(32)
    username, _role, initial = next(u for u in centre.report.created_users if u[0] == OFFICER)
    ctx_a, ctx_b = open_context(a.folder, clock=clock), open_context(b.folder, clock=clock)
    try:
        ctx_a.auth.change_password(username, initial, "NewPass2026x")
        assert a.engine.sync_once().pending == 0
        b.engine.sync_once()
        user = ctx_b.auth.login(username, "NewPass2026x")
        assert not user.must_change_password
    finally:
        ctx_a.close()
        ctx_b.close()
