"""The counter's local store: the outbox written with every change, and the sync bookkeeping.

Guarantees:
- Once `enable_outbox(db)` has run, every flush of `db`'s write sessions that inserts or updates
  a row of a counter → central table (`tables.DOSSIER_TABLES`) adds one `outbox` row per changed
  row **in the same transaction** (the row as stored, every column, JSON-safe): a rollback drops
  both, a crash after the commit keeps both, so the change is pushed after a restart. Within a
  flush, parents come before children (dossier before its documents and events).
- Sessions flagged with `APPLYING` (rows applied by pull or join) write no outbox rows, and
  neither do reads nor Core statements outside the ORM flush.
- A store that has not joined a central database (`is_counter_store` False) is never given the
  listener: the standalone app writes no outbox rows.
- Reference tables (catalogue, calendar, counters, accounts) flow from the centre only: a local
  edit of them is not queued and is overwritten by the centre's next version.
- Deletions are not synchronised (the synced dossier tables are only inserted and updated).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from sqlalchemy import delete, event, func, inspect, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from counter_app.models import now_local
from counter_app.services.db import PUBLISH, Database
from counter_app.sync import rows
from counter_app.sync.tables import CENTRAL_URL, DOSSIER_TABLES, domain_table, order_of, outbox, sync_state

APPLYING = "counter_app.sync.applying"  # Session.info flag: rows come from the centre, not the officer
_ENABLED = "_counter_app_outbox"


def enable_outbox(db: Database) -> None:
    """Queue every local change of a counter → central row in the outbox (idempotent)."""
    if getattr(db, _ENABLED, False):
        return
    event.listen(db._sessions, "after_flush", _queue_changes)  # noqa: SLF001 - write sessions only
    setattr(db, _ENABLED, True)


def outbox_enabled(db: Database) -> bool:
    return bool(getattr(db, _ENABLED, False))


def _queue_changes(session: Session, _flush_context) -> None:
    if session.info.get(APPLYING):
        return
    changed: dict[str, list] = defaultdict(list)
    # A reference-table change a service marked for the centre (a password change) is queued too.
    published = session.info.get(PUBLISH, frozenset())
    for obj in list(session.new) + [o for o in session.dirty if session.is_modified(o, include_collections=False)]:
        state = inspect(obj)
        table = state.mapper.local_table
        if table.name in DOSSIER_TABLES or table.name in published:
            # The identity key is only assigned after this event; the primary key is already set.
            changed[table.name].append(state.mapper.primary_key_from_instance(obj)[0])
    if not changed:
        return
    connection = session.connection()
    now = now_local()
    entries = []
    for name in sorted(changed, key=order_of):
        table = domain_table(name)
        key = table.c[rows.primary_key(table)]
        wanted = list(dict.fromkeys(changed[name]))
        found = {r[key.name]: r for r in connection.execute(select(table).where(key.in_(wanted))).mappings()}
        for ident in wanted:
            if ident in found:
                payload = rows.to_payload(table, found[ident])
                entries.append({"table_name": name, "row_id": rows.row_id(table, payload), "payload": payload,
                                "created_at": now})
    if entries:
        connection.execute(outbox.insert(), entries)


def is_counter_store(db: Database) -> bool:
    """True when this store has joined a central database (sync_state holds its URL)."""
    try:
        with db.reader() as session:
            return session.scalar(select(sync_state.c.value).where(sync_state.c.key == CENTRAL_URL)) is not None
    except DBAPIError:  # no sync_state table (older schema): not a counter store
        return False


def read_state(db: Database) -> dict[str, str]:
    with db.reader() as session:
        return dict(session.execute(select(sync_state.c.key, sync_state.c.value)).all())


def write_state(session: Session, values: Mapping[str, str | None]) -> None:
    """Set (or, for None, remove) sync_state keys inside the caller's transaction."""
    for key, value in values.items():
        session.execute(delete(sync_state).where(sync_state.c.key == key))
        if value is not None:
            session.execute(sync_state.insert().values(key=key, value=value))


def pending_count(db: Database) -> int:
    with db.reader() as session:
        return session.scalar(select(func.count()).select_from(outbox)) or 0


def pending_dossier_ids(db: Database) -> set[str]:
    """Dossiers that have rows still waiting in the outbox."""
    result: set[str] = set()
    with db.reader() as session:
        for name, row_id, payload in session.execute(
            select(outbox.c.table_name, outbox.c.row_id, outbox.c.payload).where(
                outbox.c.table_name.in_(("dossier", "dossier_document", "dossier_event", "reception_slip")))
        ):
            dossier_id = row_id if name == "dossier" else (payload or {}).get("dossier_id")
            if dossier_id:
                result.add(dossier_id)
    return result


def store_id(db: Database) -> str:
    """This local store's identity (created once, kept forever): the centre refuses a second store
    pushing under the same counter number."""
    from counter_app.models import new_id  # noqa: PLC0415
    from counter_app.sync.tables import STORE_ID  # noqa: PLC0415

    current = read_state(db).get(STORE_ID)
    if current:
        return current
    with db.transaction() as session:
        current = session.execute(select(sync_state.c.value).where(sync_state.c.key == STORE_ID)).scalar()
        if not current:
            current = new_id()
            write_state(session, {STORE_ID: current})
    return current
