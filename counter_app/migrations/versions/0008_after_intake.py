"""after intake: the dossier's department, location and clock marks; apology signers; supplement clock

Revision ID: 0008
Revises: 0007

Issue 5 (hand-over, processing, apology, return). The new dossier columns are caches of the event
log, written in the same transaction as the event that changes them (like `status`):
department_id (copied from the procedure's field at receipt, so a catalogue edit never moves a
received dossier), location, handover_list, paused_at, rescheduled_at, explained_at, finished_at,
returned_at. Existing dossiers get their department from their procedure version.
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: Union[str, Sequence[str], None] = "0007"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

_MOMENTS = ("paused_at", "rescheduled_at", "explained_at", "finished_at", "returned_at")


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy): the dossier's rowid feeds the SQLite name index.
    op.add_column("dossier", sa.Column("department_id", sa.String(36), nullable=True))
    op.add_column("dossier", sa.Column("location", sa.String(20), nullable=False, server_default="centre"))
    op.add_column("dossier", sa.Column("handover_list", sa.String(60), nullable=False, server_default=""))
    for name in _MOMENTS:
        op.add_column("dossier", sa.Column(name, sa.DateTime(), nullable=True))
    # A department's inbox reads its open dossiers in due order from this partial index, which
    # also holds every column its filters test (counting them reads the index alone).
    open_in_departments = sa.text("status IN (2, 4, 5, 6) AND location <> 'centre'")
    columns = ["department_id", "due_at", "code", "original_due_at", "rescheduled_at", "location"]
    op.create_index("ix_dossier_inbox", "dossier", columns,
                    sqlite_where=open_in_departments, postgresql_where=open_in_departments)
    op.create_index("ix_dossier_handover_list", "dossier", ["handover_list"])
    op.execute(
        "UPDATE dossier SET department_id = (SELECT field.department_id FROM procedure "
        "JOIN field ON field.id = procedure.field_id WHERE procedure.id = dossier.procedure_id)"
    )
    # Dossiers already finished before this version: their finishing moment is unknown; the
    # received time keeps reports from calling them open.
    op.execute("UPDATE dossier SET finished_at = received_at WHERE status IN (3, 7, 8, 9, 10)")
    op.add_column("department", sa.Column("head_title", sa.String(100), nullable=False, server_default="GIÁM ĐỐC"))
    op.add_column("department", sa.Column("head_name", sa.String(150), nullable=False, server_default=""))
    op.add_column("procedure", sa.Column("supplement_clock", sa.String(10), nullable=True))


def downgrade() -> None:
    op.drop_column("procedure", "supplement_clock")
    op.drop_column("department", "head_name")
    op.drop_column("department", "head_title")
    op.drop_index("ix_dossier_handover_list", table_name="dossier")
    op.drop_index("ix_dossier_inbox", table_name="dossier")
    for name in ("department_id", "location", "handover_list", *_MOMENTS):
        op.drop_column("dossier", name)
