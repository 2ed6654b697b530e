"""The sync engine of one counter: push, pull, join's initial load, and the status shown to users.

Guarantees:
- `sync_once()` never raises on network or database errors: it records them (`online` off,
  `offline_since` kept from the first failure, `last_error`) in the local `sync_state` and returns
  the status; the central engine is then disposed so the next attempt reconnects from scratch.
- Connections to the centre fail fast: 2 s connect timeout, TCP keep-alives and a user timeout
  for a dead link, and a server-side statement timeout.
- `status()` and `pending_dossier_ids()` read only the local store: they work offline.
- One engine runs one sync step at a time (a lock), so a worker and a "sync now" never interleave.
- `initial_load()` copies, from ONE REPEATABLE READ snapshot of the centre, the reference tables
  (mirrored: local reference rows the centre does not have are removed) and the dossiers received
  in the last 30 days with their documents, events, slips and prints, then sets the pull cursor to
  the snapshot's last change-log seq — so nothing before it is missed and nothing after it is
  skipped; dossier rows this store still has in its outbox are not overwritten. It records the
  centre's URL **without its password** in `sync_state` and turns the outbox on. The outbox id
  sequence is moved past what the centre already acknowledged from this counter number, so a
  re-joined store never reuses an acknowledged id.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, create_engine, delete, select, text
from sqlalchemy.exc import SQLAlchemyError

from counter_app.models import now_local
from counter_app.services.db import Database, normalise_url
from counter_app.sync import apply, central_link, local_store, pull, push, rows
from counter_app.sync.local_store import APPLYING, write_state
from counter_app.sync.tables import (
    CENTRAL_URL, COUNTER_NUMBER, CURSOR, LAST_ERROR, LAST_SYNC, LOADED_SINCE, OFFLINE_SINCE, ONLINE,
    REFERENCE_TABLES, domain_table,
)

log = logging.getLogger(__name__)
CONNECT_TIMEOUT_S = 2
STATEMENT_TIMEOUT_MS = 15000
LOCAL_WINDOW = timedelta(days=30)
PUSH_BATCH = 2000  # outbox rows per central transaction (~0.3 s for 400 offline dossiers)
PULL_BATCH = 1000  # change-log rows per pull
SYNC_ERRORS = (SQLAlchemyError, OSError, push.CounterTaken)


@dataclass(frozen=True)
class SyncStatus:
    online: bool
    offline_since: datetime | None
    pending: int
    last_sync: datetime | None
    last_error: str


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


class SyncEngine:
    """Synchronises one counter's local store with the central database."""

    def __init__(self, local: Database, central_url: str, counter_number: int,
                 clock: Callable[[], datetime] = now_local):
        self.local = local
        self.central_url = normalise_url(central_url)
        self.counter_number = counter_number
        self.origin = str(counter_number)
        self.clock = clock
        self._central: Engine | None = None
        self._lock = threading.RLock()
        self.last_pulled = 0  # change-log rows of other counters applied by the latest sync_once()
        self.store_id = local_store.store_id(local)

    # -- connection -----------------------------------------------------------------------
    def _engine(self) -> Engine:
        if self._central is None:
            self._central = create_engine(
                self.central_url, pool_pre_ping=True, pool_size=2, max_overflow=2, isolation_level="READ COMMITTED",
                connect_args={
                    "connect_timeout": CONNECT_TIMEOUT_S, **central_link.CLIENT_KEEPALIVE,
                    "options": central_link.server_options(STATEMENT_TIMEOUT_MS),
                },
            )
        return self._central

    def _drop_engine(self) -> None:
        if self._central is not None:
            self._central.dispose()
            self._central = None

    # -- push / pull ----------------------------------------------------------------------
    def push_once(self, batch: int = PUSH_BATCH) -> int:
        """Push up to `batch` outbox rows; returns how many outbox rows the centre acknowledged."""
        with self._lock:
            pending = push.read_batch(self.local, batch)
            if not pending:
                return 0
            try:
                with self._engine().begin() as central:
                    last = push.send(central, self.counter_number, pending, self.store_id)
            except SYNC_ERRORS:
                self._drop_engine()
                raise
            return push.forget_acknowledged(self.local, last)

    def pull_once(self, batch: int = PULL_BATCH) -> int:
        """Apply up to `batch` change-log rows of other origins; returns how many were read."""
        with self._lock:
            state = local_store.read_state(self.local)
            cursor = int(state.get(CURSOR) or 0)
            try:
                with self._engine().connect() as connection:
                    central = connection.execution_options(isolation_level="REPEATABLE READ")
                    with central.begin():
                        items, new_cursor = pull.read_changes(central, cursor, self.origin, batch)
                        wanted = pull.missing_dossiers(self.local, items, _when(state.get(LOADED_SINCE)))
                        fetched = pull.fetch_dossiers(central, wanted)
            except SYNC_ERRORS:
                self._drop_engine()
                raise
            if items or fetched or new_cursor != cursor:
                pull.apply_pulled(self.local, pull.Pulled(new_cursor, items, fetched))
            return len(items)

    def claim_counter(self, *, replace: bool = False) -> None:
        """Take this counter number on the centre for this store (see `push.claim`)."""
        with self._lock:
            try:
                with self._engine().begin() as central:
                    push.claim(central, self.counter_number, self.store_id, replace=replace)
            except (SQLAlchemyError, OSError):
                self._drop_engine()
                raise

    def initial_load(self) -> int:
        """Copy what a counter needs from the centre (see module doc); returns rows copied."""
        with self._lock:
            since = self.clock() - LOCAL_WINDOW
            try:
                with self._engine().connect() as connection:
                    central = connection.execution_options(isolation_level="REPEATABLE READ")
                    with central.begin():
                        top = central.execute(text("SELECT coalesce(max(seq), 0) FROM change_log")).scalar_one()
                        acknowledged = push.acknowledged(central, self.counter_number)
                        reference = [(name, dict(row)) for name in REFERENCE_TABLES
                                     for row in central.execute(select(domain_table(name))).mappings()]
                        dossiers = _recent_dossiers(central, since)
            except SYNC_ERRORS:
                self._drop_engine()
                raise
            with self.local.transaction() as session:
                session.info[APPLYING] = True
                connection = session.connection()
                connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
                _remove_stale_reference(connection, reference)
                count = apply.upsert_rows(connection, reference + pull.not_pending(session, dossiers))
                write_state(session, {
                    CURSOR: str(top), CENTRAL_URL: central_link.without_password(self.central_url),
                    COUNTER_NUMBER: str(self.counter_number), LOADED_SINCE: since.isoformat(),
                })
                _skip_outbox_ids(connection, acknowledged)
            local_store.enable_outbox(self.local)
            return count

    # -- the worker's step and the status -------------------------------------------------
    def sync_once(self) -> SyncStatus:
        """Push everything, then pull everything; records and returns the outcome, never raises
        on network or database errors. `last_pulled` tells how many rows of other counters it applied."""
        self.last_pulled = 0
        try:
            while self.push_once() >= PUSH_BATCH:
                pass
            while True:
                read = self.pull_once()
                self.last_pulled += read
                if read < PULL_BATCH:
                    break
        except SYNC_ERRORS as error:
            log.info("sync failed: %s", error)
            self._record_failure(error)
        else:
            with self.local.transaction() as session:
                write_state(session, {ONLINE: "1", OFFLINE_SINCE: None, LAST_ERROR: None,
                                      LAST_SYNC: self.clock().isoformat()})
        return self.status()

    def _record_failure(self, error: BaseException) -> None:
        message = " ".join(str(getattr(error, "orig", None) or error).split())[:500]
        state = local_store.read_state(self.local)
        with self.local.transaction() as session:
            write_state(session, {ONLINE: "0", OFFLINE_SINCE: state.get(OFFLINE_SINCE) or self.clock().isoformat(),
                                  LAST_ERROR: message or type(error).__name__})

    def status(self) -> SyncStatus:
        state = local_store.read_state(self.local)
        return SyncStatus(
            online=state.get(ONLINE) == "1",
            offline_since=_when(state.get(OFFLINE_SINCE)),
            pending=local_store.pending_count(self.local),
            last_sync=_when(state.get(LAST_SYNC)),
            last_error=state.get(LAST_ERROR, ""),
        )

    def pending_dossier_ids(self) -> set[str]:
        return local_store.pending_dossier_ids(self.local)

    def close(self) -> None:
        with self._lock:
            self._drop_engine()


