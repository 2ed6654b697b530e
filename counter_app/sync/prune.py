"""Keeping a counter's local store to what it needs for a day offline.

Guarantees of `prune()`:
- Only a joined counter's SQLite store is pruned; the central database (the system of record) and
  a standalone store are never touched.
- A dossier is removed locally only when it is finished (refused, withdrawn, stopped or returned),
  was received more than `keep_days` ago, and has nothing waiting in the outbox — so nothing that
  has not reached the centre is ever lost, and dossiers still in progress stay searchable.
- Its documents, events, slips and print log go with it in ONE transaction; the event log's
  append-only trigger yields only to that transaction (the `pruning` mark, migration 0004).
No Qt; call from the sync worker's thread.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import text

from counter_app.services.db import Database
from counter_app.services.status import Status
from counter_app.sync.local_store import is_counter_store

KEEP_DAYS = 30
GONE_FOR_GOOD = (Status.REFUSED, Status.WITHDRAWN, Status.STOPPED, Status.RETURNED)


def prune(local: Database, now: datetime, keep_days: int = KEEP_DAYS) -> int:
    """Remove old finished dossiers from a counter's local store; returns how many."""
    if local.dialect != "sqlite" or not is_counter_store(local):
        return 0
    cutoff = now - timedelta(days=keep_days)
    finished = ",".join(str(int(s)) for s in GONE_FOR_GOOD)
    with local.transaction() as session:
        session.execute(text("CREATE TEMP TABLE IF NOT EXISTS prune_ids (id TEXT PRIMARY KEY)"))
        session.execute(text("DELETE FROM prune_ids"))
        session.execute(text(
            f"INSERT INTO prune_ids SELECT d.id FROM dossier d WHERE d.status IN ({finished}) "
            "AND d.received_at < :cutoff AND NOT EXISTS ("
            "  SELECT 1 FROM outbox o WHERE o.row_id = d.id"
            "  OR json_extract(o.payload, '$.dossier_id') = d.id)"
        ), {"cutoff": cutoff})
        count = session.execute(text("SELECT count(*) FROM prune_ids")).scalar_one()
        if count:
            session.execute(text("INSERT INTO sync_state (key, value) VALUES ('pruning', '1')"))
            for statement in (
                "DELETE FROM dossier_event WHERE dossier_id IN prune_ids",
                "DELETE FROM dossier_document WHERE dossier_id IN prune_ids",
                "DELETE FROM reception_slip WHERE dossier_id IN prune_ids",
                "DELETE FROM print_log WHERE reference IN (SELECT code FROM dossier WHERE id IN prune_ids)",
            ):
                session.execute(text(statement))
            session.execute(text("DELETE FROM dossier WHERE id IN prune_ids"))
            session.execute(text("DELETE FROM sync_state WHERE key = 'pruning'"))
        session.execute(text("DELETE FROM prune_ids"))
        return int(count)
