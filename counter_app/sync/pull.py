"""Pull: the centre's change log into the local store, without ever skipping a row.

Guarantees (docs/sync.md, "Change log and pull"):
- Changes are read in ONE REPEATABLE READ snapshot: `top = max(seq)` and the rows
  `cursor < seq <= top` of other origins, in seq order. The central trigger hands out seqs under
  a transaction-level advisory lock, so every seq below a visible one is already committed or
  rolled back: advancing the cursor to the last row read (or to `top` when the batch is not full)
  can never pass over a row that commits later.
- The rows are applied by upsert (events: insert only) in ONE local transaction that also moves
  the cursor, and that writes no outbox rows: a crash re-applies the same rows, harmlessly.
- A row this counter still has waiting in its outbox is not overwritten (the local change reaches
  the centre with the next push and wins there too); events always merge.
- A dossier referred to but not held locally (older than what `join` copied) is fetched whole from
  the same snapshot, with its documents, events and slips, so foreign keys always hold.
- After applying, each touched dossier's status is re-derived from its merged events.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, text

from counter_app.services.db import Database
from counter_app.sync import apply, rows
from counter_app.sync.local_store import APPLYING, write_state
from counter_app.sync.tables import APPEND_ONLY, CURSOR, DOSSIER_CHILDREN, domain_table, outbox


@dataclass
class Pulled:
    """One batch read from the centre, ready to apply locally."""

    cursor: int
    items: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (table, values) in seq order
    fetched: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # whole dossiers not held locally

    @property
    def count(self) -> int:
        return len(self.items)


def read_changes(central: Connection, cursor: int, origin: str, batch: int) -> tuple[list[tuple[str, dict]], int]:
    """Rows after `cursor` from other origins, and the cursor to store once they are applied."""
    top = central.execute(text("SELECT coalesce(max(seq), 0) FROM change_log")).scalar_one()
    found = central.execute(text(
        "SELECT seq, table_name, payload FROM change_log WHERE seq > :cursor AND seq <= :top AND origin <> :origin "
        "ORDER BY seq LIMIT :batch"
    ), {"cursor": cursor, "top": top, "origin": origin, "batch": batch}).all()
    items = [(name, rows.from_payload(domain_table(name), payload)) for _seq, name, payload in found]
    new_cursor = found[-1][0] if len(found) >= batch else max(top, cursor)
    return items, new_cursor


def dossier_of(name: str, values: dict[str, Any]) -> str | None:
    if name == "dossier":
        return values.get("id")
    column = DOSSIER_CHILDREN.get(name)
    return values.get(column) if column else None


def missing_dossiers(local: Database, items: list[tuple[str, dict]], loaded_since: datetime | None) -> set[str]:
    """Dossiers the batch refers to whose earlier rows this store does not hold."""
    arriving = {values["id"]: values for name, values in items if name == "dossier"}
    referred = {dossier_of(n, v) for n, v in items} - {None}
    if not referred:
        return set()
    dossier = domain_table("dossier")
    with local.reader() as session:
        held = set(session.scalars(select(dossier.c.id).where(dossier.c.id.in_(referred))))
    wanted = set()
    for dossier_id in referred - held:
        values = arriving.get(dossier_id)
        if values is None or loaded_since is None or values["received_at"] < loaded_since:
            wanted.add(dossier_id)
    return wanted


def fetch_dossiers(central: Connection, ids: set[str]) -> list[tuple[str, dict[str, Any]]]:
    """The given dossiers with their documents, events and slips, parents first."""
    if not ids:
        return []
    result: list[tuple[str, dict[str, Any]]] = []
    wanted = sorted(ids)
    for name, column in (("dossier", "id"), ("dossier_document", "dossier_id"), ("dossier_event", "dossier_id"),
                         ("reception_slip", "dossier_id")):
        table = domain_table(name)
        for row in central.execute(select(table).where(table.c[column].in_(wanted))).mappings():
            result.append((name, dict(row)))
    return result


def not_pending(session, items: list[tuple[str, dict[str, Any]]]) -> list[tuple[str, dict[str, Any]]]:
    """`items` without the rows this store still has waiting in its outbox (events always kept)."""
    pending = {tuple(r) for r in session.execute(select(outbox.c.table_name, outbox.c.row_id))}
    if not pending:
        return items
    return [(name, values) for name, values in items
            if name in APPEND_ONLY or (name, rows.row_id(domain_table(name), values)) not in pending]


def apply_pulled(local: Database, pulled: Pulled) -> None:
    """Apply the batch and store the new cursor in one local transaction, without outbox rows."""
    with local.transaction() as session:
        session.info[APPLYING] = True
        connection = session.connection()
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        apply.upsert_rows(connection, not_pending(session, pulled.fetched + pulled.items))
        apply.recompute_status(connection, {dossier_of(n, v) for n, v in pulled.fetched + pulled.items} - {None})
        write_state(session, {CURSOR: str(pulled.cursor)})