def _recent_dossiers(central, since: datetime) -> list[tuple[str, dict]]:
    """Dossiers received since `since`, their documents, events, slips and prints, parents first."""
    dossier, slip, printed = domain_table("dossier"), domain_table("reception_slip"), domain_table("print_log")
    recent = select(dossier.c.id).where(dossier.c.received_at >= since)
    queries = [("dossier", select(dossier).where(dossier.c.received_at >= since))]
    for name in ("dossier_document", "dossier_event"):
        table = domain_table(name)
        queries.append((name, select(table).where(table.c.dossier_id.in_(recent))))
    queries.append(("reception_slip", select(slip).where(
        slip.c.dossier_id.in_(recent) | (slip.c.dossier_id.is_(None) & (slip.c.created_at >= since)))))
    queries.append(("print_log", select(printed).where(printed.c.at >= since)))
    return [(name, dict(row)) for name, query in queries for row in central.execute(query).mappings()]


def _remove_stale_reference(connection, reference: list[tuple[str, dict]]) -> None:
    """Local reference rows the centre does not have are removed: reference tables mirror the centre."""
    for name in reversed(REFERENCE_TABLES):
        table = domain_table(name)
        key = table.c[rows.primary_key(table)]
        keep = {values[key.name] for n, values in reference if n == name}
        stale = [k for k in connection.execute(select(key)).scalars() if k not in keep]
        for start in range(0, len(stale), 500):
            connection.execute(delete(table).where(key.in_(stale[start:start + 500])))


def _skip_outbox_ids(connection, acknowledged: int) -> None:
    """Make the next outbox id greater than any the centre acknowledged from this counter number."""
    if not acknowledged:
        return
    updated = connection.exec_driver_sql(
        "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'outbox'", (acknowledged,)).rowcount
    if not updated:
        connection.exec_driver_sql("INSERT INTO sqlite_sequence (name, seq) VALUES ('outbox', ?)", (acknowledged,))
