"""A counter's local copy of the event log may be pruned (SQLite only)

Revision ID: 0004
Revises: 0003

The central database is the system of record and keeps its event log strictly append-only. A
counter's local store is a working copy: it keeps what it needs for a day offline, so the sync
worker prunes old, finished, already-acknowledged dossiers (`counter_app.sync.prune`). The local
delete trigger therefore yields to one marked transaction — `sync_state` key `pruning` present —
and refuses every other DELETE as before. UPDATE stays refused everywhere.
"""
from typing import Sequence, Union

from alembic import op

revision: str = "0004"
down_revision: Union[str, Sequence[str], None] = "0003"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TRIGGER IF EXISTS dossier_event_no_delete")
    op.execute(
        "CREATE TRIGGER dossier_event_no_delete BEFORE DELETE ON dossier_event "
        "WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'pruning') "
        "BEGIN SELECT RAISE(ABORT, 'dossier_event is append-only'); END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TRIGGER IF EXISTS dossier_event_no_delete")
    op.execute(
        "CREATE TRIGGER dossier_event_no_delete BEFORE DELETE ON dossier_event "
        "BEGIN SELECT RAISE(ABORT, 'dossier_event is append-only'); END"
    )
