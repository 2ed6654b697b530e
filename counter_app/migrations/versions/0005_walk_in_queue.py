"""walk-in queue: service groups, tickets, the waiting set, queue events, counter states

Revision ID: 0005
Revises: 0004

`queue_waiting` is the small set a call reads and locks (`SELECT … FOR UPDATE SKIP LOCKED` on
PostgreSQL); rows leave it when called, so calls never scan the day's ticket history.
`queue_event` is append-only like `dossier_event` (triggers refuse UPDATE and DELETE).
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from counter_app.migrations.append_only import make_append_only

revision: str = "0005"
down_revision: Union[str, Sequence[str], None] = "0004"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "service_group",
        sa.Column("code", sa.String(4), nullable=False),
        sa.Column("name", sa.String(150), nullable=False),
        sa.Column("field_codes", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_service_group")),
    )
    op.create_table(
        "queue_ticket",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("agency", sa.String(60), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("group_code", sa.String(4), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("display", sa.String(16), nullable=False),
        sa.Column("priority", sa.Boolean(), nullable=False),
        sa.Column("priority_reason", sa.String(200), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("counter_number", sa.Integer(), nullable=True),
        sa.Column("calls", sa.Integer(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("called_at", sa.DateTime(), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("outcome", sa.String(200), nullable=False),
        sa.Column("carried_over", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_queue_ticket")),
        sa.UniqueConstraint("agency", "day", "group_code", "number", name=op.f("uq_queue_ticket_agency")),
    )
    op.create_index(op.f("ix_queue_ticket_day"), "queue_ticket", ["day"])
    op.create_index(op.f("ix_queue_ticket_status"), "queue_ticket", ["status"])
    op.create_table(
        "queue_waiting",
        sa.Column("ticket_id", sa.String(36), nullable=False),
        sa.Column("group_code", sa.String(4), nullable=False),
        sa.Column("priority", sa.Boolean(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("target_counter", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["ticket_id"], ["queue_ticket.id"], name=op.f("fk_queue_waiting_ticket_id_queue_ticket")),
        sa.PrimaryKeyConstraint("ticket_id", name=op.f("pk_queue_waiting")),
    )
    op.create_index(op.f("ix_queue_waiting_group_code"), "queue_waiting", ["group_code"])
    op.create_table(
        "queue_event",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("ticket_id", sa.String(36), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.String(36), nullable=True),
        sa.Column("counter_number", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["app_user.id"], name=op.f("fk_queue_event_actor_id_app_user")),
        sa.ForeignKeyConstraint(["ticket_id"], ["queue_ticket.id"], name=op.f("fk_queue_event_ticket_id_queue_ticket")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_queue_event")),
    )
    op.create_index(op.f("ix_queue_event_ticket_id"), "queue_event", ["ticket_id"])
    op.create_index(op.f("ix_queue_event_at"), "queue_event", ["at"])
    op.create_table(
        "counter_state",
        sa.Column("counter_number", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("since", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.String(200), nullable=False),
        sa.Column("ticket_id", sa.String(36), nullable=True),
        sa.Column("user_id", sa.String(36), nullable=True),
        sa.Column("normal_streak", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["queue_ticket.id"], name=op.f("fk_counter_state_ticket_id_queue_ticket")),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], name=op.f("fk_counter_state_user_id_app_user")),
        sa.PrimaryKeyConstraint("counter_number", name=op.f("pk_counter_state")),
    )
    op.create_table(
        "ticket_dossier",
        sa.Column("ticket_id", sa.String(36), nullable=False),
        sa.Column("dossier_id", sa.String(36), nullable=False),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossier.id"], name=op.f("fk_ticket_dossier_dossier_id_dossier")),
        sa.ForeignKeyConstraint(["ticket_id"], ["queue_ticket.id"], name=op.f("fk_ticket_dossier_ticket_id_queue_ticket")),
        sa.PrimaryKeyConstraint("ticket_id", "dossier_id", name=op.f("pk_ticket_dossier")),
    )
    make_append_only("queue_event")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS queue_event_no_update")
        op.execute("DROP TRIGGER IF EXISTS queue_event_no_delete")
    else:
        op.execute("DROP TRIGGER IF EXISTS queue_event_append_only ON queue_event")
        op.execute("DROP FUNCTION IF EXISTS queue_event_append_only()")
    for table in ("ticket_dossier", "counter_state", "queue_event", "queue_waiting", "queue_ticket", "service_group"):
        op.drop_table(table)
