"""queue_waiting: an index in calling order (issue time, number, id)

Revision ID: 0006
Revises: 0005

A call takes the oldest waiting row of one class (targeted at the counter, over the ageing cap,
priority, normal) — `services.queue_sql.next_row`. With this index each class is one short index
scan that stops at the first row nobody else is taking (`FOR UPDATE SKIP LOCKED`), instead of
sorting the whole waiting set on every call. On PostgreSQL the id is ordered by code point
(COLLATE "C"), as `queue_order` breaks ties.
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: Union[str, Sequence[str], None] = "0005"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    ticket_id = sa.text('ticket_id COLLATE "C"') if op.get_bind().dialect.name == "postgresql" else "ticket_id"
    op.create_index("ix_queue_waiting_age", "queue_waiting", ["issued_at", "number", ticket_id])


def downgrade() -> None:
    op.drop_index("ix_queue_waiting_age", table_name="queue_waiting")
