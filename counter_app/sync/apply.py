"""Writing rows that came from elsewhere: upserts by primary key, and the derived dossier status.

Guarantees:
- `upsert_rows` inserts each row or replaces every column of the row with the same key; rows of
  the append-only `dossier_event` are only inserted (`DO NOTHING` when the id exists), so applying
  the same rows twice, in any number of retries, changes nothing. The rows are sent table by table
  in dependency order (parents before children, whatever order they were given in); within a
  table they keep their given order, and when one key appears several times only its last version
  is sent (the one that would have won row by row). Each table goes to the database as one
  executemany of one statement, built once per (dialect, table, columns) and reused.
- `recompute_status` sets `dossier.status` to the `to_status` of the dossier's last status event in
  the order `(at, seq, id)` — the same rule on SQLite and PostgreSQL (ids compared bytewise), so
  every node derives the same status from the same set of events. A dossier without status events
  keeps its status.
Both run inside the caller's transaction and work on SQLite and PostgreSQL connections.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from sqlalchemy import Connection, bindparam, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.dml import Insert

from counter_app.sync import rows
from counter_app.sync.tables import APPEND_ONLY, domain_table, order_of

_CHUNK = 500  # ids per IN (...) list


@cache
def _upsert(dialect: str, name: str, columns: tuple[str, ...]) -> Insert:
    """The `INSERT … ON CONFLICT` statement of `name` for rows with exactly `columns` (cached:
    building and compiling it costs far more than sending a row)."""
    table = domain_table(name)
    key = rows.primary_key(table)
    stmt = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)
    others = {c: stmt.excluded[c] for c in columns if c != key}
    if name in APPEND_ONLY or not others:
        return stmt.on_conflict_do_nothing(index_elements=[key])
    return stmt.on_conflict_do_update(index_elements=[key], set_=others)


@cache
def _key_of(name: str) -> str:
    return rows.primary_key(domain_table(name))


def upsert_rows(connection: Connection, items: Iterable[tuple[str, Mapping[str, Any]]]) -> int:
    """Apply `(table name, python values)` pairs (see the module doc); returns how many rows were sent."""
    dialect = connection.dialect.name
    by_table: dict[str, dict[Any, dict[str, Any]]] = {}
    for name, values in items:
        latest = by_table.setdefault(name, {})
        key = values[_key_of(name)]
        latest.pop(key, None)  # the last version wins, in the position of the last version
        latest[key] = dict(values)
    count = 0
    for name in sorted(by_table, key=order_of):
        by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for values in by_table[name].values():
            by_columns.setdefault(tuple(sorted(values)), []).append(values)
        for columns, values in by_columns.items():
            connection.execute(_upsert(dialect, name, columns), values)
            count += len(values)
    return count


_LAST_STATUS_PG = text(
    "UPDATE dossier d SET status = e.to_status FROM ("
    " SELECT DISTINCT ON (dossier_id) dossier_id, to_status FROM dossier_event"
    " WHERE dossier_id = ANY(:ids) AND to_status IS NOT NULL"
    ' ORDER BY dossier_id, at DESC, seq DESC, id COLLATE "C" DESC) e'
    " WHERE d.id = e.dossier_id AND d.status IS DISTINCT FROM e.to_status"
)


@cache
def _last_status_sqlite():
    """UPDATE of the dossiers in the expanding `ids` list to their last status event's `to_status`
    (SQLite compares text with the BINARY collation: bytewise, like `COLLATE "C"`)."""
    event, dossier = domain_table("dossier_event"), domain_table("dossier")
    last = (
        select(event.c.to_status)
        .where(event.c.dossier_id == dossier.c.id, event.c.to_status.is_not(None))
        .order_by(event.c.at.desc(), event.c.seq.desc(), event.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    return (
        update(dossier)
        .where(dossier.c.id.in_(bindparam("ids", expanding=True)), last.is_not(None),
               dossier.c.status.is_distinct_from(last))
        .values(status=last)
    )


def recompute_status(connection: Connection, dossier_ids: Iterable[str]) -> None:
    """Derive `dossier.status` from the merged event log of each given dossier."""
    ids = sorted(set(dossier_ids) - {None})
    if not ids:
        return
    if connection.dialect.name == "postgresql":
        connection.execute(_LAST_STATUS_PG, {"ids": ids})
        return
    for start in range(0, len(ids), _CHUNK):
        connection.execute(_last_status_sqlite(), {"ids": ids[start:start + _CHUNK]})
