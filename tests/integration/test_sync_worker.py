"""The background sync worker: NOTIFY wakes another counter at once, and the worker survives its
server connections being killed."""

from __future__ import annotations

import time

import psycopg
import pytest
from sqlalchemy import select

from counter_app.context import open_context
from counter_app.models import Dossier
from counter_app.sync.engine import SyncEngine
from counter_app.sync.join import central_url_of, join
from counter_app.sync.worker import SyncWorker
from tests.factories import intake

pytestmark = pytest.mark.postgres

OFFICER = "tiepnhan1"


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch):
    monkeypatch.setenv("COUNTER_APP_NO_KEYRING", "1")


def joined(tmp_path, central, counter: int):
    """A counter's context on a fresh data folder joined to the central database as `counter`."""
    data = tmp_path / f"counter{counter}"
    join(data, central.app_url, counter)
    return open_context(data)


def engine_of(ctx, url: str | None = None) -> SyncEngine:
    central_url, counter = central_url_of(ctx.db, ctx.data_dir)
    return SyncEngine(ctx.db, url or central_url, counter)


def wait_for(predicate, timeout: float) -> float:
    """Seconds until `predicate()` held; fails after `timeout`."""
    start = time.monotonic()
    while not predicate():
        if time.monotonic() - start > timeout:
            pytest.fail(f"not within {timeout} s")
        time.sleep(0.01)
    return time.monotonic() - start


def has_dossier(ctx, code: str) -> bool:
    with ctx.db.reader() as session:
        return session.scalar(select(Dossier.id).where(Dossier.code == code)) is not None


def test_notify_shows_a_dossier_received_at_a_at_b_within_two_seconds(central, tmp_path):
    """With polling effectively off (poll every 10 minutes), B's LISTEN connection wakes its
    worker: a dossier received and pushed at A is in B's local store within 2 s."""
    a, b = joined(tmp_path, central, 21), joined(tmp_path, central, 22)
    engine_a = engine_of(a)
    worker = SyncWorker(engine_of(b), poll_seconds=600).start()
    try:
        assert worker.listening.wait(5)
        wait_for(lambda: worker.syncs >= 1, 5)
        code = a.intake.receive(intake(a), a.auth.get(OFFICER), counter_number=21).code
        assert engine_a.sync_once().online and engine_a.status().pending == 0
        seconds = wait_for(lambda: has_dossier(b, code), 2.0)
        assert seconds < 2.0
    finally:
        worker.stop()
        worker.engine.close()
        engine_a.close()
        a.close()
        b.close()


def test_worker_survives_its_connections_being_killed(central, pg_server, tmp_path):
    """`pg_terminate_backend` on every connection of the worker's role: it reconnects LISTEN by itself
    and the next change still arrives without polling."""
    a, b = joined(tmp_path, central, 23), joined(tmp_path, central, 24)
    engine_a = engine_of(a)
    worker = SyncWorker(engine_of(b), poll_seconds=600).start()
    try:
        assert worker.listening.wait(5)
        with psycopg.connect(host="127.0.0.1", port=5432, user=pg_server.user, dbname="postgres", autocommit=True) as admin:
            killed = admin.execute("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                   "WHERE usename = %s", (central.app_role,)).fetchone()[0]
        assert killed >= 1
        wait_for(lambda: worker.listen_connects >= 2 and worker.listening.is_set(), 10)  # LISTEN again
        code = a.intake.receive(intake(a), a.auth.get(OFFICER), counter_number=23).code
        assert engine_a.sync_once().online
        wait_for(lambda: has_dossier(b, code), 2.0)
        assert worker.is_alive()
    finally:
        worker.stop()
        worker.engine.close()
        engine_a.close()
        a.close()
        b.close()
