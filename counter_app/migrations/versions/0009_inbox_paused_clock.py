"""the inbox index also holds paused_at (the clock stands still while the applicant has the move)

Revision ID: 0009
Revises: 0008

A dossier waiting for a supplement or for fees is neither near due nor due an apology, and turns
late only by what passed before its pause; the inbox's filters test `paused_at`, so the partial
index `ix_dossier_inbox` carries it to keep counting a department's open dossiers an index-only read.
Dossiers already waiting for fees (status 6, whose clock used to run on) are paused from the moment
they started waiting.
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: Union[str, Sequence[str], None] = "0008"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

_OPEN_IN_DEPARTMENTS = sa.text("status IN (2, 4, 5, 6) AND location <> 'centre'")
_COLUMNS = ["department_id", "due_at", "code", "original_due_at", "rescheduled_at", "location"]


def _inbox_index(columns: list[str]) -> None:
    op.drop_index("ix_dossier_inbox", table_name="dossier")
    op.create_index("ix_dossier_inbox", "dossier", columns,
                    sqlite_where=_OPEN_IN_DEPARTMENTS, postgresql_where=_OPEN_IN_DEPARTMENTS)


def upgrade() -> None:
    _inbox_index([*_COLUMNS, "paused_at"])
    op.execute("UPDATE dossier SET paused_at = (SELECT max(e.at) FROM dossier_event e WHERE e.dossier_id = dossier.id "
               "AND e.kind = 'await_fees') WHERE status = 6 AND paused_at IS NULL")


def downgrade() -> None:
    _inbox_index(_COLUMNS)
