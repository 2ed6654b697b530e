"""Writing rows that came from elsewhere: upserts by primary key, and the derived dossier status.

Guarantees:
- `upsert_rows` inserts each row or replaces every column of the row with the same key; rows of
  the append-only `dossier_event` are only inserted (`DO NOTHING` when the id exists), so applying
  the same rows twice, in any number of retries, changes nothing. Runs of consecutive rows of one
  table go to the database as one executemany, in the given order (parents before children).
- `recompute_status` sets `dossier.status` to the `to_status` of the dossier's last status event in
  the order `(at, seq, id)` — the same rule on SQLite and PostgreSQL (ids compared bytewise), so
  every node derives the same status from the same set of events.
Both run inside the caller's transaction and work on SQLite and PostgreSQL connections.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import groupby
from typing import Any

from sqlalchemy import Connection, bindparam, select, text, update
from sqlalchemy.dialects import postgresql, sqlite

from counter_app.sync import rows
from counter_app.sync.tables import APPEND_ONLY, domain_table


def upsert_rows(connection: Connection, items: Iterable[tuple[str, Mapping[str, Any]]]) -> int:
    """Apply `(table name, python values)` pairs in order; returns how many were sent."""
    insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
    count = 0
    runs = groupby(items, key=lambda item: (item[0], tuple(sorted(item[1]))))
    for (name, columns), run in runs:
        table = domain_table(name)
        values = [dict(v) for _n, v in run]
        key = rows.primary_key(table)
        stmt = insert(table)
        if name in APPEND_ONLY:
            stmt = stmt.on_conflict_do_nothing(index_elements=[key])
        else:
            others = {c: stmt.excluded[c] for c in columns if c != key}
            stmt = stmt.on_conflict_do_update(index_elements=[key], set_=others) if others else \
                stmt.on_conflict_do_nothing(index_elements=[key])
        connection.execute(stmt, values)
        count += len(values)
    return count


_LAST_STATUS_PG = text(
    "UPDATE dossier d SET status = e.to_status FROM ("
    " SELECT DISTINCT ON (dossier_id) dossier_id, to_status FROM dossier_event"
    " WHERE dossier_id = ANY(:ids) AND to_status IS NOT NULL"
    ' ORDER BY dossier_id, at DESC, seq DESC, id COLLATE "C" DESC) e'
    " WHERE d.id = e.dossier_id AND d.status IS DISTINCT FROM e.to_status"
)


def recompute_status(connection: Connection, dossier_ids: Iterable[str]) -> None:
    """Derive `dossier.status` from the merged event log of each given dossier."""
    ids = sorted(set(dossier_ids))
    if not ids:
        return
    if connection.dialect.name == "postgresql":
        connection.execute(_LAST_STATUS_PG, {"ids": ids})
        return
    event, dossier = domain_table("dossier_event"), domain_table("dossier")
    last = (
        select(event.c.to_status)
        .where(event.c.dossier_id == bindparam("dossier_id"), event.c.to_status.is_not(None))
        .order_by(event.c.at.desc(), event.c.seq.desc(), event.c.id.desc())
        .limit(1)
    )
    for dossier_id in ids:
        status = connection.execute(last, {"dossier_id": dossier_id}).scalar()
        if status is not None:
            connection.execute(
                update(dossier).where(dossier.c.id == dossier_id, dossier.c.status != status).values(status=status)
            )
