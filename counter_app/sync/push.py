"""Push: the local outbox to the central database, idempotently.

Guarantees (docs/sync.md, "Outbox"):
- One batch = ONE central transaction: it marks itself with this counter as `counter_app.origin`,
  row-locks this counter's `counter_push` row, upserts every outbox row whose id is above the
  acknowledged `last_outbox_id` in outbox order (`DO NOTHING` for the append-only event log),
  re-derives the status of the dossiers touched, and advances `last_outbox_id` — all or nothing.
- Only after that commit are the acknowledged outbox rows deleted locally, and in the same local
  transaction the status of their dossiers is re-derived from the local event log by the same rule
  (`apply.recompute_status`): a status the officer's save wrote is provisional, so a counter never
  keeps a status other nodes do not derive. (The centre's own correction of that status is logged
  under this counter's origin, so this counter would never pull it back.) A push cut at any
  point (before, during or after the central commit, with or without the reply) is simply retried:
  the acknowledged ids are skipped and the upserts are idempotent, so nothing is lost or doubled.
- Outbox ids are never reused (SQLite AUTOINCREMENT), so a new change is never mistaken for an
  acknowledged one.
"""

from __future__ import annotations

from sqlalchemy import Connection, case, delete, func, select, text

from counter_app.services.db import Database
from counter_app.services.errors import QT_TRANSLATE_NOOP, Message, ServiceError
from counter_app.sync import apply, rows
from counter_app.sync.local_store import APPLYING
from counter_app.sync.tables import DOSSIER_CHILDREN, domain_table, outbox


def read_batch(local: Database, batch: int) -> list:
    with local.reader() as session:
        return list(session.execute(
            select(outbox.c.id, outbox.c.table_name, outbox.c.payload).order_by(outbox.c.id).limit(batch)
        ))


def acknowledged(central: Connection, counter_number: int) -> int:
    return central.execute(
        text("SELECT last_outbox_id FROM counter_push WHERE counter_number = :n"), {"n": counter_number}
    ).scalar() or 0


class CounterTaken(ServiceError):
    """Another local store owns this counter number on the centre; nothing was pushed."""


def claim(central: Connection, counter_number: int, store_id: str, *, replace: bool = False) -> int:
    """Lock this counter's `counter_push` row for `store_id` (claiming it when free, or taking it
    over with `replace` after a workstation was reinstalled); returns its acknowledged outbox id.
    Raises CounterTaken when another store owns the number."""
    central.execute(text(
        "INSERT INTO counter_push (counter_number, last_outbox_id, at, store_id) VALUES (:n, 0, now(), :s) "
        "ON CONFLICT (counter_number) DO NOTHING"
    ), {"n": counter_number, "s": store_id})
    done, owner = central.execute(text(
        "SELECT last_outbox_id, store_id FROM counter_push WHERE counter_number = :n FOR UPDATE"
    ), {"n": counter_number}).one()
    if owner != store_id:
        if owner and not replace:
            raise CounterTaken(Message(QT_TRANSLATE_NOOP(
                "Messages", "Counter {n} is already used by another workstation. Choose another counter number, "
                            "or join with --replace if this workstation replaces it."), {"n": counter_number}))
        central.execute(text("UPDATE counter_push SET store_id = :s WHERE counter_number = :n"),
                        {"n": counter_number, "s": store_id})
    return done


def send(central: Connection, counter_number: int, batch: list, store_id: str) -> int:
    """Upsert `batch` (outbox rows in id order) in the caller's central transaction; returns the id
    acknowledged once that transaction commits."""
    central.execute(text("SELECT set_config('counter_app.origin', :o, true)"), {"o": str(counter_number)})
    done = claim(central, counter_number, store_id)
    items, touched = [], set()
    for outbox_id, name, payload in batch:
        if outbox_id <= done:
            continue
        values = rows.from_payload(domain_table(name), payload)
        items.append((name, values))
        if name == "dossier":
            touched.add(values["id"])
        elif name in DOSSIER_CHILDREN and values.get(DOSSIER_CHILDREN[name]):
            touched.add(values[DOSSIER_CHILDREN[name]])
    apply.upsert_rows(central, items)
    apply.recompute_status(central, touched)
    last = max(done, batch[-1][0]) if batch else done
    central.execute(text(
        "UPDATE counter_push SET last_outbox_id = :last, at = now() WHERE counter_number = :n"
    ), {"n": counter_number, "last": last})
    return last


def forget_acknowledged(local: Database, last: int) -> int:
    """Delete the outbox rows the centre has acknowledged and re-derive the status of their dossiers,
    in one local transaction; returns how many rows were deleted."""
    acked = outbox.c.id <= last
    dossier_id = case((outbox.c.table_name == "dossier", outbox.c.row_id),
                      else_=func.json_extract(outbox.c.payload, "$.dossier_id"))
    with local.transaction() as session:
        session.info[APPLYING] = True  # the re-derived status is not queued: the centre derives it itself
        touched = set(session.scalars(select(dossier_id).distinct().where(
            acked, outbox.c.table_name.in_(("dossier", *DOSSIER_CHILDREN)))))
        count = session.execute(delete(outbox).where(acked)).rowcount or 0
        apply.recompute_status(session.connection(), touched - {None})
        return count
